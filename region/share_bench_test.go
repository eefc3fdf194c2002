package region_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/extractive"
)

// BenchmarkShare reports the share of extractive Summarize time spent in
// Detect over the regions dev set (title, text and dateline, as
// measure.sh feeds it): both are timed on each article in turn, and
// "detect-%" is Detect's time over Summarize's (which includes Detect).
// It is skipped when the shared data is absent. Run it on one core:
// go test -run X -bench Share -cpu 1 ./region.
func BenchmarkShare(b *testing.B) {
	arts := loadRegionsDev(b)
	be, err := extractive.New(summarize.Config{})
	if err != nil {
		b.Fatal(err)
	}
	tax := region.Default()
	ctx := context.Background()
	region.Detect(arts[0], tax)
	var det, sum time.Duration
	for b.Loop() {
		// Article by article, so that load from other processes falls
		// on both alike.
		for _, a := range arts {
			t0 := time.Now()
			region.Detect(a, tax)
			t1 := time.Now()
			if _, err := be.Summarize(ctx, a); err != nil {
				b.Fatal(err)
			}
			det += t1.Sub(t0)
			sum += time.Since(t1)
		}
	}
	b.ReportMetric(100*det.Seconds()/sum.Seconds(), "detect-%")
}

func loadRegionsDev(tb testing.TB) []*article.Article {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if s := os.Getenv("BRIEF_SHARED"); s != "" {
		shared = s
	}
	f, err := os.Open(filepath.Join(shared, "evaldata", "regions", "dev.jsonl"))
	if err != nil {
		tb.Skipf("regions dev set: %v", err)
	}
	defer f.Close()
	var arts []*article.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d struct{ ID, Title, Text, Dateline string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatalf("regions dev set: %v", err)
		}
		a, err := article.FromText(d.Text)
		if err != nil {
			continue
		}
		a.ID, a.Title, a.Dateline = d.ID, d.Title, d.Dateline
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		tb.Skip("regions dev set is empty")
	}
	return arts
}

// BenchmarkDetectDev runs Detect over the whole regions dev set per
// iteration, to set against the CPU time of brief summarize on the same
// input. It is skipped when the shared data is absent.
func BenchmarkDetectDev(b *testing.B) {
	arts := loadRegionsDev(b)
	tax := region.Default()
	region.Detect(arts[0], tax)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			region.Detect(a, tax)
		}
	}
}
