package llm

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/brief-news/brief/internal/origin"
	"github.com/brief-news/brief/summarize"
)

// Layer is one source of a backend's settings as the user gave them: the
// command line, or a section of the config file. Zero fields are not set.
type Layer struct {
	Model, BaseURL string
	ContextTokens  int
	Temperature    *float64
}

// Given is every model setting a command was given, before it is
// resolved for one backend. cmd/brief fills it from flags and config
// file; Resolve reads the backend's own environment variables.
type Given struct {
	// Flags are the command line's settings, the strongest; Files are
	// the config file's for this backend, strongest first (its section
	// for the backend, then its top-level model and base_url).
	Flags Layer
	Files []Layer
	// Getenv reads the environment variables the backend registered
	// (KeyEnv, BaseURLEnv); nil reads none.
	Getenv func(string) string
	// Conns is how many requests may run at once: connections kept
	// alive for them.
	Conns int
	// MaxRetries is the number of retries of retryable failures; 0 means
	// none (unlike Config.MaxRetries).
	MaxRetries                  int
	RequestTimeout, IdleTimeout time.Duration
	// RPM and TPM bound requests and tokens a minute; 0 means no bound.
	RPM, TPM int
	// Seed as in Config.Seed; PromptTemplate the template's text.
	Seed           int
	PromptTemplate string
	KeepUngrounded bool
	// MaxCost stops the run's model requests past this many US dollars;
	// 0 means no bound. Prices take precedence over the built-in table.
	MaxCost float64
	Prices  map[string]Price
	// Batch sends the requests through the backend's batch API (see
	// Batcher).
	Batch bool
	// Stream as in Config.Stream.
	Stream string
}

// ErrNoPrice is Resolve's error for a cost bound on a model whose price
// is unknown.
var ErrNoPrice = errors.New("llm: no price known for the model (add it under prices: in the config file)")

// Resolve returns the model and the settings of backend row for what was
// given. The model is the flag's, else the config file's, else the row's
// default; the server the flag's, else the row's environment variable
// (BaseURLEnv), else the config file's; the key is the row's environment
// variable (KeyEnv); the context window and the temperature the flag's,
// else the config file's.
func Resolve(row summarize.Backend, g Given) (string, Config, error) {
	getenv := g.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	layers := append([]Layer{g.Flags}, g.Files...)
	model := g.Flags.Model
	for _, l := range layers {
		if model == "" {
			model = l.Model
		}
	}
	if model == "" {
		model = row.DefaultModel
	}
	c := DefaultConfig("")
	if row.KeyEnv != "" {
		c.APIKey = getenv(row.KeyEnv)
	}
	c.BaseURL = g.Flags.BaseURL
	if c.BaseURL == "" && row.BaseURLEnv != "" {
		c.BaseURL = getenv(row.BaseURLEnv)
	}
	for _, l := range layers {
		if c.BaseURL == "" {
			c.BaseURL = l.BaseURL
		}
		if c.ContextTokens == 0 {
			c.ContextTokens = l.ContextTokens
		}
	}
	for _, l := range layers {
		if l.Temperature != nil {
			c.Temperature = *l.Temperature
			break
		}
	}
	switch {
	case c.ContextTokens < 0:
		return model, c, errors.New("llm: the context window must be positive")
	case g.MaxRetries < 0:
		return model, c, errors.New("llm: retries must be 0 or more")
	case g.RPM < 0 || g.TPM < 0:
		return model, c, errors.New("llm: request and token rates must be 0 (no limit) or more")
	case g.MaxRetries == 0:
		c.MaxRetries = -1
	default:
		c.MaxRetries = g.MaxRetries
	}
	c.HTTPClient = HTTPClient(g.Conns)
	if _, err := Streams(g.Stream, ""); err != nil {
		return model, c, err
	}
	c.RequestTimeout, c.Batch, c.Stream = g.RequestTimeout, g.Batch, g.Stream
	if g.IdleTimeout > 0 {
		c.IdleTimeout = g.IdleTimeout
	}
	c.Seed, c.PromptTemplate, c.KeepUngrounded = g.Seed, g.PromptTemplate, g.KeepUngrounded
	c.Limiter = NewLimiter(g.RPM, g.TPM)
	price := PriceOf(model, row.Local, g.Prices)
	if g.MaxCost > 0 && price == nil {
		return model, c, fmt.Errorf("model %q: %w", model, ErrNoPrice)
	}
	m, err := NewMeter(price, g.MaxCost)
	if err != nil {
		return model, c, err
	}
	c.Meter = m
	return model, c, nil
}

// HTTPClient returns the client brief sends model requests with: keep-
// alive connections for conns requests at once (at least 16), and on a
// redirect the API key goes to the base URL's exact origin only, not to
// another port or scheme of its host.
func HTTPClient(conns int) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = max(16, conns)
	return &http.Client{Transport: tr, CheckRedirect: origin.CheckRedirect(10)}
}
