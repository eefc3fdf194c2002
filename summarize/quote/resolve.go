package quote

import (
	"strings"
	"unicode"
)

// mention is a capitalized name in the article's own (unquoted) text.
type mention struct {
	para, tok int
	text      string
	key       string // lowercase last word: the surname
	gender    int
	role      string
	person    bool
	weak      bool // after a preposition, possessive, or a modifier: an unlikely antecedent
	strong    bool // the subject of its sentence, or next to a speech verb: a salient antecedent
	lead      bool // opens its sentence, so its first word may be capitalized only for that
	capsNouns bool // in a language that capitalizes every noun (German): a run of capitals may be no name
	inPhrase  bool // after a preposition in a French, German or Spanish article: never a subject
}

// prepositions before a name make it an unlikely antecedent of a subject
// pronoun.
var prepositions = set(`in at from with to for of against by about on over than like
between into toward towards under after before near outside inside across via
including among behind beside besides during through upon without within versus vs`)

// clauseWords may stand before a subject.
var clauseWords = set(`and but or so while when as because although though since if
that whether where after before until once then also meanwhile however`)

// subjectPosition reports whether the name [a, e) stands where a subject
// or a speaker stands: at the start of a clause, after a title, or next to
// a speech verb.
func (p *para) subjectPosition(a, e int) bool {
	if w, ok := p.word(e); ok && (speechVerbs[w.lower] || reportVerbs[w.lower]) && p.verbForm(e) {
		return true
	}
	// step back over a title before the name: "Sen.", "press secretary"
	if ts, ok := p.titleBefore(a, 0); ok {
		a = ts
	}
	if a == 0 {
		return true
	}
	t := p.toks[a-1]
	switch t.kind {
	case tQuote, tPunct:
		return true
	}
	return clauseWords[t.lower] || speechVerbs[t.lower] || t.upper && p.notName(t.text) || p.lang != "" && intlClauseWords[t.lower]
}

// dateline reports whether the name [a, e) is the dateline opening a
// paragraph: "CHARLOTTE, N.C. — …", "WASHINGTON (AP) —".
func (p *para) dateline(a, e int) bool {
	if a != 0 {
		return false
	}
	t := p.toks[a]
	if t.text != strings.ToUpper(t.text) || len(t.text) < 3 {
		return false
	}
	return p.isPunct(e, ",(—–-")
}

// opensSentence reports whether token i, with any title before it, opens
// its sentence, after nothing but punctuation and a conjunction or
// adverb: "Smith …", "But Smith …", "Then Sen. Smith …".
func (p *para) opensSentence(i int) bool {
	if ts, ok := p.titleBefore(i, 0); ok {
		i = ts
	}
	for j := i - 1; j >= 0; j-- {
		t := p.toks[j]
		switch t.kind {
		case tQuote:
			// a title after an opening preposition: "On “Face the
			// Nation,” Sen. Bernie Sanders …"
			if w, ok := p.word(j - 1); ok && w.upper && prepositions[w.lower] && p.opensSentence(j-1) {
				return true
			}
			// after a quote that ends its sentence: “These are howls.”
			// Trump has record low support …
			return j == i-1 && p.quoteEndsSentence(t.seg) && !p.speaksAfter(p.nameRunAfter(i, len(p.toks)))
		case tPunct:
			switch t.text {
			case ".", "!", "?", ";", ":":
				return !p.isNameTok(j)
			case "(", "—", "–", "\"", "“", "‘", "'":
				continue
			case ",":
				// "Well, Alley can attest", "That year, Alley spoke"
				if k := p.introPhrase(j); k >= 0 {
					j = k
					continue
				}
			}
			return false
		}
		if !clauseWords[t.lower] && !verbAdverbs[t.lower] && !(t.upper && p.notName(t.text)) && !(p.lang != "" && intlClauseWords[t.lower]) {
			return false
		}
	}
	return true
}

// introPhrase returns where a short introductory phrase ending at the
// comma c starts, when it opens its sentence and holds no verb of
// saying: "Well,", "That year,", "In 2014,", "For instance,"; -1 when
// there is none.
func (p *para) introPhrase(c int) int {
	k := c - 1
	for ; k >= 0 && k > c-5; k-- {
		t := p.toks[k]
		if t.kind != tWord || speechVerbs[t.lower] || reportVerbs[t.lower] {
			break
		}
	}
	if k == c-1 {
		return -1
	}
	if k >= 0 && !p.isPunct(k, ".!?;:") {
		return -1
	}
	if w, _ := p.word(k + 1); !w.upper {
		return -1
	}
	return k + 1
}

// modifierNouns after a name make it a modifier: "the Obama administration".
var modifierNouns = set(`administration campaign supporters voters aides team camp
foundation era presidency allies critics rally rallies voters fans loyalists
surrogates advisers staff transition organization plan plans policy policies proposal`)

// nameKey returns the key that the mentions of one person share: the
// lowercase surname, without a possessive or a generational suffix.
func nameKey(s string) string {
	s = strings.TrimSpace(s)
	for {
		// "James P. Kennedy Jr." is Kennedy
		i := strings.LastIndexAny(s, " \t\n")
		if i < 0 || !nameSuffixes[strings.ToLower(strings.Trim(s[i+1:], ".,"))] {
			break
		}
		s = strings.TrimRight(s[:i], " ,")
	}
	if i := strings.LastIndexAny(s, " \t\n"); i >= 0 {
		s = s[i+1:]
	}
	if s == "" {
		return ""
	}
	k := strings.ToLower(strings.Trim(s, ".,"))
	k = strings.TrimSuffix(strings.TrimSuffix(k, "'s"), "’s")
	return k
}

// nameSuffixes follow a surname: "Kennedy Jr.", "Henry Ford II".
var nameSuffixes = set("jr sr ii iii iv")

// mentions collects the names in the article, marking those that are
// people: a known first name, an honorific or title, a role, or a name
// that speaks. Pronouns and other mentions of a surname then lend the
// names their gender and personhood (see shareMentions).
func (s *scanner) mentions() []mention {
	var ms []mention
	speakers := map[string]bool{}
	for _, u := range s.units {
		if u.spk.kind == spkName && !isOrg(u.spk.text) {
			speakers[nameKey(u.spk.text)] = true
		}
	}
	for pi := range s.paras {
		p := &s.paras[pi]
		for i := 0; i < len(p.toks); i++ {
			if p.toks[i].kind != tWord || !p.isNameTok(i) {
				continue
			}
			m, e, ok := p.mentionAt(i, pi, speakers)
			if e > i {
				i = e - 1
			}
			if ok {
				ms = append(ms, m)
			}
		}
	}
	s.shareMentions(ms)
	return ms
}

// deFusedArticles are German prepositions fused with an article: a lone
// capitalized word after them is a noun ("Am Abend", "zum Beispiel").
var deFusedArticles = set("am im beim vom zum zur ins ans")

// deShares name a share of a group, whose genitive noun after them is the
// group and no one's name: "38 Prozent der Befragten", "die Mehrheit der
// Deutschen".
var deShares = set("prozent prozentpunkte mehrheit minderheit hälfte drittel viertel teil großteil")

// deArticleNoun reports whether text, one capitalized word after the
// lowercase article w, is a thing and no one: "die Erfahrung", "das
// Buch"; not a body's acronym ("der AStA") nor a person noun ("eine
// Nutzerin", "der Sprecher").
func deArticleNoun(w token, text string) bool {
	if w.upper || !intlArticles[w.lower] {
		return false
	}
	l := strings.ToLower(text)
	caps := 0
	for _, r := range text {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps == 1 && !deAgentNoun(l) && !compoundTitle(l) && !intlPersonHeads[l] && !intlGenericHeads[l] && firstGender(l) == genderUnknown
}

// deNounAt reports whether sp, read in a German article, is one
// capitalized word that is a noun and no one's name: after a fused
// article ("Am Abend") or as the group of a share ("38 Prozent der
// Befragten").
func (p *para) deNounAt(sp speaker) bool {
	if p.lang != "de" || strings.Contains(sp.text, " ") {
		return false
	}
	w, ok := p.word(sp.tok - 1)
	if !ok {
		return false
	}
	if deFusedArticles[w.lower] {
		return true
	}
	if deArticleNoun(w, sp.text) {
		return true
	}
	if w.lower != "der" && w.lower != "des" {
		return false
	}
	sh, ok := p.word(sp.tok - 2)
	return ok && (deShares[sh.lower] || strings.Trim(sh.lower, "0123456789,.%") == "")
}

// mentionAt reads the name run starting at token i of paragraph pi as a
// mention. It returns the mention, the token after the run, and whether
// the run is a name at all (not an organisation, a dateline or a word
// that only starts sentences).
func (p *para) mentionAt(i, pi int, speakers map[string]bool) (mention, int, bool) {
	e := p.nameRunAfter(i, len(p.toks))
	if e <= i {
		return mention{}, e, false
	}
	poss := false
	if t, ok := p.word(e); ok && t.upper && (strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s")) {
		poss = true
		e++
	}
	sp := p.nameAt(i, e, pi)
	if poss {
		sp.text = strings.TrimSuffix(strings.TrimSuffix(sp.text, "'s"), "’s")
	}
	if sp.text == "" || p.notName(sp.text) || isOrg(sp.text) || p.dateline(i, e) || p.orgTail(i) || p.intlNoPerson(sp.text) || ofTitle(sp.role) || p.deNounAt(sp) {
		return mention{}, e, false
	}
	m := mention{para: pi, tok: sp.tok, text: sp.text, key: nameKey(sp.text), gender: sp.gender, role: sp.role, capsNouns: p.lang == "de"}
	m.weak = poss || !p.subjectPosition(sp.tok, e)
	m.lead = p.opensSentence(sp.tok) && sp.tok == i
	m.strong = !m.weak && p.opensSentence(i)
	modifier := false
	if w, ok := p.word(e); ok && !w.upper && (titleWords[w.lower] || modifierNouns[w.lower]) {
		// "the Obama administration"
		modifier, m.weak = true, true
		m.role = ""
	}
	if r := p.appositiveRole(e, sp.tok, pi); r != "" {
		m.role = r
	} else if r := p.copulaRole(e); r != "" && m.role == "" {
		m.role = r // "Hege is the CEO of DH, the Spokane firm behind …"
	}
	if r := p.descBeforeName(sp.tok, e); r != "" && !modifier {
		// "the former chief marketing officer for Jenny Craig, Leesa
		// Eichberger, spoke": the subject, with the role before it
		m.role, m.weak, m.strong = r, false, true
	}
	if m.role == "" && p.lang != "" {
		m.role = p.intlRole(sp.tok, e)
	}
	if m.gender == genderUnknown && p.lang != "" {
		m.gender = roleGender(m.role) // "die stellvertretende Leiterin", "la ministra"
	}
	if g := p.dislocated(e); g != genderUnknown && m.gender == genderUnknown {
		m.gender, m.strong, m.weak = g, true, false // "Soona, elle, n’a pas changé": a woman, the subject
	}
	if p.isPunct(e, ",—–") {
		if w, ok := p.word(e + 1); ok && (w.lower == "who" || w.lower == "who's" || w.lower == "who’s") && !modifier {
			// "with Hillary Clinton — who's called for big tax hikes —
			// lambasting Trump's plan": a person the sentence dwells on
			m.weak, m.strong = false, true
		}
	}
	verb := p.speaksAfter(e)
	if k := sp.tok - 1; verb && p.lang == "" && (p.isWordIn(k, prepositions) || p.isWordIn(k, set("the")) && p.isWordIn(k-1, prepositions)) && !p.isWordIn(k, set("to")) {
		// "Dan McLaughlin at the National Review agreed": the verb is
		// the subject's, not the body's after the preposition
		verb, m.weak = false, true
	}
	if w, ok := p.word(sp.tok - 1); ok && p.lang != "" && (intlPrepositions[w.lower] || dePhraseWords[w.lower] && !intlArticles[w.lower] || w.lower == "von" || w.lower == "vom") {
		m.weak, m.strong, m.inPhrase = true, false, true // "Von Leon bis Santiago", "Mit Anna": no subject
	}
	if k := min(i, sp.tok) - 1; p.lang != "" && sp.tok > i && p.isArticleAt(k) {
		// "In Anlehnung an den Soziologen Hartmut Rosa fragte er": a
		// preposition, an article and a title before the name
		if w, ok := p.word(k - 1); ok && !w.upper && (intlPrepositions[w.lower] || dePhraseWords[w.lower] || w.lower == "an" || w.lower == "de" || w.lower == "à") {
			m.weak, m.strong, m.inPhrase = true, false, true
		}
	}
	if p.lang == "de" && e-sp.tok == 1 && p.nounAfterModifier(sp.tok) {
		// "Auf weitere Nachfrage sagt …": a noun, no name
		verb, m.weak, m.strong = false, true, false
	}
	if verb && !m.inPhrase {
		m.strong = !modifier
	}
	m.person = !modifier && (speakers[m.key] || verb || (m.role != "" || m.gender != genderUnknown) && !p.placeName(sp.tok, e))
	return m, e, true
}

// isArticleAt reports whether token k is a lowercase article.
func (p *para) isArticleAt(k int) bool {
	w, ok := p.word(k)
	return ok && !w.upper && p.isArticle(w.lower)
}

// placeName reports whether the name [a, e) reads as a place or a body,
// never a person: after a title and "of" or "at" ("governor of
// Virginia", "chief executive of Ceres Robotics"), or, one word, after a
// preposition of place ("in Virginia", "at Chelsea") or after a place
// and a comma ("in Herndon, Virginia").
func (p *para) placeName(a, e int) bool {
	if w, ok := p.word(a - 1); ok && (w.lower == "of" || w.lower == "at") && !w.upper && p.isTitleTok(a-2) {
		return true // "governor of Virginia", "chief executive of Ceres Robotics"
	}
	if e-a != 1 {
		return false
	}
	if w, ok := p.word(a - 1); ok && !w.upper && placePrepositions[w.lower] {
		return true
	}
	if !p.isPunct(a-1, ",") || !p.isNameTok(a-2) {
		return false
	}
	s := p.nameRunBefore(a-2, 0)
	w, ok := p.word(s - 1)
	return ok && !w.upper && prepositions[w.lower]
}

// isTitleTok reports whether token i is a title word, capitalized or not:
// "Head" in "Head of Research".
func (p *para) isTitleTok(i int) bool {
	w, ok := p.word(i)
	return ok && titleWords[w.lower]
}

// placePrepositions stand before a place: "in Virginia".
var placePrepositions = set("in at near across throughout outside inside")

// genderedHere reports whether mention m's gender comes from the words
// around it rather than from its name: "Mrs." or a gendered title just
// before it.
func (s *scanner) genderedHere(m mention) bool {
	p := &s.paras[m.para]
	k := m.tok - 1
	if p.isPunct(k, ".") {
		k--
	}
	w, ok := p.word(k)
	if !ok {
		return false
	}
	g, h := honorifics[w.lower]
	return h && g != genderUnknown
}

// copulaRole returns the role a sentence gives the name ending at e with
// "is" or "was": "Hege is the CEO of DH, …" gives "the CEO of DH"; ""
// when the phrase holds no title.
func (p *para) copulaRole(e int) string {
	w, ok := p.word(e)
	if !ok || w.lower != "is" && w.lower != "was" {
		return ""
	}
	d, ok := p.word(e + 1)
	if !ok || d.lower != "the" && d.lower != "a" && d.lower != "an" {
		return ""
	}
	j := e + 2
	title := false
	for j < len(p.toks) && j < e+12 {
		t, ok := p.word(j)
		if !ok {
			break
		}
		if t.lower == "who" || t.lower == "that" || t.lower == "which" || !t.upper && (auxVerbs[t.lower] || speechVerbs[t.lower]) {
			return ""
		}
		if titleWords[t.lower] {
			title = true
		}
		j++
	}
	if !title || j < len(p.toks) && !p.isPunct(j, ".,;") {
		return ""
	}
	return p.span(e+1, j)
}

// descBeforeName returns the role phrase of a name [a, e) set off by
// commas after it, when a verb follows: "the former Chief Marketing
// Officer for Jenny Craig, Leesa Eichberger, spoke"; "" when there is
// none with a title in it. The phrase opens with a determiner or a
// possessive and opens its sentence or clause.
func (p *para) descBeforeName(a, e int) string {
	if !p.isPunct(a-1, ",") || !p.isPunct(e, ",") {
		return ""
	}
	if w, ok := p.word(e + 1); !ok || w.upper || clauseWords[w.lower] || determiners[w.lower] || prepositions[w.lower] {
		return "" // "…, Leesa Eichberger, and …": a list, not a subject
	}
	title := false
	for i := a - 2; i >= 0 && i > a-14; i-- {
		t := p.toks[i]
		if t.kind != tWord {
			return ""
		}
		if titleWords[t.lower] || titleWords[strings.TrimSuffix(t.lower, "s")] {
			title = true
		}
		if !possessives[t.lower] && !strings.HasSuffix(t.lower, "'s") && !strings.HasSuffix(t.lower, "’s") {
			continue
		}
		// the phrase must open its sentence or clause, or follow a verb:
		// "In 2014 the former …", "Trump's spokeswoman, …", "were told
		// the newest 2020 Democratic presidential hopeful, Deval Patrick,"
		if pw, ok := p.word(i - 1); i > 0 && !p.isPunct(i-1, ".,;:—–(") && !p.isNumberTok(i-1) && (!ok || pw.upper || prepositions[pw.lower] || determiners[pw.lower] || clauseWords[pw.lower]) {
			continue
		}
		if !title {
			return ""
		}
		return p.span(i, a-1)
	}
	return ""
}

// bodyHeads end descriptors of organisations and texts that "it" may
// stand for: "the union", "the statement", "the lawsuit".
var bodyHeads = set(`union company firm group agency department ministry council committee
campaign statement letter report study paper lawsuit complaint filing memo release
newspaper magazine website network court board government administration`)

// descHead returns the lowercase last word of a descriptor.
func descHead(d string) string {
	f := strings.Fields(strings.ToLower(d))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,")
}

// possessives open a descriptor before a name in apposition: "the
// former chief", "his former business partner".
var possessives = set("the a an his her their its our my")

// isNumberTok reports whether token i is a number: "In 2014 the …".
func (p *para) isNumberTok(i int) bool {
	w, ok := p.word(i)
	if !ok || w.text == "" {
		return false
	}
	for _, r := range w.text {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// orgTail reports whether the name run at i ends an organisation's name:
// "the Commission on Presidential Debates", "the Bank of England".
func (p *para) orgTail(i int) bool {
	w, ok := p.word(i - 1)
	if !ok || w.upper || w.lower != "of" && w.lower != "on" && w.lower != "for" {
		return false
	}
	o, ok := p.word(i - 2)
	return ok && o.upper && orgWords[o.text]
}

// appositiveRole returns the role in an appositive after a name ending at
// e whose name starts at tok: "Laurence H. Tribe, a Harvard law
// professor,"; "" when there is none with a title in it.
func (p *para) appositiveRole(e, tok, pi int) string {
	if !p.isPunct(e, ",") {
		return ""
	}
	w, ok := p.word(e + 1)
	if ok && w.upper {
		// "Julie Graham, Washington State Department of Health public
		// information officer, said": a body's name, then the title
		for k := e + 2; k < len(p.toks) && k <= e+14; k++ {
			if p.isPunct(k, ",") {
				if p.isWordIn(k-1, titleWords) && p.isNameTok(e+1) {
					return p.span(e+1, k)
				}
				break
			}
			if p.toks[k].kind != tWord {
				break
			}
		}
	}
	if !ok || !(w.lower == "a" || w.lower == "an" || w.lower == "the" || titleWords[w.lower] || !w.upper && p.titleWithin(e+1, 4)) {
		return "" // "Lee, however, …"; but "Lee, portfolio manager at …,"
	}
	if sp, _, ok := p.npAfter(tok, len(p.toks), pi); ok && sp.role != "" && (hasTitle(sp.role) || professionIn(sp.role)) {
		return sp.role
	}
	return ""
}

// professionIn reports whether a word of role before its first
// preposition names a profession by its ending: "a pulmonologist at the
// Aberdeen Royal Infirmary", "program administrator for the project".
func professionIn(role string) bool {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		w = strings.Trim(w, ".,")
		if prepositions[w] {
			return false
		}
		if professionWord(w) {
			return true
		}
	}
	return false
}

// titleWithin reports whether one of the n words from token i, before
// any punctuation, article, preposition or participle, is a title word: "portfolio manager", "senior
// economist".
func (p *para) titleWithin(i, n int) bool {
	for k := i; k < i+n; k++ {
		w, ok := p.word(k)
		if !ok || determiners[w.lower] || prepositions[w.lower] || strings.HasSuffix(w.lower, "ing") {
			return false // "dedicating the museum": a clause
		}
		if titleWords[w.lower] || professionWord(w.lower) {
			return true
		}
	}
	return false
}

// shareMentions completes the mentions ms in place: the pronouns that
// follow a name of unknown gender tell it, and a surname seen once as a
// person makes its other mentions people too, lending them its gender
// when that is unambiguous.
func (s *scanner) shareMentions(ms []mention) {
	// a surname that is also a first name ("Omar" for Ilhan Omar) tells
	// no gender: the full name's first name does
	surnames := map[string]bool{}
	for _, m := range ms {
		if f := strings.Fields(m.text); len(f) > 1 && m.person {
			surnames[m.key] = true
		}
	}
	for i := range ms {
		if surnames[ms[i].key] && !strings.Contains(ms[i].text, " ") && !s.genderedHere(ms[i]) {
			ms[i].gender = genderUnknown
		}
	}
	// the pronouns that follow a name of unknown gender tell it
	votes := map[string]int{}
	for _, m := range ms {
		if m.gender != genderUnknown || m.weak {
			continue
		}
		p := &s.paras[m.para]
		for k := m.tok + 1; k < len(p.toks) && k < m.tok+30; k++ {
			t := p.toks[k]
			if t.kind != tWord {
				continue
			}
			switch pronounOf(t.lower) {
			case "he", "his", "him", "himself":
				votes[m.key]++
			case "she", "her", "hers", "herself":
				votes[m.key]--
			default:
				if g, ok := intlGenderPronouns[t.lower]; ok && s.paras[m.para].lang != "" {
					votes[m.key] += g // "er", "il", "él"; "elle", "ella"
					break
				}
				continue
			}
			break
		}
	}
	// a lone name that opens its sentence, followed in that sentence by a
	// pronoun of the other gender before anyone else is named, is a
	// surname that only looks like a first name: "Omar asked for
	// compassion …, saying she did not think …" (Ilhan Omar), "Warren
	// said she …"
	for i, m := range ms {
		if m.gender == genderUnknown || !m.strong || strings.Contains(m.text, " ") || s.paras[m.para].lang != "" {
			continue
		}
		if g := s.paras[m.para].pronounGenderAfter(m.tok + 1); g != genderUnknown && g != m.gender {
			ms[i].gender = g
		}
	}
	// a surname seen once as a person makes its other mentions people too,
	// and lends them its gender when that is unambiguous
	gender := map[string]int{}
	person := map[string]bool{}
	for _, m := range ms {
		if m.person {
			person[m.key] = true
		}
		if m.gender == genderUnknown {
			continue
		}
		if g, ok := gender[m.key]; ok && g != m.gender {
			gender[m.key] = -1
		} else {
			gender[m.key] = m.gender
		}
	}
	for i := range ms {
		if person[ms[i].key] {
			ms[i].person = true
		}
		if ms[i].gender == genderUnknown && gender[ms[i].key] > 0 {
			ms[i].gender = gender[ms[i].key]
		}
		if _, known := gender[ms[i].key]; !known && ms[i].gender == genderUnknown {
			switch v := votes[ms[i].key]; {
			case v > 0:
				ms[i].gender = genderMale
			case v < 0:
				ms[i].gender = genderFemale
			}
		}
	}
}

// ofTitle reports whether role, the words before a name, is a title that
// the name completes as its object: "chief executive of" Ceres Robotics,
// "head of research at" ICICI Securities. The name is a body, not a person.
func ofTitle(role string) bool {
	l := strings.ToLower(role)
	return strings.HasSuffix(l, " of") || strings.HasSuffix(l, " at") || strings.HasSuffix(l, " for") || l == "of" || l == "at"
}

// pronounGenderAfter returns the gender of the first personal pronoun
// from token i to the end of its sentence, or genderUnknown when the
// sentence ends, a quotation opens or another name comes first (a
// possessive or a name after a preposition is no rival).
func (p *para) pronounGenderAfter(i int) int {
	for k := i; k < len(p.toks) && k < i+30; k++ {
		t := p.toks[k]
		if t.kind == tQuote || p.isPunct(k, ".!?;") && !p.isNameTok(k) {
			return genderUnknown
		}
		if t.kind != tWord {
			continue
		}
		if t.upper && k > i && p.isNameTok(k) && !timeWords[t.lower] && !strings.HasSuffix(t.lower, "'s") && !strings.HasSuffix(t.lower, "’s") {
			if w, ok := p.word(k - 1); !ok || !prepositions[w.lower] && !p.isNameTok(k-1) {
				// someone else the pronoun may point to; not "on
				// Twitter", "Carlineo's sentencing"
				return genderUnknown
			}
		}
		switch pronounOf(t.lower) {
		case "he", "his", "him", "himself":
			return genderMale
		case "she", "her", "hers", "herself":
			return genderFemale
		}
	}
	return genderUnknown
}

// speaksAfter reports whether a speech verb follows a name ending at
// token e, straight after it or after a relative pronoun: "Smith said",
// "Natalia Piergentili, quien afirmó", "Weber sagte".
func (p *para) speaksAfter(e int) bool {
	if p.isPunct(e, ",") {
		if w, ok := p.word(e + 1); ok && relPronouns[w.lower] {
			e += 2
		}
	}
	w, ok := p.word(e)
	return ok && !w.upper && (speechVerbs[w.lower] || reportVerbs[w.lower] || intlVerbs[w.lower]) && p.verbForm(e) ||
		p.lang != "" && p.isIntlVerb(e)
}

// relPronouns open a relative clause about the person just named.
var relPronouns = set("who quien quienes qui der die")

// hasTitle reports whether role holds a title word.
func hasTitle(role string) bool {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		w = strings.Trim(w, ".,")
		if titleWords[w] || titleWords[strings.TrimSuffix(w, "s")] || professionWord(w) {
			return true
		}
	}
	return false
}

// professionSuffixes end the nouns of trained professions: pulmonologist,
// physician, psychiatrist, photographer, agronomist, statistician,
// administrator, pharmacist.
var professionSuffixes = []string{"ologist", "ician", "iatrist", "ographer", "onomist", "ologists", "icians", "ator", "ist"}

// professionWord reports whether lowercase w names a trained profession by
// its ending.
func professionWord(w string) bool {
	for _, suf := range professionSuffixes {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// fullerRole reports whether role a says more of the speaker than role b:
// a title phrase of more words ("Disney’s chairman of direct-to-consumer
// and international" over "Walt Disney Co. executive"); a "who" clause
// never displaces a title.
func fullerRole(a, b string) bool {
	if !hasTitle(a) && !professionIn(a) || strings.HasPrefix(strings.ToLower(a), "who ") && !strings.HasPrefix(strings.ToLower(b), "who ") {
		return false
	}
	return len(strings.Fields(a)) > len(strings.Fields(b))
}

func before(pa, ta, pb, tb int) bool {
	return pa < pb || pa == pb && ta < tb
}

// resolve gives pronoun speakers the nearest compatible earlier name,
// gives quotes standing alone the speaker of their context, and carries
// roles from one mention of a speaker to the others. Its stages: clean
// every role, collect the fullest role of each person (fullestRoles),
// resolve each unit's speaker in reading order (resolveUnit), resolve
// descriptors and short names (corefer), give each named speaker their
// role (carryRoles), and score.
func (s *scanner) resolve() {
	sortUnits(s.units)
	ms := s.mentions()
	for i := range s.units {
		u := &s.units[i]
		u.spk.role = cleanRole(u.spk.role, u.spk.text)
	}
	for i := range ms {
		ms[i].role = cleanRole(ms[i].role, ms[i].text)
	}
	roles := fullestRoles(ms)
	r := resolver{genders: map[string]int{}} // a surname's gender, where a mention tells it
	for _, m := range ms {
		if m.gender != genderUnknown {
			r.genders[m.key] = m.gender
		}
	}
	for i := range s.units {
		s.resolveUnit(i, ms, &r)
		u := &s.units[i]
		if u.spk.kind == spkName && u.spk.role != "" {
			k := nameKey(u.spk.text)
			if have, ok := roles[k]; !ok || fullerRole(u.spk.role, have.role) {
				roles[k] = u.spk
			}
		}
	}
	s.corefer(ms)
	if len(s.paras) > 0 && s.paras[0].lang != "" {
		// in a French, German or Spanish article a speaker keeps the role
		// of the first mention that gives one: "der Deutschland-Chef von
		// Flixbus" also where a later line calls him "Flixbus-Manager"
		roles = firstRoles(ms, s.units)
	}
	s.carryRoles(roles)
	s.score(ms)
}

// fullestRoles returns, by surname, the fullest role a person mention
// gives (fullerRole).
func fullestRoles(ms []mention) map[string]speaker {
	roles := map[string]speaker{}
	for _, m := range ms {
		if m.role != "" && m.person {
			if r, ok := roles[m.key]; !ok || fullerRole(m.role, r.role) {
				roles[m.key] = speaker{text: m.text, role: m.role, gender: m.gender}
			}
		}
	}
	return roles
}

// resolver is what resolveUnit carries from one unit to the next.
type resolver struct {
	recent  []antecedent   // the speakers so far, in reading order
	body    speaker        // the latest organisation or text that spoke
	genders map[string]int // a surname's gender, where a mention tells it
}

// resolveUnit resolves the speaker of unit i: a quote going on with the
// context, "it" for the body that spoke last, a pronoun for the salient
// person (or for the descriptor opening its sentence), a label, or a
// subject left out.
func (s *scanner) resolveUnit(i int, ms []mention, r *resolver) {
	u := &s.units[i]
	at := antecedent{para: u.spk.para, tok: u.spk.tok}
	switch {
	case u.inherit && s.capsHeadingBefore(*u):
		// "KARINA MAMÁ PODEROSA ¶ “…”": a heading that names its voice
		// (headingName) or not in a way read here; the voice before it
		// is never this one
		u.spk, u.via = speaker{}, viaNone
		if sp, ok := s.headingName(*u); ok {
			u.spk, u.via = sp, viaPrevPara
		}
		at.para, at.tok = u.para, u.tok
	case u.inherit:
		u.spk, u.via = s.inherited(i, ms)
		if u.via == viaNone {
			u.spk, u.via = s.answer(u.para, ms)
		}
		if u.via == viaNone && s.paras[u.para].lang != "" {
			// a quote standing alone in a French, German or Spanish
			// article: the person the text is about just before it
			u.spk, u.via = resolveDropped(ms, speaker{kind: spkDropped, para: u.para, tok: u.tok}, r.recent, true)
		}
		at.para, at.tok = u.para, u.tok
	case u.spk.kind == spkPronoun && strings.EqualFold(u.spk.text, "it"):
		// “…,” the Times wrote. “…,” it further wrote.
		sp := speaker{}
		if r.body.text != "" && u.spk.para-r.body.para <= 1 {
			sp = r.body
			sp.para, sp.tok = u.spk.para, u.spk.tok
		}
		u.spk, u.via = sp, viaNone
		if sp.text != "" {
			u.via = viaPronounRecent
		}
	case u.spk.kind == spkPronoun && s.paras[u.spk.para].descSubjectBefore(u.spk.tok) >= 0:
		// "Der Ex-Profi will … „…“, sagt er.": the pronoun is the
		// descriptor's, never a speaker quoted before it
		p := &s.paras[u.spk.para]
		k := p.descSubjectBefore(u.spk.tok)
		if m, ok := definite(ms, "der "+p.toks[k+1].text, u.para, k); ok {
			u.spk, u.via = speaker{text: m.text, role: m.role, kind: spkName, gender: m.gender, para: u.para, tok: k}, viaPronoun
		} else {
			// the descriptor names no one the article gives that
			// title: the salient person, listed but not shown
			u.spk, u.via = resolveSalient(ms, u.spk, r.recent, r.genders)
			if u.via < viaPronounWeak {
				u.via = viaPronounWeak
			}
		}
	case u.spk.kind == spkPronoun:
		u.spk, u.via = resolveSalient(ms, u.spk, r.recent, r.genders)
	case u.spk.kind == spkLabel:
		u.via = viaLabel
	case u.spk.kind == spkDropped:
		u.spk, u.via = resolveDropped(ms, u.spk, r.recent, false)
	}
	if u.spk.kind == spkName || personDesc(u.spk) {
		at.sp = u.spk
		r.recent = append(r.recent, at)
	}
	if u.kind != KindReported && (u.spk.kind == spkName && isOrg(u.spk.text) || u.spk.kind == spkDesc && bodyHeads[descHead(u.spk.text)]) {
		r.body = u.spk // an organisation or a text that speaks: "it" may be it
	}
}

// carryRoles gives each named speaker the role roles holds for them, and
// clears a role that is no role in French, German or Spanish: an
// organisation's ("US-Nachrichtensender CNN"), "Dr." alone (it belongs to
// the name), a German clause ("der früher als Investmentbanker gearbeitet
// hat").
func (s *scanner) carryRoles(roles map[string]speaker) {
	for i := range s.units {
		u := &s.units[i]
		if u.spk.kind != spkName || u.spk.role != "" && s.paras[u.para].lang == "" {
			continue
		}
		if r, ok := roles[nameKey(u.spk.text)]; ok && compatible(r.gender, u.spk.gender) && sameName(r.text, u.spk.text) {
			u.spk.role = r.role
		}
		if lang := s.paras[u.para].lang; lang != "" && (acronym(u.spk.text) && strings.ToUpper(u.spk.text) == u.spk.text ||
			academicOnly(u.spk.role) || lang == "de" && !germanRole(u.spk.role)) {
			u.spk.role = ""
		}
	}
}

// personDesc reports whether sp is a descriptor of one person that a
// pronoun after it may stand for: "The finance minister said … “…,” she
// said" (a new attribution, so the pronoun never reaches back past it to
// the person quoted before).
func personDesc(sp speaker) bool {
	if sp.kind != spkDesc {
		return false
	}
	f := strings.Fields(strings.ToLower(sp.text))
	if len(f) == 2 && intlDefinite[f[0]] && !deDefinite[f[0]] && (intlTitles[f[1]] || intlGenericHeads[f[1]]) {
		return true // "afirmó el comunicador. Y agregó: «…»"
	}
	if len(f) < 2 || !possessives[f[0]] {
		return false
	}
	head := descHead(sp.text)
	return titleWords[head] || personHeads[head] && !strings.HasSuffix(head, "s")
}

// firstRoles returns, by surname, the role of the first person mention
// or named speaker in the article that gives one.
func firstRoles(ms []mention, us []unit) map[string]speaker {
	out := map[string]speaker{}
	at := map[string][2]int{}
	add := func(sp speaker, para, tok int) {
		if holdsName(sp.role) {
			return // "GROOVE-Autorin Charlotte Elsen" is someone else
		}
		k := nameKey(sp.text)
		if p, ok := at[k]; ok && !before(para, tok, p[0], p[1]) {
			return
		}
		out[k], at[k] = sp, [2]int{para, tok}
	}
	for _, m := range ms {
		if m.person && m.role != "" {
			add(speaker{text: m.text, role: m.role, gender: m.gender}, m.para, m.tok)
		}
	}
	for _, u := range us {
		if u.spk.kind == spkName && u.spk.role != "" {
			add(u.spk, u.spk.para, u.spk.tok)
		}
	}
	return out
}

func compatible(a, b int) bool {
	return a == genderUnknown || b == genderUnknown || a == b
}

// sameName reports whether one name's words contain the other's, ignoring
// honorifics: "Trump" and "Donald J. Trump", not "Bill" and "Hillary Clinton".
func sameName(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	return subset(wa, wb) || subset(wb, wa)
}

func nameWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ".,")
		if _, h := honorifics[w]; h || w == "" {
			continue
		}
		m[w] = true
	}
	return m
}

func subset(a, b map[string]bool) bool {
	if len(a) == 0 {
		return false
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// antecedent is a speaker of an earlier quote and where it was named.
type antecedent struct {
	sp        speaker
	para, tok int
}

// resolveSalient returns the speaker a pronoun refers to, preferring the
// speaker of the latest earlier quote ("…, said Mr. Lee. … he added"),
// unless a compatible person opens a sentence between that quote and the
// pronoun. Without a recent speaker it falls back to resolvePronoun. It
// also returns how the speaker was found.
func resolveSalient(ms []mention, sp speaker, recent []antecedent, genders map[string]int) (speaker, int) {
	if sp.gender == genderUnknown {
		return speaker{}, viaNone
	}
	for i := len(recent) - 1; i >= 0; i-- {
		r := recent[i]
		if !before(r.para, r.tok, sp.para, sp.tok) {
			continue
		}
		if sp.para-r.para > 3 {
			break
		}
		g := r.sp.gender
		if g == genderUnknown {
			g = genders[nameKey(r.sp.text)]
		}
		if g == genderUnknown && r.sp.kind == spkDesc {
			g = kinGender[descHead(r.sp.text)] // "my father" is no "she"
		}
		if !compatible(g, sp.gender) || isOrg(r.sp.text) {
			continue
		}
		// a person opening a sentence since then takes over
		if m, ok := intervening(ms, r.para, r.tok, sp.para, sp.tok, nameKey(r.sp.text), sp.gender); ok {
			return speaker{text: m.text, kind: spkName, gender: m.gender, para: m.para, tok: m.tok}, viaPronoun
		}
		out := r.sp
		out.role = ""
		return out, viaPronounRecent
	}
	return resolvePronoun(ms, sp)
}

// intervening returns the latest person who opens a sentence (or speaks)
// after position (pa, ta) and before (pb, tb), other than the one keyed
// key and compatible with gender g: a new attribution that a quote or a
// pronoun after it belongs to.
func intervening(ms []mention, pa, ta, pb, tb int, key string, g int) (mention, bool) {
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if !before(m.para, m.tok, pb, tb) {
			continue
		}
		if !before(pa, ta, m.para, m.tok) {
			break
		}
		if m.strong && m.person && m.key == key && key != "" {
			return mention{}, false // "Mr. Obama immersed himself …": named again since
		}
		if m.strong && m.person && compatible(m.gender, g) && m.key != key {
			return m, true
		}
	}
	return mention{}, false
}

// resolvePronoun returns the speaker a pronoun refers to: the nearest
// earlier person whose gender does not contradict it, within a few
// paragraphs. An unresolved pronoun yields no speaker.
func resolvePronoun(ms []mention, sp speaker) (speaker, int) {
	if sp.gender == genderUnknown {
		return speaker{}, viaNone
	}
	weak := -1
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if !before(m.para, m.tok, sp.para, sp.tok) {
			continue
		}
		if sp.para-m.para > 6 {
			break
		}
		if !m.person || !compatible(m.gender, sp.gender) {
			continue
		}
		if m.weak || m.gender == genderUnknown && !m.strong {
			// "a commission overseen by Kofi Annan. “…,” she said": a
			// person of unknown gender outside the subject yields to a
			// subject the pronoun's gender fits
			if weak < 0 {
				weak = i
			}
			continue
		}
		return speaker{text: m.text, kind: spkName, gender: m.gender, para: m.para, tok: m.tok}, viaPronoun
	}
	if weak >= 0 {
		m := ms[weak]
		return speaker{text: m.text, kind: spkName, gender: m.gender, para: m.para, tok: m.tok}, viaPronounWeak
	}
	return speaker{}, viaNone
}

// inherited finds the speaker of a quote that stands alone (unit i): the
// speaker introduced at the end of the previous paragraph, or the speaker
// of the quote just before it in the same or the previous paragraph,
// unless another person is named as a subject in between (a new
// attribution never lets the earlier speaker carry over). It also returns
// how the speaker was found.
func (s *scanner) inherited(i int, ms []mention) (speaker, int) {
	sp, via := s.carried(i, ms)
	if via == viaNone {
		// "Sen. Bernie Sanders identified … as a reason. “The younger
		// people …”": the person the paragraph's sentence is about
		return paraSubject(ms, s.units[i])
	}
	return sp, via
}

// headingName returns the person a heading names just before quote u when
// u opens its paragraph: a heading in capitals, a name of one to four
// words, a colon and a title ("JANET BARBOZA: ME CAYÓ RICO CON UNA
// CHANCLETA ¶ “De niña …”"), as a list of voices gives each its own.
func (s *scanner) headingName(u unit) (speaker, bool) {
	if u.para == 0 || u.tok > 0 || len(s.paras[u.para].segs) == 0 {
		return speaker{}, false
	}
	h := strings.TrimSpace(s.paras[u.para-1].text)
	name, rest, ok := strings.Cut(h, ":")
	if !ok || strings.TrimSpace(rest) == "" || strings.ToUpper(h) != h || strings.IndexFunc(h, unicode.IsLetter) < 0 || len(h) > 80 {
		return speaker{}, false
	}
	f := strings.Fields(name)
	if len(f) == 0 || len(f) > 4 || strings.HasSuffix(h, ".") {
		return speaker{}, false
	}
	for _, w := range f {
		if functionWords[strings.ToLower(w)] || !unicode.IsLetter([]rune(w)[0]) {
			return speaker{}, false // "EN CIFRAS:", "Q:"
		}
	}
	return speaker{text: titleCase(strings.Join(f, " ")), kind: spkName, para: u.para - 1, tok: 0}, true
}

// capsHeadingBefore reports whether quote u opens its paragraph right
// after a short heading in capitals.
func (s *scanner) capsHeadingBefore(u unit) bool {
	if u.para == 0 || u.tok > 0 {
		return false
	}
	h := strings.TrimSpace(s.paras[u.para-1].text)
	return h != "" && len(h) <= 80 && strings.ToUpper(h) == h && strings.IndexFunc(h, unicode.IsLetter) >= 0 && !strings.HasSuffix(h, ".")
}

// titleCase writes a name in capitals as a name: "JANET BARBOZA" →
// "Janet Barboza".
func titleCase(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		f[i] = string(r)
	}
	return strings.Join(f, " ")
}

// paraSubject returns the person who last opens a sentence or speaks in
// u's own paragraph before it, with viaSubject; viaNone when no one does.
func paraSubject(ms []mention, u unit) (speaker, int) {
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if !before(m.para, m.tok, u.para, u.tok) {
			continue
		}
		if m.para != u.para {
			break
		}
		if m.strong && m.person && !isOrg(m.text) {
			return speaker{text: m.text, kind: spkName, gender: m.gender, role: m.role, para: m.para, tok: m.tok}, viaSubject
		}
	}
	return speaker{}, viaNone
}

// carried finds the speaker of a quote standing alone (unit i) in what
// came before: see inherited.
// lendsSpeaker reports whether reported speech prev, closing the
// paragraph pp just before quote u, names a person before the statement
// and u opens its own paragraph: "Erekat said it was only the latest
// move. ¶ “They wanted us on our knees …”" is Erekat's.
func (s *scanner) lendsSpeaker(prev, u unit, pp int) bool {
	if prev.para != pp || u.para == pp || prev.spk.kind != spkName || isOrg(prev.spk.text) || s.paras[u.para].lang != "" {
		return false
	}
	p := &s.paras[prev.para]
	if prev.spk.para != prev.para || prev.spk.tok > prev.tok {
		return false
	}
	// nothing after the reported sentence in its paragraph, and the quote
	// opens its own
	last := p.sents[len(p.sents)-1]
	return prev.spk.tok >= last[0] && u.tok == s.paras[u.para].sents[0][0]
}

func (s *scanner) carried(i int, ms []mention) (speaker, int) {
	u := s.units[i]
	pp := s.prevPara(u.para)
	if pp >= 0 && s.intro[pp].kind != spkNone {
		sp := s.intro[pp]
		if sp.kind == spkPronoun {
			sp, _ = resolvePronoun(ms, sp)
		}
		return sp, viaIntro
	}
	if i == 0 {
		return speaker{}, viaNone
	}
	prev := s.units[i-1]
	if prev.spk.kind == spkNone {
		return speaker{}, viaNone
	}
	if prev.kind == KindReported && !s.lendsSpeaker(prev, u, pp) && (prev.para != u.para || prev.spk.kind != spkName || prev.spk.tok < prev.tok && s.paras[u.para].lang == "") {
		// reported speech lends its speaker only when it names them
		// last, in the same paragraph: "…, Schiff said. “The other …”";
		// German and Romance reported speech names them first as often
		// ("sagt Keuter, er könne sich nicht erinnern. „…“")
		return speaker{}, viaNone
	}
	if prev.para != u.para && prev.para != pp {
		return speaker{}, viaNone
	}
	// the later of where the previous quote starts and where its speaker
	// is named: "“A,” said Smith." names Smith after A
	pa, ta := prev.para, prev.tok
	if prev.spk.para == prev.para && prev.spk.tok > ta {
		ta = prev.spk.tok
	}
	if _, ok := intervening(ms, pa, ta, u.para, u.tok, nameKey(prev.spk.text), genderUnknown); ok {
		return speaker{}, viaNone
	}
	if prev.spk.kind == spkLabel {
		return prev.spk, viaLabel
	}
	if prev.para == u.para {
		return prev.spk, viaPrevSame
	}
	return prev.spk, viaPrevPara
}

// answer returns the speaker of a quote standing alone in paragraph pi
// right after a question of the article's own (an interview: "What does
// leadership mean to you?"): the person the headline names, when the
// article names that person in full.
func (s *scanner) answer(pi int, ms []mention) (speaker, int) {
	if pi == 0 || s.title == "" {
		return speaker{}, viaNone
	}
	q := strings.TrimSpace(s.paras[pi-1].text)
	if !strings.HasSuffix(q, "?") || len(s.paras[pi-1].segs) > 0 {
		return speaker{}, viaNone
	}
	var found mention
	for _, m := range ms {
		if !m.person || len(strings.Fields(m.text)) < 2 || !strings.Contains(s.title, m.text) {
			continue
		}
		if found.text != "" && !sameName(found.text, m.text) {
			return speaker{}, viaNone // two people in the headline
		}
		if found.text == "" {
			found = m
		}
	}
	if found.text == "" {
		return speaker{}, viaNone
	}
	return speaker{text: found.text, kind: spkName, gender: found.gender, para: found.para, tok: found.tok}, viaAnswer
}

// resolveDropped returns the speaker of a verb whose subject is left out
// ("«…», recalcó."): the person named last since the quote before (its
// speaker excepted), or failing that the speaker of that quote, when it
// lies within dropWindow paragraphs. With subjects set (a quote standing
// alone, whose sureness is lower) only a person counts: a quote standing
// alone after "X presentó un plan." is X's. A person who is the
// subject of a sentence wins over one named in passing ("La ministra
// presentó el plan junto al senador Mora. «…», aseguró." is the
// minister's) within the paragraph of the latest person named; the one
// named in passing is taken when no one else is there.
func resolveDropped(ms []mention, sp speaker, recent []antecedent, subjects bool) (speaker, int) {
	var r antecedent
	ok := false
	for i := len(recent) - 1; i >= 0; i-- {
		if before(recent[i].para, recent[i].tok, sp.para, sp.tok) {
			r, ok = recent[i], true
			break
		}
	}
	if ok && subjects && r.sp.kind == spkDesc {
		// a quote standing alone does not go on with a descriptor's
		// words ("…», cuestionó el corporado. … la Alcaldía … aseguró
		// … «…»"); a dropped subject does ("Y agregó: «…»")
		ok = false
	}
	if ok && sp.para-r.para > dropWindow {
		ok = false
	}
	from, tok := sp.para-2, -1
	key := ""
	if ok {
		from, tok = r.para, r.tok
		key = nameKey(r.sp.text)
	}
	via := viaDropped
	var weak *mention
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if !before(m.para, m.tok, sp.para, sp.tok) {
			continue
		}
		if !before(from, tok, m.para, m.tok) {
			break
		}
		if subjects && m.inPhrase {
			continue // "Von Leon bis Santiago. «…»"
		}
		if (m.person || len(strings.Fields(m.text)) > 1 && !m.weak && !subjects && !m.capsNouns) && m.key != key {
			// the latest person named since: "por el Presidente Boric. «…», dijo"
			if weak != nil && m.para != weak.para {
				break // the paragraph of the latest person named decides
			}
			if !m.strong {
				if weak == nil {
					weak = &ms[j]
				}
				continue
			}
			if !subjects && m.strong && m.person && sp.para-m.para <= 2 && !otherPerson(ms, j, sp) {
				via = viaDroppedNear // the subject just before, and no one else since
			}
			return speaker{text: m.text, kind: spkName, gender: m.gender, para: m.para, tok: m.tok}, via
		}
	}
	if ok && !isOrg(r.sp.text) && (weak == nil || weak.key == key || r.para == sp.para) {
		// the speaker of the quote before in the same paragraph keeps the
		// subject over a person named in passing since: "«A», dijo …
		// del director, Ricardo Yáñez. Y agregó: «B»"
		out := r.sp
		out.role = ""
		if !subjects && weak == nil && sp.para-r.para <= 1 {
			via = viaDroppedNear // "«A», afirmó X. … «B», agregó."
		}
		return out, via
	}
	if weak != nil {
		return speaker{text: weak.text, kind: spkName, gender: weak.gender, para: weak.para, tok: weak.tok}, viaDropped
	}
	return speaker{}, viaNone
}

// otherPerson reports whether a person other than mention j is named
// between it and the dropped subject sp.
func otherPerson(ms []mention, j int, sp speaker) bool {
	for k := j + 1; k < len(ms); k++ {
		m := ms[k]
		if !before(m.para, m.tok, sp.para, sp.tok) {
			break
		}
		if m.person && m.key != ms[j].key {
			return true
		}
	}
	return false
}

// dropWindow is how many paragraphs back a subject left out may find the
// speaker of the quote before, when no one else is named in between.
const dropWindow = 3
