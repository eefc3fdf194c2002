package extractive

import (
	"strings"

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

// minNewSpeakerWords is the length of a quote that a speaker not yet
// shown may fill a place with before a second quote of one already shown.
const minNewSpeakerWords = 4

// Select picks at most max quotes for a briefing, in article order. With
// max 0 it returns qs unchanged. Otherwise it shows only direct quotes
// (words inside quotation marks, printed as such) whose speaker the scanner
// resolved with confidence quote.ShowConfidence or more: a reported clause
// or a mixed quote set in quotation marks would put words in the speaker's
// mouth, and a doubtful speaker would put them in someone else's. Among
// those it prefers named speakers with roles, substantive length (six
// words or more) and different speakers: a speaker already shown is shown
// again only when no other speaker has a quote of four words or more.
func Select(qs []summarize.Quote, max int) []summarize.Quote {
	if max <= 0 {
		return qs
	}
	direct := make([]summarize.Quote, 0, len(qs))
	for _, q := range qs {
		if (q.Kind == "" || q.Kind == quote.KindDirect) && q.Confidence >= quote.ShowConfidence {
			direct = append(direct, q)
		}
	}
	qs = direct
	if len(qs) <= max {
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
	// pass 0: substantive quotes from speakers not yet picked; pass 1:
	// shorter quotes (four words or more) from speakers not yet picked;
	// pass 2: substantive quotes; pass 3: the rest. Within a pass, best
	// score first, and among equals article order.
	for pass := 0; pass < 4 && n < max; pass++ {
		for level := 15; level >= 0 && n < max; level-- {
			for i, q := range qs {
				if n >= max {
					break
				}
				if picked[i] || score(q) != level {
					continue
				}
				w := quote.Words(q.Text)
				if (pass == 0 || pass == 2) && w < minSelectWords || pass == 1 && w < minNewSpeakerWords {
					continue
				}
				k := quote.SpeakerKey(q.Speaker)
				if pass < 2 && k != "" && seen[k] {
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

// minMixedWords is the least a mixed quote must hold inside its marks to
// be shown when an article has no direct quote to show.
const minMixedWords = 4

// mixedFallback returns, for an article in French, German, Spanish or
// Portuguese (lang) that has no direct quote to show, the first mixed
// quote of a person named with confidence quote.ShowConfidence whose
// quoted words are a statement of four words or more, its quotation
// marks kept ("qu’elle n’avait « rien à se reprocher »"): what the
// article quotes of a named person rather than nothing. Else nil.
func mixedFallback(qs []summarize.Quote, lang string) []summarize.Quote {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if base != "fr" && base != "de" && base != "es" && base != "pt" {
		return nil
	}
	for _, q := range qs {
		if q.Kind == quote.KindMixed && q.Confidence >= quote.ShowConfidence && quote.Named(q.Speaker) && quote.QuotedWords(q.Text) >= minMixedWords {
			return []summarize.Quote{q}
		}
	}
	return nil
}
