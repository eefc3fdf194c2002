package main

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/devdata"
)

// BenchmarkSummarizeWebpages measures `brief summarize -f jsonl` over the
// 490 real pages of the shared webpages set (extraction, takeaways,
// quotes and region of each), in-process, and reports articles per
// CPU-second of this process: the figure issue 18's speed target names
// (at least 100), which does not depend on how busy the machine is. It is
// skipped when ../shared is absent.
// go test -run X -bench SummarizeWebpages -benchtime 3x ./cmd/brief
func BenchmarkSummarizeWebpages(b *testing.B) {
	pages, err := filepath.Glob(filepath.Join(devdata.Path(b, "webpages/html"), "*.html.gz"))
	if err != nil || len(pages) == 0 {
		b.Skipf("no webpages: %v", err)
	}
	h := newHarness(b)
	args := append([]string{"brief", "summarize", "-f", "jsonl"}, pages...)
	ctx := context.Background()
	before, n := cpuTime(), 0
	for b.Loop() {
		var out, errb bytes.Buffer
		e := &env{stdin: bytes.NewReader(nil), stdout: &out, stderr: &errb, logger: slog.New(slog.DiscardHandler),
			now: time.Now, getenv: func(k string) string { return h.vars[k] }}
		runEnv(ctx, e, args) // a page the extractor rejects exits 1; the others are digests
		n += bytes.Count(out.Bytes(), []byte("\n"))
	}
	if n == 0 {
		b.Fatal("no digests")
	}
	b.ReportMetric(float64(n)/(cpuTime()-before).Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(n)/float64(b.N), "articles")
}
