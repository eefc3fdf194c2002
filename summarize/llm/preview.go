package llm

import (
	"context"
	"fmt"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm/internal/prompt"
)

// Message is one chat message of a model request.
type Message = prompt.Message

// Request is a model request as a backend would send it.
type Request = prompt.Request

// Previewer is implemented by backends that can show the requests they
// would send for an article without sending anything (--dry-run).
type Previewer interface {
	Preview(a *article.Article) ([]Request, error)
}

// OpenPreviewer builds the named backend, like summarize.Open, and
// returns it as a Previewer. It fails for backends that make no model
// requests. Nothing is sent: without an API key in cfg.Settings, a
// placeholder lets a backend that needs one open.
func OpenPreviewer(name string, cfg summarize.Config) (Previewer, error) {
	if lc, err := SettingsOf(cfg); err == nil && lc.APIKey == "" {
		lc.APIKey = "dry-run"
		cfg.Settings = lc
	}
	return openAs[Previewer](name, cfg, "sends no model requests to preview")
}

// openAs builds the named backend and returns it as a T, or an error
// saying that the backend lacks (what T does).
func openAs[T any](name string, cfg summarize.Config, lacks string) (T, error) {
	var zero T
	b, err := summarize.Lookup(name)
	if err != nil {
		return zero, err
	}
	s, err := b.New(cfg)
	if err != nil {
		return zero, fmt.Errorf("llm: open %s: %w", name, err)
	}
	t, ok := s.(T)
	if !ok {
		return zero, fmt.Errorf("llm: backend %q %s", name, lacks)
	}
	return t, nil
}

// PreviewTotals add up the requests of a dry run.
type PreviewTotals struct {
	Articles, Requests            int
	PromptTokens, MaxOutputTokens int
}

// Add counts one article's requests.
func (t *PreviewTotals) Add(reqs []Request) {
	t.Articles++
	t.Requests += len(reqs)
	for _, r := range reqs {
		t.PromptTokens += r.Estimate.PromptTokens
		t.MaxOutputTokens += r.Estimate.MaxOutputTokens
	}
}

// Estimate is what a request is expected to cost before it is sent.
type Estimate = prompt.Estimate

// ModelInfo is one model a server offers.
type ModelInfo struct {
	Name string `json:"name"`
	// ContextTokens is the model's context window where the server says.
	ContextTokens int `json:"context_tokens,omitempty"`
}

// Lister is implemented by backends that can list the models their
// server offers (brief models).
type Lister interface {
	Models(ctx context.Context) ([]ModelInfo, error)
}

// OpenLister builds the named backend and returns it as a Lister.
func OpenLister(name string, cfg summarize.Config) (Lister, error) {
	return openAs[Lister](name, cfg, "has no models to list")
}
