package main

import (
	"bytes"
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
