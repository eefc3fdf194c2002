package llm

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// Fallback modes of RunOptions.Fallback.
const (
	// FallbackAuto gives an article the offline digest when the model
	// fails on it; a bad key or model stops the run.
	FallbackAuto = "auto"
	// FallbackAlways gives every failed article the offline digest.
	FallbackAlways = "always"
	// FallbackNever fails the article.
	FallbackNever = "never"
)

// OfflineBackend is the backend a failed article falls back to.
const OfflineBackend = "extractive"

// BatchPriceFactor is a batch API's price as a share of the interactive
// one.
const BatchPriceFactor = 0.5

// RunOptions say how OpenRun wraps a model backend for one command.
type RunOptions struct {
	// Cache, if set, answers articles digested before with the same
	// settings (see CacheKeyParts), and keeps new digests.
	Cache summarize.Cache
	// Deadline, if set, ends every model call at that time (--deadline).
	Deadline time.Time
	// Fallback is FallbackAuto (""), FallbackAlways or FallbackNever.
	Fallback string
	// MaxFallback is the share of articles, in percent, that may get the
	// offline digest before Verdict fails the run.
	MaxFallback float64
	// Batch says the model requests go through a batch API: the usage
	// line counts batched requests, at the batch price.
	Batch bool
	// Closers are run by Session.Close, in order (a cache's writer, then
	// the archive it writes to).
	Closers []func() error
}

// Session is one command's use of a model backend: what it spent and
// how its articles fared, for the usage line and the run's verdict. It is
// safe for concurrent use.
type Session struct {
	backend, model string
	meter          *Meter
	opts           RunOptions
	logger         *slog.Logger
	articles       atomic.Int64
	fallbacks      atomic.Int64
	batched        atomic.Int64
	unusable       atomic.Pointer[error]
	sizer          Sizer // nil when the backend asks for no context window
}

// Sizes reports whether the backend asks its server for a context
// window that SizeContext can fit to the run's articles.
func (s *Session) Sizes() bool { return s.sizer != nil }

// SizeContext fits the context window the backend asks for to the run's
// articles (see Sizer); it returns 0 for a backend that asks for none.
func (s *Session) SizeContext(ctx context.Context, articles iter.Seq[*article.Article]) (int, error) {
	if s.sizer == nil {
		return 0, nil
	}
	return s.sizer.SizeContext(ctx, articles)
}

// SizeFor fits the context window to the articles l reads from inputs
// (see SizeContext), when every input is a local file that can be read
// twice; with a URL or stdin among them the backend asks for the model's
// window. It logs the window chosen.
func (s *Session) SizeFor(ctx context.Context, l *article.Loader, inputs []string) {
	if s.sizer == nil || slices.Contains(inputs, "-") {
		return
	}
	arts := func(yield func(*article.Article) bool) {
		for src := range l.Sources(ctx, inputs) {
			if src.URL != "" {
				yield(nil) // not fetched twice: the model's window
				return
			}
			if src.Err != nil {
				continue
			}
			if a, err := l.Load(ctx, src); err == nil && !yield(a) {
				return
			}
		}
	}
	if n, err := s.sizer.SizeContext(ctx, arts); err != nil {
		s.logger.Debug("size the context window", "err", err)
	} else {
		s.logger.Info("context window for the run", "num_ctx", n)
	}
}

// OpenRun opens the named model backend with cfg (its Settings an
// llm.Config) wrapped for a run: the cache, the deadline, the fallback
// to the offline digest, and the counts of the returned Session. When it
// fails, it runs o.Closers.
func OpenRun(name string, cfg summarize.Config, o RunOptions) (summarize.Summarizer, *Session, error) {
	s, sess, err := openRun(name, cfg, o)
	if err != nil {
		for _, f := range o.Closers {
			f()
		}
	}
	return s, sess, err
}

func openRun(name string, cfg summarize.Config, o RunOptions) (summarize.Summarizer, *Session, error) {
	lc, err := SettingsOf(cfg)
	if err != nil {
		return nil, nil, err
	}
	var fm summarize.FallbackMode
	switch o.Fallback {
	case "", FallbackAuto:
		fm = summarize.FallbackTransient
	case FallbackAlways:
		fm = summarize.FallbackAlways
	case FallbackNever:
	default:
		return nil, nil, fmt.Errorf("llm: fallback %q: want %s, %s or %s", o.Fallback, FallbackAuto, FallbackAlways, FallbackNever)
	}
	row, err := summarize.Lookup(name)
	if err != nil {
		return nil, nil, err
	}
	raw, err := row.New(cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("summarize: open %s: %w", name, err)
	}
	s := summarize.Checked(raw, cfg)
	if o.Cache != nil {
		s = summarize.Cached(s, o.Cache, append([]string{name, cfg.Model}, CacheKeyParts(cfg, lc)...)...)
	}
	if !o.Deadline.IsZero() {
		s = deadlineSummarizer{inner: s, at: o.Deadline}
	}
	if o.Fallback != FallbackNever {
		ext, err := summarize.Open(OfflineBackend, summarize.Config{Takeaways: cfg.Takeaways, MaxQuotes: cfg.MaxQuotes,
			Taxonomy: cfg.Taxonomy, Logger: cfg.Logger})
		if err != nil {
			return nil, nil, err
		}
		s = summarize.Fallback(s, ext, fm)
	}
	sess := &Session{backend: name, model: cfg.Model, meter: lc.Meter, opts: o, logger: cfg.Log()}
	sess.sizer, _ = raw.(Sizer)
	return &countingSummarizer{inner: s, sess: sess}, sess, nil
}

// deadlineSummarizer ends every model call at the run's deadline.
type deadlineSummarizer struct {
	inner summarize.Summarizer
	at    time.Time
}

func (s deadlineSummarizer) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	ctx, cancel := context.WithDeadline(ctx, s.at)
	defer cancel()
	d, err := s.inner.Summarize(ctx, a)
	if err != nil && errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("run deadline passed: %w", err)
	}
	return d, err
}

// countingSummarizer counts digests and fallbacks, and notes a failure
// no article gets past.
type countingSummarizer struct {
	inner summarize.Summarizer
	sess  *Session
}

func (s *countingSummarizer) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	d, err := s.inner.Summarize(ctx, a)
	if err != nil {
		if errors.Is(err, summarize.ErrUnusable) {
			s.sess.unusable.CompareAndSwap(nil, &err)
		}
		return nil, err
	}
	s.sess.articles.Add(1)
	if summarize.IsFallback(d) {
		s.sess.fallbacks.Add(1)
		s.sess.logger.Warn("model failed; used the offline digest", "id", a.ID, "reason", summarize.FallbackReason(d))
	}
	return d, nil
}

// AddBatched counts n distinct requests answered from a batch.
func (s *Session) AddBatched(n int) { s.batched.Add(int64(n)) }

// Close ends the session: it runs RunOptions.Closers and returns the
// usage line (see UsageLine) and their errors.
func (s *Session) Close() (string, error) {
	var errs []error
	for _, f := range s.opts.Closers {
		if err := f(); err != nil {
			errs = append(errs, err)
		}
	}
	s.opts.Closers = nil
	return s.UsageLine(), errors.Join(errs...)
}

// Verdict judges the run's model calls. Before the output is written
// (written false), it fails the run when the backend was unusable (a bad
// key, an unknown model: an *UnusableError); after, when more than
// MaxFallback percent of the articles got the offline digest. A nil
// Session (no model backend) has nothing to judge.
func (s *Session) Verdict(written bool) error {
	if s == nil {
		return nil
	}
	if p := s.unusable.Load(); p != nil && !written {
		return &UnusableError{Backend: s.backend, Err: *p}
	}
	n, fb := s.articles.Load(), s.fallbacks.Load()
	if written && n > 0 && fb > 0 && float64(fb)*100 > s.opts.MaxFallback*float64(n) {
		return fmt.Errorf("%d of %d articles got the offline digest (model unavailable), more than --max-fallback %g%%", fb, n, s.opts.MaxFallback)
	}
	return nil
}

// UnusableError is a backend no article got past, with the fix.
type UnusableError struct {
	Backend string
	Err     error
}

func (u *UnusableError) Error() string {
	fix := "check the model name (brief models -b " + u.Backend + ")"
	var ae *AuthError
	if errors.As(u.Err, &ae) {
		fix = "check the API key"
		if row, err := summarize.Lookup(u.Backend); err == nil && row.KeyEnv != "" {
			fix = "check " + row.KeyEnv
		}
	}
	msg := strings.Join(strings.Fields(u.Err.Error()), " ")
	return fmt.Sprintf("%s: stopped all model calls, nothing written: %s; %s (or --fallback always)", u.Backend, msg, fix)
}

func (u *UnusableError) Unwrap() error { return u.Err }

// UsageLine is the run's account: articles, calls, cache hits (when the
// cache counts them), tokens, cost and fallbacks.
func (s *Session) UsageLine() string {
	t := s.meter.Totals()
	var hits int64
	if c, ok := s.opts.Cache.(interface{ Hits() int64 }); ok {
		hits = c.Hits()
	}
	calls := fmt.Sprintf("%d model calls", t.Calls)
	if s.opts.Batch {
		// Deferred requests were counted as calls too: count the
		// answers instead.
		calls = fmt.Sprintf("%d batched requests", s.batched.Load())
	}
	line := fmt.Sprintf("brief: %s %s: %d articles, %s, %d cache hits, %d tokens (%d prompt + %d completion)",
		s.backend, s.model, s.articles.Load(), calls, hits,
		t.PromptTokens+t.CompletionTokens, t.PromptTokens, t.CompletionTokens)
	switch {
	case t.CostKnown && s.opts.Batch:
		line += fmt.Sprintf(", estimated cost $%.4f at the batch price (half of $%.4f)", t.Cost*BatchPriceFactor, t.Cost)
	case t.CostKnown:
		line += fmt.Sprintf(", estimated cost $%.4f", t.Cost)
	default:
		line += ", cost unknown (no price for this model)"
	}
	if n := s.fallbacks.Load(); n > 0 {
		line += fmt.Sprintf("; %d fell back to the offline digest", n)
	}
	return line
}
