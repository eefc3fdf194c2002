package main

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/summarize/llm"
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

// flagReads is, for each named function of cmd/brief and for each
// command's Action (keyed "command NAME"), the flags it reads from a
// *cli.Context: c.Method("name") calls, and every setting of the model
// backends for a call of llm.ResolveOptions, directly or through the
// functions it names.
func flagReads(t *testing.T) map[string]map[string]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	direct := map[string]map[string]bool{} // function → flags it reads itself
	refs := map[string]map[string]bool{}   // function → functions it names
	var actions []string
	scan := func(key string, n ast.Node) {
		direct[key], refs[key] = map[string]bool{}, map[string]bool{}
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "llm" && sel.Sel.Name == "ResolveOptions" {
					direct[key]["model"] = true
					for _, s := range llm.Settings() {
						direct[key][s.Name] = true
					}
				}
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "c" && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						direct[key][strings.Trim(lit.Value, `"`)] = true
					}
				}
			case *ast.Ident:
				refs[key][n.Name] = true
			}
			return true
		})
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
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil {
				scan(fn.Name.Name, fn.Body)
			}
		}
		// Each cli.Command literal's Action, keyed by the command's name.
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			var cmd string
			var action ast.Expr
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				switch k, _ := kv.Key.(*ast.Ident); {
				case k == nil:
				case k.Name == "Name":
					if s, ok := kv.Value.(*ast.BasicLit); ok {
						cmd = strings.Trim(s.Value, `"`)
					}
				case k.Name == "Action":
					action = kv.Value
				}
			}
			if cmd != "" && action != nil {
				key := "command " + cmd
				if slices.Contains(actions, key) {
					t.Fatalf("two commands named %q: key them by path", cmd)
				}
				actions = append(actions, key)
				scan(key, action)
			}
			return true
		})
	}
	reads := map[string]map[string]bool{}
	for _, key := range actions {
		got, seen := map[string]bool{}, map[string]bool{}
		var visit func(string)
		visit = func(fn string) {
			if seen[fn] || direct[fn] == nil {
				return
			}
			seen[fn] = true
			for f := range direct[fn] {
				got[f] = true
			}
			for r := range refs[fn] {
				visit(r)
			}
		}
		visit(key)
		reads[key] = got
	}
	return reads
}

// TestCommandFlagsAreRead checks that each flag a command offers (and
// --help lists) is one its Action reads, through its resolve functions:
// a flag no code reads would be taken and silently ignored.
func TestCommandFlagsAreRead(t *testing.T) {
	reads := flagReads(t)
	checked := 0
	var walk func(path string, cmds []*cli.Command)
	walk = func(path string, cmds []*cli.Command) {
		for _, cmd := range cmds {
			p := path + " " + cmd.Name
			walk(p, cmd.Subcommands)
			if cmd.Action == nil {
				continue
			}
			r, ok := reads["command "+cmd.Name]
			if !ok {
				t.Errorf("%s: no Action found in the source", p)
				continue
			}
			checked++
			for _, f := range cmd.Flags {
				if name := f.Names()[0]; !r[name] {
					t.Errorf("%s offers --%s but never reads it: drop it from its Flags (see flagsNamed)", p, name)
				}
			}
		}
	}
	walk("brief", newApp(newEnv(nil, io.Discard, io.Discard)).Commands)
	if checked < 10 {
		t.Fatalf("checked %d commands: the source scan missed the Actions", checked)
	}
}
