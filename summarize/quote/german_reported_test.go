package quote_test

import (
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize/quote"
)

// TestScanGermanReported checks German reported speech read from its
// mood: a quote in a sentence in Konjunktiv I with no attribution of its
// own is the words of the person quoted just before, "nach eigenen
// Worten" makes the clause's subject the speaker, and neither applies to
// "habe ich" (the indicative), to a name in marks or when no one was
// quoted before.
func TestScanGermanReported(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name: "subjunctive after a quote goes on reporting its speaker",
			paras: []string{
				"„Die Lage hat sich deutlich verschärft“, sagte Verbandspräsidentin Jana Kolb am Montag.",
				"In den vergangenen Jahren sei die Zahl der Fälle im „ganzen Bundesgebiet stark gestiegen“.",
			},
			want: []want{
				{"Die Lage hat sich deutlich verschärft", "Jana Kolb", "Verbandspräsidentin", "direct"},
				{"In den vergangenen Jahren sei die Zahl der Fälle im „ganzen Bundesgebiet stark gestiegen“", "Jana Kolb", "Verbandspräsidentin", "mixed"},
			},
		},
		{
			name: "nach eigenen Worten names the subject",
			paras: []string{
				"Bundespräsident Jonas Albers sieht nach eigenen Worten eine „zunehmende Radikalisierung unter Impfgegnern“.",
			},
			want: []want{{"Bundespräsident Jonas Albers sieht nach eigenen Worten eine „zunehmende Radikalisierung unter Impfgegnern“", "Jonas Albers", "Bundespräsident", "mixed"}},
		},
		{
			name: "habe ich is no subjunctive",
			paras: []string{
				"„Die Lage hat sich deutlich verschärft“, sagte Verbandspräsidentin Jana Kolb am Montag.",
				"Vor dem Sommer habe ich den Fotografen, den „Fotografen der Intimität“, in Paris getroffen.",
			},
			want: []want{{"Die Lage hat sich deutlich verschärft", "Jana Kolb", "Verbandspräsidentin", "direct"}},
		},
		{
			name: "no one quoted before: the quote is left out",
			paras: []string{
				"Die Kochrezepte stellten den „redaktionellen Kerngehalt“ dar, für den die Beklagte hafte.",
			},
			want: nil,
		},
		{
			name: "a crosshead summing up a quote is no quote; a short quote after a verb is",
			paras: []string{
				"Jansen: „Oberliga ist keine Pillepalle-Liga“",
				"Er sagte: „Wir kommen morgen wieder“",
			},
			want: []want{{"Wir kommen morgen wieder", "", "", "direct"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkScanLang(t, "de", tt.paras, tt.want)
		})
	}
}

// TestScanCarriedAfterNarration checks that a quote standing alone after
// narration of its own paragraph, carried from the paragraph before, is
// listed below the confidence the briefing shows: the narration may give
// a new speaker ("… lehnt der Verband klar ab. „…“").
func TestScanCarriedAfterNarration(t *testing.T) {
	got := quote.Scan(&article.Article{Language: "de", Paragraphs: []string{
		"„Wir sind nach dem Gespräch sehr enttäuscht“, erklärt der Vorsitzende Richard Berger.",
		"Den Ausbau in die Staatsforsten zu verlagern, lehnt der Verband klar ab. „Das Potential in den Wäldern ist nahezu erschöpft.“",
	}})
	if len(got) != 2 {
		t.Fatalf("Scan = %d quotes %+v, want 2", len(got), got)
	}
	if got[0].Confidence < quote.ShowConfidence {
		t.Errorf("quote 0 confidence = %.2f, want at least %.2f", got[0].Confidence, quote.ShowConfidence)
	}
	if got[1].Confidence >= quote.ShowConfidence {
		t.Errorf("quote 1 (%q, %q) confidence = %.2f, want below %.2f", got[1].Text, got[1].Speaker, got[1].Confidence, quote.ShowConfidence)
	}
}
