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

func TestProgressDraws(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressTo(&buf, 3, 0)
	for range 3 {
		p.clear(false)
		p.done()
	}
	if got := buf.String(); !strings.Contains(got, "(2/3)") || !strings.Contains(got, "articles") {
		t.Errorf("bar output %q lacks the count (2/3)", got)
	}
	p.finish()
	if newProgressTo(&buf, 1, 0) != nil {
		t.Error("a bar for a single input")
	}
	var none *progress // nil is a valid no-op bar
	none.clear(true)
	none.done()
	none.finish()
}
