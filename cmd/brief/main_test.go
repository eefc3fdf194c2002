package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brief runs the program in-process and returns stdout, stderr and the
// exit code.
func brief(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var out, errw bytes.Buffer
	code := run(context.Background(), append([]string{"brief"}, args...), strings.NewReader(stdin), &out, &errw)
	return out.String(), errw.String(), code
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodText = `Port expansion approved in Mombasa

MOMBASA — Kenya's ports authority approved a new container terminal on Tuesday, doubling the capacity of East Africa's busiest harbour.

The project will be financed by a consortium of regional banks and is expected to open in 2029, officials said.

"This terminal changes what Mombasa can be for the whole region," said Amina Odhiambo, an economist at the University of Nairobi.

Shipping lines have long complained about delays at the port, where vessels wait up to four days for a berth.
`

func TestSummarizeJSONL(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "mombasa.txt", goodText)
	out, errs, code := brief(t, "", "summarize", "-f", "jsonl", p)
	if code != 0 {
		t.Fatalf("exit %d, stderr: %s", code, errs)
	}
	var rec summaryRecord
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	if rec.ID != p {
		t.Errorf("id = %q, want %q", rec.ID, p)
	}
	if len(rec.Takeaways) == 0 || len(rec.Takeaways) > 3 {
		t.Errorf("takeaways = %d, want 1..3", len(rec.Takeaways))
	}
	for _, tk := range rec.Takeaways {
		if !strings.Contains(goodText, tk) {
			t.Errorf("takeaway %q is not a sentence of the article", tk)
		}
	}
	if rec.Backend != "extractive" {
		t.Errorf("backend = %q, want extractive", rec.Backend)
	}
}

func TestBadInputsAmongGood(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", goodText)
	empty := writeFile(t, dir, "empty.txt", "")
	binary := writeFile(t, dir, "blob.html", "\x00\x01\x02\xff\xfe binary \x00 junk")
	missing := filepath.Join(dir, "missing.html")
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	url404 := srv.URL + "/gone"

	out, errs, code := brief(t, "", "summarize", "-f", "jsonl", "--allow-private", good, empty, binary, missing, url404)
	if code != exitPartial {
		t.Errorf("exit code = %d, want %d", code, exitPartial)
	}
	if n := strings.Count(out, "\n"); n != 1 {
		t.Errorf("stdout has %d lines, want 1 (the good input):\n%s", n, out)
	}
	for _, bad := range []string{empty, binary, missing, url404} {
		lines := 0
		for _, l := range strings.Split(errs, "\n") {
			if strings.Contains(l, bad+":") || strings.Contains(l, bad+" ") || strings.HasSuffix(l, bad) {
				lines++
			}
		}
		if lines != 1 {
			t.Errorf("stderr names %s on %d lines, want 1:\n%s", bad, lines, errs)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"no inputs", []string{"summarize"}},
		{"unknown backend", []string{"summarize", "--backend", "nope", "x.txt"}},
		{"unknown format", []string{"summarize", "-f", "xml", "x.txt"}},
		{"bad flag", []string{"summarize", "--no-such-flag", "x.txt"}},
		{"bad date", []string{"briefing", "--date", "tomorrowish", "x.txt"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := brief(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("exit = %d, want %d; stderr: %s", code, exitUsage, errs)
			}
			if strings.TrimSpace(errs) == "" {
				t.Error("no message on stderr")
			}
		})
	}
}

func TestVersion(t *testing.T) {
	out, _, code := brief(t, "", "--version")
	if code != 0 || !strings.Contains(out, "brief version") {
		t.Errorf("--version: exit %d, out %q", code, out)
	}
}

func TestOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", goodText)
	dst := filepath.Join(dir, "out.md")
	_, errs, code := brief(t, "", "briefing", "-f", "md", "-o", dst, p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "# Daily briefing") {
		t.Errorf("briefing lacks its heading:\n%s", b)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestFlagsAfterInputs(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", goodText)
	dst := filepath.Join(dir, "b.json")
	_, errs, code := brief(t, "", "briefing", p, "-f", "json", "-o", dst, "--title", "Desk")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		SchemaVersion int    `json:"schema_version"`
		Title         string `json:"title"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if got.SchemaVersion != 1 || got.Title != "Desk" {
		t.Errorf("got schema %d title %q, want 1 and Desk", got.SchemaVersion, got.Title)
	}
}
