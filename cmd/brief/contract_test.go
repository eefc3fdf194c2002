package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCommandLineContract checks what a script sees for a mistyped
// command or flag: exit code 2, one line naming the mistake (with the
// closest name), the command's usage on stderr and nothing on stdout.
func TestCommandLineContract(t *testing.T) {
	for _, tt := range []struct {
		name      string
		args      []string
		wantLine  string // the first line of stderr
		wantUsage string // a line of the usage that follows
	}{
		{"unknown command", []string{"summarise", "x.txt"},
			`brief: unknown command "summarise" for brief (did you mean "summarize"?)`, "usage: brief COMMAND"},
		{"unknown subcommand", []string{"archive", "lst"},
			`brief: unknown command "lst" for brief archive (did you mean "list"?)`, "usage: brief archive COMMAND"},
		{"unknown config subcommand", []string{"config", "pth"},
			`brief: unknown command "pth" for brief config (did you mean "path"?)`, "usage: brief config COMMAND"},
		{"help for an unknown command", []string{"help", "summarise"},
			`brief: unknown command "summarise" for brief (did you mean "summarize"?)`, "usage: brief COMMAND"},
		{"help for an unknown subcommand", []string{"help", "archive", "lst"},
			`brief: unknown command "lst" for brief archive (did you mean "list"?)`, "usage: brief archive COMMAND"},
		{"nothing close", []string{"frobnicate"},
			`brief: unknown command "frobnicate" for brief (commands: summarize, extract, briefing, add, archive, batch, config, backends, models)`, "usage: brief COMMAND"},
		{"unknown flag", []string{"summarize", "--no-such-flag", "x.txt"},
			"brief: unknown flag --no-such-flag for brief summarize", "usage: brief summarize [options] INPUT..."},
		{"misspelt flag after inputs", []string{"briefing", "x.txt", "--titel", "Desk"},
			"brief: unknown flag --titel for brief briefing (did you mean --title?)", "   --title value"},
		{"misspelt global flag", []string{"--dbb", "x.db", "add", "x.txt"},
			"brief: unknown flag --dbb for brief (did you mean --db?)", "usage: brief COMMAND"},
		{"flag with a control character", []string{"summarize", "--jo\x1bbs", "3", "x.txt"},
			`brief: unknown flag "--jo\x1bbs" for brief summarize (did you mean --jobs?)`, "usage: brief summarize [options]"},
		{"bad flag value", []string{"summarize", "-j", "many", "x.txt"},
			`brief: invalid value "many" for flag -j: parse error`, "usage: brief summarize [options]"},
		{"flag value missing", []string{"summarize", "x.txt", "--takeaways"},
			"brief: flag --takeaways needs a value", "usage: brief summarize [options]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := brief(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("exit = %d, want %d", code, exitUsage)
			}
			if out != "" {
				t.Errorf("stdout = %.200q, want nothing", out)
			}
			lines := strings.Split(errs, "\n")
			if lines[0] != tt.wantLine {
				t.Errorf("first line of stderr:\n got %q\nwant %q", lines[0], tt.wantLine)
			}
			found := false
			for _, l := range lines[1:] {
				if strings.HasPrefix(l, tt.wantUsage) {
					found = true
				}
			}
			if !found {
				t.Errorf("stderr lacks a usage line starting %q:\n%s", tt.wantUsage, errs)
			}
		})
	}
}

// TestGlobalFlagsAfterCommand checks that --db (the form brief add --help
// shows), --config and -v work after the command as well as before it.
func TestGlobalFlagsAfterCommand(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", goodText)
	db := filepath.Join(dir, "after.db")
	out, errs, code := brief(t, "", "add", p, "--db", db, "-v")
	if code != 0 {
		t.Fatalf("brief add x --db: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Port expansion") {
		t.Errorf("brief add printed %q, want the article's line", out)
	}
	out, errs, code = brief(t, "", "archive", "list", "--db="+db, "-f", "jsonl")
	if code != 0 || !strings.Contains(out, "Port expansion") {
		t.Errorf("brief archive list --db=: exit %d, out %q, stderr %s", code, out, errs)
	}
	// The global flag in front still works.
	out, _, code = brief(t, "", "--db", db, "archive", "list", "-f", "jsonl")
	if code != 0 || !strings.Contains(out, "Port expansion") {
		t.Errorf("brief --db x archive list: exit %d, out %q", code, out)
	}
}

func TestClosest(t *testing.T) {
	for _, tt := range []struct {
		in   string
		cand []string
		want string
	}{
		{"summarise", []string{"summarize", "extract"}, "summarize"},
		{"lsit", []string{"list", "rm"}, "list"},
		{"brief", []string{"briefing", "backends"}, "briefing"},
		{"b", []string{"briefing", "backends"}, ""},
		{"xyz", []string{"list", "rm"}, ""},
	} {
		if got := closest(tt.in, tt.cand); got != tt.want {
			t.Errorf("closest(%q, %q) = %q, want %q", tt.in, tt.cand, got, tt.want)
		}
	}
}

func TestJobsBounded(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", goodText)
	for _, j := range []string{"0", "65", "10000000"} {
		_, errs, code := brief(t, "", "summarize", "-j", j, p)
		if code != exitUsage || !strings.Contains(errs, "-j "+j+": want 1 to 64") {
			t.Errorf("-j %s: exit %d, stderr %q; want %d and the bounds", j, code, errs, exitUsage)
		}
	}
	if _, errs, code := brief(t, "", "summarize", "-j", "64", p); code != 0 {
		t.Errorf("-j 64: exit %d: %s", code, errs)
	}
}

// TestExamplesDirectory: brief reads examples/ recursively, taking the
// articles under examples/articles/ and the records of sample.jsonl, and
// leaving out the briefing it made, the URL list and the docs.
func TestExamplesDirectory(t *testing.T) {
	out, errs, code := brief(t, "", "summarize", "-f", "jsonl", "../../examples/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	n := 0
	for line := range strings.Lines(out) {
		n++
		if !strings.Contains(line, `"id":"../../examples/articles/`) && !strings.Contains(line, `"id":"sample-`) {
			t.Errorf("not an example article: %.100s", line)
		}
	}
	arts, _ := filepath.Glob("../../examples/articles/*")
	if want := len(arts) + 2; n != want {
		t.Errorf("%d digests, want %d (one per example article, two from sample.jsonl)", n, want)
	}
}

// TestHelpCommand: "brief help CMD SUB" shows SUB's help, as "brief CMD
// SUB --help" does, at any depth.
func TestHelpCommand(t *testing.T) {
	for _, args := range [][]string{{"help", "archive", "list"}, {"archive", "help", "list"}, {"help", "summarize"}} {
		out, errs, code := brief(t, "", args...)
		want := "brief " + strings.Join(slices.DeleteFunc(slices.Clone(args), func(s string) bool { return s == "help" }), " ") + " - "
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("brief %s: exit %d, stdout %.120q, stderr %q; want the help of %q", strings.Join(args, " "), code, out, errs, want)
		}
	}
}
