package extractive_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/devdata"
	"github.com/brief-news/brief/summarize/extractive"
)

// devArticle is one record of the shared quotes dev set.
type devArticle struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// loadDev reads the quotes dev set as articles, or skips when absent.
func loadDev(tb testing.TB) ([]string, []*article.Article) {
	tb.Helper()
	p := devdata.Path(tb, "quotes/dev.jsonl")
	f, err := os.Open(p)
	if err != nil {
		tb.Skipf("quotes dev set absent: %v", err)
	}
	defer f.Close()
	var ids []string
	var arts []*article.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r devArticle
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatalf("parse %s: %v", p, err)
		}
		a, err := article.FromText(r.Text)
		if err != nil {
			continue
		}
		ids = append(ids, r.ID)
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", p, err)
	}
	return ids, arts
}

// BenchmarkQuotes measures quote extraction over the dev articles on one
// goroutine; the target is 1,000 articles/s. articles/cpu-s is the same
// rate per second of process CPU time, for a loaded machine.
func BenchmarkQuotes(b *testing.B) {
	_, arts := loadDev(b)
	if len(arts) == 0 {
		b.Skip("no dev articles")
	}
	b.ResetTimer()
	cpu0, cpuOK := extractive.QuotesCPUTime()
	n := 0
	for b.Loop() {
		extractive.Quotes(arts[n%len(arts)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if cpu1, ok := extractive.QuotesCPUTime(); cpuOK && ok && cpu1 > cpu0 {
		b.ReportMetric(float64(n)/(cpu1-cpu0).Seconds(), "articles/cpu-s")
	}
}

// TestQuotesDevPredictions writes the dev-set predictions in the scorer's
// format to $BRIEF_QUOTES_PRED, for measuring without the CLI. It is
// skipped unless that variable is set.
func TestQuotesDevPredictions(t *testing.T) {
	out := os.Getenv("BRIEF_QUOTES_PRED")
	if out == "" {
		t.Skip("BRIEF_QUOTES_PRED not set")
	}
	ids, arts := loadDev(t)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	type pq struct {
		Quote   string `json:"quote"`
		Speaker string `json:"speaker"`
		Role    string `json:"role,omitempty"`
		Kind    string `json:"kind,omitempty"`
	}
	for i, a := range arts {
		qs := []pq{}
		for _, q := range extractive.Quotes(a) {
			qs = append(qs, pq{q.Text, q.Speaker, q.Role, q.Kind})
		}
		if err := enc.Encode(map[string]any{"id": ids[i], "quotes": qs}); err != nil {
			t.Fatal(err)
		}
	}
}
