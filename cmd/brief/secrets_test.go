package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Fake secrets: none may appear in any output.
const (
	fakeOpenAIKey    = "sk-fake-OPENAI-7f3a9c"
	fakeAnthropicKey = "sk-ant-fake-ANTHROPIC-41d2e8"
	fakeSMTPPassword = "smtp-fake-PASSWORD-90b1"
	fakeURLPassword  = "url-fake-PASSWORD-c55e"
	fakeURLToken     = "urltokenFAKE0d7"
	fakeBasePassword = "base-fake-PASSWORD-a81f"
)

// fakeSecrets are the secrets and the encoded forms they travel in: base64
// (HTTP basic authentication) and SMTP AUTH PLAIN.
var fakeSecrets = func() []string {
	plain := []string{fakeOpenAIKey, fakeAnthropicKey, fakeSMTPPassword, fakeURLPassword, fakeURLToken, fakeBasePassword}
	out := append([]string(nil), plain...)
	for _, s := range append(plain, "svc:"+fakeBasePassword, "editor:"+fakeURLPassword, "\x00briefs\x00"+fakeSMTPPassword) {
		out = append(out, base64.StdEncoding.EncodeToString([]byte(s)))
	}
	return out
}()

// echoingModelServer is an OpenAI- and Anthropic-compatible server that
// refuses every request and repeats the credentials it was sent in its
// error message, as a careless proxy might.
func echoingModelServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		sent := r.Header.Get("Authorization") + " " + r.Header.Get("X-Api-Key")
		if u, p, ok := r.BasicAuth(); ok {
			sent += " " + u + ":" + p
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		msg, _ := json.Marshal("Incorrect API key provided: " + sent)
		fmt.Fprintf(w, `{"type":"error","error":{"message":%s,"type":"invalid_request_error","code":"invalid_api_key"}}`, msg)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// smtpRefusing is an SMTP server that offers AUTH without TLS, then
// refuses the login, repeating what it was sent.
func smtpRefusing(t *testing.T) string {
	return rawServer(t, func(c net.Conn) {
		br := bufio.NewReader(c)
		fmt.Fprint(c, "220 mail.example ESMTP\r\n")
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			switch cmd := strings.ToUpper(strings.Fields(line + " x")[0]); cmd {
			case "EHLO", "HELO":
				fmt.Fprint(c, "250-mail.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n")
			case "AUTH":
				fmt.Fprintf(c, "535 5.7.8 Authentication failed for %s\r\n", strings.TrimSpace(line))
			case "QUIT":
				fmt.Fprint(c, "221 bye\r\n")
				return
			default:
				fmt.Fprint(c, "503 5.5.1 Bad sequence\r\n")
			}
		}
	})
}

// TestSecretsNeverShown runs the commands that handle credentials with
// known fake ones: API keys in the environment, the SMTP password, and
// user names and passwords inside URLs (an input, the model server's base
// URL). It greps every output: stdout, stderr with -v, --dry-run, JSON,
// the briefing in every format, the archive export and the raw database
// files.
func TestSecretsNeverShown(t *testing.T) {
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = fakeOpenAIKey
	h.vars["ANTHROPIC_API_KEY"] = fakeAnthropicKey
	h.vars["BRIEF_SMTP_PASSWORD"] = fakeSMTPPassword

	pages := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/missing":
			http.NotFound(w, r)
		case "/redirect":
			http.Redirect(w, r, "/story?from=redirect", http.StatusFound)
		default:
			// A page that links to itself with the credentials it was fetched with.
			fmt.Fprintf(w, `<html><head><title>Terminal approved</title><link rel="canonical" href="http://%s@%s%s"></head><body><article>`,
				"editor:"+fakeURLPassword, r.Host, r.URL.Path)
			for _, p := range harbourStory {
				fmt.Fprintf(w, "<p>%s</p>", p)
			}
			fmt.Fprint(w, "</article></body></html>")
		}
	}))
	defer pages.Close()
	host := strings.TrimPrefix(pages.URL, "http://")
	withPass := "http://editor:" + fakeURLPassword + "@" + host
	withToken := "http://" + fakeURLToken + "@" + host
	models := echoingModelServer(t)
	modelBase := "http://svc:" + fakeBasePassword + "@" + strings.TrimPrefix(models.URL, "http://")
	file := writeTestFile(t, filepath.Join(h.dir, "in", "story.html"), page("Terminal approved", harbourStory...))
	urls := []string{withPass + "/story", withToken + "/story2", withPass + "/missing", withToken + "/redirect"}
	outDir := filepath.Join(h.dir, "out") + "/"

	type output struct{ name, text string }
	var outputs []output // everything brief printed or wrote
	smtpURL := "smtp://briefs@" + strings.TrimPrefix(smtpRefusing(t), "http://")
	day := []string{"--date", "2026-03-10", "--tz", "UTC"}
	cat := func(parts ...[]string) []string { return slices.Concat(parts...) }
	for i, run := range []struct {
		args []string
		code int
		// want is text the run must print (stdout and stderr), so that
		// it is known to have reached what it should.
		want []string
	}{
		{cat([]string{"-v", "add", "--allow-private", file}, urls), 1, []string{"Terminal approved", "HTTP 404", "msg=summarize"}},
		{cat([]string{"-v", "summarize", "-f", "jsonl", "--allow-private", file}, urls), 1, []string{`"url":"http://editor:xxxxx@`, "HTTP 404"}},
		{cat([]string{"-v", "summarize", "-f", "md", "--allow-private", file}, urls), 1, []string{"## Terminal approved"}},
		{cat([]string{"-v", "extract", "-f", "json", "--allow-private"}, urls), 1, []string{`"text":`}},
		{cat([]string{"-v", "summarize", "--save", "-f", "jsonl", "--backend", "openai", "--base-url", modelBase, "--fallback", "always", "--max-fallback", "100", "--allow-private", file, urls[0]}), 0,
			[]string{"llm_fallback", "Incorrect API key provided: Bearer [redacted]"}},
		{[]string{"-v", "summarize", "-f", "json", "--backend", "openai", "--base-url", modelBase, "--no-fallback", file}, 1,
			[]string{"authentication failed", "[redacted]"}},
		{[]string{"-v", "summarize", "-f", "jsonl", "--backend", "anthropic", "--base-url", modelBase, "--fallback", "always", "--max-fallback", "100", file}, 0, []string{"llm_fallback", "[redacted]"}},
		{[]string{"-v", "summarize", "-f", "jsonl", "--backend", "anthropic", "--base-url", modelBase, "--no-fallback", file}, 1, []string{"[redacted]"}},
		{[]string{"-v", "summarize", "--dry-run", "--backend", "openai", "--base-url", modelBase, "--allow-private", file, urls[0]}, 0, []string{"[system]", "dry run"}},
		{[]string{"-v", "summarize", "--dry-run", "-f", "json", "--backend", "anthropic", "--allow-private", file, urls[0]}, 0, []string{`"requests"`}},
		{cat([]string{"-v", "briefing"}, day, []string{"-f", "md", "-f", "html", "-f", "json", "-f", "pdf", "-o", outDir}), 0, nil},
		{cat([]string{"-v", "briefing"}, day, []string{"-f", "json", "--allow-private", file, urls[0], urls[2]}), 1, []string{`"skipped"`, "HTTP 404"}},
		{cat([]string{"-v", "briefing"}, day, []string{"--mail-to", "desk@example.org", "--smtp-url", smtpURL, "--smtp-insecure", "--allow-private", file}), 1,
			[]string{"SMTP AUTH failed", "[redacted]"}},
		{cat([]string{"-v", "briefing"}, day, []string{"--mail-to", "desk@example.org", "--smtp-url", "smtp://briefs:" + fakeSMTPPassword + "@127.0.0.1:1", file}), 2,
			[]string{"BRIEF_SMTP_PASSWORD, not in the URL"}},
		{[]string{"-v", "backends"}, 0, []string{"OPENAI_API_KEY is set"}},
		{[]string{"backends", "-f", "json"}, 0, []string{"ANTHROPIC_API_KEY is set"}},
		{[]string{"archive", "list", "-f", "jsonl"}, 0, []string{"Terminal approved"}},
		{[]string{"archive", "list"}, 0, []string{"Terminal approved"}},
		{[]string{"archive", "export"}, 0, []string{`"kind":"article"`, host}},
	} {
		code, out, errs := h.run("", run.args...)
		name := fmt.Sprintf("run %d (brief %s)", i, strings.Join(run.args[:min(4, len(run.args))], " "))
		if code != run.code {
			t.Errorf("%s: exit %d, want %d\n%s", name, code, run.code, errs)
		}
		for _, w := range run.want {
			if !strings.Contains(out+errs, w) {
				t.Errorf("%s: output lacks %q", name, w)
			}
		}
		outputs = append(outputs, output{name + " stdout", out}, output{name + " stderr", errs})
	}
	for _, p := range []string{h.db, h.db + "-wal"} {
		if b, err := os.ReadFile(p); err == nil {
			outputs = append(outputs, output{p, string(b)})
		}
	}
	files, _ := filepath.Glob(filepath.Join(outDir, "*"))
	if len(files) != 4 {
		t.Errorf("briefing wrote %d files, want 4", len(files))
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, output{p, string(b)})
	}
	for _, out := range outputs {
		for _, s := range fakeSecrets {
			if i := strings.Index(out.text, s); i >= 0 {
				t.Errorf("%s shows %q: …%s…", out.name, s, out.text[max(0, i-100):min(len(out.text), i+len(s)+20)])
			}
		}
	}
}
