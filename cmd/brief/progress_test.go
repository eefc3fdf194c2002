package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgressOnlyOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	e := &env{stderr: &buf}
	if p := newProgress(e, 10); p != nil {
		t.Error("newProgress drew a bar on a buffer (not a terminal)")
	}
	// The harness's stderr is a buffer: a run leaves no bar in it.
	h := newHarness(t)
	_, _, errs := h.run("", "add", articleDir(t, 3, []string{"Kenya"}))
	if strings.Contains(errs, "articles") || strings.Contains(errs, "\r") {
		t.Errorf("stderr of a non-terminal run has progress output: %q", errs)
	}
}

// TestProgressDraws checks both renderings: a bar with the count against
// a known total, and, for streamed inputs whose number is not known, the
// count so far and the failures, with no total and no bar.
func TestProgressDraws(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressTo(&buf, 3, 0)
	for range 3 {
		p.clear(false)
		p.done(false)
	}
	if got := buf.String(); !strings.Contains(got, "(2/3)") || !strings.Contains(got, "articles") {
		t.Errorf("bar output %q lacks the count (2/3)", got)
	}
	p.finish()
	if newProgressTo(&buf, 1, 0) != nil {
		t.Error("a bar for a single input")
	}

	buf.Reset()
	p = newProgressTo(&buf, -1, 0)
	for i := range 4 {
		p.clear(false)
		p.done(i == 2)
	}
	got := buf.String()
	for _, want := range []string{"articles: 1 done", "articles: 2 done", "articles: 4 done, 1 failed"} {
		if !strings.Contains(got, want) {
			t.Errorf("streamed progress %q lacks %q", got, want)
		}
	}
	for _, bad := range []string{"/-", "(4/", "█", "|  |"} {
		if strings.Contains(got, bad) {
			t.Errorf("streamed progress %q shows %q: a total or bar it does not know", got, bad)
		}
	}
	p.finish()
	if !strings.HasSuffix(buf.String(), "\x1b[2K\r") && !strings.HasSuffix(buf.String(), "\r") {
		t.Errorf("finish left the spinner on the line: %q", buf.String())
	}

	for _, tt := range []struct {
		n, failed, total int
		want             string
	}{
		{0, 0, -1, "articles: 0 done"},
		{7, 0, -1, "articles: 7 done"},
		{7, 2, -1, "articles: 7 done, 2 failed"},
		{7, 2, 10, "articles"},
	} {
		if got := progressLabel(tt.n, tt.failed, tt.total); got != tt.want {
			t.Errorf("progressLabel(%d, %d, %d) = %q, want %q", tt.n, tt.failed, tt.total, got, tt.want)
		}
	}

	var none *progress // nil is a valid no-op bar
	none.clear(true)
	none.done(true)
	none.finish()
}
