package quote

import "strings"

// orgJoiners join the capitalized words of one organisation's name:
// "Ministry of Water and Irrigation", "Bureau for Statistics",
// "Banco de la Nación".
var orgJoiners = set("of and for de & the")

// orgRunAfter returns the end (exclusive) of an organisation's name that
// starts at token s, with its article: "the Insurance Bureau of Canada",
// "the Emirates Water and Electricity Company". It returns s when no
// organisation name starts there: the run must hold an organisation word
// (orgWords), so that a name is taken whole, never cut into a speaker and
// a role at "of" or "and".
func (p *para) orgRunAfter(s, limit int) int {
	i := s
	if t, ok := p.word(i); ok && t.lower == "the" {
		i++
	}
	first := i
	end, org := i, false
	for i < limit {
		t, ok := p.word(i)
		if !ok {
			break
		}
		if p.isNameTok(i) {
			if orgWords[t.text] {
				org = true
			}
			i++
			end = i
			continue
		}
		if orgJoiners[t.lower] && !t.upper && i > first && p.isNameTok(i+1) {
			i++
			continue
		}
		break
	}
	if !org || end-first < 2 {
		return s
	}
	return end
}

// orgRunBefore returns the start of an organisation's name that ends at
// token e (inclusive), with its article, as orgRunAfter reads it; e+1
// when none ends there.
func (p *para) orgRunBefore(e, limit int) int {
	for a := e; a >= limit && e-a < 12; a-- {
		t, ok := p.word(a)
		if !ok {
			break
		}
		if !p.isNameTok(a) && !(orgJoiners[t.lower] && !t.upper) {
			break
		}
		if p.isNameTok(a) && (a == limit || !p.isNameTok(a-1)) {
			start := a
			if w, ok := p.word(a - 1); ok && a-1 >= limit && w.lower == "the" {
				start = a - 1
			}
			if p.orgRunAfter(start, e+1) == e+1 && (a == limit || !p.joinedBefore(a, limit)) {
				return start
			}
		}
	}
	return e + 1
}

// joinedBefore reports whether the capitalized word a is joined to a
// capitalized word before it ("Water" in "Ministry of Water"), so a
// name starting at a would be a piece of a longer one.
func (p *para) joinedBefore(a, limit int) bool {
	t, ok := p.word(a - 1)
	return ok && a-2 >= limit && orgJoiners[t.lower] && !t.upper && t.lower != "the" && p.isNameTok(a-2)
}

// orgAfter reads an organisation's name at token s for npAfter: after an
// article, or, with none, when its first word is no first name or title
// ("Emirates Water and Electricity Company", not "John Smith of the
// Brookings Institution"). Without an article it must be longer than the
// plain name run, joined by "of", "and" or "for". The name must end the
// phrase: "the White House press secretary" is no organisation.
func (p *para) orgAfter(s, limit int) (int, bool) {
	t, ok := p.word(s)
	if !ok || t.lower != "the" && (!t.upper || firstGender(t.lower) != genderUnknown || titleWords[t.lower] || honorificWord(t.lower)) {
		return 0, false
	}
	e := p.orgRunAfter(s, limit)
	if e == s {
		return 0, false
	}
	if w, ok := p.word(e); ok && e < limit && !relWords[w.lower] && !speechVerbs[w.lower] {
		return 0, false // "the White House press secretary": a title follows
	}
	return e, t.lower == "the" || p.joinerIn(s+1, e)
}

// orgBefore reads an organisation's name ending at token e for npBefore,
// when it reaches back past s, the start of the plain name run ending at
// e: "the Ministry of Water and Irrigation", not "the Ministry".
func (p *para) orgBefore(e, s, limit int) (int, bool) {
	a := p.orgRunBefore(e, limit)
	if a > e || !p.joinerIn(a+1, s) {
		return 0, false
	}
	return a, true
}

// joinerIn reports whether a lowercase joiner other than "the" stands in
// tokens [a, b).
func (p *para) joinerIn(a, b int) bool {
	for i := a; i < b; i++ {
		if t, ok := p.word(i); ok && !t.upper && orgJoiners[t.lower] && t.lower != "the" {
			return true
		}
	}
	return false
}

// placeAdjectives stand between "in" and a place: "in neighbouring
// Singapore".
var placeAdjectives = set("neighbouring neighboring nearby northern southern eastern western central")

// placeAfterDesc reads the descriptor before "in (neighbouring) Y", where
// the name run Y starts at token s: "Prosecutors in neighbouring
// Singapore" is spoken by the prosecutors, never by Singapore.
func (p *para) placeAfterDesc(s, limit, pi int) (speaker, int, bool) {
	k := s - 1
	for k > limit {
		if w, ok := p.word(k); ok && !w.upper && placeAdjectives[w.lower] {
			k--
			continue
		}
		break
	}
	if w, ok := p.word(k); !ok || w.lower != "in" || w.upper || k-1 < limit || !p.descHead(k-1) {
		return speaker{}, 0, false
	}
	return p.descBefore(k-1, limit, pi)
}

// bodyNouns end the lowercase name of a body: "the state’s environment
// and infrastructure secretariat".
var bodyNouns = set(`secretariat ministry department agency office bureau authority
council committee commission board institute service regulator`)

// bodyAfterAnd returns the end (exclusive) of the rest of a body's
// lowercase name after "and", starting at token s: one to three lowercase
// words ending in a body noun, then the phrase's end. It returns s when
// the words after "and" are no such rest.
func (p *para) bodyAfterAnd(s, limit int) int {
	for i := s; i < limit && i < s+3; i++ {
		w, ok := p.word(i)
		if !ok || w.upper || relWords[w.lower] || speechVerbs[w.lower] {
			return s
		}
		if bodyNouns[w.lower] {
			if n, ok := p.word(i + 1); i+1 >= limit || !ok || relWords[n.lower] || speechVerbs[n.lower] {
				return i + 1
			}
		}
	}
	return s
}

// termWords introduce a name for something: "summed up as “tourism
// pollution”", "dubbed “the Beast”".
var termWords = set("as dubbed called termed nicknamed labelled labeled")

// namedTerm reports whether the quote token q0 is a term that names
// something rather than words someone said: a scare quote after "as" or
// "dubbed" in a sentence whose only "speaker" is a bare noun that names
// no person ("problems summed up in the press as “tourism pollution”").
// A person's or a body's words stay a quote: "she described the plan as
// “a trap”".
func (p *para) namedTerm(q0 int, sp speaker) bool {
	w, ok := p.word(q0 - 1)
	if !ok || w.upper || !termWords[w.lower] || !p.isScare(p.toks[q0].seg) {
		return false
	}
	// a bare plural with no determiner: "problems", not "the company"
	f := strings.Fields(sp.text)
	return sp.kind == spkDesc && len(f) == 1 && !descHeadIsPerson(descHead(sp.text))
}
