package quote_test

import "testing"

// TestScanFrenchInside checks French attributions the fresh pages showed:
// an inverted verb and pronoun set inside the guillemets ("…, écrit-elle.
// …"), a name made a woman's by a pronoun between commas ("Soona, elle,
// n’a pas changé"), and a role noun with its elided article before a
// name ("L’architecte Park Minwoo"); a quote in the conditional
// ("pourrait commenter") is none.
func TestScanFrenchInside(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name:  "Pour and a name with an appositive give the view quoted",
			paras: []string{"Pour Marc Dubois, économiste à l’OFCE, « le texte arrive trop tard et ne change rien pour les ménages »."},
			want:  []want{{"le texte arrive trop tard et ne change rien pour les ménages", "Marc Dubois", "économiste à l’OFCE", "direct"}},
		},
		{
			name:  "a description, a name between commas and a predicate before a colon",
			paras: []string{"Le président du syndicat, Jean Martin, s’est montré plus sévère : « C’est une occasion manquée pour tout le pays. »"},
			want:  []want{{"C’est une occasion manquée pour tout le pays.", "Jean Martin", "Le président du syndicat", "direct"}},
		},
		{
			name: "an attribution inside the marks",
			paras: []string{
				"Il reçoit le mot de la romancière Cha Sunhi, qui vivait dans le même quartier.",
				"Sunhi, elle, n’a pas changé. « Chaque fois que je repense à ce quartier, je me sens en paix, écrit-elle. Ces scènes me manquent. »",
			},
			want: []want{{"Chaque fois que je repense à ce quartier, je me sens en paix, écrit-elle. Ces scènes me manquent.", "Cha Sunhi", "la romancière", "direct"}},
		},
		{
			name: "an elided article before a role noun and a pronoun before a colon",
			paras: []string{
				"L’architecte Park Minwoo dirige une agence à Séoul.",
				"Il jette un œil critique sur son travail : « Les miens, ce sont surtout des souvenirs de quartiers rasés. »",
			},
			want: []want{{"Les miens, ce sont surtout des souvenirs de quartiers rasés.", "Park Minwoo", "", "direct"}},
		},
		{
			name: "a quote in the conditional is words no one said",
			paras: []string{
				"« Tout va bien », pourrait commenter le Président.",
				"« Tout va très bien dans ce pays », a déclaré le Président.",
			},
			want: []want{{"Tout va très bien dans ce pays", "le Président", "", "direct"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkScanLang(t, "fr", tt.paras, tt.want)
		})
	}
}
