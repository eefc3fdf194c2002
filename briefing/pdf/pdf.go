package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/summarize"
)

// Options configures Write. The zero value is usable.
type Options struct {
	// Now dates the document (creation and modification dates). Zero
	// leaves fpdf's default, the time of writing; set it for byte-stable
	// output.
	Now time.Time
	// FontPath names a TrueType (.ttf) font used first for characters the
	// embedded Liberation fonts lack. "" means none.
	FontPath string
	// FontDirs lists the directories searched for installed fonts that
	// cover the scripts the embedded fonts lack (Chinese, Arabic, Hebrew,
	// Devanagari…), the way fontconfig does. nil means DefaultFontDirs();
	// an empty, non-nil slice means none.
	FontDirs []string
	// Uncompressed writes the page streams uncompressed, so tests can read
	// the text in the file.
	Uncompressed bool
	// Warn, if not nil, receives one message naming the scripts no font
	// covers when characters had to be replaced.
	Warn func(msg string)
}

// Page geometry (A4, mm) and type sizes (points).
const (
	margin       = 20.0
	bottomMargin = 18.0
	bodySize     = 10.0
)

var (
	ink    = rgb{33, 33, 33}
	accent = rgb{22, 62, 112}
	muted  = rgb{105, 105, 105}
)

// pageAlias stands for the page count until the document is closed. It
// holds control characters, which clean removes from user text, so no
// user text can be mistaken for it.
const pageAlias = "\x01nb\x01"

// Write renders b as PDF to w.
//
// An installed font that fpdf cannot embed never costs the document: it is
// made again without installed fonts, and Options.Warn names the fonts.
func Write(w io.Writer, b *briefing.Briefing, opts Options) error {
	if b == nil {
		return errors.New("pdf: nil briefing")
	}
	var buf bytes.Buffer
	used, err := write(&buf, b, opts)
	if err != nil && len(used) > 0 {
		if opts.Warn != nil {
			opts.Warn(fmt.Sprintf("pdf: installed fonts %s could not be embedded (%v): drawing without them", strings.Join(used, ", "), err))
		}
		opts.FontDirs = []string{}
		buf.Reset()
		_, err = write(&buf, b, opts)
	}
	if err != nil {
		return err
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// write renders b into w and returns the paths of the installed fonts it
// used.
func write(w io.Writer, b *briefing.Briefing, opts Options) (used []string, err error) {
	var fs *fonts
	defer func() {
		// fpdf panics on some malformed fonts; a bad --font is an error.
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: %v", r)
		}
		if fs != nil && fs.sys != nil {
			for path := range fs.sys.faces {
				used = append(used, path)
			}
			slices.Sort(used)
		}
	}()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(!opts.Uncompressed)
	f.SetCatalogSort(true)
	if !opts.Now.IsZero() {
		f.SetCreationDate(opts.Now)
		f.SetModificationDate(opts.Now)
	}
	f.SetProducer("brief", false)
	f.SetCreator("brief", false)
	f.SetTitle(bmp(b.Title), true)
	f.AliasNbPages(pageAlias)

	fs = &fonts{replaced: map[rune]bool{}, none: map[rune]bool{}}
	for _, ff := range []struct {
		dst    **face
		family string
		style  string
		ttf    []byte
	}{
		{&fs.regular, "serif", "", liberationserifregular.TTF},
		{&fs.bold, "serif", "B", liberationserifbold.TTF},
		{&fs.italic, "serif", "I", liberationserifitalic.TTF},
		{&fs.mono, "mono", "", liberationmonoregular.TTF},
	} {
		// setFont hands fpdf a copy of the bytes: the embedded data is
		// never written to.
		fc, err := newFace(ff.family, ff.style, ff.ttf)
		if err != nil {
			return nil, fmt.Errorf("pdf: embedded font %s %s: %w", ff.family, ff.style, err)
		}
		*ff.dst = fc
	}
	if opts.FontPath != "" {
		ttf, err := os.ReadFile(opts.FontPath)
		if err != nil {
			return nil, fmt.Errorf("pdf: read font: %w", err)
		}
		if fs.extra, err = newFace("extra", "", ttf); err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", opts.FontPath, err)
		}
		if !embeddable(ttf, 0) {
			return nil, fmt.Errorf("pdf: font %s: licence forbids embedding", opts.FontPath)
		}
		f.AddUTF8FontFromBytes("extra", "", bytes.Clone(ttf))
		if f.Err() {
			return nil, fmt.Errorf("pdf: font %s: %w", opts.FontPath, f.Error())
		}
		fs.extra.added = true
	}
	dirs := opts.FontDirs
	if dirs == nil {
		dirs = DefaultFontDirs()
	}
	if len(dirs) > 0 {
		fs.sys = newSystemFonts(dirs)
	}

	pw, ph := f.GetPageSize()
	p := &page{f: f, fonts: fs, w: pw, h: ph, left: margin, right: margin, bottom: bottomMargin}
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, bottomMargin)
	f.SetCellMargin(0)
	r := &renderer{page: p, b: b, loc: b.Date.Location()}
	f.SetFooterFunc(r.footer)
	f.AddPage()
	r.document()
	if f.Err() {
		return nil, fmt.Errorf("pdf: %w", f.Error())
	}
	if err := f.Output(w); err != nil {
		return nil, fmt.Errorf("pdf: write: %w", err)
	}
	if msg := fs.warning(); msg != "" && opts.Warn != nil {
		opts.Warn(msg)
	}
	return nil, nil
}

// renderer draws the parts of a briefing.
type renderer struct {
	*page
	b     *briefing.Briefing
	loc   *time.Location
	links map[[2]int]int // story position → internal link id

	footerRuns []run // the footer's left text, made on the first page
}

// Blocks used throughout, by role.
var (
	titleBlock   = block{size: 22, lineH: 10}
	subBlock     = block{size: 11, lineH: 5.5}
	glanceHead   = block{size: 11, lineH: 6}
	glanceBlock  = block{size: 9.5, lineH: 4.8}
	glanceItem   = block{size: 10, lineH: 4.9}
	glanceLabel  = block{size: 7, lineH: 3.6, ltr: true}
	glanceLead   = block{size: 9, lineH: 4.5}
	chartBlock   = block{size: 8.5, lineH: chartRow, right: 0, ltr: true}
	sectionBlock = block{size: 15, lineH: 8}
	storyTitle   = block{size: 12, lineH: 5.6}
	metaBlock    = block{size: 8.5, lineH: 4.4, ltr: true}
	bulletBlock  = block{size: bodySize, lineH: 4.9, indent: 5}
	quoteBlock   = block{size: bodySize, lineH: 4.9, indent: 9, right: 6, bar: true}
	quoteBy      = block{size: 8.5, lineH: 4.4, indent: 9, right: 6, bar: true}
	alsoBlock    = block{size: 8.5, lineH: 4.4, ltr: true}
	alsoItem     = block{size: 9, lineH: 4.5, indent: 5}
	alsoQuote    = block{size: 9, lineH: 4.5, indent: 9, right: 6, bar: true}
	alsoQuoteBy  = block{size: 8, lineH: 4.2, indent: 9, right: 6, bar: true}
	skipBlock    = block{size: 8.5, lineH: 4.4, indent: 5}
)

func (r *renderer) document() {
	r.cover()
	for si, sec := range r.b.Sections {
		sec.Stories = slices.Clone(sec.Stories)
		for i, st := range sec.Stories {
			// Build never leaves these nil; a briefing made by hand might.
			if st.Article == nil {
				sec.Stories[i].Article = &article.Article{}
			}
			if st.Digest == nil {
				sec.Stories[i].Digest = &summarize.Digest{}
			}
		}
		r.section(si, sec)
	}
	r.skipped()
}

// cover draws the heading: title, date, counts and the at-a-glance box.
func (r *renderer) cover() {
	f := r.f
	r.text(titleBlock, span{text: r.b.Title, style: bold, color: ink})
	if !r.b.Date.IsZero() {
		r.text(subBlock, span{text: r.b.Date.Format("Monday, 2 January 2006"), color: muted})
	}
	r.text(subBlock, span{text: r.b.Glance.Counts(), color: muted})
	f.Ln(3)
	r.rule(0.4, accent)
	f.Ln(3)
	if len(r.b.Sections) == 0 {
		r.text(glanceBlock, span{text: "No stories for this day.", style: italic, color: muted})
		return
	}
	r.text(glanceHead, span{text: "At a glance", style: bold, color: accent})
	f.Ln(1)
	r.chart()
	f.Ln(2.5)
	r.links = map[[2]int]int{}
	for _, t := range r.b.Glance.Top {
		id := f.AddLink()
		r.links[[2]int{t.SectionIndex, t.StoryIndex}] = id
		title := []span{{text: t.Title, style: bold, color: accent, linkID: id}}
		lines := r.layout(glanceItem, title)
		var lead []line
		if t.Lead != "" {
			lead = r.oneLine(glanceLead, t.Lead)
		}
		r.ensure(glanceLabel.lineH + height(glanceItem, lines) + height(glanceLead, lead))
		r.text(glanceLabel, span{text: strings.ToUpper(t.Section), color: muted})
		r.emit(glanceItem, title, lines)
		if lead != nil {
			r.emit(glanceLead, []span{{text: t.Lead, color: ink}}, lead)
		}
		f.Ln(1.6)
	}
	f.Ln(1)
}

// oneLine lays text out on one line of the block, cut at a word with "…"
// when it is longer.
func (r *renderer) oneLine(bl block, text string) []line {
	lines := r.layout(bl, []span{{text: text}})
	if len(lines) <= 1 {
		return lines
	}
	words := strings.Fields(clean(text))
	lo, hi := 0, len(words) // words[:lo] plus "…" fits
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if len(r.layout(bl, []span{{text: strings.Join(words[:mid], " ") + "…"}})) <= 1 {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return r.layout(bl, []span{{text: strings.Join(words[:lo], " ") + "…"}})[:1]
}

// Picture of the day, in mm: a label column, then bars scaled to the
// region with most stories.
const (
	chartLabel = 38.0
	chartRow   = 4.6
	chartGap   = 1.6
	codeMin    = 7.0 // narrowest segment that shows its country code
)

// chartFills are the fills of a bar's countries, in turn (as the HTML's).
var chartFills = []rgb{{22, 62, 112}, {63, 110, 166}, {122, 162, 208}, {179, 203, 230}}

// chart draws the stories per region as horizontal bars split by
// country, with fpdf shapes.
func (r *renderer) chart() {
	f := r.f
	g := r.b.Glance
	h := float64(len(g.Regions))*(chartRow+chartGap) - chartGap
	r.ensure(h)
	y := f.GetY()
	scale := (r.usable() - chartLabel) / float64(max(1, g.MaxStories()))
	for _, rc := range g.Regions {
		f.SetY(y)
		label := []span{{text: rc.Name + " ", style: bold, color: ink}, {text: strconv.Itoa(rc.Stories), color: ink}}
		lines := r.layout(chartBlock, label)
		r.emit(chartBlock, label, lines[:min(1, len(lines))])
		x := r.left + chartLabel
		for j, s := range rc.Segments() {
			w := float64(s.Stories) * scale
			fill := rgb{200, 200, 200}
			if s.Code != "" {
				fill = chartFills[j%len(chartFills)]
			}
			f.SetFillColor(fill.r, fill.g, fill.b)
			f.SetDrawColor(255, 255, 255)
			f.SetLineWidth(0.3)
			f.Rect(x, y, w, chartRow, "FD")
			if s.Code != "" && w >= codeMin {
				c := rgb{255, 255, 255}
				if j%len(chartFills) >= 2 {
					c = rgb{11, 33, 64}
				}
				tw := r.fonts.bold.width(s.Code, 7.5)
				f.SetXY(x+(w-tw)/2, y)
				r.cell(r.fonts.bold, 7.5, span{color: c}, s.Code, tw, chartRow)
			}
			x += w
		}
		y += chartRow + chartGap
	}
	f.SetXY(r.left, y-chartGap)
}

// section draws a region heading, bookmarked, and its stories.
func (r *renderer) section(si int, sec briefing.Section) {
	f := r.f
	heading := r.layout(sectionBlock, []span{{text: sec.Name, style: bold, color: accent}})
	// Keep the heading with the start of its first story.
	need := 6 + height(sectionBlock, heading) + 3
	if len(sec.Stories) > 0 {
		need += r.storyHead(sec.Stories[0])
	}
	r.ensure(need)
	f.Ln(6)
	f.Bookmark(bmp(sec.Name), 0, -1)
	r.emit(sectionBlock, []span{{text: sec.Name, style: bold, color: accent}}, heading)
	r.rule(0.3, accent)
	f.Ln(3)
	for i, st := range sec.Stories {
		if i > 0 {
			// A rule between stories, unless the next one starts a page.
			if f.GetY()+5.1+r.storyHead(st) > r.h-r.bottom {
				f.AddPage()
			} else {
				f.Ln(2)
				r.rule(0.1, rgb{210, 210, 210})
				f.Ln(3)
			}
		}
		r.story(si, i, st)
	}
}

// storyHead returns the height a story needs at the bottom of a page so
// its title is not left alone there: title, source line and two lines
// of the first takeaway.
func (r *renderer) storyHead(st briefing.Story) float64 {
	h := height(storyTitle, r.layout(storyTitle, []span{{text: st.Headline(), style: bold}})) + 1
	h += metaBlock.lineH + 1.5
	if len(st.Digest.Takeaways) > 0 || len(st.Digest.Quotes) > 0 {
		h += 2 * bulletBlock.lineH
	}
	return h
}

func (r *renderer) story(si, i int, st briefing.Story) {
	f := r.f
	r.ensure(r.storyHead(st))
	if id, ok := r.links[[2]int{si, i}]; ok {
		f.SetLink(id, f.GetY(), f.PageNo())
	}
	f.Bookmark(bmp(st.Headline()), 1, -1)
	r.text(storyTitle, span{text: st.Headline(), style: bold, color: accent, link: st.Article.Link()})
	f.Ln(1)
	if meta := st.Meta(r.loc); meta != "" {
		r.text(metaBlock, span{text: meta, color: muted})
	}
	f.Ln(1.5)
	for _, t := range st.Digest.Takeaways {
		r.bulleted(bulletBlock, accent, span{text: t, color: ink})
		f.Ln(0.8)
	}
	for _, q := range st.Digest.Quotes {
		f.Ln(1)
		body := []span{{text: briefing.Quoted(q), style: italic, color: ink}}
		lines := r.layout(quoteBlock, body)
		// Keep short quotes and their speaker together.
		if len(lines) <= 4 {
			r.ensure(height(quoteBlock, lines) + quoteBy.lineH)
		}
		r.emit(quoteBlock, body, lines)
		if by := briefing.Attribution(q.Speaker, q.Role); by != "" {
			r.text(quoteBy, span{text: "— " + by, color: muted})
		}
	}
	if len(st.AlsoReportedBy) > 0 {
		f.Ln(1.5)
		spans := []span{{text: "Also reported by ", style: italic, color: muted}}
		for j, s := range st.AlsoReportedBy {
			if j > 0 {
				spans = append(spans, span{text: ", ", color: muted})
			}
			spans = append(spans, span{text: s.Name(), color: accent, link: s.URL})
		}
		r.text(alsoBlock, spans...)
		// What the other sources add: their new facts, one line each,
		// and quotes from new speakers.
		for _, s := range st.AlsoReportedBy {
			for _, t := range s.Takeaways {
				f.Ln(0.8)
				r.bulleted(alsoItem, muted, span{text: s.Name() + ": ", style: bold, color: muted}, span{text: t, color: ink})
			}
			for _, q := range s.Quotes {
				f.Ln(1)
				body := []span{{text: briefing.Quoted(q), style: italic, color: ink}}
				lines := r.layout(alsoQuote, body)
				if len(lines) <= 4 {
					r.ensure(height(alsoQuote, lines) + alsoQuoteBy.lineH)
				}
				r.emit(alsoQuote, body, lines)
				by := "in " + s.Name()
				if a := briefing.Attribution(q.Speaker, q.Role); a != "" {
					by = a + ", " + by
				}
				r.text(alsoQuoteBy, span{text: "— " + by, color: muted})
			}
		}
	}
}

// bulleted sets spans as a bulleted item of the block: the bullet in the
// indent on the left, or on the right for a right-to-left item, whose
// lines then end at the same distance from the right margin.
func (r *renderer) bulleted(bl block, c rgb, spans ...span) {
	f := r.f
	lines := r.layout(bl, spans)
	x := r.left + 1
	if len(lines) > 0 && lines[0].rtl {
		bl.indent, bl.right = bl.right, bl.indent
		lines = r.layout(bl, spans)
		x = r.w - r.right - 3
	}
	r.ensure(bl.lineH)
	y := f.GetY()
	f.SetX(x)
	r.cell(r.fonts.regular, bl.size, span{color: c}, "•", 4, bl.lineH)
	f.SetY(y)
	r.emit(bl, spans, lines)
}

// skipped lists the inputs that failed.
func (r *renderer) skipped() {
	if len(r.b.Skipped) == 0 {
		return
	}
	f := r.f
	r.ensure(6 + sectionBlock.lineH + 3 + 2*skipBlock.lineH)
	f.Ln(6)
	f.Bookmark("Skipped sources", 0, -1)
	r.text(sectionBlock, span{text: "Skipped sources", style: bold, color: accent})
	r.rule(0.3, accent)
	f.Ln(3)
	for _, s := range r.b.Skipped {
		src := r.shorten(s.Source, mono, skipBlock.size, r.usable()-skipBlock.indent)
		r.ensure(2 * skipBlock.lineH)
		y := f.GetY()
		f.SetX(r.left + 1)
		r.cell(r.fonts.regular, skipBlock.size, span{color: accent}, "•", 4, skipBlock.lineH)
		f.SetY(y)
		r.text(skipBlock, span{text: src, style: mono, color: ink})
		r.text(skipBlock, span{text: s.Reason, color: muted})
		f.Ln(1)
	}
}

// shorten cuts s in the middle with "…" so it fits in width on one line;
// long paths and URLs keep their start and their end.
func (r *renderer) shorten(s string, st style, size, width float64) string {
	s = clean(s)
	fc := r.fonts.face(st)
	if fc.width(s, size) <= width {
		return s
	}
	rs := []rune(s)
	// sum[i] is the width of rs[:i].
	sum := make([]float64, len(rs)+1)
	for i, c := range rs {
		sum[i+1] = sum[i] + fc.width(string(c), size)
	}
	avail := width - fc.width("…", size)
	// The longest cut keeping 3/5 of what stays at the start that fits.
	fits := func(keep int) bool {
		head := keep * 3 / 5
		return sum[head]+sum[len(rs)]-sum[len(rs)-(keep-head)] <= avail
	}
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	head := lo * 3 / 5
	return string(rs[:head]) + "…" + string(rs[len(rs)-(lo-head):])
}

// rule draws a horizontal line across the text width.
func (r *renderer) rule(width float64, c rgb) {
	f := r.f
	r.ensure(1)
	y := f.GetY()
	f.SetDrawColor(c.r, c.g, c.b)
	f.SetLineWidth(width)
	f.Line(r.left, y, r.w-r.right, y)
	f.SetY(y + width)
}

// footer draws "title · date" and "Page N of M" on every page. It sets
// fonts directly: fpdf restores the text state after the footer.
func (r *renderer) footer() {
	f := r.f
	y := r.h - 12
	f.SetDrawColor(200, 200, 200)
	f.SetLineWidth(0.2)
	f.Line(r.left, y-2, r.w-r.right, y-2)
	r.setFont(r.fonts.regular, 8)
	f.SetTextColor(muted.r, muted.g, muted.b)
	if r.footerRuns == nil {
		left := r.b.Title
		if !r.b.Date.IsZero() {
			left += " · " + r.b.Date.Format("2 January 2006")
		}
		// The footer font may lack characters of the title: draw its runs.
		r.footerRuns = r.fonts.runs(visualLine(r.shorten(left, regular, 8, r.usable()-40)), regular, []run{})
	}
	f.SetXY(r.left, y)
	for _, rn := range r.footerRuns {
		r.setFont(rn.face, 8)
		f.CellFormat(rn.face.width(rn.text, 8), 5, rn.text, "", 0, "L", false, 0, "")
	}
	r.setFont(r.fonts.regular, 8)
	label := fmt.Sprintf("Page %d of %s", f.PageNo(), pageAlias)
	f.SetXY(r.w-r.right-r.fonts.regular.width("Page 0000 of 0000", 8), y)
	f.CellFormat(30, 5, label, "", 0, "L", false, 0, "")
	// Invalidate the cached text state: fpdf restores it after the footer.
	r.curFace, r.curSize, r.curColor = nil, 0, rgb{-1, -1, -1}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
