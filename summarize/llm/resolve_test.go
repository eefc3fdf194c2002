package llm_test

import (
	"errors"
	"testing"

	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

// TestResolvePrecedence: flags win over the backend's environment
// variables, which win over the config file's section, which wins over
// its top level, which wins over the row's defaults; the key comes from
// the row's KeyEnv only.
func TestResolvePrecedence(t *testing.T) {
	row := summarize.Backend{Name: "x", DefaultModel: "row-model", KeyEnv: "X_KEY", BaseURLEnv: "X_URL", Model: true}
	env := map[string]string{"X_KEY": "k1", "X_URL": "http://env"}
	getenv := func(k string) string { return env[k] }
	half, one := 0.5, 1.0
	section := llm.Layer{Model: "sec-model", BaseURL: "http://sec", ContextTokens: 4096, Temperature: &half}
	top := llm.Layer{Model: "top-model", BaseURL: "http://top", ContextTokens: 2048, Temperature: &one}
	for _, tt := range []struct {
		name               string
		g                  llm.Given
		model, url         string
		ctxTokens          int
		temp               float64
		key                string
		wantRetries        int
		wantMeter, wantErr bool
	}{
		{"defaults", llm.Given{}, "row-model", "", 0, 0, "", -1, true, false},
		{"env", llm.Given{Getenv: getenv}, "row-model", "http://env", 0, 0, "k1", -1, true, false},
		{"files", llm.Given{Files: []llm.Layer{section, top}, MaxRetries: 3}, "sec-model", "http://sec", 4096, 0.5, "", 3, true, false},
		{"top level", llm.Given{Files: []llm.Layer{{}, top}}, "top-model", "http://top", 2048, 1, "", -1, true, false},
		{"env over files", llm.Given{Getenv: getenv, Files: []llm.Layer{section}}, "sec-model", "http://env", 4096, 0.5, "k1", -1, true, false},
		{"flags over all", llm.Given{Getenv: getenv, Files: []llm.Layer{section, top},
			Flags: llm.Layer{Model: "flag-model", BaseURL: "http://flag", ContextTokens: 1024, Temperature: new(float64)}},
			"flag-model", "http://flag", 1024, 0, "k1", -1, true, false},
		{"negative context", llm.Given{Flags: llm.Layer{ContextTokens: -1}}, "row-model", "", -1, 0, "", 0, false, true},
		{"negative rate", llm.Given{RPM: -1}, "row-model", "", 0, 0, "", 0, false, true},
		{"cost without price", llm.Given{MaxCost: 1}, "row-model", "", 0, 0, "", -1, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			model, c, err := llm.Resolve(row, tt.g)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Resolve: err = %v, want error %v", err, tt.wantErr)
			}
			if tt.name == "cost without price" && !errors.Is(err, llm.ErrNoPrice) {
				t.Errorf("err = %v, want ErrNoPrice", err)
			}
			if err != nil {
				return
			}
			if model != tt.model || c.BaseURL != tt.url || c.ContextTokens != tt.ctxTokens || c.Temperature != tt.temp ||
				c.APIKey != tt.key || c.MaxRetries != tt.wantRetries || (c.Meter != nil) != tt.wantMeter {
				t.Errorf("Resolve = %q, {url %q ctx %d temp %v key %q retries %d meter %v}, want %q, {%q %d %v %q %d %v}",
					model, c.BaseURL, c.ContextTokens, c.Temperature, c.APIKey, c.MaxRetries, c.Meter != nil,
					tt.model, tt.url, tt.ctxTokens, tt.temp, tt.key, tt.wantRetries, tt.wantMeter)
			}
			if c.HTTPClient == nil || c.HTTPClient.CheckRedirect == nil {
				t.Error("no HTTP client guarding redirects")
			}
		})
	}
	// A priced model takes a cost bound.
	if _, c, err := llm.Resolve(summarize.Backend{Name: "y", DefaultModel: "m"}, llm.Given{MaxCost: 1,
		Prices: map[string]llm.Price{"m": {Input: 1, Output: 2}}}); err != nil || c.Meter == nil {
		t.Errorf("priced model: meter %v, err %v", c.Meter, err)
	}
}
