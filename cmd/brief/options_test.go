package main

import (
	"net/http"
	"net/http/httptest"
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
