package extractive

import (
	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/quote"
)

// Quotes returns every quote found in a, in article order, with speaker
// and role where the article gives them: direct and mixed quotes and
// reported speech (see quote.Scan).
func Quotes(a *article.Article) []summarize.Quote {
	return quote.Scan(a)
}

// minSelectWords is the length of a substantive quote.
const minSelectWords = 6

// Select picks at most max quotes for a briefing, in article order. With
// max 0 it returns qs unchanged. Otherwise it prefers quotation-mark
// quotes from named speakers with roles, of substantive length (six words
// or more), from different speakers; reported speech comes last.
func Select(qs []summarize.Quote, max int) []summarize.Quote {
	if max <= 0 || len(qs) <= max {
		if max > 0 {
			return qs
		}
		return qs
	}
	score := func(q summarize.Quote) int {
		s := 0
		if q.Kind != quote.KindReported {
			s += 8
		}
		if quote.Named(q.Speaker) {
			s += 4
		}
		if q.Role != "" {
			s += 2
		}
		if quote.Words(q.Text) >= minSelectWords {
			s++
		}
		return s
	}
	picked := make([]bool, len(qs))
	seen := map[string]bool{}
	n := 0
	// best score first; among equals, article order; a new speaker first
	for pass := 0; pass < 2 && n < max; pass++ {
		for level := 15; level >= 0 && n < max; level-- {
			for i, q := range qs {
				if n >= max {
					break
				}
				if picked[i] || score(q) != level {
					continue
				}
				k := quote.SpeakerKey(q.Speaker)
				if pass == 0 && k != "" && seen[k] {
					continue
				}
				picked[i] = true
				seen[k] = true
				n++
			}
		}
	}
	out := make([]summarize.Quote, 0, n)
	for i, q := range qs {
		if picked[i] {
			out = append(out, q)
		}
	}
	return out
}
