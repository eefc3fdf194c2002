package summarize

import (
	"fmt"
	"sort"
	"sync"
)

// Factory builds a backend from its configuration.
type Factory func(Config) (Summarizer, error)

var (
	registryMu sync.RWMutex
	registry   = map[string]Factory{}
)

// Register makes a backend available under name. It panics on an empty
// name, a nil factory or a name registered twice, like sql.Register.
func Register(name string, f Factory) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if name == "" {
		panic("summarize: Register with empty name")
	}
	if f == nil {
		panic("summarize: Register factory is nil for " + name)
	}
	if _, dup := registry[name]; dup {
		panic("summarize: Register called twice for " + name)
	}
	registry[name] = f
}

// Backends returns the names of the registered backends, sorted.
func Backends() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Open builds the named backend and wraps it in the checks every backend
// is held to (see Checked). The backend's log lines, like its errors and
// warnings, never show cfg's credentials.
func Open(name string, cfg Config) (Summarizer, error) {
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
	return Checked(s, cfg), nil
}
