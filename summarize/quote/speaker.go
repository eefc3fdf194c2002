package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speaker kinds.
const (
	spkNone    = iota
	spkName    // a proper name or organisation: "Mike O'Sullivan", "The New York Post"
	spkPronoun // "he", "she": resolved later
	spkDesc    // a description: "a campaign spokesman"
	spkLabel   // an interview label: "WALLACE"
	spkDropped // a subject a pro-drop language leaves out: "«…», recalcó."
)

// speaker is who a quote is attributed to, as the article gives it.
type speaker struct {
	text   string // as printed
	role   string // role from the article, if any
	kind   int
	gender int
	para   int // where the speaker is mentioned
	tok    int
}

// particles are lowercase words inside names: "Charles de Gaulle".
var particles = set("de van von da del der den bin al la le du di ben st dos das ter y")

// relWords end a descriptive speaker phrase read forward.
var relWords = set(`who which that whose whom in on at during when while after before
because as and but or to said says told added wrote`)

func (p *para) word(i int) (token, bool) {
	if i < 0 || i >= len(p.toks) {
		return token{}, false
	}
	t := p.toks[i]
	return t, t.kind == tWord
}

func (p *para) isPunct(i int, marks string) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tPunct {
		return false
	}
	return strings.Contains(marks, p.toks[i].text)
}

// isNameTok reports whether token i can be part of a proper name: a
// capitalized word, an initial or abbreviation with its period, a
// particle between capitalized words, or a possessive-free word.
func (p *para) isNameTok(i int) bool {
	t, ok := p.word(i)
	if !ok {
		// the period of an initial or abbreviation: "H." "Mr."
		if i > 0 && p.isPunct(i, ".") {
			pw, ok := p.word(i - 1)
			if ok && pw.end == p.toks[i].start && pw.upper && (utf8.RuneCountInString(pw.text) == 1 || abbreviations[pw.text]) {
				return true
			}
		}
		return false
	}
	if strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s") {
		return false
	}
	return t.upper
}

// nameRunBefore returns the start of the run of name tokens ending at e
// (inclusive), or e+1 if token e is not a name token.
func (p *para) nameRunBefore(e, limit int) int {
	i := e
	for i >= limit {
		if p.isNameTok(i) {
			i--
			continue
		}
		// a particle between two name tokens
		if t, ok := p.word(i); ok && particles[t.lower] && i > limit && p.isNameTok(i-1) && i < e {
			i--
			continue
		}
		break
	}
	s := i + 1
	// do not start on a period
	for s <= e && p.toks[s].kind != tWord {
		s++
	}
	return s
}

// nameRunAfter returns the end (exclusive) of the run of name tokens
// starting at s.
func (p *para) nameRunAfter(s, limit int) int {
	i := s
	for i < limit {
		if p.secondName(s, i) {
			break
		}
		if p.isNameTok(i) {
			i++
			continue
		}
		if t, ok := p.word(i); ok && particles[t.lower] && i+1 < limit && p.isNameTok(i+1) && i > s && !p.articleAfterName(s, i) {
			i++
			continue
		}
		break
	}
	// do not end on a particle
	for i > s+1 {
		if t, ok := p.word(i - 1); ok && !t.upper && particles[t.lower] {
			i--
			continue
		}
		break
	}
	return i
}

// articleAfterName reports whether the particle at i is a German article
// after a full name [s, i) rather than part of the name: "Joachim Mnich
// der Deutschen Presse-Agentur", but "Ursula von der Leyen".
func (p *para) articleAfterName(s, i int) bool {
	t, _ := p.word(i)
	if t.lower != "der" && t.lower != "den" || i-s < 2 && p.lang != "de" {
		return false // in German also after a surname: "erklärt Döring den Prozess"
	}
	prev, ok := p.word(i - 1)
	return ok && !particles[prev.lower]
}

// secondName reports whether token i, inside a run of name tokens that
// starts at s, opens a second full name: a known first name followed by
// a name token, after a first name and surname ("Autorin Charlotte Elsen
// Tobias Trommer" holds two people, never one speaker).
func (p *para) secondName(s, i int) bool {
	w, ok := p.word(i)
	if !ok || firstGender(w.lower) == genderUnknown || !p.isNameTok(i+1) {
		return false
	}
	for k := i - 2; k >= s; k-- {
		f, ok := p.word(k)
		if !ok {
			continue
		}
		if firstGender(f.lower) == genderUnknown {
			continue
		}
		// only surnames between the two first names: not an initial
		// ("Christina N Luis"), a title or an acronym ("Virginia AFL-CIO
		// President Doris")
		surname := false
		for m := k + 1; m < i; m++ {
			n, ok := p.word(m)
			if !ok {
				return false
			}
			if titleWords[n.lower] || compoundTitle(n.lower) || orgWords[n.text] || strings.ToUpper(n.text) == n.text {
				return false
			}
			if firstGender(n.lower) == genderUnknown && utf8.RuneCountInString(n.text) > 1 {
				surname = true
			}
		}
		return surname
	}
	return false
}

func (p *para) span(a, b int) string {
	if a >= b || a < 0 || b > len(p.toks) {
		return ""
	}
	return p.text[p.toks[a].start:p.toks[b-1].end]
}

// splitName divides a run of capitalized tokens [a, b) into a leading
// title (role) and the name. "President Obama" → ("President", "Obama");
// "White House Press Secretary Josh Earnest" → ("White House Press
// Secretary", "Josh Earnest"); "Mr. Obama" stays whole.
func (p *para) splitName(a, b int) (nameStart int) {
	// trim words that start sentences but are not names
	for a < b {
		t, ok := p.word(a)
		if ok && notNames[t.text] && a+1 < b {
			a++
			continue
		}
		break
	}
	if b-a >= 3 && p.isWordIn(a-1, set("to of for in")) && p.isTitleTok(a-2) && p.isNameTok(a+1) {
		// "ambassador to Britain Liu Xiaming": the place belongs to the
		// title
		if w, ok := p.word(a); ok && !particles[w.lower] {
			return a + 1
		}
	}
	start := a
	for i := a; i < b; i++ {
		t, ok := p.word(i)
		if !ok {
			continue
		}
		if _, h := honorifics[t.lower]; h && (p.isPunct(i+1, ".") || !abbreviations[t.text]) && i+1 < b {
			// an honorific opens the name, unless it is a job ("Spokesman")
			if g := honorifics[t.lower]; titleWords[t.lower] && g == genderUnknown {
				start = i + 1
				continue
			}
			return i
		}
		if (titleWords[t.lower] && !titleModifierCaps[t.text] || compoundTitle(t.lower) || t.text == "Del" && p.isPunct(i+1, ".") || titleAbbrevs[t.text] || p.lang == "de" && acronymCompound(t.text) || p.elidedTitle(t.lower)) && i+1 < b {
			// "Del." before a name is a delegate, not Delaware
			start = i + 1
			if p.isPunct(start, ".") {
				start++
			}
		}
	}
	if start >= b {
		start = a
	}
	if t, ok := p.word(start); ok && p.lang != "" && start > a && !t.upper && particles[t.lower] {
		start = a // "Fiscalía General de Colombia": a body, not "de Colombia"
	}
	// a known first name inside the remaining run opens the name; not a
	// particle that may be one ("Al" in "Khalid Al Suwaidi")
	for i := start; i < b-1; i++ {
		if t, ok := p.word(i); ok && firstGender(t.lower) != genderUnknown && !(i > start && particles[t.lower]) {
			if i > start {
				return i
			}
			break
		}
	}
	return start
}

// genderOf guesses a name's gender from an honorific or first name.
func (p *para) genderOf(a, b int) int {
	for i := a; i < b; i++ {
		t, ok := p.word(i)
		if !ok {
			continue
		}
		if g, h := honorifics[t.lower]; h && g != genderUnknown {
			return g
		}
		if g := firstGender(t.lower); g != genderUnknown && (i < b-1 || i == a) {
			return g // not the surname of a longer name: "Ilhan Omar"
		}
	}
	return genderUnknown
}

// titleBefore collects a role phrase standing before a name at s:
// "White House press secretary", "Trump campaign manager", "Sen.".
func (p *para) titleBefore(s, limit int) (int, bool) {
	if w, ok := p.word(s - 1); ok && !w.upper && (w.lower == "for" || w.lower == "of" || w.lower == "at" || w.lower == "with") {
		if t, ok := p.word(s - 2); !ok || !t.upper {
			// "a spokesperson for Inherent Resolve": the body, not its
			// title; but "Secretary of State John Kerry"
			return 0, false
		}
	}
	i := s - 1
	hasTitle, sawAnd := false, false
	n := 0
	for i >= limit && n < 8 {
		t := p.toks[i]
		if t.kind == tPunct {
			if t.text == "," && sawAnd && p.titleWordAt(i-1) && p.titleWordAt(i+1) {
				// "chairman, CEO and president Craig Menear"
				i--
				n++
				continue
			}
			if t.text == "." && i > 0 {
				if pw, ok := p.word(i - 1); ok && abbreviations[pw.text] {
					i--
					continue
				}
			}
			if t.text == ")" && i >= 2 && p.isPunct(i-2, "(") {
				// an acronym in parentheses: "Pan American Health
				// Organization (PAHO) Director"
				if w, ok := p.word(i - 1); ok && len(w.text) >= 2 && strings.ToUpper(w.text) == w.text {
					i -= 3
					n++
					continue
				}
			}
			break
		}
		if t.kind != tWord {
			break
		}
		l := t.lower
		if !hasTitle && !t.upper && i == s-1 {
			// "Professor of health psychology Jane Ogden"
			if k := p.titleOfBefore(i, limit); k >= 0 {
				hasTitle = true
				i = k - 1
				n += 4
				continue
			}
		}
		switch {
		case titleWords[l] || titleWords[strings.TrimSuffix(l, "s")] || p.intlTitleWord(l):
			hasTitle = true
		case t.upper && p.lang != "" && intlArticles[l]:
			// "La candidata Ingrid Betancourt": the article opens the role
			i--
			n++
			continue
		case t.upper && !notNames[t.text]:
		case l == "and" && hasTitle && p.titleWordAt(i-1) && p.titleWordAt(i+1):
			sawAnd = true // "CEO and president Craig Menear"
		case l == "of" || l == "for" || strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s"):
		case p.lang != "" && i < s-1 && (l == "de" || l == "del" || l == "du" || l == "des" || l == "von" || l == "der"):
			// "El diputado de Convergencia Social Diego Ibáñez"
		case t.upper && (t.text == "The" || t.text == "A"):
			i--
			n++
			continue
		default:
			if !hasTitle {
				return s, false
			}
			if pw, ok := p.word(i - 1); ok && i-1 >= limit && pw.upper && !notNames[pw.text] &&
				!determiners[l] && !prepositions[l] && !clauseWords[l] && !auxVerbs[l] && !p.pastVerb(i) {
				// "Steelers defensive captain": a modifier between the
				// body and the title
				i -= 2
				n += 2
				continue
			}
			if pw, ok := p.word(i - 1); ok && p.lang != "" && !intlArticles[l] && !pw.upper && p.isArticle(pw.lower) && i-1 >= limit {
				// "die stellvertretende Leiterin Özlem Gezer", "el actual
				// intendente": an adjective between the article and the title
				return i - 1, hasTitle
			}
			if l == "the" || l == "a" || l == "an" || p.lang != "" && intlArticles[l] {
				i--
			}
			return i + 1, hasTitle
		}
		i--
		n++
	}
	if !hasTitle {
		return s, false
	}
	return i + 1, true
}

// titleWordAt reports whether token i is a title word ("chairman",
// "CEO", "presidents").
func (p *para) titleWordAt(i int) bool {
	w, ok := p.word(i)
	return ok && (titleWords[w.lower] || titleWords[strings.TrimSuffix(w.lower, "s")])
}

// titleOfBefore returns the title word of a phrase "TITLE of words"
// ending at token e, whose words after "of" are one or two lowercase
// nouns: "professor of health psychology", "head of research"; -1 when
// there is none.
func (p *para) titleOfBefore(e, limit int) int {
	if w, ok := p.word(e); !ok || determiners[w.lower] || prepositions[w.lower] || clauseWords[w.lower] || speechVerbs[w.lower] {
		return -1
	}
	for j := e - 1; j >= limit && j >= e-2; j-- {
		w, ok := p.word(j)
		if !ok {
			return -1
		}
		if w.lower == "of" && !w.upper {
			if tw, ok := p.word(j - 1); ok && j-1 >= limit && (titleWords[tw.lower] || tw.lower == "head") {
				return j - 1
			}
			return -1
		}
		if w.upper || determiners[w.lower] || prepositions[w.lower] || clauseWords[w.lower] {
			return -1
		}
	}
	return -1
}

// bodyBefore returns where the organisation named just before token a
// starts, with an acronym in parentheses: "Pan American Health
// Organization (PAHO)"; a when there is none.
func (p *para) bodyBefore(a int) int {
	i := a - 1
	if p.isPunct(i, ")") && p.isPunct(i-2, "(") {
		i -= 3
	}
	s := a
	for i >= 0 && i > a-10 {
		t, ok := p.word(i)
		if !ok || !t.upper || notNames[t.text] {
			break
		}
		s = i
		i--
	}
	if s == a || !isOrg(p.span(s, a)) && !p.isPunct(a-1, ")") {
		return a
	}
	return s
}

// nameAt builds a name speaker from the capitalized run [a, b), splitting
// off a leading title as the role.
func (p *para) nameAt(a, b, pi int) speaker {
	for a < b-1 {
		// words that only start the sentence: "Said Ann Moore", "El
		// Presidente Boric"; not "Le Pen"
		if t, ok := p.word(a); ok && (notNames[t.text] || p.notName(t.text) && !(particles[t.lower] && !deDefinite[t.lower] && t.lower != "den" && t.lower != "von" && b-a == 2)) {
			a++
			continue
		}
		break
	}
	ns := p.splitName(a, b)
	sp := speaker{kind: spkName, para: pi, tok: ns, gender: p.genderOf(a, b)}
	sp.text = p.span(ns, b)
	if ns > a {
		sp.role = p.span(a, ns)
	}
	if ts, ok := p.titleBefore(a, 0); ok && ts < a {
		sp.role = p.span(ts, ns)
	} else if adj, ok := p.word(a - 1); ns > a && p.lang != "" && ok && !adj.upper && !p.isArticle(adj.lower) && a >= 2 && p.isArticle(p.toks[a-2].lower) && p.toks[a-2].kind == tWord {
		// "die stellvertretende Leiterin Özlem Gezer": the article and
		// adjective before a German title in the run
		sp.role = p.span(a-2, ns)
	} else if ns > a {
		// the body the title belongs to: "Pan American Health
		// Organization (PAHO) Director Carissa F. Etienne"
		if ts := p.bodyBefore(a); ts < a {
			sp.role = p.span(ts, ns)
		}
	}
	if ns == a && sp.role == "" {
		// a title before the run: "press secretary Josh Earnest"
		if ts, ok := p.titleBefore(a, 0); ok {
			sp.role = p.span(ts, a)
		}
	}
	if ns > a {
		// "Angaben von Klimaforschern Paula Stein": a particle inside the
		// run with no title before it ends what is not the role
		for k := ns - 1; k > a; k-- {
			if w, ok := p.word(k); ok && !w.upper && particles[w.lower] && !p.titleIn(a, k) {
				sp.role = p.span(k+1, ns)
				break
			}
		}
	}
	sp.role = strings.TrimSpace(sp.role)
	if p.lang == "de" && sp.role != "" {
		sp.role = p.coordinatedRole(sp.role, ns)
		if !deTitled(sp.role) {
			sp.role = ""
		}
	}
	if isOrg(sp.text) {
		sp.gender = genderUnknown
	}
	return sp
}

// titleIn reports whether a title word stands in tokens [a, b).
func (p *para) titleIn(a, b int) bool {
	for i := a; i < b; i++ {
		if w, ok := p.word(i); ok && (titleWords[w.lower] || compoundTitle(w.lower)) {
			return true
		}
	}
	return false
}

func isOrg(s string) bool {
	for s != "" {
		i := strings.IndexByte(s, ' ')
		w := s
		if i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if orgWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// skipAdvBack skips auxiliaries and adverbs ending at e, returning the new
// end (inclusive).
func (p *para) skipAdvBack(e, limit int) int {
	for e >= limit {
		t, ok := p.word(e)
		if ok && !t.upper && (verbAdverbs[t.lower] || lyAdverb(t.lower) && !p.isWordIn(e-1, relWords)) {
			e--
			continue
		}
		break
	}
	return e
}

// lyAdverb reports whether l, a lowercase word, reads as an adverb in
// -ly ("Dion adamantly revealed"), not a noun ("the family", "the
// assembly").
func lyAdverb(l string) bool {
	return len(l) > 5 && strings.HasSuffix(l, "ly") && !lyNouns[l]
}

// lyNouns are nouns and adjectives ending in -ly that close a noun phrase.
var lyNouns = set(`family families assembly supply rally anomaly monopoly belly bully
jelly tally reply folly homily ally butterfly firefly dragonfly melancholy
weekly daily monthly quarterly biweekly`)

// npBefore parses the speaker phrase that ends at token e (inclusive),
// reading back no further than limit. It returns the speaker and the
// index of its first token.
func (p *para) npBefore(e, limit, pi int) (speaker, int, bool) {
	sp, st, ok := p.npBeforeName(e, limit, pi)
	if ok && sp.kind == spkName && p.isWordIn(st-1, set("from of at")) && p.isNameTok(st-2) {
		// "David Reay from Edinburgh University likens": the person
		// before the body
		if s := p.nameRunBefore(st-2, limit); s <= st-2 {
			if who := p.nameAt(s, st-1, pi); len(strings.Fields(who.text)) >= 2 && !titleOnly(who.text) && !isOrg(who.text) && !p.isWordIn(s-1, set("of from at for")) {
				if who.role == "" {
					who.role = p.span(st-1, p.skipAdvBack(e, limit)+1)
				}
				return who, s, true
			}
		}
	}
	if ok && sp.kind == spkName {
		// "A spokesperson for the British Foreign Office", "The United
		// Nations High Commissioner for Human Rights": the person of the
		// body speaks, not the body
		if d, ds, ok := p.personOf(min(st, sp.tok), p.skipAdvBack(e, limit)+1, limit, pi); ok {
			return d, ds, true
		}
		if d, ds, ok := p.personOf(sp.tok, p.skipAdvBack(e, limit)+1, limit, pi); ok && sp.tok > st {
			return d, ds, true
		}
	}
	return sp, st, ok
}

// personOf returns the descriptor of a person that ends with the body or
// name starting at token st and ending before ne: "a lawyer for the
// outlets' owner", "the son of Ann Lee", "The United Nations High
// Commissioner for Human Rights"; ok is false when no title or person
// noun heads a phrase before "for", "of", "at" or "with" there.
func (p *para) personOf(st, ne, limit, pi int) (speaker, int, bool) {
	k := st - 1
	if p.isWordIn(k, set("the")) {
		k--
	}
	w, ok := p.word(k)
	if !ok || w.upper || w.lower != "for" && w.lower != "of" && w.lower != "at" && w.lower != "with" || k-1 < limit {
		return speaker{}, 0, false
	}
	d, ds, ok := p.descBefore(k-1, limit, pi)
	if !ok || d.kind != spkDesc {
		return speaker{}, 0, false
	}
	head := descHead(d.text)
	if !titleWords[head] && !personHeads[head] && !personPlural(head) || bodyHeads[head] {
		return speaker{}, 0, false
	}
	for k := st; k < ne; k++ {
		if p.isPunct(k, ",(") {
			ne = k // the body's own appositive is no part of the phrase
			break
		}
	}
	return speaker{text: p.span(ds, ne), kind: spkDesc, para: pi, tok: ds}, ds, true
}

// npBeforeName is npBefore before a body's person is looked for.
func (p *para) npBeforeName(e, limit, pi int) (speaker, int, bool) {
	e = p.skipAdvBack(e, limit)
	if e < limit {
		return speaker{}, 0, false
	}
	t := p.toks[e]
	if t.kind == tWord && speakerPronouns[pronounOf(t.lower)] {
		return pronounSpeaker(t, pi, e), e, true
	}
	if t.kind == tWord && (t.lower == "who" || t.lower == "which" || t.lower == "that") && e > limit {
		// "the Chicago Police Department, which reported"
		e--
		if p.isPunct(e, ",") {
			e--
		}
		if e < limit {
			return speaker{}, 0, false
		}
		t = p.toks[e]
		if t.kind == tWord && speakerPronouns[pronounOf(t.lower)] {
			return speaker{}, 0, false
		}
	}
	if t.kind == tPunct && (t.text == "," || t.text == ")") {
		return p.appositiveBefore(e, limit, pi)
	}
	if p.isNameTok(e) {
		s := p.nameRunBefore(e, limit)
		if s > e {
			return speaker{}, 0, false
		}
		if sp, st, ok := p.placeAfterDesc(s, limit, pi); ok {
			// "Prosecutors in neighbouring Singapore said": the place is
			// where they are, not who speaks
			return sp, st, true
		}
		if os, ok := p.orgBefore(e, s, limit); ok {
			// "the Ministry of Water and Irrigation said": whole
			return speaker{text: p.span(os, e+1), kind: spkName, para: pi, tok: os}, os, true
		}
		if d, ok := p.titleForBefore(s, limit); ok {
			// "A spokesperson for the British Foreign Office said": the
			// spokesperson speaks, not the office
			return speaker{text: p.span(d, e+1), kind: spkDesc, para: pi, tok: d}, d, true
		}
		sp := p.nameAt(s, e+1, pi)
		if sp.text == "" || notNames[sp.text] {
			return speaker{}, 0, false
		}
		st := s
		if ts, ok := p.titleBefore(s, limit); ok {
			st = ts
		}
		return sp, st, true
	}
	if t.kind == tWord {
		return p.descBefore(e, limit, pi)
	}
	return speaker{}, 0, false
}

// titleForBefore returns the start of a descriptor that a name starting
// at token s completes: "A spokesperson for [the] …", "The United Nations
// High Commissioner for …", "a lawyer for …": a determiner, at most four
// words, a title word, then "for", "of" or "at".
func (p *para) titleForBefore(s, limit int) (int, bool) {
	k := s - 1
	if w, ok := p.word(k); ok && w.lower == "the" && !w.upper {
		k--
	}
	prep, ok := p.word(k)
	if !ok || prep.upper || prep.lower != "for" && prep.lower != "of" && prep.lower != "at" {
		return 0, false
	}
	head, ok := p.word(k - 1)
	if !ok || !titleWords[head.lower] && !titleWords[strings.TrimSuffix(head.lower, "s")] {
		return 0, false
	}
	for d := k - 1; d >= limit && d >= k-6; d-- {
		w, ok := p.word(d)
		if !ok {
			return 0, false
		}
		if determiners[w.lower] && w.lower != "that" {
			if p.isPunct(d-1, ",") && p.isNameTok(d-2) {
				return 0, false // "Lena Brandt, a senior analyst at Norvik,": her role
			}
			if d == limit || p.isPunct(d-1, ",;:—(") || p.isClauseWord(d-1) {
				return d, true
			}
			return 0, false
		}
	}
	return 0, false
}

// descBefore parses a descriptive speaker ending at e: "a campaign
// spokesman", "one of Mr. Obama's advisers", "officials".
func (p *para) descBefore(e, limit, pi int) (speaker, int, bool) {
	for e > limit+1 && p.isDayPart(e) {
		e-- // "a letter from his doctor Friday afternoon that says"
	}
	if !p.descHead(e) {
		return speaker{}, 0, false
	}
	i := e
	span := 8 // the longest descriptor read, in tokens
	for n := 0; i >= limit && n < span; n++ {
		t := p.toks[i]
		if t.kind == tWord && t.lower == "and" && i < e && i > limit && p.titleIn(max(limit, i-3), i) && p.titleIn(i+1, e+1) {
			// "the former secretary of state and current Democratic
			// presidential nominee": two titles of one person
			span = 12
			i--
			continue
		}
		if t.kind == tWord && determiners[t.lower] && i < e {
			if i > limit && p.isPunct(i-1, "'’") || t.lower == "that" {
				break
			}
			if pw, ok := p.word(i - 1); ok && i > limit && prepositions[pw.lower] {
				// "one of the officials", "a lawyer for the outlets": the
				// phrase goes on; "Protesters marching through the
				// streets" then finds no determiner and fails
				i--
				continue
			}
			if f := p.textFrom(i, e); f > i {
				// "a letter from his doctor": the doctor speaks
				return speaker{text: p.span(f, e+1), kind: spkDesc, para: pi, tok: f}, i, true
			}
			return speaker{text: p.span(i, e+1), kind: spkDesc, para: pi, tok: i}, i, true
		}
		if t.kind == tWord && i < e && !t.upper && !descInner(t.lower) && !(t.lower == "first" && p.isWordIn(i+1, set("lady"))) {
			break
		}
		if t.kind == tWord && i < e && t.upper && (strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s")) {
			// "Ivana Trump's lawyer", "the campaign's spokesman"
			st := i
			if p.isNameTok(i - 1) {
				st = p.nameRunBefore(i-1, limit)
			}
			k := st - 1
			for k >= limit {
				// "Libertarian candidate Gary Johnson’s doctor": the titles
				// before the name belong to the phrase
				w, ok := p.word(k)
				if !ok || !(titleWords[w.lower] || w.upper && !strings.HasSuffix(w.lower, "'s") && !strings.HasSuffix(w.lower, "’s")) {
					break
				}
				k--
			}
			if k < st-1 && titleWords[p.toks[st-1].lower] && (k < limit || p.isPunct(k, ",;:—(") || p.isClauseWord(k)) {
				st = k + 1
			}
			if st == limit || p.isPunct(st-1, ",;:—(") || p.isClauseWord(st-1) {
				return speaker{text: p.span(st, e+1), kind: spkDesc, para: pi, tok: st}, st, true
			}
			break
		}
		if t.kind == tPunct {
			if t.text == "." && p.isNameTok(i) {
				i--
				continue
			}
			break
		}
		if t.kind != tWord || reportVerbs[t.lower] || speechVerbs[t.lower] {
			break
		}
		i--
	}
	// a bare plural at the start of a clause: "Officials said", "critics say"
	start := i + 1
	if start <= e && e-start < 3 && (start == limit || p.isPunct(start-1, ",;:—(") || p.isClauseWord(start-1)) {
		head := p.toks[e].lower
		if p.isWordIn(start-1, set("and or")) && !personPlural(head) {
			// "the spate of police shootings and protests demands that":
			// the last noun of a subject, not the people who speak
			return speaker{}, 0, false
		}
		if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && len(head) > 3 {
			return speaker{text: p.span(start, e+1), kind: spkDesc, para: pi, tok: start}, start, true
		}
	}
	return speaker{}, 0, false
}

// descHead reports whether token e can end a descriptive speaker: a
// noun, not an adverb, auxiliary, conjunction or preposition.
func (p *para) descHead(e int) bool {
	t, ok := p.word(e)
	if !ok {
		return false
	}
	l := t.lower
	if determiners[l] {
		// "the mother of three"
		pw, ok := p.word(e - 1)
		return ok && pw.lower == "of"
	}
	return !(verbAdverbs[l] || clauseWords[l] || prepositions[l] || passives[l] ||
		strings.HasSuffix(l, "ly") && len(l) > 4 || strings.Contains(l, "n't") || strings.Contains(l, "n’t"))
}

// isClauseWord reports whether token i is a lowercase conjunction or
// subordinator that may open a clause before its subject.
func (p *para) isClauseWord(i int) bool {
	t, ok := p.word(i)
	return ok && !t.upper && clauseWords[t.lower]
}

// descInner reports whether a lowercase word may stand inside a
// descriptive speaker before its head: "one of the campaign's senior
// advisers", not "the video should be released but".
func descInner(l string) bool {
	return !(verbAdverbs[l] || clauseWords[l] && l != "of" || passives[l] ||
		strings.Contains(l, "n't") || strings.Contains(l, "n’t"))
}

// appositiveBefore parses "NAME, ROLE," or "DESC, NAME," ending at the
// comma e.
func (p *para) appositiveBefore(e, limit, pi int) (speaker, int, bool) {
	// find the previous comma, within a short window
	c := -1
	paren := p.toks[e].text == ")"
	for i := e - 1; i >= limit && i > e-25; i-- {
		if p.toks[i].kind == tQuote {
			return speaker{}, 0, false
		}
		if paren {
			if p.isPunct(i, "(") {
				c = i
				break
			}
			continue
		}
		if p.isPunct(i, ",") {
			c = i
			break
		}
		if p.isPunct(i, ".;:!?—") && !p.isNameTok(i) {
			return speaker{}, 0, false
		}
	}
	if c < 0 || c == e-1 {
		return speaker{}, 0, false
	}
	if paren {
		// "Rep. Gwen Moore (D-Wis.)": the party label is not a name
		sp, s, ok := p.npBefore(c-1, limit, pi)
		return sp, s, ok
	}
	head, hs, ok := p.npBeforeName(c-1, limit, pi)
	if !ok || hs < limit {
		return speaker{}, 0, false
	}
	if w, ok2 := p.word(hs - 1); ok2 && !w.upper && (w.lower == "at" || w.lower == "of" || w.lower == "for" || w.lower == "with") && head.kind == spkName && !p.isPunct(hs-2, ",") {
		// "Omar Lamrani, a senior military analyst at Stratfor, the
		// Texas-based intelligence firm, told": the body ends the role of
		// the person before it
		if sp, s, ok := p.appositiveBefore(c, limit, pi); ok && sp.kind == spkName && s < hs && !isOrg(sp.text) {
			return sp, s, true
		}
	}
	if w, ok2 := p.word(hs - 1); ok2 && (w.lower == "of" || w.lower == "from") && p.isPunct(hs-2, ",") {
		// "Johnnie Wilson, of Springfield, Va., said": the place is no speaker
		if h2, s2, ok := p.npBefore(hs-3, limit, pi); ok && h2.kind == spkName {
			h2.role = ""
			return h2, s2, true
		}
	}
	if head.kind == spkName && p.isPunct(hs-1, ",") && p.isNameTok(hs-2) {
		// "Donna Rawlings, 59, of Ashton, Md., who watched …, said": a
		// town and its state, so the person before them
		if s := p.nameRunBefore(hs-2, limit); p.isWordIn(s-1, set("of from in")) && p.isPunct(s-2, ",") {
			k := s - 3
			if p.isNumberTok(k) && p.isPunct(k-1, ",") {
				k -= 2 // an age
			}
			if h2, s2, ok := p.npBeforeName(k, limit, pi); ok && h2.kind == spkName && !isOrg(h2.text) {
				h2.role = ""
				if p.isWordIn(c+1, set("who")) {
					h2.role = p.span(c+1, e) // "who watched the ceremony"
				}
				return h2, s2, true
			}
		}
	}
	app := p.span(c+1, e)
	if head.kind == spkName {
		first, _ := p.word(c + 1)
		// the appositive must read as a role: "a historian", "the director
		// of…", "Trump's campaign manager", "64", not a clause
		if first.kind == tWord && (determiners[first.lower] || !first.upper || titleWords[first.lower] || strings.HasSuffix(first.lower, "'s") || strings.HasSuffix(first.lower, "’s") || first.upper) {
			if p.toks[e-1].kind == tWord && speechVerbs[p.toks[e-1].lower] {
				return speaker{}, 0, false
			}
			if head.role == "" || !strings.HasPrefix(first.lower, "who") {
				// "Interior Minister Wolfgang Peschorn, who serves in …":
				// the title is the role, the clause only describes
				head.role = app
			}
			return head, hs, true
		}
		return speaker{}, 0, false
	}
	if head.kind == spkDesc {
		// "Trump's spokeswoman, Hope Hicks, said"
		ne := e
		if p.isPunct(ne-1, ")") {
			// "Scott's niece, state Del. Marcia Price (D-Newport News),
			// shouted": the party label is not a name
			for k := ne - 2; k > c+1; k-- {
				if p.isPunct(k, "(") {
					ne = k
					break
				}
			}
		}
		if p.isNameTok(ne - 1) {
			s := p.nameRunBefore(ne-1, c+1)
			if s == c+1 || p.titleOnlyIn(c+1, s) {
				sp := p.nameAt(c+1, ne, pi)
				if sp.role == "" {
					sp.role = head.text
				}
				return sp, hs, true
			}
		}
		return head, hs, true
	}
	return speaker{}, 0, false
}

// isDayPart reports whether token i names a day or a part of one:
// "Friday", "afternoon".
func (p *para) isDayPart(i int) bool {
	w, ok := p.word(i)
	return ok && dayParts[w.lower]
}

// dayParts name a day or a part of one.
var dayParts = set("monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night today yesterday tonight")

// textFrom returns the token after "from" when tokens [i, e] read as a
// text from its author ("a letter from his doctor", "a statement from the
// ministry"), else i.
func (p *para) textFrom(i, e int) int {
	for k := i + 1; k < e; k++ {
		if w, ok := p.word(k); ok && w.lower == "from" && k > i && textHeads[p.toks[k-1].lower] {
			if d, ok := p.word(k + 1); ok && (possessives[d.lower] || determiners[d.lower]) {
				return k + 1
			}
		}
	}
	return i
}

// personPlural reports whether a plural noun names people: "officials",
// "protesters", "economists", "residents".
func personPlural(w string) bool {
	sg := strings.TrimSuffix(w, "s")
	if personHeads[w] || titleWords[sg] || personHeads[sg] || collectiveHeads[w] {
		return true
	}
	for _, suf := range []string{"ers", "ors", "ists", "ians", "ants", "ents"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// capsTitleAt reports whether the capitalized phrase at token i holds a
// title before its first preposition: "Research and Advocacy Director
// for the Middle East".
func (p *para) capsTitleAt(i int) bool {
	for k := i; k < i+6; k++ {
		w, ok := p.word(k)
		if !ok || prepositions[w.lower] {
			return false
		}
		if titleWords[w.lower] && w.upper {
			return true
		}
		if !w.upper && w.lower != "and" {
			return false
		}
	}
	return false
}

// titleModifierCaps are title words that, capitalized, open the name of
// a body as often as a title: "National Review", "Senior Class".
var titleModifierCaps = set("National Senior Junior Top Acting Interim Former Press Policy Communications")

// collectiveHeads are plural nouns for groups of people that speak:
// "human rights groups warned".
var collectiveHeads = set("groups unions families agencies authorities police organizations organisations")

// titleAbbrevs are capitalized abbreviations of positions that stand
// before a name as its title: "Labour MP Jess Phillips", "Browns DL
// Sheldon Richardson". Matched case-sensitively: "de" is a particle.
var titleAbbrevs = set("MP MPs MEP MSP MPP MLA MK TD GM QB RB WR TE OL OT OG DL DE DT LB CB")

// titleOnlyIn reports whether tokens [a, b) are the title words or
// modifiers before a name run: "state" in "state Del. Marcia Price",
// "former Gov.".
func (p *para) titleOnlyIn(a, b int) bool {
	if a >= b || b-a > 4 {
		return false
	}
	for k := a; k < b; k++ {
		if p.isPunct(k, ".") {
			continue
		}
		w, ok := p.word(k)
		if !ok || !titleWords[w.lower] && !(w.text == "Del" && p.isPunct(k+1, ".")) && !titleModifiers[w.text] {
			return false
		}
	}
	return true
}

// titleModifiers stand before a title: "state Del.", "former Gov.".
var titleModifiers = set("state former then city county federal")

// npAfter parses a speaker phrase starting at s (after "said"): a pronoun,
// a name with optional title and appositive role, or a description. It
// returns the speaker and the index after it. It runs in stages: the head
// (npHead), a descriptor that names a body's spokesperson
// (spokespersonOf), then a role from a "who" clause (whoRole) or an
// appositive (appositiveAfter), and a closing parenthesis ("(D-Wis.)").
func (p *para) npAfter(s, limit, pi int) (speaker, int, bool) {
	sp, end, final, ok := p.npHead(s, limit, pi)
	if !ok || final {
		return sp, end, ok
	}
	sp = spokespersonOf(sp, pi)
	if sp.kind == spkName && sp.role == "" {
		if role, ok := p.whoRole(end, limit); ok {
			sp.role = role
		}
	}
	if sp.kind == spkName {
		if role, e, ok := p.appositiveAfter(end, limit); ok {
			sp.role, end = role, e
		}
	}
	return sp, p.skipParens(end, limit), true
}

// npHead reads the head of the speaker phrase at s: a pronoun, a body's
// name, a description with or without a name at its end, or a name. final
// reports a phrase complete as it stands (no role stages follow).
func (p *para) npHead(s, limit, pi int) (sp speaker, end int, final, ok bool) {
	t, ok := p.word(s)
	if !ok {
		return speaker{}, 0, true, false
	}
	if speakerPronouns[pronounOf(t.lower)] {
		return pronounSpeaker(t, pi, s), s + 1, true, true
	}
	if e, ok := p.orgAfter(s, limit); ok {
		// "according to the Ministry of Water and Irrigation": whole
		return speaker{text: p.span(s, e), kind: spkName, para: pi, tok: s}, e, true, true
	}
	switch {
	case t.lower == "that" || prepositions[t.lower] && !t.upper:
		return speaker{}, 0, true, false // "announced in October" names no speaker
	case determiners[t.lower] || !t.upper:
		return p.descPhrase(s, limit, pi)
	}
	if e := p.nameRunAfter(s, limit); e > s {
		// a trailing title run "President Obama": keep it all and split
		if sp = p.nameAt(s, e, pi); sp.text == "" {
			return speaker{}, 0, true, false
		}
		return sp, e, false, true
	}
	if (strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s")) && p.isNameTok(s+1) {
		// "noted NBC’s Dante Chinni"
		e := p.nameRunAfter(s+1, limit)
		if sp = p.nameAt(s+1, e, pi); sp.text == "" {
			return speaker{}, 0, true, false
		}
		sp.role = t.text
		return sp, e, false, true
	}
	return speaker{}, 0, true, false
}

// descPhrase reads a speaker phrase opening with a determiner or a lower-case
// word: role words and a name ("said White House spokesman Josh Earnest",
// "said 9/11 widow Terry Strada"), the author of a work ("a 2018 survey by
// Penelope Muse Abernathy of the University of North Carolina"), or a
// description alone ("a spokesperson for the ministry").
func (p *para) descPhrase(s, limit, pi int) (sp speaker, end int, final, ok bool) {
	t, _ := p.word(s)
	i := p.descEnd(s, limit)
	ns := -1
	for k := s; k < i; k++ {
		if p.isNameTok(k) && (k == s || !p.isNameTok(k-1)) {
			ns = k
		}
	}
	if f := p.firstNameRun(s, i); f > s && f < ns {
		// "wrote 43-year-old Martin Taylor of Aberdeenshire, Scotland":
		// the first name, the place after "of" no part of it
		if e := p.nameRunAfter(f, i); e-f >= 2 && p.isWordIn(e, set("of from")) {
			ns, i = f, e
		}
	}
	if ns > s && p.nameRunAfter(ns, i) == i {
		sp = p.nameAt(ns, i, pi)
		// the title before the name is already the role nameAt found:
		// "said veteran industry analyst Ken Doctor"
		if pre := p.span(s, ns); sp.role == "" || strings.HasSuffix(pre, sp.role) {
			sp.role = pre
		} else {
			sp.role = strings.TrimSpace(pre + " " + sp.role)
		}
		return sp, i, false, true
	}
	if by, e, ok := p.authorIn(s, i, limit); ok {
		// the author speaks through the work
		sp = p.nameAt(by, e, pi)
		if w, ok := p.word(e); ok && w.lower == "of" && (!w.upper && p.isNameTok(e+1) || p.isNameTok(e+2)) {
			k := e + 1
			for k < limit && !p.isPunct(k, ",;.") && p.toks[k].kind == tWord {
				k++
			}
			sp.role = p.span(e+1, k)
			e = k
		}
		return sp, e, true, true
	}
	if determiners[t.lower] || titleWords[t.lower] {
		if sp, e, ok := p.nameAfterComma(s, i, limit, pi); ok {
			return sp, e, true, true
		}
		return speaker{text: p.span(s, i), kind: spkDesc, para: pi, tok: s}, i, false, true
	}
	return speaker{}, 0, true, false
}

// nameAfterComma reads a full name after the description [s, i) and a
// comma, closing the attribution, as the speaker with the description as
// its role: "said the company’s lawyer, Maria Chen."
func (p *para) nameAfterComma(s, i, limit, pi int) (speaker, int, bool) {
	if !p.isPunct(i, ",") || !p.isNameTok(i+1) {
		return speaker{}, 0, false
	}
	e := p.nameRunAfter(i+1, limit)
	if e-i <= 2 || e < limit && !p.isPunct(e, ".,;") {
		return speaker{}, 0, false
	}
	sp := p.nameAt(i+1, e, pi)
	if sp.text == "" || !strings.Contains(sp.text, " ") || isOrg(sp.text) || p.notName(sp.text) {
		return speaker{}, 0, false
	}
	if sp.role == "" {
		sp.role = p.span(s, i)
	}
	return sp, e, true
}

// firstNameRun returns the start of the first name run in [s, i), or -1.
func (p *para) firstNameRun(s, i int) int {
	for k := s; k < i; k++ {
		if p.isNameTok(k) && (k == s || !p.isNameTok(k-1)) {
			return k
		}
	}
	return -1
}

// descEnd returns the end of a description opening at s: up to eight
// tokens, through initials' periods, "9/11", and a body joined by "and"
// ("the state’s environment and infrastructure secretariat"), stopping at a
// relative pronoun or a speech verb.
func (p *para) descEnd(s, limit int) int {
	i := s + 1
	for i < limit && i-s < 8 {
		w, ok := p.word(i)
		if !ok {
			if p.isPunct(i, ".") && p.isNameTok(i) || p.isPunct(i, "/") && i == s+1 {
				i++
				continue
			}
			break
		}
		if w.lower == "and" && !w.upper && i > s+1 {
			if e := p.bodyAfterAnd(i+1, limit); e > i+1 {
				i = e
				continue
			}
		}
		if relWords[w.lower] || speechVerbs[w.lower] {
			break
		}
		i++
	}
	return i
}

// spokespersonOf turns a name whose role is a determiner and a title of a
// body into that description: in "said a spokesperson for the Harbour
// Authority" the spokesperson speaks, not the authority.
func spokespersonOf(sp speaker, pi int) speaker {
	if sp.kind != spkName || !ofTitle(strings.TrimSuffix(sp.role, " the")) {
		return sp
	}
	if f := strings.Fields(sp.role); len(f) > 1 && determiners[strings.ToLower(f[0])] {
		return speaker{text: sp.role + " " + sp.text, kind: spkDesc, para: pi, tok: sp.tok}
	}
	return sp
}

// whoRole reads a "who" clause after the comma at end as a role: "said
// Takeshi Mori, who chairs the assembly’s transport committee." A clause
// runs to its closing punctuation, over a parenthesis ("who runs Світло
// (Svitlo)").
func (p *para) whoRole(end, limit int) (string, bool) {
	if !p.isPunct(end, ",") {
		return "", false
	}
	if w, ok := p.word(end + 1); !ok || w.lower != "who" || w.upper || !p.roleClause(end+2) {
		return "", false
	}
	j := end + 2
	for j < limit && j-end < 32 {
		if p.isPunct(j, "(") {
			k := j + 1
			for k < limit && k < j+6 && !p.isPunct(k, ")") {
				k++
			}
			if p.isPunct(k, ")") {
				j = k + 1
				continue
			}
		}
		if p.toks[j].kind != tWord {
			break
		}
		j++
	}
	if j > end+2 && (j >= limit || p.isPunct(j, ".,;—–(")) {
		return p.span(end+1, j), true
	}
	return "", false
}

// appositiveAfter reads an appositive after the comma at end as a role:
// ", a historian who attended the session,". It returns the role and the
// end of the phrase, moved past the role when the role ends the
// attribution ("says Paul Rieckhoff, founder and CEO of ….").
func (p *para) appositiveAfter(end, limit int) (string, int, bool) {
	if !p.isPunct(end, ",") {
		return "", end, false
	}
	i := end + 1
	if !p.appositiveOpens(i) {
		return "", end, false
	}
	j := i
	for j < limit && j-i < 32 {
		if p.toks[j].kind == tQuote || p.isPunct(j, ",;—–") || p.isPunct(j, ".!?") && !p.isNameTok(j) && !p.letterPeriod(j) {
			break
		}
		if w, ok := p.word(j); ok && (w.lower == "who" || w.lower == "which" || p.lang == "de" && deRoleStops[w.lower] && !w.upper) && j > i {
			break // "Sportdirektorin von Allianz MTV Stuttgart vor dem vierten Duell"
		}
		j++
	}
	if j == i {
		return "", end, false
	}
	if j == i+1 && p.isPunct(j, ",") && strings.Trim(p.toks[i].text, "0123456789") == "" {
		// an age, then the role: "Maya Iyer, 34, a nurse who lives on
		// the street"
		// "Donna Rawlings, 59, of Ashton, Md.": where the person lives
		// is no role
		if w, ok := p.word(j + 1); ok && w.lower != "of" && w.lower != "from" {
			if role, e, ok := p.appositiveAfter(j, limit); ok {
				return role, e, true
			}
		}
	}
	if p.isPunct(j, ",") && p.titleWithin(i, 3) {
		// a bare title, then its organisation: "said Sanjiv Bhasin,
		// Director, IIFL Securities."
		if k, ok := p.orgRunTo(j+1, limit); ok {
			j = k
		}
	}
	if j < limit && p.isPunct(j, ".!?") {
		end = j
	}
	return p.span(i, j), end, true
}

// appositiveOpens reports whether the word at i may open an appositive
// role: a determiner, a title, a lower-case word, a possessive, or a
// capitalized title phrase, but no speech verb, -ing verb, "who" or "and".
func (p *para) appositiveOpens(i int) bool {
	w, ok := p.word(i)
	if !ok || speechVerbs[w.lower] || ingVerbs[w.lower] || w.lower == "who" || w.lower == "and" {
		return false
	}
	return determiners[w.lower] || titleWords[w.lower] || !w.upper ||
		strings.HasSuffix(w.lower, "'s") || strings.HasSuffix(w.lower, "’s") ||
		p.titleWithin(i, 4) || p.capsTitleAt(i) || p.intlTitleAt(i)
}

// letterPeriod reports whether token k is the period after a
// one-letter word: an abbreviation such as "e. V." inside a body's name.
func (p *para) letterPeriod(k int) bool {
	return p.isPunct(k, ".") && k > 0 && p.toks[k-1].kind == tWord && len([]rune(p.toks[k-1].text)) == 1
}

// deRoleStops end a German role between commas: what follows is when or
// against whom ("vor dem vierten Duell", "am Mittwoch").
var deRoleStops = set("vor nach am seit während gegen heute gestern")

// intlTitleAt reports whether a French, German or Spanish title opens at
// i, perhaps after an adjective: "Technikexperte beim DVFG",
// "Geschäftsführender Vorstand der Stiftung", "Leiterin der Abteilung".
func (p *para) intlTitleAt(i int) bool {
	if p.lang == "" {
		return false
	}
	for k := i; k <= i+1; k++ {
		if w, ok := p.word(k); ok && (p.intlTitleWord(w.lower) || p.lang == "de" && (deAgentNoun(w.lower) || w.lower == "vorstand")) {
			return true
		}
	}
	return false
}

// skipParens returns the index after a short parenthesis at end ("(D-Wis.)"),
// or end when none opens there.
func (p *para) skipParens(end, limit int) int {
	if !p.isPunct(end, "(") {
		return end
	}
	for j := end; j < limit && j < end+8; j++ {
		if p.isPunct(j, ")") {
			return j + 1
		}
	}
	return end
}

// orgRunTo returns the end of a run of one to five capitalized words from
// token i that closes the sentence (or the attribution), as the
// organisation after a bare title does: "Director, IIFL Securities.".
func (p *para) orgRunTo(i, limit int) (int, bool) {
	k := i
	for k < limit && k < i+5 {
		w, ok := p.word(k)
		if !ok || !w.upper && !(k > i && (w.lower == "of" || w.lower == "and" || w.lower == "&")) {
			break
		}
		k++
	}
	if k == i || !p.isNameTok(i) {
		return 0, false
	}
	if k < limit && !p.isPunct(k, ".!?") {
		return 0, false
	}
	return k, true
}

// roleVerbs open a "who" clause that states a position: "who chairs the
// transport committee", "who runs a charity", "who served as envoy".
var roleVerbs = set(`chairs chaired runs ran leads led heads headed directs directed
represents represented teaches taught manages managed oversees oversaw owns owned
founded co-founded cofounded coordinates coaches coached advises advised serves served
works worked studies studied researches edits edited hosts hosted organizes organises
organized organised presides presided administers administered`)

// roleClause reports whether the "who" clause whose verb is token v
// states a position, not an event: "who chairs …", not "who will testify
// Thursday".
func (p *para) roleClause(v int) bool {
	w, ok := p.word(v)
	if ok && verbAdverbs[w.lower] && !auxVerbs[w.lower] {
		w, ok = p.word(v + 1) // "who also chairs"
	}
	return ok && !w.upper && roleVerbs[w.lower]
}

// authorIn finds "by NAME" inside the phrase [s, i) that a work's
// description holds ("a 2018 survey by Penelope Muse Abernathy"): the
// name's first token and the token after it.
func (p *para) authorIn(s, i, limit int) (int, int, bool) {
	for k := s + 1; k < i; k++ {
		if w, ok := p.word(k); ok && w.lower == "by" && !w.upper && p.isNameTok(k+1) {
			e := p.nameRunAfter(k+1, limit)
			if e > k+2 && !isOrg(p.span(k+1, e)) {
				return k + 1, e, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// pronounOf strips a contraction from a pronoun: "he’s" → "he".
func pronounOf(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		return w[:i]
	}
	return w
}

func pronounSpeaker(t token, pi, i int) speaker {
	w := pronounOf(t.lower)
	sp := speaker{text: pronounOf(t.text), kind: spkPronoun, para: pi, tok: i}
	if pronounsMale[w] {
		sp.gender = genderMale
	} else if pronounsFemale[w] {
		sp.gender = genderFemale
	}
	return sp
}

// cleanSpeaker trims edge punctuation and a leading capitalized article
// that only started the sentence.
func cleanSpeaker(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ':' })
	return s
}
