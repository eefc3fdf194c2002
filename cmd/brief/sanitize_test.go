package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostile holds what must never reach a terminal or an output file.
var hostile = []string{"\x1b", "\u009b", "\u202e", "\u2066", "\u200b", "\ufeff", "\x07", `\u001b`, `\u202e`, `\u200b`}

func checkInert(t *testing.T, what, s string) {
	t.Helper()
	for _, h := range hostile {
		if strings.Contains(s, h) {
			t.Errorf("%s holds %q", what, h)
		}
	}
}

// hostileJSONL is two articles whose fields carry terminal escapes, bidi
// overrides and zero-width characters, and links with schemes no renderer
// may link to.
func hostileJSONL(t *testing.T) string {
	t.Helper()
	para := "MOMBASA — Kenya's ports authority approved a new container terminal on Tuesday, doubling the capacity of East Africa's busiest harbour, officials said."
	recs := []map[string]string{
		{"id": "one", "url": "javascript:alert(document.cookie)", "title": "Port \x1b]8;;https://evil.example\x07deal\x1b]8;;\x07 signed\u202e",
			"text": para + "\n\n\"This \x1b]52;c;cm0gLXJmIH4=\x07terminal changes everything,\" said Amina Odhiambo, an economist at the University of Nairobi.\n\nShips wait up to four days for a berth\u200b."},
		{"id": "two\x1b[2J", "url": "file://server/share/secret.html", "title": "Second \u2066story\u2069 about the port",
			"text": para + "\n\nThe \ufeffconsortium of regional banks will finance it, the authority said on Tuesday."},
		{"id": "three", "url": "data:text/html;base64,PHNjcmlwdD4=", "title": "Third story on the harbour", "text": para},
		{"id": "four", "url": "vbscript:msgbox(1)", "title": "Fourth story on the harbour", "text": para},
	}
	var b strings.Builder
	for _, r := range recs {
		line, _ := json.Marshal(r)
		b.Write(line)
		b.WriteByte('\n')
	}
	return writeFile(t, t.TempDir(), "hostile.jsonl", b.String())
}

var uriRe = regexp.MustCompile(`/URI \(([^)]*)\)`)

// TestSanitizedEverywhere: control, bidi and zero-width characters from
// the inputs reach no output format and not stderr, and only http, https
// and mailto links are made, in PDF too.
func TestSanitizedEverywhere(t *testing.T) {
	in := hostileJSONL(t)
	dir := t.TempDir()
	for _, f := range []string{"md", "html", "json", "pdf"} {
		dst := filepath.Join(dir, "b."+f)
		_, errs, code := brief(t, "", "briefing", in, "-o", dst)
		if code != 0 {
			t.Fatalf("-o %s: exit %d: %s", dst, code, errs)
		}
		checkInert(t, "stderr", errs)
		raw, err := os.ReadFile(dst)
		if err != nil {
			t.Fatal(err)
		}
		if f != "pdf" { // compressed streams hold any byte
			checkInert(t, f, string(raw))
		}
		for _, bad := range []string{"javascript:", "file://", "data:text", "vbscript:"} {
			if f != "json" && strings.Contains(string(raw), bad) && (f == "pdf" || strings.Contains(string(raw), `href="`+bad)) {
				t.Errorf("%s links to %s", f, bad)
			}
		}
		if f == "pdf" {
			for _, m := range uriRe.FindAllStringSubmatch(string(raw), -1) {
				if !strings.HasPrefix(m[1], "http://") && !strings.HasPrefix(m[1], "https://") && !strings.HasPrefix(m[1], "mailto:") {
					t.Errorf("PDF link /URI (%s)", m[1])
				}
			}
		}
	}
	out, errs, code := brief(t, "", "summarize", "-f", "jsonl", in)
	if code != 0 {
		t.Fatalf("summarize: exit %d: %s", code, errs)
	}
	checkInert(t, "summarize output", out)
	checkInert(t, "summarize stderr", errs)

	// A file name with an escape sequence, shown in an error line.
	bad := writeFile(t, dir, "empty\x1b[2J\u202e.html", "")
	_, errs, _ = brief(t, "", "summarize", bad)
	if !strings.Contains(errs, "empty[2J.html") {
		t.Errorf("stderr does not name the file: %q", errs)
	}
	checkInert(t, "stderr naming a file", errs)
}

// TestImportedArchiveSanitized: rows imported from an export carrying
// escapes are shown clean by archive list and the briefing.
func TestImportedArchiveSanitized(t *testing.T) {
	h := newHarness(t)
	exp := `{"kind":"brief-archive","version":1}
{"kind":"article","id":7,"source":"evil\u001b]52;c;eA==\u0007.html","added":"2026-03-10T09:00:00Z","article":{"id":"x","url":"https://example.org/a","title":"Imported \u001b[31mred\u001b[0m title\u202e","paragraphs":["MOMBASA — The port authority approved a terminal on Tuesday, officials said.","A second paragraph\u200b of text."]},"digests":[{"backend":"extractive","model":"","created":"2026-03-10T09:00:00Z","digest":{"takeaways":["Take \u001b]8;;http://evil\u0007away"],"quotes":[],"countries":["KE"],"country":"KE","region":"Africa","backend":"extractive","warnings":[]}}]}
`
	h.mustRun(0, exp, "archive", "import", "-")
	for _, args := range [][]string{{"archive", "list"}, {"archive", "list", "-f", "jsonl"}, {"briefing", "--date", "2026-03-10", "--tz", "UTC"}} {
		code, out, errs := h.run("", args...)
		if code != 0 {
			t.Fatalf("brief %s: exit %d: %s", strings.Join(args, " "), code, errs)
		}
		if !strings.Contains(out, "31mred") || !strings.Contains(out, "0m title") {
			t.Errorf("brief %s: the title is missing:\n%s", strings.Join(args, " "), out)
		}
		checkInert(t, strings.Join(args, " "), out+errs)
	}
}
