package summarize

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Factory builds a backend from its configuration.
type Factory func(Config) (Summarizer, error)

// Backend describes a backend as it registers itself: what brief
// backends lists, which environment variables cmd/brief reads for it, and
// how to build it. cmd/brief names no backend and no provider variable;
// it reads them here.
type Backend struct {
	// Name is what --backend selects.
	Name string
	// Description is one line for brief backends.
	Description string
	// DefaultModel is the model used when none is configured; "" for
	// backends without models.
	DefaultModel string
	// KeyEnv names the environment variable holding the API key; "" when
	// the backend needs none.
	KeyEnv string
	// BaseURLEnv names the environment variable holding the server's
	// address; "" when it has none.
	BaseURLEnv string
	// DefaultBaseURL is the server used when none is configured.
	DefaultBaseURL string
	// Local backends run on the user's machine and cost nothing per token.
	Local bool
	// Model is true for backends that call a model (they take an
	// llm.Config in Config.Settings).
	Model bool
	// Batch is true for model backends that can send their requests
	// through a batch API (llm.OpenBatcher, brief add --batch).
	Batch bool
	// New builds the backend.
	New Factory
}

var (
	registryMu sync.RWMutex
	registry   = map[string]Backend{}
)

// Register makes a backend available under b.Name. It panics on an empty
// name, a nil factory or a name registered twice, like sql.Register.
func Register(b Backend) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if b.Name == "" {
		panic("summarize: Register with empty name")
	}
	if b.New == nil {
		panic("summarize: Register factory is nil for " + b.Name)
	}
	if _, dup := registry[b.Name]; dup {
		panic("summarize: Register called twice for " + b.Name)
	}
	registry[b.Name] = b
}

// Backends returns the registered backends, sorted by name.
func Backends() []Backend {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]Backend, 0, len(registry))
	for _, b := range registry {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names returns the names of the registered backends, sorted.
func Names() []string {
	var names []string
	for _, b := range Backends() {
		names = append(names, b.Name)
	}
	return names
}

// ErrUnknownBackend is returned by Lookup and Open for a name no backend
// registered.
var ErrUnknownBackend = errors.New("summarize: unknown backend")

// Lookup returns the backend registered under name.
func Lookup(name string) (Backend, error) {
	registryMu.RLock()
	b, ok := registry[name]
	registryMu.RUnlock()
	if !ok {
		return Backend{}, fmt.Errorf("%w %q (known: %s)", ErrUnknownBackend, name, strings.Join(Names(), ", "))
	}
	return b, nil
}

// Open builds the named backend and wraps it in the checks every backend
// is held to (see Checked).
func Open(name string, cfg Config) (Summarizer, error) {
	b, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	s, err := b.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("summarize: open %s: %w", name, err)
	}
	return Checked(s, cfg), nil
}

// ErrUnusable marks a failure no article can get past (a rejected key, an
// unknown model): model backends make their typed errors match it with
// errors.Is, and Fallback and the CLI stop at once on it.
var ErrUnusable = errors.New("summarize: backend unusable")
