package region_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/devdata"
	"github.com/brief-news/brief/region"
)

func loadRegionsDev(tb testing.TB) []*article.Article {
	tb.Helper()
	f, err := os.Open(devdata.Path(tb, "regions/dev.jsonl"))
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
// iteration (what it adds to brief summarize is measured by
// BenchmarkRegionShare in cmd/brief). It is skipped when the shared data
// is absent.
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
