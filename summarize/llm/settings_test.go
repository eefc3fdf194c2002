package llm_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

// lookups returns a flag lookup and a getenv over maps.
func lookups(flags, env map[string]string) (func(string) (string, bool), func(string) string) {
	return func(n string) (string, bool) { v, ok := flags[n]; return v, ok },
		func(k string) string { return env[k] }
}

// TestResolveOptionsPrecedence: a setting is the flag's value if given,
// else its environment variable's, else its default.
func TestResolveOptionsPrecedence(t *testing.T) {
	for _, tt := range []struct {
		name       string
		flags, env map[string]string
		check      func(llm.Options) bool
	}{
		{"defaults", nil, nil, func(o llm.Options) bool {
			return o.RPM == 0 && o.MaxRetries == llm.DefaultMaxRetries && o.RequestTimeout == 5*time.Minute &&
				o.IdleTimeout == llm.DefaultIdleTimeout && o.Stream == llm.StreamAuto && o.Fallback == llm.FallbackAuto &&
				o.MaxFallback == 20 && o.Temperature == nil && o.ContextTokens == 0 && o.Model == "" && !o.DryRun
		}},
		{"env over default", nil, map[string]string{"BRIEF_RPM": "30", "BRIEF_MAX_RETRIES": "1", "BRIEF_TEMPERATURE": "0.4",
			"BRIEF_REQUEST_TIMEOUT": "10s", "BRIEF_LOG_REQUESTS": "true"}, func(o llm.Options) bool {
			return o.RPM == 30 && o.MaxRetries == 1 && o.Temperature != nil && *o.Temperature == 0.4 &&
				o.RequestTimeout == 10*time.Second && o.LogRequests
		}},
		{"flag over env", map[string]string{"rpm": "5", "max-retries": "0", "temperature": "0", "model": "m1", "dry-run": "true"},
			map[string]string{"BRIEF_RPM": "30", "BRIEF_MAX_RETRIES": "1", "BRIEF_TEMPERATURE": "0.4"}, func(o llm.Options) bool {
				return o.RPM == 5 && o.MaxRetries == 0 && o.Temperature != nil && *o.Temperature == 0 && o.Model == "m1" && o.DryRun
			}},
		{"no-fallback wins over fallback", map[string]string{"fallback": "always", "no-fallback": "true"}, nil,
			func(o llm.Options) bool { return o.Fallback == llm.FallbackNever }},
		{"no-fallback false keeps fallback", map[string]string{"no-fallback": "false"}, map[string]string{"BRIEF_FALLBACK": "always"},
			func(o llm.Options) bool { return o.Fallback == llm.FallbackAlways }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o, err := llm.ResolveOptions(lookups(tt.flags, tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(o) {
				t.Errorf("ResolveOptions = %+v", o)
			}
		})
	}
}

// TestResolveOptionsErrors: values that do not parse or are out of range
// are errors naming the flag, from the flag or the environment alike.
func TestResolveOptionsErrors(t *testing.T) {
	for _, tt := range []struct {
		flags, env map[string]string
		want       string
	}{
		{map[string]string{"rpm": "-1"}, nil, "--rpm and --tpm"},
		{nil, map[string]string{"BRIEF_TPM": "-3"}, "--rpm and --tpm"},
		{map[string]string{"max-retries": "-1"}, nil, "--max-retries"},
		{nil, map[string]string{"BRIEF_CONTEXT_TOKENS": "-8"}, "--context-tokens"},
		{map[string]string{"stream": "sometimes"}, nil, `--stream "sometimes"`},
		{nil, map[string]string{"BRIEF_FALLBACK": "maybe"}, `--fallback "maybe"`},
		{nil, map[string]string{"BRIEF_DEADLINE": "soon"}, `--deadline "soon"`},
		{map[string]string{"temperature": "warm"}, nil, `--temperature "warm"`},
	} {
		_, err := llm.ResolveOptions(lookups(tt.flags, tt.env))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ResolveOptions(%v, %v) = %v, want an error with %q", tt.flags, tt.env, err, tt.want)
		}
	}
}

// TestSettingsTable: every setting has a name, help and a setter that
// takes its default, and names are unique.
func TestSettingsTable(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range llm.Settings() {
		if s.Name == "" || s.Usage == "" || seen[s.Name] {
			t.Errorf("setting %+v: empty or repeated name or usage", s)
		}
		seen[s.Name] = true
		var ok bool
		switch s.Kind {
		case llm.KindInt:
			_, ok = s.Default.(int)
		case llm.KindFloat:
			_, ok = s.Default.(float64)
		case llm.KindDuration:
			_, ok = s.Default.(time.Duration)
		case llm.KindBool:
			_, ok = s.Default.(bool)
		default:
			_, ok = s.Default.(string)
		}
		if s.Default != nil && !ok {
			t.Errorf("setting %s: default %T does not match its kind %d", s.Name, s.Default, s.Kind)
		}
	}
	for _, n := range []string{"base-url", "context-tokens", "temperature", "dry-run", "prompt-template"} {
		if !seen[n] {
			t.Errorf("no setting %q", n)
		}
	}
}

// TestOptionsPerBackendSection: for one backend, the flag wins over
// BRIEF_ variables, which win over the backend's own server variable,
// which wins over the config file's section for the backend, then its top
// level, then the backend's default model.
func TestOptionsPerBackendSection(t *testing.T) {
	ollama := summarize.Backend{Name: "ollama", DefaultModel: "llama-row", BaseURLEnv: "OLLAMA_HOST", Model: true, Local: true}
	openai := summarize.Backend{Name: "openai", DefaultModel: "gpt-row", KeyEnv: "OPENAI_API_KEY", Model: true}
	warm := 0.8
	section := llm.Layer{Model: "sec-model", BaseURL: "http://sec", ContextTokens: 4096, Temperature: &warm}
	top := llm.Layer{Model: "top-model", BaseURL: "http://top"}
	for _, tt := range []struct {
		name       string
		row        summarize.Backend
		flags, env map[string]string
		files      []llm.Layer
		model, url string
		ctx        int
		temp       float64
		key        string
	}{
		{"default", ollama, nil, nil, nil, "llama-row", "", 0, 0, ""},
		{"top level", ollama, nil, nil, []llm.Layer{{}, top}, "top-model", "http://top", 0, 0, ""},
		{"section over top level", ollama, nil, nil, []llm.Layer{section, top}, "sec-model", "http://sec", 4096, 0.8, ""},
		{"backend env over section", ollama, nil, map[string]string{"OLLAMA_HOST": "http://host:11434"}, []llm.Layer{section, top},
			"sec-model", "http://host:11434", 4096, 0.8, ""},
		{"BRIEF env over backend env", ollama, nil, map[string]string{"OLLAMA_HOST": "http://host:11434", "BRIEF_BASE_URL": "http://brief",
			"BRIEF_CONTEXT_TOKENS": "2048", "BRIEF_TEMPERATURE": "0.1"}, []llm.Layer{section, top}, "sec-model", "http://brief", 2048, 0.1, ""},
		{"flags over all", ollama, map[string]string{"model": "flag-model", "base-url": "http://flag", "context-tokens": "1024", "temperature": "0"},
			map[string]string{"OLLAMA_HOST": "http://host:11434", "BRIEF_BASE_URL": "http://brief", "BRIEF_CONTEXT_TOKENS": "2048"},
			[]llm.Layer{section, top}, "flag-model", "http://flag", 1024, 0, ""},
		{"another backend's key", openai, nil, map[string]string{"OPENAI_API_KEY": "sk-1", "OLLAMA_HOST": "http://host:11434"},
			[]llm.Layer{{}, top}, "top-model", "http://top", 0, 0, "sk-1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			flag, getenv := lookups(tt.flags, tt.env)
			o, err := llm.ResolveOptions(flag, getenv)
			if err != nil {
				t.Fatal(err)
			}
			g, err := o.Given(tt.files, nil)
			if err != nil {
				t.Fatal(err)
			}
			g.Getenv = getenv
			model, c, err := llm.Resolve(tt.row, g)
			if err != nil {
				t.Fatal(err)
			}
			if model != tt.model || c.BaseURL != tt.url || c.ContextTokens != tt.ctx || c.Temperature != tt.temp || c.APIKey != tt.key {
				t.Errorf("got model %q, url %q, context %d, temperature %g, key %q; want %q, %q, %d, %g, %q",
					model, c.BaseURL, c.ContextTokens, c.Temperature, c.APIKey, tt.model, tt.url, tt.ctx, tt.temp, tt.key)
			}
		})
	}
}

// TestOptionsGivenAndRun: Given carries the limits and reads the prompt
// template's file; Run turns the deadline into a time and carries the
// fallback.
func TestOptionsGivenAndRun(t *testing.T) {
	tmpl := filepath.Join(t.TempDir(), "prompt.tmpl")
	if err := os.WriteFile(tmpl, []byte(`{{define "system"}}Be brief.{{end}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	flag, getenv := lookups(map[string]string{"prompt-template": tmpl, "rpm": "12", "deadline": "90s", "fallback": "never", "seed": "-1"}, nil)
	o, err := llm.ResolveOptions(flag, getenv)
	if err != nil {
		t.Fatal(err)
	}
	o.Conns, o.Batch = 8, true
	g, err := o.Given(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g.PromptTemplate != `{{define "system"}}Be brief.{{end}}` || g.RPM != 12 || g.Seed != -1 || g.Conns != 8 || !g.Batch ||
		g.MaxRetries != llm.DefaultMaxRetries {
		t.Errorf("Given = %+v", g)
	}
	now := time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC)
	if r := o.Run(now); !r.Deadline.Equal(now.Add(90*time.Second)) || r.Fallback != llm.FallbackNever || !r.Batch || r.MaxFallback != 20 {
		t.Errorf("Run = %+v", r)
	}
	if r := (llm.Options{}).Run(now); !r.Deadline.IsZero() {
		t.Errorf("Run without a deadline = %+v", r)
	}
	o.PromptTemplate = filepath.Join(t.TempDir(), "missing.tmpl")
	if _, err := o.Given(nil, nil); err == nil || !strings.Contains(err.Error(), "--prompt-template") {
		t.Errorf("Given(missing template) = %v", err)
	}
	tooBig := errors.New("too big")
	if _, err := o.Given(nil, func(string) ([]byte, error) { return nil, tooBig }); !errors.Is(err, tooBig) {
		t.Errorf("Given(read fails) = %v, want its error", err)
	}
}

// TestPreviewTotals: articles, requests and token estimates add up.
func TestPreviewTotals(t *testing.T) {
	var tot llm.PreviewTotals
	tot.Add([]llm.Request{{Estimate: llm.Estimate{PromptTokens: 100, MaxOutputTokens: 40}}, {Estimate: llm.Estimate{PromptTokens: 50, MaxOutputTokens: 10}}})
	tot.Add(nil)
	if want := (llm.PreviewTotals{Articles: 2, Requests: 2, PromptTokens: 150, MaxOutputTokens: 50}); tot != want {
		t.Errorf("totals = %+v, want %+v", tot, want)
	}
}
