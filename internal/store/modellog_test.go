package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

// TestRequestLog: an exchange given to the recorder is in the log with
// its messages as JSON; a closed archive's error goes to onErr.
func TestRequestLog(t *testing.T) {
	s := openTest(t, nil)
	ctx := context.Background()
	var errs []error
	record := store.RequestLog(ctx, s, func(err error) { errs = append(errs, err) })
	record(llm.Exchange{Backend: "ollama", Model: "m", Article: "a9", Purpose: "digest",
		Messages: []llm.Message{{Role: "user", Content: "say hi"}}, Reply: "hi",
		Usage: summarize.Usage{PromptTokens: 7, CompletionTokens: 1}, Took: time.Second})
	got, err := s.ModelRequests(ctx, 0)
	if err != nil || len(got) != 1 {
		t.Fatalf("ModelRequests = %d, %v; want 1", len(got), err)
	}
	if r := got[0]; r.Article != "a9" || r.Reply != "hi" || r.PromptTokens != 7 || r.Request != `[{"role":"user","content":"say hi"}]` {
		t.Errorf("logged = %+v", r)
	}
	if len(errs) != 0 {
		t.Errorf("onErr got %v", errs)
	}
	s.Close()
	record(llm.Exchange{Backend: "ollama"})
	if len(errs) != 1 {
		t.Errorf("after Close, onErr got %d errors, want 1", len(errs))
	}
}

func TestModelSettingsAndLog(t *testing.T) {
	s := openTest(t, nil)
	if got := s.ModelSetting("openai http://x gpt"); got != "" {
		t.Errorf("ModelSetting(unset) = %q, want empty", got)
	}
	for _, v := range []string{"json_object", "text"} {
		if err := s.SetModelSetting("openai http://x gpt", v); err != nil {
			t.Fatal(err)
		}
		if got := s.ModelSetting("openai http://x gpt"); got != v {
			t.Errorf("ModelSetting = %q, want %q", got, v)
		}
	}
	ctx := context.Background()
	for _, p := range []string{"digest", "part 1/2", "combine"} {
		if err := s.LogModelRequest(ctx, store.ModelRequest{Backend: "openai", Model: "gpt", Article: "a1", Purpose: p,
			Request: `[{"role":"user","content":"x"}]`, Reply: "{}", PromptTokens: 10, CompletionTokens: 2, Took: 1500 * time.Millisecond}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.ModelRequests(ctx, 0)
	if err != nil || len(all) != 3 {
		t.Fatalf("ModelRequests(0) = %d, %v; want 3", len(all), err)
	}
	last, err := s.ModelRequests(ctx, 2)
	if err != nil || len(last) != 2 {
		t.Fatalf("ModelRequests(2) = %d, %v; want 2", len(last), err)
	}
	if r := last[0]; r.Backend != "openai" || r.Took != 1500*time.Millisecond || r.PromptTokens != 10 || r.ID == "" {
		t.Errorf("logged request = %+v", r)
	}
}

// TestModelRun: the archive remembers formats, logs requests and caches
// digests for the run; the closers stop the cache, then close the
// archive.
func TestModelRun(t *testing.T) {
	s := openTest(t, nil)
	ctx := context.Background()
	var lc llm.Config
	var o llm.RunOptions
	store.ModelRun(ctx, s, &lc, &o, true, true, nil)
	if lc.Formats == nil || lc.Record == nil || o.Cache == nil || len(o.Closers) != 2 {
		t.Fatalf("ModelRun: formats %v, record %v, cache %v, %d closers", lc.Formats != nil, lc.Record != nil, o.Cache != nil, len(o.Closers))
	}
	if err := lc.Formats.SetFormat("k", "json_schema"); err != nil || s.ModelSetting("response_format k") != "json_schema" {
		t.Errorf("SetFormat: %v, setting %q", err, s.ModelSetting("response_format k"))
	}
	lc.Record(llm.Exchange{Backend: "openai", Purpose: "digest"})
	if got, err := s.ModelRequests(ctx, 0); err != nil || len(got) != 1 {
		t.Errorf("ModelRequests = %d, %v; want 1", len(got), err)
	}
	if err := o.Cache.Put("key", &summarize.Digest{Takeaways: []string{"kept"}}); err != nil {
		t.Fatal(err)
	}
	if err := o.Closers[0](); err != nil {
		t.Fatal(err)
	}
	if d, ok := s.GetDigest("key"); !ok || d.Takeaways[0] != "kept" {
		t.Errorf("after the cache closed, GetDigest = %v, %v", d, ok)
	}
	if err := o.Closers[1](); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ModelRequests(ctx, 0); err == nil {
		t.Error("the archive is open after the closers ran")
	}

	s2 := openTest(t, nil)
	var lc2 llm.Config
	var o2 llm.RunOptions
	store.ModelRun(ctx, s2, &lc2, &o2, false, false, nil)
	if lc2.Record != nil || o2.Cache != nil || len(o2.Closers) != 1 {
		t.Errorf("ModelRun without cache and log: record %v, cache %v, %d closers", lc2.Record != nil, o2.Cache != nil, len(o2.Closers))
	}
}
