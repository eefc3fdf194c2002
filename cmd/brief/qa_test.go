package main

import (
	"io"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

func TestUnknownBackendSuggests(t *testing.T) {
	for _, tt := range []struct {
		backend string
		want    string
		notWant string
	}{
		{"opnai", `did you mean "openai"?`, "forgotten import"},
		{"extractiv", `did you mean "extractive"?`, "forgotten import"},
		{"gemini", "unknown backend (want one of ", "did you mean"},
		{"gemini", "extractive, ollama, openai", "forgotten import"},
	} {
		t.Run(tt.backend, func(t *testing.T) {
			_, errs, code := brief(t, "", "summarize", "--backend", tt.backend, "-")
			if code != exitUsage {
				t.Errorf("exit = %d, want %d; stderr: %s", code, exitUsage, errs)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, errs)
			}
			if strings.Contains(errs, tt.notWant) {
				t.Errorf("stderr has %q:\n%s", tt.notWant, errs)
			}
		})
	}
}

// TestHelpShowsOwnFlags checks that each command offers only the flags
// it reads: the model settings belong to the commands that summarize
// (or list a server's models), not to brief batch cancel or the archive
// commands.
func TestHelpShowsOwnFlags(t *testing.T) {
	model := map[string]bool{}
	for _, f := range summarizerFlags(true) {
		if f.Names()[0] != "base-url" {
			model[f.Names()[0]] = true
		}
	}
	summarizing := map[string]bool{"brief summarize": true, "brief briefing": true, "brief add": true,
		"brief batch resume": true, "brief models": true}
	var walk func(path string, cmds []*cli.Command)
	walk = func(path string, cmds []*cli.Command) {
		for _, cmd := range cmds {
			p := path + " " + cmd.Name
			walk(p, cmd.Subcommands)
			if summarizing[p] {
				continue
			}
			for _, f := range cmd.Flags {
				if model[f.Names()[0]] {
					t.Errorf("%s offers the model flag --%s", p, f.Names()[0])
				}
			}
		}
	}
	walk("brief", newApp(newEnv(nil, io.Discard, io.Discard)).Commands)

	out, errs, code := brief(t, "", "batch", "cancel", "--help")
	if code != 0 {
		t.Fatalf("brief batch cancel --help: exit %d: %s", code, errs)
	}
	var flags []string
	for _, l := range strings.Split(out, "\n") {
		if f, ok := strings.CutPrefix(strings.TrimSpace(l), "--"); ok {
			flags = append(flags, strings.Fields(f)[0])
		}
	}
	if strings.Join(flags, " ") != "base-url help," {
		t.Errorf("brief batch cancel --help lists flags %q, want base-url and help only:\n%s", flags, out)
	}
}

// TestNonArticleFileRefused checks the rule for inputs that are not
// articles: a password file, a table or a file too short to be an
// article is one line on stderr naming it, exit 1, and the other inputs
// are still output.
func TestNonArticleFileRefused(t *testing.T) {
	dir := t.TempDir()
	passwd := writeFile(t, dir, "passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\n")
	table := writeFile(t, dir, "rates.txt", "country,rate,date\nNigeria,27.25,2026-11-24\nGermany,2.50,2026-11-20\nJapan,0.75,2026-11-19\n")
	good := writeFile(t, dir, "story.txt", goodText)
	for _, cmd := range []string{"extract", "summarize"} {
		out, errs, code := brief(t, "", cmd, "-f", "jsonl", passwd, good, table)
		if code != exitPartial {
			t.Errorf("brief %s: exit %d, want %d; stderr: %s", cmd, code, exitPartial, errs)
		}
		if n := strings.Count(out, "\n"); n != 1 || !strings.Contains(out, "Port expansion") {
			t.Errorf("brief %s: stdout has %d lines, want the one article:\n%s", cmd, n, out)
		}
		for _, p := range []string{passwd, table} {
			if !strings.Contains(errs, "brief: extract "+p+": not article text") {
				t.Errorf("brief %s: stderr does not refuse %s in one line:\n%s", cmd, p, errs)
			}
		}
	}
}
