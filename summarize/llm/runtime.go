package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm/internal/prompt"
)

// Reply is what a model returned for one request.
type Reply = prompt.Reply

// Send sends one request to the model and returns its reply. Backends
// implement it with their SDK, inside Runtime.Call.
type Send = prompt.Send

// ServerInfo is what a server says about itself and the model before the
// first request (see Runtime.SetProbe).
type ServerInfo struct {
	// ContextTokens is the model's context window as the server runs it,
	// 0 when it does not say.
	ContextTokens int
	// Limit is the most the server can run the model with, where it
	// differs from ContextTokens (Ollama: the model's trained context,
	// which num_ctx may ask for up to); 0 means ContextTokens.
	Limit int
}

// Runtime is the machinery a model backend is built on: the prompt, the
// caller (limits, budget, typed errors, retries, and a stop on failures
// no article gets past), the server probe, the checks on the answer
// (grounded takeaways, truncated prompts), and the redaction of the
// backend's credentials from what it says. It is safe for concurrent use.
type Runtime struct {
	// Name is the backend's name, Model the model's.
	Name, Model string
	// Settings are the model settings, as given.
	Settings Config
	// Client is the HTTP client to send with: the configured one, with
	// response capture and a body cap.
	Client *http.Client
	// Logger receives debug traces, redacted.
	Logger *slog.Logger

	sc       summarize.Config
	red      *redactor
	caller   *Caller
	opts     prompt.Options
	ctxFixed bool // the context window was configured, not guessed

	mu      sync.Mutex // guards builder and opts
	builder *prompt.Builder
	probeMu sync.Mutex // held while the probe runs
	probe   func(ctx context.Context) (ServerInfo, error)
	probed  bool
	// server is the context window the server reported, 0 if none;
	// sized the window SizeContext fixed for the run, 0 if none. Both
	// are guarded by mu.
	server, sized int
}

// NewRuntime returns the runtime of backend name for model under sc (its
// Settings an llm.Config). defaultContext is the context window to plan
// for when neither the configuration nor the server says.
func NewRuntime(name, model string, sc summarize.Config, defaultContext int) (*Runtime, error) {
	cfg, err := SettingsOf(sc)
	if err != nil {
		return nil, err
	}
	red := newRedactor(cfg)
	logger := red.logger(sc.Log())
	r := &Runtime{
		Name: name, Model: model, Settings: cfg, Logger: logger, sc: sc, red: red,
		Client: CapturingClient(cfg.HTTPClient, cfg.maxBody()),
		caller: &Caller{
			Retry:          RetryPolicy{MaxRetries: cfg.MaxRetries},
			Limiter:        cfg.Limiter,
			Meter:          cfg.Meter,
			AttemptTimeout: cfg.RequestTimeout,
			Logger:         logger,
		},
		ctxFixed: cfg.ContextTokens > 0,
	}
	ctxTokens := cfg.ContextTokens
	if ctxTokens <= 0 {
		ctxTokens = defaultContext
	}
	r.opts = prompt.Options{
		Template:      cfg.PromptTemplate,
		Takeaways:     sc.TakeawayCount(),
		MaxQuotes:     sc.MaxQuotes,
		Taxonomy:      sc.TaxonomyOrDefault(),
		ContextTokens: ctxTokens,
		Candidates:    cfg.Candidates,
		Language:      sc.Language,
		Logger:        logger,
	}
	r.opts.Learn = r.learn
	if cfg.Record != nil {
		r.opts.Record = func(a *article.Article, req prompt.Request, reply prompt.Reply, err error, took time.Duration) {
			ex := Exchange{Backend: name, Model: model, Article: a.ID, Purpose: req.Purpose, Messages: req.Messages,
				Reply: reply.Text, Usage: reply.Usage, Took: took}
			if err != nil {
				ex.Err = red.err(err).Error()
			}
			cfg.Record(ex)
		}
	}
	b, err := prompt.New(r.opts)
	if err != nil {
		return nil, red.err(fmt.Errorf("%s: %w", name, err))
	}
	r.builder = b
	return r, nil
}

// SetProbe sets what the first Summarize asks the server before any
// model request: whether the key and model are good (an error matching
// summarize.ErrUnusable stops the run's model calls), and the model's
// real context window. Other failures of the probe are logged and
// ignored.
func (r *Runtime) SetProbe(p func(ctx context.Context) (ServerInfo, error)) { r.probe = p }

// current returns the prompt builder in use.
func (r *Runtime) current() *prompt.Builder {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.builder
}

// ContextTokens is the context window the runtime plans for (articles
// longer than it are sent in parts).
func (r *Runtime) ContextTokens() int { return r.current().ContextTokens() }

// NumCtx is the context window to ask the server to allocate (Ollama's
// num_ctx): one figure for the whole run, since Ollama reloads the model
// whenever it changes. It is what SizeContext fixed, else the window the
// runtime plans for, rounded up to a multiple of 1024, and never above
// the window the server reported.
func (r *Runtime) NumCtx() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := roundContext(r.builder.ContextTokens())
	if r.sized > 0 {
		n = min(n, r.sized)
	}
	if r.server > 0 {
		n = min(n, r.server)
	}
	return n
}

func roundContext(n int) int { return (n + 1023) / 1024 * 1024 }

// sizeMargin is the room a request may need beyond its prompt and
// answer: a repair request carries the first answer (clipped to about
// 1000 tokens) and the repair instructions.
const sizeMargin = 1280

// SizeContext fixes the window NumCtx asks for, for a run that will
// summarize articles: the room of the largest request among them (its
// prompt, an answer of twice the usual length, and a repair's margin),
// rounded up to a multiple of 1024. It asks the server first (see
// SetProbe), so that the figure stays within the server's window. When
// an article is long enough to be sent in parts, the run keeps the whole
// window, and so it does when articles yields a nil article (one that
// cannot be read ahead); a configured window (Config.ContextTokens) is
// kept. It returns the figure NumCtx now returns.
func (r *Runtime) SizeContext(ctx context.Context, articles iter.Seq[*article.Article]) (int, error) {
	if err := r.prepare(ctx); err != nil {
		return 0, r.red.err(fmt.Errorf("%s: %w", r.Name, err))
	}
	if r.ctxFixed {
		return r.NumCtx(), nil // configured: the run asks for that
	}
	b := r.current()
	window := b.ContextTokens()
	need, n := 0, 0
	for a := range articles {
		n++
		if a == nil {
			need = window // an article not known ahead
			break
		}
		reqs, err := b.Preview(a)
		if err != nil {
			return 0, r.red.err(fmt.Errorf("%s: size the context for %s: %w", r.Name, a.ID, err))
		}
		if len(reqs) > 1 {
			need = window
			break
		}
		for _, q := range reqs {
			need = max(need, q.Estimate.PromptTokens+2*q.Estimate.MaxOutputTokens+sizeMargin)
		}
		if need >= window {
			break
		}
	}
	if need > 0 {
		r.mu.Lock()
		r.sized = roundContext(need)
		r.mu.Unlock()
		r.Logger.Debug("context sized for the run", "backend", r.Name, "num_ctx", r.NumCtx(), "articles", n)
	}
	return r.NumCtx(), nil
}

// Schema returns the JSON schema of an answer.
func (r *Runtime) Schema() json.RawMessage {
	return prompt.Schema(r.sc.TaxonomyOrDefault().Order())
}

// Err redacts the backend's credentials from err's message.
func (r *Runtime) Err(err error) error { return r.red.err(err) }

// prepare runs the probe once, before the first model request; callers
// that arrive meanwhile wait for it.
func (r *Runtime) prepare(ctx context.Context) error {
	r.probeMu.Lock()
	defer r.probeMu.Unlock()
	if r.probed || r.probe == nil {
		return r.caller.Stopped()
	}
	info, err := r.probe(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, summarize.ErrUnusable) {
			r.probed = true
			r.caller.Stop(err)
			return err
		}
		r.Logger.Debug("server probe failed; going on", "backend", r.Name, "err", err)
	}
	r.probed = true
	r.mu.Lock()
	defer r.mu.Unlock()
	r.server = info.Limit
	if r.server == 0 {
		r.server = info.ContextTokens
	}
	if info.ContextTokens > 0 && r.ctxFixed && info.ContextTokens < r.opts.ContextTokens {
		r.Logger.Warn("the server runs the model with a smaller context than configured: planning for the server's", "backend", r.Name,
			"context_tokens", info.ContextTokens, "configured", r.opts.ContextTokens)
	}
	if info.ContextTokens > 0 && (!r.ctxFixed || info.ContextTokens < r.opts.ContextTokens) && info.ContextTokens != r.opts.ContextTokens {
		opts := r.opts
		opts.ContextTokens = info.ContextTokens
		if b, err := prompt.New(opts); err == nil {
			r.Logger.Debug("server reports the model's context", "backend", r.Name, "context_tokens", info.ContextTokens)
			r.opts, r.builder = opts, b
		}
	}
	return nil
}

// learn plans later articles for the context a server turned out to
// have when it cut a prompt.
func (r *Runtime) learn(tokens int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if tokens <= 0 || tokens >= r.opts.ContextTokens {
		return
	}
	opts := r.opts
	opts.ContextTokens = tokens
	if b, err := prompt.New(opts); err == nil {
		r.Logger.Warn("the server cut a prompt: planning for its smaller context", "backend", r.Name, "context_tokens", tokens)
		r.opts, r.builder = opts, b
	}
}

// Call sends one model request through the caller: rate limit, budget,
// typed errors, retries; after a failure no request gets past, it sends
// nothing more.
func (r *Runtime) Call(ctx context.Context, est Estimate, send func(ctx context.Context) (summarize.Usage, error)) (summarize.Usage, error) {
	return r.caller.Call(ctx, est, send)
}

// Summarize makes a's digest with send: one request when the article
// fits the context, else one per part and one to combine. It checks the
// answer: takeaways must be grounded in the article (see Grounded), and a
// server that read far fewer prompt tokens than were sent is taken to
// have cut the article (the article is then sent in parts).
func (r *Runtime) Summarize(ctx context.Context, a *article.Article, send Send) (*summarize.Digest, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := r.prepare(ctx); err != nil {
		return nil, r.red.err(fmt.Errorf("%s: %w", r.Name, err))
	}
	b := r.current()
	d, err := b.Run(ctx, a, send)
	if err != nil {
		return nil, r.red.err(fmt.Errorf("%s: %w", r.Name, err))
	}
	d.Backend, d.Model = r.Name, r.Model
	Ground(a, d, r.Settings.KeepUngrounded)
	if len(d.Takeaways) == 0 {
		return nil, fmt.Errorf("%s: %w", r.Name, &ResponseError{Err: errors.New("no takeaway is grounded in the article")})
	}
	for i, w := range d.Warnings {
		d.Warnings[i] = summarize.Warning{Code: w.Code, Detail: r.red.string(w.Detail)}
	}
	return d, nil
}

// Preview returns the requests Summarize would send for a.
func (r *Runtime) Preview(a *article.Article) ([]Request, error) {
	return r.current().Preview(a)
}

// Factory wraps a backend constructor for summarize.Register: errors it
// returns never show the configured credentials.
func Factory(f func(summarize.Config) (summarize.Summarizer, error)) summarize.Factory {
	return func(sc summarize.Config) (summarize.Summarizer, error) {
		s, err := f(sc)
		if err != nil {
			cfg, _ := SettingsOf(sc)
			return nil, newRedactor(cfg).err(err)
		}
		return s, nil
	}
}

// SeedValue returns the seed to send, and whether to send one.
func (c Config) SeedValue() (int, bool) { return c.seed() }

// Idle returns how long a streamed answer may pause.
func (c Config) Idle() time.Duration { return c.idle() }

// Block is the article data a request carries (for fake servers).
type Block = prompt.Block

// ParseBlock finds the article data in a user message (for fake servers
// and tests).
func ParseBlock(msg string) (*Block, bool) { return prompt.ParseBlock(msg) }

// KnownContext returns the context window brief plans for with the given
// backend and model when the server does not say: the known model's,
// else a conservative default.
func KnownContext(backend, model string) int { return prompt.ContextTokens(backend, model) }

// EstimateTokens estimates the prompt tokens of msgs (bytes/4 plus
// framing), as the planner does.
func EstimateTokens(msgs []Message) int { return prompt.EstimateTokens(msgs) }

// Sizer is implemented by backends that ask their server to allocate a
// context window (Ollama's num_ctx): SizeContext fixes it for a run over
// the run's articles (see Runtime.SizeContext) and returns it, 0 for a
// backend that asks for none.
type Sizer interface {
	SizeContext(ctx context.Context, articles iter.Seq[*article.Article]) (int, error)
}
