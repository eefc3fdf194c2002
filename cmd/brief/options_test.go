package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestOptionsCheckedBeforeWork: every option is resolved and checked
// before brief fetches an input: a bad one is exit 2, and the server is
// never asked.
func TestOptionsCheckedBeforeWork(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><article><p>" + strings.Repeat("The harbour reopened on Monday. ", 20) + "</p></article></body></html>"))
	}))
	defer srv.Close()
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"jobs", []string{"-j", "100"}, "-j 100: want 1 to 64"},
		{"takeaways", []string{"--takeaways", "0"}, "--takeaways must be at least 1"},
		{"method", []string{"--method", "best"}, `--method "best": want rank or lead`},
		{"since", []string{"--since", "last week"}, `--since "last week"`},
		{"since in the future", []string{"--since", "-24h"}, `--since "-24h": in the future`},
		{"tz", []string{"--tz", "Mars/Olympus"}, `--tz "Mars/Olympus"`},
		{"date", []string{"--date", "someday"}, `--date "someday"`},
		{"template", []string{"--template", filepath.Join(dir, "none.tmpl")}, "--template:"},
		{"output", []string{"-o", filepath.Join(dir, "no", "x.md")}, "does not exist"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"briefing", "--allow-private", srv.URL + "/story"}, tt.args...)
			_, errs, code := brief(t, "", args...)
			if code != exitUsage || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, exitUsage, tt.want)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the input was fetched %d times before the bad option was reported", n)
	}
	// The same command with good options fetches it.
	if _, errs, code := brief(t, "", "briefing", "--allow-private", srv.URL+"/story", "-o", filepath.Join(dir, "ok.md")); code != 0 || hits.Load() == 0 {
		t.Errorf("good options: exit %d, %d fetches: %s", code, hits.Load(), errs)
	}
}

// TestOptionFilesBounded: a file an option names (config, template,
// prompt template, font) that never ends, is a directory or is not what
// the option wants is a usage error, found at once: brief does not read
// /dev/zero until memory runs out.
func TestOptionFilesBounded(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", goodText)
	out := filepath.Join(dir, "x.pdf")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--config", "/dev/zero", "briefing", in, "-o", out}, "brief: config: /dev/zero: file too large: over 1 MiB"},
		{[]string{"--config", dir, "briefing", in, "-o", out}, "brief: config: " + dir + " is a directory"},
		{[]string{"briefing", in, "-o", out, "--template", "/dev/zero"}, "brief: --template: /dev/zero: file too large: over 1 MiB"},
		{[]string{"briefing", in, "-o", out, "--font", "/dev/zero"}, "brief: --font: /dev/zero: file too large: over 64 MiB"},
		{[]string{"briefing", in, "-o", out, "--font", dir}, "brief: --font: " + dir + " is a directory"},
		{[]string{"briefing", in, "-o", out, "--font", in}, "brief: --font " + in + ": not a TrueType font"},
		{[]string{"summarize", "-b", "ollama", "--prompt-template", "/dev/zero", in}, "brief: --prompt-template: /dev/zero: file too large: over 1 MiB"},
	} {
		_, errs, code := brief(t, "", tt.args...)
		if code != exitUsage || !strings.HasPrefix(errs, tt.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("brief %s: exit %d, stderr %q; want %d and one line %q", strings.Join(tt.args, " "), code, errs, exitUsage, tt.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a briefing was written despite the bad option")
	}
}

// TestDBNotAFile: --db naming a directory or a device is a usage error,
// for reading and writing commands alike, before any input is read.
func TestDBNotAFile(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", goodText)
	for _, db := range []string{dir, "/dev/null"} {
		for _, args := range [][]string{{"add", in}, {"archive", "list"}, {"summarize", "--save", in}, {"briefing", "-o", filepath.Join(dir, "x.md")}} {
			out, errs, code := brief(t, "", append([]string{"--db", db}, args...)...)
			want := "brief: --db " + db + ": not a file"
			if code != exitUsage || !strings.HasPrefix(errs, want) || out != "" {
				t.Errorf("brief --db %s %s: exit %d, stdout %q, stderr %q; want %d and %q", db, strings.Join(args, " "), code, out, errs, exitUsage, want)
			}
		}
	}
}

// TestStdinOnce: "-" twice is a usage error, not an empty second input.
func TestStdinOnce(t *testing.T) {
	_, errs, code := brief(t, goodText, "summarize", "-", "-")
	if code != exitUsage || errs != "brief: - (stdin) given twice: it can be read once\n" {
		t.Errorf("brief summarize - -: exit %d, stderr %q; want %d and one line", code, errs, exitUsage)
	}
}
