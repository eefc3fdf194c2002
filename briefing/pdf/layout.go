package pdf

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brief-news/brief/briefing"
)

// style selects one of the Go faces.
type style int

const (
	regular style = iota
	bold
	italic
	mono
)

type rgb struct{ r, g, b int }

// span is a stretch of text in one style, optionally a link.
type span struct {
	text   string
	style  style
	color  rgb
	link   string // external URL
	linkID int    // internal link from AddLink, 0 for none
}

// block says how a paragraph is set.
type block struct {
	size   float64 // font size in points
	lineH  float64 // line height in mm
	indent float64 // left indent from the margin, mm
	right  float64 // right indent from the margin, mm
	bar    bool    // draw a rule left of the lines (quotes)
	ltr    bool    // always left to right (source lines), whatever the text
}

// piece is a run of one span in one face, measured.
type piece struct {
	text string
	face *face
	span int
	w    float64
}

// word is what a line never breaks inside.
type word struct {
	pieces []piece
	w      float64
	space  float64 // width of the space after it, 0 if none
	dir    direction
}

type line struct {
	words []word
	rtl   bool // set right to left, aligned right
}

// page holds the geometry and drawing state of the document.
type page struct {
	f                   *fpdf.Fpdf
	fonts               *fonts
	w, h                float64
	left, right, bottom float64

	curFace  *face
	curSize  float64
	curColor rgb
	runBuf   []run
}

// usable is the width between the margins.
func (p *page) usable() float64 { return p.w - p.left - p.right }

// layout breaks spans into lines for the block's width.
func (p *page) layout(bl block, spans []span) []line {
	avail := p.usable() - bl.indent - bl.right
	var words []word
	var cur word
	endWord := func(space float64) {
		if len(cur.pieces) > 0 {
			cur.space = space
			words = append(words, cur)
			cur = word{}
		}
	}
	rtlPara := false
	for _, sp := range spans {
		if hasRTL(sp.text) && !bl.ltr {
			rtlPara = rtlParagraph(clean(strings.Join(spanTexts(spans), "")))
			break
		}
	}
	for si, sp := range spans {
		text := clean(sp.text)
		if hasRTL(text) {
			text = shapeArabic(text)
		}
		text = indicOrder(text)
		if first, _ := utf8.DecodeRuneInString(sp.text); unicode.IsSpace(first) {
			endWord(p.fonts.face(sp.style).width(" ", bl.size))
		}
		for i, part := range strings.Split(text, " ") {
			if i > 0 {
				endWord(p.fonts.face(sp.style).width(" ", bl.size))
			}
			if part == "" {
				continue
			}
			if d := wordDirection(part); d > cur.dir {
				cur.dir = d
			}
			if cur.dir == toLeft {
				part = visual(part)
			}
			p.runBuf = p.fonts.runs(part, sp.style, p.runBuf[:0])
			for _, r := range p.runBuf {
				w := r.face.width(r.text, bl.size)
				cur.pieces = append(cur.pieces, piece{text: r.text, face: r.face, span: si, w: w})
				cur.w += w
			}
		}
		if last, _ := utf8.DecodeLastRuneInString(sp.text); unicode.IsSpace(last) {
			endWord(p.fonts.face(sp.style).width(" ", bl.size))
		}
	}
	endWord(0)

	var lines []line
	var ln line
	lw := 0.0
	for _, w := range words {
		if len(ln.words) > 0 {
			prev := ln.words[len(ln.words)-1]
			if lw+prev.space+w.w <= avail {
				lw += prev.space + w.w
				ln.words = append(ln.words, w)
				continue
			}
			lines = append(lines, ln)
			ln, lw = line{}, 0
		}
		for w.w > avail {
			head, tail := splitWord(w, avail, bl.size)
			lines = append(lines, line{words: []word{head}})
			w = tail
		}
		ln.words = append(ln.words, w)
		lw = w.w
	}
	if len(ln.words) > 0 {
		lines = append(lines, ln)
	}
	if rtlPara || hasRTLWord(words) {
		for i := range lines {
			lines[i].rtl = rtlPara
			visualOrder(lines[i].words, rtlPara)
		}
	}
	return lines
}

func spanTexts(spans []span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = sp.text
	}
	return out
}

func hasRTLWord(ws []word) bool {
	for _, w := range ws {
		if w.dir == toLeft {
			return true
		}
	}
	return false
}

// visualOrder puts a line's words in drawing order (see reorder), the
// spaces between them as wide as the widest of the line.
func visualOrder(ws []word, rtlPara bool) {
	dirs := make([]direction, len(ws))
	sp := 0.0
	for i, w := range ws {
		dirs[i] = w.dir
		sp = max(sp, w.space)
	}
	reorder(ws, dirs, rtlPara)
	for i := range ws {
		ws[i].space = sp
	}
}

// splitWord cuts a word too wide for a line: head fits in avail (at least
// one character), tail is the rest.
func splitWord(w word, avail, size float64) (head, tail word) {
	used := 0.0
	for i, pc := range w.pieces {
		if used+pc.w <= avail {
			head.pieces = append(head.pieces, pc)
			used += pc.w
			continue
		}
		cut := 0
		cw := 0.0
		// Prefer to cut after a URL or compound separator in the second
		// half of the line, so long addresses break where they read well.
		soft, softW := 0, 0.0
		for j, r := range pc.text {
			rw := pc.face.width(string(r), size)
			if used+cw+rw > avail && (used > 0 || j > 0) {
				break
			}
			cw += rw
			cut = j + utf8.RuneLen(r)
			if strings.ContainsRune("/-?&=._", r) && used+cw > avail/2 {
				soft, softW = cut, cw
			}
		}
		if soft > 0 && soft < len(pc.text) && soft < cut {
			cut, cw = soft, softW
		}
		if cut > 0 {
			head.pieces = append(head.pieces, piece{text: pc.text[:cut], face: pc.face, span: pc.span, w: cw})
			used += cw
		}
		rest := pc.text[cut:]
		if rest != "" {
			tail.pieces = append(tail.pieces, piece{text: rest, face: pc.face, span: pc.span, w: max(0, pc.w-cw)})
		}
		tail.pieces = append(tail.pieces, w.pieces[i+1:]...)
		break
	}
	head.w = used
	for _, pc := range tail.pieces {
		tail.w += pc.w
	}
	tail.space = w.space
	return head, tail
}

// ensure starts a new page unless h mm fit above the bottom margin.
func (p *page) ensure(h float64) {
	if p.f.GetY()+h > p.h-p.bottom {
		p.f.AddPage()
	}
}

// text sets spans as a paragraph at the current position, breaking pages
// between lines as needed.
func (p *page) text(bl block, spans ...span) {
	p.emit(bl, spans, p.layout(bl, spans))
}

func (p *page) emit(bl block, spans []span, lines []line) {
	f := p.f
	for _, ln := range lines {
		p.ensure(bl.lineH)
		y := f.GetY()
		x := p.left + bl.indent
		if bl.bar {
			f.SetDrawColor(200, 200, 200)
			f.SetLineWidth(0.6)
			f.Line(x-3.5, y, x-3.5, y+bl.lineH)
		}
		if ln.rtl {
			lw := 0.0
			for i, w := range ln.words {
				lw += w.w
				if i < len(ln.words)-1 {
					lw += w.space
				}
			}
			x += max(0, p.usable()-bl.indent-bl.right-lw)
		}
		f.SetX(x)
		// Runs of one span and face, spaces included, become one cell:
		// fewer text operators and one link annotation per run.
		var text strings.Builder
		var cur *piece
		width := 0.0
		flush := func() {
			if cur != nil {
				p.cell(cur.face, bl.size, spans[cur.span], text.String(), width, bl.lineH)
				text.Reset()
				cur, width = nil, 0
			}
		}
		for wi, w := range ln.words {
			last := wi == len(ln.words)-1
			for pi := range w.pieces {
				pc := &w.pieces[pi]
				if cur != nil && (cur.face != pc.face || cur.span != pc.span) {
					flush()
				}
				if cur == nil {
					cur = pc
				}
				text.WriteString(pc.text)
				width += pc.w
				// The space after a word goes with it unless the line ends.
				if pi == len(w.pieces)-1 && !last && w.space > 0 {
					text.WriteByte(' ')
					width += w.space
				}
			}
		}
		flush()
		f.SetXY(p.left, y+bl.lineH)
	}
}

// cell draws one run of text with a face, size, colour and link.
func (p *page) cell(fc *face, size float64, sp span, text string, width, h float64) {
	f := p.f
	if fc != p.curFace || size != p.curSize {
		p.setFont(fc, size)
		p.curFace, p.curSize = fc, size
	}
	if sp.color != p.curColor {
		f.SetTextColor(sp.color.r, sp.color.g, sp.color.b)
		p.curColor = sp.color
	}
	link := sp.link
	if _, ok := briefing.SafeLink(link); !ok {
		link = "" // the renderers' one link filter: http, https, mailto
	}
	f.CellFormat(width, h, text, "", 0, "L", false, sp.linkID, link)
}

// height returns the height lines take in a block.
func height(bl block, lines []line) float64 {
	return float64(len(lines)) * bl.lineH
}

// setFont selects a face, registering it with fpdf the first time: an
// installed font is embedded only when something is drawn with it.
func (p *page) setFont(fc *face, size float64) {
	if !fc.added {
		// fpdf writes into the bytes while subsetting: give it a copy.
		p.f.AddUTF8FontFromBytes(fc.family, fc.style, bytes.Clone(fc.data))
		fc.added = true
	}
	p.f.SetFont(fc.family, fc.style, size)
}
