package region

import "slices"

// zone is where in an article a mention was found.
type zone uint8

const (
	zBody zone = iota
	zLead
	zTitle
)

func (z zone) mult() float64 {
	switch z {
	case zTitle:
		return 3
	case zLead:
		return 2
	}
	return 1
}

func (z zone) String() string {
	switch z {
	case zTitle:
		return "title"
	case zLead:
		return "lead"
	}
	return "body"
}

// mention is one phrase found in a text, with the readings that fit where
// it stands.
type mention struct {
	cands   []cand
	i, j    int // token span
	zone    zone
	surface string
	para    int // paragraph index in the text, -1 in the title
	word    int // index of the first token in the whole text, -1 in the title
}

// scanner finds place phrases in one tokenized text.
type scanner struct {
	g *gazetteer
	t *tokens
	// loose: a dateline or metadata, where case says nothing and
	// abbreviations and postal codes stand alone.
	loose bool
	// caps: the text is set in capitals, so case says nothing.
	caps bool
	// lower: the text is set without capitals, so case says nothing.
	lower bool
	// first: stop at the first mention that names a country.
	first bool
	// foreign: the text is not in English, so an adjective flagged lower
	// ("chileno", "deutsche") counts, in lower case too; in English it
	// does not count at all.
	foreign bool
}

// scan appends the mentions in tokens [from, to) to out. zoneOf gives the
// zone of a token index. Outside a dateline, only the tokens that may
// start a phrase (t.starts) are tried.
func (s *scanner) scan(from, to int, zoneOf func(int) zone, out []mention) []mention {
	prevEnd, prevKind := -1, kStop
	next := from // the first token not in a mention yet
	try := func(i int) bool {
		cs, j := s.matchAt(i, to, prevEnd == i, prevKind)
		if j == 0 {
			return true
		}
		m := mention{cands: cs, i: i, j: j, zone: zoneOf(i)}
		if k := s.qualifier(&m, to); k > 0 {
			m.j = k
		}
		m.surface = s.t.surface(m.i, m.j)
		out = append(out, m)
		if s.first {
			if c, ok := resolve(m.cands, nil); ok && c.kind != kStop && c.kind != kRegion {
				return false
			}
		}
		prevEnd, prevKind, next = m.j, m.cands[0].kind, m.j
		return true
	}
	if !s.loose {
		for _, i := range s.t.starts {
			if int(i) >= to {
				break
			}
			if int(i) >= next && !try(int(i)) {
				break
			}
		}
		return out
	}
	for i := from; i < to; i = max(i+1, next) {
		// Numbers never start a phrase.
		if !s.t.toks[i].is(fDigits) && !try(i) {
			break
		}
	}
	return out
}

// matchAt returns the readings of the longest phrase starting at token i
// that fit the context, and the index after it; j is 0 when none fits.
// afterPlace says a place mention of kind prevKind ends right before i.
func (s *scanner) matchAt(i, to int, afterPlace bool, prevKind kind) ([]cand, int) {
	t := s.t
	k := &t.toks[i]
	if k.is(fMay) {
		if cs, j := s.matchIn(t.lookup(&s.g.first, i), i, to, afterPlace, prevKind); j > 0 {
			return cs, j
		}
	}
	if s.loose || k.is(fComma) && i > 0 && t.toks[i-1].is(fCap) {
		return s.matchIn(t.lookup(&s.g.quals, i), i, to, afterPlace, prevKind)
	}
	return nil, 0
}

// matchIn is matchAt over the phrases of gr.
func (s *scanner) matchIn(gr *group, i, to int, afterPlace bool, prevKind kind) ([]cand, int) {
	if gr == nil {
		return nil, 0
	}
	t := s.t
	if len(gr.next) > 0 && i+1 < to {
		for _, e := range t.next(gr, i+1) {
			n := len(e.toks)
			if i+n > to {
				continue
			}
			ok := true
			for x := 2; x < n; x++ {
				if !t.normEq(i+x, e.toks[x]) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if cs := s.fit(e.cands, i, i+n, afterPlace, prevKind); len(cs) > 0 {
				return cs, i + n
			}
		}
	}
	if gr.single != nil {
		if cs := s.fit(gr.single.cands, i, i+1, afterPlace, prevKind); len(cs) > 0 {
			return cs, i + 1
		}
	}
	return nil, 0
}

// fit returns the readings of a phrase at tokens [i, j) that its context
// allows.
func (s *scanner) fit(cands []cand, i, j int, afterPlace bool, prevKind kind) []cand {
	t := s.t
	tok := &t.toks[i]
	// "Norcross, Georgia": a state right after "Town," is read as the
	// state, unless the comma separates a list of countries.
	qualPos := tok.is(fComma) && i > 0 && t.toks[i-1].is(fCap) && !(afterPlace && (prevKind == kName || prevKind == kAdj))
	caseFree := s.loose || s.caps
	// "Hugo Valencia", "Jack London": after a given name a place's name is
	// a surname.
	surname := !s.loose && afterGivenName(t, i)
	var out []cand
	hasState := false
	changed := false // out differs from cands
	for x, c := range cands {
		keep := true
		switch {
		case c.lower && !s.foreign:
			// An adjective of German, French or Spanish in an English
			// text is part of a name: "Deutsche Bank", "Credit Suisse".
			keep = false
		case c.kind == kAbbr && !s.loose && !(qualPos && tok.is(fCap)):
			keep = false
		case c.kind == kPostal && !s.loose && !(qualPos && tok.is(fUpper) && j < len(t.toks) && t.toks[j].is(fDigits) && t.toks[j].end-t.toks[j].start == 5):
			keep = false
		case c.kind == kPostal && s.loose && !tok.is(fComma):
			keep = false
		case !caseFree && !s.lower && !tok.is(fCap) && !c.lower && (c.capOnly || c.kind != kCur && c.kind != kStop):
			// In ordinary text places are capitalised: "sugar land",
			// "turkey" and "chad" are not places; "yen" is a currency.
			keep = false
		case c.capOnly && !caseFree && !s.lower && j-i > 1 && !t.toks[j-1].is(fCap):
			// A name of several words ends capitalised: "El segundo"
			// opening a Spanish sentence is not El Segundo, California.
			keep = false
		case c.upper && !s.loose && !allUpper(t, i, j):
			keep = false
		case c.person && !caseFree && personContext(t, i, j):
			keep = false
		case surname && c.kind != kStop:
			keep = false
		case c.kind == kTown && !s.loose && afterArticle(t, i):
			// Towns take no article: "la República", "die Justiz" are
			// words that are also towns' names.
			keep = false
		}
		if !keep {
			if !changed {
				out, changed = slices.Clone(cands[:x]), true
			}
			continue
		}
		if s.caps && !s.loose && (c.capOnly || c.person) {
			// In a headline set in capitals, "JORDAN" or "JERSEY" may be
			// a name: it needs support from the rest of the article.
			c.echo = true
			if !changed {
				out, changed = slices.Clone(cands[:x]), true
			}
		}
		if c.kind == kState || c.kind == kAbbr || c.kind == kPostal {
			hasState = true
		}
		if changed {
			out = append(out, c)
		}
	}
	if !changed {
		out = cands // no copy: the caller only reads it
	}
	if hasState && qualPos {
		// The state reading needs no other support here.
		var st []cand
		for _, c := range out {
			if c.kind == kState || c.kind == kAbbr || c.kind == kPostal {
				c.weak, c.echo = false, false
				st = append(st, c)
			}
		}
		out = st
	}
	return out
}

// qualifier handles "City, State" and "City, Country": when the mention m
// is a city followed by a comma and a state, province or one of its own
// countries, the qualifier decides the country. It returns the end of the
// qualifier, or 0.
func (s *scanner) qualifier(m *mention, to int) int {
	j := m.j
	if j >= to || !s.t.toks[j].is(fComma) || m.cands[0].kind != kCity && m.cands[0].kind != kTown {
		return 0
	}
	qs, end := s.matchAt(j, to, true, kCity)
	if end == 0 {
		return 0
	}
	for _, q := range qs {
		sub := q.kind == kState || q.kind == kAbbr || q.kind == kPostal
		own := slices.ContainsFunc(m.cands, func(c cand) bool { return c.code == q.code })
		if (sub || (own && q.kind == kName)) && q.code != "" && q.kind != kRegion {
			m.cands = []cand{{code: q.code, kind: kCity}}
			return end
		}
	}
	return 0
}

// afterArticle reports whether token i follows a lower-case article of
// German, French or Spanish in the same sentence.
func afterArticle(t *tokens, i int) bool {
	if i == 0 || t.toks[i].is(fSent) || t.toks[i].is(fComma) {
		return false
	}
	k := &t.toks[i-1]
	if !k.is(fInSrc) || k.end-k.start > 4 {
		return false // not plain lower case, or too long for an article
	}
	switch t.src[k.start:k.end] {
	case "la", "el", "los", "las", "del", "al", "le", "les", "du", "un", "une", "una", "der", "die", "das", "dem", "den", "des", "ein", "eine", "im", "am", "vom", "zum", "zur":
		return true
	}
	return false
}

func allUpper(t *tokens, i, j int) bool {
	for x := i; x < j; x++ {
		if !t.toks[x].is(fUpper) {
			return false
		}
	}
	return true
}

// personContext reports whether tokens [i, j) read as part of a person's
// or a company's name: a capitalised word that is not a sentence opener
// right before ("Michael Jordan"), or right after ("Chad Smith",
// "Georgia Power").
func personContext(t *tokens, i, j int) bool {
	if i > 0 && !t.toks[i].is(fComma) && !t.toks[i].is(fSent) {
		p := &t.toks[i-1]
		if p.is(fCap) && !p.is(fDigits) && !functionWord(t, i-1) {
			return true
		}
	}
	if j < len(t.toks) && !t.toks[j-1].is(fPoss) {
		n := &t.toks[j]
		if n.is(fCap) && !n.is(fSent) && !n.is(fComma) && !functionWord(t, j) {
			return true
		}
	}
	return false
}

// functionWord reports whether token i is a capitalised word that does not
// start a name: a sentence-opening preposition or a compass word.
func functionWord(t *tokens, i int) bool {
	k := &t.toks[i]
	w := t.src[k.start:k.end]
	if !k.is(fInSrc) {
		w = string(t.arena[k.ns : k.ns+int32(k.nlen)]) // short, not kept: no allocation
	}
	switch w {
	case "in", "to", "from", "for", "with", "and", "but", "at", "on", "by", "of", "as",
		"since", "after", "before", "while", "like", "unlike", "both", "including",
		"across", "throughout", "outside", "inside", "within", "the", "neighbouring",
		"neighboring", "north", "south", "east", "west", "northern", "southern",
		"eastern", "western", "central", "northeast", "northwest", "southeast",
		"southwest", "northeastern", "northwestern", "southeastern", "southwestern",
		"upper", "lower", "said", "says", "that", "if", "when", "where", "although",
		"about", "between", "against", "into", "through", "during", "via", "where's":
		return true
	}
	return false
}
