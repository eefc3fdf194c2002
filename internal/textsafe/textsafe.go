// Package textsafe cleans text that comes from outside brief (pages, JSONL
// records, archive imports, model replies, file names) before it reaches a
// terminal or an output file: no control sequences, no bidirectional
// overrides, no invisible characters. It imports nothing of brief's.
package textsafe

import (
	"strings"
	"unicode/utf8"
)

// Clean returns s without the characters that can hide or fake what text
// says, keeping newlines and tabs:
//
//   - C0 controls (ESC among them, so no ANSI or OSC sequence — fake
//     OSC 8 links, OSC 52 clipboard writes — survives), DEL and C1
//     controls;
//   - bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069) and the marks U+200E, U+200F and U+061C, which can
//     reorder what a line shows;
//   - zero-width characters: U+200B, U+2060, U+FEFF, U+180E, and U+200C
//     and U+200D after an ASCII character (scripts such as Persian and
//     Devanagari, and emoji sequences, need them after their own
//     characters, where they are kept).
//
// Invalid UTF-8 becomes U+FFFD. Clean returns s itself when there is
// nothing to remove.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
			prev = r
			continue
		}
		if drop(r, prev) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// Line is Clean for text shown on one line (a file name or an error on
// stderr): newlines and tabs become spaces too.
func Line(s string) string {
	s = Clean(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// isClean reports whether Clean has nothing to do, quickly for the usual
// text.
func isClean(s string) bool {
	prev := rune(0)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			prev = rune(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || drop(r, prev) {
			return false
		}
		prev = r
		i += n
	}
	return true
}

func drop(r, prev rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0x200b, r == 0x2060, r == 0xfeff, r == 0x180e:
		return true
	case r == 0x200c || r == 0x200d:
		return prev < utf8.RuneSelf
	}
	return false
}

// All cleans each string in place (see Clean).
func All(ps ...*string) {
	for _, p := range ps {
		*p = Clean(*p)
	}
}

// Each cleans each element of ss in place (see Clean).
func Each(ss []string) {
	for i := range ss {
		ss[i] = Clean(ss[i])
	}
}
