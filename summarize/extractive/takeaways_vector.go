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
		} else if tkCJK(r) {
			i, dst = tz.cjkTerms(s, i, dst)
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
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) || tkCJK(r) {
				break
			}
			tz.buf = utf8.AppendRune(tz.buf, unicode.ToLower(r))
			i += size
		}
		id, ok := tz.vocab[string(tz.buf)]
		if !ok {
			id = tz.add()
		}
		dst = tkCount(dst, id)
	}
	return dst
}

// tkCount adds one occurrence of term id (none when id < 0) to dst.
func tkCount(dst []tkTerm, id int32) []tkTerm {
	if id < 0 {
		return dst
	}
	for k := range dst {
		if dst[k].id == id {
			dst[k].w++
			return dst
		}
	}
	return append(dst, tkTerm{id: id, w: 1})
}

// cjkTerms adds to dst the character bigrams of the run of Chinese or
// Japanese characters that starts at s[i] (these scripts do not space
// their words, and bigrams are the usual stand-in), and returns the index
// after the run.
func (tz *tkTokenizer) cjkTerms(s string, i int, dst []tkTerm) (int, []tkTerm) {
	prev := -1 // start of the previous character of the run
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !tkCJK(r) {
			break
		}
		if prev >= 0 {
			w := s[prev : i+size]
			id, ok := tz.stems[w]
			if !ok {
				id = int32(len(tz.ids))
				tz.ids = append(tz.ids, w)
				tz.stems[w] = id
			}
			dst = tkCount(dst, id)
		}
		prev = i
		i += size
	}
	return i, dst
}

// tkCJK reports whether r is a Han, Hiragana or Katakana character.
func tkCJK(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
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
// digit; Chinese and Japanese, written without spaces, count one word for
// every two characters.
func tkWordCount(s string) int {
	n, cjk := 0, 0
	in, alnum := false, false
	for _, r := range s {
		if r >= 0x3040 && tkCJK(r) {
			cjk++
			continue
		}
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
	return n + (cjk+1)/2
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
