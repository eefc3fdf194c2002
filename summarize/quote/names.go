package quote

import "strings"

// Words counts the words of s.
func Words(s string) int { return words(s) }

// Named reports whether speaker names someone: it is neither empty nor a
// bare pronoun nor a description that opens with a determiner ("a
// spokesman", "officials" is a description too, being lowercase).
func Named(speaker string) bool {
	f := strings.Fields(speaker)
	if len(f) == 0 {
		return false
	}
	w := strings.ToLower(f[0])
	if speakerPronouns[w] || determiners[w] && w != "the" {
		return false
	}
	for _, x := range f {
		if x != "" && strings.ToUpper(x[:1]) == x[:1] && !determiners[strings.ToLower(x)] {
			return true
		}
	}
	return false
}

// SpeakerKey returns a key under which mentions of one speaker agree:
// "Mr. Obama", "Obama" and "Barack Obama" all give "obama".
func SpeakerKey(speaker string) string {
	return nameKey(speaker)
}

// QuotedWords counts the words of text that stand inside its quotation
// marks: in the mixed quote "qu’elle n’avait « rien à se reprocher »",
// four.
func QuotedWords(text string) int {
	n := 0
	for _, g := range findSegments(text, false) {
		if g.in0 >= 0 && g.in1 <= len(text) && g.in0 < g.in1 {
			n += words(text[g.in0:g.in1])
		}
	}
	return n
}
