package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// segment is one top-level quotation-mark span in a paragraph.
type segment struct {
	start, end int  // byte offsets of the span, marks included
	in0, in1   int  // byte offsets of the quoted text, marks excluded
	open       bool // no closing mark: the quote runs past the paragraph end
	contd      bool // continues a quote left open in the previous paragraph
	single     bool // delimited by single quotation marks
}

// Mark styles. A style says which runes close a span opened by a mark.
const (
	styleNone = iota
	styleCurly
	styleLow      // „ … “ or „ … ”
	styleGuil     // « … »
	styleGuilRev  // » … «
	styleAngle    // ‹ … ›
	styleStraight // " … "
	styleSwedish  // ” … ”
	styleSingle   // ‘ … ’ or ' … '
)

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isOpenContext reports whether r, the rune before a mark, lets the mark
// open a quote: start of text, space, an opening bracket or a dash.
func isOpenContext(r rune) bool {
	switch r {
	case 0, '(', '[', '{', '—', '–', '―', '-', '/', ':', '“', '‘', '«', '„':
		return true
	}
	return unicode.IsSpace(r)
}

// closes reports whether mark r closes a span of style st.
func closes(st int, r rune) bool {
	switch st {
	case styleCurly:
		return r == '”' || r == '"'
	case styleLow:
		return r == '“' || r == '”'
	case styleGuil:
		return r == '»'
	case styleGuilRev:
		return r == '«'
	case styleAngle:
		return r == '›'
	case styleStraight:
		return r == '"' || r == '”'
	case styleSwedish:
		return r == '”'
	}
	return false
}

// findSegments returns the top-level quotation-mark spans of paragraph p.
// carry says that the previous paragraph ended inside an open quote.
func findSegments(p string, carry bool) []segment {
	var segs []segment
	st := styleNone
	var cur segment
	nested := 0 // nested spans of another double style inside the current one
	var nestStyle int
	prev := rune(0)
	if carry && !startsWithOpener(p) {
		// The writer left out the opening mark of the continued paragraph:
		// the quote runs to the first closing mark, if there is one.
		if i, w := firstCloser(p); i >= 0 {
			segs = append(segs, segment{start: 0, end: i + w, in0: 0, in1: i, contd: true})
			p2 := p[i+w:]
			rest := findSegments(p2, false)
			for _, s := range rest {
				off := i + w
				s.start += off
				s.end += off
				s.in0 += off
				s.in1 += off
				segs = append(segs, s)
			}
			return segs
		}
	}
	for i := 0; i < len(p); {
		if c := p[i]; c < utf8.RuneSelf && c != '"' && c != '\'' && c != '`' {
			// fast path: an ASCII byte that is no quotation mark
			prev = rune(c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(p[i:])
		if (r == '\'' || r == '`') && i+1 < len(p) && p[i+1] == byte(r) {
			// '' and `` stand for a double quotation mark in ASCII text
			r, w = '"', 2
		} else if (r == '’' || r == '‘') && strings.HasPrefix(p[i+w:], string(r)) {
			// ‘‘ and ’’ stand for “ and ” ("voters,’’ Will Moy said")
			if r == '’' {
				r = '”'
			} else {
				r = '“'
			}
			w *= 2
		}
		next := rune(0)
		if i+w < len(p) {
			next, _ = utf8.DecodeRuneInString(p[i+w:])
		}
		if (r == '«' || r == '‹') && unicode.IsSpace(next) {
			// French spacing: « Nous … »
			next = afterSpace(p[i+w:])
		}
		switch {
		case st == styleNone:
			ns := openStyle(r, prev, next)
			if ns != styleNone {
				st = ns
				cur = segment{start: i, in0: i + w, single: ns == styleSingle}
				nested = 0
			}
		case st == styleSingle:
			if (r == '’' || r == '\'') && !isLetterOrDigit(next) && prev != ' ' {
				cur.end, cur.in1 = i+w, i
				segs = append(segs, cur)
				st = styleNone
			}
		default:
			if nested > 0 {
				if closes(nestStyle, r) {
					nested--
				}
				break
			}
			if closes(st, r) && isCloseMark(r, prev, next, st) {
				cur.end, cur.in1 = i+w, i
				segs = append(segs, cur)
				st = styleNone
				break
			}
			if st == styleCurly && r == '“' && unicode.IsSpace(prev) && sentenceEndBefore(p, i) {
				// a new opening mark after a sentence: the quote before
				// was left open at the end of its paragraph (paragraphs
				// that a text joined into one), and this one starts afresh
				end := i - 1
				for end > cur.in0 && p[end-1] == ' ' {
					end--
				}
				cur.end, cur.in1 = end, end
				segs = append(segs, cur)
				cur = segment{start: i, in0: i + w}
				break
			}
			if ns := openStyle(r, prev, next); ns != styleNone && ns != styleSingle && ns != st {
				nested, nestStyle = 1, ns
			}
		}
		prev = r
		i += w
	}
	if st != styleNone && st != styleSingle {
		cur.end, cur.in1 = len(p), len(p)
		cur.open = true
		segs = append(segs, cur)
	}
	if carry && len(segs) > 0 && segs[0].start == 0 {
		segs[0].contd = true
	}
	return segs
}

// sentenceEndBefore reports whether the text before byte i, spaces
// skipped, ends a sentence: ". “", "? “".
func sentenceEndBefore(p string, i int) bool {
	j := i
	for j > 0 && (p[j-1] == ' ' || p[j-1] == '\n' || p[j-1] == '\t') {
		j--
	}
	if j == 0 {
		return false
	}
	switch p[j-1] {
	case '.', '?', '!':
		return true
	}
	return false
}

// openStyle returns the style of a quote opened by r, or styleNone when r
// does not open one in this context.
func openStyle(r, prev, next rune) int {
	if next == 0 || unicode.IsSpace(next) {
		return styleNone
	}
	switch r {
	case '“':
		return styleCurly
	case '„':
		return styleLow
	case '«':
		return styleGuil
	case '‹':
		return styleAngle
	case '"':
		if isOpenContext(prev) || !isLetterOrDigit(prev) && prev != '.' && prev != ',' {
			return styleStraight
		}
	case '”':
		if isOpenContext(prev) && isLetterOrDigit(next) {
			return styleSwedish
		}
	case '»':
		if isOpenContext(prev) && isLetterOrDigit(next) {
			return styleGuilRev
		}
	case '‘', '\'':
		if isOpenContext(prev) && (unicode.IsLetter(next) || next == '.') {
			return styleSingle
		}
	}
	return styleNone
}

// isCloseMark reports whether a mark that can close style st does so here.
// A straight mark preceded by a space and followed by a letter opens
// rather than closes; it is still taken as a close, since straight marks
// alternate.
func isCloseMark(r, prev, next rune, st int) bool {
	if r == '"' && st == styleCurly {
		// a straight mark after a curly opener closes only at a word end
		return !isLetterOrDigit(next)
	}
	return true
}

// afterSpace returns the first rune of s after a short run of spaces, or
// 0.
func afterSpace(s string) rune {
	for i, r := range s {
		if !unicode.IsSpace(r) {
			return r
		}
		if i > 8 {
			break
		}
	}
	return 0
}

func startsWithOpener(p string) bool {
	r, w := utf8.DecodeRuneInString(p)
	next, _ := utf8.DecodeRuneInString(p[w:])
	if (r == '«' || r == '‹') && unicode.IsSpace(next) {
		next = afterSpace(p[w:])
	}
	ns := openStyle(r, 0, next)
	return ns != styleNone && ns != styleSingle
}

// firstCloser finds the first double closing mark of p that ends a word.
func firstCloser(p string) (int, int) {
	prev := rune(0)
	for i, r := range p {
		switch r {
		case '”', '"', '»':
			w := utf8.RuneLen(r)
			next, _ := utf8.DecodeRuneInString(p[i+w:])
			if prev != 0 && !unicode.IsSpace(prev) && !isLetterOrDigit(next) {
				return i, w
			}
		case '“', '«', '„':
			return -1, 0
		}
		prev = r
	}
	return -1, 0
}
