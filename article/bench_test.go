package article_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/article"
)

// sharedDir returns ../shared beside the repository root (or
// $BRIEF_SHARED, for checkouts elsewhere), or skips.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("BRIEF_SHARED"); d != "" {
		return d
	}
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
	if _, err := os.Stat(shared); err != nil {
		tb.Skip("../shared not present")
	}
	return shared
}

// devPages reads the gunzipped extraction dev pages.
func devPages(tb testing.TB) [][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(tb), "evaldata", "extraction", "html", "*.html.gz"))
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
