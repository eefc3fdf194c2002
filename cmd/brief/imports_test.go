package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/brief-news/brief/summarize"
)

// TestNoProviderInCmd holds cmd/brief to the layout: it imports provider
// packages (summarize/<name> other than the shared llm runtime and the
// quote finder) only blank, to register them, and none of its string
// literals names an environment variable a backend registered (those
// come from the registry rows).
func TestNoProviderInCmd(t *testing.T) {
	const summarizePkg = "github.com/brief-news/brief/summarize/"
	shared := map[string]bool{"llm": true, "quote": true}
	var envs []string
	for _, b := range summarize.Backends() {
		for _, v := range []string{b.KeyEnv, b.BaseURLEnv} {
			if v != "" {
				envs = append(envs, v)
			}
		}
	}
	if len(envs) == 0 {
		t.Fatal("no backend registered an environment variable: the check would check nothing")
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			rest, ok := strings.CutPrefix(path, summarizePkg)
			if !ok || shared[strings.SplitN(rest, "/", 2)[0]] {
				continue
			}
			if imp.Name == nil || imp.Name.Name != "_" {
				t.Errorf("%s: imports provider package %s, want only a blank import", fset.Position(imp.Pos()), path)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			for _, v := range envs {
				if strings.Contains(lit.Value, v) {
					t.Errorf("%s: string literal names %s; take it from the backend's registry row", fset.Position(lit.Pos()), v)
				}
			}
			return true
		})
	}
	if checked == 0 {
		t.Fatal("no non-test Go file in cmd/brief")
	}
}
