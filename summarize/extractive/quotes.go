package extractive

import (
	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// Quotes returns every quote found in a, in article order, with speaker and
// role where the article gives them.
// TODO(quotes issue): the quote scanner.
func Quotes(a *article.Article) []summarize.Quote {
	return nil
}

// Select picks at most max quotes (0 = all) for a briefing, in article order.
func Select(qs []summarize.Quote, max int) []summarize.Quote {
	if max > 0 && len(qs) > max {
		return qs[:max]
	}
	return qs
}
