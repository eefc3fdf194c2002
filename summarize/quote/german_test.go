package quote_test

import (
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize/quote"
)

// TestScanGerman checks German attribution on structures found on pages the
// rules were not tuned on: separable speech verbs ("fügt X hinzu"), an
// adverb between verb and name, an inflected role noun before a name, two
// names in a row, a narrated lead-in before a colon, and a surname that
// stands for the full name given earlier.
func TestScanGerman(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name: "de: fügt X hinzu wins over the speaker carried from the previous quote",
			paras: []string{
				"Das Labor wurde von den Empa-Chemikern Torben Lindqvist und Felix Roth gegründet.",
				"«Wir messen alles in einem Durchgang», erklärt Lindqvist. «Dafür mussten wir die Optik neu bauen», fügt Roth hinzu.",
			},
			want: []want{
				{"Wir messen alles in einem Durchgang", "Torben Lindqvist", "Empa-Chemikern", "direct"},
				{"Dafür mussten wir die Optik neu bauen", "Felix Roth", "", "direct"},
			},
		},
		{
			name:  "de: an adverb between the verb and the name",
			paras: []string{"«Das Gerät passt in jeden Kofferraum», erklärte damals Jonas Falk."},
			want:  []want{{"Das Gerät passt in jeden Kofferraum", "Jonas Falk", "", "direct"}},
		},
		{
			name:  "de: an inflected role noun before the name is the role",
			paras: []string{"Nach Angaben von Klimaforschern Paula Stein sei der Winter zu warm gewesen. «Das ist kein Zufall mehr», sagte Stein."},
			want:  []want{{"Das ist kein Zufall mehr", "Paula Stein", "Klimaforschern", "direct"}},
		},
		{
			name:  "de: Sprecherin before the name",
			paras: []string{"«Wir prüfen den Fall», sagte Sprecherin Maria Kunz."},
			want:  []want{{"Wir prüfen den Fall", "Maria Kunz", "Sprecherin", "direct"}},
		},
		{
			name: "de: a reporter credit and the interviewee are two names, not one speaker",
			paras: []string{
				"Für diese Reportage hat Autorin Charlotte Elsen Tobias Trommer vom Aktionsbündnis getroffen.",
				"„Ohne uns stünde hier längst eine Autobahn“, sagt Trommer.",
			},
			want: []want{{"Ohne uns stünde hier längst eine Autobahn", "Tobias Trommer", "", "direct"}},
		},
		{
			name:  "de: a double first name stays one name",
			paras: []string{"„Wir bleiben“, sagte Anna Maria Weber."},
			want:  []want{{"Wir bleiben", "Anna Maria Weber", "", "direct"}},
		},
		{
			name:  "de: the span starts at the opening mark, not the narration before the colon",
			paras: []string{"Ministerin Petra Lang ging auf die Bedeutung der Forschung ein: „Mit dem ‚Labor am See‘ hat die Stadt ein neues Aushängeschild. Ich wünsche viel Erfolg“, so Lang."},
			want:  []want{{"Mit dem ‚Labor am See‘ hat die Stadt ein neues Aushängeschild. Ich wünsche viel Erfolg", "Petra Lang", "Ministerin", "direct"}},
		},
		{
			name: "de: verb before the subject, after a fronted phrase",
			paras: []string{
				"Rektor Anton Huber eröffnete die Halle.",
				"In seiner Rede betonte Rektor Huber ausdrücklich die Lage: „Wir haben den Horizont erweitert.“",
			},
			want: []want{{"Wir haben den Horizont erweitert.", "Anton Huber", "Rektor", "direct"}},
		},
		{
			name:  "de: freut sich with academic titles",
			paras: []string{"„Wir haben Anfragen aus der ganzen Welt“, freut sich Univ.-Prof. Dr. Stefan Galler."},
			want:  []want{{"Wir haben Anfragen aus der ganzen Welt", "Stefan Galler", "Univ.-Prof. Dr.", "direct"}},
		},
		{
			name: "de: a surname takes the full name given earlier, before an article",
			paras: []string{
				"Dadurch werden weniger Daten erzeugt, wie Forschungsdirektor Jens Kohlmann der Deutschen Presse-Agentur erläuterte.",
				"«Wir müssen das Programm strecken», so Kohlmann.",
			},
			want: []want{{"Wir müssen das Programm strecken", "Jens Kohlmann", "Forschungsdirektor", "direct"}},
		},
		{
			name:  "en: a first name before a title is no second person",
			paras: []string{"“Turnout was low,” said Virginia AFL-CIO President Doris Crouse-Mays."},
			want:  []want{{"Turnout was low", "Doris Crouse-Mays", "Virginia AFL-CIO President", "direct"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkScan(t, tt.paras, tt.want)
		})
	}
}

// TestScanGermanArticle checks the rules that read an article known to be
// German: "laut X" after a speech verb names a source, not the speaker;
// "so die Präsidentin" and "das Staatsoberhaupt" stand for the person
// named before; a name with its role between commas opens "erklärt:"; a
// genitive after a descriptor is no name; a quoted subheading is no
// quote; and a surname takes the full name the headline gives.
func TestScanGermanArticle(t *testing.T) {
	for _, tt := range []struct {
		name  string
		title string
		paras []string
		want  []want
	}{
		{
			name:  "de: laut Manuskript after sagte",
			paras: []string{"Bundespräsident Jonas Albrecht sagte am Mittwoch laut Manuskript: „Der Verschwörungsglaube bereitet den Boden für Angriffe.“"},
			want:  []want{{"Der Verschwörungsglaube bereitet den Boden für Angriffe.", "Jonas Albrecht", "Bundespräsident", "direct"}},
		},
		{
			name: "de: das Staatsoberhaupt is the president named before",
			paras: []string{
				"Bundespräsident Jonas Albrecht sprach in Wiesbaden.",
				"„Das waren brutale Terrorakte“, sagte das Staatsoberhaupt.",
			},
			want: []want{{"Das waren brutale Terrorakte", "Jonas Albrecht", "Bundespräsident", "direct"}},
		},
		{
			name:  "de: so die neue Präsidentin, with the full name from the headline",
			title: "Eva Kranich zur neuen Präsidentin gewählt",
			paras: []string{
				"Seit 2017 ist Kranich Mitglied des Vorstands.",
				"„Ich danke den Delegierten für ihr Vertrauen“, kommentiert Kranich ihre Wahl.",
				"„Die Türen der Kirche von innen aufstoßen“",
				"„Mehr als 80 Prozent der Mitarbeitenden sind Frauen“, so die neue Präsidentin.",
			},
			want: []want{
				{"Ich danke den Delegierten für ihr Vertrauen", "Eva Kranich", "", "direct"},
				{"Mehr als 80 Prozent der Mitarbeitenden sind Frauen", "Kranich", "", "direct"},
			},
		},
		{
			name:  "de: a name and its role between commas before erklärt",
			paras: []string{"Julian Ferber, Landesvorstand der Jugendgruppe erklärt: „Es kann nicht sein, dass wir wichtige Zeit verlieren.“"},
			want:  []want{{"Es kann nicht sein, dass wir wichtige Zeit verlieren.", "Julian Ferber", "Landesvorstand der Jugendgruppe", "direct"}},
		},
		{
			name:  "de: a German date does not end the sentence",
			paras: []string{"Laut Unterlagen antwortet Andreas Kühn dem Parteichef am 30. März 2017, und damit vor der Wahl: „Wir haben bereits die Zusage.“"},
			want:  []want{{"Wir haben bereits die Zusage.", "Andreas Kühn", "", "direct"}},
		},
		{
			name: "de: a speaker keeps the role of the first mention",
			paras: []string{
				"„Man muss aufpassen“, sagt Fabian Stern, der Deutschland-Chef von Fernbus.",
				"„Für den Fahrgast wäre das eine Katastrophe“, sagt Fernbus-Manager Stern.",
			},
			want: []want{
				{"Man muss aufpassen", "Fabian Stern", "der Deutschland-Chef von Fernbus", "direct"},
				{"Für den Fahrgast wäre das eine Katastrophe", "Fabian Stern", "der Deutschland-Chef von Fernbus", "direct"},
			},
		},
		{
			name:  "de: a descriptor ends before a preposition",
			paras: []string{"„Falsch ist, dass unser Mandant davon wusste“, schreibt ein Anwalt der Kanzlei Berger im Auftrag von Andreas Kühn."},
			want:  []want{{"Falsch ist, dass unser Mandant davon wusste", "ein Anwalt der Kanzlei Berger", "", "direct"}},
		},
		{
			name:  "de: a name with its body before the colon, no verb",
			paras: []string{"Mit dabei war auch Stefan Brock von der Tiernothilfe: „Wir haben festgestellt, dass in den Netzen große Löcher sind.“"},
			want:  []want{{"Wir haben festgestellt, dass in den Netzen große Löcher sind.", "Stefan Brock", "von der Tiernothilfe", "direct"}},
		},
		{
			name:  "de: an adjunct between the verb and the name",
			paras: []string{"„Mit dem Gutachter wird zur Zeit das Verfahren abgestimmt“, erklärt auf Nachfrage Martin Roth aus der Presseabteilung der Stadt."},
			want:  []want{{"Mit dem Gutachter wird zur Zeit das Verfahren abgestimmt", "Martin Roth", "aus der Presseabteilung der Stadt", "direct"}},
		},
		{
			name: "de: er with a speech verb before the colon; sie with another verb is no speaker",
			paras: []string{
				"Der Abgeordnete Martin Dahl war bei der Kundgebung.",
				"Er fordert nach den Protesten: „Herr Lenz sollte sich zu seiner Verantwortung äußern.“",
				"Die Zeitung Extrablatt schürt Angst. Sie enthielt den Aufruf: „Kippt auch bald Ihr Viertel?“",
			},
			want: []want{
				{"Herr Lenz sollte sich zu seiner Verantwortung äußern.", "Martin Dahl", "Abgeordnete", "direct"},
				{"Kippt auch bald Ihr Viertel?", "", "", "direct"},
			},
		},
		{
			name: "de: a noun after an adjective before the verb is no speaker; nor a phrase after Am",
			paras: []string{
				"Stefan Kreuz, damals Parteichef in Essen, bestreitet das.",
				"Auf weitere Nachfrage sagt Kreuz, er könne sich nicht erinnern. „Der Schriftwechsel erscheint mir nicht authentisch.“",
				"Am Ende steht die Empfehlung: „Wollen wir so leben? Besser anders wählen.“",
			},
			want: []want{
				{"Der Schriftwechsel erscheint mir nicht authentisch.", "Stefan Kreuz", "", "direct"},
				{"Wollen wir so leben? Besser anders wählen.", "", "", "direct"},
			},
		},
		{
			name:  "de: a demonstrative phrase opening the clause is no speaker, nor the person named before",
			paras: []string{"Relotius ignoriert die Warnungen. Diese Abteilung hat sechzig Leute, ein großer Apparat, dessen Chef sagt: »Wir glauben erst mal gar nichts.«"},
			want:  []want{{"Wir glauben erst mal gar nichts.", "", "", "direct"}},
		},
		{
			name: "de: the name as the article first gives it, and Der US-Präsident for him",
			paras: []string{
				"Die Bilder erfreuen Donald Trump. Der US-Präsident schrieb auf Twitter: „Ich bin glücklich, dass er zurück ist.“",
				"„Ich hoffe, es geht ihm gut“, sagte Donald Trump gegenüber den Medien.",
				"Donald J. Trump (@realDonaldTrump) am 2. Mai 2020",
			},
			want: []want{
				{"Ich bin glücklich, dass er zurück ist.", "Donald Trump", "", "direct"},
				{"Ich hoffe, es geht ihm gut", "Donald Trump", "", "direct"},
			},
		},
		{
			name: "de: a name or term in marks inside narration quotes nobody; an adjective in marks does",
			paras: []string{
				"Auf Nachfrage sagt Stefan Kreuz, er könne sich an ein Schreiben zu dem „Extrablatt“ nicht erinnern. „Der Schriftwechsel erscheint mir nicht authentisch.“",
				"Neben den Plakaten werde es somit eine „flächendeckende“ Werbung geben, sagte Kreuz.",
			},
			want: []want{
				{"er könne sich an ein Schreiben zu dem „Extrablatt“ nicht erinnern", "Stefan Kreuz", "", "reported"},
				{"Der Schriftwechsel erscheint mir nicht authentisch.", "Stefan Kreuz", "", "direct"},
				{"Neben den Plakaten werde es somit eine „flächendeckende“ Werbung geben", "Stefan Kreuz", "", "mixed"},
			},
		},
		{
			name: "de: sie before a colon, resolved by the gender her role tells",
			paras: []string{
				"Der Reporter Claas Roth schrieb die Geschichte. Er schickt einen Link an die Kollegen.",
				"Seine engste Vertraute ist die stellvertretende Leiterin Özlem Gerber. In der Nacht schickt sie Roth eine Nachricht: »Ich komme jetzt gleich.«",
			},
			want: []want{{"Ich komme jetzt gleich.", "Özlem Gerber", "die stellvertretende Leiterin", "direct"}},
		},
		{
			name: "de: sie after the verb before a colon, no speech verb",
			paras: []string{
				"Anna Tobler spielte in der Staatsoper.",
				"Und trotzdem war sie manchmal nachdenklich: „Was mich interessiert, ist der Mensch.“",
			},
			want: []want{{"Was mich interessiert, ist der Mensch.", "Anna Tobler", "", "direct"}},
		},
		{
			name:  "de: an article and a noun before the verb are a descriptor, not a name",
			paras: []string{"Die Ursache ist noch unklar. Die Gemeinde meint jedoch: «Die Witterung der vergangenen Tage trübt das Quellwasser.»"},
			want:  []want{{"Die Witterung der vergangenen Tage trübt das Quellwasser.", "die Gemeinde", "", "direct"}},
		},
		{
			name:  "de: an article and nouns opening the clause before a colon are no speaker",
			paras: []string{"Das Bündeln von Zeitungen ergebe für den Manager wenig Sinn: „Regionale Inhalte klicken immer nur regional.“"},
			want:  []want{{"Regionale Inhalte klicken immer nur regional.", "", "", "direct"}},
		},
		{
			name: "de: a role holding another person's name is not the speaker's, and Von opens no name",
			paras: []string{
				"Für diese Reportage hat GROOVE-Autorin Charlotte Elsen Tobias Trommer vom Aktionsbündnis getroffen.",
				"„Ohne uns stünde hier längst eine Autobahn“, sagt Trommer.",
			},
			want: []want{{"Ohne uns stünde hier längst eine Autobahn", "Tobias Trommer", "", "direct"}},
		},
		{
			name:  "de: a name after Von opening the sentence is no subject a quote standing alone goes to",
			paras: []string{"Vor zwei Jahren pilgerte sie auf dem Jakobsweg. Von Leon bis Santiago. «Ich musste einfach mal zur Ruhe kommen!»"},
			want:  []want{{"Ich musste einfach mal zur Ruhe kommen!", "", "", "direct"}},
		},
		{
			name: "de: a possessive, a title and a surname before a separable verb",
			paras: []string{
				"„Wir haben heute nicht unser bestes Spiel gezeigt“, sagte Kim Renkema, Sportdirektorin des Vereins, nach dem Spiel.",
				"Stuttgarts Sportdirektorin Renkema fügte hinzu: „Wir werden daraus lernen.“",
			},
			want: []want{
				{"Wir haben heute nicht unser bestes Spiel gezeigt", "Kim Renkema", "Sportdirektorin des Vereins", "direct"},
				{"Wir werden daraus lernen.", "Kim Renkema", "Sportdirektorin des Vereins", "direct"},
			},
		},
		{
			name:  "de: a noun after a fused article is no one the descriptor goes to",
			paras: []string{"Am Abend sagte der Kämmerer: „Wir müssen sparen, sonst wird es eng.“"},
			want:  []want{{"Wir müssen sparen, sonst wird es eng.", "der Kämmerer", "", "direct"}},
		},
		{
			name:  "de: a title the lexicon knows before a name",
			paras: []string{"Kämmerer Jens Ohm sagte: „Wir müssen sparen.“"},
			want:  []want{{"Wir müssen sparen.", "Jens Ohm", "Kämmerer", "direct"}},
		},
		{
			name:  "de: a descriptor with its genitive before a colon",
			paras: []string{"Die Leiterin des Amts betonte: „Wir müssen in den nächsten Jahren sparen.“"},
			want:  []want{{"Wir müssen in den nächsten Jahren sparen.", "Die Leiterin des Amts", "", "direct"}},
		},
		{
			name:  "de: the group of a share is no speaker",
			paras: []string{"38 Prozent der Befragten gaben an, mehr sparen zu wollen.", "„Die große Mehrheit spart Strom.“"},
			want:  []want{{"Die große Mehrheit spart Strom.", "", "", "direct"}},
		},
		{
			name:  "de: a sentence adverb before an impersonal verb is no name",
			paras: []string{"Die Stadt hat eine Erklärung veröffentlicht. Weiter heißt es: „Das Projekt ruht.“"},
			want:  []want{{"Das Projekt ruht.", "", "", "direct"}},
		},
		{
			name: "de: erläuterte is a speech verb, so the quote is not carried from the speaker before",
			paras: []string{
				"„Meine Athleten brauchen die ganze Zeit Unterstützung“, sagte Ole Einar Björndalen.",
				"„Ich kombiniere das Wissen, das ich von meinen Trainern gelernt habe“, erläuterte Darya Domracheva.",
			},
			want: []want{
				{"Meine Athleten brauchen die ganze Zeit Unterstützung", "Ole Einar Björndalen", "", "direct"},
				{"Ich kombiniere das Wissen, das ich von meinen Trainern gelernt habe", "Darya Domracheva", "", "direct"},
			},
		},
		{
			name:  "de: a title after a word for a report is no one's words",
			paras: []string{"„Rund 144 Millionen neue Schadprogramme wurden gesichtet“, zitiert Manuel Bach den Berichtsband „Die Lage der IT-Sicherheit in Deutschland“."},
			want:  []want{{"Rund 144 Millionen neue Schadprogramme wurden gesichtet", "Manuel Bach", "", "direct"}},
		},
		{
			name: "de: a noun after an article is no person a quote standing alone goes to",
			paras: []string{
				"Birgit Kelle pilgerte auf dem Jakobsweg. Zuvor machte sie die Erfahrung, allein für die Familie da zu sein.",
				"„Es war die beste Entscheidung, die ich je getroffen habe.“",
			},
			want: []want{{"Es war die beste Entscheidung, die ich je getroffen habe.", "Birgit Kelle", "", "direct"}},
		},
		{
			name: "de: a compound descriptor naming the same body as the title given before",
			paras: []string{
				"VW-Chef Herbert Diess hatte sich besorgt gezeigt.",
				"„Gerade Wolfsburg ist wichtig für den Konzern“, betonte der VW-Boss vor der Belegschaft.",
			},
			want: []want{{"Gerade Wolfsburg ist wichtig für den Konzern", "Herbert Diess", "VW-Chef", "direct"}},
		},
		{
			name: "de: a party politician for the minister named before",
			paras: []string{
				"Bundeswirtschaftsminister Robert Habeck dringt auf eine schnelle Entscheidung.",
				"Der Grünen-Politiker sagte am Dienstag in Berlin: „Ich bin auch nicht zufrieden damit.“",
			},
			want: []want{{"Ich bin auch nicht zufrieden damit.", "Robert Habeck", "Bundeswirtschaftsminister", "direct"}},
		},
		{
			name: "de: an adjective before a surname the article gives",
			paras: []string{
				"Cheftrainer Tobias Torgersen blickt nach vorn.",
				"„Es ist unser Hauptziel, gesund zu bleiben“, sagte der optimistische Torgersen.",
			},
			want: []want{{"Es ist unser Hauptziel, gesund zu bleiben", "Tobias Torgersen", "Cheftrainer", "direct"}},
		},
		{
			name:  "de: a title of a body, a name between commas, and a long clause before the colon",
			paras: []string{"Der Präsident des Industrieverbands (BDI), Siegfried Russwurm, sagte zu der neuen Strategie: „Papier ist geduldig, die Unternehmen brauchen Handeln.“"},
			want:  []want{{"Papier ist geduldig, die Unternehmen brauchen Handeln.", "Siegfried Russwurm", "Der Präsident des Industrieverbands (BDI)", "direct"}},
		},
		{
			name: "de: a pronoun after the verb is its subject, the name in the fronted phrase is not",
			paras: []string{
				"Gottesdienst sei „Identitätsmarker oder Wesensmerkmal einer jeden Kirche“, betonte Bischof Christian Stäblein.",
				"In Anlehnung an den Soziologen Hartmut Rosa fragte er: „Wie findet der Gottesdienst Resonanz? Wie kommt er zum Klingen?“",
			},
			want: []want{
				{"Gottesdienst sei „Identitätsmarker oder Wesensmerkmal einer jeden Kirche“", "Christian Stäblein", "Bischof", "mixed"},
				{"Wie findet der Gottesdienst Resonanz? Wie kommt er zum Klingen?", "Christian Stäblein", "Bischof", "direct"},
			},
		},
		{
			name:  "de: a role between commas ends before a time or an occasion",
			paras: []string{"„Die Mannschaft wird alles geben“, sagte Kim Renkema, Sportdirektorin von Allianz MTV Stuttgart, vor dem vierten Duell gegen Dresden."},
			want:  []want{{"Die Mannschaft wird alles geben", "Kim Renkema", "Sportdirektorin von Allianz MTV Stuttgart", "direct"}},
		},
		{
			name:  "de: an appositive after a doctor's name is the role",
			paras: []string{"„Geeignete Konzepte sind aktuell nicht verfügbar“, sagt Dr. Silke Bargstädt-Franke, Leiterin der Abteilung Cyber-Sicherheit beim BSI."},
			want:  []want{{"Geeignete Konzepte sind aktuell nicht verfügbar", "Silke Bargstädt-Franke", "Leiterin der Abteilung Cyber-Sicherheit beim BSI", "direct"}},
		},
		{
			name:  "de: a genitive after the descriptor is no name",
			paras: []string{"„Falsch ist, dass unser Mandant davon wusste“, schreibt ein Anwalt der Kanzlei Berger."},
			want:  []want{{"Falsch ist, dass unser Mandant davon wusste", "ein Anwalt der Kanzlei Berger", "", "direct"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Scan(&article.Article{Title: tt.title, Paragraphs: tt.paras, Language: "de"})
			if len(got) != len(tt.want) {
				t.Fatalf("Scan(%q) = %d quotes %+v, want %d", tt.paras, len(got), got, len(tt.want))
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
