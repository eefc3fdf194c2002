package extractive_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize/extractive"
)

// longArticle has n paragraphs of five sentences each; every sentence is
// distinct, so none is skipped as a repeat.
func longArticle(n int) *article.Article {
	a := &article.Article{Title: "A very long page"}
	for i := range n {
		var b strings.Builder
		for j := range 5 {
			fmt.Fprintf(&b, "Officials in district %d reported that measure %d of the budget plan had been delayed again. ", i, i*5+j)
		}
		a.Paragraphs = append(a.Paragraphs, strings.TrimSpace(b.String()))
	}
	return a
}

// TestTakeawaysLongPage checks that a page far longer than any article
// still gets takeaways, drawn from its opening: ranking is bounded to the
// first sentences, so a huge page costs no more than a long article.
func TestTakeawaysLongPage(t *testing.T) {
	a := longArticle(20000) // 100,000 sentences
	got := extractive.Takeaways(a, 3)
	if len(got) == 0 {
		t.Fatal("Takeaways of a long page gave none")
	}
	opening := strings.Join(a.Paragraphs[:200], " ")
	for _, s := range got {
		if !strings.Contains(opening, s) {
			t.Errorf("takeaway %q is not among the first 1,000 sentences", s)
		}
	}
}

// BenchmarkTakeawaysLongPage ranks a page of 100,000 sentences (about
// 10 MB of text, what a 50 MB HTML page can hold). Before ranking was
// bounded, one operation took minutes.
func BenchmarkTakeawaysLongPage(b *testing.B) {
	a := longArticle(20000)
	for b.Loop() {
		if len(extractive.Takeaways(a, 3)) == 0 {
			b.Fatal("no takeaways")
		}
	}
}
