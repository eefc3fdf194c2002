package article_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/brief-news/brief/article"
)

// feedFile writes an RSS feed of n items (about 150 bytes each).
func feedFile(tb testing.TB, n int) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), fmt.Sprintf("wire-%d.xml", n))
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>`+"\n")
	for i := range n {
		fmt.Fprintf(w, "<item><title>Harbour board, session %d</title><link>/2026/11/24/session-%d</link><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate></item>\n", i, i)
	}
	fmt.Fprint(w, "</channel></rss>\n")
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return p
}

// peakHeap runs f, sampling the heap in use every 50,000 calls of tick,
// and returns the largest sample.
type heapSampler struct {
	n    int
	peak uint64
}

func (h *heapSampler) tick() {
	h.n++
	if h.n%50_000 != 0 {
		return
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h.peak = max(h.peak, ms.HeapInuse)
}

// BenchmarkFeedStream1M expands a 1,000,000-item RSS file (about 140 MB)
// and reports the items found and the largest heap in use while reading
// it (peak-heap-MB): items are taken as they are parsed, never held.
//
//	go test -run X -bench FeedStream1M -benchtime 1x ./article
func BenchmarkFeedStream1M(b *testing.B) {
	p := feedFile(b, 1_000_000)
	fi, _ := os.Stat(p)
	runtime.GC()
	var h heapSampler
	items := 0
	for b.Loop() {
		items = 0
		l := &article.Loader{}
		for s := range l.Sources(context.Background(), []string{p}) {
			if s.Err != nil {
				b.Fatal(s.Err)
			}
			items++
			h.tick()
		}
	}
	b.ReportMetric(float64(items), "items")
	b.ReportMetric(float64(h.peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(fi.Size())/(1<<20), "input-MB")
}

// TestFeedStreamBoundedMemory reads a 200,000-item feed (28 MB): the heap
// stays under 40 MB while it is expanded, and every item comes out.
func TestFeedStreamBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 28 MB file")
	}
	p := feedFile(t, 200_000)
	runtime.GC()
	var h heapSampler
	items := 0
	l := &article.Loader{}
	for s := range l.Sources(context.Background(), []string{p}) {
		if s.Err != nil {
			t.Fatal(s.Err)
		}
		if items == 0 && s.URL != "https://wire.example/2026/11/24/session-0" {
			t.Errorf("first item %q", s.URL)
		}
		items++
		h.tick()
	}
	if items != 200_000 {
		t.Errorf("%d items, want 200000", items)
	}
	if h.peak > 40<<20 {
		t.Errorf("peak heap %d MB, want under 40 MB", h.peak>>20)
	}
	t.Logf("peak heap %d MB", h.peak>>20)
}
