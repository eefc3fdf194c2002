package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean returns s safe to print on a terminal and in every output format:
// invalid UTF-8 becomes U+FFFD; control characters (terminal escapes
// among them) and the invisible bidirectional overrides and isolates,
// which can make text read differently from what it holds, are removed;
// tabs and line breaks become spaces.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isClean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' || unsafeRune(r) {
			return false
		}
	}
	return true
}

// unsafeRune reports control characters (C0, DEL, C1) and bidi controls.
func unsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069', r == '\u200E', r == '\u200F', r == '\u061C':
		return true
	}
	return false
}

// CleanDigest applies Clean to every string of d that a backend wrote.
func CleanDigest(d *Digest) {
	for i, t := range d.Takeaways {
		d.Takeaways[i] = Clean(t)
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		q.Text, q.Speaker, q.Role, q.Translation = Clean(q.Text), Clean(q.Speaker), Clean(q.Role), Clean(q.Translation)
	}
	d.Country, d.Region, d.RegionEvidence = Clean(d.Country), Clean(d.Region), Clean(d.RegionEvidence)
	for i, c := range d.Countries {
		d.Countries[i] = Clean(c)
	}
	for i, w := range d.Warnings {
		d.Warnings[i] = Warning{Code: Clean(w.Code), Detail: Clean(w.Detail)}
	}
}
