package quote

import "strings"

// reported finds reported speech without quotation marks in paragraph pi:
// "X said (that) …", "…, X said", "according to X, …", "…, according to X".
// Sentences that hold a quote were handled by direct.
func (s *scanner) reported(pi int) {
	p := &s.paras[pi]
	if len(p.segs) > 0 && p.segs[0].start == 0 && p.segs[0].open {
		return // inside a block quote
	}
	for si, sn := range p.sents {
		if p.attrs[si] {
			continue // the attribution of a quote before: “Y?” he said, smiling.
		}
		from, to := sn[0], sn[1]
		hasQuote := false
		for k := from; k < to; k++ {
			if p.toks[k].kind == tQuote {
				hasQuote = true
				break
			}
		}
		if hasQuote || to-from < 5 {
			continue
		}
		if u, ok := s.reportedIn(pi, from, to); ok {
			s.units = append(s.units, u)
		}
	}
}

// reportedIn reads the reported statement of the sentence [from, to) of
// paragraph pi, trying in turn an opening source ("According to X, …"),
// a trailing attribution ("…, X said") and a leading one ("X said (that)
// …").
func (s *scanner) reportedIn(pi, from, to int) (unit, bool) {
	p := &s.paras[pi]
	end := to
	for end > from && p.isPunct(end-1, ".!?") {
		end--
	}
	if u, ok, done := s.reportedOpening(pi, from, end); done {
		return u, ok
	}
	if u, ok, done := s.reportedTrailing(pi, from, end); done {
		return u, ok
	}
	return s.reportedLead(pi, from, end)
}

// reportedUnit makes the reported statement of tokens [a, b) of paragraph
// pi, without edge punctuation; ok is false when fewer than four words
// remain.
func (p *para) reportedUnit(pi, a, b int, sp speaker) (unit, bool) {
	for a < b && p.isPunct(a, ",:;—") {
		a++
	}
	for b > a && p.isPunct(b-1, ",:;—") {
		b--
	}
	if b-a < 4 || words(p.span(a, b)) < 4 {
		return unit{}, false
	}
	return unit{para: pi, tok: a, kind: KindReported, spk: sp,
		parts: [][2]int{{p.toks[a].start, p.toks[b-1].end}}}, true
}

// reportedOpening reads a source that opens the sentence: "According to
// X, …", "Selon la compagnie, …", "Pour Anne Garnier, économiste, …".
// done is true when the sentence opens so, whether or not a statement
// follows.
func (s *scanner) reportedOpening(pi, from, end int) (u unit, ok, done bool) {
	p := &s.paras[pi]
	i := from
	if t, ok := p.word(i); ok && t.lower == "according" {
		if nt, ok := p.word(i + 1); ok && nt.lower == "to" {
			sp, e, ok := p.npAfter(i+2, end, pi)
			if ok && p.isPunct(e, ",") {
				u, ok := p.reportedUnit(pi, e+1, end, sp)
				return u, ok, true
			}
			return unit{}, false, true
		}
	}
	n, intl := p.intlAccordingAt(i)
	if t, isWord := p.word(i); isWord && t.lower == "pour" && p.isNameTok(i+1) {
		n, intl = i+1, true
	}
	if !intl {
		return unit{}, false, false
	}
	sp, e, ok := p.intlAfter(n, end, pi)
	if !ok || !p.isPunct(e, ",") {
		return unit{}, false, true
	}
	if sp.role != "" {
		// past the appositive: "X, économiste des transports, …"
		for k := e + 1; k < end; k++ {
			if p.isPunct(k, ",") {
				e = k
				break
			}
		}
	}
	u, ok = p.reportedUnit(pi, e+1, end, sp)
	return u, ok, true
}

// reportedTrailing reads an attribution after the statement, at one of
// the sentence's last commas: "…, according to X", "…, X said (Friday,
// as …)", "But to prevent problems, he said, local officials should …".
func (s *scanner) reportedTrailing(pi, from, end int) (u unit, ok, done bool) {
	p := &s.paras[pi]
	for c := end - 1; c > from+3; c-- {
		if !p.isPunct(c, ",") || p.descriptorSpan(from, c) {
			continue // "The company’s chief executive, Mark Olsen, said …": the subject's title
		}
		if t, ok := p.word(c + 1); ok && t.lower == "according" {
			if nt, ok := p.word(c + 2); ok && nt.lower == "to" {
				if sp, e, ok := p.npAfter(c+3, end, pi); ok && e >= end-10 {
					u, ok := p.reportedUnit(pi, from, c, sp)
					return u, ok, true
				}
			}
		}
		// "…, X said" | "…, noted NBC’s Dante Chinni"
		if sp, e, ok := s.postAttr(pi, c+1, end); ok && sp.kind != spkNone && (p.isVerb(e-1, reportVerbs) && p.speechUse(e-1, sp) && !p.relativeBefore(e-1) ||
			p.isVerb(c+1, reportVerbs) && e >= end && !p.clauseSubject(c+2, e-1) && p.speechUse(c+1, sp)) && !badSubject(sp.text) {
			if u, ok, done := p.aroundAttribution(pi, from, c, e, end, sp); done {
				return u, ok, true
			}
		}
		if sp, e, ok := s.postAttr(pi, c+1, end); ok && p.lang != "" && p.isIntlVerb(c+1) && e >= end && sp.kind != spkNone && !badSubject(sp.text) {
			// "Es sei nicht zu verstehen, …, sagt Flixbus-Manager
			// Stenger.", "…, afirmó la ministra."
			u, ok := p.reportedUnit(pi, from, c, sp)
			return u, ok, true
		}
		if c < end-12 {
			break
		}
	}
	return unit{}, false, false
}

// descriptorSpan reports whether the tokens [a, c) are a description of
// one person and nothing else: a determiner or a possessive, at most seven
// words, and a title or a person noun at the end ("The company’s chief
// executive").
func (p *para) descriptorSpan(a, c int) bool {
	w, ok := p.word(a)
	if !ok || c-a > 7 || !determiners[w.lower] && !strings.HasSuffix(w.lower, "’s") && !strings.HasSuffix(w.lower, "'s") {
		return false
	}
	for k := a; k < c; k++ {
		if p.toks[k].kind != tWord {
			return false
		}
	}
	last, _ := p.word(c - 1)
	return titleWords[last.lower] || personHeads[last.lower]
}

// aroundAttribution makes the statement around an attribution [c, e)
// found inside the sentence [from, end): before it when it ends the
// sentence, on both sides when it stands in the middle ("…, he said, …"),
// after it when what stands before only sets the scene ("In her book,
// she wrote, …").
func (p *para) aroundAttribution(pi, from, c, e, end int, sp speaker) (u unit, ok, done bool) {
	if w, ok := p.word(e); ok && e == end-1 && objectWords[w.lower] {
		// "…, Mexico said enough.": the verb has its own object
		return unit{}, false, true
	}
	adjunct := p.adjunct(from, c)
	if e >= end-5 || p.trailer(e, end) {
		if adjunct {
			return unit{}, false, true
		}
		u, ok := p.reportedUnit(pi, from, c, sp)
		return u, ok, true
	}
	if !p.isPunct(e, ",") {
		return unit{}, false, false
	}
	if adjunct {
		u, ok := p.reportedUnit(pi, e+1, end, sp)
		return u, ok, true
	}
	u, ok = p.reportedUnit(pi, from, c, sp)
	if u2, ok2 := p.reportedUnit(pi, e+1, end, sp); ok2 {
		if !ok {
			return u2, true, true
		}
		u.parts = append(u.parts, u2.parts...)
	}
	return u, ok, true
}

// reportedLead reads "X said (that) …": the first reporting verb with a
// speaker before it, its complement running to the sentence's end.
func (s *scanner) reportedLead(pi, from, end int) (unit, bool) {
	p := &s.paras[pi]
	for v := from + 1; v < end && v < from+25; v++ {
		t := p.toks[v]
		if t.kind != tWord {
			if p.isPunct(v, ";") || p.toks[v].kind == tQuote {
				break
			}
			continue
		}
		if !p.isVerb(v, reportVerbs) {
			continue
		}
		if t.lower == "states" || t.lower == "state" {
			// "battleground states", "27 states": a verb only before "that"
			if w, ok := p.word(v + 1); !ok || w.lower != "that" {
				continue
			}
		}
		sp, ok := p.reportSubject(from, v, pi)
		if !ok || badSubject(sp.text) || !p.speechUse(v, sp) {
			continue
		}
		c, ok := p.reportedComplement(v, end)
		if !ok {
			return unit{}, false
		}
		if k := p.conjoinedReport(c, end, pi); k > c {
			// "Obama emphasized that the reforms were not complete, and
			// human rights groups warned that …": two speakers
			if u2, ok := s.reportedLead(pi, k, end); ok {
				s.units = append(s.units, u2)
			}
			end = k - 2
		}
		return p.reportedUnit(pi, c, end, sp)
	}
	return unit{}, false
}

// conjoinedReport returns the token after ", and" or ", but" in [c, end)
// where a clause with its own subject and reporting verb begins ("…, and
// human rights groups warned that …"), or -1.
func (p *para) conjoinedReport(c, end, pi int) int {
	for k := c + 1; k+2 < end; k++ {
		if !p.isPunct(k, ",") || !p.isWordIn(k+1, set("and but while")) {
			continue
		}
		for v := k + 3; v < end && v < k+10; v++ {
			if p.toks[v].kind != tWord || !p.isVerb(v, reportVerbs) {
				continue
			}
			if sp, ok := p.reportSubject(k+2, v, pi); ok && !badSubject(sp.text) && p.speechUse(v, sp) {
				return k + 2
			}
			break
		}
	}
	return -1
}

// reportedComplement returns where the statement of the reporting verb at
// v starts: after adverbs, the addressee ("told reporters (that)"), a
// phrase ("said in a statement that") or a time ("said Tuesday that").
// ok is false when an addressee or phrase leads to no "that".
func (p *para) reportedComplement(v, end int) (int, bool) {
	c := v + 1
	for c < end {
		if w, ok := p.word(c); ok && verbAdverbs[w.lower] && !w.upper {
			c++
			continue
		}
		break
	}
	t := p.toks[v]
	// "said to be" reports; "wrote to the agency" names whom the words
	// went to, and reports only with "that" after it
	w, ok := p.word(c)
	toAddressee := ok && w.lower == "to" && !t.upper && (strings.HasPrefix(t.lower, "wr") || strings.HasPrefix(t.lower, "spoke") || strings.HasPrefix(t.lower, "talk"))
	if t.lower == "told" || t.lower == "tells" || ok && prepositions[w.lower] && w.lower != "to" || toAddressee {
		found := false
		for k := c; k < end && k < c+8; k++ {
			if w, ok := p.word(k); ok && w.lower == "that" {
				c, found = k, true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	if k := c; k < end && timeWords[p.toks[k].lower] {
		for k < end && timeWords[p.toks[k].lower] {
			k++
		}
		if w, ok := p.word(k); ok && w.lower == "that" {
			c = k
		}
	}
	return c, true
}

// badSubject reports whether a speaker phrase read before a reporting
// verb is a clause fragment rather than a speaker: "which advocates",
// "how experts", "Everything Trump", "After campaign aides".
// objectWords after "said" are what was said, not a time or a place:
// "Mexico said enough", "the board said no".
var objectWords = set("enough no yes so nothing little much otherwise")

// findingVerbs report what a study, a poll or a count shows: with no
// person as their subject they report findings, not speech ("The poll
// indicates a tightening race").
var findingVerbs = set(`indicates indicated indicate shows showed show found finds find
estimates estimated estimate suggests suggested concluded concludes predicts predicted`)

// findingHeads end the subjects whose "shows" or "estimates" reports a
// finding, not speech: "the poll", "instant polls", "the data".
var findingHeads = set(`poll polls survey surveys study studies report reports data analysis
analyses research figures numbers statistics results census forecast forecasts estimates
index model models review reviews audit audits test tests count counts`)

// speechUse reports whether the report verb at v, with subject sp, reports
// speech: not a finding of a body that is no person, not "added the
// week", not "agreed to lend".
func (p *para) speechUse(v int, sp speaker) bool {
	t := p.toks[v]
	if findingVerbs[t.lower] && findingHeads[descHead(sp.text)] {
		return false // a finding: "The poll indicates a tightening race"
	}
	w, ok := p.word(v + 1)
	switch t.lower {
	case "added", "adds", "add":
		return !ok || !determiners[w.lower] // "had added the additional week"
	case "agreed", "agrees", "agree":
		return !ok || w.lower != "to" // "agreed to effectively lend"
	}
	return true
}

// relativeBefore reports whether a relative pronoun stands before the verb
// at v, past auxiliaries: "another mining company that had declared".
func (p *para) relativeBefore(v int) bool {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		w, ok := p.word(k)
		if !ok {
			return false
		}
		switch w.lower {
		case "that", "which", "who":
			return true
		}
		if !auxVerbs[w.lower] && !verbAdverbs[w.lower] {
			return false
		}
	}
	return false
}

func badSubject(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	l := strings.ToLower(w)
	switch l {
	case "which", "who", "whom", "how", "where", "when", "why", "what", "whether",
		"everything", "nothing", "anything", "something", "everyone", "anyone", "someone":
		return true
	}
	return w != "" && w != l && prepositions[l]
}

// adjunct reports whether tokens [a, b) are an opening adverbial phrase
// ("In a Wall Street Journal essay last week", "In her 2003 book")
// rather than a statement: a preposition and a few words, no verb.
func (p *para) adjunct(a, b int) bool {
	t, ok := p.word(a)
	if !ok || !prepositions[t.lower] || t.lower == "to" || b-a > 10 {
		return false
	}
	for k := a + 1; k < b; k++ {
		if w, ok := p.word(k); ok && (passives[w.lower] || verbAdverbs[w.lower] && !w.upper) {
			return false
		}
	}
	return true
}

// trailer reports whether tokens [e, end) after a trailing attribution are
// a time, place or subordinate clause rather than more of the statement:
// "…, officials said Friday afternoon, as they …".
func (p *para) trailer(e, end int) bool {
	t, ok := p.word(e)
	if p.isPunct(e, "(") {
		return true
	}
	if p.isPunct(e, ",") {
		// "…, he said, adding …" ends the statement; "…, he said, there
		// are other tools" continues it
		w, ok := p.word(e + 1)
		return ok && !w.upper && strings.HasSuffix(w.lower, "ing") && len(w.lower) > 5
	}
	return ok && timeWords[t.lower]
}

// reportSubject parses the subject of a reporting verb at v: the whole
// phrase from the start of the clause ("The nonpartisan Commission on
// Presidential Debates says"), a name after an introductory phrase ("In a
// statement, Mr. Grassley and Mr. Leahy said"), or a pronoun.
func (p *para) reportSubject(from, v, pi int) (speaker, bool) {
	// skip a leading conjunction
	for from < v {
		t, ok := p.word(from)
		if ok && clauseWords[t.lower] && !t.upper || ok && (t.text == "But" || t.text == "And" || t.text == "So" || t.text == "Yet") {
			from++
			continue
		}
		break
	}
	if sp, ok := p.subjectSpan(from, v, pi); ok {
		return p.conjoin(sp, from), true
	}
	sp, st, ok := p.npBefore(v-1, from, pi)
	if ok {
		if st == from || p.isPunct(st-1, ",") || clauseWords[p.toks[st-1].lower] {
			return p.conjoin(sp, from), true
		}
	}
	// a plain noun phrase as subject: no punctuation, few words
	end := p.skipAdvBack(v-1, from) + 1
	if end-from < 1 || end-from > 9 {
		return speaker{}, false
	}
	for k := from; k < end; k++ {
		t := p.toks[k]
		if t.kind == tQuote || t.kind == tPunct && !(t.text == "." && p.isNameTok(k)) && t.text != "-" && t.text != "/" {
			return speaker{}, false
		}
		if t.kind == tWord && (reportVerbs[t.lower] || speechVerbs[t.lower] || clauseWords[t.lower] && k > from) {
			return speaker{}, false
		}
	}
	first := p.toks[from]
	if !determiners[first.lower] || first.lower == "this" || first.lower == "that" {
		return speaker{}, false
	}
	for k := from; k < end; k++ {
		if t := p.toks[k]; t.kind == tWord && (verbAdverbs[t.lower] || strings.Contains(t.lower, "n't") || strings.Contains(t.lower, "n’t")) {
			return speaker{}, false
		}
	}
	return speaker{text: p.span(from, end), kind: spkDesc, para: pi, tok: from}, true
}

// conjoin extends a speaker to a conjoined name before it: "Mr. Grassley
// and Mr. Leahy".
func (p *para) conjoin(sp speaker, from int) speaker {
	if sp.kind != spkName {
		return sp
	}
	a := sp.tok
	if ts, ok := p.titleBefore(a, from); ok {
		a = ts
	}
	if a-2 < from {
		return sp
	}
	if w, ok := p.word(a - 1); !ok || w.lower != "and" || !p.isNameTok(a-2) {
		return sp
	}
	s := p.nameRunBefore(a-2, from)
	if s > a-2 {
		return sp
	}
	sp.text = p.span(s, sp.tok) + " " + sp.text
	sp.kind = spkDesc // two people: no pronoun refers to them singly
	return sp
}

// verbForm reports whether word i reads as a verb rather than a noun:
// lowercase ("the United States" holds no verb) and not after a
// determiner or possessive ("Mr. Obama's remarks", "the claims").
func (p *para) verbForm(i int) bool {
	t, ok := p.word(i)
	if !ok {
		return false
	}
	pw, ok := p.word(i - 1)
	if !ok {
		return true // "Said Ellis: …" opens its sentence
	}
	l := pw.lower
	if prepositions[l] && strings.HasSuffix(t.lower, "s") {
		return false // "pointed to reports that …"
	}
	if !pw.upper && strings.Contains(l, "-") && strings.HasSuffix(t.lower, "s") {
		return false // "his series of early-morning tweets"
	}
	if !pw.upper && p.lang == "" && len(l) > 4 && strings.HasSuffix(l, "ed") && strings.HasSuffix(t.lower, "s") {
		return false // "she received comments including “…”": the object of a verb
	}
	if pw.upper && strings.HasSuffix(t.lower, "s") {
		// "32% of Republican claims": an adjective before a plural noun
		if ppw, ok := p.word(i - 2); ok && (prepositions[ppw.lower] || determiners[ppw.lower]) && !ppw.upper {
			return false
		}
	}
	return !t.upper && !nounMarkers[l] && !strings.HasSuffix(l, "'s") && !strings.HasSuffix(l, "’s")
}

// nounMarkers before a word make it a noun: "the claims", "his remarks".
var nounMarkers = set("a an the his her their its this these those our my your each every any no")

// passives before a verb make it no verb of saying: "was reported by".
var passives = set("was were been be is are being")

// isVerb reports whether token i is a lowercase verb of set, not a noun
// ("his claims", "the United States") nor a passive ("was reported").
func (p *para) isVerb(i int, verbs map[string]bool) bool {
	t, ok := p.word(i)
	if !ok || t.upper || !verbs[t.lower] {
		return false
	}
	if pw, ok := p.word(i - 1); ok {
		l := pw.lower
		if determiners[l] && l != "that" || passives[l] || strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") {
			return false
		}
	}
	return true
}
