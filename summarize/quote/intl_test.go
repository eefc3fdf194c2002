package quote_test

import (
	"testing"
)

// TestScanMultilingual checks attribution in French, German, Spanish and
// Portuguese articles: the speech verb after the quote, the speaker and
// verb before a colon, "according to", and inverted pronouns.
func TestScanMultilingual(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name:  "fr: a déclaré, with French spacing inside the marks",
			paras: []string{"« Nous avons alerté la direction dès septembre », a déclaré Paul Girard, secrétaire général du syndicat."},
			want:  []want{{"Nous avons alerté la direction dès septembre", "Paul Girard", "secrétaire général du syndicat", "direct"}},
		},
		{
			name:  "fr: a assuré, split quote joined",
			paras: []string{"« C’est une offre sérieuse », a assuré Marie Leroy, directrice des ressources humaines. « Elle reste sur la table. »"},
			want:  []want{{"C’est une offre sérieuse … Elle reste sur la table.", "Marie Leroy", "directrice des ressources humaines", "direct"}},
		},
		{
			name: "fr: pour X, then explique-t-elle",
			paras: []string{
				"Pour Claire Dubois, économiste à l’université de Lille, la hausse était prévisible.",
				"« Les prix suivent toujours les salaires », explique-t-elle.",
			},
			want: []want{
				{"la hausse était prévisible", "Claire Dubois", "économiste à l’université de Lille", "reported"},
				{"Les prix suivent toujours les salaires", "Claire Dubois", "économiste à l’université de Lille", "direct"},
			},
		},
		{
			name:  "fr: speaker and verb before a colon",
			paras: []string{"Le ministre a déclaré : « Nous ne céderons pas. »"},
			want:  []want{{"Nous ne céderons pas.", "Le ministre", "", "direct"}},
		},
		{
			name: "fr: le juge is not the one person named before",
			paras: []string{
				"Le 31 août, Gérard Dumont a obtenu un non-lieu, au motif que « le défaut de consentement ne suffit pas », a expliqué le juge.",
			},
			want: []want{{"Le 31 août, Gérard Dumont a obtenu un non-lieu, au motif que « le défaut de consentement ne suffit pas »", "le juge", "", "mixed"}},
		},
		{
			name:  "fr: a pronoun with no antecedent stays unresolved",
			paras: []string{"«C’est une offre sérieuse», a-t-il déclaré."},
			want:  []want{{"C’est une offre sérieuse", "", "", "direct"}},
		},
		{
			name:  "de: sagte with a compound title",
			paras: []string{"„Wir haben keine Zeit mehr“, sagte Bürgermeisterin Anna Weber."},
			want:  []want{{"Wir haben keine Zeit mehr", "Anna Weber", "Bürgermeisterin", "direct"}},
		},
		{
			name:  "de: so X",
			paras: []string{"„Die Lage ist ernst“, so Weber."},
			want:  []want{{"Die Lage ist ernst", "Weber", "", "direct"}},
		},
		{
			name:  "de: sagte sie resolves to the woman named before",
			paras: []string{"Katharina Vogel leitet das Institut.", "„Das reicht nicht“, sagte sie."},
			want:  []want{{"Das reicht nicht", "Katharina Vogel", "", "direct"}},
		},
		{
			name:  "de: speaker and verb before a colon",
			paras: []string{"Finanzminister Jonas Keller sagte: „Der Haushalt steht.“"},
			want:  []want{{"Der Haushalt steht.", "Jonas Keller", "Finanzminister", "direct"}},
		},
		{
			name:  "es: dijo with a descriptive speaker",
			paras: []string{"«No vamos a ceder», dijo el ministro de Trabajo."},
			want:  []want{{"No vamos a ceder", "el ministro de Trabajo", "", "direct"}},
		},
		{
			name:  "es: según X",
			paras: []string{"«La huelga es legal», según Carmen Ruiz, abogada del sindicato."},
			want:  []want{{"La huelga es legal", "Carmen Ruiz", "abogada del sindicato", "direct"}},
		},
		{
			name:  "es: según opening reported speech",
			paras: []string{"Según la empresa, la producción no se detendrá."},
			want:  []want{{"la producción no se detendrá", "la empresa", "", "reported"}},
		},
		{
			name:  "pt: disse",
			paras: []string{"“A seca ainda não acabou”, disse Ana Souza, hidróloga da universidade."},
			want:  []want{{"A seca ainda não acabou", "Ana Souza", "hidróloga da universidade", "direct"}},
		},
		{
			name:  "pt: afirmou a empresa",
			paras: []string{"“Não há racionamento”, afirmou a empresa."},
			want:  []want{{"Não há racionamento", "a empresa", "", "direct"}},
		},
		{
			name:  "pt: segundo X",
			paras: []string{"“Vamos investir na rede”, segundo o secretário."},
			want:  []want{{"Vamos investir na rede", "o secretário", "", "direct"}},
		},
		{
			name:  "en: a note is no French verb",
			paras: []string{"“The bridge is closed,” a note said."},
			want:  []want{{"The bridge is closed", "a note", "", "direct"}},
		},
		{
			name:  "en: so is no German attribution inside a clause",
			paras: []string{"“We are done,” so Hale went home."},
			want:  []want{{"We are done", "", "", "direct"}},
		},
		{
			name: "es: a dropped subject is the person named just before",
			paras: []string{
				"La ministra Ana Ruiz presentó el plan ante el Senado.",
				"«Tenemos falencias y vamos a mejorar», recalcó.",
			},
			want: []want{{"Tenemos falencias y vamos a mejorar", "Ana Ruiz", "La ministra", "direct"}},
		},
		{
			name:  "es: the addressee after the descriptor is cut",
			paras: []string{"«Sabemos que han pasado bandas», advirtió la titular de Interior a los senadores."},
			want:  []want{{"Sabemos que han pasado bandas", "la titular de Interior", "", "direct"}},
		},
		{
			name: "es: a definite title resolves to the person given it",
			paras: []string{
				"La ministra Izkia Siches presentó el plan ante el Senado.",
				"«Tenemos falencias», sostuvo la ministra del Interior.",
			},
			want: []want{{"Tenemos falencias", "Izkia Siches", "La ministra", "direct"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkScan(t, tt.paras, tt.want)
		})
	}
}

// TestScanFrench checks the rules that read an article known to be
// French: "peut-on lire" quotes a text, no person, and carries no speaker
// from before; "le juge" is not the one person named before.
func TestScanFrench(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name: "fr: peut-on lire names no person, and carries none from before",
			paras: []string{
				"Michel Lefort a été mis en examen le 6 décembre.",
				"« Au total, une douzaine de responsables ont été mis en examen », peut-on lire dans Les Échos.",
			},
			want: []want{{"Au total, une douzaine de responsables ont été mis en examen", "", "", "direct"}},
		},
		{
			name:  "fr: le juge is not the one person named before",
			paras: []string{"Le 31 août, Gérard Dumont a obtenu un non-lieu, au motif que « le défaut de consentement ne suffit pas », a expliqué le juge."},
			want:  []want{{"Le 31 août, Gérard Dumont a obtenu un non-lieu, au motif que « le défaut de consentement ne suffit pas »", "le juge", "", "mixed"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) { checkScanLang(t, "fr", tt.paras, tt.want) })
	}
}
