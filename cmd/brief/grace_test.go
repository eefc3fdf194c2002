package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-news/brief/briefing"
)

// waitTemp waits until a temporary output file shows in dir.
func waitTemp(t *testing.T, dir string, exited <-chan struct{}) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.Contains(e.Name(), ".tmp-") {
				return
			}
		}
		select {
		case <-exited:
			t.Fatal("brief ended before writing its output")
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatal("no temporary output file appeared")
}

// TestTermEndsStuckWork sends SIGTERM (or SIGHUP) to brief while its work cannot see
// the cancellation (a template that loops, an input FIFO nobody writes):
// the process still exits 130 within 4 seconds and removes its temporary
// file.
func TestTermEndsStuckWork(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	src := t.TempDir()
	in := writeFile(t, src, "a.txt", goodText)
	loop := writeFile(t, src, "loop.tmpl", "{{range 1000000000000}}{{end}}")
	fifo := filepath.Join(src, "feed.jsonl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	for _, tt := range []struct {
		name string
		sig  syscall.Signal
		args func(out string) []string
	}{
		{"looping template", syscall.SIGTERM, func(out string) []string {
			return []string{"briefing", in, "--template", loop, "-o", filepath.Join(out, "today.md")}
		}},
		{"fifo input", syscall.SIGTERM, func(out string) []string {
			return []string{"summarize", fifo, "-o", filepath.Join(out, "digests.jsonl")}
		}},
		// The terminal closing (an ssh session dropped) is the same.
		{"looping template, hangup", syscall.SIGHUP, func(out string) []string {
			return []string{"briefing", in, "--template", loop, "-o", filepath.Join(out, "today.md")}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			cmd := childCmd(t, tt.args(out)...)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan struct{})
			var werr error
			go func() { werr = cmd.Wait(); close(exited) }()
			waitTemp(t, out, exited)
			start := time.Now()
			cmd.Process.Signal(tt.sig)
			select {
			case <-exited:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-exited
				t.Fatalf("still running 10 s after %v; stderr:\n%s", tt.sig, errb.String())
			}
			if took := time.Since(start); took > 4*time.Second {
				t.Errorf("exited %v after %v, want within 4 s", took.Round(time.Millisecond), tt.sig)
			}
			var ee *exec.ExitError
			if !errors.As(werr, &ee) || ee.ExitCode() != exitCanceled {
				t.Errorf("exit: %v, want code %d; stderr:\n%s", werr, exitCanceled, errb.String())
			}
			if ents, _ := os.ReadDir(out); len(ents) > 0 {
				t.Errorf("left behind: %s", ents[0].Name())
			}
		})
	}
}

// TestRenderBudget: a template that writes without end stops at the size
// budget; one that loops without writing stops at the time budget.
func TestRenderBudget(t *testing.T) {
	b := briefing.Build(nil, nil, briefing.Options{Title: "T"})
	var out bytes.Buffer
	_, err := render("md", &out, b, renderOptions{template: "{{range 1000000000000}}0123456789abcdef{{end}}"})
	if !errors.Is(err, errRenderTooBig) || out.Len() > 0 {
		t.Errorf("endless output: err %v, %d bytes written; want %v and nothing", err, out.Len(), errRenderTooBig)
	}
	start := time.Now()
	// About a second of looping (abandoned, it runs on): enough to
	// outlast the budget without burning a core for the rest of the tests.
	_, err = render("md", &out, b, renderOptions{template: "{{range 10000000}}{{end}}", timeout: 100 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "took longer than 100ms") {
		t.Errorf("endless loop: err %v", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("the time budget of 100ms took %v", took)
	}
	// A normal template within budget.
	if _, err := render("md", &out, b, renderOptions{template: "# {{.Title}}\n"}); err != nil || out.String() != "# T\n" {
		t.Errorf("small template: %q, %v", out.String(), err)
	}
}
