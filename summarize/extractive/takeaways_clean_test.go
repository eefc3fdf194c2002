package extractive

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

func TestTkClean(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"plain", "The council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"bold", "**The council closed the old bridge to traffic on Monday.**", "The council closed the old bridge to traffic on Monday."},
		{"bold label", "**Update:** The council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"bold inside", "The council closed the **old** bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"bullet", "• The council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"dash bullet", "- The council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"speaker label", "ANCHOR: The council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"two-word speaker label", "JANE HOLLOWAY: The council closed the old bridge on Monday.", "The council closed the old bridge on Monday."},
		{"caption label", "Shut: the council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"call sign", "(WKRB) - The council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"acronym before a dash is the subject", "DDA – adult children of alcoholics – is a shared identity, she wrote.", "DDA – adult children of alcoholics – is a shared identity, she wrote."},
		{"said before a colon", "The mayor said: the old bridge will stay closed until the spring.", "The mayor said: the old bridge will stay closed until the spring."},
		{"but", "But the council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"but with comma", "But, when the engineers came back, the council closed the bridge.", "When the engineers came back, the council closed the bridge."},
		{"however", "However, the old bridge will stay open to cyclists and walkers.", "The old bridge will stay open to cyclists and walkers."},
		{"still without comma", "Still more councils are closing old bridges to heavy traffic.", "Still more councils are closing old bridges to heavy traffic."},
		{"pictured", "Ms Holloway (pictured) closed the old bridge to traffic on Monday.", "Ms Holloway closed the old bridge to traffic on Monday."},
		{"empty brackets", "Skinfold tests have been used to estimate body fat for over 50 years ().", "Skinfold tests have been used to estimate body fat for over 50 years."},
		{"label then connective", "ANCHOR: But the council closed the old bridge to traffic on Monday.", "The council closed the old bridge to traffic on Monday."},
		{"too short after", "But it closed.", "But it closed."},
		{"quotation kept", `"But we had no choice," the mayor said of the old bridge on Monday.`, `"But we had no choice," the mayor said of the old bridge on Monday.`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tkClean(tt.in); got != tt.want {
				t.Errorf("tkClean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTkDefect(t *testing.T) {
	for _, tt := range []struct {
		name          string
		in            string
		cased         bool
		defect, leans bool
	}{
		{"sound", "The council closed the old bridge to traffic on Monday.", true, false, false},
		{"he", "He closed the old bridge to traffic on Monday.", true, true, true},
		{"that's", "That's because the old bridge was closed to traffic on Monday.", true, true, true},
		{"these", "These bridges were closed to traffic on Monday by the council.", true, true, true},
		{"this year", "This year, the council closed the old bridge to traffic.", true, false, false},
		{"lower case", "closed the old bridge to traffic on Monday, the council said.", true, true, false},
		{"lower case in a text without capitals", "the council closed the old bridge to traffic on monday.", false, false, false},
		{"brand", "iOS 13 adds a feature that makes you look at the camera.", true, false, false},
		{"punctuation", ", and the council closed the old bridge on Monday.", true, true, false},
		{"heading", "The council closes the old bridge to all traffic", true, true, false},
		{"trails off", "The town has been angry for weeks about fuel taxes, low wages…", true, true, false},
		{"lead-in", "Here is what the council decided about the old bridge:", true, true, false},
		{"quotation end", `The mayor called the bridge "a danger to everyone"`, true, false, false},
		{"hole", "The council closed the old bridge on the , the mayor said.", true, true, false},
		{"hole at end", "The council said the old bridge is closed on the .", true, true, false},
		{"decimal is no hole", "The council spent .5 million on the old bridge last year.", true, false, false},
		{"label", "ANCHOR: The council closed the old bridge to traffic on Monday.", true, true, false},
		{"quoted he", `"He closed the old bridge," the mayor said on Monday.`, true, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, l := tkDefect(tt.in, tt.cased)
			if d != tt.defect || l != tt.leans {
				t.Errorf("tkDefect(%q, %v) = %v, %v, want %v, %v", tt.in, tt.cased, d, l, tt.defect, tt.leans)
			}
		})
	}
}

func TestTkEnBackRef(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want bool
	}{
		{"sound", "The ferry company raised its fares by a tenth on Monday.", false},
		{"referential it", "It later reverted to its old name and restored the logo.", true},
		{"it stands for a clause", "It is unclear whether the ferry will run this winter.", false},
		{"it was the first time", "It was the first time the ferry had missed a crossing.", false},
		{"it appears", "It appears the captain changed course before leaving port.", false},
		{"it seems to", "It seems to have run aground on the sandbank overnight.", true},
		{"clause with a pronoun subject", "As they stepped off the ferry, one after another, they looked tired.", true},
		{"clause naming the subject after", "When she was sworn in last year, Mayor Ines Duarte promised cheaper fares.", false},
		{"clause with its own subject", "As the storm moved north, it knocked out power to the harbour.", false},
		{"pronoun after a prepositional adjunct", "On Tuesday, he told reporters the ferry would run again.", true},
		{"pronoun after a participle", "Rebuilt over the winter, it carried its first passengers in May.", true},
		{"name after an adjunct", "On Tuesday, the harbour master said the ferry would run again.", false},
		{"possessive name in the adjunct", "After Duarte's speech, she took questions from the crew.", false},
		{"however in second place", "Island residents, however, say the fares are still too high.", true},
		{"quantifier for people", "Some said they felt cheated by the new timetable.", true},
		{"quantifier with a noun", "Some 150 passengers were stranded at the pier overnight.", false},
		{"quoted", `"It was a rough crossing," the captain said after docking.`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tkEnBackRef(tt.in); got != tt.want {
				t.Errorf("tkEnBackRef(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTkOpenQuote(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"„Wir hatten nie Grund zur Sorge.", true},
		{"„Wir hatten nie Grund zur Sorge“, sagte der Projektleiter.", false},
		{"The mayor said: “We will rebuild the pier.", true},
		{"The mayor said: “We will rebuild the pier.”", false},
		{"Le maire a dit : « Nous reconstruirons la jetée.", true},
		{"Le maire a dit : « Nous reconstruirons la jetée ».", false},
		{"Nobody listened,” she said.", false},
		{"The council closed the bridge on Monday.", false},
	} {
		if got := tkOpenQuote(tt.in); got != tt.want {
			t.Errorf("tkOpenQuote(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTkSame(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"The council closed the old bridge to traffic on Monday.", "On Monday the council closed the old bridge to all traffic.", true},
		{"Council closed old bridge", "The council closed the old bridge to traffic on Monday, citing cracks.", true},
		{"The council closed the old bridge to traffic on Monday.", "Engineers found cracks in two of its piers last winter.", false},
		{"", "Engineers found cracks in two of its piers last winter.", false},
		// Two in three of the shorter one's content words: the same fact.
		{"En ese marco, el inspector general de la Policía, Álvaro Álvarez, ha garantizado la transparencia del proceso de investigación.",
			"En ese marco, el funcionario policial ha garantizado transparencia en el proceso de investigación.", true},
		{"The central bank raised its main interest rate to 5.25 percent on Thursday.",
			"On Thursday the central bank, led by governor Ana Lima since 2019, raised the main interest rate for a fifth time.", true},
		{"The central bank raised its main interest rate to 5.25 percent on Thursday.",
			"Governor Ana Lima said the bank expects inflation to fall below three percent by next summer.", false},
	} {
		if got := tkSame(tkContent(tt.a), tkContent(tt.b)); got != tt.want {
			t.Errorf("tkSame(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestTakeawaysReadClean checks what a reader sees: a sentence that opens
// with "She" is shown only joined to the sentence it leans on, an opening
// connective and a label are dropped, a standfirst restated by the lede is
// shown once, and a heading is not a takeaway.
func TestTakeawaysReadClean(t *testing.T) {
	a := &article.Article{Paragraphs: []string{
		"Harbour council closes the Elm Street bridge after cracks found",
		"The harbour council closed the Elm Street bridge after engineers found cracks in its piers.",
		"The harbour council on Monday closed the Elm Street bridge to all traffic after engineers found deep cracks in two of its piers.",
		"Council leader Ana Beatriz Conceição said the bridge would stay shut until the spring at least.",
		"She said repairs would cost about 4 million pounds and take several months of work.",
		"But drivers will face detours of up to 12 miles while the bridge stays closed to traffic.",
		"BUSINESS: Shops near the bridge expect to lose trade during the closure, the chamber of commerce said.",
		"The bridge, built in 1911, carries about 9,000 vehicles a day across the harbour mouth.",
	}}
	got := tkRank(a, 4, tkDefaults())
	if len(got) == 0 {
		t.Fatal("no takeaways")
	}
	var content []map[string]bool
	for _, s := range got {
		if d, _ := tkDefect(s, true); d {
			t.Errorf("takeaway %q has a defect", s)
		}
		for _, bad := range []string{"But ", "BUSINESS:"} {
			if strings.HasPrefix(s, bad) {
				t.Errorf("takeaway %q opens with %q", s, bad)
			}
		}
		if strings.HasPrefix(s, "Harbour council closes") {
			t.Errorf("takeaway %q is the headline", s)
		}
		if strings.Contains(s, "She said") && !strings.Contains(s, "Conceição said the bridge would stay shut until the spring at least. She said") {
			t.Errorf("takeaway %q shows She without the sentence it leans on", s)
		}
		c := tkContent(s)
		for _, o := range content {
			if tkSame(c, o) {
				t.Errorf("takeaway %q repeats another one: %q", s, got)
			}
		}
		content = append(content, c)
	}
}

// TestTkSelectLeaning checks that a sentence leaning on the one before it
// is picked only after that one, and then shown joined to it (the join
// takes no takeaway's place of its own); with nothing
// sound left, a sentence with a defect is the one takeaway.
func TestTkSelectLeaning(t *testing.T) {
	mk := func(text string, score float64) tkSent {
		d, l := tkDefect(text, true)
		return tkSent{text: text, show: text, score: score, usable: true, defect: d, leans: l, words: tkWordCount(text)}
	}
	prm := tkDefaults()
	for _, tt := range []struct {
		name  string
		sents []tkSent
		n     int
		want  []string
	}{
		{"joined", []tkSent{
			mk("Ana Conceição leads the harbour council of the town.", 0.9),
			mk("She closed the Elm Street bridge on Monday after cracks were found.", 0.8),
			mk("The bridge carries about 9,000 vehicles a day across the harbour.", 0.1),
			mk("Detours for drivers run up to 12 miles around the harbour.", 0.2),
			mk("Repairs are expected to take the council several months.", 0.05),
			mk("Shops near the bridge expect to lose trade in the closure.", 0.05),
		}, 3, []string{
			"Ana Conceição leads the harbour council of the town. She closed the Elm Street bridge on Monday after cracks were found.",
			"The bridge carries about 9,000 vehicles a day across the harbour.",
			"Detours for drivers run up to 12 miles around the harbour.",
		}},
		{"not after an unpicked sentence", []tkSent{
			mk("Ana Conceição leads the harbour council of the town.", 0.1),
			mk("She closed the Elm Street bridge on Monday after cracks were found.", 0.9),
			mk("The bridge carries about 9,000 vehicles a day across the harbour.", 0.5),
		}, 1, []string{"The bridge carries about 9,000 vehicles a day across the harbour."}},
		{"only defects left", []tkSent{
			mk("She closed the Elm Street bridge on Monday after cracks were found.", 0.9),
			mk("Harbour council closes the Elm Street bridge after cracks found", 0.5),
		}, 2, []string{"She closed the Elm Street bridge on Monday after cracks were found."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tkSelect(tt.sents, true, tt.n, prm)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("tkSelect = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTakeawaysTitle checks that the sentence carrying the headline's fact
// is a takeaway even where background the rest of the page develops is
// more central.
func TestTakeawaysTitle(t *testing.T) {
	a := &article.Article{
		Title: "Winter exhibition opens on 22 November",
		Paragraphs: []string{
			"The fairy-tale film was shot fifty years ago in the castle park, in two studios and in the frozen lakes around the town.",
			"The winter exhibition on the fairy-tale film opens at the castle on 22 November and runs until early March.",
			"The film was first shown in a cinema in Prague in November 1973 and reached other cinemas the year after.",
			"The film has been shown on television every winter since then, and the film's lead actress still visits the castle.",
			"Fans of the film travel to the castle and the park from all over the country to see where the film was shot.",
			"The film's costumes were kept by the studio and the film's props by a collector who lent them to the town.",
		},
	}
	want := "The winter exhibition on the fairy-tale film opens at the castle on 22 November and runs until early March."
	if got := tkRank(a, 1, tkDefaults()); !slicesContains(got, want) {
		t.Errorf("tkRank(a, 1) = %q, want %q", got, want)
	}
	prm := tkDefaults()
	prm.Title = 0
	if got := tkRank(a, 1, prm); slicesContains(got, want) {
		t.Errorf("without the title tkRank(a, 1) = %q: the page does not test the title", got)
	}
}

func slicesContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
