package extractive

import (
	"unicode"
	"unicode/utf8"
)

// tkTerm is one term of a sentence vector.
type tkTerm struct {
	id int32
	w  float64
}

// tkTokenizer maps the words of one article to stemmed term ids.
type tkTokenizer struct {
	vocab map[string]int32 // lowercased word → term id (-1: stopword)
	stems map[string]int32 // stem → term id
	ids   []string         // term id → stem
	buf   []byte
}

func newTkTokenizer() *tkTokenizer {
	return &tkTokenizer{vocab: make(map[string]int32, 256), stems: make(map[string]int32, 256)}
}

// terms appends to dst the term-frequency vector of s: lowercased runs of
// letters and digits, English stopwords and one-letter words left out,
// Porter-stemmed.
func (tz *tkTokenizer) terms(s string, dst []tkTerm) []tkTerm {
	for i := 0; i < len(s); {
		// Skip to the next letter or digit.
		if c := s[i]; c < utf8.RuneSelf {
			if !tkAlnum(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		tz.buf = tz.buf[:0]
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !tkAlnum(c) {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				tz.buf = append(tz.buf, c)
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			tz.buf = utf8.AppendRune(tz.buf, unicode.ToLower(r))
			i += size
		}
		id, ok := tz.vocab[string(tz.buf)]
		if !ok {
			id = tz.add()
		}
		if id < 0 {
			continue
		}
		found := false
		for k := range dst {
			if dst[k].id == id {
				dst[k].w++
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, tkTerm{id: id, w: 1})
		}
	}
	return dst
}

// add enters the new lowercased word in tz.buf in the vocabulary and
// returns its term id, or -1 for a word left out.
func (tz *tkTokenizer) add() int32 {
	w := string(tz.buf)
	id := int32(-1)
	if len(w) > 1 && !tkStopwords[w] {
		st := stemBytes(tz.buf)
		sid, ok := tz.stems[string(st)]
		if !ok {
			sid = int32(len(tz.ids))
			stem := w[:len(st)]
			if string(st) != stem {
				stem = string(st)
			}
			tz.ids = append(tz.ids, stem)
			tz.stems[stem] = sid
		}
		id = sid
	}
	tz.vocab[w] = id
	return id
}

func tkAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// tkWordCount counts the space-separated tokens of s that hold a letter or
// digit.
func tkWordCount(s string) int {
	n := 0
	in, alnum := false, false
	for _, r := range s {
		if r == ' ' || r < utf8.RuneSelf && (r == '\t' || r == '\n' || r == '\r') || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			if in && alnum {
				n++
			}
			in, alnum = false, false
			continue
		}
		in = true
		if !alnum && (r < utf8.RuneSelf && tkAlnum(byte(r)) || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			alnum = true
		}
	}
	if in && alnum {
		n++
	}
	return n
}

// tkStopwords are English function words (and the most common reporting
// words) left out of sentence vectors.
var tkStopwords = sentSet(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves said says say told one two new last first year years mr mrs ms
s t don didn doesn isn wasn aren weren won cnn`)
