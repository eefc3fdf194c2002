package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// placeholder stands for characters no font can draw.
const placeholder = '\uFFFD'

// face is one font registered with fpdf, with its glyph coverage and
// advance widths read from the font file itself.
type face struct {
	family, style string
	data          []byte // the font file, given to fpdf when first drawn
	added         bool   // registered with fpdf
	path          string // where an installed font was found, "" if embedded
	font          *sfnt.Font
	buf           sfnt.Buffer
	unitsPerEm    float64
	// adv caches per BMP rune: 0 unknown, 1 missing, else advance+2 in
	// font units.
	adv []uint16
}

func newFace(family, style string, ttf []byte) (*face, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	fc := &face{family: family, style: style, data: ttf, font: f, unitsPerEm: float64(f.UnitsPerEm()), adv: make([]uint16, 0x10000)}
	if fc.unitsPerEm == 0 {
		return nil, fmt.Errorf("no units per em")
	}
	return fc, nil
}

// lookup returns the advance of r in font units and whether the face has
// a glyph for it. Runes above U+FFFF are never drawn: fpdf's UTF-8 fonts
// address the Basic Multilingual Plane only.
func (fc *face) lookup(r rune) (float64, bool) {
	if r < 0 || r > 0xFFFF {
		return 0, false
	}
	switch v := fc.adv[r]; v {
	case 0:
	case 1:
		return 0, false
	default:
		return float64(v - 2), true
	}
	g, err := fc.font.GlyphIndex(&fc.buf, r)
	if err != nil || g == 0 {
		fc.adv[r] = 1
		return 0, false
	}
	a, err := fc.font.GlyphAdvance(&fc.buf, g, fixed.I(int(fc.unitsPerEm)), font.HintingNone)
	units := a.Round()
	if err != nil || units < 0 || units > 0xFFFD {
		fc.adv[r] = 1
		return 0, false
	}
	fc.adv[r] = uint16(units + 2)
	return float64(units), true
}

func (fc *face) has(r rune) bool {
	_, ok := fc.lookup(r)
	return ok
}

// width returns the width of s in mm at size points. Runes the face lacks
// count as the placeholder's width.
func (fc *face) width(s string, size float64) float64 {
	var units float64
	for _, r := range s {
		a, ok := fc.lookup(r)
		if !ok {
			a, _ = fc.lookup(placeholder)
		}
		units += a
	}
	return units / fc.unitsPerEm * size * 25.4 / 72
}

// fonts is the set of faces a document uses: the embedded Liberation
// faces, an optional extra font (Options.FontPath), and the installed
// fonts found for scripts the others lack.
type fonts struct {
	regular, bold, italic, mono *face
	extra                       *face        // nil without Options.FontPath
	sys                         *systemFonts // nil: no installed fonts
	found                       []*face      // installed fonts in use, regular weight
	foundBold                   []*face      // and bold
	none                        map[rune]bool
	replaced                    map[rune]bool // characters no face could draw
}

func (fs *fonts) face(st style) *face {
	switch st {
	case bold:
		return fs.bold
	case italic:
		return fs.italic
	case mono:
		return fs.mono
	}
	return fs.regular
}

// installed returns an installed font that has r, in bold when st is, or
// nil. Fonts already in use are tried first; a rune nothing covers is
// looked for once.
func (fs *fonts) installed(r rune, st style) *face {
	if fs.sys == nil || r > 0xFFFF {
		return nil
	}
	list := &fs.found
	if st == bold {
		list = &fs.foundBold
	}
	for _, fc := range *list {
		if fc.has(r) {
			return fc
		}
	}
	if fs.none[r] {
		return nil
	}
	family := fmt.Sprintf("sys%d", len(fs.sys.faces))
	fc := fs.sys.find(r, st == bold, family)
	if fc == nil && st == bold {
		// A regular face beats a placeholder.
		return fs.installed(r, regular)
	}
	if fc == nil {
		fs.none[r] = true
		return nil
	}
	if !slices.Contains(*list, fc) {
		*list = append(*list, fc)
	}
	return fc
}

// clean prepares user text for the PDF: Unicode NFC, whitespace runs and
// control characters collapsed to one space, invisible formatting
// characters dropped. Invalid UTF-8 becomes U+FFFD, which is drawn.
func clean(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		case invisible(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bmp cleans text for the document's metadata and bookmarks, which PDF
// viewers draw with their own fonts: as clean, with characters above
// U+FFFF, which fpdf cannot encode there, replaced by U+FFFD.
func bmp(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return placeholder
		}
		return r
	}, clean(s))
}

// invisible reports whether r is a formatting character that draws
// nothing: zero-width spaces and joiners, direction marks, variation
// selectors, the byte-order mark.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// run is a stretch of text drawn with one face.
type run struct {
	text string
	face *face
}

// runs splits clean text into runs by face: the style's embedded face
// where it has the glyph, else the extra font, else an installed font that
// covers the character's script, else the embedded face with an
// accent-free stand-in (ế → ê) or the placeholder, whose use is recorded. Consecutive
// placeholders collapse into one (an emoji sequence is one mark).
func (fs *fonts) runs(s string, st style, out []run) []run {
	primary := fs.face(st)
	if isPlain(s) {
		return append(out, run{s, primary})
	}
	var b strings.Builder
	cur := primary
	lastPlaceholder := false
	flush := func(next *face) {
		if b.Len() > 0 {
			out = append(out, run{b.String(), cur})
			b.Reset()
		}
		cur = next
	}
	for _, r := range s {
		fc, sub := primary, r
		switch {
		case primary.has(r):
		case fs.extra != nil && fs.extra.has(r):
			fc = fs.extra
		default:
			if sys := fs.installed(r, st); sys != nil {
				fc = sys
				break
			}
			fs.replaced[r] = true
			sub = fs.standIn(primary, r)
		}
		if sub == placeholder && r != placeholder {
			if lastPlaceholder {
				continue
			}
			lastPlaceholder = true
		} else {
			lastPlaceholder = false
		}
		if fc != cur {
			flush(fc)
		}
		b.WriteRune(sub)
	}
	flush(nil)
	return out
}

// standIn returns what to draw for r, which no face has: its base letter
// with as many of its accents as fc can draw, else the placeholder.
func (fs *fonts) standIn(fc *face, r rune) rune {
	d := []rune(norm.NFD.String(string(r)))
	for len(d) > 1 {
		if c := []rune(norm.NFC.String(string(d))); len(c) == 1 && fc.has(c[0]) {
			return c[0]
		}
		d = d[:len(d)-1]
	}
	if len(d) == 1 && d[0] != r && fc.has(d[0]) {
		return d[0]
	}
	return placeholder
}

// isPlain reports whether s is printable ASCII, which every embedded face
// draws.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// warning names the scripts no installed font covers and the characters
// replaced, once, or returns "".
func (fs *fonts) warning() string {
	if len(fs.replaced) == 0 {
		return ""
	}
	rs := make([]rune, 0, len(fs.replaced))
	for r := range fs.replaced {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	var scripts []string
	for _, r := range rs {
		s := scriptOf(r)
		switch {
		case r > 0xFFFF:
			s = "characters beyond U+FFFF (emoji)"
		case s == "Common" || s == "Inherited":
			s = "symbols"
		}
		if !slices.Contains(scripts, s) {
			scripts = append(scripts, s)
		}
	}
	var list []string
	for _, r := range rs[:min(len(rs), 8)] {
		if unicode.IsGraphic(r) {
			list = append(list, fmt.Sprintf("U+%04X %c", r, r))
		} else {
			list = append(list, fmt.Sprintf("U+%04X", r))
		}
	}
	more := ""
	if len(rs) > 8 {
		more = fmt.Sprintf(" and %d more", len(rs)-8)
	}
	hint := "; install a font that has them (such as Debian's fonts-noto-core or fonts-droid-fallback) or pass one with --font"
	if rs[0] > 0xFFFF {
		// Only emoji and other characters fpdf cannot encode: no font helps.
		hint = "; PDF fonts here address U+0000–U+FFFF only"
	}
	return fmt.Sprintf("pdf: no font covers %s: replaced %s (by %c, or by the letter without its accent): %s%s%s",
		strings.Join(scripts, ", "), plural(len(rs), "character", "characters"), placeholder, strings.Join(list, ", "), more, hint)
}
