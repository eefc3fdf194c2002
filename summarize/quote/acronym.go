package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An organisation that speaks by its acronym ("hieß es in der Mitteilung
// des DOSB") takes the name the article spells out before the acronym in
// parentheses: "der Deutsche Olympische Sportbund (DOSB)".

// acronym reports whether s is an acronym of two to eight letters, most
// of them uppercase: "DOSB", "AfD", "CNN".
func acronym(s string) bool {
	n, up := 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
		if unicode.IsUpper(r) {
			up++
		}
	}
	return n >= 2 && n <= 8 && up*3 >= n*2
}

// nameLinks may stand inside an organisation's name, lowercase:
// "Bundesamt für Migration und Flüchtlinge", "Instituto Nacional de
// Estadística".
var nameLinks = set("für und der des de del la y et du des d’ d' von")

// spelledOut returns the organisation name the article gives before
// "(acr)", with the acronym in parentheses, or "" when it gives none.
func (s *scanner) spelledOut(acr string) string {
	if !acronym(acr) {
		return ""
	}
	for pi := range s.paras {
		p := &s.paras[pi]
		for k := 1; k+2 < len(p.toks); k++ {
			if !p.isPunct(k, "(") || p.toks[k+1].text != acr || !p.isPunct(k+2, ")") {
				continue
			}
			a := k
			for j := k - 1; j >= 0 && k-j <= 8; j-- {
				w, ok := p.word(j)
				if !ok {
					break
				}
				if w.upper {
					a = j
					continue
				}
				if !nameLinks[w.lower] {
					break
				}
			}
			if a == k {
				continue
			}
			if w, _ := p.word(a); p.isArticle(w.lower) || intlOpeners[w.lower] {
				a++ // "Der Deutsche …" opening a sentence
			}
			if a >= k || words(p.span(a, k)) < 2 {
				continue
			}
			name := p.span(a, k)
			if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
				continue
			}
			return strings.TrimSpace(name) + " (" + acr + ")"
		}
	}
	return ""
}

// spelledAcronym reports whether t is a name with its acronym in
// parentheses, an organisation: "Deutsche Olympische Sportbund (DOSB)".
func spelledAcronym(t string) bool {
	i := strings.LastIndex(t, " (")
	return i > 0 && strings.HasSuffix(t, ")") && acronym(t[i+2:len(t)-1])
}

// acronymCompound reports whether w is a German compound of an acronym
// and a noun, which before a name is a descriptor: "US-Nachrichtensender
// CNN", "ZDF-Moderator Markus Lanz", "FPÖ-Kultursprecher".
func acronymCompound(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 0 {
		return false
	}
	head, tail := w[:i], w[strings.LastIndexByte(w, '-')+1:]
	r, _ := utf8.DecodeRuneInString(tail)
	return acronym(head) && unicode.IsUpper(r) && utf8.RuneCountInString(tail) >= 4 && strings.ToUpper(tail) != tail
}
