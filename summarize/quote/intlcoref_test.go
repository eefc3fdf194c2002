package quote_test

import "testing"

// TestScanIntlCoref checks that a German surname speaker takes the full
// name the article gives, when other mentions of the same person carry an
// honorific ("Frau Brandt"), a compound title ("SPD-Politiker Brandt") or
// a word that only opens the sentence ("Sowohl Brandt als auch …"); an
// organisation's acronym takes the name spelled out before it, and an
// acronym compound before a name ("US-Nachrichtensender CNN") is no part
// of the name.
func TestScanIntlCoref(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name: "de: Frau before the surname later in the text",
			paras: []string{
				"Der Konzern hat die Aktivistin Greta Brandt zu einem Gespräch eingeladen.",
				"„Das Angebot ist ein durchschaubares Manöver“, sagte Brandt.",
				"Frau Brandt hat das Angebot inzwischen abgelehnt.",
			},
			want: []want{{"Das Angebot ist ein durchschaubares Manöver", "Greta Brandt", "Aktivistin", "direct"}},
		},
		{
			name: "de: a party compound title before the surname",
			paras: []string{
				"Im März erhält Jonas Albers, Wahlkampfleiter der Partei, eine Anfrage des Kreisverbandes.",
				"Albers antwortet am selben Tag: „Wir haben die Zusage für eine Beilage in allen Haushalten.“",
				"Für Fachleute ist das Schreiben des SPD-Funktionär Albers ein klarer Hinweis.",
			},
			want: []want{{"Wir haben die Zusage für eine Beilage in allen Haushalten.", "Jonas Albers", "Wahlkampfleiter der Partei", "direct"}},
		},
		{
			name: "de: Sowohl opening the sentence is no part of the name",
			paras: []string{
				"Im März erhält Jonas Albers, Wahlkampfleiter der Partei, eine Anfrage des Kreisverbandes.",
				"Albers antwortet am selben Tag: „Wir haben die Zusage für eine Beilage in allen Haushalten.“",
				"Sowohl Albers als auch der Kreischef bestreiten das heute.",
			},
			want: []want{{"Wir haben die Zusage für eine Beilage in allen Haushalten.", "Jonas Albers", "Wahlkampfleiter der Partei", "direct"}},
		},
		{
			name: "de: a role coordinated with another noun before the name",
			paras: []string{
				"Die Ballorganisatorin und Kammerschauspielerin Greta Brandt ist tot.",
				"„Ich bin ein Mensch ohne Blick zurück im Zorn“, sagte sie einmal.",
			},
			want: []want{{"Ich bin ein Mensch ohne Blick zurück im Zorn", "Greta Brandt", "Ballorganisatorin und Kammerschauspielerin", "direct"}},
		},
		{
			name: "de: a genitive before a noun names its owner",
			paras: []string{
				"Die Publizistin Sabine Brandt hat ein Buch geschrieben. Brandt lebt in Bayern.",
				"Debatten finden kaum statt, so Sabine Brandts Erfahrung: „Ich musste einfach mal zur Ruhe kommen!“",
			},
			want: []want{{"Ich musste einfach mal zur Ruhe kommen!", "Sabine Brandt", "", "direct"}},
		},
		{
			name: "de: a phrase opened by Mehr or Meine is no speaker",
			paras: []string{
				"Mehr Informationen gibt es hier: „Die Insel ist gut möglich das nächste Ziel.“",
			},
			want: []want{{"Die Insel ist gut möglich das nächste Ziel.", "", "", "direct"}},
		},
		{
			name: "de: a lone noun cut from a longer title is no role",
			paras: []string{
				"Der Rektor begrüßte den Bundesminister für Bildung, Wissenschaft und Forschung Heinz Faßmann.",
				"„Das Zentrum ist ein Alleinstellungsmerkmal“, sagte Faßmann.",
			},
			want: []want{{"Das Zentrum ist ein Alleinstellungsmerkmal", "Heinz Faßmann", "", "direct"}},
		},
		{
			name: "de: an acronym takes the name the article spells out before it",
			paras: []string{
				"Der Olympiasieger Erik Brandt ist positiv getestet worden. Das teilte der Deutsche Skiverband (DSV) mit.",
				"„Der Athlet war bereits von der Mannschaft getrennt worden“, hieß es in der Mitteilung des DSV.",
			},
			want: []want{{"Der Athlet war bereits von der Mannschaft getrennt worden", "Deutsche Skiverband (DSV)", "", "direct"}},
		},
		{
			name: "de: an acronym compound before a name is no part of it",
			paras: []string{
				"Der US-Nachrichtensender CNN berichtete, es gebe Hinweise, dass der Minister „nach einer Operation in ernsthafter Gefahr“ sei.",
			},
			want: []want{{"es gebe Hinweise, dass der Minister „nach einer Operation in ernsthafter Gefahr“ sei", "CNN", "", "mixed"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkScanLang(t, "de", tt.paras, tt.want)
		})
	}
}
