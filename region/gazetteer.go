package region

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// kind is what a phrase names.
type kind uint8

const (
	kName   kind = iota // a country's name, variant or historic name
	kAdj                // a demonym or adjective
	kCity               // a capital, city or other local place
	kState              // a state, province or region of one country
	kOrg                // an institution tied to one country
	kAbbr               // a state abbreviation ("N.J."), only after "City,"
	kPostal             // a postal code ("NJ"), only in a dateline
	kCur                // a currency
	kRegion             // a region word; code is the region name
	kStop               // a phrase that contains a place name but names none
	kTown               // a town from the generated list (data/towns.tsv)
)

// weight is how much one mention of a kind counts.
func (k kind) weight() float64 {
	switch k {
	case kName:
		return 1
	case kAdj, kCity, kState, kOrg, kAbbr, kPostal:
		return 0.8
	case kTown:
		return 0.5
	case kCur:
		return 0.3
	}
	return 0
}

// local reports whether k names a place inside one country.
func (k kind) local() bool {
	return k == kCity || k == kState || k == kAbbr || k == kPostal || k == kTown
}

// cand is one reading of a phrase.
type cand struct {
	code string // alpha-2 code; region name for kRegion; "" for kStop
	kind kind
	// capOnly: must be capitalised; upper: must be upper case; person: not
	// when it reads as part of a person's name; weak: only when the
	// article has other evidence for code; lower: may be written in lower
	// case in a text that is not in English (an adjective of a language
	// that writes them so: "chileno", "deutsche", "française").
	capOnly, upper, person, weak, lower bool
	// echo: this reading counts only if the article names the same
	// country elsewhere (set for ambiguous words in capitals).
	echo bool
}

// entry is a phrase and its readings.
type entry struct {
	toks  []string
	cands []cand
}

// group is the phrases that start with one word: the phrase of that word
// alone, and the longer ones sorted by their second word, longest first.
type group struct {
	single *entry
	next   []*entry
}

// following returns the phrases of gr whose second word is w.
func following[W string | []byte](gr *group, w W) []*entry {
	es := gr.next
	lo, hi := 0, len(es)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if es[m].toks[1] < string(w) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	hi = lo
	for hi < len(es) && es[hi].toks[1] == string(w) {
		hi++
	}
	return es[lo:hi]
}

// wordTable finds a group by its first word: an open-addressing hash
// table, so that it can be written out as Go source (see
// gazetteer_table.go) and cost nothing to build when brief starts.
type wordTable struct {
	words  []string
	groups []group
	// slots holds 1 + the index of a word, at its hash modulo the
	// table's size (a power of two) or the next free slot after it; 0
	// is a free slot.
	slots []uint16
}

// lookup returns the group of w, or nil.
func lookup[W string | []byte](t *wordTable, w W) *group {
	if len(t.slots) == 0 {
		return nil
	}
	mask := uint32(len(t.slots) - 1)
	for h := fnv(w) & mask; ; h = (h + 1) & mask {
		i := t.slots[h]
		if i == 0 {
			return nil
		}
		if t.words[i-1] == string(w) {
			return &t.groups[i-1]
		}
	}
}

// newWordTable builds a table from groups by first word, words sorted so
// that the table is the same on every build.
func newWordTable(m map[string]*group) wordTable {
	words := slices.Sorted(maps.Keys(m))
	size := 1
	for size < 2*len(words) {
		size <<= 1
	}
	t := wordTable{words: words, groups: make([]group, len(words)), slots: make([]uint16, size)}
	mask := uint32(size - 1)
	for i, w := range words {
		t.groups[i] = *m[w]
		h := fnv(w) & mask
		for t.slots[h] != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = uint16(i + 1)
	}
	return t
}

type country struct {
	code, name, region string
}

// gazetteer is the parsed place table. It is built once, when the tables
// change, and written out as Go source; it is never changed.
type gazetteer struct {
	first wordTable // by first word
	quals wordTable // abbreviations and postal codes, likewise
	// bloom has a bit set for every first token of a phrase, so most
	// words are ruled out without a map lookup.
	bloom [1 << 16 / 64]uint64
	// lowBloom is the same for the phrases that may start with a word in
	// lower case in ordinary text: currencies ("yen", "stg"), and
	// adjectives of languages that write them in lower case ("chileno").
	lowBloom  [1 << 16 / 64]uint64
	countries []country
	// codes holds 1 + the index in countries of a code "XY" at
	// codeIndex("XY").
	codes    [26 * 26]uint16
	sections []Section // the default taxonomy
}

// gaz returns the gazetteer of the embedded tables, as parsed and written
// out by TestGazetteerTable into gazetteer_table.go.
func gaz() *gazetteer { return &builtGazetteer }

// codeIndex returns the place of an alpha-2 code in gazetteer.codes, or
// -1 when code is not two capital letters.
func codeIndex(code string) int {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return -1
	}
	return int(code[0]-'A')*26 + int(code[1]-'A')
}

// parseGazetteer builds a gazetteer from the two tables (see the comments
// at the top of data/countries.tsv and data/places.tsv for their format).
func parseGazetteer(countries, places string) (*gazetteer, error) {
	g := &gazetteer{}
	first, quals := map[string]*group{}, map[string]*group{}
	var errs []string
	var t tokens
	saint := make([]string, 0, 2)
	add := func(phrase, code string, k kind) {
		c := cand{code: code, kind: k}
		for len(phrase) > 0 && strings.ContainsRune("?^!=~", rune(phrase[0])) {
			switch phrase[0] {
			case '~':
				c.lower = true
			case '?':
				c.weak = true
			case '^':
				c.person = true
			case '!':
				c.capOnly = true
			case '=':
				c.upper = true
			}
			phrase = phrase[1:]
		}
		saint = append(saint[:0], phrase)
		switch {
		case strings.HasPrefix(phrase, "St "):
			saint = append(saint, "Saint "+phrase[3:])
		case strings.HasPrefix(phrase, "Saint "):
			saint = append(saint, "St "+phrase[6:])
		}
		for _, p := range saint {
			t.read(p, nil, false)
			if len(t.toks) == 0 {
				errs = append(errs, fmt.Sprintf("empty phrase %q", phrase))
				return
			}
			if t.toks[0].is(fDigits) {
				// The scanner never starts a phrase at a number.
				errs = append(errs, fmt.Sprintf("phrase %q starts with a number", phrase))
				return
			}
			toks := make([]string, len(t.toks))
			for i := range t.toks {
				toks[i] = t.norm(i)
			}
			if len(toks) > 1 && toks[0] == "the" {
				toks = toks[1:] // "The Hague" is found as "Hague"
			}
			// Abbreviations and postal codes ("Ill.", "IN") are looked up
			// only where they can stand, after "Town," or in a dateline.
			m := first
			if k == kAbbr || k == kPostal {
				m = quals
			}
			gr := m[toks[0]]
			if gr == nil {
				gr = &group{}
				m[toks[0]] = gr
			}
			var e *entry
			if len(toks) == 1 {
				e = gr.single
			} else if i := slices.IndexFunc(gr.next, func(o *entry) bool { return slices.Equal(o.toks, toks) }); i >= 0 {
				e = gr.next[i]
			}
			if e == nil {
				e = &entry{toks: toks}
				if len(toks) == 1 {
					gr.single = e
				} else {
					gr.next = append(gr.next, e)
				}
			}
			if !slices.ContainsFunc(e.cands, func(o cand) bool { return o.code == c.code }) {
				e.cands = append(e.cands, c)
			}
		}
	}
	for n, line := range strings.Split(countries, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 || len(f[0]) != 2 || f[2] == "" {
			errs = append(errs, fmt.Sprintf("countries line %d: want 6 fields", n+1))
			continue
		}
		code, reg := f[0], f[1]
		if reg == "-" {
			reg = ""
		}
		ci := codeIndex(code)
		switch {
		case ci < 0:
			errs = append(errs, fmt.Sprintf("countries line %d: code %q is not two capital letters", n+1, code))
			continue
		case g.codes[ci] != 0:
			errs = append(errs, fmt.Sprintf("countries line %d: duplicate code %s", n+1, code))
			continue
		}
		g.codes[ci] = uint16(len(g.countries) + 1)
		g.countries = append(g.countries, country{code: code, name: f[2], region: reg})
		variants := split(f[3])
		flagged := false
		for _, v := range variants {
			if strings.TrimLeft(v, "?^!=") == f[2] {
				flagged = true
			}
		}
		if !flagged {
			add(f[2], code, kName)
		}
		for _, v := range variants {
			add(v, code, kName)
		}
		for _, v := range split(f[4]) {
			add(v, code, kAdj)
		}
		for _, v := range split(f[5]) {
			add(v, code, kCity)
		}
	}
	kinds := map[string]kind{"name": kName, "adj": kAdj, "state": kState, "abbr": kAbbr, "postal": kPostal,
		"city": kCity, "org": kOrg, "cur": kCur, "region": kRegion, "stop": kStop, "town": kTown}
	for n, line := range strings.Split(places, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			errs = append(errs, fmt.Sprintf("places line %d: want target, kind, phrases", n+1))
			continue
		}
		k, ok := kinds[f[1]]
		if !ok {
			errs = append(errs, fmt.Sprintf("places line %d: unknown kind %q", n+1, f[1]))
			continue
		}
		code := f[0]
		switch {
		case k == kStop:
			code = ""
		case k == kRegion:
			code = strings.TrimPrefix(code, "@")
		default:
			if _, ok := g.country(code); !ok {
				errs = append(errs, fmt.Sprintf("places line %d: unknown country %s", n+1, code))
				continue
			}
		}
		for _, v := range split(f[2]) {
			add(v, code, k)
		}
	}
	for _, m := range []map[string]*group{first, quals} {
		for _, gr := range m {
			slices.SortStableFunc(gr.next, func(a, b *entry) int {
				if c := strings.Compare(a.toks[1], b.toks[1]); c != 0 {
					return c
				}
				return len(b.toks) - len(a.toks)
			})
		}
	}
	g.first, g.quals = newWordTable(first), newWordTable(quals)
	for k, gr := range first {
		h := wordHash(k)
		g.bloom[h>>6&(1<<10-1)] |= 1 << (h & 63)
		if gr.lowerCase() {
			g.lowBloom[h>>6&(1<<10-1)] |= 1 << (h & 63)
		}
	}
	for _, name := range []string{"Europe", "Americas", "Asia-Pacific", "Middle East", "Africa"} {
		s := Section{Name: name}
		for _, c := range g.countries {
			if c.region == name {
				s.Countries = append(s.Countries, c.code)
			}
		}
		g.sections = append(g.sections, s)
	}
	if len(errs) > 0 {
		return g, fmt.Errorf("region: gazetteer: %s", strings.Join(errs, "; "))
	}
	return g, nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func (g *gazetteer) country(code string) (country, bool) {
	ci := codeIndex(code)
	if ci < 0 || g.codes[ci] == 0 {
		return country{}, false
	}
	return g.countries[g.codes[ci]-1], true
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// fnv is FNV-1a.
func fnv[W string | []byte](b W) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(b); i++ {
		h = (h ^ uint32(b[i])) * fnvPrime
	}
	return h
}

// wordHash hashes a normal form to 16 bits for the bloom filters, from
// its first and last eight bytes and its length: no chain of steps per
// byte.
func wordHash[W string | []byte](w W) uint32 {
	n := len(w)
	var first, last uint64
	if n >= 8 {
		for k := 0; k < 8; k++ {
			first |= uint64(w[k]) << (8 * k)
			last |= uint64(w[n-8+k]) << (8 * k)
		}
	} else {
		for k := 0; k < n; k++ {
			first |= uint64(w[k]) << (8 * k)
		}
	}
	return mix(first, last, n)
}

// mix is wordHash of a word of n bytes whose first and last eight are
// first and last, little-endian (first only, last 0, when n < 8).
func mix(first, last uint64, n int) uint32 {
	h := (first ^ last*0x9E3779B97F4A7C15 ^ uint64(n)) * 0xBF58476D1CE4E5B9
	return uint32(h >> 48)
}

// mayStart reports whether a word whose wordHash is h may start a
// phrase: false means surely not. lower says the word is not capitalised
// in ordinary text, where only currencies start in lower case.
func (g *gazetteer) mayStart(h uint32, lower bool) bool {
	if lower {
		return g.lowBloom[h>>6&(1<<10-1)]&(1<<(h&63)) != 0
	}
	return g.bloom[h>>6&(1<<10-1)]&(1<<(h&63)) != 0
}

// lowerCase reports whether a phrase of gr may be written in lower case in
// ordinary text.
func (gr *group) lowerCase() bool {
	low := func(e *entry) bool {
		return slices.ContainsFunc(e.cands, func(c cand) bool { return c.kind == kCur || c.kind == kStop || c.lower })
	}
	if gr.single != nil && low(gr.single) {
		return true
	}
	return slices.ContainsFunc(gr.next, low)
}
