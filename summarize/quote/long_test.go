package quote_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize/quote"
)

// TestScanHugeArticle checks that a page of megabytes of text costs Scan a
// bounded amount of memory, and that the quotes of its opening are still
// found.
func TestScanHugeArticle(t *testing.T) {
	a := &article.Article{Paragraphs: []string{`"The harbour will reopen next week," said Ana Lima, the port's director.`}}
	for i, size := 0, 0; size < 10<<20; i++ {
		p := strings.Repeat(fmt.Sprintf("Workers in shed %d repaired the cranes and cleared the quay of debris. ", i), 40)
		a.Paragraphs = append(a.Paragraphs, p)
		size += len(p)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	qs := quote.Scan(a)
	runtime.ReadMemStats(&after)
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(64<<20); got > limit {
		t.Errorf("Scan of %d MB of text allocated %d MB, want at most %d MB", len(a.Text())>>20, got>>20, limit>>20)
	}
	if len(qs) == 0 || qs[0].Speaker != "Ana Lima" {
		t.Errorf("Scan(huge) = %+v, want the opening quote by Ana Lima first", qs)
	}
}
