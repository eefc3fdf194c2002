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
