package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Stories written for the hardening tests.
var (
	harbourStory = []string{
		"VALPARAÍSO — Chile's port authority approved a second container terminal on Monday, the transport ministry said in a statement.",
		"\"The terminal will cut the queue of ships waiting outside the bay by half,\" said Rosa Medina, an economist who studies Pacific trade.",
		"Work is due to start next year and will take four years, officials said.",
	}
	buriedParagraph = "The finance ministry in Nairobi published its budget outline on Friday, and the paragraph that says so sits one hundred thousand elements deep."
)

// errLines returns the lines of stderr that name input id: id followed by
// ":" or " ", or id at the end of the line.
func errLines(stderr, id string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, id+":") || strings.Contains(l, id+" ") || strings.HasSuffix(l, id) {
			out = append(out, l)
		}
	}
	return out
}

// decodeIDs reads JSONL summary records and returns them by ID.
func decodeIDs(t *testing.T, out string) map[string]summaryRecord {
	t.Helper()
	recs := map[string]summaryRecord{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r summaryRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("stdout line is not a JSON record: %v\n%s", err, line)
		}
		recs[r.ID] = r
	}
	return recs
}

// gzipped returns b compressed.
func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBadInputCorpus gives brief summarize a corpus of broken inputs
// among good ones. Each input that cannot be read yields exactly one line
// on stderr naming it and saying why; the readable ones (among them
// invalid UTF-8, a lying charset and 100,000 levels of nesting) are
// digested; the run exits 1 and nothing panics.
func TestBadInputCorpus(t *testing.T) {
	dir := t.TempDir()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Terminal approved in Valparaíso", harbourStory...))
	}))
	defer srv.Close()

	write := func(name string, b []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rng := rand.New(rand.NewPCG(1, 2))
	blob := make([]byte, 4096)
	for i := range blob {
		blob[i] = byte(rng.Uint32())
	}
	blob[10] = 0
	var deep strings.Builder
	deep.WriteString("<html><body>")
	for range 100000 {
		deep.WriteString("<div>")
	}
	deep.WriteString("<p>" + buriedParagraph + "</p></body></html>")
	jsonl := jsonlArticle(t, "record-good", "", "Port terminal approved", harbourStory...) +
		`{"id": "record-broken", "text": "never closed` + "\n"
	stdinList := srv.URL + "/story\n# a comment\n\nnot a url at all\nftp://example.org/file\n"

	good := write("good.html", []byte(page("Terminal approved", harbourStory...)))
	missing := filepath.Join(dir, "missing.html")
	noArticles := filepath.Join(dir, "no-articles")
	write("no-articles/photo.jpg", blob)
	write("no-articles/notes.pdf", []byte("%PDF-1.4"))
	empty := write("empty.html", nil)
	binary := write("blob.html", blob)
	deepPage := write("deep.html", []byte(deep.String()))
	// Latin-1 bytes, no charset declared: invalid as UTF-8.
	latin := write("latin.html", []byte("<html><body><p>Le caf\xe9 du port a rouvert lundi, a d\xe9clar\xe9 la mairie dans un communiqu\xe9 publi\xe9 \xe0 midi.</p></body></html>"))
	// Declares Shift_JIS, holds UTF-8.
	liar := write("liar.html", []byte(`<html><head><meta charset="shift_jis"></head><body><p>Le café du port a rouvert lundi, a déclaré la mairie dans un communiqué publié à midi.</p></body></html>`))
	badGzip := write("broken.html.gz", append([]byte{0x1f, 0x8b, 0x08, 0x00}, []byte("this is not deflate data")...))
	goodGzip := write("good-too.html.gz", gzipped(t, []byte(page("Terminal approved again", harbourStory...))))
	records := write("records.jsonl", []byte(jsonl))
	urlList := write("urls.txt", []byte("# to read\n"+srv.URL+"/listed\nsee the other list\n"))
	noText := write("nav-only.html", []byte(`<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><footer>© Example</footer></body></html>`))
	cookie := write("consent.html", []byte(`<html><head><title>Before you continue</title></head><body>
<div id="consent" class="cookie-consent-banner"><h2>We value your privacy</h2>
<p>We and our 812 partners use cookies and similar technologies to store and access information on your device. Click Accept all to consent, or Manage preferences to choose.</p>
<button>Accept all</button> <button>Reject all</button> <a href="/privacy">Manage preferences</a></div></body></html>`))

	args := []string{"summarize", "-f", "jsonl", "--allow-private", "-j", "2",
		good, missing, noArticles, empty, binary, deepPage, latin, liar, badGzip, goodGzip, records, urlList, noText, cookie, "-"}
	out, errs, code := brief(t, stdinList, args...)

	if code != exitPartial {
		t.Errorf("exit code = %d, want %d", code, exitPartial)
	}
	if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine ") {
		t.Fatalf("stderr shows a panic:\n%s", errs)
	}
	failures := []struct{ id, reason string }{
		{missing, "no such file"},
		{noArticles, "no article files"},
		{empty, "empty"},
		{binary, "binary"},
		{badGzip, "gunzip"},
		{records + ":2", "bad JSON"},
		{"stdin:4", "not a URL"},
		{"stdin:5", "not a URL"},
		{urlList + ":3", "not a URL"},
		{noText, "no readable content"},
		{cookie, "consent"},
	}
	for _, f := range failures {
		lines := errLines(errs, f.id)
		if len(lines) != 1 {
			t.Errorf("stderr names %s on %d lines, want 1:\n%s", f.id, len(lines), errs)
			continue
		}
		if !strings.Contains(lines[0], f.reason) {
			t.Errorf("stderr line for %s = %q, want the reason %q", f.id, lines[0], f.reason)
		}
	}
	// One line per failure plus the summary, and nothing else.
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != len(failures)+1 {
		t.Errorf("stderr has %d lines, want %d (one per failed input and a summary):\n%s", len(lines), len(failures)+1, errs)
	}
	if want := fmt.Sprintf("brief: %d of %d inputs failed", len(failures), len(failures)+8); lines[len(lines)-1] != want {
		t.Errorf("last stderr line = %q, want %q", lines[len(lines)-1], want)
	}

	if !utf8.ValidString(out) {
		t.Error("stdout is not valid UTF-8")
	}
	recs := decodeIDs(t, out)
	for id, want := range map[string]string{
		good:                "second container terminal",
		deepPage:            "one hundred thousand elements deep",
		latin:               "Le café du port a rouvert lundi",
		liar:                "Le café du port a rouvert lundi",
		goodGzip:            "second container terminal",
		"record-good":       "second container terminal",
		srv.URL + "/story":  "second container terminal",
		srv.URL + "/listed": "second container terminal",
	} {
		r, ok := recs[id]
		if !ok {
			t.Errorf("no digest for %s", id)
			continue
		}
		if got := strings.Join(r.Takeaways, " "); !strings.Contains(got, want) {
			t.Errorf("takeaways of %s = %q, want them to contain %q", id, got, want)
		}
	}
	if len(recs) != 8 {
		t.Errorf("stdout has %d digests, want 8 (a URL from each list, the JSONL's good record and five files):\n%s", len(recs), out)
	}
}

// TestHugePageBoundedMemory digests a 50 MB HTML page in a child process
// and checks its peak resident memory, which bounds its heap, stays under
// 200 MB, and that the page and a small one beside it are digested.
func TestHugePageBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file and starts a process")
	}
	dir := t.TempDir()
	para := "<p>" + strings.Repeat("The committee met again on Tuesday and adjourned without a decision on the harbour budget. ", 12) + "</p>\n"
	huge := filepath.Join(dir, "huge.html")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("<html><head><title>Endless minutes</title></head><body><article>")
	for i, n := 0, 0; n < 50<<20; i++ {
		k, _ := fmt.Fprintf(w, "<p>Session %d opened at nine.</p>", i)
		m, _ := w.WriteString(para)
		n += k + m
	}
	w.WriteString("</article></body></html>")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	good := writeTestFile(t, filepath.Join(dir, "good.html"), page("Terminal approved", harbourStory...))

	// A hang guard, not a speed target: before ranking was bounded this
	// run took over ten minutes.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "summarize", "-f", "jsonl", huge, good)
	peakFile := filepath.Join(dir, "peak")
	cmd.Env = append(os.Environ(), "BRIEF_TEST_MAIN=1", "BRIEF_TEST_PEAK="+peakFile, "HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("brief summarize of a 50 MB page: %v\n%s", err, errb.String())
	}
	recs := decodeIDs(t, out.String())
	if len(recs) != 2 || len(recs[huge].Takeaways) == 0 || len(recs[good].Takeaways) == 0 {
		t.Errorf("want a digest with takeaways for both pages, got:\n%s", out.String())
	}
	if raceEnabled {
		t.Skip("the race detector multiplies memory use")
	}
	raw, err := os.ReadFile(peakFile)
	if err != nil {
		t.Skipf("the child reported no peak memory (no /proc?): %v", err)
	}
	var peak int64
	if _, err := fmt.Sscan(string(raw), &peak); err != nil {
		t.Fatalf("peak memory report %q: %v", raw, err)
	}
	if peak > 200<<20 {
		t.Errorf("peak resident memory %d MB for a 50 MB page, want under 200 MB", peak>>20)
	} else {
		t.Logf("peak resident memory %d MB", peak>>20)
	}
}

// childMain is main for a child process started by a test (TestMain, with
// BRIEF_TEST_MAIN=1). With BRIEF_TEST_PEAK=FILE it writes the process's
// peak resident memory in bytes (VmHWM) to FILE before exiting. The child's
// own rusage cannot tell: on Linux it includes the parent's high-water
// mark, since the child starts as a vfork of the test process.
func childMain() {
	peakFile := os.Getenv("BRIEF_TEST_PEAK")
	if peakFile == "" {
		main()
		return
	}
	code := runProcess(os.Args, os.Stdin, os.Stdout, os.Stderr)
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for line := range strings.Lines(string(status)) {
			var kb int64
			if _, err := fmt.Sscanf(line, "VmHWM: %d kB", &kb); err == nil {
				os.WriteFile(peakFile, []byte(fmt.Sprint(kb<<10)), 0o644)
			}
		}
	}
	os.Exit(code)
}
