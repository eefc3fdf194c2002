package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/brief-news/brief/summarize/summarizetest"
)

// TestSetups runs each set-up the README's Models section shows, with the
// same variables and flags, against the matching fake server.
func TestSetups(t *testing.T) {
	for _, tt := range []struct {
		name    string
		fake    func(testing.TB, summarizetest.Faults) *summarizetest.Fake
		faults  summarizetest.Faults
		vars    func(fk *summarizetest.Fake) map[string]string
		args    func(fk *summarizetest.Fake) []string
		backend string
		model   string
	}{
		{name: "OpenAI", fake: summarizetest.NewOpenAI,
			vars: func(fk *summarizetest.Fake) map[string]string {
				return map[string]string{"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": fk.BaseURL()}
			},
			args:    func(*summarizetest.Fake) []string { return []string{"-b", "openai"} },
			backend: "openai", model: "gpt-4.1-mini"},
		{name: "Azure OpenAI", fake: summarizetest.NewAzure, faults: summarizetest.Faults{OnlyModels: []string{"briefs-4o"}},
			vars: func(fk *summarizetest.Fake) map[string]string {
				return map[string]string{"AZURE_OPENAI_API_KEY": "azure-test", "AZURE_OPENAI_ENDPOINT": fk.URL}
			},
			args:    func(*summarizetest.Fake) []string { return []string{"-b", "azure", "--model", "briefs-4o"} },
			backend: "azure", model: "briefs-4o"},
		{name: "Anthropic", fake: summarizetest.NewAnthropic,
			vars: func(fk *summarizetest.Fake) map[string]string {
				return map[string]string{"ANTHROPIC_API_KEY": "sk-ant-test", "ANTHROPIC_BASE_URL": fk.BaseURL()}
			},
			args:    func(*summarizetest.Fake) []string { return []string{"-b", "anthropic"} },
			backend: "anthropic", model: "claude-haiku-4-5"},
		{name: "Ollama native", fake: summarizetest.NewOllama,
			vars: func(fk *summarizetest.Fake) map[string]string {
				return map[string]string{"OLLAMA_HOST": strings.TrimPrefix(fk.URL, "http://")}
			},
			args:    func(*summarizetest.Fake) []string { return []string{"-b", "ollama", "--model", "llama3.2"} },
			backend: "ollama", model: "llama3.2"},
		{name: "Ollama /v1", fake: summarizetest.NewOpenAI, faults: summarizetest.Faults{OnlyModels: []string{"llama3.2"}},
			args: func(fk *summarizetest.Fake) []string {
				return []string{"-b", "openai", "--base-url", fk.BaseURL(), "--model", "llama3.2", "--context-tokens", "8192"}
			},
			backend: "openai", model: "llama3.2"},
		{name: "LM Studio", fake: summarizetest.NewOpenAI, faults: summarizetest.Faults{OnlyModels: []string{"qwen2.5-7b-instruct"}},
			args: func(fk *summarizetest.Fake) []string {
				return []string{"-b", "openai", "--base-url", fk.BaseURL(), "--model", "qwen2.5-7b-instruct"}
			},
			backend: "openai", model: "qwen2.5-7b-instruct"},
		{name: "llama.cpp", fake: summarizetest.NewOpenAI, faults: summarizetest.Faults{ServerContext: 16384, RejectSchema: true},
			args:    func(fk *summarizetest.Fake) []string { return []string{"-b", "openai", "--base-url", fk.BaseURL()} },
			backend: "openai", model: "gpt-4.1-mini"},
		{name: "vLLM", fake: summarizetest.NewOpenAI,
			faults: summarizetest.Faults{OnlyModels: []string{"Qwen/Qwen2.5-7B-Instruct"}, ServerContext: 32768},
			args: func(fk *summarizetest.Fake) []string {
				return []string{"-b", "openai", "--base-url", fk.BaseURL(), "--model", "Qwen/Qwen2.5-7B-Instruct"}
			},
			backend: "openai", model: "Qwen/Qwen2.5-7B-Instruct"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fk := tt.fake(t, tt.faults)
			h := newHarness(t)
			if tt.vars != nil {
				for k, v := range tt.vars(fk) {
					h.vars[k] = v
				}
			}
			dir := writeArticles(t, summarizetest.Articles()[:2])
			args := append(append([]string{"summarize", "-f", "jsonl"}, tt.args(fk)...), dir)
			code, out, errs := h.run("", args...)
			if code != 0 {
				t.Fatalf("brief %s: exit %d\n%s", strings.Join(args, " "), code, errs)
			}
			for _, r := range decodeRecords(t, out) {
				if r.Backend != tt.backend || r.Model != tt.model {
					t.Errorf("%s: backend %q model %q, want %q %q (warnings %q)", r.ID, r.Backend, r.Model, tt.backend, tt.model, r.Warnings)
				}
			}
			if fk.Requests() < 2 {
				t.Errorf("server got %d model requests, want one per article", fk.Requests())
			}
		})
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
