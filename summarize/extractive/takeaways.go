package extractive

import (
	"strings"

	"github.com/brief-news/brief/article"
)

// Takeaways returns up to n key sentences of a, in article order.
// TODO(takeaways issue): ranking; this placeholder is Lead-N.
func Takeaways(a *article.Article, n int) []string {
	return Lead(a, n)
}

// Lead returns the first n sentences of a (the Lead-N baseline).
func Lead(a *article.Article, n int) []string {
	var out []string
	for _, p := range a.Paragraphs {
		for _, s := range strings.SplitAfter(p, ". ") {
			if s = strings.TrimSpace(s); s != "" && len(out) < n {
				out = append(out, s)
			}
		}
	}
	return out
}
