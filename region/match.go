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
}

// scan appends the mentions in tokens [from, to) to out. zoneOf gives the
// zone of a token index.
func (s *scanner) scan(from, to int, zoneOf func(int) zone, out []mention) []mention {
	prevEnd, prevKind := -1, kStop
	for i := from; i < to; {
		cs, j := s.matchAt(i, to, prevEnd == i, prevKind)
		if j == 0 {
			i++
			continue
		}
		m := mention{cands: cs, i: i, j: j, zone: zoneOf(i)}
		if k := s.qualifier(&m, to); k > 0 {
			m.j = k
		}
		m.surface = s.t.surface(m.i, m.j)
		out = append(out, m)
		prevEnd, prevKind = m.j, m.cands[0].kind
		i = m.j
	}
	return out
}

// matchAt returns the readings of the longest phrase starting at token i
// that fit the context, and the index after it; j is 0 when none fits.
// afterPlace says a place mention of kind prevKind ends right before i.
func (s *scanner) matchAt(i, to int, afterPlace bool, prevKind kind) ([]cand, int) {
	t := s.t
	k := &t.toks[i]
	es := s.g.first[string(t.arena[k.ns:k.ne])]
	for _, e := range es {
		n := len(e.toks)
		if i+n > to {
			continue
		}
		ok := true
		for x := 1; x < n; x++ {
			if !t.normEq(i+x, e.toks[x]) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		cs := s.fit(e.cands, i, i+n, afterPlace, prevKind)
		if len(cs) > 0 {
			return cs, i + n
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
	qualPos := tok.comma && i > 0 && t.toks[i-1].cap && !(afterPlace && (prevKind == kName || prevKind == kAdj))
	caseFree := s.loose || s.caps
	var out []cand
	hasState := false
	for _, c := range cands {
		switch {
		case c.kind == kAbbr && !s.loose && !(qualPos && tok.cap):
			continue
		case c.kind == kPostal && !s.loose && !(qualPos && tok.upper && j < len(t.toks) && t.toks[j].digits && t.toks[j].end-t.toks[j].start == 5):
			continue
		case c.kind == kPostal && s.loose && !tok.comma:
			continue
		case c.capOnly && !caseFree && !s.lower && !tok.cap:
			continue
		case (c.kind == kCity || c.kind == kState || c.kind == kOrg) && !caseFree && !s.lower && !tok.cap:
			// "sugar land" and "battle creek" are not places.
			continue
		case c.upper && !s.loose && !allUpper(t, i, j):
			continue
		case c.person && !caseFree && personContext(t, i, j):
			continue
		}
		if s.caps && !s.loose && (c.capOnly || c.person) {
			// In a headline set in capitals, "JORDAN" or "JERSEY" may be
			// a name: it needs support from the rest of the article.
			c.echo = true
		}
		if c.kind == kState || c.kind == kAbbr || c.kind == kPostal {
			hasState = true
		}
		out = append(out, c)
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
	if j >= to || !s.t.toks[j].comma || m.cands[0].kind != kCity {
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

func allUpper(t *tokens, i, j int) bool {
	for x := i; x < j; x++ {
		if !t.toks[x].upper {
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
	if i > 0 && !t.toks[i].comma && !t.toks[i].sent {
		p := &t.toks[i-1]
		if p.cap && !p.digits && !functionWord(t, i-1) {
			return true
		}
	}
	if j < len(t.toks) && !t.toks[j-1].poss {
		n := &t.toks[j]
		if n.cap && !n.sent && !n.comma && !functionWord(t, j) {
			return true
		}
	}
	return false
}

// functionWord reports whether token i is a capitalised word that does not
// start a name: a sentence-opening preposition or a compass word.
func functionWord(t *tokens, i int) bool {
	k := &t.toks[i]
	switch string(t.arena[k.ns:k.ne]) {
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
