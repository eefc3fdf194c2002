package quote

import "strings"

// German reported speech: a sentence in the subjunctive (Konjunktiv I:
// "sei", "habe", "werde") goes on reporting the person quoted just
// before, so a quote inside it with no attribution of its own is that
// person's ("In den vergangenen Jahrzehnten sei die Verantwortung im
// „föderalen Sicherheitsgefüge“ gewachsen."); and "nach eigenen Worten"
// makes the clause's subject the speaker ("Steinmeier sieht nach eigenen
// Worten eine „zunehmende Radikalisierung“").

// deSubjunctive are German verbs in Konjunktiv I, the mood of reported
// speech, as they stand in the third person.
var deSubjunctive = set(`sei seien habe werde könne müsse solle wolle dürfe möge gebe bleibe
liege stehe gehe komme fehle brauche zeige umfasse handele handle gelte
wisse trage führe sehe`)

// deOwnWords are the words of "nach eigenen Worten", "eigenen Angaben
// zufolge", "nach eigener Aussage": the subject speaks.
var deOwnWords = set("eigenen eigener")

// subjunctiveIn reports whether a German verb in Konjunktiv I stands
// among the words [a, b) outside quotation marks.
func (p *para) subjunctiveIn(a, b int) bool {
	for k := a; k < b; k++ {
		if w, ok := p.word(k); ok && !w.upper && deSubjunctive[w.lower] {
			return true
		}
	}
	return false
}

// ownWordsIn reports whether "nach eigenen Worten" or the like stands
// among the words [a, b).
func (p *para) ownWordsIn(a, b int) bool {
	for k := a; k+1 < b; k++ {
		w, ok := p.word(k)
		n, ok2 := p.word(k + 1)
		if ok && ok2 && !w.upper && deOwnWords[w.lower] && (n.lower == "worten" || n.lower == "angaben" || n.lower == "aussage") {
			return true
		}
	}
	return false
}

// deReported adds the quotes of sentence si of a German paragraph whose
// first quote q0 has no attribution of its own, when the sentence
// reports speech: a mixed quote whose speaker is the clause's subject
// ("nach eigenen Worten") or, in the subjunctive, the person quoted just
// before. It reports whether it added one.
func (s *scanner) deReported(pi, si, q0 int) bool {
	p := &s.paras[pi]
	if p.lang != "de" {
		return false
	}
	from, to := p.sents[si][0], p.sents[si][1]
	lastQ := p.lastQuote(q0, to)
	n := 0
	for k := q0; k <= lastQ; k++ {
		if p.toks[k].kind == tQuote {
			n += words(p.inner(p.toks[k].seg))
		}
	}
	if n < 2 || p.onlyTerms(from, to) || p.onlyTitles(from, to) {
		return false // „Extrablatt“: a name in marks
	}
	u := unit{para: pi, tok: from, kind: KindMixed}
	end := p.complementEnd(lastQ, to)
	b := p.toks[end-1].end
	if lastQ >= end {
		b = p.toks[lastQ].end
	}
	u.parts = [][2]int{{p.toks[from].start, b}}
	switch {
	case p.ownWordsIn(from, q0):
		sp, ok := p.subject(from, q0, pi)
		if !ok {
			// "Bundespräsident Frank-Walter Steinmeier sieht …": a
			// person's name after a title opens the clause
			e := p.nameRunAfter(from, q0)
			sp = p.nameAt(from, e, pi)
			if e <= from || sp.text == "" || p.notName(sp.text) || isOrg(sp.text) || sp.role == "" && firstGender(p.toks[sp.tok].lower) == genderUnknown {
				return false
			}
		}
		u.spk = sp
	case (p.subjunctiveIn(from, q0) || p.subjunctiveIn(lastQ+1, to)) && !p.firstPersonIn(from, q0) && !p.firstPersonIn(lastQ+1, to):
		u.inherit, u.soft = true, true
	default:
		return false
	}
	s.units = append(s.units, u)
	return true
}

// firstPersonIn reports whether "ich" or "wir" stands among the words
// [a, b) outside quotation marks: "habe ich" is no subjunctive.
func (p *para) firstPersonIn(a, b int) bool {
	for k := a; k < b; k++ {
		if w, ok := p.word(k); ok && (w.lower == "ich" || w.lower == "wir") {
			return true
		}
	}
	return false
}

// colonDesc returns the speaker of a quote after a colon at token c when
// the clause [from, c) is nothing but a descriptor with its article: "Der
// 24-Jährige: „…“", "La ministra: «…»".
func (p *para) colonDesc(from, c, pi int) (speaker, bool) {
	if v, ok := p.word(c - 2); ok && p.lang == "de" && !v.upper && (deSeparable[v.lower] || p.isIntlVerb(c-2)) {
		if pt, ok := p.word(c - 1); ok && !pt.upper && deParticles[pt.lower] {
			c -= 2 // "Der Vorstandschef räumte ein: „…“"
		}
	} else if p.lang == "de" && p.isIntlVerb(c-1) {
		c-- // "Die Ministerin erklärte: „…“"
	}
	w, ok := p.word(from)
	if !ok || !p.isArticle(w.lower) || c-from < 2 || c-from > 7 {
		return speaker{}, false
	}
	for k := from + 1; k < c; k++ {
		if _, ok := p.word(k); !ok {
			return speaker{}, false
		}
	}
	hc := p.genitiveStart(from+1, c) // "Die Leiterin des Amts": the head before its genitive
	if hc-from > 4 {
		return speaker{}, false
	}
	h, _ := p.word(hc - 1)
	if !(p.intlTitleWord(h.lower) || intlPersonHeads[h.lower] || ageNoun(h.lower) || p.lang == "de" && h.upper && deAgentNoun(h.lower)) {
		return speaker{}, false // "Der Vorstandschef räumte ein:": a clause, not a descriptor
	}
	return speaker{text: p.span(from, c), kind: spkDesc, para: pi, tok: from}, true
}

// genitiveStart returns where a German genitive closing the words [a, c)
// begins ("des Amts", "der Stadt Ulm": a lowercase "des" or "der" and one
// to three words, the last capitalized), or c when none closes them.
func (p *para) genitiveStart(a, c int) int {
	if p.lang != "de" {
		return c
	}
	for k := c - 2; k >= a && k >= c-4; k-- {
		w, _ := p.word(k)
		if !w.upper && (w.lower == "des" || w.lower == "der") {
			if last, _ := p.word(c - 1); last.upper && k > a {
				return k
			}
			return c
		}
	}
	return c
}

// ageNoun reports whether l is a German noun for a person by age: "24-jährige",
// "46-jähriger".
func ageNoun(l string) bool {
	i := strings.Index(l, "-jährig")
	return i > 0 && strings.Trim(l[:i], "0123456789") == ""
}

// crosshead reports whether paragraph p, in a French, German or Spanish
// article, is a subheading that sums up a quote below it: a name, a
// colon and a short quote without sentence punctuation, ending the
// paragraph ("Jansen: „Oberliga ist keine Pillepalle-Liga“").
func (p *para) crosshead() bool {
	if p.lang == "" || len(p.segs) != 1 {
		return false
	}
	g := p.segs[0]
	before := strings.TrimSpace(p.text[:g.start])
	inner := strings.TrimSpace(p.text[g.in0:g.in1])
	if !strings.HasSuffix(before, ":") || words(before) > 3 || strings.TrimSpace(p.text[g.end:]) != "" ||
		words(inner) > 8 || strings.ContainsAny(strings.TrimRight(inner, ".!?"), ".!?") {
		return false
	}
	for _, w := range strings.Fields(strings.TrimSuffix(before, ":")) {
		if !startsUpper(w) {
			return false // "Er sagte: „…“" is a quote, not a heading
		}
	}
	return true
}

// deExperiencerVerbs take the person they move as their object, who then
// speaks after a colon: "…, freut den Bundestrainer: „…“".
var deExperiencerVerbs = set("freut freute ärgert ärgerte wundert wunderte überrascht überraschte stört störte beeindruckt beeindruckte")

// colonExperiencer returns the speaker of a quote after a colon at token
// c in a German article whose clause ends in an emotion verb and the
// person it moves: "Dass auch Krawietz mitreist, freut den Bundestrainer:
// „…“" is the coach's ("den Bundestrainer"), "freut auch Trainer
// Jonas Albers:" Albers's.
func (p *para) colonExperiencer(from, c, pi int) (speaker, bool) {
	if p.lang != "de" || !p.isPunct(c, ":") {
		return speaker{}, false
	}
	for v := c - 2; v >= from && v >= c-6; v-- {
		w, ok := p.word(v)
		if !ok || w.upper || !deExperiencerVerbs[w.lower] {
			continue
		}
		a := v + 1
		if n, ok := p.word(a); ok && (n.lower == "auch" || n.lower == "besonders" || n.lower == "vor") {
			a++
		}
		art, ok := p.word(a)
		if ok && (art.lower == "den" || art.lower == "die") && !art.upper {
			if e := p.nameRunAfter(a+1, c); e == c && c-a >= 2 {
				for k := a + 1; k+1 < c; k++ {
					if p.isNameTok(k) && firstGender(p.toks[k].lower) != genderUnknown {
						sp := p.nameAt(k, c, pi)
						sp.role = p.span(a+1, k)
						return sp, true
					}
				}
				// as the article writes it, so that the speaker can be
				// checked against the text
				return speaker{text: p.span(a, c), kind: spkDesc, para: pi, tok: a}, true
			}
		}
		if p.isNameTok(a) {
			if e := p.nameRunAfter(a, c); e == c {
				if sp := p.nameAt(a, c, pi); sp.text != "" && !p.notName(sp.text) && !isOrg(sp.text) {
					return sp, true
				}
			}
		}
		return speaker{}, false
	}
	return speaker{}, false
}

// descSubjectBefore returns, in a German paragraph, the article of the
// last sentence before token tok that opens with a definite descriptor
// of a person and no name after it ("Der Ex-Profi will …", "Die
// Ministerin sagte …"), or -1: a pronoun after it stands for that
// person, not for someone quoted earlier.
func (p *para) descSubjectBefore(tok int) int {
	if p.lang != "de" {
		return -1
	}
	found := -1
	for k := 0; k+1 < tok && k+1 < len(p.toks); k++ {
		w, ok := p.word(k)
		n, ok2 := p.word(k + 1)
		if !ok || !ok2 || !p.opensSentence(k) || !deDefinite[w.lower] || !n.upper {
			continue
		}
		l := n.lower
		if !(compoundTitle(l) || deAgentNoun(l) && !strings.HasSuffix(l, "er") || intlTitles[l]) || p.isNameTok(k+2) {
			continue
		}
		found = k
	}
	return found
}
