package quote_test

import (
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize/quote"
)

// TestScanHeadline checks that a headline wholly in quotation marks, in a
// French, German or Spanish article that does not repeat it, is credited
// to the person the lede opens with, and to no one when the lede opens
// with no person, when the text quotes it with its own attribution, or
// when the article is English (whose rules are elsewhere).
func TestScanHeadline(t *testing.T) {
	for _, tt := range []struct {
		name, lang, title string
		paras             []string
		want              []want
	}{
		{
			name:  "fr: an interview's guest with a role after a comma",
			lang:  "fr",
			title: "« La fermeture des gares rurales coûtera plus cher qu’elle ne rapporte »",
			paras: []string{"Camille Ferrand, porte-parole de l’association des usagers était l’invitée de la radio locale ce matin."},
			want:  []want{{"La fermeture des gares rurales coûtera plus cher qu’elle ne rapporte", "Camille Ferrand", "porte-parole de l’association des usagers", "direct"}},
		},
		{
			name:  "de: a role noun before the name",
			lang:  "de",
			title: "„Die Stadt braucht endlich mehr bezahlbare Wohnungen“",
			paras: []string{"Stadtplanerin Jana Voigt spricht über Mieten, Bauland und die Pläne des Senats."},
			want:  []want{{"Die Stadt braucht endlich mehr bezahlbare Wohnungen", "Jana Voigt", "Stadtplanerin", "direct"}},
		},
		{
			name:  "es: a lede that opens with no person",
			lang:  "es",
			title: "\"Los hospitales del interior no tienen médicos suficientes\"",
			paras: []string{"Sindicatos de la salud marcharán este viernes frente al ministerio para reclamar más personal."},
			want:  nil,
		},
		{
			name:  "es: the text quotes the headline with its own speaker",
			lang:  "es",
			title: "\"Los hospitales del interior no tienen médicos suficientes\"",
			paras: []string{
				"Sindicatos de la salud marcharán este viernes frente al ministerio.",
				"“Los hospitales del interior no tienen médicos suficientes”, dijo Marta Ruiz, dirigenta del gremio.",
			},
			want: []want{{"Los hospitales del interior no tienen médicos suficientes", "Marta Ruiz", "dirigenta del gremio", "direct"}},
		},
		{
			name:  "de: a short slogan is no statement",
			lang:  "de",
			title: "„Haltet die Flüsse sauber!“",
			paras: []string{"Schülerin Mia Brandt malte das Siegerplakat des Wettbewerbs."},
			want:  nil,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Scan(&article.Article{Title: tt.title, Paragraphs: tt.paras, Language: tt.lang})
			if len(got) != len(tt.want) {
				t.Fatalf("Scan = %d quotes %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Speaker != w.speaker || g.Role != w.role || g.Kind != w.kind {
					t.Errorf("quote %d = {%q, %q, %q, %q}, want {%q, %q, %q, %q}",
						i, g.Text, g.Speaker, g.Role, g.Kind, w.text, w.speaker, w.role, w.kind)
				}
			}
		})
	}
}
