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
	w, ok := p.word(from)
	if !ok || !p.isArticle(w.lower) || c-from < 2 || c-from > 4 {
		return speaker{}, false
	}
	for k := from + 1; k < c; k++ {
		if _, ok := p.word(k); !ok {
			return speaker{}, false
		}
	}
	if !p.descHeadOK(c-1) && !ageNoun(p.toks[c-1].lower) {
		return speaker{}, false
	}
	return speaker{text: p.span(from, c), kind: spkDesc, para: pi, tok: from}, true
}

// ageNoun reports whether l is a German noun for a person by age: "24-jährige",
// "46-jähriger".
func ageNoun(l string) bool {
	i := strings.Index(l, "-jährig")
	return i > 0 && strings.Trim(l[:i], "0123456789") == ""
}
