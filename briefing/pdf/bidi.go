package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Right-to-left text. fpdf draws characters left to right, one glyph per
// character, with no shaping. So that Arabic and Hebrew read right, the
// layout does what a shaping engine and the Unicode bidirectional
// algorithm would do for the common case:
//
//   - Arabic letters are replaced by their contextual presentation forms
//     (isolated, initial, medial, final; lam-alef ligatures), which the
//     Arabic fonts of fonts-noto-core and DejaVu Sans carry;
//   - each word holding right-to-left letters is drawn in visual order
//     (reversed, keeping marks on their letters and digits left to right);
//   - within a line, runs of right-to-left words are drawn right to left,
//     and a paragraph whose first strong letter is right-to-left is set
//     right to left and aligned right.
//
// Indic scripts get their pre-base vowel signs moved before their
// consonant cluster (indicOrder); conjuncts are drawn letter by letter.

// rtl reports whether r is a strong right-to-left character: Hebrew,
// Arabic, Syriac, Thaana, N'Ko and their presentation forms.
func rtl(r rune) bool {
	switch {
	case r < 0x0590:
		return false
	case r <= 0x08FF:
		return !unicode.Is(unicode.Mn, r) && !unicode.IsDigit(r)
	case 0xFB1D <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFE:
		return !unicode.Is(unicode.Mn, r)
	}
	return false
}

// strongLTR reports whether r is a letter written left to right.
func strongLTR(r rune) bool {
	return unicode.IsLetter(r) && !rtl(r)
}

// hasRTL reports whether s holds a right-to-left letter.
func hasRTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xD6 { // lead bytes of U+0590 and above
			for _, r := range s[i:] {
				if rtl(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// rtlParagraph reports whether the first strong letter of s is
// right-to-left.
func rtlParagraph(s string) bool {
	for _, r := range s {
		if rtl(r) {
			return true
		}
		if strongLTR(r) {
			return false
		}
	}
	return false
}

// forms holds an Arabic letter's presentation forms: isolated, final,
// initial, medial. A letter that joins only the letter before it (alef,
// dal, reh, waw…) has no initial or medial form.
type forms [4]rune

var arabicForms = map[rune]forms{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0},
	0x0623: {0xFE83, 0xFE84, 0, 0},
	0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0},
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {0xFE93, 0xFE94, 0, 0},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {0xFEA9, 0xFEAA, 0, 0},
	0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0},
	0x0632: {0xFEAF, 0xFEB0, 0, 0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0640: {0x0640, 0x0640, 0x0640, 0x0640}, // tatweel
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9},
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
	0x0671: {0xFB50, 0xFB51, 0, 0},
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59},
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D},
	0x0698: {0xFB8A, 0xFB8B, 0, 0},
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91},
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95},
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF},
}

// lamAlef maps the alef that follows a lam to the ligature's isolated
// and final forms.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6},
	0x0623: {0xFEF7, 0xFEF8},
	0x0625: {0xFEF9, 0xFEFA},
	0x0627: {0xFEFB, 0xFEFC},
}

// transparent reports whether r is a mark that Arabic joining looks
// through (harakat, small high letters).
func transparent(r rune) bool {
	return unicode.Is(unicode.Mn, r) || r == 0x0670
}

// joinsNext reports whether letter r connects to the letter after it.
func joinsNext(r rune) bool {
	f, ok := arabicForms[r]
	return ok && f[2] != 0
}

// joinsPrev reports whether letter r connects to the letter before it.
func joinsPrev(r rune) bool {
	f, ok := arabicForms[r]
	return ok && f[1] != 0
}

// shapeArabic replaces the Arabic letters of s by their contextual
// presentation forms. Text without Arabic is returned as is.
func shapeArabic(s string) string {
	arabic := false
	for _, r := range s {
		if 0x0600 <= r && r <= 0x06FF {
			arabic = true
			break
		}
	}
	if !arabic {
		return s
	}
	rs := []rune(s)
	// neighbour returns the index of the next non-mark rune from i in
	// direction d, or -1.
	neighbour := func(i, d int) int {
		for j := i + d; j >= 0 && j < len(rs); j += d {
			if !transparent(rs[j]) {
				return j
			}
		}
		return -1
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := arabicForms[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		p := neighbour(i, -1)
		prev := p >= 0 && joinsNext(rs[p]) && joinsPrev(r)
		if r == 0x0644 {
			if n := neighbour(i, 1); n >= 0 {
				if lig, ok := lamAlef[rs[n]]; ok {
					if prev {
						b.WriteRune(lig[1])
					} else {
						b.WriteRune(lig[0])
					}
					// Marks between lam and alef stay after the ligature.
					for j := i + 1; j < n; j++ {
						b.WriteRune(rs[j])
					}
					i = n
					continue
				}
			}
		}
		n := neighbour(i, 1)
		next := n >= 0 && joinsNext(r) && joinsPrev(rs[n])
		switch {
		case prev && next:
			b.WriteRune(f[3])
		case prev:
			b.WriteRune(f[1])
		case next:
			b.WriteRune(f[2])
		default:
			b.WriteRune(f[0])
		}
	}
	return b.String()
}

// visual returns a word holding right-to-left letters in the order it is
// drawn: clusters (a character and the marks on it) reversed, while runs
// of digits and left-to-right letters keep their order.
func visual(word string) string {
	type cluster struct {
		text string
		ltr  bool // a digit or a left-to-right letter
	}
	var cs []cluster
	for i := 0; i < len(word); {
		r, n := utf8.DecodeRuneInString(word[i:])
		j := i + n
		for j < len(word) {
			m, k := utf8.DecodeRuneInString(word[j:])
			if !unicode.Is(unicode.Mn, m) {
				break
			}
			j += k
		}
		cs = append(cs, cluster{word[i:j], unicode.IsDigit(r) || strongLTR(r)})
		i = j
	}
	// Keep left-to-right runs, with the separators inside numbers
	// ("1,500", "3.5"), in order.
	var b strings.Builder
	b.Grow(len(word))
	for i := len(cs) - 1; i >= 0; {
		if !cs[i].ltr {
			// Brackets and guillemets face the other way when the run
			// is reversed (Unicode's Bidi_Mirrored pairs).
			if r, n := utf8.DecodeRuneInString(cs[i].text); n == len(cs[i].text) {
				if m, ok := mirrored[r]; ok {
					b.WriteRune(m)
					i--
					continue
				}
			}
			b.WriteString(cs[i].text)
			i--
			continue
		}
		j := i
		for j > 0 && (cs[j-1].ltr || (j > 1 && cs[j-2].ltr && strings.ContainsAny(cs[j-1].text, ".,:/"))) {
			j--
		}
		for k := j; k <= i; k++ {
			b.WriteString(cs[k].text)
		}
		i = j - 1
	}
	return b.String()
}

// direction is how a word flows: with strong right-to-left letters, with
// left-to-right ones, or with neither (numbers, punctuation).
type direction uint8

const (
	neutral direction = iota
	toRight           // left to right
	toLeft            // right to left
)

// wordDirection returns how a word flows: right to left when it has a
// right-to-left letter, left to right when it has another letter, else
// neutral.
func wordDirection(s string) direction {
	d := neutral
	for _, r := range s {
		if rtl(r) {
			return toLeft
		}
		if strongLTR(r) {
			d = toRight
		}
	}
	return d
}

// reorder puts the words of a line, given in logical order with their
// directions, in the order they are drawn from left to right: in a
// right-to-left paragraph, the line reversed except runs of
// left-to-right words (and the numbers among them); in a left-to-right
// one, runs of right-to-left words (and the neutral words between them)
// reversed.
func reorder[T any](ws []T, dirs []direction, rtlPara bool) {
	reverse := func(i, j int) {
		for a, b := i, j-1; a < b; a, b = a+1, b-1 {
			ws[a], ws[b] = ws[b], ws[a]
			dirs[a], dirs[b] = dirs[b], dirs[a]
		}
	}
	// The runs that flow against the paragraph: from a word of the other
	// direction to the last one before a word of the paragraph's.
	against, with := toLeft, toRight
	if rtlPara {
		reverse(0, len(ws))
		against, with = toRight, toLeft
	}
	for i := 0; i < len(ws); {
		if dirs[i] != against {
			i++
			continue
		}
		end := i + 1
		for j := i; j < len(ws) && dirs[j] != with; j++ {
			if dirs[j] == against {
				end = j + 1
			}
		}
		reverse(i, end)
		i = end
	}
}

// visualLine returns one line of text as drawn: Arabic shaped, words
// holding right-to-left letters reversed, and the words reordered.
func visualLine(s string) string {
	if !hasRTL(s) {
		return s
	}
	words := strings.Split(shapeArabic(s), " ")
	dirs := make([]direction, len(words))
	for i, w := range words {
		dirs[i] = wordDirection(w)
		if dirs[i] == toLeft {
			words[i] = visual(w)
		}
	}
	reorder(words, dirs, rtlParagraph(s))
	return strings.Join(words, " ")
}

// mirrored maps the common Bidi_Mirrored characters to their pair.
var mirrored = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹', '⁅': '⁆', '⁆': '⁅',
	'〈': '〉', '〉': '〈', '《': '》', '》': '《', '「': '」', '」': '「',
}

// Indic scripts. Without a shaping engine, a vowel sign written after its
// consonant but shown before it (Devanagari ि, Bengali ি ে ৈ, Tamil ெ ே ை…)
// would be drawn after it. indicOrder moves such signs before their
// consonant cluster (the consonant, with any consonants joined to it by a
// virama, and its nukta), and splits two-part vowel signs (Bengali ো, Tamil
// ொ…) into their two halves around it. Conjuncts are still drawn as their
// letters with a visible virama.

// preBase holds the vowel signs drawn before their cluster.
var preBase = map[rune]bool{
	0x093F: true, 0x09BF: true, 0x09C7: true, 0x09C8: true, 0x0A3F: true, 0x0ABF: true,
	0x0B47: true, 0x0BC6: true, 0x0BC7: true, 0x0BC8: true, 0x0D46: true, 0x0D47: true, 0x0D48: true,
}

// twoPart splits the vowel signs drawn on both sides of their cluster.
var twoPart = map[rune][2]rune{
	0x09CB: {0x09C7, 0x09BE}, 0x09CC: {0x09C7, 0x09D7},
	0x0B4B: {0x0B47, 0x0B3E}, 0x0B4C: {0x0B47, 0x0B57},
	0x0BCA: {0x0BC6, 0x0BBE}, 0x0BCB: {0x0BC7, 0x0BBE}, 0x0BCC: {0x0BC6, 0x0BD7},
	0x0D4A: {0x0D46, 0x0D3E}, 0x0D4B: {0x0D47, 0x0D3E}, 0x0D4C: {0x0D46, 0x0D57},
}

// virama reports whether r is the virama (halant) of an Indic script.
func virama(r rune) bool {
	switch r {
	case 0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0D4D:
		return true
	}
	return false
}

// indicOrder puts pre-base vowel signs before their cluster; text
// without Indic letters is returned as is.
func indicOrder(s string) string {
	indic := false
	for _, r := range s {
		if 0x0900 <= r && r <= 0x0DFF {
			indic = true
			break
		}
	}
	if !indic {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		post := rune(0)
		if p, ok := twoPart[r]; ok {
			r, post = p[0], p[1]
		}
		if last := len(out) - 1; preBase[r] && last >= 0 && (unicode.IsLetter(out[last]) || unicode.Is(unicode.Mn, out[last])) {
			// The cluster: a consonant, its nukta, and any consonants
			// before it joined by a virama.
			start := len(out) - 1
			for start > 0 && unicode.Is(unicode.Mn, out[start]) && !virama(out[start]) {
				start-- // nukta
			}
			for start >= 2 && virama(out[start-1]) && unicode.IsLetter(out[start-2]) {
				start -= 2
			}
			out = append(out, 0)
			copy(out[start+1:], out[start:])
			out[start] = r
		} else {
			out = append(out, r)
		}
		if post != 0 {
			out = append(out, post)
		}
	}
	return string(out)
}
