package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
	"github.com/brief-news/brief/summarize/quote"
)

// llmFlags are the flags of the model backends (llm.Settings), shared by
// the commands that summarize.
func llmFlags() []cli.Flag {
	var flags []cli.Flag
	for _, s := range llm.Settings() {
		var env []string
		if s.Env != "" {
			env = []string{s.Env}
		}
		switch v := s.Default; s.Kind {
		case llm.KindInt:
			d, _ := v.(int)
			flags = append(flags, &cli.IntFlag{Name: s.Name, Usage: s.Usage, Value: d, DefaultText: s.DefaultText, EnvVars: env})
		case llm.KindFloat:
			d, _ := v.(float64)
			flags = append(flags, &cli.Float64Flag{Name: s.Name, Usage: s.Usage, Value: d, DefaultText: s.DefaultText, EnvVars: env})
		case llm.KindDuration:
			d, _ := v.(time.Duration)
			flags = append(flags, &cli.DurationFlag{Name: s.Name, Usage: s.Usage, Value: d, DefaultText: s.DefaultText, EnvVars: env})
		case llm.KindBool:
			flags = append(flags, &cli.BoolFlag{Name: s.Name, Usage: s.Usage, DefaultText: s.DefaultText, EnvVars: env})
		default:
			d, _ := v.(string)
			flags = append(flags, &cli.StringFlag{Name: s.Name, Usage: s.Usage, Value: d, DefaultText: s.DefaultText, EnvVars: env})
		}
	}
	return flags
}

// resolveModel reads and checks the model settings (llm.ResolveOptions).
func resolveModel(c *cli.Context, e *env) (llm.Options, error) {
	o, err := llm.ResolveOptions(func(name string) (string, bool) { return c.String(name), c.IsSet(name) }, e.getenv)
	if err != nil {
		return o, usageError{err}
	}
	o.Conns = c.Int("jobs")
	return o, nil
}

// openBackend opens the backend o names. For model backends it fills in
// keys, server, limits, cache and fallback from o.LLM and the config
// file, and starts the session (e.session) whose usage line closeLLM
// prints.
func openBackend(ctx context.Context, e *env, o summarizerOptions) (summarize.Summarizer, error) {
	name, cfg, lo := o.Backend, o.config(e), o.LLM
	row, err := summarize.Lookup(name)
	if errors.Is(err, summarize.ErrUnknownBackend) {
		return nil, unknownBackend(name)
	}
	if err != nil {
		return nil, usageError{err}
	}
	if !row.Model {
		s, err := summarize.Open(name, cfg)
		if err != nil {
			return nil, usageError{err}
		}
		return s, nil
	}
	lc, err := modelConfig(e, row, &cfg, lo)
	if err != nil {
		return nil, err
	}
	run := lo.Run(e.now())
	if o.DB != "" {
		st, err := openArchive(ctx, e, o.DB)
		if err != nil {
			return nil, fmt.Errorf("open archive for the model backend: %w", err)
		}
		store.ModelRun(ctx, st, &lc, &run, !lo.NoCache, lo.LogRequests, e.logger)
		cfg.Settings = lc
	}
	s, sess, err := llm.OpenRun(name, cfg, run)
	if err != nil {
		return nil, usageError{err}
	}
	e.session = sess
	if o.Sizes != nil && sess.Sizes() {
		sess.SizeFor(ctx, newLoader(e, *o.Sizes), o.Sizes.Inputs) // Ollama's num_ctx
	}
	return s, nil
}

// modelConfig fills cfg for model backend row from lo and the config
// file (see llm.Options.Given and llm.Resolve), and returns the
// llm.Config it put in cfg.Settings.
func modelConfig(e *env, row summarize.Backend, cfg *summarize.Config, lo llm.Options) (llm.Config, error) {
	g, err := lo.Given(e.modelLayers(row.Name), func(p string) ([]byte, error) { return readOptionFile(p, maxTemplateSize) })
	if err != nil {
		return llm.Config{}, usageError{err}
	}
	g.Getenv, g.Prices = e.getenv, e.priceTable()
	model, lc, err := llm.Resolve(row, g)
	if errors.Is(err, llm.ErrNoPrice) {
		return lc, usagef("--max-cost: %v", err)
	}
	if err != nil {
		return lc, usageError{err}
	}
	lc.Candidates = quote.Scan
	cfg.Model, cfg.Language, cfg.Settings = model, lo.Language, lc
	return lc, nil
}

// closeLLM ends the run's model session, if any: it prints the usage
// line on stderr and closes the cache.
func closeLLM(e *env) {
	if e.session == nil {
		return
	}
	line, err := e.session.Close()
	e.session = nil
	fmt.Fprintln(e.stderr, line)
	if err != nil {
		e.logger.Warn("close digest cache", "err", err)
	}
}

// dryRun prints, for each input, the model requests the backend would
// send and their token estimates, and sends nothing; asJSON writes them
// as JSON Lines.
func dryRun(ctx context.Context, e *env, in inputOptions, asJSON bool, o summarizerOptions) error {
	name, cfg := o.Backend, o.config(e)
	row, err := summarize.Lookup(name)
	if errors.Is(err, summarize.ErrUnknownBackend) {
		return unknownBackend(name)
	}
	if err != nil || !row.Model {
		return usagef("--dry-run: backend %q makes no model requests", name)
	}
	if _, err := modelConfig(e, row, &cfg, o.LLM); err != nil {
		return err
	}
	p, err := llm.OpenPreviewer(name, cfg)
	if err != nil {
		return usageError{err}
	}
	var t llm.PreviewTotals
	_, failed, total, err := runInputStream(ctx, e, in, nil, func(r result) error {
		reqs, err := p.Preview(r.article)
		if err != nil {
			return fmt.Errorf("%s: %w", r.src.ID, err)
		}
		t.Add(reqs)
		if asJSON {
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
		name, cfg.Model, t.Articles, t.Requests, t.PromptTokens, t.MaxOutputTokens)
	if price := llm.PriceOf(cfg.Model, row.Local, e.priceTable()); price != nil {
		line += fmt.Sprintf(", at most $%.4f", price.Cost(t.PromptTokens, t.MaxOutputTokens))
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
