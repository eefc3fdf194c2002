package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/origin"
	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
	"github.com/brief-news/brief/summarize/openai/batch"
	"github.com/brief-news/brief/summarize/quote"
)

// llmFlags are the flags of the model backends, shared by the commands
// that summarize.
func llmFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "base-url", Usage: "server `URL` for model backends (default: the backend's own variable, see brief backends)", EnvVars: []string{"BRIEF_BASE_URL"}},
		&cli.StringFlag{Name: "language", Usage: "write takeaways and roles in `LANG` (e.g. de, French); quotes stay verbatim", EnvVars: []string{"BRIEF_LANGUAGE"}},
		&cli.IntFlag{Name: "rpm", Usage: "at most `N` model requests a minute (0 = no limit)", EnvVars: []string{"BRIEF_RPM"}},
		&cli.IntFlag{Name: "tpm", Usage: "at most `N` model tokens a minute (0 = no limit)", EnvVars: []string{"BRIEF_TPM"}},
		&cli.IntFlag{Name: "max-retries", Value: llm.DefaultMaxRetries, Usage: "retries of a model request after 429, 5xx and resets (0 = none)", EnvVars: []string{"BRIEF_MAX_RETRIES"}},
		&cli.IntFlag{Name: "context-tokens", Usage: "the model's context window in tokens, and Ollama's num_ctx; longer articles are summarized in parts", DefaultText: "what the server reports, else known per model, else 8192", EnvVars: []string{"BRIEF_CONTEXT_TOKENS"}},
		&cli.DurationFlag{Name: "request-timeout", Value: 5 * time.Minute, Usage: "longest wait for one model answer (not retried)", EnvVars: []string{"BRIEF_REQUEST_TIMEOUT"}},
		&cli.DurationFlag{Name: "idle-timeout", Value: llm.DefaultIdleTimeout, Usage: "longest pause in a streamed answer (Ollama)", EnvVars: []string{"BRIEF_IDLE_TIMEOUT"}},
		&cli.DurationFlag{Name: "deadline", Usage: "stop asking the model after `DURATION` for the whole run; later articles get the offline digest", EnvVars: []string{"BRIEF_DEADLINE"}},
		&cli.Float64Flag{Name: "temperature", Usage: "sampling temperature (0 = most repeatable)", EnvVars: []string{"BRIEF_TEMPERATURE"}},
		&cli.IntFlag{Name: "seed", Usage: "seed sent where the server takes one (0 = brief's default, -1 = none)", EnvVars: []string{"BRIEF_SEED"}},
		&cli.BoolFlag{Name: "no-cache", Usage: "call the model even when the archive holds a digest for the same input and settings"},
		&cli.StringFlag{Name: "fallback", Value: "auto", Usage: "offline digest when the model fails: auto (per article; a bad key or model stops the run), always, never", EnvVars: []string{"BRIEF_FALLBACK"}},
		&cli.BoolFlag{Name: "no-fallback", Usage: "same as --fallback never"},
		&cli.Float64Flag{Name: "max-fallback", Value: 20, Usage: "exit 1 when more than `PERCENT` of the articles got the offline digest", EnvVars: []string{"BRIEF_MAX_FALLBACK"}},
		&cli.BoolFlag{Name: "log-requests", Usage: "keep every model request and reply in the archive (see brief archive requests)", EnvVars: []string{"BRIEF_LOG_REQUESTS"}},
		&cli.BoolFlag{Name: "keep-ungrounded", Usage: "keep, marked, a model's takeaway whose numbers, dates or names are not in the article (default: drop it)"},
		&cli.BoolFlag{Name: "dry-run", Usage: "print the model requests and token estimates for each input, and call nothing"},
		&cli.Float64Flag{Name: "max-cost", Usage: "stop making model requests once the run would cost more than `USD`", EnvVars: []string{"BRIEF_MAX_COST"}},
		&cli.StringFlag{Name: "prompt-template", Usage: "`FILE` redefining blocks of the prompt (system, user, combine, repair)", EnvVars: []string{"BRIEF_PROMPT_TEMPLATE"}},
	}
}

// llmSession is what one run of a command spent on the model; the usage
// line on stderr reports it when the command ends.
type llmSession struct {
	backend, model string
	meter          *llm.Meter
	maxFallback    float64
	articles       atomic.Int64
	fallbacks      atomic.Int64
	cache          interface{ Hits() int64 }
	unusable       atomic.Pointer[error]
	closers        []func() error
	// batch is set for a batch run: the calls are batched requests, at
	// the batch price.
	batch   bool
	batched atomic.Int64 // distinct requests answered from a batch
}

// batchPriceFactor is the Batch API's price as a share of the
// interactive one.
const batchPriceFactor = 0.5

const sessionKey = "brief.llm"

// openBackend opens the named backend. For model backends it fills in
// keys, server, limits, cache and fallback from flags, environment and
// config file, and starts the session whose usage line closeLLM prints.
func openBackend(c *cli.Context, e *env, name string, cfg summarize.Config) (summarize.Summarizer, error) {
	row, err := summarize.Lookup(name)
	if errors.Is(err, summarize.ErrUnknownBackend) {
		return nil, unknownBackend(name)
	}
	if err != nil {
		return nil, usageError{err}
	}
	if !row.Model {
		if c.Bool("dry-run") {
			return nil, usagef("--dry-run: backend %q makes no model requests", name)
		}
		s, err := summarize.Open(name, cfg)
		if err != nil {
			return nil, usageError{err}
		}
		return s, nil
	}
	if c.Bool("dry-run") {
		return nil, usageError{dryRunRequest{cfg: cfg}}
	}
	lc, err := modelConfig(c, e, row, &cfg)
	if err != nil {
		return nil, err
	}
	sess := &llmSession{backend: name, model: cfg.Model, meter: lc.Meter, maxFallback: c.Float64("max-fallback")}
	c.App.Metadata[sessionKey] = sess
	var st store.Archive
	if !c.Bool("no-cache") || c.Bool("log-requests") {
		if st, err = openStore(c, e); err != nil {
			return nil, fmt.Errorf("open archive for the model backend: %w", err)
		}
		sess.closers = append(sess.closers, st.Close)
		lc.Formats = formatMemory{st}
		if c.Bool("log-requests") {
			ctx := c.Context
			lc.Record = func(ex llm.Exchange) {
				msgs, _ := json.Marshal(ex.Messages)
				if err := st.LogModelRequest(ctx, store.ModelRequest{Backend: ex.Backend, Model: ex.Model, Article: ex.Article,
					Purpose: ex.Purpose, Request: string(msgs), Reply: ex.Reply, Err: ex.Err,
					PromptTokens: ex.Usage.PromptTokens, CompletionTokens: ex.Usage.CompletionTokens, Took: ex.Took}); err != nil {
					e.logger.Warn("log model request", "err", err)
				}
			}
		}
		cfg.Settings = lc
	}
	s, err := summarize.Open(name, cfg)
	if err != nil {
		return nil, usageError{err}
	}
	if !c.Bool("no-cache") {
		cache := store.NewDigestCache(st, e.logger)
		sess.cache = cache
		// The cache's writer stops before the archive closes.
		sess.closers = append([]func() error{cache.Close}, sess.closers...)
		s = summarize.Cached(s, cache, cacheKeyParts(name, cfg, lc)...)
	}
	if d := c.Duration("deadline"); d > 0 {
		s = deadlineSummarizer{inner: s, at: e.now().Add(d)}
	}
	mode := c.String("fallback")
	if c.Bool("no-fallback") {
		mode = "never"
	}
	switch mode {
	case "never":
	case "auto", "always":
		ext, err := summarize.Open("extractive", summarize.Config{Takeaways: cfg.Takeaways, MaxQuotes: cfg.MaxQuotes,
			Taxonomy: cfg.Taxonomy, Logger: cfg.Logger})
		if err != nil {
			return nil, err
		}
		fm := summarize.FallbackTransient
		if mode == "always" {
			fm = summarize.FallbackAlways
		}
		s = summarize.Fallback(s, ext, fm)
	default:
		return nil, usagef("--fallback %q: want auto, always or never", mode)
	}
	return &countingSummarizer{inner: s, sess: sess, e: e}, nil
}

// formatMemory keeps the response format a server accepts in the
// archive, across runs.
type formatMemory struct{ st store.Archive }

func (m formatMemory) Format(key string) string { return m.st.ModelSetting("response_format " + key) }

func (m formatMemory) SetFormat(key, format string) error {
	return m.st.SetModelSetting("response_format "+key, format)
}

// deadlineSummarizer ends every model call at the run's --deadline.
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

// dryRunRequest is what openBackend returns for --dry-run: brief summarize
// turns it into a dry run (see asDryRun); other commands report it as a
// usage error.
type dryRunRequest struct{ cfg summarize.Config }

func (dryRunRequest) Error() string { return "--dry-run works with brief summarize only" }

// asDryRun reports whether err asks for a dry run, and its configuration.
func asDryRun(err error) (summarize.Config, bool) {
	var dr dryRunRequest
	if errors.As(err, &dr) {
		return dr.cfg, true
	}
	return summarize.Config{}, false
}

// modelConfig fills cfg for model backend row from flags, environment and
// config file, in that order of precedence, and returns the llm.Config it
// put in cfg.Settings.
func modelConfig(c *cli.Context, e *env, row summarize.Backend, cfg *summarize.Config) (llm.Config, error) {
	sec := e.section(row.Name)
	switch {
	case c.IsSet("model"):
	case sec.Model != "":
		cfg.Model = sec.Model
	case e.cfg != nil && e.cfg.Model != "" && (e.cfg.Backend == "" || e.cfg.Backend == row.Name):
		cfg.Model = e.cfg.Model
	}
	if cfg.Model == "" {
		cfg.Model = row.DefaultModel
	}
	lc := llm.DefaultConfig("")
	if row.KeyEnv != "" {
		lc.APIKey = e.getenv(row.KeyEnv)
	}
	lc.BaseURL = c.String("base-url")
	if lc.BaseURL == "" && row.BaseURLEnv != "" {
		lc.BaseURL = e.getenv(row.BaseURLEnv)
	}
	if lc.BaseURL == "" {
		lc.BaseURL = sec.BaseURL
	}
	if lc.BaseURL == "" && e.cfg != nil && (e.cfg.Backend == "" || e.cfg.Backend == row.Name) {
		lc.BaseURL = e.cfg.BaseURL
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = max(16, c.Int("jobs"))
	// The API key goes to the exact origin of the base URL only, not
	// to another port or scheme of its host on a redirect.
	lc.HTTPClient = &http.Client{Transport: tr, CheckRedirect: origin.CheckRedirect(10)}
	if on, _ := c.App.Metadata[batchKey].(bool); on {
		// Model requests are deferred into a batch, or answered from one.
		lc.HTTPClient.Transport = batch.Transport{Base: tr}
	}
	lc.RequestTimeout = c.Duration("request-timeout")
	lc.IdleTimeout = c.Duration("idle-timeout")
	lc.ContextTokens = c.Int("context-tokens")
	if !c.IsSet("context-tokens") && sec.ContextTokens > 0 {
		lc.ContextTokens = sec.ContextTokens
	}
	if lc.ContextTokens < 0 {
		return lc, usagef("--context-tokens must be positive")
	}
	lc.Temperature = c.Float64("temperature")
	if !c.IsSet("temperature") && sec.Temperature != nil {
		lc.Temperature = *sec.Temperature
	}
	lc.Seed = c.Int("seed")
	lc.KeepUngrounded = c.Bool("keep-ungrounded")
	switch n := c.Int("max-retries"); {
	case n < 0:
		return lc, usagef("--max-retries must be 0 or more")
	case n == 0:
		lc.MaxRetries = -1
	default:
		lc.MaxRetries = n
	}
	if c.Int("rpm") < 0 || c.Int("tpm") < 0 {
		return lc, usagef("--rpm and --tpm must be 0 (no limit) or more")
	}
	lc.Limiter = llm.NewLimiter(c.Int("rpm"), c.Int("tpm"))
	if p := c.String("prompt-template"); p != "" {
		raw, err := readOptionFile(p, maxTemplateSize)
		if err != nil {
			return lc, usagef("--prompt-template: %v", err)
		}
		lc.PromptTemplate = string(raw)
	}
	lc.Candidates = quote.Scan
	maxCost := c.Float64("max-cost")
	price := llm.PriceOf(cfg.Model, row.Local, e.priceTable())
	if maxCost > 0 && price == nil {
		return lc, usagef("--max-cost: no price known for model %q (add it under prices: in the config file)", cfg.Model)
	}
	m, err := llm.NewMeter(price, maxCost)
	if err != nil {
		return lc, usagef("--max-cost: %v", err)
	}
	lc.Meter = m
	cfg.Language = c.String("language")
	cfg.Settings = lc
	return lc, nil
}

// cacheKeyParts are what a cached digest depends on besides the article.
func cacheKeyParts(name string, cfg summarize.Config, lc llm.Config) []string {
	return append([]string{name, cfg.Model}, llm.CacheKeyParts(cfg, lc)...)
}

// countingSummarizer counts digests and fallbacks for the usage line, and
// notes a failure that no article gets past.
type countingSummarizer struct {
	inner summarize.Summarizer
	sess  *llmSession
	e     *env
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
		s.e.logger.Warn("model failed; used the offline digest", "id", a.ID, "reason", summarize.FallbackReason(d))
	}
	return d, nil
}

// modelVerdict judges the run's model calls. Before the output is
// written, it fails the run when the backend was unusable (a bad key, an
// unknown model); after, when more than --max-fallback percent of the
// articles got the offline digest. It returns nil without a session.
func modelVerdict(c *cli.Context, written bool) error {
	sess, ok := c.App.Metadata[sessionKey].(*llmSession)
	if !ok {
		return nil
	}
	if p := sess.unusable.Load(); p != nil && !written {
		return unusableError{backend: sess.backend, err: *p}
	}
	n, fb := sess.articles.Load(), sess.fallbacks.Load()
	if written && n > 0 && fb > 0 && float64(fb)*100 > sess.maxFallback*float64(n) {
		return fmt.Errorf("%d of %d articles got the offline digest (model unavailable), more than --max-fallback %g%%", fb, n, sess.maxFallback)
	}
	return nil
}

// unusableError is a backend no article got past, with the fix.
type unusableError struct {
	backend string
	err     error
}

func (u unusableError) Error() string {
	fix := "check the model name (brief models -b " + u.backend + ")"
	var ae *llm.AuthError
	if errors.As(u.err, &ae) {
		fix = "check the API key"
		if row, err := summarize.Lookup(u.backend); err == nil && row.KeyEnv != "" {
			fix = "check " + row.KeyEnv
		}
	}
	return fmt.Sprintf("%s: stopped all model calls, nothing written: %s; %s (or --fallback always)", u.backend, oneLine(u.err), fix)
}

func (u unusableError) Unwrap() error { return u.err }

// closeLLM ends the run's LLM session, if any: it prints the usage line on
// stderr and closes the cache.
func closeLLM(c *cli.Context, e *env) {
	sess, ok := c.App.Metadata[sessionKey].(*llmSession)
	if !ok {
		return
	}
	delete(c.App.Metadata, sessionKey)
	fmt.Fprintln(e.stderr, sess.usageLine())
	for _, f := range sess.closers {
		if err := f(); err != nil {
			e.logger.Warn("close digest cache", "err", err)
		}
	}
}

func (s *llmSession) usageLine() string {
	t := s.meter.Totals()
	var hits int64
	if s.cache != nil {
		hits = s.cache.Hits()
	}
	calls := fmt.Sprintf("%d model calls", t.Calls)
	if s.batch {
		// Deferred requests were counted as calls too: count the
		// answers instead.
		calls = fmt.Sprintf("%d batched requests", s.batched.Load())
	}
	line := fmt.Sprintf("brief: %s %s: %d articles, %s, %d cache hits, %d tokens (%d prompt + %d completion)",
		s.backend, s.model, s.articles.Load(), calls, hits,
		t.PromptTokens+t.CompletionTokens, t.PromptTokens, t.CompletionTokens)
	switch {
	case t.CostKnown && s.batch:
		line += fmt.Sprintf(", estimated cost $%.4f at the batch price (half of $%.4f)", t.Cost*batchPriceFactor, t.Cost)
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

// dryRun prints, for each input, the model requests the backend would
// send and their token estimates, and sends nothing.
func dryRun(c *cli.Context, e *env, cfg summarize.Config) error {
	name := c.String("backend")
	row, err := summarize.Lookup(name)
	if err != nil || !row.Model {
		return usagef("--dry-run: backend %q makes no model requests", name)
	}
	lc, err := modelConfig(c, e, row, &cfg)
	if err != nil {
		return err
	}
	if lc.APIKey == "" {
		lc.APIKey = "dry-run" // nothing is sent: a placeholder lets the backend open
		cfg.Settings = lc
	}
	p, err := llm.OpenPreviewer(name, cfg)
	if err != nil {
		return usageError{err}
	}
	format := c.String("format")
	var articles, requests, promptTokens, outTokens int
	failed, total, err := runInputs(c, e, nil, func(r result) error {
		reqs, err := p.Preview(r.article)
		if err != nil {
			return fmt.Errorf("%s: %w", r.src.ID, err)
		}
		articles++
		requests += len(reqs)
		for _, q := range reqs {
			promptTokens += q.Estimate.PromptTokens
			outTokens += q.Estimate.MaxOutputTokens
		}
		if format == "json" || format == "jsonl" {
			return writeJSONLine(e.stdout, struct {
				ID       string        `json:"id"`
				Title    string        `json:"title"`
				Requests []llm.Request `json:"requests"`
			}{r.article.ID, r.article.Title, reqs})
		}
		return writePreview(e.stdout, r.article, reqs)
	})
	if err != nil {
		return err
	}
	line := fmt.Sprintf("brief: dry run, %s %s: %d articles, %d requests, about %d prompt tokens and at most %d completion tokens",
		name, cfg.Model, articles, requests, promptTokens, outTokens)
	if price := llm.PriceOf(cfg.Model, row.Local, e.priceTable()); price != nil {
		line += fmt.Sprintf(", at most $%.4f", price.Cost(promptTokens, outTokens))
	}
	fmt.Fprintln(e.stderr, line)
	return partial(failed, total)
}

func writePreview(w io.Writer, a *article.Article, reqs []llm.Request) error {
	var b []byte
	b = fmt.Appendf(b, "=== %s", a.ID)
	if a.Title != "" {
		b = fmt.Appendf(b, " (%s)", a.Title)
	}
	b = append(b, '\n')
	for i, r := range reqs {
		b = fmt.Appendf(b, "--- request %d of %d: %s, about %d prompt tokens, answer up to %d tokens\n",
			i+1, len(reqs), r.Purpose, r.Estimate.PromptTokens, r.Estimate.MaxOutputTokens)
		for _, m := range r.Messages {
			b = fmt.Appendf(b, "[%s]\n%s\n", m.Role, m.Content)
		}
	}
	b = append(b, '\n')
	_, err := w.Write(b)
	return err
}

// unknownBackend is the usage error for a --backend no backend
// registered: it names the closest one, or lists them all.
func unknownBackend(name string) error {
	names := summarize.Names()
	if s := closest(name, names); s != "" {
		return usagef("--backend %q: unknown backend (did you mean %q? brief backends lists them)", name, s)
	}
	return usagef("--backend %q: unknown backend (want one of %s)", name, strings.Join(names, ", "))
}
