package quote_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/quote"
)

func art(paras ...string) *article.Article { return &article.Article{Paragraphs: paras} }

// want is one expected quote: its text, speaker, role and kind.
type want struct{ text, speaker, role, kind string }

// checkScan scans an article of paras and compares the quotes with want.
func checkScan(t *testing.T, paras []string, want []want) {
	t.Helper()
	got := quote.Scan(art(paras...))
	if len(got) != len(want) {
		t.Fatalf("Scan(%q) = %d quotes %+v, want %d", paras, len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || g.Speaker != w.speaker || g.Role != w.role || g.Kind != w.kind {
			t.Errorf("quote %d = {%q, %q, %q, %q}, want {%q, %q, %q, %q}",
				i, g.Text, g.Speaker, g.Role, g.Kind, w.text, w.speaker, w.role, w.kind)
		}
	}
}

func TestScanHeadlineAndNotes(t *testing.T) {
	a := &article.Article{Title: "Trump ‘The Dealmaker’ Could Address Clean Energy", Paragraphs: []string{
		"Trump ‘The Dealmaker’ Could Address Clean Energy.",
		"CLARIFICATION: The first sentence has been clarified to reflect the call.",
		"“We will see,” said Dana Lee.",
	}}
	got := quote.Scan(a)
	if len(got) != 1 || got[0].Speaker != "Dana Lee" {
		t.Errorf("Scan = %+v, want only Dana Lee's quote", got)
	}
}

func TestScan(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name:  "speaker after the quote",
			paras: []string{"“The harbour will flood again,” said Mike O’Sullivan, a geopolitical analyst."},
			want:  []want{{"The harbour will flood again", "Mike O’Sullivan", "a geopolitical analyst", "direct"}},
		},
		{
			name: "an age descriptor is the person named just before",
			paras: []string{
				"Scott Sinclair is on loan from the city club until the summer.",
				"The 26-year-old, who has scored three goals in 10 games, said: “I feel at home here, it is a great club.”",
			},
			want: []want{{"I feel at home here, it is a great club.", "Scott Sinclair", "", "direct"}},
		},
		{
			name: "comments a person received are not theirs",
			paras: []string{
				"“I train four times a week,” Dion told the magazine.",
				"When the star posted photos of the gala, she received comments including “Eat something please, you look ill” and worse.",
			},
			want: []want{{"I train four times a week", "Dion", "", "direct"}},
		},
		{
			name: "a party and a title abbreviation as a definite descriptor",
			paras: []string{
				"Conservative MP Sir John Hayes urged caution.",
				"“We should not get ahead of ourselves,” the Conservative MP said.",
			},
			want: []want{{"We should not get ahead of ourselves", "Sir John Hayes", "Conservative MP", "direct"}},
		},
		{
			name: "the researcher for the one scientist named before",
			paras: []string{
				"Maria Gonzalez, an epidemiologist at the state university, has studied the outbreak for months.",
				"“The numbers are rising faster than we expected,” the researcher said.",
			},
			want: []want{{"The numbers are rising faster than we expected", "Maria Gonzalez", "an epidemiologist at the state university", "direct"}},
		},
		{
			name: "a profession of the arts before a name is the role; a sentence adverb is no one",
			paras: []string{
				"The story of how Oscar-winning actress Mary Steenburgen came to co-write the song began ten years ago.",
				"Famously, the singer performed the ballad on the soundtrack of a blockbuster.",
				"“I felt strange as soon as the anesthesia started to wear off,” Steenburgen said.",
			},
			want: []want{{"I felt strange as soon as the anesthesia started to wear off", "Mary Steenburgen", "Oscar-winning actress", "direct"}},
		},
		{
			name: "the statement speaks for whoever issued it",
			paras: []string{
				"On Monday, Harbour Records issued a statement after the singer scolded the label.",
				"“Recording artists do not need label approval for live performances,” the statement continued.",
			},
			want: []want{{"Recording artists do not need label approval for live performances", "Harbour Records", "", "direct"}},
		},
		{
			name:  "a journal a study appeared in is not its author",
			paras: []string{"The authors of the research published in the journal Harbour Medicine argued that the rise was “a potential public health concern.”"},
			want:  []want{{"that the rise was “a potential public health concern.”", "The authors of the research", "", "mixed"}},
		},
		{
			name: "a group's descriptor for the body of that group named before",
			paras: []string{
				"More than 2,000 physicians, organized by the group Doctors for Camp Closure, wrote to the agency on Monday.",
				"“We implore you to allow our volunteer physicians to hold a clinic,” the physicians stated in the letter.",
			},
			want: []want{{"We implore you to allow our volunteer physicians to hold a clinic", "Doctors for Camp Closure", "", "direct"}},
		},
		{
			name:  "titles, a name and a long appositive with places before the verb",
			paras: []string{"The moon's plumes seem to be real.", "\"Liquid water is somewhat hard to find beyond Earth,\" study lead author Lucas Paganini, a planetary scientist at the Goddard Space Flight Center in Greenbelt, Maryland, and American University in Washington, D.C., said in a statement."},
			want:  []want{{"Liquid water is somewhat hard to find beyond Earth", "Lucas Paganini", "a planetary scientist at the Goddard Space Flight Center in Greenbelt", "direct"}},
		},
		{
			name:  "an age before the name and a home after it",
			paras: []string{"“Two months after the onset of the symptoms, I was unable to stand,” wrote 43-year-old Martin Taylor of Aberdeenshire, Scotland, in a case study."},
			want:  []want{{"Two months after the onset of the symptoms, I was unable to stand", "Martin Taylor", "", "direct"}},
		},
		{
			name: "a plural title before a list of names is one title for each",
			paras: []string{
				"Founding members Tom Johnston, Michael McDonald and Pat Simmons will reunite for a tour.",
				"“We're truly excited about our anniversary tour,” Johnston said.",
			},
			want: []want{{"We're truly excited about our anniversary tour", "Tom Johnston", "Founding member", "direct"}},
		},
		{
			name:  "speaker with appositive before the verb",
			paras: []string{"\"We were never told,\" Dr. Sarah Johnson, a professor of International Relations, said on Monday."},
			want:  []want{{"We were never told", "Dr. Sarah Johnson", "a professor of International Relations", "direct"}},
		},
		{
			name: "a document's words are nobody's, not the previous speaker's",
			paras: []string{
				"Lead plaintiff Marina Abramyan claimed that the products were “neither certified nor effective.”",
				"“Ms. Alley attributes her weight loss to the program,” it read.",
			},
			want: []want{
				{"that the products were “neither certified nor effective.”", "Marina Abramyan", "", "mixed"},
				{"Ms. Alley attributes her weight loss to the program", "", "", "direct"},
			},
		},
		{
			name: "a question's attribution goes on past a comma",
			paras: []string{
				"Donald Trump spoke last.",
				"“Who would have believed it?” Trump said, looking out on the cheering crowd.",
			},
			want: []want{{"Who would have believed it?", "Donald Trump", "", "direct"}},
		},
		{
			name: "a quote after reported speech that names its speaker last",
			paras: []string{
				"The administration may be reluctant to act while talks go on, Schiff said. “The other factor is the appearance.”",
			},
			want: []want{
				{"The administration may be reluctant to act while talks go on", "Schiff", "", "reported"},
				{"The other factor is the appearance.", "Schiff", "", "direct"},
			},
		},
		{
			name:  "a title before the name outranks a who clause",
			paras: []string{"“The house should send a signal,” Interior Minister Wolfgang Peschorn, who serves in a provisional government, said in the statement."},
			want:  []want{{"The house should send a signal", "Wolfgang Peschorn", "Interior Minister", "direct"}},
		},
		{
			name: "a quote runs on past photo captions",
			paras: []string{
				"Cheuk Hau-yip, the district commander, said: “These rioters are also criminals.",
				"The protests kicked off in June (Image: GETTY )",
				"“Other than coming out to surrender, I see no option for them.”",
			},
			want: []want{{"These rioters are also criminals. … Other than coming out to surrender, I see no option for them.", "Cheuk Hau-yip", "the district commander", "direct"}},
		},
		{
			name:  "an attribution whose role ends the sentence",
			paras: []string{`The answers are "not meeting the demand," says Paul Rieckhoff, founder and CEO of Iraq and Afghanistan Veterans of America. "We often compare it to the early days of the AIDS crisis."`},
			want: []want{
				{`The answers are "not meeting the demand,"`, "Paul Rieckhoff", "founder and CEO of Iraq and Afghanistan Veterans of America", "mixed"},
				{"We often compare it to the early days of the AIDS crisis.", "Paul Rieckhoff", "founder and CEO of Iraq and Afghanistan Veterans of America", "direct"},
			},
		},
		{
			name: "it: the organisation that spoke just before",
			paras: []string{
				"“His company was left holding debt,” the Times wrote.",
				"“But since then, his fortunes have changed,” it further wrote.",
				"“It is a lot,” it added.",
			},
			want: []want{
				{"His company was left holding debt", "Times", "", "direct"},
				{"But since then, his fortunes have changed", "Times", "", "direct"},
				{"It is a lot", "Times", "", "direct"},
			},
		},
		{
			name: "after a colon, the attribution after the quote",
			paras: []string{
				"The statement also referenced the impact it said Clinton would have: “Her fight has opened the door for women,” the union wrote.",
			},
			want: []want{{"Her fight has opened the door for women", "the union", "", "direct"}},
		},
		{
			name: "the fuller of two titles the article gives",
			paras: []string{
				"Walt Disney Co. executive Kevin Mayer said demand caused the problems.",
				"“We had some issues,” Mayer, Disney’s chairman of direct-to-consumer and international, said Tuesday.",
				"“Not everyone will succeed,” Mayer said.",
			},
			want: []want{
				{"demand caused the problems", "Kevin Mayer", "Walt Disney Co. executive", "reported"},
				{"We had some issues", "Kevin Mayer", "Disney’s chairman of direct-to-consumer and international", "direct"},
				{"Not everyone will succeed", "Kevin Mayer", "Disney’s chairman of direct-to-consumer and international", "direct"},
			},
		},
		{
			name: "a noun of speech introduces the next paragraph",
			paras: []string{
				"On July 6, 2015, Sanders made the following comment:",
				"“For young people who have graduated high school, the unemployment rate is 33 percent.”",
			},
			want: []want{{"For young people who have graduated high school, the unemployment rate is 33 percent.", "Sanders", "", "direct"}},
		},
		{
			name: "a person a who clause dwells on takes the pronoun",
			paras: []string{
				"“Some would lose,” said Lily Batchelder, a former tax aide.",
				"It has become an issue, with Hillary Clinton — who has called for tax hikes on the rich — lambasting the plan.",
				"“Slashing taxes on the wealthy has not worked,” she said in the first debate.",
			},
			want: []want{
				{"Some would lose", "Lily Batchelder", "a former tax aide", "direct"},
				{"Slashing taxes on the wealthy has not worked", "Hillary Clinton", "", "direct"},
			},
		},
		{
			name: "the speaker named again keeps the pronoun",
			paras: []string{
				"“It is a long fight,” Mr. Obama said.",
				"John Kerry, who negotiated the deal, was in the room.",
				"Mr. Obama immersed himself in the literature. “The charts are terrifying,” he said.",
			},
			want: []want{
				{"It is a long fight", "Mr. Obama", "", "direct"},
				{"The charts are terrifying", "Mr. Obama", "", "direct"},
			},
		},
		{
			name:  "split quote is one quote",
			paras: []string{"“The money is there,” she said. “The will is not.”"},
			want:  []want{{"The money is there … The will is not.", "", "", "direct"}},
		},
		{
			name: "pronoun resolved to the nearest compatible name",
			paras: []string{
				"Mayor Linda Park met Governor Tom Reyes on Friday.",
				"“We agreed on nothing,” she said.",
			},
			want: []want{{"We agreed on nothing", "Linda Park", "Mayor", "direct"}},
		},
		{
			name: "role kept with a later mention",
			paras: []string{
				"Mike O’Sullivan, a geopolitical analyst, suggests the talks will fail.",
				"“Nobody trusts the other side,” O’Sullivan said.",
			},
			want: []want{
				{"the talks will fail", "Mike O’Sullivan", "a geopolitical analyst", "reported"},
				{"Nobody trusts the other side", "Mike O’Sullivan", "a geopolitical analyst", "direct"},
			},
		},
		{
			name:  "descriptive speaker kept as written",
			paras: []string{"“We will appeal,” a campaign spokesman said."},
			want:  []want{{"We will appeal", "a campaign spokesman", "", "direct"}},
		},
		{
			name:  "speaker introduces the quote",
			paras: []string{"The minister told reporters: «Nous ne reculerons pas devant la crise.»"},
			want:  []want{{"Nous ne reculerons pas devant la crise.", "The minister", "", "direct"}},
		},
		{
			name:  "German quotation marks",
			paras: []string{"„Wir haben keine Zeit mehr“, sagte Anna Weber, die Bürgermeisterin. Then she left."},
			want:  []want{{"Wir haben keine Zeit mehr", "Anna Weber", "die Bürgermeisterin", "direct"}},
		},
		{
			name:  "mixed quote",
			paras: []string{"Senator Ruth Adams said the bill was “dead on arrival” in the Senate."},
			want:  []want{{"the bill was “dead on arrival” in the Senate", "Ruth Adams", "Senator", "mixed"}},
		},
		{
			name:  "scare quotes and titles are skipped",
			paras: []string{"The so-called “reform” was mocked on “The Late Show” last night."},
			want:  nil,
		},
		{
			name:  "period inside a quote does not cut off its attribution",
			paras: []string{"“Prices rose 4.5 percent. Wages did not.” Economist Raj Patel said."},
			want:  []want{{"Prices rose 4.5 percent. Wages did not.", "Raj Patel", "Economist", "direct"}},
		},
		{
			name: "quote running on into the next paragraph is one quote",
			paras: []string{
				"Chief Ana Ruiz said: “We found the van at dawn.",
				"“It was empty.”",
				"“Nobody saw the driver,” Ruiz added.",
			},
			want: []want{
				{"We found the van at dawn. … It was empty.", "Ana Ruiz", "Chief", "direct"},
				{"Nobody saw the driver", "Ana Ruiz", "Chief", "direct"},
			},
		},
		{
			name:  "interview label: in quotation marks only after an opening mark",
			paras: []string{"HOLT: Do you accept the result?", "\"CARTER: I accept nothing yet."},
			want: []want{
				{"Do you accept the result?", "HOLT", "", "reported"},
				{"I accept nothing yet.", "CARTER", "", "direct"},
			},
		},
		{
			name:  "according to",
			paras: []string{"The dam was built without permits, according to the state auditor."},
			want:  []want{{"The dam was built without permits", "the state auditor", "", "reported"}},
		},
		{
			name:  "reported speech with that",
			paras: []string{"Police Chief Dan Morrow said that the road would stay closed until Monday."},
			want:  []want{{"that the road would stay closed until Monday", "Dan Morrow", "Police Chief", "reported"}},
		},
		{
			name:  "a clause before the verb is no speaker; a day after the verb is no quote",
			paras: []string{"Mayor Ann Cole said Friday that she thinks the report should be published but said “the timing is wrong.”"},
			want:  []want{{"that she thinks the report should be published but said “the timing is wrong.”", "Ann Cole", "Mayor", "mixed"}},
		},
		{
			name:  "descriptive speaker ending in a number",
			paras: []string{"“We will rebuild,” the 40-year-old mother of three replied."},
			want:  []want{{"We will rebuild", "the 40-year-old mother of three", "", "direct"}},
		},
		{
			name:  "a mixed quote ends before a contrasting clause",
			paras: []string{"Senator Ruth Adams said the ban was “long overdue,” while critics called it a gift to lobbyists."},
			want:  []want{{"the ban was “long overdue,”", "Ruth Adams", "Senator", "mixed"}},
		},
		{
			name:  "a mixed quote ends before a second verb; a capitalized noun is no verb",
			paras: []string{"The envoy, Li Wei, said the United States would take “firm steps” in response and warned against further tests."},
			want:  []want{{"the United States would take “firm steps” in response", "Li Wei", "The envoy", "mixed"}},
		},
		{
			name:  "a noun after a possessive is no speech verb",
			paras: []string{"Carla Diaz, a union organizer, called the mayor’s remarks on Monday “a slap in the face” to workers."},
			want:  []want{{"the mayor’s remarks on Monday “a slap in the face” to workers", "Carla Diaz", "a union organizer", "mixed"}},
		},
		{
			name:  "inverted attribution opening the sentence",
			paras: []string{"Said Ann Moore: “I don’t see any interest in reform.”"},
			want:  []want{{"I don’t see any interest in reform.", "Ann Moore", "", "direct"}},
		},
		{
			name:  "a quote resumed in lowercase after its attribution is one quote",
			paras: []string{"“Every time the council delays,” Okafor said, pointing at the map, “another street floods.”"},
			want:  []want{{"Every time the council delays … another street floods.", "Okafor", "", "direct"}},
		},
		{
			name:  "a participle after the attribution opens a mixed quote of the same speaker",
			paras: []string{"“We do not see a link to the storm,” the engineer said, adding that it would take “several more days” before the cause is known."},
			want: []want{
				{"We do not see a link to the storm", "the engineer", "", "direct"},
				{"that it would take “several more days” before the cause is known", "the engineer", "", "mixed"},
			},
		},
		{
			name:  "a title inside the attribution does not split the quote",
			paras: []string{"“The plan is dead. Nobody wants it,” Rivera said on NPR’s “Morning Edition.” “We start again.”"},
			want:  []want{{"The plan is dead. Nobody wants it … We start again.", "Rivera", "", "direct"}},
		},
		{
			name:  "reported speech around its attribution is one statement",
			paras: []string{"If the talks fail, Ms. Okoro said, the border will close within a week."},
			want:  []want{{"If the talks fail … the border will close within a week", "Ms. Okoro", "", "reported"}},
		},
		{
			name:  "a participle after the attribution is not the statement",
			paras: []string{"The harbour flooded twice, the engineer said, adding more pumps to the list."},
			want:  []want{{"The harbour flooded twice", "the engineer", "", "reported"}},
		},
		{
			name: "a pronoun refers to the last speaker, not to a name in passing",
			paras: []string{
				"“We will need a plan,” said Tom Hale, the party chairman.",
				"The decision could help loyalists of Mark Stone and David Park, the rival candidates.",
				"“This is a different time,” he said.",
			},
			want: []want{
				{"We will need a plan", "Tom Hale", "the party chairman", "direct"},
				{"This is a different time", "Tom Hale", "the party chairman", "direct"},
			},
		},
		{
			name:  "a hometown appositive is no speaker",
			paras: []string{"Ray Cole, of Dayton, Ohio, said he had served “for the nation’s rights.”"},
			want:  []want{{"he had served “for the nation’s rights.”", "Ray Cole", "", "mixed"}},
		},
		{
			name:  "the name after a title phrase is the speaker",
			paras: []string{"Democratic presidential nominee Jane Ortiz weighed in, saying the videos should be released “without delay.”"},
			want:  []want{{"the videos should be released “without delay.”", "Jane Ortiz", "Democratic presidential nominee", "mixed"}},
		},
		{
			name:  "a dateline is no antecedent",
			paras: []string{"BRISTOL, England — The mayor was silent.", "“Nobody told us,” she said."},
			want:  []want{{"Nobody told us", "", "", "direct"}},
		},
		{
			name:  "words after the quote make it mixed; a possessive phrase is a speaker",
			paras: []string{"Mayor Ann Cole’s office said that “no decision” had been taken on the bridge."},
			want:  []want{{"that “no decision” had been taken on the bridge", "Mayor Ann Cole’s office", "", "mixed"}},
		},
		{
			name:  "the speaker before a relative pronoun",
			paras: []string{"Officials said the van belonged to the Harbor Authority, which reported “a serious breach” in the fence."},
			want:  []want{{"“a serious breach” in the fence", "Harbor Authority", "", "mixed"}},
		},
		{
			name:  "two coordinated verbs make two mixed quotes",
			paras: []string{"Senator Lee called the deal “a disgrace” and urged colleagues to “vote it down” next week."},
			want: []want{
				{"the deal “a disgrace”", "Lee", "Senator", "mixed"},
				{"colleagues to “vote it down” next week", "Lee", "Senator", "mixed"},
			},
		},
		{
			name:  "a capitalized noun in the appositive is no verb",
			paras: []string{"“The plan is dead,” Ana Ruiz, a former United States envoy to Chile, said of the talks. “Nobody wants it.”"},
			want:  []want{{"The plan is dead … Nobody wants it.", "Ana Ruiz", "a former United States envoy to Chile", "direct"}},
		},
		{
			name:  "a later quote-only sentence goes on with the quote attributed in its paragraph",
			paras: []string{"“We talked about the harbour,” Mayor Ruth Ode said after the meeting. She did not take questions. “The money is there now.”"},
			want:  []want{{"We talked about the harbour … The money is there now.", "Ruth Ode", "Mayor", "direct"}},
		},
		{
			name:  "a participle after a trailing attribution",
			paras: []string{"“Nobody was squeezed” to hit the targets, Ana Bell said, pointing to the audit."},
			want:  []want{{"“Nobody was squeezed” to hit the targets", "Ana Bell", "", "mixed"}},
		},
		{
			name:  "an opening adverbial is not the statement",
			paras: []string{"In a letter to members last week, Ms. Adams wrote, the council had run out of money."},
			want:  []want{{"the council had run out of money", "Ms. Adams", "", "reported"}},
		},
		{
			name:  "plural 'states' is no reporting verb",
			paras: []string{"Turnout in several swing states may be decisive, the report warned."},
			want:  []want{{"Turnout in several swing states may be decisive", "the report", "", "reported"}},
		},
		{
			name:  "a relative clause holds no speaker",
			paras: []string{"The fund, which advocates say is underfunded, was cut again."},
			want:  nil,
		},
		{
			name:  "the addressee of 'asked' is no speaker; the clause subject is",
			paras: []string{"Scott beamed and asked the crowd to welcome the governor — “my new best friend.”"},
			want:  []want{{"the crowd to welcome the governor — “my new best friend.”", "Scott", "", "mixed"}},
		},
		{
			name:  "a prepositional object is no speaker",
			paras: []string{"Protesters marching through the streets chanted “No more delays!”"},
			want:  []want{{"No more delays!", "Protesters", "", "direct"}},
		},
		{
			name:  "a name after an outlet's possessive",
			paras: []string{"“Debates rarely move polls,” noted NBC’s Dana Lee."},
			want:  []want{{"Debates rarely move polls", "Dana Lee", "NBC’s", "direct"}},
		},
		{
			name:  "a description with a preposition before the name",
			paras: []string{"A lawyer for the families, Tom Reed, said the city had “no excuse” for the delay."},
			want:  []want{{"the city had “no excuse” for the delay", "Tom Reed", "A lawyer for the families", "mixed"}},
		},
		{
			name:  "'continued to' is no speech verb",
			paras: []string{"The group continued to call for “a full inquiry” into the fire."},
			want:  nil,
		},
		{
			name:  "the addressee and time after 'told' are not the statement; an adverb and participle end it",
			paras: []string{"The mayor told residents on Monday she would call the flooding “a national emergency” if the rain continued, implicitly blaming the province."},
			want:  []want{{"she would call the flooding “a national emergency” if the rain continued", "The mayor", "", "mixed"}},
		},
		{
			name:  "the occasion after the quote is not the statement",
			paras: []string{"Governor Ray Hill criticized the plan as a “reckless gamble” during a stop in Leeds."},
			want:  []want{{"the plan as a “reckless gamble”", "Ray Hill", "Governor", "mixed"}},
		},
		{
			name:  "'including' carries the statement on",
			paras: []string{"Ann Roy said that “the river still decides too much” in the valley, including where people can build."},
			want:  []want{{"that “the river still decides too much” in the valley, including where people can build", "Ann Roy", "", "mixed"}},
		},
		{
			name:  "a lowercase word in quotes inside a relative clause does not continue the quote",
			paras: []string{"“Every month someone waits is a month lost,” said Oksana Melnyk, who runs Svitlo, a charity whose name means “light”, from a former school."},
			want:  []want{{"Every month someone waits is a month lost", "Oksana Melnyk", "who runs Svitlo", "direct"}},
		},
		{
			name:  "dash attribution",
			paras: []string{"“We need the bridge more than ever.” ― Maria Lopez"},
			want:  []want{{"We need the bridge more than ever.", "Maria Lopez", "", "direct"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkScan(t, tt.paras, tt.want)
		})
	}
}

// TestScanVerbatim checks that every quote found passes the faithfulness
// check unchanged.
func TestScanVerbatim(t *testing.T) {
	a := art(
		"“It’s finished,” she said of the vote, and then: “In my head, anyway.”",
		"Officials said the count would resume on Monday, according to a statement.",
		"''This isn't reform,'' said Alan Reed, an economist at the institute. ''It's a tax increase.''",
	)
	qs := quote.Scan(a)
	if len(qs) == 0 {
		t.Fatal("Scan found no quotes")
	}
	d := &summarize.Digest{Quotes: append([]summarize.Quote(nil), qs...)}
	summarize.VerifyQuotes(a, d)
	if len(d.Quotes) != len(qs) {
		t.Errorf("VerifyQuotes kept %d of %d quotes: %q", len(d.Quotes), len(qs), d.Warnings)
	}
	for _, q := range d.Quotes {
		if q.Status != "verified" {
			t.Errorf("quote %q status = %q, want verified", q.Text, q.Status)
		}
	}
}

func FuzzScan(f *testing.F) {
	f.Add("“A,” he said. “B.”\n\nSaid Mr. X: «C»")
	f.Add("\"\"\"''``‘’„“‹›")
	f.Add("WALLACE: x\n\n\"unclosed\n\n“")
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := article.FromText(s)
		if err != nil {
			return
		}
		qs := quote.Scan(a)
		d := &summarize.Digest{Quotes: append([]summarize.Quote(nil), qs...)}
		summarize.VerifyQuotes(a, d)
		for _, q := range qs {
			if !utf8.ValidString(q.Text) && utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 in quote %q", q.Text)
			}
			if strings.TrimSpace(q.Text) == "" {
				t.Errorf("empty quote text from %q", s)
			}
			if q.Paragraph < 0 || q.Paragraph >= len(a.Paragraphs) {
				t.Errorf("paragraph %d out of range", q.Paragraph)
			}
		}
		if utf8.ValidString(s) && len(d.Quotes) != len(qs) {
			t.Errorf("scanned quotes not verbatim: %q", d.Warnings)
		}
	})
}

// TestScanAttribution checks the attribution rules of the harm
// classes: no speaker carried across a new attribution, a verbless
// appositive after a quote, full names for surnames.
func TestScanAttribution(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name: "a new name between two quotes stops the carry",
			paras: []string{
				"“Wages have not kept up,” said Ana Lima, the union’s leader.",
				"Tom Hale, who speaks for the employers, disagreed on Monday.",
				"“Pay rose faster than prices this year.”",
			},
			want: []want{
				{"Wages have not kept up", "Ana Lima", "the union’s leader", "direct"},
				{"Pay rose faster than prices this year.", "", "", "direct"},
			},
		},
		{
			name:  "a long adjunct with commas before a whole sentence in marks",
			paras: []string{`Dana Ruiz, a planner in Ohio, wrote on her blog Save Early, Spend Late, "Start with what you spend in a month, not with what you earn."`},
			want:  []want{{"Start with what you spend in a month, not with what you earn.", "Dana Ruiz", "a planner in Ohio", "direct"}},
		},
		{
			name: "a lone name that looks male but takes she",
			paras: []string{
				"Lena Brandt, the defendant's lawyer, told reporters that her client never meant to hurt Omar.",
				"“He regrets what he said,” she said in an email.",
				`Omar asked the court for mercy in a letter posted on Tuesday, saying she did not think a long sentence would help. She added, "We must teach the defendant love."`,
			},
			want: []want{
				{"that her client never meant to hurt Omar", "Lena Brandt", "the defendant's lawyer", "reported"},
				{"He regrets what he said", "Lena Brandt", "the defendant's lawyer", "direct"},
				{"We must teach the defendant love.", "Omar", "", "direct"},
			},
		},
		{
			name:  "the firm completing a title is no person a pronoun points to",
			paras: []string{"Ruth Okoye, chief executive of Orbit Foundry, said her firm had a place in the programme. “Small companies bring speed to the mix,” she said."},
			want: []want{
				{"her firm had a place in the programme", "Ruth Okoye", "chief executive of Orbit Foundry", "reported"},
				{"Small companies bring speed to the mix", "Ruth Okoye", "chief executive of Orbit Foundry", "direct"},
			},
		},
		{
			name:  "a profession stated at the first mention, in a sentence without a quote",
			paras: []string{`When Dr. Ines Duarte, a pulmonologist at the Harbour Infirmary, saw the scan, she ordered more tests. "It happens more than we think," Duarte said.`},
			want:  []want{{"It happens more than we think", "Dr. Ines Duarte", "a pulmonologist at the Harbour Infirmary", "direct"}},
		},
		{
			name:  "coordinated titles before the name",
			paras: []string{"“Sales were below our plan,” chairman, CEO and president Ada Okafor said on Tuesday."},
			want:  []want{{"Sales were below our plan", "Ada Okafor", "chairman, CEO and president", "direct"}},
		},
		{
			name:  "a generational suffix does not hide the surname",
			paras: []string{"James P. Kennedy Jr., the district's federal prosecutor, spoke after the hearing.", "“Threats are not speech,” Kennedy said."},
			want:  []want{{"Threats are not speech", "James P. Kennedy Jr.", "the district's federal prosecutor", "direct"}},
		},
		{
			name:  "a spokesperson for a body speaks, not the body",
			paras: []string{`A spokesperson for the Harbour Authority said: "The pier stays closed until the survey is done."`},
			want:  []want{{"The pier stays closed until the survey is done.", "A spokesperson for the Harbour Authority", "", "direct"}},
		},
		{
			name:  "a firm's appositive inside a person's appositive",
			paras: []string{`Lena Brandt, a senior analyst at Norvik, the Oslo-based risk consultancy, told reporters on Friday, "The port will not reopen before spring."`},
			want:  []want{{"The port will not reopen before spring.", "Lena Brandt", "a senior analyst at Norvik", "direct"}},
		},
		{
			name:  "a verb conjoined inside a clause with its own subject",
			paras: []string{"Mayor Tom Reyes described Senator Ana Lima as “reckless” after she opposed the levee bill and blamed the floods on “bad luck” in a radio interview."},
			want: []want{
				{"Senator Ana Lima as “reckless” after she opposed the levee bill", "Tom Reyes", "Mayor", "mixed"},
				{"the floods on “bad luck” in a radio interview", "Ana Lima", "Senator", "mixed"},
			},
		},
		{
			name:  "a nickname in marks inside the name, a party label and a title after a descriptor",
			paras: []string{`"The river is rising fast!" The mayor's sister, state Del. Rosa "Ro" Alvarez (D-Tacoma), shouted to the crowd. "Move your cars."`},
			want:  []want{{"The river is rising fast! … Move your cars.", `Rosa "Ro" Alvarez`, "state Del.", "direct"}},
		},
		{
			name:  "an exclamation, then the speaker and where it was said",
			paras: []string{"“Not one more tree!” Jo Hart said to the crowd on Sunday."},
			want:  []want{{"Not one more tree!", "Jo Hart", "", "direct"}},
		},
		{
			name:  "a question, then a sentence of its own",
			paras: []string{"“Why now?” Jo Hart said the plan had been ready for a year."},
			want:  []want{{"the plan had been ready for a year", "Jo Hart", "", "reported"}},
		},
		{
			name:  "a line signed after a second quote on it",
			paras: []string{"“The buses never come on time.” ― Ana Ruiz\n“He talks about roads. My mother used to say ‘talk is cheap.” And that is all it is, “talk’.” ― Rosa Lind."},
			want: []want{
				{"The buses never come on time.", "Ana Ruiz", "", "direct"},
				{"He talks about roads. My mother used to say ‘talk is cheap.", "Rosa Lind", "", "direct"},
				{"And that is all it is, “talk’.”", "Rosa Lind", "", "mixed"},
			},
		},
		{
			name:  "a new speaker talking about quoted words after the first quote",
			paras: []string{"“Are we there yet?” she asked, but Tom was asleep, and as Dana Lee went on about “the rot in the harbour” and “our empty docks,” Ana nodded."},
			want: []want{
				{"Are we there yet?", "", "", "direct"}, // "she" has no one to stand for
				{"the rot in the harbour … our empty docks", "Dana Lee", "", "direct"},
			},
		},
		{
			name: "a pronoun skips a person of unknown gender outside the subject",
			paras: []string{
				"Ana Ruiz has faced criticism over the dams. She has taken a new role as water minister.",
				"Ruiz recently set up a commission, overseen by former U.N. secretary general Kofi Mensah, to study the floods.",
				"“Water means peace, because people fight over rivers,” she said.",
			},
			want: []want{{"Water means peace, because people fight over rivers", "Ana Ruiz", "", "direct"}},
		},
		{
			name:  "an abbreviated title inside the name run",
			paras: []string{"“We are not going anywhere,” Harbour FC DL Tam Oduya said on Tuesday."},
			want:  []want{{"We are not going anywhere", "Tam Oduya", "Harbour FC DL", "direct"}},
		},
		{
			name:  "a person a record shows, and the occasion after the quote",
			paras: []string{"The spot ends with footage of Dana Lee saying during the debate, “That makes me smart,” when Ana Ruiz pressed him on taxes."},
			want:  []want{{"That makes me smart", "Dana Lee", "", "direct"}},
		},
		{
			name:  "a short sentence after a noun of speech and a colon",
			paras: []string{"With Democratic leaders increasingly worried about a lack of passion for the party among young black voters, Mayor Dana Lee is rolling out a new and more personal campaign message: “It's about me.”"},
			want:  []want{{"It's about me.", "Dana Lee", "Mayor", "direct"}},
		},
		{
			name:  "a conjoined verb introducing the quote",
			paras: []string{"Ana Ruiz can be heard on the tape. She then urges her son to step back and repeatedly says, “Don't you do it,” until the shots ring out."},
			want:  []want{{"Don't you do it", "Ana Ruiz", "", "direct"}},
		},
		{
			name:  "a show's title in marks before the attributed quote",
			paras: []string{`In an interview on WKRP's "Morning Call," Mayor Dana Lee said the floods and the fires demand that every resident engage in "more planning" and "more saving."`},
			want:  []want{{`the floods and the fires demand that every resident engage in "more planning" and "more saving."`, "Dana Lee", "Mayor", "mixed"}},
		},
		{
			name:  "a bare title and its firm after the name",
			paras: []string{"“We expect broader markets to do better,” said Ana Rao, Director, Harbour Securities."},
			want:  []want{{"We expect broader markets to do better", "Ana Rao", "Director, Harbour Securities", "direct"}},
		},
		{
			name: "a surname that is also a first name tells no gender",
			paras: []string{
				"Rep. Ilhan Omar received the threat in March. Tom Hale, the caller's lawyer, said he regretted it.",
				"Omar asked for compassion in a letter posted on Tuesday. She added, “We must teach the defendant love.”",
			},
			want: []want{
				{"We must teach the defendant love.", "Ilhan Omar", "Rep.", "direct"},
			},
		},
		{
			name:  "a capitalized title phrase after the name",
			paras: []string{"“The crackdown must end now,” said Ana Rao, Research and Advocacy Director for Southern Africa at Rights Watch."},
			want:  []want{{"The crackdown must end now", "Ana Rao", "Research and Advocacy Director for Southern Africa at Rights Watch", "direct"}},
		},
		{
			name:  "two right single marks closing a double quote",
			paras: []string{"“It was an attempt to mislead voters,’’ Ana Rao, chief executive of the fact-checking site Fair Count, told the BBC."},
			want:  []want{{"It was an attempt to mislead voters", "Ana Rao", "chief executive of the fact-checking site Fair Count", "direct"}},
		},
		{
			name: "reported speech naming its speaker first lends them to the quote opening the next paragraph",
			paras: []string{
				"Chief negotiator Sami Haddad said the move was meant to force the talks to an end.",
				"“They wanted us on our knees. We stand tall.”",
			},
			want: []want{
				{"the move was meant to force the talks to an end", "Sami Haddad", "Chief negotiator", "reported"},
				{"They wanted us on our knees. We stand tall.", "Sami Haddad", "Chief negotiator", "direct"},
			},
		},
		{
			name: "not when another sentence follows the reported speech",
			paras: []string{
				"Chief negotiator Sami Haddad said the move was meant to force the talks to an end. The embassy was closed on Monday.",
				"“They wanted us on our knees. We stand tall.”",
			},
			want: []want{
				{"the move was meant to force the talks to an end", "Sami Haddad", "Chief negotiator", "reported"},
				{"They wanted us on our knees. We stand tall.", "", "", "direct"},
			},
		},
		{
			name:  "two reported clauses with two speakers",
			paras: []string{"Mayor Dana Lee stressed that the repairs were not finished, and tenant groups warned that the city was losing its leverage over the builder."},
			want: []want{
				{"that the repairs were not finished", "Dana Lee", "Mayor", "reported"},
				{"that the city was losing its leverage over the builder", "tenant groups", "", "reported"},
			},
		},
		{
			name:  "a verbless appositive after the quote",
			paras: []string{"“Our agents continue to patrol the coast,” Augusto Reyes, Director of the Caribbean Air Branch."},
			want:  []want{{"Our agents continue to patrol the coast", "Augusto Reyes", "Director of the Caribbean Air Branch", "direct"}},
		},
		{
			name: "a title standing for the person named with it",
			paras: []string{
				"The risk is real, warns Pan American Health Organization (PAHO) Director Carissa F. Etienne.",
				"Cases are rising, and the Director noted that “we have seen this wave before.”",
			},
			want: []want{{"we have seen this wave before.", "Carissa F. Etienne", "Pan American Health Organization (PAHO) Director", "direct"}},
		},
		{
			name: "a surname that is also a title",
			paras: []string{
				"Howard Dean, a former party chairman, posted on Monday.",
				"“Something funny was going on last night,” Dean said.",
			},
			want: []want{{"Something funny was going on last night", "Howard Dean", "a former party chairman", "direct"}},
		},
		{
			name:  "a sentence quoted after a comma and a verb the lexicon lacks",
			paras: []string{"Kirstie Alley went on, “I also remember that I owed the IRS a lot of money.”"},
			want:  []want{{"I also remember that I owed the IRS a lot of money.", "Kirstie Alley", "", "direct"}},
		},
		{
			name: "what follows 'titled' is no quote",
			paras: []string{
				"In an article titled ‘The EU is cheating with numbers and stealing our future’, Greta Thunberg states the following:",
				"“The belief that real climate action is being taken is one of our greatest threats.”",
			},
			want: []want{{"The belief that real climate action is being taken is one of our greatest threats.", "Greta Thunberg", "", "direct"}},
		},
		{
			name:  "a title after a comma stays no quote",
			paras: []string{"The banner read, “Welcome Home Troops”"},
			want:  []want{},
		},
		{
			name: "a descriptor subject starts a new attribution for the pronoun after it",
			paras: []string{
				"“The harbour dues will double by spring,” said Pieter Olsen, the director of the shipping council.",
				"The transport minister said the dues would be capped at 10%. “No ferry line will close because of this rule,” she said on Tuesday.",
			},
			want: []want{
				{"The harbour dues will double by spring", "Pieter Olsen", "the director of the shipping council", "direct"},
				{"the dues would be capped at 10%", "The transport minister", "", "reported"},
				{"No ferry line will close because of this rule", "The transport minister", "", "direct"},
			},
		},
		{
			name: "a descriptor still resolves to the person whose role it names",
			paras: []string{
				"Transport Minister Hanna Virtanen presented the rule in parliament.",
				"The minister said the dues would be capped at 10%. “No ferry line will close,” she said.",
			},
			want: []want{
				{"the dues would be capped at 10%", "Hanna Virtanen", "Transport Minister", "reported"},
				{"No ferry line will close", "Hanna Virtanen", "Transport Minister", "direct"},
			},
		},
		{
			name: "an organisation before its speech verb is taken whole",
			paras: []string{
				"The new quotas cut the autumn catch by a fifth, the Ministry of Fisheries and Forestry said on Monday.",
			},
			want: []want{{"The new quotas cut the autumn catch by a fifth", "the Ministry of Fisheries and Forestry", "", "reported"}},
		},
		{
			name: "an organisation after according to is taken whole, not the place named before",
			paras: []string{
				"Storms in Northern Norway closed three ports this week.",
				"Insured losses from the storms reached $1.2 billion, according to the Finance Association of Norway.",
			},
			want: []want{{"Insured losses from the storms reached $1.2 billion", "the Finance Association of Norway", "", "reported"}},
		},
		{
			name: "a place after in is where the speakers are, not a speaker",
			paras: []string{
				"Regulators in neighbouring Estonia said the two banks had missed the reporting deadline by a month.",
			},
			want: []want{{"the two banks had missed the reporting deadline by a month", "Regulators", "", "reported"}},
		},
		{
			name: "a term named in the press is no quote",
			paras: []string{
				"Venice has struggled with queues, noise and rising rents, problems summed up in Italian papers as “overtourism”.",
			},
			want: nil,
		},
		{
			name: "a person's words after as stay a quote",
			paras: []string{
				"Mayor Lia Conti described the day-tripper fee as “a fair price”.",
			},
			want: []want{{"the day-tripper fee as “a fair price”", "Lia Conti", "Mayor", "mixed"}},
		},
		{
			name: "a surname resolved to the full name",
			paras: []string{
				"Nadia Mohamed won the race for mayor on Tuesday.",
				"“This is the second time I’m making history,” Mohamed said.",
			},
			want: []want{{"This is the second time I’m making history", "Nadia Mohamed", "", "direct"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) { checkScan(t, tt.paras, tt.want) })
	}
}

// TestScanInterviewAnswer checks that a quote answering the article's own
// question belongs to the person the headline names, and to nobody when
// the headline names no one.
func TestScanInterviewAnswer(t *testing.T) {
	paras := []string{
		"Rosa Marin is a software engineer in Lisbon. She builds flight software.",
		"What does leadership mean to you?",
		"“Leadership is making room for the people around you to do their best work.”",
	}
	for _, tt := range []struct{ title, want string }{
		{"Leader spotlight: Rosa Marin", "Rosa Marin"},
		{"Leader spotlight", ""},
	} {
		got := quote.Scan(&article.Article{Title: tt.title, Paragraphs: paras})
		if len(got) != 1 || got[0].Speaker != tt.want {
			t.Errorf("Scan(title %q) = %+v, want one quote by %q", tt.title, got, tt.want)
		}
	}
}

// TestScanLanguageWithoutRules checks that an article in a language the
// scanner has no attribution rules for shows no speaker: the attribution
// the English rules read with confidence stays below quote.ShowConfidence
// once the article is tagged Russian.
func TestScanLanguageWithoutRules(t *testing.T) {
	paras := []string{"“We will not retreat,” said Ivan Petrov, the finance minister."}
	for _, tt := range []struct {
		lang  string
		shown bool
	}{{"en", true}, {"ru", false}} {
		qs := quote.Scan(&article.Article{Language: tt.lang, Paragraphs: paras})
		if len(qs) != 1 || qs[0].Speaker != "Ivan Petrov" {
			t.Fatalf("Scan(%s) = %+v, want one quote by Ivan Petrov", tt.lang, qs)
		}
		if got := qs[0].Confidence >= quote.ShowConfidence; got != tt.shown {
			t.Errorf("Scan(%s) confidence %.2f: shown = %v, want %v", tt.lang, qs[0].Confidence, got, tt.shown)
		}
	}
}
