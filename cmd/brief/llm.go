package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
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
		&cli.IntFlag{Name: "context-tokens", Usage: "the model's context window in tokens, and Ollama's num_ctx; longer articles are summarized in parts", DefaultText: "what the server reports, else known per model, else 8192; Ollama's num_ctx fits the largest request when the inputs are files", EnvVars: []string{"BRIEF_CONTEXT_TOKENS"}},
		&cli.DurationFlag{Name: "request-timeout", Value: 5 * time.Minute, Usage: "longest wait for one model answer (not retried)", EnvVars: []string{"BRIEF_REQUEST_TIMEOUT"}},
		&cli.DurationFlag{Name: "idle-timeout", Value: llm.DefaultIdleTimeout, Usage: "longest pause in a streamed answer; a slower one is given up, not asked again", EnvVars: []string{"BRIEF_IDLE_TIMEOUT"}},
		&cli.StringFlag{Name: "stream", Value: llm.StreamAuto, Usage: "stream answers: auto (Ollama, and servers on this machine or a private network), always, never", EnvVars: []string{"BRIEF_STREAM"}},
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

// llmRun is a command's model session and what closes with it.
type llmRun struct {
	sess    *llm.Session
	closers []func() error
}

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
	switch {
	case !row.Model && c.Bool("dry-run"):
		return nil, usagef("--dry-run: backend %q makes no model requests", name)
	case !row.Model:
		s, err := summarize.Open(name, cfg)
		if err != nil {
			return nil, usageError{err}
		}
		return s, nil
	case c.Bool("dry-run"):
		return nil, usageError{dryRunRequest{cfg: cfg}}
	}
	lc, err := modelConfig(c, e, row, &cfg)
	if err != nil {
		return nil, err
	}
	batch, _ := c.App.Metadata[batchKey].(bool)
	o := llm.RunOptions{Fallback: c.String("fallback"), MaxFallback: c.Float64("max-fallback"), Batch: batch}
	if c.Bool("no-fallback") {
		o.Fallback = llm.FallbackNever
	}
	if !slices.Contains([]string{llm.FallbackAuto, llm.FallbackAlways, llm.FallbackNever}, o.Fallback) {
		return nil, usagef("--fallback %q: want auto, always or never", o.Fallback)
	}
	if d := c.Duration("deadline"); d > 0 {
		o.Deadline = e.now().Add(d)
	}
	run := &llmRun{}
	if !c.Bool("no-cache") || c.Bool("log-requests") {
		st, err := openStore(c, e)
		if err != nil {
			return nil, fmt.Errorf("open archive for the model backend: %w", err)
		}
		run.closers = append(run.closers, st.Close)
		lc.Formats = store.FormatMemory{Archive: st}
		if c.Bool("log-requests") {
			lc.Record = logRequest(c.Context, e, st)
		}
		if !c.Bool("no-cache") {
			cache := store.NewDigestCache(st, e.logger)
			o.Cache = cache
			// The cache's writer stops before the archive closes.
			run.closers = append([]func() error{cache.Close}, run.closers...)
		}
		cfg.Settings = lc
	}
	s, sess, err := llm.OpenRun(name, cfg, o)
	if err != nil {
		for _, f := range run.closers {
			f()
		}
		return nil, usageError{err}
	}
	run.sess = sess
	c.App.Metadata[sessionKey] = run
	if sess.Sizes() {
		sizeContext(c, e, sess)
	}
	return s, nil
}

// sizeContext fits the context window a local server is asked to
// allocate (Ollama's num_ctx) to the run's largest request, when every
// input is a local file that can be read twice; otherwise the run asks
// for the model's window.
func sizeContext(c *cli.Context, e *env, sess *llm.Session) {
	in, err := resolveInputs(c, e)
	if err != nil || slices.Contains(in.Inputs, "-") {
		return
	}
	loader := newLoader(e, in)
	arts := func(yield func(*article.Article) bool) {
		for src := range loader.Sources(c.Context, in.Inputs) {
			if src.URL != "" {
				yield(nil) // not fetched twice: the model's window
				return
			}
			if src.Err != nil {
				continue
			}
			if a, err := loader.Load(c.Context, src); err == nil && !yield(a) {
				return
			}
		}
	}
	if n, err := sess.SizeContext(c.Context, arts); err != nil {
		e.logger.Debug("size the context window", "err", err)
	} else {
		e.logger.Info("context window for the run", "num_ctx", n)
	}
}

// logRequest keeps every model request and its reply in st
// (--log-requests).
func logRequest(ctx context.Context, e *env, st store.Archive) func(llm.Exchange) {
	return func(ex llm.Exchange) {
		msgs, _ := json.Marshal(ex.Messages)
		if err := st.LogModelRequest(ctx, store.ModelRequest{Backend: ex.Backend, Model: ex.Model, Article: ex.Article,
			Purpose: ex.Purpose, Request: string(msgs), Reply: ex.Reply, Err: ex.Err,
			PromptTokens: ex.Usage.PromptTokens, CompletionTokens: ex.Usage.CompletionTokens, Took: ex.Took}); err != nil {
			e.logger.Warn("log model request", "err", err)
		}
	}
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
// config file (see llm.Resolve), and returns the llm.Config it put in
// cfg.Settings.
func modelConfig(c *cli.Context, e *env, row summarize.Backend, cfg *summarize.Config) (llm.Config, error) {
	g := llm.Given{Getenv: e.getenv, Conns: c.Int("jobs"), MaxRetries: c.Int("max-retries"),
		RequestTimeout: c.Duration("request-timeout"), IdleTimeout: c.Duration("idle-timeout"),
		RPM: c.Int("rpm"), TPM: c.Int("tpm"), Seed: c.Int("seed"), KeepUngrounded: c.Bool("keep-ungrounded"),
		MaxCost: c.Float64("max-cost"), Prices: e.priceTable(), Stream: c.String("stream")}
	switch {
	case g.MaxRetries < 0:
		return llm.Config{}, usagef("--max-retries must be 0 or more")
	case g.RPM < 0 || g.TPM < 0:
		return llm.Config{}, usagef("--rpm and --tpm must be 0 (no limit) or more")
	case c.Int("context-tokens") < 0:
		return llm.Config{}, usagef("--context-tokens must be positive")
	case !slices.Contains([]string{"", llm.StreamAuto, llm.StreamAlways, llm.StreamNever}, g.Stream):
		return llm.Config{}, usagef("--stream %q: want auto, always or never", g.Stream)
	}
	g.Flags = llm.Layer{Model: cfg.Model, BaseURL: c.String("base-url")}
	if c.IsSet("context-tokens") {
		g.Flags.ContextTokens = c.Int("context-tokens")
	}
	if c.IsSet("temperature") {
		t := c.Float64("temperature")
		g.Flags.Temperature = &t
	}
	if !c.IsSet("model") {
		g.Flags.Model = ""
	}
	sec := e.section(row.Name)
	g.Files = append(g.Files, llm.Layer{Model: sec.Model, BaseURL: sec.BaseURL, ContextTokens: sec.ContextTokens, Temperature: sec.Temperature})
	if e.cfg != nil && (e.cfg.Backend == "" || e.cfg.Backend == row.Name) {
		g.Files = append(g.Files, llm.Layer{Model: e.cfg.Model, BaseURL: e.cfg.BaseURL})
	}
	g.Batch, _ = c.App.Metadata[batchKey].(bool)
	if p := c.String("prompt-template"); p != "" {
		raw, err := readOptionFile(p, maxTemplateSize)
		if err != nil {
			return llm.Config{}, usagef("--prompt-template: %v", err)
		}
		g.PromptTemplate = string(raw)
	}
	model, lc, err := llm.Resolve(row, g)
	if errors.Is(err, llm.ErrNoPrice) {
		return lc, usagef("--max-cost: %v", err)
	}
	if err != nil {
		return lc, usageError{err}
	}
	lc.Candidates = quote.Scan
	cfg.Model, cfg.Language, cfg.Settings = model, c.String("language"), lc
	return lc, nil
}

// modelVerdict judges the run's model calls (see llm.Session.Verdict);
// nil without a session.
func modelVerdict(c *cli.Context, written bool) error {
	if run, ok := c.App.Metadata[sessionKey].(*llmRun); ok {
		return run.sess.Verdict(written)
	}
	return nil
}

// closeLLM ends the run's LLM session, if any: it prints the usage line on
// stderr and closes the cache.
func closeLLM(c *cli.Context, e *env) {
	run, ok := c.App.Metadata[sessionKey].(*llmRun)
	if !ok {
		return
	}
	delete(c.App.Metadata, sessionKey)
	fmt.Fprintln(e.stderr, run.sess.UsageLine())
	for _, f := range run.closers {
		if err := f(); err != nil {
			e.logger.Warn("close digest cache", "err", err)
		}
	}
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
