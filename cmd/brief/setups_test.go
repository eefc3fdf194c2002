package main

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/summarizetest"
)

// setup is one set-up of the README's Models section: its heading
// comment, the variables it exports and the brief command line it runs.
type setup struct {
	heading string
	vars    map[string]string
	args    []string
}

// readmeSetups returns the set-ups in the README's "### Set-ups" code
// block: each starts at a comment line after a blank line (or the
// block's start) and holds export lines and one brief line.
func readmeSetups(t *testing.T) []setup {
	t.Helper()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(raw), "### Set-ups")
	if !ok {
		t.Fatal("README has no Set-ups section")
	}
	_, block, _ := strings.Cut(sec, "```sh\n")
	block, _, _ = strings.Cut(block, "```")
	var out []setup
	var cur *setup
	for line := range strings.Lines(block) {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			cur = nil
		case strings.HasPrefix(line, "#"):
			if cur == nil {
				out = append(out, setup{heading: strings.TrimSpace(strings.TrimPrefix(line, "#")), vars: map[string]string{}})
				cur = &out[len(out)-1]
			}
		case cur == nil:
			t.Fatalf("README set-up line %q has no heading comment", line)
		case strings.HasPrefix(line, "export "):
			for _, kv := range strings.Fields(strings.TrimPrefix(line, "export ")) {
				k, v, _ := strings.Cut(kv, "=")
				cur.vars[k] = v
			}
		case strings.HasPrefix(line, "brief "):
			line, _, _ = strings.Cut(line, " #")
			cur.args = strings.Fields(line)[1:]
		}
	}
	return out
}

// TestSetups runs each set-up the README's Models section shows, with
// its variables and command line as written, against the fake of the
// matching server: addresses are pointed at the fake, and a set-up that
// relies on the backend's default server gets the backend's own server
// variable set to the fake.
func TestSetups(t *testing.T) {
	fakes := []struct {
		heading string // how the README's comment starts
		fake    func(testing.TB, summarizetest.Faults) *summarizetest.Fake
		faults  summarizetest.Faults
	}{
		{"OpenAI", summarizetest.NewOpenAI, summarizetest.Faults{OnlyModels: []string{"gpt-4.1-mini"}}},
		{"Azure OpenAI", summarizetest.NewAzure, summarizetest.Faults{OnlyModels: []string{"my-gpt-4o-deployment"}}},
		{"Anthropic", summarizetest.NewAnthropic, summarizetest.Faults{}},
		{"Ollama, native API", summarizetest.NewOllama, summarizetest.Faults{OnlyModels: []string{"llama3.2"}}},
		// Ollama's /v1 runs at its own context and says so in its counts.
		{"Ollama's OpenAI endpoint", summarizetest.NewOpenAI, summarizetest.Faults{OnlyModels: []string{"llama3.2"}, Truncate: 8192}},
		{"LM Studio", summarizetest.NewOpenAI, summarizetest.Faults{OnlyModels: []string{"qwen2.5-7b-instruct"}}},
		{"llama.cpp", summarizetest.NewOpenAI, summarizetest.Faults{ServerContext: 16384, RejectSchema: true}},
		{"vLLM", summarizetest.NewOpenAI, summarizetest.Faults{OnlyModels: []string{"Qwen/Qwen2.5-7B-Instruct"}, ServerContext: 32768}},
	}
	setups := readmeSetups(t)
	host := regexp.MustCompile(`https?://[^/\s]+`)
	dir := writeArticles(t, summarizetest.Articles()[:2])
	for _, f := range fakes {
		t.Run(f.heading, func(t *testing.T) {
			i := slices.IndexFunc(setups, func(s setup) bool { return strings.HasPrefix(s.heading, f.heading) })
			if i < 0 {
				t.Fatalf("the README shows no set-up headed %q", f.heading)
			}
			su := setups[i]
			setups = slices.Delete(setups, i, i+1)
			fk := f.fake(t, f.faults)
			h := newHarness(t)
			pointed := false
			for k, v := range su.vars {
				if host.MatchString(v) {
					v, pointed = host.ReplaceAllString(v, fk.URL), true
				}
				h.vars[k] = v
			}
			var args []string
			backend, model := "", ""
			for j, a := range su.args {
				switch {
				case host.MatchString(a):
					a, pointed = host.ReplaceAllString(a, fk.URL), true
				case a == "urls.txt":
					a = dir
				}
				if j > 0 && (su.args[j-1] == "-b" || su.args[j-1] == "--backend") {
					backend = a
				}
				if j > 0 && su.args[j-1] == "--model" {
					model = a
				}
				args = append(args, a)
			}
			row, err := summarize.Lookup(backend)
			if err != nil {
				t.Fatalf("README set-up %q: %v", su.heading, err)
			}
			if !pointed {
				h.vars[row.BaseURLEnv] = fk.BaseURL()
			}
			if model == "" {
				model = row.DefaultModel
			}
			args = append(args[:1:1], append([]string{"-f", "jsonl"}, args[1:]...)...)
			code, out, errs := h.run("", args...)
			if code != 0 {
				t.Fatalf("brief %s: exit %d\n%s", strings.Join(args, " "), code, errs)
			}
			recs := decodeRecords(t, out)
			if len(recs) != 2 {
				t.Fatalf("%d records, want 2", len(recs))
			}
			for _, r := range recs {
				if r.Backend != backend || r.Model != model {
					t.Errorf("%s: backend %q model %q, want %q %q (warnings %q)", r.ID, r.Backend, r.Model, backend, model, r.Warnings)
				}
			}
			if fk.Requests() < 2 {
				t.Errorf("server got %d model requests, want one per article", fk.Requests())
			}
		})
	}
	for _, s := range setups {
		t.Errorf("README set-up %q is tried against no fake", s.heading)
	}
}

// TestModelsCommand: brief models lists what the server offers.
func TestModelsCommand(t *testing.T) {
	fk := summarizetest.NewOllama(t, summarizetest.Faults{OnlyModels: []string{"llama3.2:latest", "qwen2.5:7b"}})
	h := newHarness(t)
	h.vars["OLLAMA_HOST"] = fk.URL
	out := h.mustRun(0, "", "models", "-b", "ollama")
	if out != "llama3.2:latest\nqwen2.5:7b\n" {
		t.Errorf("brief models -b ollama = %q, want the two models", out)
	}
	ofk := summarizetest.NewOpenAI(t, summarizetest.Faults{OnlyModels: []string{"Qwen/Qwen2.5-7B-Instruct"}, ServerContext: 32768})
	var ms []struct {
		Name          string `json:"name"`
		ContextTokens int    `json:"context_tokens"`
	}
	if err := json.Unmarshal([]byte(h.mustRun(0, "", "models", "-b", "openai", "--base-url", ofk.BaseURL(), "-f", "json")), &ms); err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Name != "Qwen/Qwen2.5-7B-Instruct" || ms[0].ContextTokens != 32768 {
		t.Errorf("brief models -b openai = %+v, want the vLLM model with its context", ms)
	}
}

// TestReadmeBackendsTable: the README's table of backends says what the
// registry rows say: each backend with its key and server variables, its
// default server and its default model, and no backend more.
func TestReadmeBackendsTable(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, _ := strings.Cut(string(raw), "## Models")
	sec, _, _ = strings.Cut(sec, "###")
	rows := map[string]string{}
	for line := range strings.Lines(sec) {
		if name, ok := strings.CutPrefix(line, "| `"); ok {
			name, _, _ = strings.Cut(name, "`")
			rows[name] = line
		}
	}
	for _, b := range summarize.Backends() {
		line, ok := rows[b.Name]
		if !ok {
			t.Errorf("README's Models table lacks backend %s", b.Name)
			continue
		}
		delete(rows, b.Name)
		for _, want := range []string{b.KeyEnv, b.BaseURLEnv, b.DefaultBaseURL, b.DefaultModel} {
			if want != "" && !strings.Contains(line, "`"+want+"`") {
				t.Errorf("README's row for %s lacks `%s`:\n%s", b.Name, want, line)
			}
		}
	}
	for name := range rows {
		t.Errorf("README's Models table shows %s, which no backend registers", name)
	}
}
