package quote_test

import "testing"

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
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkScanLang(t, "de", tt.paras, tt.want)
		})
	}
}
