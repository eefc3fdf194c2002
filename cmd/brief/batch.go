package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

// batchBackends names the backends with a batch API, for help and errors.
func batchBackends() string {
	var names []string
	for _, b := range summarize.Backends() {
		if b.Batch {
			names = append(names, b.Name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// batchFlags are brief add's flags for batch runs.
func batchFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "batch", Usage: "send the model requests as one batch job (half the price, results within 24h; --backend " + batchBackends() + ")"},
		&cli.BoolFlag{Name: "no-wait", Usage: "with --batch: submit and return; collect later with brief batch resume"},
		pollFlag("with --batch: "),
	}
}

// pollFlag is --poll; prefix says when it applies ("with --batch: ").
func pollFlag(prefix string) cli.Flag {
	return &cli.DurationFlag{Name: "poll", Value: 10 * time.Second, Usage: prefix + "first wait between status checks (doubles up to 5m)"}
}

// batchArticle is what the archive keeps of an article waiting on a
// batch.
type batchArticle struct {
	Source  string           `json:"source"`
	Article *article.Article `json:"article"`
}

// batchRun summarizes articles in batch mode: requests are deferred into
// a batch, or answered from one.
type batchRun struct {
	c      *cli.Context
	e      *env
	st     store.Archive
	s      summarize.Summarizer
	client llm.Batcher
	name   string
	model  string
	sess   *llm.Session // nil without a usage line

	mu       sync.Mutex
	waiting  []batchArticle
	lines    []llm.BatchLine
	seen     map[string]bool
	deferred map[*article.Article]bool
	// carry are the answers the waiting articles were given already:
	// they need them again when the next batch is collected.
	carry map[string]bool
	// answered are the keys of the requests answered from a batch in
	// this run, counted once each on the usage line.
	answered map[string]bool
}

// openBatchRun opens the summarizer in batch mode and the batch client.
func openBatchRun(c *cli.Context, e *env, st store.Archive) (*batchRun, error) {
	name := c.String("backend")
	b, err := summarize.Lookup(name)
	if err != nil || !b.Batch {
		return nil, usagef("--batch works with --backend %s, not %q", batchBackends(), name)
	}
	o, err := resolveSummarizer(c, e)
	if err != nil {
		return nil, err
	}
	o.LLM.Batch = true
	s, err := openSummarizerWith(c, e, o)
	if err != nil {
		return nil, err
	}
	client, cfg, err := openBatcher(e, b, o.LLM)
	if err != nil {
		return nil, err
	}
	return &batchRun{c: c, e: e, st: st, s: s, client: client, name: name, model: cfg.Model, sess: e.session,
		seen: map[string]bool{}, deferred: map[*article.Article]bool{}, carry: map[string]bool{},
		answered: map[string]bool{}}, nil
}

// openBatcher opens the batch client of backend row for lo's model, with
// the server and key brief summarize would use.
func openBatcher(e *env, row summarize.Backend, lo llm.Options) (llm.Batcher, summarize.Config, error) {
	cfg := summarize.Config{Model: lo.Model, Logger: e.logger}
	if _, err := modelConfig(e, row, &cfg, lo); err != nil {
		return nil, cfg, err
	}
	client, err := llm.OpenBatcher(row.Name, cfg)
	if err != nil {
		return nil, cfg, usageError{err}
	}
	return client, cfg, nil
}

// summarize runs the summarizer on a with the batch's answers. It
// returns a digest, or the requests a needs answered first (then the
// article is queued for the next batch), or an error.
func (r *batchRun) summarize(ctx context.Context, src string, a *article.Article, answers map[string]llm.BatchAnswer) (*summarize.Digest, bool, error) {
	sctx, cancel, sess := llm.NewBatchSession(ctx, answers)
	defer cancel()
	d, err := r.s.Summarize(sctx, a)
	if used := sess.Used(); len(used) > 0 && r.sess != nil {
		r.mu.Lock()
		for _, k := range used {
			if !r.answered[k] {
				r.answered[k] = true
				r.sess.AddBatched(1)
			}
		}
		r.mu.Unlock()
	}
	if lines := sess.Deferred(); len(lines) > 0 && ctx.Err() == nil {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.waiting = append(r.waiting, batchArticle{Source: src, Article: a})
		r.deferred[a] = true
		for _, k := range sess.Used() {
			r.carry[k] = true
		}
		for _, l := range lines {
			if !r.seen[l.Key] {
				r.seen[l.Key] = true
				r.lines = append(r.lines, l)
			}
		}
		return nil, true, nil
	}
	return d, false, err
}

func (r *batchRun) isDeferred(a *article.Article) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.deferred[a]
}

// submit sends the queued requests as a batch and records it, with the
// known answers that the waiting articles will need again.
func (r *batchRun) submit(ctx context.Context, known map[string]llm.BatchAnswer) (string, error) {
	stat, err := r.client.Submit(ctx, r.lines)
	if err != nil {
		return "", err
	}
	var items []store.BatchItem
	for _, l := range r.lines {
		items = append(items, store.BatchItem{Key: l.Key, Request: l.Body})
	}
	for k, a := range known {
		if r.carry[k] && !r.seen[k] {
			raw, _ := json.Marshal(a)
			items = append(items, store.BatchItem{Key: k, Request: json.RawMessage("null"), Response: raw})
		}
	}
	var arts []json.RawMessage
	for _, w := range r.waiting {
		raw, err := json.Marshal(w)
		if err != nil {
			return "", fmt.Errorf("encode article %s: %w", w.Source, err)
		}
		arts = append(arts, raw)
	}
	info, _ := json.Marshal(stat)
	// The batch exists at the provider now: record it even if the
	// command is being interrupted.
	if err := r.st.SaveBatch(context.WithoutCancel(ctx), store.Batch{ID: stat.ID, Backend: r.name, Model: r.model,
		State: stat.State, Info: info}, items, arts); err != nil {
		return "", err
	}
	fmt.Fprintf(r.e.stderr, "brief: batch %s submitted: %d requests for %d articles (collect with: brief batch resume %s)\n",
		stat.ID, len(r.lines), len(r.waiting), stat.ID)
	r.lines, r.waiting, r.seen, r.deferred, r.carry = nil, nil, map[string]bool{}, map[*article.Article]bool{}, map[string]bool{}
	return stat.ID, nil
}

// wait polls the batch until the provider has finished it, with a
// doubling wait, recording each status in the archive.
func (r *batchRun) wait(ctx context.Context, id string) (llm.BatchStatus, error) {
	d := r.c.Duration("poll")
	if d <= 0 {
		d = 10 * time.Second
	}
	for {
		stat, err := r.client.Status(ctx, id)
		if err != nil {
			return stat, err
		}
		info, _ := json.Marshal(stat)
		if err := r.st.UpdateBatch(ctx, store.Batch{ID: id, State: stat.State, Info: info}, nil); err != nil {
			return stat, err
		}
		if stat.Finished() {
			return stat, nil
		}
		r.e.logger.Info("batch not finished", "id", id, "state", stat.State, "completed", stat.Completed, "total", stat.Total)
		select {
		case <-ctx.Done():
			return stat, fmt.Errorf("wait for batch %s (resume with brief batch resume %s): %w", id, id, ctx.Err())
		case <-time.After(d):
		}
		d = min(2*d, 5*time.Minute)
	}
}

// collect downloads a finished batch's answers, archives the digests of
// its articles and returns how many failed. Articles that need more
// requests (a repair, a long article's combining step) go into a new
// batch, collected in turn.
func (r *batchRun) collect(ctx context.Context, id string) (failed, total int, err error) {
	for id != "" {
		stat, err := r.wait(ctx, id)
		if err != nil {
			return failed, total, err
		}
		items, arts, err := r.st.BatchContents(ctx, id)
		if err != nil {
			return failed, total, err
		}
		results, err := r.client.Results(ctx, stat)
		if err != nil {
			return failed, total, err
		}
		answers := map[string]llm.BatchAnswer{}
		var fresh []store.BatchItem
		for _, it := range items {
			if it.Response != nil {
				var a llm.BatchAnswer
				if json.Unmarshal(it.Response, &a) == nil {
					answers[it.Key] = a
				}
			}
			if a, ok := results[it.Key]; ok {
				answers[it.Key] = a
				raw, _ := json.Marshal(a)
				fresh = append(fresh, store.BatchItem{Key: it.Key, Response: raw})
			}
		}
		info, _ := json.Marshal(stat)
		if err := r.st.UpdateBatch(ctx, store.Batch{ID: id, State: stat.State, Info: info}, fresh); err != nil {
			return failed, total, err
		}
		for _, raw := range arts {
			var w batchArticle
			if err := json.Unmarshal(raw, &w); err != nil || w.Article == nil {
				return failed, total, fmt.Errorf("batch %s: decode article: %v", id, err)
			}
			total++
			d, more, err := r.summarize(ctx, w.Source, w.Article, answers)
			switch {
			case ctx.Err() != nil:
				return failed, total, ctx.Err()
			case more && stat.State != "completed":
				// Expired or cancelled before this article's turn.
				r.mu.Lock()
				r.waiting, r.lines = r.waiting[:len(r.waiting)-1], nil
				r.mu.Unlock()
				err = fmt.Errorf("batch %s %s before answering it", id, stat.State)
				fallthrough
			case err != nil:
				failed++
				fmt.Fprintf(r.e.stderr, "brief: %s: %v\n", w.Source, oneLine(err))
				if rerr := r.st.RecordSkipped(ctx, w.Source, oneLine(err)); rerr != nil {
					return failed, total, rerr
				}
			case more:
				total-- // counted again with the next batch
			default:
				summarize.CleanDigest(d)
				if _, err := r.st.Save(ctx, w.Article, d); err != nil {
					return failed, total, err
				}
				res := result{src: article.Source{ID: w.Source}, article: w.Article, digest: d}
				fmt.Fprintf(r.e.stdout, "%s · %s · %s\n", d.Region, titleOf(res), sourceOf(res))
			}
		}
		next := ""
		if len(r.lines) > 0 {
			if next, err = r.submit(ctx, answers); err != nil {
				return failed, total, err
			}
		}
		if err := r.st.UpdateBatch(ctx, store.Batch{ID: id, State: "saved", Info: info}, nil); err != nil {
			return failed, total, err
		}
		id = next
	}
	return failed, total, nil
}

// addBatch is brief add --batch: load and extract the inputs, archive at
// once what needs no model request (cache hits), submit the rest as one
// batch, and unless --no-wait, wait for it and archive the results.
func addBatch(c *cli.Context, e *env, st store.Archive) error {
	r, err := openBatchRun(c, e, st)
	if err != nil {
		return err
	}
	a := &archiver{st: st, e: e}
	s := summarizerFunc(func(ctx context.Context, art *article.Article) (*summarize.Digest, error) {
		d, more, err := r.summarize(ctx, art.ID, art, nil)
		if more {
			return &summarize.Digest{}, nil // a placeholder: emit skips deferred articles
		}
		return d, err
	})
	bad, failed, total, err := runInputsSkipped(c, e, s, func(res result) error {
		if r.isDeferred(res.article) {
			return nil
		}
		if _, err := a.save(c.Context, res); err != nil {
			return err
		}
		_, err := fmt.Fprintf(e.stdout, "%s · %s · %s\n", res.digest.Region, titleOf(res), sourceOf(res))
		return err
	})
	a.skip(c.Context, bad)
	if err != nil {
		return err
	}
	if len(r.lines) > 0 {
		id, err := r.submit(c.Context, nil)
		if err != nil {
			return err
		}
		if !c.Bool("no-wait") {
			f, _, err := r.collect(c.Context, id)
			if err != nil {
				return err
			}
			failed += f
		}
	}
	return partial(failed, total)
}

// summarizerFunc adapts a function to summarize.Summarizer.
type summarizerFunc func(context.Context, *article.Article) (*summarize.Digest, error)

func (f summarizerFunc) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	return f(ctx, a)
}

func batchCommand(e *env) *cli.Command {
	withStore := func(f func(c *cli.Context, st store.Archive) error) cli.ActionFunc {
		return func(c *cli.Context) error {
			// Batches are recorded by brief add: there is nothing to
			// follow in an archive that does not exist.
			st, err := openExistingStore(c, e)
			if err != nil {
				return err
			}
			defer st.Close()
			return f(c, st)
		}
	}
	return &cli.Command{
		Name:  "batch",
		Usage: "follow, resume and cancel model batch runs (brief add --batch)",
		Description: `brief add --batch sends its model requests as one batch job (the OpenAI Batch API) and records it
in the archive (--db), so that any process on the same archive can follow it, collect its
results or cancel it.

Examples:
   brief add --batch --backend openai feeds.txt
   brief batch status
   brief batch resume batch_abc123
   brief batch cancel batch_abc123`,
		Subcommands: []*cli.Command{
			{
				Name:  "status",
				Usage: "list the recorded batches: ID, state, requests done, created",
				Action: withStore(func(c *cli.Context, st store.Archive) error {
					list, err := st.Batches(c.Context)
					if err != nil {
						return err
					}
					tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
					fmt.Fprintln(tw, "ID\tSTATE\tDONE\tFAILED\tTOTAL\tMODEL\tCREATED")
					for _, b := range list {
						var s llm.BatchStatus
						json.Unmarshal(b.Info, &s)
						fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\n", b.ID, b.State, s.Completed, s.Failed, s.Total,
							b.Model, b.Created.UTC().Format("2006-01-02 15:04"))
					}
					return tw.Flush()
				}),
			},
			{
				Name:      "resume",
				Usage:     "wait for a batch (every unfinished one when no ID is given) and archive its results",
				ArgsUsage: "[ID...]",
				Flags:     append(summarizerFlags(false), pollFlag("")),
				Action: withStore(func(c *cli.Context, st store.Archive) error {
					ids := c.Args().Slice()
					list, err := st.Batches(c.Context)
					if err != nil {
						return err
					}
					byID := map[string]store.Batch{}
					for _, b := range list {
						byID[b.ID] = b
						if c.NArg() == 0 && b.State != "saved" {
							ids = append(ids, b.ID)
						}
					}
					if len(ids) == 0 {
						fmt.Fprintln(e.stderr, "brief: no unfinished batches")
						return nil
					}
					failed, total := 0, 0
					for _, id := range ids {
						b, ok := byID[id]
						if !ok {
							return usagef("batch resume: no batch %q in the archive (see brief batch status)", id)
						}
						if !c.IsSet("backend") {
							c.Set("backend", b.Backend)
						}
						if !c.IsSet("model") {
							c.Set("model", b.Model)
						}
						r, err := openBatchRun(c, e, st)
						if err != nil {
							return err
						}
						f, n, err := r.collect(c.Context, id)
						failed, total = failed+f, total+n
						if err != nil {
							return err
						}
					}
					return partial(failed, total)
				}),
			},
			{
				Name:      "cancel",
				Usage:     "ask the provider to cancel batches; answers already made are still collected by resume",
				ArgsUsage: "ID...",
				Flags:     flagsNamed(llmFlags(), "base-url"), // all cancel reads
				Action: withStore(func(c *cli.Context, st store.Archive) error {
					if c.NArg() == 0 {
						return usagef("batch cancel: give the batch IDs (see brief batch status)")
					}
					lo, err := resolveModel(c, e)
					if err != nil {
						return err
					}
					recorded := map[string]store.Batch{}
					if list, err := st.Batches(c.Context); err == nil {
						for _, b := range list {
							recorded[b.ID] = b
						}
					}
					var errs []error
					for _, id := range c.Args().Slice() {
						// A batch the archive does not know goes to the
						// first backend with a batch API.
						b, ok := recorded[id]
						if !ok {
							b.Backend = strings.SplitN(batchBackends(), ", ", 2)[0]
						}
						row, err := summarize.Lookup(b.Backend)
						if err != nil {
							errs = append(errs, fmt.Errorf("batch cancel %s: %w", id, err))
							continue
						}
						client, _, err := openBatcher(e, row, lo)
						if err != nil {
							return err
						}
						stat, err := client.Cancel(c.Context, id)
						if err != nil {
							errs = append(errs, err)
							continue
						}
						info, _ := json.Marshal(stat)
						if err := st.UpdateBatch(c.Context, store.Batch{ID: id, State: stat.State, Info: info}, nil); err != nil &&
							!errors.Is(err, store.ErrNoBatch) {
							errs = append(errs, err)
						}
						fmt.Fprintf(e.stderr, "brief: batch %s: %s\n", id, stat.State)
					}
					return errors.Join(errs...)
				}),
			},
		},
	}
}
