package region_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
)

// BenchmarkDetect measures Detect over the test articles, one article per
// iteration on average.
func BenchmarkDetect(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	var as []*article.Article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		a, err := article.FromText(string(data))
		if err != nil {
			b.Fatal(err)
		}
		as = append(as, a)
	}
	tax := region.Default()
	region.Detect(as[0], tax) // build the gazetteer outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		region.Detect(as[i%len(as)], tax)
	}
}
