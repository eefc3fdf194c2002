package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
	e      *env
	st     store.Archive
	s      summarize.Summarizer
	client llm.Batcher
	name   string
	model  string
	sess   *llm.Session  // nil without a usage line
	poll   time.Duration // first wait between status checks

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

// openBatchRun opens the summarizer o names in batch mode and the batch
// client; poll is the first wait between status checks.
func openBatchRun(ctx context.Context, e *env, st store.Archive, o summarizerOptions, poll time.Duration) (*batchRun, error) {
	name := o.Backend
	b, err := summarize.Lookup(name)
	if err != nil || !b.Batch {
		return nil, usagef("--batch works with --backend %s, not %q", batchBackends(), name)
	}
	o.LLM.Batch = true
	s, err := openSummarizerWith(ctx, e, o)
	if err != nil {
		return nil, err
	}
	client, cfg, err := openBatcher(e, b, o.LLM)
	if err != nil {
		return nil, err
	}
	return &batchRun{e: e, st: st, s: s, client: client, name: name, model: cfg.Model, sess: e.session, poll: poll,
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
	d := r.poll
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
func addBatch(ctx context.Context, e *env, o addOptions, st store.Archive) error {
	r, err := openBatchRun(ctx, e, st, o.Summarizer, o.Poll)
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
	bad, failed, total, err := runInputStream(ctx, e, o.Inputs, s, func(res result) error {
		if r.isDeferred(res.article) {
			return nil
		}
		if _, err := a.save(ctx, res); err != nil {
			return err
		}
		_, err := fmt.Fprintf(e.stdout, "%s · %s · %s\n", res.digest.Region, titleOf(res), sourceOf(res))
		return err
	})
	a.skip(ctx, bad)
	if err != nil {
		return err
	}
	if len(r.lines) > 0 {
		id, err := r.submit(ctx, nil)
		if err != nil {
			return err
		}
		if !o.NoWait {
			f, _, err := r.collect(ctx, id)
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

// batchStatusOptions are brief batch status's options.
type batchStatusOptions struct {
	DB string
}

// resolveBatchStatus reads brief batch status's options.
func resolveBatchStatus(c *cli.Context, e *env) (batchStatusOptions, error) {
	db, err := resolveDB(c, e)
	return batchStatusOptions{DB: db}, err
}

// batchResumeOptions are brief batch resume's options.
type batchResumeOptions struct {
	DB  string
	IDs []string // none: every unfinished batch
	// Summarizer collects the answers. Its backend and model are those
	// each batch was submitted with, unless BackendSet or ModelSet
	// (--backend, --model given).
	Summarizer           summarizerOptions
	BackendSet, ModelSet bool
	Poll                 time.Duration
}

// resolveBatchResume reads and checks brief batch resume's options.
func resolveBatchResume(c *cli.Context, e *env) (batchResumeOptions, error) {
	o := batchResumeOptions{IDs: c.Args().Slice(), BackendSet: c.IsSet("backend"), ModelSet: c.IsSet("model"),
		Poll: c.Duration("poll")}
	var err error
	if o.DB, err = resolveDB(c, e); err != nil {
		return o, err
	}
	if o.Summarizer, err = resolveSummarizer(c, e); err != nil {
		return o, err
	}
	o.Summarizer.Sizes = nil // the arguments are batch IDs
	if !o.Summarizer.LLM.NoCache || o.Summarizer.LLM.LogRequests {
		o.Summarizer.DB = o.DB
	}
	return o, nil
}

// runBatchResume is brief batch resume: it waits for each batch and
// archives its results in st.
func runBatchResume(ctx context.Context, e *env, o batchResumeOptions, st store.Archive) error {
	list, err := st.Batches(ctx)
	if err != nil {
		return err
	}
	ids := slices.Clone(o.IDs)
	byID := map[string]store.Batch{}
	for _, b := range list {
		byID[b.ID] = b
		if len(o.IDs) == 0 && b.State != "saved" {
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
		so := o.Summarizer
		if !o.BackendSet {
			so.Backend = b.Backend
		}
		if !o.ModelSet {
			so.Model, so.LLM.Model = b.Model, b.Model
		}
		r, err := openBatchRun(ctx, e, st, so, o.Poll)
		if err != nil {
			return err
		}
		f, n, err := r.collect(ctx, id)
		failed, total = failed+f, total+n
		if err != nil {
			return err
		}
	}
	return partial(failed, total)
}

// batchCancelOptions are brief batch cancel's options.
type batchCancelOptions struct {
	DB  string
	IDs []string // at least one
	LLM llm.Options
}

// resolveBatchCancel reads and checks brief batch cancel's options.
func resolveBatchCancel(c *cli.Context, e *env) (batchCancelOptions, error) {
	o := batchCancelOptions{IDs: c.Args().Slice()}
	if len(o.IDs) == 0 {
		return o, usagef("batch cancel: give the batch IDs (see brief batch status)")
	}
	var err error
	if o.LLM, err = resolveModel(c, e); err != nil {
		return o, err
	}
	o.DB, err = resolveDB(c, e)
	return o, err
}

// runBatchCancel is brief batch cancel: it asks the provider to cancel
// each batch and records the new state in st.
func runBatchCancel(ctx context.Context, e *env, o batchCancelOptions, st store.Archive) error {
	recorded := map[string]store.Batch{}
	if list, err := st.Batches(ctx); err == nil {
		for _, b := range list {
			recorded[b.ID] = b
		}
	}
	var errs []error
	for _, id := range o.IDs {
		// A batch the archive does not know goes to the first backend
		// with a batch API.
		b, ok := recorded[id]
		if !ok {
			b.Backend = strings.SplitN(batchBackends(), ", ", 2)[0]
		}
		row, err := summarize.Lookup(b.Backend)
		if err != nil {
			errs = append(errs, fmt.Errorf("batch cancel %s: %w", id, err))
			continue
		}
		client, _, err := openBatcher(e, row, o.LLM)
		if err != nil {
			return err
		}
		stat, err := client.Cancel(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		info, _ := json.Marshal(stat)
		if err := st.UpdateBatch(ctx, store.Batch{ID: id, State: stat.State, Info: info}, nil); err != nil &&
			!errors.Is(err, store.ErrNoBatch) {
			errs = append(errs, err)
		}
		fmt.Fprintf(e.stderr, "brief: batch %s: %s\n", id, stat.State)
	}
	return errors.Join(errs...)
}

// runBatchStatus is brief batch status: a table of the batches in st.
func runBatchStatus(ctx context.Context, e *env, st store.Archive) error {
	list, err := st.Batches(ctx)
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
}

// withBatchStore is the Action of a batch subcommand: resolve its options,
// open the archive (batches are recorded by brief add: there is nothing to
// follow in an archive that does not exist) and run.
func withBatchStore[O any](e *env, resolve func(*cli.Context, *env) (O, error), db func(O) string,
	run func(context.Context, *env, O, store.Archive) error) cli.ActionFunc {
	return func(c *cli.Context) error {
		o, err := resolve(c, e)
		if err != nil {
			return err
		}
		st, err := openExistingArchive(c.Context, e, db(o))
		if err != nil {
			return err
		}
		defer st.Close()
		return run(c.Context, e, o, st)
	}
}

func batchCommand(e *env) *cli.Command {
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
				Action: withBatchStore(e, resolveBatchStatus, func(o batchStatusOptions) string { return o.DB },
					func(ctx context.Context, e *env, _ batchStatusOptions, st store.Archive) error {
						return runBatchStatus(ctx, e, st)
					}),
			},
			{
				Name:      "resume",
				Usage:     "wait for a batch (every unfinished one when no ID is given) and archive its results",
				ArgsUsage: "[ID...]",
				Flags:     append(summarizerFlags(false), pollFlag("")),
				Action:    withBatchStore(e, resolveBatchResume, func(o batchResumeOptions) string { return o.DB }, runBatchResume),
			},
			{
				Name:      "cancel",
				Usage:     "ask the provider to cancel batches; answers already made are still collected by resume",
				ArgsUsage: "ID...",
				Flags:     flagsNamed(llmFlags(), "base-url"), // all cancel reads
				Action:    withBatchStore(e, resolveBatchCancel, func(o batchCancelOptions) string { return o.DB }, runBatchCancel),
			},
		},
	}
}
