package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/store"
)

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
