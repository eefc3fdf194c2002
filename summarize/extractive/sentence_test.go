package extractive

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentSplit(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want []string
	}{
		{"japanese", "雨が降りました。明日は晴れるでしょう！本当ですか？「はい。」と答えた。",
			[]string{"雨が降りました。", "明日は晴れるでしょう！", "本当ですか？", "「はい。」と答えた。"}},
		{"chinese", "会议今天结束。代表们通过了决议！ 下次会议在北京举行。",
			[]string{"会议今天结束。", "代表们通过了决议！", "下次会议在北京举行。"}},
		{"Dipl.-Ing.", "Es sprach Dipl.-Ing. Josef Berger vom Vorstand. Danach gab es Musik.",
			[]string{"Es sprach Dipl.-Ing. Josef Berger vom Vorstand.", "Danach gab es Musik."}},
		{"Univ.-Prof. Dr.", "Das freut Univ.-Prof. Dr. Robert Galler sehr. Die Kosten sind gedeckt.",
			[]string{"Das freut Univ.-Prof. Dr. Robert Galler sehr.", "Die Kosten sind gedeckt."}},
		{"LHStv.", "Sie kam in Vertretung von LHStv. Anton Lang zur Feier. Der Chor sang.",
			[]string{"Sie kam in Vertretung von LHStv. Anton Lang zur Feier.", "Der Chor sang."}},
		{"plural acronym ends", "The board fired two CEOs. Shares rose on the news.",
			[]string{"The board fired two CEOs.", "Shares rose on the news."}},
		{"McName ends", "The award went to John McCain. He accepted it in person.",
			[]string{"The award went to John McCain.", "He accepted it in person."}},
		{"hyphenated word ends", "Talks resumed in Baden-Baden. Both sides were hopeful.",
			[]string{"Talks resumed in Baden-Baden.", "Both sides were hopeful."}},
		{"plain", "The council met on Monday. It voted to close the bridge.",
			[]string{"The council met on Monday.", "It voted to close the bridge."}},
		{"US mid-sentence", "The U.S. military said it had struck a depot. Officials declined to comment.",
			[]string{"The U.S. military said it had struck a depot.", "Officials declined to comment."}},
		{"US at end", "Prices rose sharply in the U.S. The rise surprised economists.",
			[]string{"Prices rose sharply in the U.S.", "The rise surprised economists."}},
		{"Dr", "Dr. Amina Yusuf led the trial. She is a cardiologist.",
			[]string{"Dr. Amina Yusuf led the trial.", "She is a cardiologist."}},
		{"No. 5", "The horse wore No. 5 in the race. It finished last.",
			[]string{"The horse wore No. 5 in the race.", "It finished last."}},
		{"decimal", "Growth slowed to 3.5 percent last year. Exports fell.",
			[]string{"Growth slowed to 3.5 percent last year.", "Exports fell."}},
		{"a.m.", "The blast happened at 9 a.m. local time on Tuesday. Nobody was hurt.",
			[]string{"The blast happened at 9 a.m. local time on Tuesday.", "Nobody was hurt."}},
		{"a.m. at end", "The polls close at 8 p.m. The count starts at once.",
			[]string{"The polls close at 8 p.m.", "The count starts at once."}},
		{"initials", "The novel by J. R. Tolkin sold well. Critics were kind.",
			[]string{"The novel by J. R. Tolkin sold well.", "Critics were kind."}},
		{"Gov. before name", "Gov. Maria Lopez signed the bill. It takes effect in May.",
			[]string{"Gov. Maria Lopez signed the bill.", "It takes effect in May."}},
		{"month", "The law passed on Sept. 12 after a long debate. Critics vowed to fight it.",
			[]string{"The law passed on Sept. 12 after a long debate.", "Critics vowed to fight it."}},
		{"closing double quote", `"We will rebuild the school." The mayor spoke on Friday.`,
			[]string{`"We will rebuild the school."`, "The mayor spoke on Friday."}},
		{"curly quote", "“We will rebuild the school.” The mayor spoke on Friday.",
			[]string{"“We will rebuild the school.”", "The mayor spoke on Friday."}},
		{"question in quote with attribution", `"Where is the money?" she asked the board. Nobody answered.`,
			[]string{`"Where is the money?" she asked the board.`, "Nobody answered."}},
		{"spaced closing quote", "He said: ' I am leaving the club. ' The club confirmed it.",
			[]string{"He said: ' I am leaving the club. '", "The club confirmed it."}},
		{"spaced opening quote", "The club confirmed it. ' I am leaving, ' he said.",
			[]string{"The club confirmed it.", "' I am leaving, ' he said."}},
		{"exclamation and question", "What a goal! Did anyone see it coming? Nobody did.",
			[]string{"What a goal!", "Did anyone see it coming?", "Nobody did."}},
		{"ellipsis", "He paused... Then he left the room.",
			[]string{"He paused...", "Then he left the room."}},
		{"ellipsis mid-sentence", "He paused... and then he left the room.",
			[]string{"He paused... and then he left the room."}},
		{"parenthesis", "The firm (founded in 1990.) grew fast. It now employs 400 people.",
			[]string{"The firm (founded in 1990.) grew fast.", "It now employs 400 people."}},
		{"no final period", "The vote is on Sunday. Results are due Monday",
			[]string{"The vote is on Sunday.", "Results are due Monday"}},
		{"domain", "Visit example.com for details. The site opens today.",
			[]string{"Visit example.com for details.", "The site opens today."}},
		{"lowercased", "police said the u.s. embassy was closed. the ambassador left at 9 a.m. on friday. dr. lee was not there.",
			[]string{"police said the u.s. embassy was closed.", "the ambassador left at 9 a.m. on friday.", "dr. lee was not there."}},
		{"lowercased quote attribution", `"why now?" he asked. the minister did not reply.`,
			[]string{`"why now?" he asked.`, "the minister did not reply."}},
		{"french", "Le président a parlé mardi. Il a annoncé une réforme. M. Dupont était absent.",
			[]string{"Le président a parlé mardi.", "Il a annoncé une réforme.", "M. Dupont était absent."}},
		{"german", "Die Regierung hat am 3. Mai entschieden. Das Gesetz gilt ab Juni.",
			[]string{"Die Regierung hat am 3. Mai entschieden.", "Das Gesetz gilt ab Juni."}},
		{"amount then sentence", "The brooch is expected to fetch £1.33million. Overall, the sale should raise more.",
			[]string{"The brooch is expected to fetch £1.33million.", "Overall, the sale should raise more."}},
		{"spaced curly closing quote", "She said she was ‘ sorry for the delay. ’ The company apologised too.",
			[]string{"She said she was ‘ sorry for the delay. ’", "The company apologised too."}},
		{"Inc. at end", "The shares were sold to Acme Inc. The deal closed on Friday.",
			[]string{"The shares were sold to Acme Inc.", "The deal closed on Friday."}},
		{"Inc. mid-sentence", "Acme Inc. said on Friday that the deal had closed.",
			[]string{"Acme Inc. said on Friday that the deal had closed."}},
		{"empty", "", nil},
		{"spaces only", "   ", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sp := newSentSplitter([]string{tt.in})
			got := sp.split(tt.in, nil)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentSplitCased(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"The vote is on Sunday. Results are due Monday.", true},
		{"the vote is on sunday. results are due monday.", false},
		{"The vote is on sunday. Results are due monday. I think.", true},
		{"One sentence only", true},
		{"one sentence only", false},
	} {
		if got := newSentSplitter([]string{tt.in}).cased; got != tt.want {
			t.Errorf("newSentSplitter(%q).cased = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzSentSplit(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "takeaways", "*.txt"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("Dr. A. B. said: ' no. ' \"Why?\" he asked... U.S. 3.5 a.m.")
	f.Fuzz(func(t *testing.T, s string) {
		sp := newSentSplitter([]string{s})
		got := sp.split(s, nil)
		// Splitting only cuts at spaces: the sentences hold every
		// non-space byte of the input, in order.
		joined := strings.Join(strings.Fields(strings.Join(got, " ")), "")
		want := strings.Join(strings.Fields(s), "")
		if utf8.ValidString(s) && joined != want {
			t.Errorf("split(%q) = %q loses text", s, got)
		}
		for _, g := range got {
			if strings.TrimSpace(g) == "" {
				t.Errorf("split(%q) has an empty sentence", s)
			}
		}
	})
}

// TestSentSplitOrdinals checks that in languages writing ordinals as "3."
// a short number before a capitalised word does not end a sentence, and
// that elsewhere it still does.
func TestSentSplitOrdinals(t *testing.T) {
	for _, tt := range []struct {
		lang string
		in   string
		want int
	}{
		{"de", "Zum 100. Geburtstag erscheint ein Buch. Es wurde gut verkauft.", 2},
		{"de-AT", "Sie feierte den 90. Geburtstag in Wien. Viele Gäste kamen.", 2},
		{"de", "Die Zahl der Gäste stieg bis 2021. Danach fiel sie wieder.", 2},
		{"en", "The number of guests rose to 100. Most came from abroad.", 2},
		{"", "The number of guests rose to 100. Most came from abroad.", 2},
	} {
		sp := newSentSplitter([]string{tt.in})
		sp.ordinals = sentOrdinalLang(tt.lang)
		if got := sp.split(tt.in, nil); len(got) != tt.want {
			t.Errorf("%s: split(%q) = %q, want %d sentences", tt.lang, tt.in, got, tt.want)
		}
	}
}

// TestLangBackRef checks the pronoun openers of German, French and
// Spanish that point back to an earlier sentence.
func TestLangBackRef(t *testing.T) {
	for _, tt := range []struct {
		lang, s string
		want    bool
	}{
		{"de", "Sie motiviert uns alle, wachsam zu sein.", true},
		{"de", "Er sagte, die Arbeit gehe weiter.", true},
		{"de", "Diese Entscheidung fiel am Montag.", true},
		{"de", "Es gibt noch keinen Termin für die Wahl.", false},
		{"de", "Die Stadt plant einen neuen Bahnhof.", false},
		{"de", "„Sie ist eine Heldin“, sagte der Bürgermeister.", false},
		{"fr", "Elle a ajouté que la grève continuerait.", true},
		{"fr", "C’est une offre sérieuse, selon la direction.", true},
		{"fr", "Il y a eu trois grèves cette année.", false},
		{"fr", "Il faut attendre la fin des négociations.", false},
		{"fr", "Il a démissionné lundi.", true},
		{"es", "Ella anunció su dimisión el lunes.", true},
		{"es", "Esta medida afecta a toda Europa.", true},
		{"es", "El gobierno anunció nuevas medidas.", false},
		{"ja", "このため、法律では児童相談所の力を強くしました。", true},
		{"ja", "市議会は二十日、計画を可決しました。", false},
		{"zh", "这条线路全长二十八公里。", true},
		{"zh", "市政府周三宣布了新的计划。", false},
		{"de", "Es vertritt die Laien gegenüber den Bischöfen.", true},
		{"de", "Es ist unklar, ob die Wahl verschoben wird.", false},
		{"de", "Außerdem soll die Steuer im Juli steigen.", true},
		{"de", "Außenminister Berg reist am Montag nach Rom.", false},
		{"es", "En ese marco, el ministro ordenó cambiar al director.", true},
		{"es", "Por su parte, la alcaldesa pidió calma a los vecinos.", true},
		{"es", "Además de la multa, el club perderá tres puntos.", true},
		{"es", "Ese día se votará el presupuesto municipal.", true},
		{"es", "Esencial para la economía es el puerto de la ciudad.", false},
		{"fr", "D’autre part, la ville a promis un nouveau pont.", true},
		{"fr", "Cependant la grève continue dans les ports.", true},
		{"en", "She resigned on Monday.", false}, // English: tkBackRef's
		{"", "Sie motiviert uns alle.", false},
	} {
		if got := tkLangBackRef(tt.lang, tt.s); got != tt.want {
			t.Errorf("tkLangBackRef(%q, %q) = %v, want %v", tt.lang, tt.s, got, tt.want)
		}
	}
}
