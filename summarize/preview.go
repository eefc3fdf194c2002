package summarize

import (
	"fmt"

	"github.com/brief-news/brief/article"
)

// Message is one chat message of a model request.
type Message struct {
	Role    string `json:"role"` // "system", "user" or "assistant"
	Content string `json:"content"`
}

// Request is a model request as a backend would send it.
type Request struct {
	// Purpose says what the request is for: "digest", "chunk 2/5",
	// "combine".
	Purpose  string    `json:"purpose"`
	Messages []Message `json:"messages"`
	// Estimate is the request's token estimate (characters/4).
	Estimate Estimate `json:"estimate"`
}

// Previewer is implemented by backends that can show the requests they
// would send for an article without sending anything (--dry-run).
type Previewer interface {
	Preview(a *article.Article) ([]Request, error)
}

// OpenPreviewer builds the named backend, like Open, and returns it as a
// Previewer. It fails for backends that make no model requests.
func OpenPreviewer(name string, cfg Config) (Previewer, error) {
	registryMu.RLock()
	f, ok := registry[name]
	registryMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("summarize: unknown backend %q (forgotten import?)", name)
	}
	red := newRedactor(cfg)
	cfg.Logger = red.logger(cfg.Logger)
	s, err := f(cfg)
	if err != nil {
		return nil, red.err(fmt.Errorf("summarize: open %s: %w", name, err))
	}
	p, ok := s.(Previewer)
	if !ok {
		return nil, fmt.Errorf("summarize: backend %q sends no model requests to preview", name)
	}
	return p, nil
}
