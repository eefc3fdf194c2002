package main

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// resolved runs brief's command line as runEnv does (with --db h.db), but
// the command at path cmd ("summarize", "archive list") only resolves its
// options with resolve and hands them back.
func resolved[T any](t *testing.T, h *harness, resolve func(*cli.Context, *env) (T, error), cmd string, args ...string) (T, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, logger: slog.New(slog.DiscardHandler),
		now: h.clock.now, getenv: func(k string) string { return h.vars[k] }}
	parseMu.Lock()
	e.parsed = func() {}
	app := newApp(e)
	parseMu.Unlock()
	var got T
	cmds, path := app.Commands, strings.Fields(cmd)
	for i, name := range path {
		for _, c := range cmds {
			if c.Name != name {
				continue
			}
			cmds = c.Subcommands
			if i == len(path)-1 {
				c.Action = func(c *cli.Context) error {
					var err error
					got, err = resolve(c, e)
					return err
				}
			}
		}
	}
	withConfig(e, app.Commands)
	withUsageErrors(app)
	argv, err := normalizeArgs(app, append(append([]string{"brief", "--db", h.db}, path...), args...))
	if err == nil {
		parseMu.Lock()
		err = app.RunContext(context.Background(), argv)
		parseMu.Unlock()
	}
	return got, err
}

// TestOptionsResolvedOnce checks the typed options: flag > environment >
// config file > default, decided once, before anything runs, with the
// format following -o's extension.
func TestOptionsResolvedOnce(t *testing.T) {
	h := newHarness(t)
	in := filepath.Join(h.dir, "a.txt")
	h.configFile("jobs: 7\nbackend: extractive\ntakeaways: 2\n")
	for _, tt := range []struct {
		name     string
		env      string // BRIEF_JOBS
		args     []string
		jobs     int
		format   string
		takeaway int
	}{
		{"config file", "", []string{in}, 7, "jsonl", 2},
		{"environment beats config", "5", []string{in}, 5, "jsonl", 2},
		{"flag beats environment", "5", []string{"-j", "3", "--takeaways", "4", in}, 3, "jsonl", 4},
		{"format from -o", "", []string{"-o", filepath.Join(h.dir, "out.json"), in}, 7, "json", 2},
		{"-f", "", []string{"-f", "md", in}, 7, "md", 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("BRIEF_JOBS", tt.env) // urfave/cli reads flag environment variables itself
			} else {
				os.Unsetenv("BRIEF_JOBS")
			}
			o, err := resolved(t, h, resolveSummarize, "summarize", tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if o.Inputs.Jobs != tt.jobs || o.Out.Format != tt.format || o.Summarizer.Takeaways != tt.takeaway {
				t.Errorf("jobs %d, format %q, takeaways %d; want %d, %q, %d", o.Inputs.Jobs, o.Out.Format, o.Summarizer.Takeaways, tt.jobs, tt.format, tt.takeaway)
			}
			if !slices.Equal(o.Inputs.Inputs, []string{in}) || o.DB != "" {
				t.Errorf("inputs %q, db %q; want [%s] and no archive without --save", o.Inputs.Inputs, o.DB, in)
			}
		})
	}
	o, err := resolved(t, h, resolveSummarize, "summarize", "--save", in)
	if err != nil || o.DB != h.db {
		t.Errorf("--save: db %q, err %v; want %s", o.DB, err, h.db)
	}
	x, err := resolved(t, h, resolveExtract, "extract", "-f", "text", in)
	if err != nil || x.Out.Format != "md" {
		t.Errorf("extract -f text: format %q, err %v; want md", x.Out.Format, err)
	}
	if _, err := resolved(t, h, resolveExtract, "extract", "-f", "json", "-o", filepath.Join(h.dir, "x.md"), in); err == nil {
		t.Error("extract -f json -o x.md: no error, want a usage error")
	} else if _, ok := err.(usageError); !ok {
		t.Errorf("extract -f json -o x.md: %T %v, want a usageError", err, err)
	}
	l, err := resolved(t, h, resolveArchiveList, "archive list", "--date", "yesterday", "--tz", "UTC")
	if err != nil || !l.Day.Equal(h.clock.now().Truncate(24*60*60*1e9).AddDate(0, 0, -1)) {
		t.Errorf("archive list --date yesterday: day %v, err %v", l.Day, err)
	}
}

// TestCommandsReadOptionsNotContext checks the layout of cmd/brief: a
// named function that takes a *cli.Context is options parsing (resolve…,
// the config file); everything else, in every file, gets typed options.
// Func literals (the Action adapters) are not named functions.
func TestCommandsReadOptionsNotContext(t *testing.T) {
	parsing := map[string]bool{"configPath": true, "loadConfig": true, "applyConfig": true, "loadConfigBefore": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			for _, p := range fn.Type.Params.List {
				star, ok := p.Type.(*ast.StarExpr)
				if !ok {
					continue
				}
				if sel, ok := star.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "Context" && sel.X.(*ast.Ident).Name == "cli" &&
					!strings.HasPrefix(fn.Name.Name, "resolve") && !parsing[fn.Name.Name] {
					t.Errorf("%s: %s takes a *cli.Context: resolve its options into a struct first", fset.Position(fn.Pos()), fn.Name.Name)
				}
			}
		}
	}
}
