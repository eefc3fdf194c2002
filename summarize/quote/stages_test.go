package quote

import (
	"strings"
	"testing"
)

func TestCleanRole(t *testing.T) {
	for _, tt := range []struct{ name, role, speaker, want string }{
		{"whole noun phrase", "a hydrologist at the University of São Paulo", "Ana Lima", "a hydrologist at the University of São Paulo"},
		{"copula who clause renames", "who was EVP of worldwide corporate communications", "Dee Dee Myers", "EVP of worldwide corporate communications"},
		{"who clause kept", "who chairs the assembly's transport committee", "Jo Hart", "who chairs the assembly's transport committee"},
		{"stub before its noun", "a former", "Jo Hart", ""},
		{"stub ending in a preposition", "CEO of", "Jo Hart", ""},
		{"cut inside a second phrase", "a scientist at the institute and", "Jo Hart", "a scientist at the institute"},
		{"an age", "64", "Jo Hart", ""},
		{"a ranking without its noun", "the 14th-ranked", "Jo Hart", ""},
		{"an age without its noun", "the 55-year-old", "Jo Hart", ""},
		{"a ranking with its noun", "the 14th-ranked player in the world", "Jo Hart", "the 14th-ranked player in the world"},
		{"a two-time champion", "a two-time champion", "Jo Hart", "a two-time champion"},
		{"a bare place", "Springfield, Va.", "Jo Hart", ""},
		{"an affiliation", "Edinburgh University", "David Reay", "Edinburgh University"},
		{"an outlet's possessive", "NBC’s", "Dana Lee", "NBC’s"},
		{"a capitalized title opening with -ing", "Housing Minister", "Ayesha Khan", "Housing Minister"},
		{"a subordinate clause opens", "although", "Frank Vogel", ""},
		{"a body's name cut inside e. V.", "Technikexperte beim Deutschen Verband Flüssiggas e.", "Markus Lau", "Technikexperte beim Deutschen Verband Flüssiggas"},
		{"a clause fragment", "referring to the bank's drive", "Jo Hart", ""},
		{"words of a quote", "the “worst” mayor", "Jo Hart", ""},
		{"a clause with a speech verb", "the mayor said the plan", "Jo Hart", ""},
		{"a capitalized place is no verb", "a former United States envoy to Chile", "Ana Ruiz", "a former United States envoy to Chile"},
		{"German compound title", "Bürgermeisterin", "Anna Weber", "Bürgermeisterin"},
		{"German relative clause", "der in dieser Serie nur wenige Spiele verpasste", "Marcell Jansen", ""},
		{"Spanish gerund", "insistiendo en que no hubo personas", "Natalia Lopera", ""},
		{"the name itself", "Jo Hart", "Jo Hart", ""},
		{"a rank with no noun", "the 14th-ranked", "Jo Hart", ""},
		{"an age with no noun", "the 34-year-old", "Jo Hart", ""},
		{"a rank with its noun", "the 14th-ranked player", "Jo Hart", "the 14th-ranked player"},
		{"a preposition before a title", "of Republican presidential nominee", "Jo Hart", "Republican presidential nominee"},
		{"a party and an abbreviated title", "Labour MP", "Jess Phillips", "Labour MP"},
		{"a clause after according to", "the current administration has shuffled through its generals", "Sam Hale", ""},
		{"a circumstance between commas", "on what was his first full day on the job", "Jim Noll", ""},
		{"a verb inside a who clause", "a former aide who was fired in May", "Jo Hart", "a former aide who was fired in May"},
		{"a verb inside a whose clause", "whose campaign was built on debt relief", "Jo Hart", "whose campaign was built on debt relief"},
		{"an organisation after a preposition", "of the Sierra Club", "Peter Morgan", "of the Sierra Club"},
		{"where the words were read", "via USA Today", "Sheldon Richardson", ""},
		{"an adverbial between commas", "for instance", "Jane Ogden", ""},
		{"a long clause opening with a verb", "asumiera al frente del Consejo de la Magistratura en lo que se entendió", "Horacio Rosatti", ""},
		{"a long role opening with a preposition", "de la Asamblea Permanente por los Derechos Humanos", "María Elena Naddeo", "de la Asamblea Permanente por los Derechos Humanos"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanRole(tt.role, tt.speaker); got != tt.want {
				t.Errorf("cleanRole(%q, %q) = %q, want %q", tt.role, tt.speaker, got, tt.want)
			}
		})
	}
}

func TestSpeakerClass(t *testing.T) {
	for _, tt := range []struct {
		name string
		sp   speaker
		want int
	}{
		{"a person's name", speaker{text: "Ana Lima", kind: spkName}, classPerson},
		{"an organisation", speaker{text: "Edinburgh University", kind: spkName}, classOrg},
		{"a single word no mention makes a person", speaker{text: "Cirium", kind: spkName}, classOrg},
		{"a single surname with a role", speaker{text: "Weber", role: "Bürgermeisterin", kind: spkName}, classPerson},
		{"a sentence-opening conjunction", speaker{text: "Zudem", kind: spkName}, classFragment},
		{"a capitalized pronoun", speaker{text: "Sie", kind: spkName}, classFragment},
		{"an addressee", speaker{text: "a la red Erbol", kind: spkDesc}, classOrg},
		{"a stated descriptor", speaker{text: "a Foreign Office spokesperson", kind: spkDesc}, classIndefinite},
		{"one of a group", speaker{text: "one of the organisers", kind: spkDesc}, classIndefinite},
		{"a title for a body", speaker{text: "A spokesperson for the Harbour Authority", kind: spkDesc}, classIndefinite},
		{"a definite title of a body", speaker{text: "The United Nations High Commissioner for Refugees", kind: spkDesc}, classDefinite},
		{"a work of a body", speaker{text: "a report by the Harbour Authority", kind: spkDesc}, classOrg},
		{"a definite descriptor", speaker{text: "the governor", kind: spkDesc}, classDefinite},
		{"a document", speaker{text: "the report", kind: spkDesc}, classOrg},
		{"a label", speaker{text: "WALLACE", kind: spkLabel}, classFragment},
		{"nobody", speaker{}, classNone},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakerClass(tt.sp, map[string]bool{"weber": true}); got != tt.want {
				t.Errorf("speakerClass(%q) = %d, want %d", tt.sp.text, got, tt.want)
			}
		})
	}
}

func TestParaSubject(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  string
	}{
		{"the subject of the sentence before", []string{"Lawrence Cummings, his partner, called him a master. “He showed an ability to put deals together.”"}, "Lawrence Cummings"},
		{"a person in another paragraph", []string{"Lawrence Cummings called him a master.", "“He showed an ability to put deals together.”"}, ""},
		{"an object is no subject", []string{"The board thanked Lawrence Cummings on Friday. “He showed an ability to put deals together.”"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, ms := testMentions(tt.paras...)
			var u unit
			for _, x := range s.units {
				if x.inherit {
					u = x
				}
			}
			sp, _ := paraSubject(ms, u)
			if sp.text != tt.want {
				t.Errorf("paraSubject(%q) = %q, want %q", tt.paras, sp.text, tt.want)
			}
		})
	}
}

func TestUnitConfidence(t *testing.T) {
	name := speaker{text: "Ana Lima", kind: spkName}
	for _, tt := range []struct {
		name     string
		u        unit
		min, max float64
	}{
		{"named in its own sentence", unit{spk: name, via: viaSentence}, ShowConfidence, 1},
		{"carried from the quote before, same paragraph", unit{spk: name, via: viaPrevSame}, ShowConfidence, 1},
		{"a pronoun resolved to a name in passing", unit{spk: name, via: viaPronounWeak}, 0, ShowConfidence - 0.01},
		{"an organisation", unit{spk: speaker{text: "Acme Corporation", kind: spkName}}, 0, ShowConfidence - 0.01},
		{"an unresolved definite descriptor", unit{spk: speaker{text: "the governor", kind: spkDesc}}, 0, ShowConfidence - 0.01},
		{"a stated descriptor", unit{spk: speaker{text: "a campaign spokesman", kind: spkDesc}}, ShowConfidence, 1},
		{"no speaker", unit{via: viaNone}, 0, 0.1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			u := tt.u
			if got := unitConfidence(&u, nil); got < tt.min || got > tt.max {
				t.Errorf("unitConfidence(%+v) = %.2f, want in [%.2f, %.2f]", tt.u, got, tt.min, tt.max)
			}
		})
	}
}

// testMentions collects the mentions of an article of paras.
func testMentions(paras ...string) (*scanner, []mention) {
	s := &scanner{}
	s.prepare(paras)
	for pi := range s.paras {
		s.direct(pi)
	}
	return s, s.mentions()
}

func TestFullest(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		short string
		want  string
	}{
		{"surname to the full name", []string{"Ana Beatriz Conceição runs the lab.", "Conceição said the water was rising."}, "Conceição", "Ana Beatriz Conceição"},
		{"honorific and surname", []string{"Peter Morgan of the Sierra Club was there.", "Mr. Morgan said it was fine."}, "Mr. Morgan", "Peter Morgan"},
		{"the name as first given", []string{"Donald Trump spoke first.", "Later Donald J. Trump said more.", "Trump said so."}, "Trump", "Donald Trump"},
		{"two people share the surname", []string{"Donald Trump met Melania Trump.", "Trump said so."}, "Trump", "Trump"},
		{"a word capitalized to open a sentence", []string{"Klein had written a book.", "Had Klein known, he would have said so.", "Klein said it."}, "Klein", "Klein"},
		{"no fuller name", []string{"Weber said it."}, "Weber", "Weber"},
		{"a full name with a suffix", []string{"Patrick Carlineo Jr., 55, pleaded guilty.", "Carlineo said it."}, "Carlineo", "Patrick Carlineo Jr."},
		{"a surname that is also a man's first name", []string{"Amelize Joseph said she was frustrated.", "Joseph said it."}, "Joseph", "Amelize Joseph"},
		{"a surname misspelt by a changed letter", []string{"Leslie Wimes, a caucus president, spoke.", "Wines said it."}, "Wines", "Leslie Wimes"},
		{"a surname misspelt by a dropped letter", []string{"Tyresha McClenney and Bryan Anderson went.", "McLenney said it."}, "McLenney", "Tyresha McClenney"},
		{"a short surname is no misspelling", []string{"Anne Clark spoke.", "Clarke said it."}, "Clarke", "Clarke"},
		{"two people it could misspell", []string{"Dana Meyers met Paul Meyerr.", "Meyer said it."}, "Meyer", "Meyer"},
		{"a man and a woman share the surname", []string{"Mr. Obama and the first lady, Michelle Obama, will campaign.", "President Obama said so."}, "Obama", "Obama"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, ms := testMentions(tt.paras...)
			s.common = map[string]bool{}
			for pi := range s.paras {
				for _, tk := range s.paras[pi].toks {
					if tk.kind == tWord && !tk.upper {
						s.common[tk.lower] = true
					}
				}
			}
			if got := fullest(ms, s.common, tt.short, firstGender(nameKey(tt.short))); got != tt.want {
				t.Errorf("fullest(%q) = %q, want %q", tt.short, got, tt.want)
			}
		})
	}
}

func TestDefinite(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		desc  string
		want  string // "" when it stays unresolved
	}{
		{"a title before the name", []string{"Gov. Tom Reyes signed the bill on Friday.", "The plan works, the governor said."}, "the governor", "Reyes"},
		{"two people fit", []string{"Mayor Ann Cole met Mayor Tom Reyes.", "It works, the mayor said."}, "the mayor", ""},
		{"the only person named just before", []string{"In a new book, Ezra Klein said he set out to answer a question.", "The answer, the Vox founder suggests, is polarization."}, "the Vox founder", "Ezra Klein"},
		{"a campaign is not a person", []string{"Donald Trump spoke on Friday.", "The ad airs today, the Trump campaign said."}, "the Trump campaign", ""},
		{"another title contradicts", []string{"First lady Michelle Obama spoke at the rally.", "It matters, the president said."}, "the president", ""},
		{"an unnamed man stays unnamed", []string{"Owen Dempsey said the man had improved.", "“It does not affect me,” the man wrote."}, "the man", ""},
		{"the one person of its own paragraph", []string{"Kirstie Alley has spoken about her weight.", "Professor of health psychology Jane Ogden told the show, “Shaming is wrong.” The University of Surrey expert continued."}, "the University of Surrey expert", "Jane Ogden"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, ms := testMentions(tt.paras...)
			m, ok := definite(ms, tt.desc, len(tt.paras)-1, 1<<20)
			got := ""
			if ok {
				got = m.text
			}
			if !strings.HasSuffix(got, tt.want) || (tt.want == "") != (got == "") {
				t.Errorf("definite(%q) = %q, want %q", tt.desc, got, tt.want)
			}
		})
	}
}

func TestDescFits(t *testing.T) {
	for _, tt := range []struct {
		name  string
		desc  string
		roles []string
		want  bool
	}{
		{"no stated role", "the finance minister", nil, true},
		{"the role holds the head", "the minister", []string{"Transport Minister"}, true},
		{"another position", "The finance minister", []string{"a vice-president at the insurance bureau"}, false},
		{"one of several roles fits", "the mayor", []string{"a lawyer", "the former mayor of Tromsø"}, true},
		{"a generic head", "the Oslo expert", []string{"a professor of law"}, true},
		{"a role that only says where someone works", "der Sprecher", []string{"aus der Presseabteilung der Stadt"}, true},
		{"an analyst is not the authors", "The authors", []string{"a meteorologist"}, false},
		{"a Romance head opens the phrase", "la ministra del Interior", []string{"La ministra"}, true},
		{"a Romance head of another position", "la ministra del Interior", []string{"la alcaldesa de Lima"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := descFits(tt.desc, tt.roles); got != tt.want {
				t.Errorf("descFits(%q, %q) = %v, want %v", tt.desc, tt.roles, got, tt.want)
			}
		})
	}
}

func TestOneEdit(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"wines", "wimes", true},
		{"mclenney", "mcclenney", true},
		{"mcclenney", "mclenney", true},
		{"morgan", "morgans", false},
		{"morgan", "morgan", false},
		{"clark", "clerks", false},
		{"wines", "winters", false},
		{"abe", "abed", false},
	} {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTitleOnly(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Director", true},
		{"PAHO Director", true},
		{"Prime Minister", true},
		{"Carissa F. Etienne", false},
		{"PAHO", false},
		{"Mr. Obama", false},
	} {
		if got := titleOnly(tt.in); got != tt.want {
			t.Errorf("titleOnly(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMentionAt(t *testing.T) {
	for _, tt := range []struct {
		name, para       string
		text, role       string
		person, weak, ok bool
	}{
		{"a person with an appositive role", "Laurence Tribe, a Harvard law professor, disagreed.", "Laurence Tribe", "a Harvard law professor", true, false, true},
		{"a name that speaks", "Dana Lee said the count was over.", "Dana Lee", "", true, false, true},
		{"a body after a preposition before the verb", "Dan McLaughlin at the National Review agreed with him.", "National Review", "", false, true, true},
		{"a state after a town", "Trump spoke at a conference in Herndon, Virginia on Monday.", "Virginia", "", false, false, true},
		{"a first name that is the place of a title", "As governor of Virginia he did not interfere.", "Virginia", "", false, true, true},
		{"a company after a title and of", "Michael Sims, chief executive of Ceres Robotics, said so.", "Ceres Robotics", "", false, true, true},
		{"a department after a capitalized title and of", "Pankaj Pandey, Head of Research at ICICI Securities, said so.", "Research", "", false, false, false},
		{"a first name that is a place", "Trump spoke at a conference in Virginia on Monday.", "Virginia", "", false, true, true},
		{"an appositive role without an article", "John Petrides, portfolio manager at Tocqueville Asset Management, watched the markets.", "John Petrides", "portfolio manager at Tocqueville Asset Management", true, false, true},
		{"a profession by its ending", "Dr. Owen Dempsey, a pulmonologist at the Aberdeen Royal Infirmary, took a look.", "Owen Dempsey", "a pulmonologist at the Aberdeen Royal Infirmary", true, false, true},
		{"a profession without an article", "Charles Simpson, program administrator for the Refugees in Towns Project, told the site.", "Charles Simpson", "program administrator for the Refugees in Towns Project", true, false, true},
		{"a title with of before the name", "Secretary of State John Kerry said so.", "John Kerry", "Secretary of State", true, false, true},
		{"a body's name, then the title", "Julie Graham, Washington State Department of Health public information officer, said she liked it.", "Julie Graham", "Washington State Department of Health public information officer", true, false, true},
		{"an adverb between commas is no role", "Dana Lee, however, was not convinced.", "Dana Lee", "", true, false, true},
		{"a participle clause is no role", "Dana Lee, dedicating the new Museum of Flight on Saturday, was moved.", "Dana Lee", "", true, false, true},
		{"a name as a modifier", "The Obama administration disagreed.", "Obama", "", false, true, true},
		{"an organisation", "Acme Corporation disagreed.", "", "", false, false, false},
		{"a title phrase with of before the name", "Professor of health psychology Jane Ogden told the show it was wrong.", "Jane Ogden", "Professor of health psychology", true, false, true},
		{"a name set off after its role", "In 2014 the former Chief Marketing Officer for Jenny Craig, Leesa Eichberger, spoke to Ad Age.", "Leesa Eichberger", "the former Chief Marketing Officer for Jenny Craig", true, false, true},
		{"the end of an organisation's name", "He notes that the Commission on Presidential Debates announced a fix.", "", "", false, false, false},
		{"an adjective before a plural noun is no speaker", "The website cites so many Republican claims as false.", "Republican", "", false, true, true},
		{"a name after a possessive descriptor", "His former business partner at Lenox, Lawrence B. Cummings, called him a master.", "Lawrence B. Cummings", "His former business partner at Lenox", true, false, true},
		{"a name set off after its role, after a verb", "They were told the newest 2020 Democratic presidential hopeful, Deval Patrick, would stop by.", "Deval Patrick", "the newest 2020 Democratic presidential hopeful", true, false, true},
		{"a role a copula gives", "Hege is the CEO of DH, the Spokane firm behind the campaign.", "Hege", "the CEO of DH", true, false, true},
		{"a copula with a clause is no role", "Hege was the one who said the chief left.", "Hege", "", false, false, true},
		{"a name in a list is no subject", "The panel heard the former chief executive, Leesa Eichberger, and two others.", "Leesa Eichberger", "", false, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{}
			s.prepare([]string{tt.para})
			p := &s.paras[0]
			i := 0
			for i < len(p.toks) && (p.toks[i].kind != tWord || !p.isNameTok(i) || notNames[p.toks[i].text] || orgWords[p.toks[i].text] ||
				tt.text != "" && p.toks[i].text != strings.Fields(tt.text)[0]) {
				i++
			}
			m, _, ok := p.mentionAt(i, 0, map[string]bool{})
			if ok != tt.ok || ok && (m.text != tt.text || m.role != tt.role || m.person != tt.person || m.weak != tt.weak) {
				t.Errorf("mentionAt(%q) = %+v, %v; want text %q role %q person %v weak %v, %v", tt.para, m, ok, tt.text, tt.role, tt.person, tt.weak, tt.ok)
			}
		})
	}
}

func TestHasRules(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want bool
	}{{"en", true}, {"en-GB", true}, {"", true}, {"de", true}, {"pt-BR", true}, {"ru", false}, {"zh", false}} {
		if got := hasRules(tt.lang); got != tt.want {
			t.Errorf("hasRules(%q) = %v, want %v", tt.lang, got, tt.want)
		}
	}
}

// firstQuoteEnd returns the token after the first masked quote of
// paragraph 0 of s.
func firstQuoteEnd(s *scanner) int {
	for i, t := range s.paras[0].toks {
		if t.kind == tQuote {
			return i + 1
		}
	}
	return len(s.paras[0].toks)
}

func TestPostAttr(t *testing.T) {
	for _, tt := range []struct {
		name, para string
		want       string // the speaker as printed, "" for none
		ok         bool
	}{
		{"said and a name", "“It works,” said Dana Lee.", "Dana Lee", true},
		{"revealed", "“I am very happy at 51,” Dion revealed in an interview.", "Dion", true},
		{"recollected", "“It was just like that,” she recollected.", "she", true},
		{"a text's words: it read", "“Ms. Alley attributes her weight loss to the program,” it read.", "it", true},
		{"a comment's words: read one comment", "“You look starved!” read one comment.", "one comment", true},
		{"no verb after the quote", "“Fat Actress” was a hit.", "", false},
		{"an adverb between the name and the verb", "“We messed up,” Thomas allegedly told a supervisor.", "Thomas", true},
		{"a title and a name after a number", "“They are wrong,” said 9/11 widow Terry Strada.", "Terry Strada", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{}
			s.prepare([]string{tt.para})
			sp, _, ok := s.postAttr(0, firstQuoteEnd(s), len(s.paras[0].toks))
			if ok != tt.ok || sp.text != tt.want {
				t.Errorf("postAttr(%q) = %q, %v; want %q, %v", tt.para, sp.text, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCueBefore(t *testing.T) {
	for _, tt := range []struct {
		name, para string
		want       string // the speaker as printed, "" for none
		ok         bool
	}{
		{"subject and verb", "Dana Lee said it was “a triumph.”", "Dana Lee", true},
		{"verb and speaker", "Later, said Mr. Obama: “We will win.”", "Mr. Obama", true},
		{"a reported clause's subject is no speaker", "However, 63 percent said Clinton was “justified” in keeping it private.", "", true},
		{"a pronoun opening the reported clause is no speaker", "The former first lady said it was “a mistake” to use private email.", "The former first lady", true},
		{"a person a record shows", "The spot ends with footage of Dana Lee saying during the debate, “That makes me smart,” to cheers.", "Dana Lee", true},
		{"a fronted phrase before the subject", "During a speech earlier in the day, Dana Lee attacked the plan, saying, “It is reckless and very unstable.”", "Dana Lee", true},
		{"a sentence adverb before the subject", "Meanwhile, Dana Lee attacked the plan, saying it “has failed every test.”", "Dana Lee", true},
		{"a party label and an appositive after the subject", "Attorney General Roy Cole (D), the governor's rival in the race, called for the release, saying that openness “breaks down barriers.”", "Roy Cole", true},
		{"a subject ending in a noun after and", "Lee said the spate of shootings and protests demands that all of us engage in “more listening.”", "Lee", true},
		{"a descriptor joining two titles", "On the morning show, the former secretary of state and current Democratic presidential nominee said she wanted to speak “directly to white people.”", "the former secretary of state and current Democratic presidential nominee", true},
		{"a descriptor with a first lady", "The former first lady and U.S. senator said it was “a mistake” to use private email.", "The former first lady and U.S. senator", true},
		{"a body's appositive after a person's role", "Omar Lamrani, a senior military analyst at Stratfor, the Texas-based intelligence firm, told the paper that the group was “fairly secular.”", "Omar Lamrani", true},
		{"a spokesperson for a body", "A spokesperson for the British Foreign Office reiterated that settlements “are illegal under international law.”", "A spokesperson for the British Foreign Office", true},
		{"a title holder of a body", "The United Nations High Commissioner for Human Rights said the decision did “not modify existing international law.”", "The United Nations High Commissioner for Human Rights", true},
		{"a person from a body", "David Reay from Edinburgh University likens the year to a “Hollywood movie.”", "David Reay", true},
		{"a bare plural opening the sentence is no person from a body", "Officials at Harbour Security Investigations said they were concerned that brokers “may try to hide the money.”", "Officials at Harbour Security Investigations", true},
		{"a title's place before the name", "China’s ambassador to Britain Liu Xiaoming has said that China has the “resolution and power” to end the unrest.", "Liu Xiaoming", true},
		{"a person before an age, a town and its state", "Donna Rawlings, 59, of Ashton, Md., who watched on a screen, said the day brought back “all the people who got us here.”", "Donna Rawlings", true},
		{"a body opening with a capitalized title word", "The Tax Policy Center said the plan would “depress revenue” at first.", "Tax Policy Center", true},
		{"an adverb in -ly between subject and verb", "Indeed, Dana Lee adamantly revealed to the media, “I have never felt this much in charge.”", "Dana Lee", true},
		{"a verb of talking about", "As the mayor spoke, Dana Lee went on about “the rot in the harbour.”", "Dana Lee", true},
		{"a verb of speaking of", "She spoke of “a long winter.”", "She", true},
		{"a preposition with no such verb", "The plan is about “the long run.”", "", false},
		{"a relative clause on the addressee", "Marc Morial, the league's chief, told a young woman who suggested that people may stay home that “this is not the first generation to be frustrated.”", "Marc Morial", true},
		{"a relative clause's person", "Obama has had a frosty relationship with McConnell, now the Senate majority leader, who in 2010 said the goal was to make Obama a “one-term president.”", "McConnell", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{}
			s.prepare([]string{tt.para})
			p := &s.paras[0]
			q0 := 0
			for q0 < len(p.toks) && p.toks[q0].kind != tQuote {
				q0++
			}
			sp, _, ok := s.cueBefore(0, 0, q0)
			if ok != tt.ok || sp.text != tt.want {
				t.Errorf("cueBefore(%q) = %q, %v; want %q, %v", tt.para, sp.text, ok, tt.want, tt.ok)
			}
		})
	}
}

// testQuotePara prepares one paragraph in lang and returns it with the
// index of its first quotation mark.
func testQuotePara(lang, text string) (*para, int) {
	s := &scanner{lang: lang}
	s.prepare([]string{text})
	p := &s.paras[0]
	q0 := 0
	for q0 < len(p.toks) && p.toks[q0].kind != tQuote {
		q0++
	}
	return p, q0
}

func TestFrameCueAt(t *testing.T) {
	for _, tt := range []struct{ name, para, verb, want string }{
		{"the noun phrase before the verb", "The mayor called the plan “a disgrace.”", "called", "The mayor"},
		{"no framing verb", "The mayor said the plan was “a disgrace.”", "said", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := testQuotePara("", tt.para)
			v := 0
			for v < len(p.toks) && p.toks[v].lower != tt.verb {
				v++
			}
			sp, ok := p.frameCueAt(v, 0, 0)
			if sp.text != tt.want || ok != (tt.want != "") {
				t.Errorf("frameCueAt(%q) = %q, %v; want %q", tt.para, sp.text, ok, tt.want)
			}
		})
	}
}

func TestIntlCueAt(t *testing.T) {
	for _, tt := range []struct {
		name, lang, para, at string
		kind                 int
		want                 string
	}{
		{"selon and a name", "fr", "Selon Marie Dubois, « la réforme arrive trop tard ».", "Selon", spkName, "Marie Dubois"},
		{"a verb and its subject", "de", "Anna Weber sagte: „Wir bauen weiter.“", "sagte", spkName, "Anna Weber"},
		{"a subject left out", "es", "Agregó que la decisión «no tiene vuelta atrás».", "Agregó", spkDropped, ""},
		{"an impersonal frame names no one", "de", "Weiter heißt es: „Das Projekt ruht.“", "heißt", 0, ""},
		{"no cue", "de", "Das Projekt ruht „bis auf Weiteres“.", "Projekt", -1, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, q0 := testQuotePara(tt.lang, tt.para)
			v := 0
			for v < len(p.toks) && p.toks[v].text != tt.at {
				v++
			}
			sp, _, ok := p.intlCueAt(v, 0, q0, 0)
			if tt.kind < 0 {
				if ok {
					t.Errorf("intlCueAt(%q) = %q, want no cue", tt.para, sp.text)
				}
				return
			}
			if !ok || sp.text != tt.want || sp.kind != tt.kind {
				t.Errorf("intlCueAt(%q) = %q (kind %d), %v; want %q (kind %d)", tt.para, sp.text, sp.kind, ok, tt.want, tt.kind)
			}
		})
	}
}

func TestTextSpeaker(t *testing.T) {
	for _, tt := range []struct {
		name, para string
		want       string
	}{
		{"an organisation opens the sentence", "The Harbour Authority on Monday vowed to fight what it called “a reckless plan.”", "Harbour Authority"},
		{"a statement its issuer put out", "After a short meeting, the port board issued a statement calling the fee “a clear breach of the lease.”", "the port board"},
		{"a relative opens the sentence", "My mother has mellowed, but at 86 she still says things such as, “Not everyone is meant to be equal.”", "My mother"},
		{"a relative of another gender", "My father has mellowed, but at 86 she still says things such as, “Not everyone is meant to be equal.”", "she"},
		{"a person opens the sentence", "Dana Lee on Monday vowed to fight what it called “a reckless plan.”", "it"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{}
			s.prepare([]string{tt.para})
			p := &s.paras[0]
			q0 := 0
			for q0 < len(p.toks) && p.toks[q0].kind != tQuote {
				q0++
			}
			sp, _, _ := s.cueBefore(0, 0, q0)
			if got := p.issuer(p.itSubject(sp, 0, 0), 0, 0); got.text != tt.want {
				t.Errorf("issuer(itSubject(%q)) = %q, want %q", tt.para, got.text, tt.want)
			}
		})
	}
}

func TestCueBeforeRead(t *testing.T) {
	// "read" attributes a text only after its quote: before one it is no cue
	s := &scanner{}
	s.prepare([]string{"This prevents the dreaded TypeError: Cannot read property 'foo' of null at runtime."})
	p := &s.paras[0]
	q0 := 0
	for q0 < len(p.toks) && p.toks[q0].kind != tQuote {
		q0++
	}
	if sp, _, ok := s.cueBefore(0, 0, q0); ok {
		t.Errorf("cueBefore found speaker %q before 'foo', want none", sp.text)
	}
}

func TestOpensSentence(t *testing.T) {
	for _, tt := range []struct {
		name, para, word string
		want             bool
	}{
		{"first word", "Alley can attest to this.", "Alley", true},
		{"after an interjection", "Well, Alley can attest to this.", "Alley", true},
		{"after a short time phrase", "That year, Alley spoke to the magazine.", "Alley", true},
		{"after a number", "In 2014, Alley returned.", "Alley", true},
		{"inside a clause", "The show, which Alley made, was a hit.", "Alley", false},
		{"after a show's title", "On “Face the Nation,” Sanders identified a reason.", "Sanders", true},
		{"after a quote that ends its sentence", "“These are not whistles.” Trump has record low support.", "Trump", true},
		{"after a quote that goes on", "“These are not whistles,” Trump said.", "Trump", false},
		{"after a speech verb", "He said, Alley was right.", "Alley", false},
		{"an object", "The press attacked Alley.", "Alley", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{}
			s.prepare([]string{tt.para})
			p := &s.paras[0]
			i := 0
			for i < len(p.toks) && p.toks[i].text != tt.word {
				i++
			}
			if got := p.opensSentence(i); got != tt.want {
				t.Errorf("opensSentence(%q in %q) = %v, want %v", tt.word, tt.para, got, tt.want)
			}
		})
	}
}

func TestReportedIn(t *testing.T) {
	for _, tt := range []struct {
		name, para    string
		text, speaker string // "" when no reported speech is found
	}{
		{"a description, the name between commas, then the verb", "The company’s chief executive, Mark Olsen, said the union’s demands were unrealistic.", "the union’s demands were unrealistic", "Mark Olsen"},
		{"speaker and verb at the end", "The talks will fail by the spring, the analyst said.", "The talks will fail by the spring", "the analyst"},
		{"verb and speaker at the end", "However debates are not likely to alter the campaign, noted NBC’s Dante Chinni.", "However debates are not likely to alter the campaign", "Dante Chinni"},
		{"a verb opening a clause is no attribution", "Mike O’Sullivan, a geopolitical analyst, suggests the talks will fail.", "the talks will fail", "Mike O’Sullivan"},
		{"a poll's finding is no speech", "The poll indicates a tightening race as Trump consolidates support.", "", ""},
		{"a person's finding is", "The judge found that the law was unconstitutional.", "that the law was unconstitutional", "The judge"},
		{"added with an object is no speech", "The state had added the additional week after voters faced long lines.", "", ""},
		{"agreed to do is no speech", "In the end, Patriot agreed to effectively lend Mr. Clarke $5 million.", "", ""},
		{"a relative clause's verb is no attribution", "He took over reclamation obligations from Walter Energy, another mining company that had declared bankruptcy.", "", ""},
		{"said with its own object", "But when Congress cut funding for the program two years later, Mexico said enough.", "", ""},
		{"a title with an abbreviated country before the name", "U.S. Secretary of State Mike Pompeo said on Monday that the policy had changed.", "that the policy had changed", "Mike Pompeo"},
		{"member states are no verb", "As with so much at the United Nations, the interests of member states trump everything else.", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{}
			s.prepare([]string{tt.para})
			p := &s.paras[0]
			u, ok := s.reportedIn(0, 0, len(p.toks))
			got, sp := "", ""
			if ok {
				got, sp = p.text[u.parts[0][0]:u.parts[0][1]], u.spk.text
			}
			if got != tt.text || sp != tt.speaker {
				t.Errorf("reportedIn(%q) = %q by %q, want %q by %q", tt.para, got, sp, tt.text, tt.speaker)
			}
		})
	}
}

func TestNameAtRole(t *testing.T) {
	for _, tt := range []struct {
		name, para, text, role string
	}{
		{"a title before the name", "Interior Minister Wolfgang Peschorn said so.", "Wolfgang Peschorn", "Interior Minister"},
		{"a modifier between the body and the title", "Later, Steelers defensive captain Cam Heyward did not answer.", "Cam Heyward", "Steelers defensive captain"},
		{"a hyphenated title", "Wikileaks editor-in-chief Kristinn Hrafnsson said so.", "Kristinn Hrafnsson", "Wikileaks editor-in-chief"},
		{"a capitalized title in the run", "Baark Volunteer Coordinator Bonnie Young said so.", "Bonnie Young", "Baark Volunteer Coordinator"},
		{"a verb before the title is no modifier", "Trump praised defensive captain Cam Heyward.", "Cam Heyward", "captain"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{}
			s.prepare([]string{tt.para})
			p := &s.paras[0]
			a := 0
			for a < len(p.toks) && p.toks[a].text != strings.Fields(tt.text)[0] {
				a++
			}
			sp := p.nameAt(a, p.nameRunAfter(a, len(p.toks)), 0)
			if sp.text != tt.text || sp.role != tt.role {
				t.Errorf("nameAt(%q) = %q, %q; want %q, %q", tt.para, sp.text, sp.role, tt.text, tt.role)
			}
		})
	}
}

func TestCaption(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"The protests kicked off in June (Image: GETTY )", true},
		{"Protesters marched (Photo: Reuters)", true},
		{"The bill passed (by 52 votes to 48)", false},
		{"Image: GETTY", true},
		{"© Lucy Nicholson Detainees at Otay Mesa immigration detention center.", true},
		{"Imagery from the satellite showed damage.", false},
	} {
		if got := caption(tt.in); got != tt.want {
			t.Errorf("caption(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNpAfter(t *testing.T) {
	for _, tt := range []struct {
		name, para, text, role string
	}{
		{"a name and its appositive", "said Laurence Tribe, a Harvard law professor.", "Laurence Tribe", "a Harvard law professor"},
		{"a descriptor", "said a campaign spokesman.", "a campaign spokesman", ""},
		{"a title before the name, once", "says veteran industry analyst Ken Doctor.", "Ken Doctor", "veteran industry analyst"},
		{"a who clause that states a position", "said Takeshi Mori, who chairs the assembly’s transport committee.", "Takeshi Mori", "who chairs the assembly’s transport committee"},
		{"a long who clause with two positions", "said Ada Okafor, who runs a bakery in Enugu State and chairs the market-traders committee of the Enugu Chamber of Commerce and Industry.", "Ada Okafor", "who runs a bakery in Enugu State and chairs the market-traders committee of the Enugu Chamber of Commerce and Industry"},
		{"a who clause that tells an event is no role", "said Fiona Hill, who will testify Thursday.", "Fiona Hill", ""},
		{"a preposition after the verb names no speaker", "announced in October, said Derek Scissors.", "", ""},
		{"a work's author", "according to a 2018 survey by Penelope Muse Abernathy of the University of North Carolina, the firm cut staff.", "Penelope Muse Abernathy", "the University of North Carolina"},
		{"an organisation joined by of and and", "according to the Bureau of Fisheries and Forestry.", "the Bureau of Fisheries and Forestry", ""},
		{"an organisation led by a place", "according to the Lakeland Regional Tourism Board.", "the Lakeland Regional Tourism Board", ""},
		{"an organisation without its article", "according to Harbour Water and Power Company.", "Harbour Water and Power Company", ""},
		{"a particle that is also a first name stays inside the name", "said Khalid Al Suwaidi, executive director of planning at the utility.", "Khalid Al Suwaidi", "executive director of planning at the utility"},
		{"a body's lowercase name joined by and", "according to the city’s housing and planning department.", "the city’s housing and planning department", ""},
		{"and opening a second clause ends the descriptor", "said a union official and the talks ended.", "a union official", ""},
		{"a person of an organisation", "said Tomas Berg of the Institute for Coastal Studies.", "Tomas Berg", ""},
		{"a bare title, then its organisation", "said Ravi Menon, Director, Harbour Securities.", "Ravi Menon", "Director, Harbour Securities"},
		{"a title, then a clause is not its organisation", "said Ravi Menon, director, Harbour Securities said.", "Ravi Menon", "director"},
		{"a capitalized title phrase after the name", "said Nora Quist, Research and Policy Director for Europe at Harbour Watch.", "Nora Quist", "Research and Policy Director for Europe at Harbour Watch"},
		{"a title for a body", "said a spokesperson for the Harbour Authority.", "a spokesperson for the Harbour Authority", ""},
		{"a description, then the name after a comma", "said the company’s lawyer, Maria Chen.", "Maria Chen", "the company’s lawyer"},
		{"a description, then a lone word after a comma is no name", "said the company’s lawyer, Chen.", "the company’s lawyer", ""},
		{"an organisation before a title is no speaker", "said the Harbour Authority spokesman Tomas Berg.", "Tomas Berg", "the Harbour Authority spokesman"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{}
			s.prepare([]string{tt.para})
			p := &s.paras[0]
			a := 1
			if p.toks[0].lower == "according" {
				a = 2
			}
			sp, _, ok := p.npAfter(a, len(p.toks), 0)
			if ok != (tt.text != "") || sp.text != tt.text || sp.role != tt.role {
				t.Errorf("npAfter(%q) = %q, %q, %v; want %q, %q", tt.para, sp.text, sp.role, ok, tt.text, tt.role)
			}
		})
	}
}

// testPara prepares one paragraph and returns it with the index of the
// first token after the first comma (-1 when none).
func testPara(text string) (*para, int) {
	s := &scanner{}
	s.prepare([]string{text})
	p := &s.paras[0]
	for i := range p.toks {
		if p.isPunct(i, ",") {
			return p, i
		}
	}
	return p, -1
}

func TestWhoRole(t *testing.T) {
	for _, tt := range []struct{ name, para, want string }{
		{"a position", "Mori, who chairs the transport committee, said.", "who chairs the transport committee"},
		{"over a parenthesis", "Lesya Koval, who runs Світло (Svitlo), said.", "who runs Світло (Svitlo)"},
		{"an event is no role", "Fiona Hill, who will testify Thursday.", ""},
		{"no who clause", "Mori, a historian, said.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, c := testPara(tt.para)
			got, ok := p.whoRole(c, len(p.toks))
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("whoRole(%q) = %q, %v; want %q", tt.para, got, ok, tt.want)
			}
		})
	}
}

func TestAppositiveAfter(t *testing.T) {
	for _, tt := range []struct{ name, para, want string }{
		{"a noun phrase", "Tribe, a Harvard law professor, said.", "a Harvard law professor"},
		{"stops at a who clause", "Tribe, a historian who attended the session, said.", "a historian"},
		{"a bare title and its organisation", "Menon, Director, Harbour Securities.", "Director, Harbour Securities"},
		{"an age, then the role", "Iyer, 34, a nurse who lives on the street, said.", "a nurse"},
		{"an age, then a home town: the age alone, which cleanRole drops", "Rawlings, 59, of Ashton, said.", "59"},
		{"a speech verb opens none", "Tribe, said the report.", ""},
		{"a who clause is another stage", "Tribe, who teaches law, said.", ""},
		{"and opens none", "Tribe, and the others.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, c := testPara(tt.para)
			got, _, ok := p.appositiveAfter(c, len(p.toks))
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("appositiveAfter(%q) = %q, %v; want %q", tt.para, got, ok, tt.want)
			}
		})
	}
}

func TestDescEnd(t *testing.T) {
	for _, tt := range []struct{ name, para, want string }{
		{"stops at a relative pronoun", "a spokesman who declined", "a spokesman"},
		{"stops at a speech verb", "the minister said", "the minister"},
		{"over a slash", "9/11 widow Terry Strada", "9/11 widow Terry Strada"},
		{"a body joined by and", "the state’s environment and infrastructure secretariat", "the state’s environment and infrastructure secretariat"},
		{"at most eight tokens", "a b c d e f g h i j", "a b c d e f g h"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := testPara(tt.para)
			if got := p.span(0, p.descEnd(0, len(p.toks))); got != tt.want {
				t.Errorf("descEnd(%q) spans %q, want %q", tt.para, got, tt.want)
			}
		})
	}
}

func TestSkipParens(t *testing.T) {
	for _, tt := range []struct{ para, want string }{
		{"Baldwin (D-Wis.) said", "said"},
		{"Baldwin said", "said"},
		{"Baldwin (a long aside that never closes in time", "("},
	} {
		p, _ := testPara(tt.para)
		if got := p.toks[p.skipParens(1, len(p.toks))].text; got != tt.want {
			t.Errorf("skipParens(%q) stops at %q, want %q", tt.para, got, tt.want)
		}
	}
}

func TestFindSegmentsLeftOpen(t *testing.T) {
	// two paragraphs a text joined into one: the first quote was left open
	// at its paragraph's end, the second opens afresh
	p := "“It’s a dog whistle,” Rep. Gwen Moore said. “If indeed he is not legitimate, how can you feel good. “I have been thinking,” added Rep. Jim Clyburn."
	segs := findSegments(p, false)
	var got []string
	for _, sg := range segs {
		got = append(got, p[sg.in0:sg.in1])
	}
	want := []string{"It’s a dog whistle,", "If indeed he is not legitimate, how can you feel good.", "I have been thinking,"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("findSegments(%q) = %q, want %q", p, got, want)
	}
}

func TestFindSegmentsDoubledSingles(t *testing.T) {
	// ‘‘ and ’’ typed for “ and ”, as some wire copy does
	for _, tt := range []struct{ p, want string }{
		{"“It was an attempt to mislead voters,’’ Tom Hale told the BBC. “And it is wrong.”", "It was an attempt to mislead voters,|And it is wrong."},
		{"‘‘We will appeal,’’ the mayor said.", "We will appeal,"},
		{"The players’ union’s chief said ‘no’ twice.", "no"},
	} {
		var got []string
		for _, sg := range findSegments(tt.p, false) {
			got = append(got, tt.p[sg.in0:sg.in1])
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("findSegments(%q) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestFullerRole(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Disney’s chairman of direct-to-consumer and international", "Walt Disney Co. executive", true},
		{"Walt Disney Co. executive", "Disney’s chairman of direct-to-consumer and international", false},
		{"who will chair the panel next year", "Interior Minister", false},
		{"a resident of the town for forty years", "Mayor", false},
		{"an atmospheric physicist who led the study", "an atmospheric physicist", true},
	} {
		if got := fullerRole(tt.a, tt.b); got != tt.want {
			t.Errorf("fullerRole(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestVerbForm(t *testing.T) {
	for _, tt := range []struct {
		para, word string
		want       bool
	}{
		{"Trump tweets about the debate every day.", "tweets", true},
		{"He is continuing his series of early-morning tweets in which he called her names.", "tweets", false},
		{"Some 32% of Republican claims were false.", "claims", false},
	} {
		s := &scanner{}
		s.prepare([]string{tt.para})
		p := &s.paras[0]
		i := 0
		for i < len(p.toks) && p.toks[i].lower != tt.word {
			i++
		}
		if got := p.verbForm(i); got != tt.want {
			t.Errorf("verbForm(%q in %q) = %v, want %v", tt.word, tt.para, got, tt.want)
		}
	}
}

func TestTokenizeInWordMarks(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"a combining accent", "Jose\u0301 Ruiz said", []string{"Jose\u0301", "Ruiz", "said"}},
		{"mis-decoded text", "Fran\u00c3\u0083\u00c2\u00a7ois Hollande said", []string{"Fran\u00c3\u0083\u00c2\u00a7ois", "Hollande", "said"}},
		{"guillemets stay marks", "Ana dijo «sí»", []string{"Ana", "dijo", ""}},
		{"a Spanish question", "Ana:¿Qué?", []string{"Ana", ":", "¿", "Qué", "?"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := &para{text: tt.text, segs: findSegments(tt.text, false)}
			p.tokenize()
			var got []string
			for _, tk := range p.toks {
				got = append(got, tk.text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	for in, want := range map[string]string{
		"Ana Lima":              "lima",
		"James P. Kennedy Jr.":  "kennedy",
		"Patrick Carlineo, Jr.": "carlineo",
		"Henry Ford II":         "ford",
		"Kennedy's":             "kennedy",
		"Jr.":                   "jr",
	} {
		if got := nameKey(in); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIntlAfterStages(t *testing.T) {
	for _, tt := range []struct {
		name, lang, para string
		text, role       string
	}{
		{"a pronoun", "de", "sagte sie am Montag.", "sie", ""},
		{"an aside before the name", "es", "lamenta, por su parte, Iris Avellaneda.", "Iris Avellaneda", ""},
		{"an adverb before the descriptor", "de", "sagt auch der Sprecher der Stadt.", "der Sprecher der Stadt", ""},
		{"a name after its title", "es", "dijo el senador Rick Scott en la radio.", "Rick Scott", "el senador"},
		{"a genitive noun is no name", "de", "sagte ein Anwalt der Kanzlei Höcker.", "ein Anwalt der Kanzlei Höcker", ""},
		{"the head of a research group", "de", "schreiben die Forscher um Aneta Afelt.", "Aneta Afelt", ""},
		{"a name after the descriptor and a comma", "es", "afirmó el titular de la DRELM, Luis Quintanilla.", "Luis Quintanilla", "el titular de la DRELM"},
		{"over an acronym in parentheses", "de", "sagte der Sprecher der Schutzvereinigung (DSW), Jürgen Kurz.", "Jürgen Kurz", "der Sprecher der Schutzvereinigung (DSW)"},
		{"a surname with its particle", "fr", "a dit de Villiers.", "de Villiers", ""},
		{"an addressee is no speaker", "es", "dijo a la red Erbol.", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &scanner{lang: tt.lang}
			s.prepare([]string{tt.para})
			p := &s.paras[0]
			j := 1
			if tt.lang == "fr" && p.toks[1].lower == "dit" {
				j = 2
			}
			sp, _, ok := p.intlAfter(j, len(p.toks), 0)
			if ok != (tt.text != "") || sp.text != tt.text || sp.role != tt.role {
				t.Errorf("intlAfter(%q) = %q, %q, %v; want %q, %q", tt.para, sp.text, sp.role, ok, tt.text, tt.role)
			}
		})
	}
}

func TestTokenizeThousands(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"More than 2,000 residents said it.", "2,000"},
		{"Prices rose 1,5 percent.", "1"},
		{"In 2019, 300 people came.", "2019"},
		{"It cost 12,345,678 dollars.", "12,345,678"},
	} {
		p, _ := testPara(tt.text)
		got := ""
		for _, tk := range p.toks {
			if tk.kind == tWord && tk.text[0] >= '0' && tk.text[0] <= '9' {
				got = tk.text
				break
			}
		}
		if got != tt.want {
			t.Errorf("first number of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}
