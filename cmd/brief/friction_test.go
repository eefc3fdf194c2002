package main

import (
	"strings"
	"testing"
)

// TestDateFiltersInputs: with inputs, --date keeps the articles published
// that day (and says which it left out), rather than only relabelling the
// heading.
func TestDateFiltersInputs(t *testing.T) {
	h := newHarness(t) // today is 2026-03-10
	para := "MOMBASA — The harbour board approved the container terminal budget on Tuesday, officials said."
	in := writeTestFile(t, t.TempDir()+"/in.jsonl",
		`{"id":"old","title":"Monday story","text":"`+para+`","published":"2026-03-09T10:00:00Z"}
{"id":"new","title":"Tuesday story","text":"`+para+`","published":"2026-03-10T10:00:00Z"}
{"id":"undated","title":"Undated story","text":"`+para+`"}
`)
	code, out, errs := h.run("", "briefing", "--tz", "UTC", "--date", "2026-03-09", "-f", "json", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Monday story") || strings.Contains(out, "Tuesday story") || strings.Contains(out, "Undated story") {
		t.Errorf("--date 2026-03-09 briefing holds the wrong stories:\n%.600s", out)
	}
	for _, want := range []string{"brief: new: published 2026-03-10, not on 2026-03-09: left out (--date)", "brief: undated: no publish date, not on 2026-03-09: left out (--date)"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// Today takes the undated article too; no --date takes them all.
	_, out, _ = h.run("", "briefing", "--tz", "UTC", "--date", "today", "-f", "json", in)
	if strings.Contains(out, "Monday story") || !strings.Contains(out, "Tuesday story") || !strings.Contains(out, "Undated story") {
		t.Errorf("--date today:\n%.600s", out)
	}
	_, out, _ = h.run("", "briefing", "--tz", "UTC", "-f", "json", in)
	if !strings.Contains(out, "Monday story") || !strings.Contains(out, "Tuesday story") || !strings.Contains(out, "Undated story") {
		t.Errorf("no --date:\n%.600s", out)
	}
	code, _, errs = h.run("", "briefing", "--tz", "UTC", "--date", "2026-01-01", in)
	if code != exitPartial || !strings.Contains(errs, "no stories: no input was published on 2026-01-01") {
		t.Errorf("a day with none: exit %d, %s", code, errs)
	}
}

func TestFrictionFixes(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", goodText)
	for _, tt := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"missing font", []string{"briefing", in, "-f", "pdf", "-o", dir + "/x.pdf", "--font", "/missing.ttf"}, exitUsage, "brief: --font: open /missing.ttf: no such file or directory"},
		{"backends yaml", []string{"backends", "-f", "yaml"}, exitUsage, `brief: backends: unknown format "yaml" (want text or json)`},
		{"dry-run is summarize's", []string{"briefing", "--dry-run", in}, exitUsage, "brief: unknown flag --dry-run for brief briefing"},
		{"dry-run is not add's", []string{"add", "--dry-run", in}, exitUsage, "brief: unknown flag --dry-run for brief add"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := brief(t, "", tt.args...)
			if code != tt.code || !strings.HasPrefix(errs, tt.err) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errs, tt.code, tt.err)
			}
		})
	}
	// extract says md, like summarize; text is still understood.
	for _, f := range []string{"md", "text"} {
		out, errs, code := brief(t, "", "extract", "-f", f, in)
		if code != 0 || !strings.HasPrefix(out, "# Port expansion approved in Mombasa\n") {
			t.Errorf("extract -f %s: exit %d, out %.60q, %s", f, code, out, errs)
		}
	}
	// One default shown for --context-tokens.
	out, _, _ := brief(t, "", "summarize", "--help")
	for line := range strings.Lines(out) {
		if strings.Contains(line, "--context-tokens") && strings.Count(line, "default:") != 1 {
			t.Errorf("--context-tokens help: %s", line)
		}
	}
}
