package llm

import (
	"fmt"
	"net/http"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// Defaults of Config.
const (
	// DefaultMaxBodyBytes caps a model server's answer (and error) body.
	DefaultMaxBodyBytes = 8 << 20
	// DefaultSeed is sent where the server takes a seed, so that runs
	// repeat.
	DefaultSeed = 7
	// DefaultIdleTimeout bounds a pause in a streamed answer.
	DefaultIdleTimeout = 2 * time.Minute
)

// Config holds the settings every model backend shares. cmd/brief fills
// one from flags, environment and config file and passes it in
// summarize.Config.Settings. Zero values mean the defaults noted.
type Config struct {
	// APIKey is the provider's key, read by cmd/brief and passed in.
	APIKey string
	// BaseURL points the client at another server (tests, proxies,
	// OpenAI-compatible servers); "" means the provider's.
	BaseURL string
	// HTTPClient is used for every request; nil means a default client.
	// The runtime adds a cap on response bodies (MaxBodyBytes).
	HTTPClient *http.Client
	// ContextTokens is the model's context window; 0 means what the
	// server reports, else a known or conservative default.
	ContextTokens int
	// MaxRetries bounds retries of retryable failures; 0 means a default,
	// a negative value none.
	MaxRetries int
	// RequestTimeout bounds one model request; 0 means no bound beyond
	// the caller's context. A timed-out request is not retried.
	RequestTimeout time.Duration
	// IdleTimeout bounds a pause in a streamed answer; 0 means
	// DefaultIdleTimeout.
	IdleTimeout time.Duration
	// Limiter paces model requests (--rpm, --tpm); nil means no limit.
	Limiter *Limiter
	// Meter counts calls, tokens and cost across a run and enforces
	// --max-cost; nil counts nothing.
	Meter *Meter
	// PromptTemplate overrides blocks of the prompt template, if non-empty.
	PromptTemplate string
	// Temperature is the sampling temperature; 0 (the default) is the
	// most repeatable.
	Temperature float64
	// Seed is sent where the server takes one; 0 means DefaultSeed, a
	// negative value sends none.
	Seed int
	// KeepUngrounded keeps a takeaway whose numbers, dates or names the
	// article does not hold, marked, instead of dropping it.
	KeepUngrounded bool
	// MaxBodyBytes caps a response body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Candidates finds the quotes offered to the model by id; nil offers
	// none (the model then copies quotes out, and they are verified like
	// any other).
	Candidates func(*article.Article) []summarize.Quote
	// Formats remembers which response formats a server refused, across
	// runs; nil remembers nothing.
	Formats FormatMemory
	// Stream says when answers are streamed, with IdleTimeout between
	// chunks: StreamAuto ("", from servers on the user's machine or
	// network), StreamAlways or StreamNever. Ollama's native API always
	// streams.
	Stream string
	// Batch defers model requests into a batch, or answers them from
	// one, inside an llm.BatchSession's context (see Batcher); for
	// backends that implement Batcher.
	Batch bool
	// Record, if set, is given every model request with its reply
	// (--log-requests).
	Record func(Exchange)
}

// Exchange is one model request and what came back, for Config.Record.
type Exchange struct {
	Backend, Model string
	// Article is the article's ID; Purpose what the request was for.
	Article, Purpose string
	Messages         []Message
	Reply            string
	// Err is the failure, "" when there was a reply.
	Err   string
	Usage summarize.Usage
	Took  time.Duration
}

// FormatMemory remembers the strictest response format a server and
// model accepted (an archive implements it).
type FormatMemory interface {
	// Format returns the remembered format for key, "" if none.
	Format(key string) string
	// SetFormat remembers format for key.
	SetFormat(key, format string) error
}

// DefaultConfig returns the defaults with the given API key.
func DefaultConfig(apiKey string) Config {
	return Config{APIKey: apiKey, MaxBodyBytes: DefaultMaxBodyBytes, IdleTimeout: DefaultIdleTimeout}
}

// SettingsOf returns the llm.Config in s.Settings (a Config or *Config),
// or the zero Config when there is none.
func SettingsOf(s summarize.Config) (Config, error) {
	switch v := s.Settings.(type) {
	case nil:
		return Config{}, nil
	case Config:
		return v, nil
	case *Config:
		if v == nil {
			return Config{}, nil
		}
		return *v, nil
	}
	return Config{}, fmt.Errorf("llm: settings of type %T, want llm.Config", s.Settings)
}

func (c Config) seed() (int, bool) {
	switch {
	case c.Seed < 0:
		return 0, false
	case c.Seed == 0:
		return DefaultSeed, true
	}
	return c.Seed, true
}

func (c Config) maxBody() int64 {
	if c.MaxBodyBytes <= 0 {
		return DefaultMaxBodyBytes
	}
	return c.MaxBodyBytes
}

func (c Config) idle() time.Duration {
	if c.IdleTimeout <= 0 {
		return DefaultIdleTimeout
	}
	return c.IdleTimeout
}
