package region

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text. Its normal form (lower case, accents folded,
// periods and a possessive "'s" removed, curly apostrophes straightened) is
// the word itself when it is plain lower-case ASCII, else it is kept in a
// shared arena, so tokenizing a text costs three allocations.
type token struct {
	start, end int32 // byte offsets of the word in the source text
	ns         int32 // normal form: src[start:end] if fInSrc, else words[ns:ns+nlen]
	flags      flag
	nlen       uint8
}

// flag is a property of a token.
type flag uint16

const (
	// fCap: the first letter is upper case; fUpper: every letter is.
	fCap flag = 1 << iota
	fUpper
	// fComma: a comma stands between the previous token and this one.
	fComma
	// fSent: the token opens a sentence, a paragraph or the text.
	fSent
	// fPara: the token opens a paragraph (after a blank or indented line).
	fPara
	// fPoss: the word carried a possessive "'s".
	fPoss
	// fDigits: the word is all digits.
	fDigits
	// fInSrc: the normal form is the word itself, in the source.
	fInSrc
	// fMay: the word may start a phrase of the gazetteer.
	fMay
)

func (k *token) is(f flag) bool { return k.flags&f != 0 }

// tokens is a tokenized text. Its buffers are reused from one text to the
// next (see read), so a detector tokenizes a whole article in a few
// allocations.
type tokens struct {
	src   string
	toks  []token
	arena []byte // normal forms that are not the word itself
	// starts lists the tokens that may start a phrase in ordinary text
	// (see canStart), not numbers.
	starts []int32
	// words, capped and capitals count the words that are not numbers,
	// those capitalised, and those of two letters or more in capitals.
	words, capped, capitals int
}

// norm returns token i's normal form. It allocates for words that are not
// plain lower case: hot paths use lookup, next and normEq instead.
func (t *tokens) norm(i int) string {
	k := &t.toks[i]
	if k.is(fInSrc) {
		return t.src[k.start:k.end]
	}
	return string(t.arena[k.ns : k.ns+int32(k.nlen)])
}

// lookup returns the group of token i's normal form in w, without
// allocating.
func (t *tokens) lookup(w *wordTable, i int) *group {
	k := &t.toks[i]
	if k.is(fInSrc) {
		return lookup(w, t.src[k.start:k.end])
	}
	return lookup(w, t.arena[k.ns:k.ns+int32(k.nlen)])
}

// next returns the phrases of gr whose second word is token i.
func (t *tokens) next(gr *group, i int) []*entry {
	k := &t.toks[i]
	if k.is(fInSrc) {
		return following(gr, t.src[k.start:k.end])
	}
	return following(gr, t.arena[k.ns:k.ns+int32(k.nlen)])
}

// normEq reports whether token i's normal form is s, without allocating.
func (t *tokens) normEq(i int, s string) bool {
	k := &t.toks[i]
	if k.is(fInSrc) {
		return t.src[k.start:k.end] == s
	}
	return string(t.arena[k.ns:k.ns+int32(k.nlen)]) == s
}

func (t *tokens) surface(i, j int) string {
	return t.src[t.toks[i].start:t.toks[j-1].end]
}

// tokenize splits s into words. Hyphens separate words; periods inside a
// word ("U.S.", "N.J.") and apostrophes before a letter ("N'Djamena") are
// kept in it; a period after a single letter or an abbreviation with
// inner periods belongs to the word. Texts longer than 1<<30 bytes are
// cut there.
//
// With g set, words that may start one of its phrases are marked fMay, so
// the scanner looks up only those; with g nil, every word is marked.
func tokenize(s string, g *gazetteer) *tokens {
	t := &tokens{}
	t.read(s, g, false)
	return t
}

// read tokenizes s into t, reusing t's buffers; tokens of the previous
// text are gone. caseFree says s is a dateline or metadata, where a place
// may be written in any case.
func (t *tokens) read(s string, g *gazetteer, caseFree bool) {
	if len(s) > 1<<30 {
		s = s[:1<<30]
	}
	t.src = s
	if n := len(s)/5 + 8; cap(t.toks) < n {
		t.toks = make([]token, 0, n)
	}
	t.toks = t.toks[:0]
	t.arena = t.arena[:0]
	t.words, t.capped, t.capitals = 0, 0, 0
	arena := t.arena
	starts := t.starts[:0]
	var pend flag = fSent | fPara // flags for the next word
	i := 0
	for i < len(s) {
		c := s[i]
		if c == ' ' {
			i++
			continue
		}
		if c < utf8.RuneSelf && !isAlnum(c) {
			switch c {
			case ',':
				pend |= fComma
			case '.', '!', '?', ';', ':':
				pend = pend&^fComma | fSent
			case '\n':
				// A hard-wrapped line goes on; a blank or indented line
				// starts a paragraph.
				if newParagraph(s, i) {
					pend = fSent | fPara
				}
			case '(', ')', '[', ']', '"', '<', '>', '|', '/':
				pend &^= fComma
			}
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, size := decode(s, i); !isWordRune(r) {
				if r == '\u201c' || r == '\u201d' || r == '\u2014' || r == '\u2013' {
					pend &^= fComma
				}
				i += size
				continue
			}
		}
		// The common case first: a word of lower-case ASCII letters and
		// digits, which is its own normal form.
		j, letters, lh := i, false, uint32(0)
		if c < 'A' || c > 'Z' {
			j, letters, lh = lowerRun(s, i)
		}
		if j > i && (j < len(s) && (s[j] == ' ' || s[j] == ',') || plainEnd(s, i, j)) {
			tok := token{start: int32(i), end: int32(j), flags: pend | fInSrc}
			if !letters {
				tok.flags |= fDigits
			} else {
				t.words++
				// In ordinary text a word in lower case starts only a few
				// phrases (currencies): a filter of their own rules most
				// out.
				if g == nil || g.mayStart(lh, !caseFree) {
					tok.flags |= fMay
				}
				if t.canStart(&tok, len(t.toks)) {
					starts = append(starts, int32(len(t.toks)))
				}
			}
			t.toks = append(t.toks, tok)
			pend = 0
			i = j
			continue
		}
		// Next most common: ASCII letters and digits in any case
		// ("Malaysia", "U", "IBM"), lower-cased into the arena.
		if tok, h, ok := asciiWord(s, i, &arena); ok {
			tok.flags |= pend
			pend = 0
			if g == nil || g.mayStart(h, !caseFree && !tok.is(fCap)) {
				tok.flags |= fMay
			}
			starts = t.count(&tok, starts)
			t.toks = append(t.toks, tok)
			i = int(tok.end)
			continue
		}
		var tok token
		var h uint32
		tok, arena, j = word(s, i, arena)
		tok.flags |= pend
		pend = 0
		if tok.is(fInSrc) {
			h = wordHash(s[tok.start:tok.end])
		} else {
			h = wordHash(arena[tok.ns:])
		}
		if g == nil || g.mayStart(h, !caseFree && !tok.is(fCap)) {
			tok.flags |= fMay
		}
		starts = t.count(&tok, starts)
		t.toks = append(t.toks, tok)
		i = j
	}
	t.arena = arena
	// A text set without capitals: any word may start a place.
	if g != nil && t.uncapitalised() {
		starts = starts[:0]
		for i := range t.toks {
			k := &t.toks[i]
			if k.flags&(fCap|fMay) == 0 && g.mayStart(wordHash(t.norm(i)), false) {
				k.flags |= fMay
			}
			if k.flags&fDigits == 0 && t.canStart(k, i) {
				starts = append(starts, int32(i))
			}
		}
	}
	t.starts = starts
}

// uncapitalised reports whether the text is set without capitals: ten
// words or more, fewer than 4% capitalised, and the first word not (a
// paragraph of ordinary prose may name nobody, but opens with a capital).
func (t *tokens) uncapitalised() bool {
	if t.words < 10 || t.capped*100 >= t.words*4 {
		return false
	}
	for i := range t.toks {
		if !t.toks[i].is(fDigits) {
			return !t.toks[i].is(fCap)
		}
	}
	return true
}

// canStart reports whether k, token i, may start a phrase in ordinary text
// (see scanner.matchAt): it may start one of the gazetteer, or it follows
// "Town," and may be an abbreviation ("Ga.").
func (t *tokens) canStart(k *token, i int) bool {
	return k.flags&fMay != 0 || k.flags&fComma != 0 && i > 0 && t.toks[i-1].is(fCap)
}

// count counts the word k, about to be appended to t.toks, among the
// words, those capitalised and those in capitals, and appends its index
// to starts when it may start a phrase.
func (t *tokens) count(k *token, starts []int32) []int32 {
	if k.flags&fDigits != 0 {
		return starts
	}
	if t.canStart(k, len(t.toks)) {
		starts = append(starts, int32(len(t.toks)))
	}
	t.words++
	if k.flags&fCap != 0 {
		t.capped++
		if k.flags&fUpper != 0 && k.end-k.start >= 2 {
			t.capitals++
		}
	}
	return starts
}

// plainEnd reports whether a run of ASCII letters and digits s[i:j] is
// a whole word: what follows is not a letter, an apostrophe or a period
// that belongs to the word.
func plainEnd(s string, i, j int) bool {
	if j == len(s) {
		return true
	}
	switch c := s[j]; {
	case c >= utf8.RuneSelf || 'A' <= c && c <= 'Z':
		return false
	case c == '\'':
		return !(j+1 < len(s) && isWordByte(s, j+1))
	case c == '.':
		inner := j+1 < len(s) && isWordByte(s, j+1)
		return !inner && letters(s[i:j]) != 1
	}
	return true
}

// letters counts the ASCII letters in s.
func letters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
			n++
		}
	}
	return n
}

// SWAR constants: a byte repeated in each of a word's eight bytes.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// lowerRun returns the end of the run of lower-case ASCII letters and
// digits starting at s[i], whether it has a letter, and its wordHash. It
// tests eight bytes at a time (SWAR), so that a word costs one step, not
// one per letter.
func lowerRun(s string, i int) (int, bool, uint32) {
	j, letter := i, false
	var first uint64
	for j+8 <= len(s) {
		// Bytes of seven bits plus a bias set their high bit when at or
		// above a bound, without carrying into the next byte.
		x7, hi := load8(s[j:])
		lower := (x7 + ones*(0x80-'a')) &^ (x7 + ones*(0x7f-'z')) &^ hi
		digit := (x7 + ones*(0x80-'0')) &^ (x7 + ones*(0x7f-'9')) &^ hi
		in := (lower | digit) & highs
		out := ^in & highs
		n := 8
		if out != 0 {
			n = bits.TrailingZeros64(out) >> 3
		}
		m := uint64(1)<<(8*n) - 1
		if lower&highs&m != 0 {
			letter = true
		}
		if j == i {
			first = x7 & m
		}
		j += n
		if n < 8 {
			break
		}
	}
	if j+8 > len(s) {
		for j < len(s) {
			c := s[j]
			if 'a' <= c && c <= 'z' {
				letter = true
			} else if c < '0' || c > '9' {
				break
			}
			j++
		}
		return j, letter, wordHash(s[i:j])
	}
	if j-i < 8 {
		return j, letter, mix(first, 0, j-i)
	}
	last, _ := load8(s[j-8:])
	return j, letter, mix(first, last, j-i)
}

// asciiWord reads a word of ASCII letters and digits starting at s[i] and
// ending cleanly (see plainEnd), appending its lower-case form to *arena;
// it also returns the word's hash. It reports false, leaving *arena as it
// was, for any other word.
func asciiWord(s string, i int, arena *[]byte) (token, uint32, bool) {
	j, lower, upper := i, false, false
	var first uint64 // the first eight bytes, lower-cased
	for j+8 <= len(s) {
		x7, hi := load8(s[j:])
		lo := (x7 + ones*(0x80-'a')) &^ (x7 + ones*(0x7f-'z')) &^ hi
		up := (x7 + ones*(0x80-'A')) &^ (x7 + ones*(0x7f-'Z')) &^ hi
		dg := (x7 + ones*(0x80-'0')) &^ (x7 + ones*(0x7f-'9')) &^ hi
		out := ^(lo | up | dg) & highs
		n := 8
		if out != 0 {
			n = bits.TrailingZeros64(out) >> 3
		}
		m := uint64(1)<<(8*n) - 1
		lower = lower || lo&highs&m != 0
		upper = upper || up&highs&m != 0
		if j == i {
			first = (x7 | up&highs>>2) & m
		}
		j += n
		if n < 8 {
			break
		}
	}
	swar := j+8 <= len(s)
	if !swar {
		for ; j < len(s); j++ {
			c := s[j]
			if 'a' <= c && c <= 'z' {
				lower = true
			} else if 'A' <= c && c <= 'Z' {
				upper = true
			} else if c < '0' || c > '9' {
				break
			}
		}
	}
	if j == i || j-i > 255 || !plainEnd(s, i, j) {
		return token{}, 0, false
	}
	a := *arena
	ns := len(a)
	a = append(a, s[i:j]...)
	if upper {
		for k := ns; k < len(a); k++ {
			a[k] |= 0x20 // letters and digits: digits have the bit set
		}
	}
	*arena = a
	tok := token{start: int32(i), end: int32(j), ns: int32(ns), nlen: uint8(j - i)}
	switch {
	case !lower && !upper:
		tok.flags |= fDigits
	case !lower:
		tok.flags |= fUpper
	}
	if 'A' <= s[i] && s[i] <= 'Z' {
		tok.flags |= fCap
	}
	var h uint32
	switch n := j - i; {
	case !swar:
		h = wordHash(a[ns:])
	case n < 8:
		h = mix(first, 0, n)
	default:
		x7, _ := load8(s[j-8:])
		up := (x7 + ones*(0x80-'A')) &^ (x7 + ones*(0x7f-'Z')) & highs
		h = mix(first, x7|up>>2, n)
	}
	return tok, h, true
}

// load8 returns the first eight bytes of s as a little-endian word, with
// their high bits cleared, and those high bits apart.
func load8(s string) (x7, hi uint64) {
	b := s[:8]
	x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	return x &^ highs, x & highs
}

// word reads the word starting at s[i], appending its normal form to arena
// unless it is plain; it returns the token without its context flags, the
// arena and the index after the word.
func word(s string, i int, arena []byte) (token, []byte, int) {
	r, _ := decode(s, i)
	tok := token{start: int32(i), flags: fUpper | fDigits}
	if isUpper(r) {
		tok.flags |= fCap
	}
	letters := 0
	innerDot := false
	// plain: so far the word is lower-case ASCII letters and digits,
	// its own normal form; else it is being copied to the arena.
	plain := true
	j := i
	for j < len(s) {
		c := s[j]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if c >= 'a' {
				letters++
				tok.flags &^= fUpper | fDigits
			}
			if !plain {
				arena = append(arena, c)
			}
			j++
			continue
		}
		if c == '.' && !(j+1 < len(s) && isWordByte(s, j+1)) && !((innerDot || letters == 1) && !tok.is(fDigits)) {
			break // a full stop, not part of the word
		}
		if c < utf8.RuneSelf && c != '.' && c != '\'' && !isAlnum(c) {
			break // a space, comma, hyphen...
		}
		if plain {
			plain = false
			tok.ns = int32(len(arena))
			arena = append(arena, s[i:j]...)
		}
		if 'A' <= c && c <= 'Z' {
			letters++
			tok.flags &^= fDigits
			arena = append(arena, c+'a'-'A')
			j++
			continue
		}
		r, size := decode(s, j)
		switch {
		case isWordRune(r):
			if r > '9' {
				letters++
				if !isUpper(r) {
					tok.flags &^= fUpper
				}
				tok.flags &^= fDigits
			}
			arena = appendFolded(arena, r)
			j += size
			continue
		case r == '.' || r == '\'' || r == '\u2019':
			if j+size < len(s) {
				if n, _ := decode(s, j+size); isWordRune(n) {
					if r == '.' {
						innerDot = true
					} else {
						arena = append(arena, '\'')
					}
					j += size
					continue
				}
			}
			if r == '.' && (innerDot || letters == 1) && !tok.is(fDigits) {
				j += size // "U.S." and "W." keep their final period
			}
		}
		break
	}
	if letters == 0 {
		tok.flags &^= fUpper
	}
	tok.end = int32(j)
	if plain {
		tok.flags |= fInSrc
		return tok, arena, j
	}
	if n := len(arena); n-int(tok.ns) > 2 && arena[n-2] == '\'' && arena[n-1] == 's' {
		arena = arena[:n-2]
		tok.flags |= fPoss
	}
	if len(arena)-int(tok.ns) > 255 {
		arena = arena[:tok.ns+255] // no place has a longer name
	}
	tok.nlen = uint8(len(arena) - int(tok.ns))
	return tok, arena, j
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isWordByte reports whether the rune at s[i] is a letter or digit.
func isWordByte(s string, i int) bool {
	r, _ := decode(s, i)
	return isWordRune(r)
}

// decode is utf8.DecodeRuneInString(s[i:]) with a fast path for ASCII.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
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
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
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
