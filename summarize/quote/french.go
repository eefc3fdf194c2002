package quote

import (
	"regexp"
	"strings"
)

// French typography often sets the attribution inside the guillemets,
// between commas: « Depuis je ne sais quand, je me sens gagnée par une
// sensation de douceur, écrit-elle. Ces scènes me manquent. » The quote
// then has no attribution outside its marks, but the inverted verb and
// pronoun inside name its speaker.

// frInsideAttr matches an inverted speech verb and pronoun between
// commas inside a quote: ", écrit-elle.", ", explique-t-il,".
var frInsideAttr = regexp.MustCompile(`,\s+(\p{Ll}+)-(?:t-)?(il|elle)\s*[.,;]`)

// frInsideVerbs are French speech verbs that are read inverted inside a
// quote, beside intlVerbs.
var frInsideVerbs = set("écrit dit explique poursuit ajoute raconte souligne précise confie note lance résume insiste estime assure affirme reprend tranche observe remarque martèle rappelle")

// insideAttribution gives each quote of a French article that has no
// speaker the pronoun of an attribution set inside its marks.
func (s *scanner) insideAttribution() {
	for i := range s.units {
		u := &s.units[i]
		p := &s.paras[u.para]
		if p.lang != "fr" || u.kind == KindReported || u.spk.kind != spkNone && !u.inherit {
			continue
		}
		for _, r := range u.parts {
			if r[0] < 0 || r[1] > len(p.text) || r[0] >= r[1] {
				continue
			}
			m := frInsideAttr.FindStringSubmatch(p.text[r[0]:r[1]])
			if m == nil || !frInsideVerbs[m[1]] && !intlVerbs[m[1]] {
				continue
			}
			g := genderMale
			if m[2] == "elle" {
				g = genderFemale
			}
			u.spk = speaker{text: m[2], kind: spkPronoun, gender: g, para: u.para, tok: u.tok}
			u.inherit = false
			break
		}
	}
}

// dislocated returns the gender that a French subject pronoun between
// commas after a name at e gives it ("Soona, elle, n’a pas changé"), or
// genderUnknown.
func (p *para) dislocated(e int) int {
	if p.lang != "fr" || !p.isPunct(e, ",") || !p.isPunct(e+2, ",") {
		return genderUnknown
	}
	w, ok := p.word(e + 1)
	switch {
	case !ok:
		return genderUnknown
	case strings.EqualFold(w.text, "elle"):
		return genderFemale
	case strings.EqualFold(w.text, "il"), strings.EqualFold(w.text, "lui"):
		return genderMale
	}
	return genderUnknown
}

// elidedTitle reports whether the lowercase word l is a role noun with
// its elided article in a French article: "l’architecte", "l'avocate".
func (p *para) elidedTitle(l string) bool {
	if p.lang != "fr" {
		return false
	}
	for _, a := range []string{"l’", "l'"} {
		if t, ok := strings.CutPrefix(l, a); ok {
			return intlTitles[t] || intlPersonHeads[t]
		}
	}
	return false
}
