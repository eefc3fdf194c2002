package quote_test

import "testing"

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
