package region

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of a text. Its normal form (lower case, accents folded,
// periods and a possessive "'s" removed, curly apostrophes straightened) is
// kept in a shared arena so that tokenizing a text costs one allocation for
// the tokens and one for the arena.
type token struct {
	start, end int // byte offsets of the word in the source text
	ns, ne     int // normal form: arena[ns:ne]
	// cap: the first letter is upper case; upper: every letter is.
	cap, upper bool
	// comma: a comma stands between the previous token and this one.
	comma bool
	// sent: the token opens a sentence, a paragraph or the text.
	sent bool
	// para: the token opens a paragraph (after a blank or indented line).
	para bool
	// poss: the word carried a possessive "'s".
	poss bool
	// digits: the word is all digits.
	digits bool
}

// tokens is a tokenized text.
type tokens struct {
	src   string
	toks  []token
	arena []byte
}

func (t *tokens) norm(i int) string {
	k := &t.toks[i]
	return string(t.arena[k.ns:k.ne])
}

// normEq reports whether token i's normal form is s, without allocating.
func (t *tokens) normEq(i int, s string) bool {
	k := &t.toks[i]
	return string(t.arena[k.ns:k.ne]) == s
}

func (t *tokens) surface(i, j int) string {
	return t.src[t.toks[i].start:t.toks[j-1].end]
}

// tokenize splits s into words. Hyphens separate words; periods inside a
// word ("U.S.", "N.J.") and apostrophes before a letter ("N'Djamena") are
// kept in it; a period after a single letter or an abbreviation with
// inner periods belongs to the word.
func tokenize(s string) *tokens {
	t := &tokens{src: s, toks: make([]token, 0, len(s)/6+1), arena: make([]byte, 0, len(s)+8)}
	comma, sent, para := false, true, true
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			switch r {
			case ',':
				comma = true
			case '.', '!', '?', ';', ':':
				sent, comma = true, false
			case '\n':
				// A hard-wrapped line goes on; a blank or indented line
				// starts a paragraph.
				if newParagraph(s, i) {
					sent, para, comma = true, true, false
				}
			case '(', ')', '[', ']', '"', '\u201c', '\u201d', '<', '>', '|', '/', '\u2014', '\u2013':
				comma = false
			}
			i += size
			continue
		}
		tok := token{start: i, ns: len(t.arena), comma: comma, sent: sent, para: para, cap: unicode.IsUpper(r), upper: true, digits: true}
		comma, sent, para = false, false, false
		letters := 0
		innerDot := false
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			switch {
			case isWordRune(r):
				if unicode.IsLetter(r) {
					letters++
					if !unicode.IsUpper(r) {
						tok.upper = false
					}
					tok.digits = false
				}
				t.arena = appendFolded(t.arena, r)
				j += size
				continue
			case r == '.' || r == '\'' || r == '\u2019':
				n, _ := utf8.DecodeRuneInString(s[j+size:])
				if isWordRune(n) {
					if r == '.' {
						innerDot = true
					} else {
						t.arena = append(t.arena, '\'')
					}
					j += size
					continue
				}
				if r == '.' && (innerDot || letters == 1) && !tok.digits {
					j += size // "U.S." and "W." keep their final period
				}
			}
			break
		}
		if letters == 0 {
			tok.upper = false
		}
		tok.end = j
		if n := len(t.arena); n-tok.ns > 2 && t.arena[n-2] == '\'' && t.arena[n-1] == 's' {
			t.arena = t.arena[:n-2]
			tok.poss = true
		}
		tok.ne = len(t.arena)
		t.toks = append(t.toks, tok)
		// A period that closed an abbreviation may also end a sentence;
		// the next word's case decides, which callers check when it matters.
		i = j
	}
	return t
}

// newParagraph reports whether the newline at s[i] starts a paragraph: a
// blank line or an indented line follows.
func newParagraph(s string, i int) bool {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\n':
			return true
		case ' ', '\t':
			if j > i+1 {
				return true
			}
		default:
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendFolded appends r in lower case with common Latin accents removed.
func appendFolded(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	r = unicode.ToLower(r)
	if f := foldAccent(r); f != "" {
		return append(b, f...)
	}
	return utf8.AppendRune(b, r)
}

// foldAccent returns the unaccented spelling of a lower-case Latin letter,
// or "" when r has none.
func foldAccent(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ą', 'ă':
		return "a"
	case 'æ':
		return "ae"
	case 'ç', 'ć', 'č':
		return "c"
	case 'đ':
		return "d"
	case 'è', 'é', 'ê', 'ë', 'ę', 'ě':
		return "e"
	case 'ğ':
		return "g"
	case 'ì', 'í', 'î', 'ï', 'ı':
		return "i"
	case 'ł':
		return "l"
	case 'ñ', 'ń':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ő':
		return "o"
	case 'ř':
		return "r"
	case 'ś', 'š', 'ş', 'ș':
		return "s"
	case 'ß':
		return "ss"
	case 'ț':
		return "t"
	case 'ù', 'ú', 'û', 'ü', 'ů', 'ű':
		return "u"
	case 'ý', 'ÿ':
		return "y"
	case 'ź', 'ż', 'ž':
		return "z"
	}
	return ""
}
