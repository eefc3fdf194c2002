package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/origin"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/extractive"
	"github.com/brief-news/brief/summarize/langchain"
	"github.com/brief-news/brief/summarize/openai"
	"github.com/brief-news/brief/summarize/openai/batch"
	"github.com/brief-news/brief/summarize/quote"
	"github.com/brief-news/brief/templates"
)

// llmBackend describes an LLM backend for wiring and for brief backends.
type llmBackend struct {
	name         string
	defaultModel string
	// keyEnv holds the API key; hostEnv the server address.
	keyEnv, hostEnv string
	// baseEnv is read for the base URL when --base-url is not given.
	baseEnv string
	// local backends cost nothing per token.
	local bool
}

// llmBackends are the backends that call a model.
var llmBackends = []llmBackend{
	{name: langchain.Anthropic, defaultModel: langchain.DefaultAnthropicModel, keyEnv: "ANTHROPIC_API_KEY"},
	{name: langchain.Ollama, defaultModel: langchain.DefaultOllamaModel, hostEnv: "OLLAMA_HOST", baseEnv: "OLLAMA_HOST", local: true},
	{name: openai.Name, defaultModel: openai.DefaultModel, keyEnv: "OPENAI_API_KEY", baseEnv: "OPENAI_BASE_URL"},
}

func findLLM(name string) (llmBackend, bool) {
	for _, b := range llmBackends {
		if b.name == name {
			return b, true
		}
	}
	return llmBackend{}, false
}

// llmFlags are the flags of the LLM backends, shared by the commands
// that summarize.
func llmFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "base-url", Usage: "server `URL` for LLM backends (default: OPENAI_BASE_URL for openai, OLLAMA_HOST for ollama)", EnvVars: []string{"BRIEF_BASE_URL"}},
		&cli.IntFlag{Name: "rpm", Usage: "at most `N` model requests a minute (0 = no limit)", EnvVars: []string{"BRIEF_RPM"}},
		&cli.IntFlag{Name: "tpm", Usage: "at most `N` model tokens a minute (0 = no limit)", EnvVars: []string{"BRIEF_TPM"}},
		&cli.IntFlag{Name: "max-retries", Value: summarize.DefaultMaxRetries, Usage: "retries of a model request after 429, 5xx, timeouts and resets (0 = none)", EnvVars: []string{"BRIEF_MAX_RETRIES"}},
		&cli.IntFlag{Name: "context-tokens", Usage: "the model's context window in tokens; longer articles are summarized in parts", DefaultText: "known per model, else 8192", EnvVars: []string{"BRIEF_CONTEXT_TOKENS"}},
		&cli.DurationFlag{Name: "request-timeout", Value: 5 * time.Minute, Usage: "longest wait for one model answer before retrying", EnvVars: []string{"BRIEF_REQUEST_TIMEOUT"}},
		&cli.BoolFlag{Name: "no-cache", Usage: "call the model even when the archive holds a digest for the same input and settings"},
		&cli.BoolFlag{Name: "no-fallback", Usage: "fail an article when the model fails, instead of using the extractive digest"},
		&cli.BoolFlag{Name: "dry-run", Usage: "print the model requests and token estimates for each input, and call nothing"},
		&cli.Float64Flag{Name: "max-cost", Usage: "stop making model requests once the run would cost more than `USD`", EnvVars: []string{"BRIEF_MAX_COST"}},
		&cli.StringFlag{Name: "prompt-template", Usage: "`FILE` redefining blocks of the prompt (system, user, combine, repair)", EnvVars: []string{"BRIEF_PROMPT_TEMPLATE"}},
	}
}

// defaultPrices are US dollars per million tokens for models whose price
// is public; prices under prices: in the config file take precedence.
// Check your provider's current list: these are estimates.
var defaultPrices = map[string]summarize.Price{
	"gpt-4o-mini":              {Input: 0.15, Output: 0.60},
	"gpt-4o":                   {Input: 2.50, Output: 10},
	"gpt-4.1":                  {Input: 2, Output: 8},
	"gpt-4.1-mini":             {Input: 0.40, Output: 1.60},
	"gpt-4.1-nano":             {Input: 0.10, Output: 0.40},
	"claude-3-5-haiku-latest":  {Input: 0.80, Output: 4},
	"claude-3-5-sonnet-latest": {Input: 3, Output: 15},
	"claude-sonnet-4-0":        {Input: 3, Output: 15},
}

// priceOf returns the price of model on backend b, nil when unknown.
func priceOf(b llmBackend, model string, table map[string]summarize.Price) *summarize.Price {
	if b.local {
		return &summarize.Price{}
	}
	for _, t := range []map[string]summarize.Price{table, defaultPrices} {
		if p, ok := t[model]; ok {
			return &p
		}
	}
	return nil
}

// batchPriceFactor is the Batch API's price as a share of the
// interactive one.
const batchPriceFactor = 0.5

// llmSession is what one run of a command spent on the model; the usage
// line on stderr reports it when the command ends.
type llmSession struct {
	backend, model string
	meter          *summarize.Meter
	articles       atomic.Int64
	fallbacks      atomic.Int64
	cacheHits      atomic.Int64
	closers        []func() error
	// batch is set for a batch run: the calls are batched requests, at
	// the batch price.
	batch   bool
	batched atomic.Int64 // distinct requests answered from a batch
}

const sessionKey = "brief.llm"

// openBackend opens the named backend. For LLM backends it fills in keys,
// server, limits, cache and fallback from flags and environment, and
// starts the session whose usage line closeLLM prints.
func openBackend(c *cli.Context, e *env, name string, cfg summarize.Config) (summarize.Summarizer, error) {
	b, ok := findLLM(name)
	if !ok {
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
	if err := llmConfig(c, e, b, &cfg); err != nil {
		return nil, err
	}
	s, err := summarize.Open(name, cfg)
	if err != nil {
		return nil, usageError{err}
	}
	sess := &llmSession{backend: name, model: cfg.Model, meter: cfg.Meter}
	c.App.Metadata[sessionKey] = sess
	if !c.Bool("no-cache") {
		st, err := openStore(c, e)
		if err != nil {
			return nil, fmt.Errorf("open digest cache: %w", err)
		}
		cache := newStoreCache(st.GetDigest, st.PutDigest, &sess.cacheHits, e.logger)
		sess.closers = append(sess.closers, cache.close, st.Close)
		s = summarize.Cached(s, cache, cacheKeyParts(b, cfg)...)
	}
	if !c.Bool("no-fallback") {
		ext, err := summarize.Open(extractive.Name, summarize.Config{
			Takeaways: cfg.Takeaways, MaxQuotes: cfg.MaxQuotes, Method: cfg.Method, Taxonomy: cfg.Taxonomy, Logger: cfg.Logger})
		if err != nil {
			return nil, err
		}
		s = summarize.Fallback(s, ext)
	}
	return &countingSummarizer{inner: s, sess: sess, logger: e.logger}, nil
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

// llmConfig fills cfg for LLM backend b from flags and environment.
func llmConfig(c *cli.Context, e *env, b llmBackend, cfg *summarize.Config) error {
	if cfg.Model == "" {
		cfg.Model = b.defaultModel
	}
	if b.keyEnv != "" {
		cfg.APIKey = e.getenv(b.keyEnv)
	}
	cfg.BaseURL = c.String("base-url")
	if cfg.BaseURL == "" && b.baseEnv != "" {
		cfg.BaseURL = e.getenv(b.baseEnv)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = max(16, c.Int("jobs"))
	// The API key goes to the exact origin of the base URL only, not
	// to another port or scheme of its host on a redirect.
	cfg.HTTPClient = &http.Client{Transport: tr, CheckRedirect: origin.CheckRedirect(10)}
	if on, _ := c.App.Metadata[batchKey].(bool); on {
		// Model requests are deferred into a batch, or answered from one.
		cfg.HTTPClient.Transport = batch.Transport{Base: tr}
	}
	cfg.RequestTimeout = c.Duration("request-timeout")
	cfg.ContextTokens = c.Int("context-tokens")
	if cfg.ContextTokens < 0 {
		return usagef("--context-tokens must be positive")
	}
	switch n := c.Int("max-retries"); {
	case n < 0:
		return usagef("--max-retries must be 0 or more")
	case n == 0:
		cfg.MaxRetries = -1
	default:
		cfg.MaxRetries = n
	}
	if c.Int("rpm") < 0 || c.Int("tpm") < 0 {
		return usagef("--rpm and --tpm must be 0 (no limit) or more")
	}
	cfg.Limiter = summarize.NewLimiter(c.Int("rpm"), c.Int("tpm"))
	if p := c.String("prompt-template"); p != "" {
		raw, err := os.ReadFile(p)
		if err != nil {
			return usagef("--prompt-template: %v", err)
		}
		cfg.PromptTemplate = string(raw)
	}
	cfg.Candidates = quote.Scan
	maxCost := c.Float64("max-cost")
	price := priceOf(b, cfg.Model, e.priceTable())
	if maxCost > 0 && price == nil {
		return usagef("--max-cost: no price known for model %q (add it under prices: in the config file)", cfg.Model)
	}
	m, err := summarize.NewMeter(price, maxCost)
	if err != nil {
		return usagef("--max-cost: %v", err)
	}
	cfg.Meter = m
	return nil
}

// cacheKeyParts are what a cached digest depends on besides the article:
// backend, model, server, prompt template, options and taxonomy.
func cacheKeyParts(b llmBackend, cfg summarize.Config) []string {
	tmpl, _ := fs.ReadFile(templates.FS, "prompt.tmpl")
	tax, _ := json.Marshal(cfg.TaxonomyOrDefault())
	return []string{
		"llm-digest-v1", b.name, cfg.Model, cfg.BaseURL, string(tmpl), cfg.PromptTemplate,
		strconv.Itoa(cfg.TakeawayCount()), strconv.Itoa(cfg.MaxQuotes), strconv.Itoa(cfg.ContextTokens), string(tax),
	}
}

// storeCache adapts the archive's digest cache: it counts hits, and
// writes in the background, one digest at a time, so that workers do not
// wait on SQLite's write lock (whose busy handler sleeps in steps of up to
// 100ms) when they finish together. close writes what is queued.
type storeCache struct {
	get    func(string) (*summarize.Digest, bool)
	put    func(string, *summarize.Digest) error
	hits   *atomic.Int64
	logger *slog.Logger

	queue  chan cacheEntry
	done   chan struct{}
	sendMu sync.RWMutex
	closed bool // under sendMu
	mu     sync.Mutex
	// pending holds digests queued but not yet written (under mu).
	pending map[string]*summarize.Digest
}

type cacheEntry struct {
	key string
	d   *summarize.Digest
}

func newStoreCache(get func(string) (*summarize.Digest, bool), put func(string, *summarize.Digest) error,
	hits *atomic.Int64, logger *slog.Logger) *storeCache {
	c := &storeCache{get: get, put: put, hits: hits, logger: logger,
		queue: make(chan cacheEntry, 64), done: make(chan struct{}), pending: map[string]*summarize.Digest{}}
	go func() {
		defer close(c.done)
		for e := range c.queue {
			if err := c.put(e.key, e.d); err != nil {
				c.logger.Warn("cache digest", "err", err)
			}
			c.mu.Lock()
			if c.pending[e.key] == e.d {
				delete(c.pending, e.key)
			}
			c.mu.Unlock()
		}
	}()
	return c
}

func (c *storeCache) Get(key string) (*summarize.Digest, bool) {
	c.mu.Lock()
	d, ok := c.pending[key]
	c.mu.Unlock()
	if !ok {
		d, ok = c.get(key)
	}
	if ok {
		c.hits.Add(1)
	}
	return summarize.CloneDigest(d), ok
}

func (c *storeCache) Put(key string, d *summarize.Digest) error {
	// sendMu keeps close from closing the queue during a send; the writer
	// never takes it, so a send into a full queue always ends.
	c.sendMu.RLock()
	defer c.sendMu.RUnlock()
	if c.closed {
		return c.put(key, d)
	}
	c.mu.Lock()
	c.pending[key] = d
	c.mu.Unlock()
	c.queue <- cacheEntry{key: key, d: d}
	return nil
}

// close writes the queued digests and stops the writer.
func (c *storeCache) close() error {
	c.sendMu.Lock()
	if !c.closed {
		c.closed = true
		close(c.queue)
	}
	c.sendMu.Unlock()
	<-c.done
	return nil
}

// countingSummarizer counts digests and fallbacks for the usage line.
type countingSummarizer struct {
	inner  summarize.Summarizer
	sess   *llmSession
	logger *slog.Logger
}

func (s *countingSummarizer) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	d, err := s.inner.Summarize(ctx, a)
	if err != nil {
		return nil, err
	}
	s.sess.articles.Add(1)
	if summarize.IsFallback(d) {
		s.sess.fallbacks.Add(1)
		s.logger.Warn("model failed; used the extractive digest", "id", a.ID, "reason", d.Warnings[len(d.Warnings)-1])
	}
	return d, nil
}

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
	var b strings.Builder
	calls := fmt.Sprintf("%d model calls", t.Calls)
	if s.batch {
		// Deferred requests were counted as calls too: count the
		// answers instead.
		calls = fmt.Sprintf("%d batched requests", s.batched.Load())
	}
	fmt.Fprintf(&b, "brief: %s %s: %d articles, %s, %d cache hits, %d tokens (%d prompt + %d completion)",
		s.backend, s.model, s.articles.Load(), calls, s.cacheHits.Load(),
		t.PromptTokens+t.CompletionTokens, t.PromptTokens, t.CompletionTokens)
	switch {
	case t.CostKnown && s.batch:
		fmt.Fprintf(&b, ", estimated cost $%.4f at the batch price (half of $%.4f)", t.Cost*batchPriceFactor, t.Cost)
	case t.CostKnown:
		fmt.Fprintf(&b, ", estimated cost $%.4f", t.Cost)
	default:
		b.WriteString(", cost unknown (no price for this model)")
	}
	if n := s.fallbacks.Load(); n > 0 {
		fmt.Fprintf(&b, "; %d fell back to extractive", n)
	}
	return b.String()
}

// dryRun prints, for each input, the model requests the backend would
// send and their token estimates, and sends nothing.
func dryRun(c *cli.Context, e *env, cfg summarize.Config) error {
	name := c.String("backend")
	b, ok := findLLM(name)
	if !ok {
		return usagef("--dry-run: backend %q makes no model requests", name)
	}
	if err := llmConfig(c, e, b, &cfg); err != nil {
		return err
	}
	if b.keyEnv != "" && cfg.APIKey == "" {
		// Nothing is sent: a placeholder lets the backend open.
		cfg.APIKey = "dry-run"
	}
	p, err := summarize.OpenPreviewer(name, cfg)
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
				ID       string              `json:"id"`
				Title    string              `json:"title"`
				Requests []summarize.Request `json:"requests"`
			}{r.article.ID, r.article.Title, reqs})
		}
		return writePreview(e.stdout, r.article, reqs)
	})
	if err != nil {
		return err
	}
	line := fmt.Sprintf("brief: dry run, %s %s: %d articles, %d requests, about %d prompt tokens and at most %d completion tokens",
		name, cfg.Model, articles, requests, promptTokens, outTokens)
	if price := priceOf(b, cfg.Model, e.priceTable()); price != nil {
		line += fmt.Sprintf(", at most $%.4f", price.Cost(promptTokens, outTokens))
	}
	fmt.Fprintln(e.stderr, line)
	return partial(failed, total)
}

func writePreview(w io.Writer, a *article.Article, reqs []summarize.Request) error {
	var b strings.Builder
	fmt.Fprintf(&b, "=== %s", a.ID)
	if a.Title != "" {
		fmt.Fprintf(&b, " (%s)", a.Title)
	}
	b.WriteString("\n")
	for i, r := range reqs {
		fmt.Fprintf(&b, "--- request %d of %d: %s, about %d prompt tokens, answer up to %d tokens\n",
			i+1, len(reqs), r.Purpose, r.Estimate.PromptTokens, r.Estimate.MaxOutputTokens)
		for _, m := range r.Messages {
			fmt.Fprintf(&b, "[%s]\n%s\n", m.Role, m.Content)
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// backendStatus is one line of brief backends.
type backendStatus struct {
	Name         string `json:"name"`
	DefaultModel string `json:"default_model"`
	Configured   bool   `json:"configured"`
	Note         string `json:"note"`
}

// listBackends writes each registered backend, its default model and
// whether it is configured. It reads only whether variables are set and
// never prints their values.
func listBackends(w io.Writer, getenv func(string) string, format string) error {
	var rows []backendStatus
	for _, name := range summarize.Backends() {
		row := backendStatus{Name: name, DefaultModel: "-"}
		b, ok := findLLM(name)
		switch {
		case name == extractive.Name:
			row.Configured, row.Note = true, "offline, needs no key"
		case !ok:
			row.Note = "unknown to this listing"
		case b.keyEnv != "":
			row.DefaultModel = b.defaultModel
			switch {
			case getenv(b.keyEnv) != "":
				row.Configured, row.Note = true, b.keyEnv+" is set"
			case b.baseEnv != "" && getenv(b.baseEnv) != "":
				row.Configured, row.Note = true, b.baseEnv+" is set (a server that may need no key)"
			default:
				row.Note = "set " + b.keyEnv
			}
		default:
			row.DefaultModel = b.defaultModel
			if getenv(b.hostEnv) != "" {
				row.Configured, row.Note = true, b.hostEnv+" is set"
			} else {
				row.Note = "set " + b.hostEnv + " (else " + langchain.DefaultOllamaURL + " is tried)"
			}
		}
		rows = append(rows, row)
	}
	if format == "json" {
		return writeJSONIndent(w, rows)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "BACKEND\tDEFAULT MODEL\tCONFIGURED")
	for _, r := range rows {
		yes := "no"
		if r.Configured {
			yes = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s: %s\n", r.Name, r.DefaultModel, yes, r.Note)
	}
	return tw.Flush()
}
