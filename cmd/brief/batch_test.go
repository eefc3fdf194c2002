package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/openai/batch/batchtest"
	"github.com/brief-news/brief/summarize/summarizetest"
)

// cancelOn is a stderr that cancels the run when a line holds mark.
type cancelOn struct {
	mu     sync.Mutex
	mark   string
	cancel context.CancelFunc
	buf    bytes.Buffer
}

func (w *cancelOn) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	if strings.Contains(w.buf.String(), w.mark) {
		w.cancel()
	}
	return n, err
}

func (w *cancelOn) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestAddBatchInterruptResume submits a batch with brief add --batch,
// interrupts the run while it waits, resumes it with brief batch resume,
// and checks the archived digests: every article archived once, by the
// openai backend, every quote verbatim in its article, one line failed by
// the batch fallen back to extractive and flagged, the usage line at the
// batch price, and no interactive model call.
func TestAddBatchInterruptResume(t *testing.T) {
	fk := batchtest.New(t, batchtest.Options{Polls: 3, FailLine: func(i int) bool { return i == 1 }})
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = "sk-test"
	arts := summarizetest.Articles()
	dir := writeArticles(t, arts)
	llm := []string{"--backend", "openai", "--base-url", fk.BaseURL(), "--poll", "5ms"}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errw := &cancelOn{mark: "submitted", cancel: cancel}
	var out bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: errw, logger: slog.New(slog.DiscardHandler),
		now: h.clock.now, getenv: func(k string) string { return h.vars[k] }}
	code := runEnv(ctx, e, append(append([]string{"brief", "--db", h.db, "add", "--batch"}, llm...), dir))
	if code != exitCanceled {
		t.Fatalf("interrupted add --batch: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitCanceled, out.String(), errw)
	}
	if fk.Batches() != 1 || fk.Lines() != len(arts) {
		t.Fatalf("submitted %d batches of %d lines, want 1 of %d", fk.Batches(), fk.Lines(), len(arts))
	}
	if out.Len() != 0 {
		t.Errorf("interrupted add printed articles before the batch finished:\n%s", out.String())
	}
	status := h.mustRun(0, "", "batch", "status")
	if !strings.Contains(status, "batch-") || strings.Contains(status, "saved") {
		t.Errorf("batch status after the interruption:\n%s", status)
	}

	code, stdout, stderr := h.run("", append([]string{"batch", "resume"}, llm...)...)
	if code != 0 {
		t.Fatalf("batch resume: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if n := strings.Count(stdout, "\n"); n != len(arts) {
		t.Errorf("resume printed %d articles, want %d:\n%s", n, len(arts), stdout)
	}
	if !strings.Contains(stderr, "at the batch price") {
		t.Errorf("usage line lacks the batch price:\n%s", stderr)
	}
	if !strings.Contains(h.mustRun(0, "", "batch", "status"), "saved") {
		t.Error("batch not marked saved after resume")
	}
	if n := fk.Interactive(); n != 0 {
		t.Errorf("%d interactive model calls, want 0", n)
	}

	st, err := store.Open(context.Background(), h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	entries, err := st.List(context.Background(), store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(arts) {
		t.Fatalf("archive holds %d articles, want %d", len(entries), len(arts))
	}
	fallbacks := 0
	for _, en := range entries {
		d := en.Digest
		if d == nil {
			t.Errorf("%s archived without a digest", en.Source)
			continue
		}
		if summarize.IsFallback(d) {
			fallbacks++
			continue
		}
		if d.Backend != "openai" || len(d.Takeaways) == 0 {
			t.Errorf("%s: digest by %q with %d takeaways, want openai's", en.Source, d.Backend, len(d.Takeaways))
		}
		// Quotes occur in the article; an ellipsis may join fragments.
		text := summarize.Normalize(en.Article.Text())
		for _, q := range d.Quotes {
			for _, part := range strings.Split(strings.ReplaceAll(q.Text, "…", "..."), "...") {
				if p := summarize.Normalize(part); p != "" && !strings.Contains(text, p) {
					t.Errorf("%s: quote %q is not in the article", en.Source, q.Text)
				}
			}
		}
	}
	if fallbacks != 1 {
		t.Errorf("%d digests fell back, want 1 (the line the batch failed)", fallbacks)
	}

	// Nothing is left to resume, and adding the same articles again in
	// batch mode answers from the cache, but for the one that fell back:
	// it goes into a new batch of one request.
	if _, _, errs := h.run("", append([]string{"batch", "resume"}, llm...)...); !strings.Contains(errs, "no unfinished batches") {
		t.Errorf("second resume: %s", errs)
	}
	code, stdout, stderr = h.run("", append(append([]string{"add", "--batch"}, llm...), dir)...)
	if code != 0 || fk.Batches() != 2 || fk.Lines() != len(arts)+1 || strings.Count(stdout, "\n") != len(arts) ||
		!strings.Contains(stderr, "1 batched requests, 2 cache hits") {
		t.Errorf("re-adding in batch mode: exit %d, %d batches of %d lines in all (want 0, 2, %d)\n%s%s",
			code, fk.Batches(), fk.Lines(), len(arts)+1, stdout, stderr)
	}
	if n := fk.Interactive(); n != 0 {
		t.Errorf("%d interactive model calls after re-adding, want 0", n)
	}
}

// TestBatchCancel cancels a submitted batch: its state is recorded and
// resume archives nothing from it.
func TestBatchCancel(t *testing.T) {
	fk := batchtest.New(t, batchtest.Options{Polls: 1000})
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = "sk-test"
	dir := writeArticles(t, summarizetest.Articles())
	llm := []string{"--backend", "openai", "--base-url", fk.BaseURL()}
	h.mustRun(0, "", append(append([]string{"add", "--batch", "--no-wait"}, llm...), dir)...)
	status := h.mustRun(0, "", "batch", "status")
	id := strings.Fields(strings.Split(status, "\n")[1])[0]
	if code, _, errs := h.run("", "batch", "cancel", "--base-url", fk.BaseURL(), id); code != 0 || !strings.Contains(errs, "cancelling") {
		t.Fatalf("batch cancel: exit %d\n%s", code, errs)
	}
	code, stdout, stderr := h.run("", append([]string{"batch", "resume", "--poll", "5ms"}, llm...)...)
	if code != exitPartial || stdout != "" || !strings.Contains(stderr, "cancelled before answering") {
		t.Errorf("resume of a cancelled batch: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(h.mustRun(0, "", "batch", "status"), "saved") {
		t.Error("cancelled batch not closed after resume")
	}
	if fk.Interactive() != 0 {
		t.Errorf("%d interactive calls, want 0", fk.Interactive())
	}
}

// TestAddBatchFollowUpRound: when an answer needs a follow-up request
// (the model's reply was cut off, so the backend asks it to repair its
// answer), the follow-up goes into a second batch, and the article is
// archived from that one's answer: no fallback, no interactive call.
func TestAddBatchFollowUpRound(t *testing.T) {
	fk := batchtest.New(t, batchtest.Options{Faults: summarizetest.Faults{Malformed: 1}})
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = "sk-test"
	arts := summarizetest.Articles()
	dir := writeArticles(t, arts)
	code, stdout, stderr := h.run("", "add", "--batch", "--backend", "openai", "--base-url", fk.BaseURL(), "--poll", "5ms", dir)
	if code != 0 || strings.Count(stdout, "\n") != len(arts) {
		t.Fatalf("add --batch: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if fk.Batches() != 2 || fk.Lines() != len(arts)+1 || fk.Interactive() != 0 {
		t.Errorf("%d batches of %d lines in all, %d interactive calls; want 2, %d, 0", fk.Batches(), fk.Lines(), fk.Interactive(), len(arts)+1)
	}
	if strings.Contains(stdout+stderr, "llm_fallback") || !strings.Contains(stderr, fmt.Sprintf("%d batched requests", len(arts)+1)) {
		t.Errorf("stderr:\n%s", stderr)
	}
	if code, _, errs := h.run("", "add", "--batch", "--backend", "extractive", dir); code != exitUsage || !strings.Contains(errs, "--batch works with --backend openai") {
		t.Errorf("add --batch --backend extractive: exit %d, %s", code, errs)
	}
}

// TestBatchResumeKeepsEachBatchsModel: brief batch resume without
// --backend or --model collects each batch with the backend and model it
// was submitted with, the second batch as well as the first.
func TestBatchResumeKeepsEachBatchsModel(t *testing.T) {
	fk := batchtest.New(t, batchtest.Options{Polls: 1})
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = "sk-test"
	arts := summarizetest.Articles()
	half := len(arts) / 2
	models := []string{"gpt-4.1-mini", "gpt-4.1-nano"}
	dirs := []string{writeArticles(t, arts[:half]), writeArticles(t, arts[half:])}
	for i, dir := range dirs {
		h.mustRun(0, "", "add", "--batch", "--no-wait", "--backend", "openai", "--model", models[i], "--base-url", fk.BaseURL(), dir)
	}
	if fk.Batches() != 2 {
		t.Fatalf("%d batches submitted, want 2", fk.Batches())
	}
	code, stdout, stderr := h.run("", "batch", "resume", "--base-url", fk.BaseURL(), "--poll", "5ms")
	if code != 0 || strings.Count(stdout, "\n") != len(arts) {
		t.Fatalf("batch resume: exit %d, want 0 and %d articles\nstdout:\n%s\nstderr:\n%s", code, len(arts), stdout, stderr)
	}
	st, err := store.Open(context.Background(), h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	entries, err := st.List(context.Background(), store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(arts) {
		t.Fatalf("archive holds %d articles, want %d", len(entries), len(arts))
	}
	for _, en := range entries {
		want := models[0]
		if strings.HasPrefix(en.Source, dirs[1]) {
			want = models[1]
		}
		if d := en.Digest; d == nil || d.Backend != "openai" || d.Model != want {
			t.Errorf("%s: digest %+v, want openai's by %s", en.Source, d, want)
		}
	}
}
