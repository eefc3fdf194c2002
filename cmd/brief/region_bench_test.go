package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/devdata"
	"github.com/brief-news/brief/region"
)

// BenchmarkRegionShare measures what region detection adds to brief
// summarize, on the shared development sets of regions (short newswire
// stories with datelines), summaries (long news stories) and quotes:
// each iteration runs `brief summarize -f jsonl -j 1 -` over a set (id,
// title, text and dateline, as measure.sh feeds it) and then
// region.Detect alone over the same articles, loaded as summarize loads
// them. "region-%" is Detect's time over the rest of summarize's (the
// gazetteer is static data: there is no build to add). A set is skipped
// when the shared data is absent. Run it on one core:
// go test -run X -bench RegionShare -cpu 1 ./cmd/brief.
func BenchmarkRegionShare(b *testing.B) {
	for _, set := range []struct{ name, path string }{
		{"regions", "regions/dev.jsonl"},
		{"summaries", "summarization/cnndm_dev300.jsonl"},
		{"quotes", "quotes/dev.jsonl"},
	} {
		b.Run(set.name, func(b *testing.B) { benchmarkRegionShare(b, set.path) })
	}
}

func benchmarkRegionShare(b *testing.B, set string) {
	input := devInput(b, set)
	path := filepath.Join(b.TempDir(), "dev.jsonl")
	if err := os.WriteFile(path, input, 0o600); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	l := &article.Loader{}
	var arts []*article.Article
	for _, s := range l.Expand(ctx, []string{path}) {
		if a, err := l.Load(ctx, s); err == nil {
			arts = append(arts, a)
		}
	}
	tax := region.Default()
	h := newHarness(b)
	var all, det time.Duration
	for b.Loop() {
		var errb bytes.Buffer
		e := &env{stdin: bytes.NewReader(input), stdout: io.Discard, stderr: &errb, logger: slog.New(slog.DiscardHandler),
			now: time.Now, getenv: func(k string) string { return h.vars[k] }}
		t0 := time.Now()
		if code := runEnv(ctx, e, []string{"brief", "summarize", "-f", "jsonl", "-j", "1", "-"}); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
		t1 := time.Now()
		for _, a := range arts {
			region.Detect(a, tax)
		}
		all += t1.Sub(t0)
		det += time.Since(t1)
	}
	b.ReportMetric(100*det.Seconds()/(all-det).Seconds(), "region-%")
	b.ReportMetric(float64(len(arts)), "articles")
}

// devInput returns a shared development set (a path under evaldata) as
// summarize's JSONL input, skipping the benchmark when ../shared is
// absent.
func devInput(b *testing.B, set string) []byte {
	b.Helper()
	f, err := os.Open(devdata.Path(b, set))
	if err != nil {
		b.Skipf("dev set: %v", err)
	}
	defer f.Close()
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d struct {
			ID       string `json:"id"`
			Title    string `json:"title"`
			Text     string `json:"text"`
			Dateline string `json:"dateline,omitempty"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatalf("%s: %v", set, err)
		}
		if err := enc.Encode(d); err != nil {
			b.Fatal(err)
		}
	}
	if out.Len() == 0 {
		b.Skipf("%s is empty", set)
	}
	return out.Bytes()
}
