package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"
)

// commandLines returns the brief command lines in text: lines of its
// code blocks and `inline code` spans that run brief, each cut at a
// comment, pipe or redirection, as argument lists without "brief".
func commandLines(text string) [][]string {
	var cands []string
	inBlock := false
	for line := range strings.Lines(text) {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "```") {
			inBlock = !inBlock
			continue
		}
		if inBlock {
			cands = append(cands, trim)
			continue
		}
		for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(line, -1) {
			cands = append(cands, m[1])
		}
	}
	var out [][]string
	for _, c := range cands {
		// The part of a pipeline that runs brief.
		for part := range strings.SplitSeq(c, "|") {
			toks := strings.Fields(part)
			i := 0
			for i < len(toks) && strings.Contains(toks[i], "=") && !strings.HasPrefix(toks[i], "-") {
				i++ // VAR=value
			}
			switch {
			case i < len(toks) && toks[i] == "brief":
				i++
			case i+2 < len(toks) && toks[i] == "go" && toks[i+1] == "run" && toks[i+2] == "./cmd/brief":
				i += 3
			default:
				continue
			}
			var args []string
			for _, t := range toks[i:] {
				if t == "#" || strings.HasPrefix(t, "<") || strings.HasPrefix(t, ">") || t == "&&" || t == ";" {
					break
				}
				args = append(args, t)
			}
			if len(args) == 0 || strings.HasPrefix(args[0], "INPUT") {
				continue
			}
			out = append(out, args)
		}
	}
	return out
}

func testApp() *cli.App {
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, logger: slog.New(slog.DiscardHandler),
		now: time.Now, getenv: func(string) string { return "" }}
	return newApp(e)
}

// TestReadmeCommandLines checks every brief command line in the README,
// the examples' README and the commands' --help examples against the
// CLI: each names commands and flags that exist, and every command is
// shown somewhere.
func TestReadmeCommandLines(t *testing.T) {
	app := testApp()
	docs := map[string]string{}
	for _, p := range []string{"../../README.md", "../../examples/README.md", "../../examples/cron/README.md"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[p] = string(b)
	}
	var help strings.Builder
	var walk func(cmds []*cli.Command)
	walk = func(cmds []*cli.Command) {
		for _, c := range cmds {
			// Indented example lines, as a code block.
			if _, ex, ok := strings.Cut(c.Description, "Examples:"); ok {
				help.WriteString("```\n" + ex + "\n```\n")
			}
			walk(c.Subcommands)
		}
	}
	walk(app.Commands)
	_, ex, _ := strings.Cut(app.Description, "Examples:")
	help.WriteString("```\n" + ex + "\n```\n")
	docs["--help"] = help.String()

	used := map[string]bool{}
	n := 0
	for name, text := range docs {
		for _, args := range commandLines(text) {
			n++
			for _, a := range args {
				// Example files and globs must name something.
				if strings.HasPrefix(a, "examples/") {
					if m, _ := filepath.Glob("../../" + a); len(m) == 0 {
						t.Errorf("%s: brief %s: %s matches no file", name, strings.Join(args, " "), a)
					}
				}
			}
			norm, err := normalizeArgs(app, append([]string{"brief"}, args...))
			if err != nil {
				t.Errorf("%s: brief %s: %v", name, strings.Join(args, " "), err)
				continue
			}
			// The command path: the tokens after the global flags that
			// name commands.
			cmds := app.Commands
			path := ""
			for _, tok := range norm[1:] {
				c := findCommand(cmds, tok)
				if c == nil {
					continue
				}
				path = strings.TrimSpace(path + " " + c.Name)
				used[path] = true
				cmds = c.Subcommands
				if len(cmds) == 0 {
					break
				}
			}
		}
	}
	if n < 20 {
		t.Fatalf("found only %d command lines: the parser is broken", n)
	}
	var all func(prefix string, cmds []*cli.Command)
	all = func(prefix string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := strings.TrimSpace(prefix + " " + c.Name)
			if !used[p] {
				t.Errorf("brief %s is shown in no README example nor --help example", p)
			}
			all(p, c.Subcommands)
		}
	}
	all("", app.Commands)
}

func TestCommandLinesParser(t *testing.T) {
	got := commandLines("```sh\ncat urls.txt | brief summarize -f jsonl -   # x\nOPENAI_BASE_URL=http://x brief add a.html > out\n```\nRun `brief config path` or `go run ./cmd/brief backends`.\n")
	var b bytes.Buffer
	for _, a := range got {
		b.WriteString(strings.Join(a, " ") + "\n")
	}
	want := "summarize -f jsonl -\nadd a.html\nconfig path\nbackends\n"
	if b.String() != want {
		t.Errorf("commandLines =\n%s\nwant\n%s", b.String(), want)
	}
}

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's command reference")

// flagReference is the README's command reference: every command with
// its arguments and every flag it takes, made from the CLI itself. The
// flag sets several commands share are named once, in italics.
func flagReference(app *cli.App) string {
	groups := []struct {
		name  string
		flags []cli.Flag
	}{
		{"input options", inputFlags()},
		{"model options", summarizerFlags(false)},
		{"mail options", mailFlags()},
	}
	// names lists flags, naming the groups they hold when grouped.
	names := func(flags []cli.Flag, grouped bool) string {
		var out []string
		seen := map[string]bool{}
		for _, g := range groups {
			if !grouped {
				break
			}
			has := len(g.flags) > 0
			for _, gf := range g.flags {
				has = has && hasFlag(flags, gf.Names()[0])
			}
			if has {
				out = append(out, "*"+g.name+"*")
				for _, gf := range g.flags {
					seen[gf.Names()[0]] = true
				}
			}
		}
		for _, f := range flags {
			if vf, ok := f.(cli.VisibleFlag); (ok && !vf.IsVisible()) || seen[f.Names()[0]] {
				continue
			}
			var ns []string
			for _, n := range f.Names() {
				if len(n) == 1 {
					ns = append(ns, "`-"+n+"`")
				} else {
					ns = append(ns, "`--"+n+"`")
				}
			}
			out = append(out, strings.Join(ns, " "))
		}
		if len(out) == 0 {
			return "—"
		}
		return strings.Join(out, ", ")
	}
	var b strings.Builder
	b.WriteString("| command | does | options (`--help` explains each) |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| `brief` | (global options, before or after the command) | %s |\n", names(app.Flags, true))
	var walk func(prefix string, cmds []*cli.Command)
	walk = func(prefix string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := prefix + " " + c.Name
			if len(c.Subcommands) > 0 {
				walk(p, c.Subcommands)
				continue
			}
			args := ""
			if c.ArgsUsage != "" {
				args = " " + strings.Fields(c.ArgsUsage)[0]
			}
			fmt.Fprintf(&b, "| `%s%s` | %s | %s |\n", p, args, strings.ReplaceAll(c.Usage, "|", "\\|"), names(c.Flags, true))
		}
	}
	walk("brief", app.Commands)
	for _, g := range groups {
		fmt.Fprintf(&b, "| *%s* | | %s |\n", g.name, names(g.flags, false))
	}
	return b.String()
}

// TestReadmeFlagReference checks that the README's command reference
// lists every command and every flag the CLI has, and nothing else
// (-update-readme rewrites it).
func TestReadmeFlagReference(t *testing.T) {
	const path = "../../README.md"
	const begin, end = "<!-- command reference: begin -->\n", "<!-- command reference: end -->"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q block", begin, end)
	}
	want := flagReference(testApp())
	got := text[i+len(begin) : j]
	if got == want {
		return
	}
	if *updateReadme {
		if err := os.WriteFile(path, []byte(text[:i+len(begin)]+want+text[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's command reference differs from the CLI (go test ./cmd/brief -run TestReadmeFlagReference -update-readme):\n got:\n%s\nwant:\n%s", got, want)
}

// TestHelpFormatsMatchBehaviour checks each --format's help text against
// what the command does: every format the help names is taken, and one it
// does not name is a usage error that lists the same formats.
func TestHelpFormatsMatchBehaviour(t *testing.T) {
	h := newHarness(t)
	story := writeTestFile(t, filepath.Join(h.dir, "story.txt"), goodText)
	h.mustRun(0, "", "add", story)
	out := filepath.Join(h.dir, "out") + "/"
	runs := map[string][]string{ // the arguments that make each command run
		"summarize": {story}, "extract": {story}, "briefing": {story, "-o", out},
		"archive list": nil, "archive requests": nil, "archive export": nil, "backends": nil,
		"models": {"-b", "ollama", "--base-url", "http://127.0.0.1:1"}, // only a bad format: it would ask the server
	}
	checked := 0
	var walk func(prefix string, cmds []*cli.Command)
	walk = func(prefix string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := strings.TrimSpace(prefix + " " + c.Name)
			walk(p, c.Subcommands)
			var usage string
			for _, f := range c.Flags {
				if f.Names()[0] == "format" {
					usage = f.(cli.DocGenerationFlag).GetUsage()
				}
			}
			if usage == "" {
				continue
			}
			extra, ok := runs[p]
			if !ok {
				t.Errorf("brief %s has --format: add it to this test", p)
				continue
			}
			checked++
			list, ok := strings.CutPrefix(usage, "output format: ")
			if !ok {
				t.Errorf("brief %s --format's help %q does not start with \"output format: \"", p, usage)
				continue
			}
			list, _, _ = strings.Cut(list, " (")
			formats := strings.Split(strings.ReplaceAll(list, " or ", ", "), ", ")
			args := append(strings.Fields(p), extra...)
			if p != "models" {
				for _, f := range formats {
					if code, _, errs := h.run("", append(args, "-f", f)...); code != 0 {
						t.Errorf("brief %s -f %s (the help offers %s): exit %d: %s", p, f, list, code, errs)
					}
				}
			}
			code, _, errs := h.run("", append(args, "-f", "yaml")...)
			if code != exitUsage || !strings.Contains(errs, "unknown format") {
				t.Errorf("brief %s -f yaml: exit %d, stderr %q; want %d and unknown format", p, code, errs, exitUsage)
			}
			for _, f := range formats {
				if !strings.Contains(errs, f) {
					t.Errorf("brief %s -f yaml: the error %q does not list %s", p, strings.TrimSpace(errs), f)
				}
			}
		}
	}
	walk("", testApp().Commands)
	if checked < len(runs) {
		t.Errorf("checked %d commands' formats, want %d", checked, len(runs))
	}
}
