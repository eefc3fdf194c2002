package article_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/devdata"
)

// devPages reads the gunzipped extraction dev pages.
func devPages(tb testing.TB) [][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(devdata.Path(tb, "extraction/html"), "*.html.gz"))
	if err != nil || len(files) == 0 {
		tb.Skip("no extraction pages under ../shared")
	}
	var pages [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, b)
	}
	return pages
}

// BenchmarkExtract runs decoding, parsing and extraction over the dev
// pages and reports pages/s.
func BenchmarkExtract(b *testing.B) {
	pages := devPages(b)
	var total int64
	for _, p := range pages {
		total += int64(len(p))
	}
	b.SetBytes(total / int64(len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		p := pages[n%len(pages)]
		n++
		_, _ = article.Extract(bytes.NewReader(p), nil)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
