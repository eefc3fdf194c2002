package extractive

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

func TestTkTraits(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want tkTraits // quoteShare compared as > 0.5
	}{
		{"plain", "The council voted on Monday to close the old bridge to traffic.", tkTraits{}},
		{"question", "Was the council right to close the old bridge to traffic?", tkTraits{rejected: true}},
		{"quoted question", `"Why did the council close the old bridge to traffic?"`, tkTraits{rejected: true, quoteShare: 1}},
		{"byline", "By Jane Holloway, Transport Correspondent | Updated 10:02 GMT", tkTraits{rejected: true}},
		{"tabloid byline", "By . Jane Holloway . PUBLISHED: 09:14 EST, 3 March 2024 | .", tkTraits{rejected: true}},
		{"by is fine", "By the end of the day the council had voted to close the old bridge.", tkTraits{}},
		{"read more", "Read more: Why the council wants to close the old bridge to cars.", tkTraits{rejected: true, caption: true}},
		{"external link notice", "This link is to an external site that may or may not meet accessibility guidelines.", tkTraits{rejected: true, pronoun: true}},
		{"affiliate terms", "Terms apply to the offers listed on this page, which may change.", tkTraits{rejected: true}},
		{"scroll", "Scroll down for video of the old bridge being closed by the council.", tkTraits{rejected: true}},
		{"photo credit", "Photo: Jane Holloway for the Daily Courier, taken on the old bridge.", tkTraits{rejected: true, caption: true}},
		{"agency credit", "The old bridge at dawn on Monday, shortly before it was closed. AFP/Getty", tkTraits{rejected: true}},
		{"getty", "The old bridge at dawn on Monday, shortly before it was closed (Getty Images).", tkTraits{rejected: true}},
		{"pronoun", "He said the old bridge would stay closed to traffic until the spring.", tkTraits{pronoun: true}},
		{"lowercase pronoun", "they said the old bridge would stay closed to traffic until the spring.", tkTraits{pronoun: true}},
		{"connective", "However, the old bridge will stay open to cyclists and pedestrians.", tkTraits{connective: true}},
		{"connective phrase", "As a result, the old bridge will stay open to cyclists and pedestrians.", tkTraits{connective: true}},
		{"caption label", "Closed: the old bridge was shut to traffic by the council on Monday.", tkTraits{caption: true}},
		{"caption pictured", "The old bridge (pictured) was shut to traffic by the council on Monday.", tkTraits{caption: true}},
		{"quotation", `"We had no choice but to close the old bridge to all traffic," the mayor said.`, tkTraits{quoteShare: 1}},
		{"curly quotation", "“We had no choice but to close the old bridge to all traffic,” the mayor said.", tkTraits{quoteShare: 1}},
		{"rest of a quotation opened before", "Nobody on the council listened to us for three long years,” said the union leader.", tkTraits{quoteShare: 1}},
		{"rest of a guillemet quotation", "Personne ne nous a écoutés depuis le mois de septembre dernier », a déclaré le syndicaliste.", tkTraits{quoteShare: 1}},
		{"long attribution after the rest of a quotation", "Nobody listened,” said Jo Bloggs, a regional union official who has led the drivers’ talks with the operator since the spring.", tkTraits{quoteShare: 0}},
		{"spaced quotation", "' We had no choice but to close the old bridge to all traffic, ' the mayor said.", tkTraits{quoteShare: 1}},
		{"short quote", `The mayor called the old bridge "unsafe" and closed it to traffic on Monday.`, tkTraits{}},
		{"possessive", "The runners ' coaches said the old bridge was closed to traffic on Monday.", tkTraits{}},
		{"apostrophes", "The council's engineers didn't expect the old bridge to be closed for long.", tkTraits{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tkTraitsOf(tt.in)
			if (got.quoteShare > 0.5) != (tt.want.quoteShare > 0.5) {
				t.Errorf("tkTraitsOf(%q).quoteShare = %.2f, want > 0.5: %v", tt.in, got.quoteShare, tt.want.quoteShare > 0.5)
			}
			got.quoteShare, tt.want.quoteShare = 0, 0
			got.midQuote, tt.want.midQuote = false, false
			if got != tt.want {
				t.Errorf("tkTraitsOf(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTkStripSource(t *testing.T) {
	for _, tt := range []struct {
		in, dateline, want string
	}{
		{"(CNN) -- The storm hit the coast on Monday night.", "", "The storm hit the coast on Monday night."},
		{"(CNN) The storm hit the coast on Monday night.", "", "The storm hit the coast on Monday night."},
		{"Los Angeles (CNN) the storm hit the coast on Monday night.", "", "The storm hit the coast on Monday night."},
		{"LONDON (Reuters) - The storm hit the coast on Monday night.", "", "The storm hit the coast on Monday night."},
		{"WASHINGTON — The storm hit the coast on Monday night.", "", "The storm hit the coast on Monday night."},
		{"KYIV, Ukraine -- The storm hit the coast on Monday night.", "", "The storm hit the coast on Monday night."},
		{"BERLIN, March 3: The storm hit the coast on Monday night.", "BERLIN, March 3", "The storm hit the coast on Monday night."},
		// Not a source tag: kept.
		{"The storm (the worst in years) hit the coast on Monday night.", "", "The storm (the worst in years) hit the coast on Monday night."},
		{"The storm hit the coast - and the town - on Monday night.", "", "The storm hit the coast - and the town - on Monday night."},
		{"(CNN) Hello.", "", "(CNN) Hello."},
		{"The World Health Organization (WHO) said on Monday the outbreak was over.", "", "The World Health Organization (WHO) said on Monday the outbreak was over."},
		{"GENEVA (WHO) - The outbreak is over, the agency said on Monday.", "", "The outbreak is over, the agency said on Monday."},
		{"Fans - many of them in tears - gathered outside the stadium on Monday.", "", "Fans - many of them in tears - gathered outside the stadium on Monday."},
		{"los angeles (CNN) it's more than one state's problem, experts say.", "", "it's more than one state's problem, experts say."},
	} {
		if got := tkStripSource(tt.in, tt.dateline); got != tt.want {
			t.Errorf("tkStripSource(%q, %q) = %q, want %q", tt.in, tt.dateline, got, tt.want)
		}
	}
}

// TestTkSelectRedundancy checks that of two near-identical sentences only
// one is picked.
func TestTkSelectRedundancy(t *testing.T) {
	s := "The storm hit the coast on Monday night and cut power to forty thousand homes."
	a := tkArticle(s,
		"Emergency crews worked through the night to restore power to the homes along the coast.",
		s,
		"The storm hit the coast on Monday night, cutting power to forty thousand homes.",
		"Schools in the area will stay closed on Tuesday while the damage is assessed by engineers.",
		"Forecasters expect calmer weather for the rest of the week across the coast and the region.")
	got := Takeaways(a, 3)
	n := 0
	for _, g := range got {
		if strings.HasPrefix(g, "The storm hit the coast on Monday night") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Takeaways = %q: want exactly one of the storm sentences", got)
	}
}

func tkArticle(sents ...string) *article.Article {
	return &article.Article{Paragraphs: []string{strings.Join(sents, " ")}}
}

func TestTkBoilerFirst(t *testing.T) {
	for _, p := range tkBoilerContains {
		if !strings.Contains(tkBoilerFirst, p[:1]) {
			t.Errorf("tkBoilerFirst %q lacks the first byte of %q", tkBoilerFirst, p)
		}
	}
}

func TestMidQuote(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Nobody listened,” said Jo Bloggs, a union official.", true},
		{"Personne ne nous a écoutés », a déclaré Sébastien Lefèvre.", true},
		{"“We warned them,” she said.", false},
		{"The minister called it « une offre sérieuse » on Tuesday.", false},
		{"No quotation here at all.", false},
	} {
		if got := tkMidQuote(tt.in); got != tt.want {
			t.Errorf("tkMidQuote(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
