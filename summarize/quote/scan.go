package quote

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// Quote kinds.
const (
	KindDirect   = "direct"
	KindMixed    = "mixed"
	KindReported = "reported"
)

// unit is one attributed statement found in a paragraph.
type unit struct {
	para    int
	tok     int      // token where the statement starts, for ordering
	parts   [][2]int // byte ranges of the text in the paragraph
	kind    string
	spk     speaker
	inherit bool // the speaker comes from the context
	via     int  // how the speaker was found: viaSentence, viaPronoun, …
	soft    bool // kept only when its speaker is found: reported speech read from its mood
	conf    float64
	more    []part // parts in later paragraphs: a quote running on
}

// part is a byte range of the text of paragraph para.
type part struct {
	para int
	r    [2]int
}

type scanner struct {
	paras []para
	units []unit
	intro []speaker // per paragraph: a speaker introducing the next paragraph ("He said:")
	// common holds the words the article writes in lowercase
	common map[string]bool
	title  string // the headline: it may name an interview's subject
	lang   string // the article's language, "" when unknown
}

// Scan returns every quote in a, in article order: direct quotes, mixed
// quotes (a reported clause with a quoted fragment) and reported speech,
// each with its speaker and the speaker's role where the article gives
// them. Quote texts are spans of the article (fragments of a quote split
// by its attribution are joined with " … "), so they pass
// summarize.VerifyQuotes. Scan never panics.
func Scan(a *article.Article) []summarize.Quote {
	if a == nil {
		return nil
	}
	s := &scanner{title: a.Title, lang: a.Language}
	s.prepare(scanned(a.Paragraphs))
	if len(s.paras) > 0 && a.Title != "" && sameHeadline(a.Paragraphs[0], a.Title) {
		// the headline repeated as the first paragraph: a quote in a
		// headline is no statement to attribute ("Trump ‘The Dealmaker’
		// Could Address Clean Energy")
		s.paras[0] = para{}
	}
	for pi := range s.paras {
		s.direct(pi)
	}
	s.insideAttribution()
	for pi := range s.paras {
		s.reported(pi)
	}
	s.resolve()
	out := s.output()
	if q, ok := s.headlineQuote(a.Title); ok {
		out = append([]summarize.Quote{q}, out...)
	}
	return out
}

// MaxScanBytes bounds the text Scan reads: the paragraphs that end within
// the first MaxScanBytes bytes. Its tokens take about fifteen bytes
// per byte of text, and no news article comes near a mebibyte of text.
const MaxScanBytes = 1 << 20

// scanned returns the leading paragraphs of ps that Scan reads.
func scanned(ps []string) []string {
	n := 0
	for i, p := range ps {
		if n += len(p); n > MaxScanBytes {
			return ps[:i]
		}
	}
	return ps
}

func (s *scanner) prepare(ps []string) {
	s.paras = make([]para, len(ps))
	s.intro = make([]speaker, len(ps))
	carry := false
	lang := intlLang(s.lang)
	for i, t := range ps {
		p := &s.paras[i]
		if caption(t) {
			// a photo caption inside the text: a quote running on from
			// the paragraph before it goes on after it
			continue
		}
		p.text = t
		p.lang = lang
		p.segs = findSegments(t, carry)
		carry = len(p.segs) > 0 && p.segs[len(p.segs)-1].open
		p.tokenize()
		p.split()
	}
}

// sameHeadline reports whether paragraph p repeats the headline title.
func sameHeadline(p, title string) bool {
	trim := func(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".!?:") }
	return strings.EqualFold(trim(p), trim(title))
}

// captionEnds close a photo caption that an extractor left in the text:
// "The protests grew in size (Image: GETTY )".
var captionEnds = []string{"(image:", "(photo:", "(picture:", "(pic:", "(credit:", "(photograph:"}

// caption reports whether paragraph t is a photo caption.
func caption(t string) bool {
	t = strings.TrimSpace(t)
	for _, c := range captionStarts {
		if strings.HasPrefix(t, c) {
			return true // "© Lucy Nicholson Detainees at Otay Mesa …"
		}
	}
	if !strings.HasSuffix(t, ")") {
		return false
	}
	i := strings.LastIndexByte(t, '(')
	if i < 0 {
		return false
	}
	l := strings.ToLower(strings.ReplaceAll(t[i:], " ", ""))
	for _, c := range captionEnds {
		if strings.HasPrefix(l, c) {
			return true
		}
	}
	return false
}

// captionStarts open a photo's credit or caption set as a paragraph.
var captionStarts = []string{"©", "(c) ", "Photo: ", "Image: ", "Credit: ", "Foto: ", "Bild: ", "Imagen: "}

// prevPara returns the paragraph before pi that has text, skipping
// captions; -1 when there is none.
func (s *scanner) prevPara(pi int) int {
	for j := pi - 1; j >= 0; j-- {
		if len(s.paras[j].toks) > 0 {
			return j
		}
	}
	return -1
}

// words counts the words in s.
func words(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || r == '\'' || r == '’' || r == '-'
	}
	return n
}

func (p *para) inner(g int) string {
	sg := p.segs[g]
	return p.text[sg.in0:sg.in1]
}

// innerRange returns the byte range of segment g's text, without marks,
// edge spaces and a trailing comma.
func (p *para) innerRange(g int) [2]int {
	sg := p.segs[g]
	a, b := sg.in0, sg.in1
	for a < b {
		r, w := utf8.DecodeRuneInString(p.text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += w
	}
	for a < b {
		r, w := utf8.DecodeLastRuneInString(p.text[a:b])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		b -= w
	}
	return [2]int{a, b}
}

// isScare reports whether quote segment g reads as a scare quote or a
// title rather than speech: a few words without sentence punctuation, or
// words in title case.
func (p *para) isScare(g int) bool {
	in := strings.TrimSpace(p.inner(g))
	n := words(in)
	if n == 0 {
		return true
	}
	if p.segs[g].single && n < 6 {
		return true
	}
	if p.isTitle(g) {
		return true
	}
	return n < 3
}

// isTitle reports whether quote segment g reads as a title: two to eight
// words in title case without sentence punctuation (“Shark Tank”, “The
// Art of the Deal”, “JSON for Modern C++”), or words after "titled".
func (p *para) isTitle(g int) bool {
	in := strings.TrimSpace(p.inner(g))
	n := words(in)
	if k := p.segTok(g); k > 0 {
		if p.titledBefore(k) {
			return true
		}
	}
	caps, total := 0, 0
	for _, w := range strings.Fields(in) {
		w = strings.TrimLeft(w, "(\"'‘“")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || titleSmall[strings.ToLower(strings.TrimRight(w, ".,"))] && total > 0 {
			continue
		}
		total++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	body := strings.TrimRight(in, ".,")
	return total >= 2 && n <= 8 && caps == total && !strings.ContainsAny(body, ".!?,")
}

// titledWords name what follows: “…” after them is a title.
var titledWords = set("titled entitled headlined subtitled")

// intlTitledWords name, in French, German and Spanish, what a quote after
// them (or after them and a colon) is: a motto, a slogan or a title, no
// one's words ("unter dem Motto: »Haltet …«", "bajo el lema «…»").
var intlTitledWords = set(`motto titel slogan betitelt überschrieben artikel schlagzeile schlagzeilen
überschrift überschriften titulares titres
bericht berichtsband studie buch film roman album lied serie sendung kampagne broschüre
informe estudio libro película novela disco canción campaña
rapport étude livre roman chanson campagne
lema eslogan título titulado titulada denominado denominada
devise titre intitulé intitulée`)

// titledBefore reports whether the quote token k follows a word naming it
// as a title: "titled", or in an article in another language "Motto",
// "lema", "intitulé", with or without a colon.
func (p *para) titledBefore(k int) bool {
	w, ok := p.word(k - 1)
	if !ok && p.lang != "" && p.isPunct(k-1, ":") {
		w, ok = p.word(k - 2)
		if ok && (w.lower == "wie" || w.lower == "como" || w.lower == "comme") {
			// "Sie enthielt Artikel wie: „…“"
			if n, ok2 := p.word(k - 3); ok2 && intlTitledWords[n.lower] {
				return true
			}
		}
	}
	return ok && (titledWords[w.lower] || p.lang != "" && intlTitledWords[w.lower])
}

// segTok returns the quote token of segment g, or -1.
func (p *para) segTok(g int) int {
	for k, t := range p.toks {
		if t.kind == tQuote && t.seg == g {
			return k
		}
	}
	return -1
}

// titleSmall are the words a title leaves lowercase.
var titleSmall = set("a an the and or of in on at to for by with from as nor but")

// labelAt reports an interview label ("WALLACE:") at byte offset off of
// the paragraph, returning the label and the offset after it.
// noteLabels open an editor's note, not a transcript's speaker:
// "CLARIFICATION: The first sentence has been clarified …".
var noteLabels = set("CLARIFICATION CORRECTION CORRECTIONS UPDATE UPDATED NOTE EDITOR'S CLARIFICATIONS")

func labelAt(text string, off int) (string, int) {
	i := off
	for i < len(text) && i-off < 40 {
		c := text[i]
		if c == ':' {
			break
		}
		if !(c >= 'A' && c <= 'Z' || c == ' ' || c == '.' || c == '\'' || c == '-') {
			return "", off
		}
		i++
	}
	if i >= len(text) || text[i] != ':' || i-off < 2 {
		return "", off
	}
	lab := strings.TrimSpace(text[off:i])
	if words(lab) == 0 || words(lab) > 3 || strings.Count(lab, " ") > 2 || noteLabels[lab] {
		return "", off
	}
	j := i + 1
	for j < len(text) && text[j] == ' ' {
		j++
	}
	return lab, j
}

// direct finds the quotation-mark quotes of paragraph pi.
func (s *scanner) direct(pi int) {
	p := &s.paras[pi]
	if len(p.toks) == 0 {
		return
	}
	// interview labels: "WALLACE: …" or “PENCE: …”
	off := 0
	if len(p.segs) > 0 && p.segs[0].start == 0 {
		off = p.segs[0].in0
	}
	end := len(p.text)
	if len(p.segs) > 0 && p.segs[0].start == 0 {
		end = p.segs[0].in1
	}
	if lab, at := labelAt(p.text, off); lab != "" && at <= end {
		// the label lies inside the opening quote, if any: 'A': is none;
		// a heading all in capitals ("JANET BARBOZA: ME CAYÓ RICO …")
		// names the voice of the next paragraph and says nothing itself
		if words(p.text[at:end]) > 0 && strings.ToUpper(p.text) != p.text {
			// a transcript's label puts its words in quotation marks only
			// when the paragraph opens with one
			kind := KindReported
			if len(p.segs) > 0 && p.segs[0].start == 0 {
				kind = KindDirect
			}
			s.units = append(s.units, unit{para: pi, parts: [][2]int{{at, end}}, kind: kind,
				spk: speaker{text: lab, kind: spkLabel, para: pi}})
		}
		return
	}
	if p.quotedHeading() || p.crosshead() {
		return
	}
	used := make([]bool, len(p.sents))
	for si := 0; si < len(p.sents); si++ {
		if used[si] {
			continue
		}
		from, to := p.sents[si][0], p.sents[si][1]
		q0 := -1
		for k := from; k < to; k++ {
			if p.toks[k].kind == tQuote && !p.onlyTitles(k, k+1) {
				q0 = k // a title after "titled" is no quote
				break
			}
		}
		if q0 < 0 {
			if si == len(p.sents)-1 {
				s.introAt(pi, from, to)
			}
			continue
		}
		used[si] = true
		lead := from
		for lead < q0 && (p.toks[lead].kind == tPunct || p.lang != "" && p.onlyNumbers(lead, lead+1)) {
			lead++ // "01.02.2022 „…“, sagte …": a date before the quote
		}
		if q0 == lead {
			s.quoteFirst(pi, si, q0, used)
			continue
		}
		n := len(s.units)
		s.quoteAfter(pi, si, q0)
		for len(s.units) == n && p.lang == "" && p.isScare(p.toks[q0].seg) {
			// a title or term in marks with no attribution ("on CBS's
			// “Face the Nation,” Ryan said … “more listening”"): the
			// next quote of the sentence may have one, if it names its
			// speaker
			if q0 = p.nextQuote(q0, to); q0 < 0 {
				break
			}
			s.quoteAfter(pi, si, q0)
			if len(s.units) > n && s.units[len(s.units)-1].spk.kind == spkNone {
				s.units = s.units[:n]
			}
		}
	}
}

// nextQuote returns the quote token after q0 in tokens before to, or -1.
func (p *para) nextQuote(q0, to int) int {
	for k := q0 + 1; k < to; k++ {
		if p.toks[k].kind == tQuote {
			return k
		}
	}
	return -1
}

// introAt records "He said:" / "The Times reports:" at the end of a
// paragraph, which introduces a quote in the next paragraph.
func (s *scanner) introAt(pi, from, to int) {
	p := &s.paras[pi]
	e := to - 1
	if !p.isPunct(e, ":") {
		return
	}
	for v := e - 1; v >= from && v >= e-8; v-- {
		if t, ok := p.word(v); ok && speechVerbs[t.lower] {
			if sp, _, ok := p.npBefore(v-1, from, pi); ok {
				s.intro[pi] = sp
			}
			return
		}
	}
	// "On July 6, 2015, Sanders made the following comment:": the
	// sentence's subject, when a noun of speech ends it
	if t, ok := p.word(e - 1); ok && speechNouns[t.lower] {
		for v := e - 2; v >= from && v >= e-6; v-- {
			if w, ok := p.word(v); ok && !w.upper && (w.lower == "made" || w.lower == "issued" || w.lower == "gave" || w.lower == "released" || w.lower == "offered") {
				if sp, _, ok := p.npBefore(v-1, from, pi); ok && sp.kind == spkName {
					s.intro[pi] = sp
				}
				return
			}
		}
	}
	// "Partial transcript as follows:" and the like introduce no speaker
}

// speechNouns end an introduction to a quote: "made the following
// comment:", "issued a statement:".
var speechNouns = set("comment comments statement statements remark remarks tweet remarks declaration message")

// quoteFirst handles a sentence that opens with quote token q0.
func (s *scanner) quoteFirst(pi, si, q0 int, used []bool) {
	p := &s.paras[pi]
	to := p.sents[si][1]
	// more quotes straight after the first: “A” “B,” he said
	k := q0 + 1
	if p.hypothetical(k) {
		return // "« Tout va bien », pourrait commenter le Président": words no one said
	}
	sp, aEnd, ok := s.postAttr(pi, k, to)
	if !ok && k == to && si+1 < len(p.sents) && !used[si+1] {
		// “Y!” Trump said.  (the quote's own punctuation ended the sentence)
		nf, nt := p.sents[si+1][0], p.sents[si+1][1]
		// “Y?” Trump said, looking out on the crowd.
		if sp2, e2, ok2 := s.postAttr(pi, nf, nt); ok2 && (e2 >= nt-1 || p.attrTrailer(e2) || p.attrAdjunct(e2, nt)) {
			sp, aEnd, ok = sp2, e2, true
			used[si+1] = true
			if p.attrs == nil {
				p.attrs = map[int]bool{}
			}
			p.attrs[si+1] = true
			to = nt
		}
	}
	if !ok {
		// “frag” and more text, SPEAKER said.
		if u, ok := s.trailingAttr(pi, si, q0); ok {
			s.units = append(s.units, u)
			return
		}
		if p.isScare(p.toks[q0].seg) {
			return
		}
		if sp, ok := p.signatureAfter(q0, pi); ok {
			// “A.” And more words, “B.” ― Christina Lastra: the line's
			// signature, not the one of the line before
			u := unit{para: pi, tok: q0, kind: KindDirect, spk: sp}
			for k := q0; k < to; k++ {
				if p.toks[k].kind == tQuote {
					u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
				}
			}
			s.units = append(s.units, u)
			return
		}
		// a quote standing alone: its speaker comes from the context
		u := unit{para: pi, tok: q0, kind: KindDirect, inherit: true}
		u.parts = append(u.parts, p.innerRange(p.toks[q0].seg))
		for k := q0 + 1; k < to; k++ {
			if p.toks[k].kind == tQuote {
				u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
			}
		}
		s.joinFollowing(pi, si, &u, used)
		if prev := s.runsOn(pi, p.toks[q0].seg); prev != nil {
			// the quote of the previous paragraph runs on into this one
			for _, r := range u.parts {
				prev.more = append(prev.more, part{pi, r})
			}
			return
		}
		if n := len(s.units); n > 0 && q0 == p.sents[si][0] && p.onlyQuotes(q0, to) {
			// “A,” Obama said after the meeting. He smiled. “B.” — B goes on
			// with A, whose speaker is named in this paragraph
			if prev := &s.units[n-1]; prev.para == pi && prev.kind == KindDirect && !prev.inherit && prev.spk.kind != spkNone && len(prev.more) == 0 {
				prev.parts = append(prev.parts, u.parts...)
				return
			}
		}
		s.units = append(s.units, u)
		return
	}
	u := unit{para: pi, tok: q0, kind: KindDirect, spk: sp}
	u.parts = append(u.parts, p.innerRange(p.toks[q0].seg))
	last := aEnd
	for k := q0 + 1; k < to; k++ {
		if p.toks[k].kind != tQuote {
			continue
		}
		v := -1
		if k >= aEnd {
			v = p.cueIn(last, k)
		}
		sp2, about := speaker{}, false
		if k >= aEnd {
			sp2, about = p.aboutCue(k, last, pi)
		}
		switch {
		case about:
			// “A?” she said, and as Trump went on about “B” …: his
			s.units = append(s.units, u)
			sp = sp2
			u = unit{para: pi, tok: k, kind: KindDirect, spk: sp}
			u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
		case k < aEnd || p.onlyJoiners(last, k):
			u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
		case v >= 0 && !p.isPunct(k-1, ":"):
			// “A,” the mayor said, adding that it would take “more hours” …
			s.units = append(s.units, u)
			s.complement(pi, v+1, k, to, sp)
			return
		case v < 0 && p.continues(last, k):
			u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
		case p.isScare(p.toks[k].seg):
			// a title in the attribution: said on Fox News’s “Fox and Friends.”
			continue
		default:
			// “A,” he said, adding: “B.” — B is a statement of its own
			s.units = append(s.units, u)
			u = unit{para: pi, tok: k, kind: KindDirect, spk: sp}
			u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
		}
		last = k + 1
	}
	s.joinFollowing(pi, si, &u, used)
	s.units = append(s.units, u)
}

// aboutCue returns the speaker of a verb of talking about something
// just before quote token k, no earlier than token from: "Trump went on
// about “…”", "she spoke of “…”", "he railed against “…”". ok is false
// when no such verb and speaker stand there.
func (p *para) aboutCue(k, from, pi int) (speaker, bool) {
	w, ok := p.word(k - 1)
	if !ok || w.lower != "about" && w.lower != "of" && w.lower != "against" {
		return speaker{}, false
	}
	v := k - 2
	vw, ok := p.word(v)
	if !ok || vw.upper {
		return speaker{}, false
	}
	switch {
	case vw.lower == "on":
		g, ok := p.word(v - 1)
		if !ok || g.lower != "went" && g.lower != "goes" && g.lower != "go" {
			return speaker{}, false
		}
		v--
	case !aboutVerbs[vw.lower]:
		return speaker{}, false
	}
	sp, st, ok := p.npBefore(v-1, from, pi)
	if !ok || st < from || sp.kind != spkName && sp.kind != spkPronoun {
		return speaker{}, false
	}
	return sp, true
}

// aboutVerbs are verbs of talking about something: "spoke of", "railed
// against".
var aboutVerbs = set("talked talks spoke speaks railed rails ranted rants raved raves complained complains boasted boasts bragged brags joked jokes")

// signatureAfter returns the name signing the line of quote token q0
// after a later quote on the same line: “A.” And that is all, “B.” ―
// Name. ok is false when the line holds no such signature.
func (p *para) signatureAfter(q0, pi int) (speaker, bool) {
	n := len(p.toks)
	for k := q0 + 1; k < n; k++ {
		if strings.Contains(p.text[p.toks[k-1].end:p.toks[k].start], "\n") {
			return speaker{}, false
		}
		if !p.isPunct(k, "―—") || p.toks[k-1].kind != tQuote {
			continue
		}
		j := p.nameRunAfter(k+1, n)
		if j == k+1 {
			return speaker{}, false
		}
		e := j
		if p.isPunct(e, ".") {
			e++
		}
		if e < n && !strings.Contains(p.text[p.toks[e-1].end:p.toks[e].start], "\n") {
			return speaker{}, false
		}
		sp := p.nameAt(k+1, j, pi)
		return sp, sp.text != ""
	}
	return speaker{}, false
}

// continues reports whether quote token k carries on the sentence of the
// quote before it, with only the attribution [a, k) between: “Every time
// you say that,” Tester said, referring to the excuse, “you give …”.
func (p *para) continues(a, k int) bool {
	in := strings.TrimLeft(p.inner(p.toks[k].seg), " .…")
	r, _ := utf8.DecodeRuneInString(in)
	if !unicode.IsLower(r) {
		return false
	}
	q := -1
	for j := k - 1; j >= 0; j-- {
		if p.toks[j].kind == tQuote {
			q = j
			break
		}
	}
	if q < 0 || p.quoteEndsSentence(p.toks[q].seg) || k-a > 14 || p.isScare(p.toks[k].seg) {
		return false
	}
	for j := a; j < k; j++ {
		if t, ok := p.word(j); ok && (clauseWords[t.lower] || t.lower == "who" || t.lower == "whose" || t.lower == "whom" || t.lower == "which") {
			return false // "said X, who runs a charity whose name means “light”"
		}
	}
	return true
}

// cueIn returns the participle or conjoined speech verb in tokens [a, b)
// that introduces more words of the same speaker ("…, adding that",
// "and said"), or -1.
func (p *para) cueIn(a, b int) int {
	for v := a; v < b; v++ {
		t, ok := p.word(v)
		if !ok || t.upper {
			continue
		}
		if ingVerbs[t.lower] {
			return v
		}
		if speechVerbs[t.lower] && v > a {
			// "and said", "went on to say"
			if pw, ok := p.word(v - 1); ok && (pw.lower == "and" || pw.lower == "but" || pw.lower == "to") {
				return v
			}
		}
	}
	return -1
}

// onlyQuotes reports whether tokens [a, b) hold quotes and punctuation
// only.
func (p *para) onlyQuotes(a, b int) bool {
	for k := a; k < b; k++ {
		if p.toks[k].kind == tWord {
			return false
		}
	}
	return true
}

// onlyJoiners reports whether tokens [a, b) hold nothing but punctuation
// and the conjunctions that join two parts of one quote.
func (p *para) onlyJoiners(a, b int) bool {
	for k := a; k < b; k++ {
		t := p.toks[k]
		if t.kind == tWord && t.lower != "but" && t.lower != "and" {
			return false
		}
	}
	return true
}

// runsOn returns the unit whose quote, left open at the end of the
// previous paragraph, segment g of paragraph pi continues; or nil.
func (s *scanner) runsOn(pi, g int) *unit {
	p := &s.paras[pi]
	pp := s.prevPara(pi)
	if !p.segs[g].contd || pp < 0 || len(s.units) == 0 {
		return nil
	}
	u := &s.units[len(s.units)-1]
	if u.kind != KindDirect {
		return nil
	}
	prev := &s.paras[pp]
	if len(prev.segs) == 0 {
		return nil
	}
	last := prev.innerRange(len(prev.segs) - 1)
	switch {
	case len(u.more) > 0:
		m := u.more[len(u.more)-1]
		if m.para == pp && m.r == last {
			return u
		}
	case u.para == pp && u.parts[len(u.parts)-1] == last:
		return u
	}
	return nil
}

// joinFollowing adds to u the quote-only sentences that follow sentence
// si in the paragraph: “X,” she said. “Y.”
func (s *scanner) joinFollowing(pi, si int, u *unit, used []bool) {
	p := &s.paras[pi]
	for sj := si + 1; sj < len(p.sents); sj++ {
		if used[sj] {
			continue
		}
		f, t := p.sents[sj][0], p.sents[sj][1]
		onlyQuotes := p.toks[f].kind == tQuote
		for k := f; k < t && onlyQuotes; k++ {
			if p.toks[k].kind == tWord {
				onlyQuotes = false
			}
		}
		if !onlyQuotes || f > 0 && strings.Contains(p.text[p.toks[f-1].end:p.toks[f].start], "\n") {
			return // a quote on a line of its own is another's: “A.” ― Ana Ruiz\n“B.”
		}
		for k := f; k < t; k++ {
			if p.toks[k].kind == tQuote {
				u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
			}
		}
		used[sj] = true
	}
}

// postAttr parses an attribution that follows a quote, starting at token
// i: ", he said", "said Mr. Obama, the director of …", "— Sonya Herridge",
// ", according to the poll". It returns the speaker and the token after
// the attribution. It tries in turn a name after a dash, an appositive
// with a name, "according to X", an attribution in French, German or
// Spanish (intlPostAttr), a verb before its speaker and a subject before
// its verb (subjectVerbAfter).
func (s *scanner) postAttr(pi, i, to int) (speaker, int, bool) {
	p := &s.paras[pi]
	for i < to && p.isPunct(i, ",") {
		i++
	}
	if i >= to {
		return speaker{}, 0, false
	}
	if p.isPunct(i, "―—–-") {
		// “…” ― Name
		if j := p.nameRunAfter(i+1, to); j > i+1 {
			if j >= to || p.isPunct(j, ".,;") {
				sp := p.nameAt(i+1, j, pi)
				return sp, j, sp.text != ""
			}
		}
		i++
	}
	if sp, e, ok := p.namedAppositive(i, to, pi); ok {
		return sp, e, true
	}
	t, ok := p.word(i)
	if !ok {
		return speaker{}, 0, false
	}
	if t.lower == "according" {
		if nt, ok := p.word(i + 1); ok && nt.lower == "to" {
			return p.npAfter(i+2, to, pi)
		}
	}
	if sp, e, ok := p.intlPostAttr(i, to, pi); ok {
		return sp, e, true
	}
	if speechVerbs[t.lower] || readVerbs[t.lower] || quoteVerbs[t.lower] && !p.isPunct(i+1, ",") {
		// said Mr. Obama | said one official | read one comment
		j := i + 1
		for j < to {
			if w, ok := p.word(j); ok && verbAdverbs[w.lower] && !w.upper {
				j++
				continue
			}
			break
		}
		return p.npAfter(j, to, pi)
	}
	return p.subjectVerbAfter(i, to, pi)
}

// intlPostAttr reads a French, German, Spanish or Portuguese attribution
// after a quote at token i: "selon X", "a déclaré Sébastien Lefèvre",
// "sagte sie", a verb whose subject is left out ("recalcó.", "descaseteó"),
// an impersonal frame ("hieß es in der Mitteilung"), "peut-on lire" (a
// text, no one), "so die Präsidentin", "so Müller".
func (p *para) intlPostAttr(i, to, pi int) (speaker, int, bool) {
	t, _ := p.word(i)
	if n, ok := p.intlAccordingAt(i); ok {
		if sp, e, ok := p.intlAfter(n, to, pi); ok {
			return sp, e, true
		}
	}
	if next, pron, ok := p.intlVerbAt(i, pi); ok {
		if pron.kind != spkNone {
			return pron, next, true
		}
		if sp, e, ok := p.intlAfter(next, to, pi); ok {
			return sp, e, true
		}
		if w, ok := p.word(next); next >= to || !ok || !w.upper {
			// „…“, recalcó. | «…», dijo al ser consultado: the subject
			// is dropped, and is the person the text is about
			return speaker{kind: spkDropped, para: pi, tok: i}, next, true
		}
	}
	if sp, e, ok := p.impersonalAt(i, to, pi); ok {
		return sp, e, true
	}
	if p.lang == "fr" && (t.lower == "peut-on" || t.lower == "lit-on" || t.lower == "pouvait-on") {
		// no speaker carried from before
		return speaker{para: pi, tok: i}, to, true
	}
	if p.proDropVerb(i) {
		return speaker{kind: spkDropped, para: pi, tok: i}, i + 1, true
	}
	if w, ok := p.word(i + 1); ok && t.lower == "so" && !t.upper && p.lang == "de" && intlArticles[w.lower] && !w.upper {
		if sp, e, ok := p.intlAfter(i+1, to, pi); ok && (sp.kind == spkDesc || sp.kind == spkName) {
			return sp, e, true // „…“, so der stellvertretende Leiter Ulrich Brendel.
		}
	}
	if t.lower == "so" && !t.upper && p.isNameTok(i+1) {
		if e := p.nameRunAfter(i+1, to); e >= to || p.isPunct(e, ".,;") {
			sp := p.nameAt(i+1, e, pi)
			return sp, e, sp.text != ""
		}
	}
	return speaker{}, 0, false
}

// subjectVerbAfter reads a speaker phrase and its speech verb after a
// quote at token i: "he said", "Mr. Obama said", "Douglas Brinkley, a
// historian, recalled".
func (p *para) subjectVerbAfter(i, to, pi int) (speaker, int, bool) {
	if sp, v, ok := p.leadName(i, to, pi); ok {
		return sp, v + 1, true
	}
	for v := i; v < to && v < i+30; v++ {
		tk := p.toks[v]
		if tk.kind == tQuote {
			break
		}
		if tk.kind != tWord || !speechVerbs[tk.lower] && !readVerbs[tk.lower] || v > i && !p.verbForm(v) {
			continue // "the United States" holds no verb
		}
		if w, ok := p.word(v + 1); (tk.lower == "states" || tk.lower == "state") && ok && w.lower != "that" {
			continue // "member states trump everything else"
		}
		if v == i {
			break
		}
		sp, ok := p.subjectSpan(i, v, pi)
		if !ok {
			return speaker{}, 0, false
		}
		return sp, v + 1, true
	}
	return speaker{}, 0, false
}

// leadName reads a speaker phrase from i that opens with lowercase title
// words and a full name, then a long appositive with places and bodies of
// its own, before the verb at v: "…," study lead author Lucas Paganini, a
// planetary scientist at NASA's Goddard Space Flight Center in Greenbelt,
// Maryland, and American University in Washington, D.C., said". The name
// after the titles speaks, with the titles as its role; it returns the
// speaker and the speech verb's index.
func (p *para) leadName(i, to, pi int) (speaker, int, bool) {
	k := i
	for k < to && k < i+4 {
		w, ok := p.word(k)
		if !ok || w.upper || !titleWords[w.lower] && !titleModifiers[w.text] && !set("lead study senior co")[w.lower] {
			break
		}
		k++
	}
	if k == i || !p.isNameTok(k) {
		return speaker{}, 0, false
	}
	e := p.nameRunAfter(k, to)
	if e-k < 2 || !p.isPunct(e, ",") {
		return speaker{}, 0, false
	}
	v := e + 1
	for v < to && v < e+50 && !(p.isWordIn(v, speechVerbs) && p.verbForm(v)) {
		if p.toks[v].kind == tQuote || p.isPunct(v, ".;") && !p.isNameTok(v) {
			return speaker{}, 0, false
		}
		v++
	}
	if v-e < 8 || v >= to || v >= e+50 {
		return speaker{}, 0, false // a short appositive is subjectSpan's
	}
	sp := p.nameAt(k, e, pi)
	if sp.text == "" || isOrg(sp.text) || p.notName(sp.text) {
		return speaker{}, 0, false
	}
	if role, _, ok := p.appositiveAfter(e, v); ok {
		sp.role = role // "a planetary scientist at …"
	} else if sp.role == "" {
		sp.role = p.span(i, k)
	}
	return sp, v, true
}

// subjectSpan parses tokens [i, v) as the whole speaker phrase before the
// speech verb at v: "he", "Mr. Obama", "Tulsa police Chief Chuck Jordan",
// "Mr. Morgan of the Sierra Club", "Scott Pruitt, the Republican attorney
// general of Oklahoma, one of the states suing the EPA,".
func (p *para) subjectSpan(i, v, pi int) (speaker, bool) {
	sp, st, ok := p.npBefore(v-1, i, pi)
	if ok && st == i {
		return sp, true
	}
	if ok && st > i && st-i <= 6 && sp.kind == spkName {
		allWords := true
		for k := i; k < st; k++ {
			if p.toks[k].kind != tWord && !p.initialPeriod(k) {
				allWords = false // "U.S. Secretary of State Mike Pompeo": the periods of "U.S." are words
			}
		}
		if allWords {
			sp.role = strings.TrimSpace(p.span(i, sp.tok))
			return sp, true
		}
	}
	e := p.nameRunAfter(i, v)
	if e == i {
		return speaker{}, false
	}
	end := p.skipAdvBack(v-1, i) + 1
	name := p.nameAt(i, e, pi)
	if name.text == "" || notNames[name.text] {
		return speaker{}, false
	}
	if w, ok := p.word(e); ok && (w.lower == "of" || w.lower == "from" || w.lower == "at" || w.lower == "with") && end-e <= 8 {
		for k := e; k < end; k++ {
			if p.toks[k].kind != tWord {
				return speaker{}, false
			}
		}
		name.role = p.span(e, end)
		return name, true
	}
	if p.isPunct(e, ",") && p.isPunct(end-1, ",") && end-e <= 30 {
		c := e + 1
		for c < end-1 && !p.isPunct(c, ",") {
			c++
		}
		if c > e+1 {
			name.role = p.span(e+1, c)
		}
		return name, true
	}
	return speaker{}, false
}

// namedAppositive reads an attribution without a verb that ends the
// sentence after a quote: “…,” Augusto Reyes, Director of the Caribbean
// Air and Marine Branch. It returns the name with its role and the token
// after the sentence.
func (p *para) namedAppositive(i, to, pi int) (speaker, int, bool) {
	if !p.isNameTok(i) {
		return speaker{}, 0, false
	}
	j := p.nameRunAfter(i, to)
	if j < i+2 || !p.isPunct(j, ",") {
		return speaker{}, 0, false
	}
	end := to
	for end > j && p.isPunct(end-1, ".!?") {
		end--
	}
	if end-j < 3 || end-j > 30 {
		return speaker{}, 0, false
	}
	for k := j + 1; k < end; k++ {
		t := p.toks[k]
		if t.kind == tQuote || t.kind == tWord && !t.upper && (speechVerbs[t.lower] || reportVerbs[t.lower] || ingVerbs[t.lower]) {
			return speaker{}, 0, false
		}
	}
	sp := p.nameAt(i, j, pi)
	if sp.text == "" || notNames[sp.text] || isOrg(sp.text) {
		return speaker{}, 0, false
	}
	sp.role = p.span(j+1, end)
	return sp, to, true
}

// trailingAttr handles a sentence with a quoted fragment and an
// attribution at its end: The deal is “very grave,” the official said.
func (s *scanner) trailingAttr(pi, si, q0 int) (unit, bool) {
	p := &s.paras[pi]
	from, to := p.sents[si][0], p.sents[si][1]
	// the last comma followed by SPEAKER VERB ... to the end
	for c := to - 1; c >= q0; c-- {
		if !p.isPunct(c, ",") && !(p.toks[c].kind == tQuote && (c > q0 || q0 > from)) {
			continue
		}
		sp, e, ok := s.postAttr(pi, c+1, to)
		if !ok || e < to-4 && !p.attrTrailer(e) {
			continue
		}
		end := p.toks[c].start
		if p.toks[c].kind == tQuote {
			end = p.toks[c].end
		}
		if p.onlyTitles(from, c+1) {
			return unit{}, false // "In an article titled ‘…’, Thunberg wrote"
		}
		if q0 > from && p.isPunct(q0-1, ":") || p.onlyNumbers(from, q0) {
			// "X ging auf … ein: „…“, so X": the narration before the
			// colon is no part of the quote; nor a date before it
			// ("01.02.2022 „…“, sagte …")
			from = q0
		}
		if !p.onlyQuotes(from, c) && p.onlyTerms(from, c+1) {
			return unit{}, false // „Cello“, a name in marks
		}
		u := unit{para: pi, tok: from, kind: KindMixed, spk: sp}
		u.parts = [][2]int{{p.toks[from].start, end}}
		u.kind = mixedKind(p, from, c)
		if from == q0 && p.onlyQuotes(q0, c) {
			// only quotes before the attribution: their words, no marks
			u.kind = KindDirect
			u.parts = u.parts[:0]
			for k := q0; k <= c; k++ {
				if p.toks[k].kind == tQuote {
					u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
				}
			}
		}
		return u, true
	}
	return unit{}, false
}

// attrTrailer reports whether token e, after an attribution, opens what
// only describes the speaker or the occasion: "…, she said, referencing
// the bank’s drive", "said Victor Cha, who served under Bush".
func (p *para) attrTrailer(e int) bool {
	for e < len(p.toks) && timeWords[p.toks[e].lower] && p.toks[e].kind == tWord {
		e++
	}
	if p.intlTrailer(e) {
		return true
	}
	if !p.isPunct(e, ",") {
		return false
	}
	w, ok := p.word(e + 1)
	if !ok || w.upper {
		return false
	}
	return w.lower == "who" || w.lower == "whose" || strings.HasSuffix(w.lower, "ing") && len(w.lower) > 5 && !ingVerbs[w.lower]
}

// attrAdjunct reports whether tokens [e, to) after an attribution are
// only where, when or to whom it was said: "Price shouted to the crowd.",
// "Lee said on Tuesday." — a short phrase opening with a preposition or a
// time word, holding no verb and no quote.
func (p *para) attrAdjunct(e, to int) bool {
	for to > e && p.isPunct(to-1, ".!?") {
		to--
	}
	w, ok := p.word(e)
	if !ok || w.upper || !prepositions[w.lower] && !timeWords[w.lower] || to-e > 12 {
		return false
	}
	for k := e + 1; k < to; k++ {
		t := p.toks[k]
		if t.kind == tQuote || t.kind == tWord && !t.upper && (auxVerbs[t.lower] || speechVerbs[t.lower] || t.lower == "that") {
			return false
		}
	}
	return true
}

// mixedKind returns KindDirect when the tokens [a, b) are quotes and
// punctuation only, else KindMixed.
func mixedKind(p *para, a, b int) string {
	in, all := 0, 0
	for k := a; k < b; k++ {
		t := p.toks[k]
		if t.kind == tQuote {
			n := words(p.inner(t.seg))
			in += n
			all += n
		} else if t.kind == tWord {
			all++
		}
	}
	if all > 0 && in*5 >= all*4 {
		return KindDirect
	}
	return KindMixed
}

// quoteAfter handles a sentence whose first quote q0 follows some text.
func (s *scanner) quoteAfter(pi, si, q0 int) {
	p := &s.paras[pi]
	from, to := p.sents[si][0], p.sents[si][1]
	if p.isPunct(q0-1, ":") {
		// “…,” the union wrote — after a colon, an attribution that
		// follows the quote names its speaker, not the narration before
		if u, ok := s.trailingAttr(pi, si, q0); ok && u.kind == KindDirect {
			s.units = append(s.units, u)
			return
		}
	}
	sp, cs, ok := s.cueBefore(pi, from, q0)
	if !ok {
		if u, ok := s.trailingAttr(pi, si, q0); ok {
			s.units = append(s.units, u)
			return
		}
		n := len(s.units)
		defer func() {
			if len(s.units) == n {
				s.laterCue(pi, si, q0)
			}
			if len(s.units) == n {
				s.deReported(pi, si, q0)
			}
		}()
		// “Title” or scare quote with no speaker: skip, unless it is
		// sentence-like speech introduced by a colon, or by a comma after
		// a verb ("Alley went on, “I also remember …”")
		g := p.toks[q0].seg
		if (p.isPunct(q0-1, ":") || p.isPunct(q0-1, ",") && p.sentenceQuote(g) && p.verbBefore(q0-2)) && !p.isScare(g) &&
			(words(p.inner(g)) >= 4 || p.isPunct(q0-1, ":") && p.isWordIn(q0-2, speechNouns) && p.sentenceQuote(g) && words(p.inner(g)) >= 2) {
			// a short sentence after a noun of speech too: "a new campaign
			// message: “It's about me.”"
			u := unit{para: pi, tok: q0, kind: KindDirect}
			if sb, ok := p.colonSo(from, q0-1, pi); ok {
				u.spk = sb // "…, so CEO Maria Hedengrens: „…“"
			} else if sb, ok := p.colonExperiencer(from, q0-1, pi); ok {
				u.spk = sb // "…, freut den Bundestrainer: „…“"
			} else if sb, ok := p.subject(from, q0, pi); ok {
				u.spk = sb
			} else if sb, ok := p.colonAppositive(from, q0-1, pi); ok {
				u.spk = sb // "The union president, Jean Martin, was more critical: “…”"
			} else if sb, ok := p.colonInverted(from, q0-1, pi); ok {
				u.spk = sb // "Dann schickt Gezer eine WhatsApp an Fichtner: »…«"
			} else if sb, ok := p.colonName(from, q0-1, pi); ok {
				u.spk = sb // "Mit dabei war auch Stefan Brock von der Tiernothilfe: „…“"
			} else if sb, ok := p.colonPronoun(from, q0-1, pi); ok {
				u.spk = sb // "Und trotzdem war sie manchmal nachdenklich: „…“"
			} else if v := q0 - 2; p.isPunct(q0-1, ",") {
				if w, _ := p.word(v); w.lower == "on" {
					v--
				}
				if sb, _, ok := p.npBefore(v-1, from, pi); ok {
					u.spk = sb // "The firm’s statement asserted, “…”"
				}
			}
			if u.spk.kind == spkNone && p.lang != "" && p.isPunct(q0-1, ":") {
				if sb, ok := p.colonDesc(from, q0-1, pi); ok {
					u.spk = sb // "Der 24-Jährige: „…“"
				} else if words(p.span(from, q0-1)) <= 2 && !p.isNameTok(from+1) {
					u.inherit = true // "Aber: «…»" goes on with the speaker before
				}
			}
			for k := q0; k < to; k++ {
				if p.toks[k].kind == tQuote {
					u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
				}
			}
			s.units = append(s.units, u)
		}
		return
	}
	if p.namedTerm(q0, sp) {
		return
	}
	s.complement(pi, cs, q0, to, p.issuer(p.itSubject(sp, from, pi), from, pi))
}

// relativeAt reads a relative named by a possessive and a gendered noun
// at token i, before token limit: "My mother", "his elder brother".
func (p *para) relativeAt(i, limit, pi int) (speaker, bool) {
	for i < limit && p.toks[i].kind == tPunct {
		i++
	}
	w, ok := p.word(i)
	if !ok || !possessives[w.lower] {
		return speaker{}, false
	}
	for k := i + 1; k < limit && k <= i+3; k++ {
		h, ok := p.word(k)
		if !ok || h.upper {
			return speaker{}, false
		}
		if g, ok := kinGender[h.lower]; ok {
			return speaker{text: p.span(i, k+1), kind: spkDesc, gender: g, para: pi, tok: i}, true
		}
	}
	return speaker{}, false
}

// kinGender gives the gender of the nouns naming a relative.
var kinGender = map[string]int{
	"mother": genderFemale, "wife": genderFemale, "daughter": genderFemale, "sister": genderFemale,
	"grandmother": genderFemale, "aunt": genderFemale, "niece": genderFemale, "mom": genderFemale,
	"father": genderMale, "husband": genderMale, "son": genderMale, "brother": genderMale,
	"grandfather": genderMale, "uncle": genderMale, "nephew": genderMale, "dad": genderMale,
}

// issuer returns who issued the text sp names, when the sentence says so
// just before it: "the Security Council issued a statement calling …" is
// the council's, "Lee released a letter saying …" Lee's; else sp.
func (p *para) issuer(sp speaker, from, pi int) speaker {
	if sp.kind != spkDesc || sp.para != pi || !textHeads[descHead(sp.text)] {
		return sp
	}
	v, ok := p.word(sp.tok - 1)
	if !ok || v.upper || !issueVerbs[v.lower] {
		return sp
	}
	by, _, ok := p.npBefore(sp.tok-2, from, pi)
	if !ok || by.kind == spkPronoun || by.kind == spkDesc && textHeads[descHead(by.text)] {
		return sp // "he released a letter": a pronoun the letter's own quote need not resolve
	}
	return by
}

// textHeads end a descriptor of a text that speaks for its author: "a
// statement", "the letter".
var textHeads = set("statement statements letter release memo note")

// issueVerbs put out a text: "issued a statement".
var issueVerbs = set("issued issues released releases sent sends published publishes posted posts")

// itSubject returns the organisation that opens the sentence starting at
// from when sp is "it" in the same sentence: "The Security Council …
// pledged sanctions to deter what it called “a clear threat”", and the
// relative opening it when sp is "he" or "she" of the same gender ("My
// mother …, but she still says"); else sp.
func (p *para) itSubject(sp speaker, from, pi int) speaker {
	if sp.kind != spkPronoun || sp.para != pi || sp.tok <= from {
		return sp
	}
	if sp.gender != genderUnknown {
		// "My mother has softened with age, but she still says things
		// such as “…”": the person the sentence opens with
		if sb, ok := p.relativeAt(from, sp.tok, pi); ok && sb.gender == sp.gender {
			return sb
		}
		return sp
	}
	if !strings.EqualFold(sp.text, "it") {
		return sp
	}
	sb, ok := p.subject(from, sp.tok, pi)
	if !ok || sb.tok >= sp.tok || !(sb.kind == spkName && isOrg(sb.text) || sb.kind == spkDesc && bodyHeads[descHead(sb.text)]) {
		return sp
	}
	return sb
}

// laterCue reads, in a French, German or Spanish article, the quotes
// after q0 in sentence si when q0, a quoted statement, has no
// attribution: in "Según los datos, «…», y enfatizó: «…»" the second
// quote has its own cue.
func (s *scanner) laterCue(pi, si, q0 int) {
	p := &s.paras[pi]
	if p.lang == "" || words(p.inner(p.toks[q0].seg)) < 3 {
		return // "Nun hofft „Cello“, dass …": a name in marks, not speech
	}
	to := p.sents[si][1]
	for q1 := q0 + 1; q1 < to; q1++ {
		if p.toks[q1].kind != tQuote {
			continue
		}
		if sp, cs, ok := s.cueBefore(pi, q0+1, q1); ok && cs > q0 {
			if !p.namedTerm(q1, sp) {
				s.complement(pi, cs, q1, to, sp)
			}
			return
		}
		q0 = q1
	}
}

// sentenceQuote reports whether quote segment g opens a sentence of its
// own: its first letter is uppercase.
func (p *para) sentenceQuote(g int) bool {
	in := strings.TrimLeft(p.inner(g), " .…[(‘'\"")
	r, _ := utf8.DecodeRuneInString(in)
	return unicode.IsUpper(r)
}

// verbBefore reports whether word v, before the comma that introduces a
// quote, reads as a verb: a speech or reporting verb, a lowercase past
// tense ("asserted"), or "went on".
func (p *para) verbBefore(v int) bool {
	w, ok := p.word(v)
	if !ok || w.upper {
		return false
	}
	if w.lower == "on" {
		pw, ok := p.word(v - 1)
		return ok && (pw.lower == "went" || pw.lower == "goes" || pw.lower == "go")
	}
	return speechVerbs[w.lower] || reportVerbs[w.lower] || quoteVerbs[w.lower] || p.isIntlVerb(v) || p.pastVerb(v)
}

// complement adds the statement whose cue ends at token cs, before quote
// token q0, within a sentence ending at to: a direct quote when only an
// adjunct stands between the cue and the quote ("told reporters:"), else
// a mixed quote running from the cue to the end of its clause.
func (s *scanner) complement(pi, cs, q0, to int, sp speaker) {
	p := &s.paras[pi]
	lastQ := p.lastQuote(q0, to)
	c := p.complementStart(cs, q0)
	direct := p.directAfter(c, q0)
	end := p.complementEnd(lastQ, to)
	if objectVerbs[p.toks[cs-1].lower] && !direct {
		c = p.afterAddressee(c, q0)
	}
	if direct && !p.quoteEndsSentence(p.toks[lastQ].seg) && p.wordsIn(lastQ+1, end) >= 2 {
		direct = false // words after the quote make it a mixed quote: said that “X” in Y
	}
	if direct {
		u := unit{para: pi, tok: q0, kind: KindDirect, spk: sp}
		for k := q0; k < to; k++ {
			if p.toks[k].kind == tQuote {
				u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
			}
		}
		s.units = append(s.units, u)
		return
	}
	// mixed: the complement runs from the cue to the end of the sentence
	if c >= to || end <= c || p.onlyTitles(c, max(end, lastQ+1)) {
		return
	}
	if s.conjoined(pi, c, lastQ, to, sp) {
		return
	}
	b := p.toks[end-1].end
	if lastQ >= end {
		b = p.toks[lastQ].end
	}
	if words(p.text[p.toks[c].start:b]) < 2 {
		return
	}
	if p.onlyTerms(c, max(end, lastQ+1)) {
		// "er könne sich an das „Extrablatt“ nicht erinnern": a name in
		// marks, so reported speech, not a quote
		s.units = append(s.units, unit{para: pi, tok: c, kind: KindReported, spk: sp,
			parts: [][2]int{{p.toks[c].start, b}}})
		return
	}
	u := unit{para: pi, tok: c, kind: mixedKind(p, c, end), spk: sp, parts: [][2]int{{p.toks[c].start, b}}}
	if u.kind == KindDirect {
		// "aseveró que «…»": the quoted words alone, not the "que"
		// before them
		u.parts = u.parts[:0]
		for k := c; k < max(end, lastQ+1) && k < len(p.toks); k++ {
			if p.toks[k].kind == tQuote {
				u.parts = append(u.parts, p.innerRange(p.toks[k].seg))
			}
		}
	}
	s.units = append(s.units, u)
}

// onlyTitles reports whether the quotes among tokens [a, b) all follow
// "titled" or the like, so the clause quotes nobody: "In an article
// titled ‘The EU is cheating with numbers’".
func (p *para) onlyTitles(a, b int) bool {
	n := 0
	for k := a; k < b && k < len(p.toks); k++ {
		if p.toks[k].kind != tQuote {
			continue
		}
		if !p.titledBefore(k) {
			return false
		}
		n++
	}
	return n > 0
}

// lastQuote returns the last quote token in [q0, to), q0 when there is
// no other.
func (p *para) lastQuote(q0, to int) int {
	last := q0
	for k := q0; k < to; k++ {
		if p.toks[k].kind == tQuote {
			last = k
		}
	}
	return last
}

// wordsIn counts the word tokens in [a, b).
func (p *para) wordsIn(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if p.toks[k].kind == tWord {
			n++
		}
	}
	return n
}

// complementStart skips what stands between a cue ending at cs and its
// complement before q0: a comma, a colon or a dash, and a time before
// "that" ("said Friday that …").
func (p *para) complementStart(cs, q0 int) int {
	c := cs
	for c < q0 {
		t := p.toks[c]
		if t.kind == tPunct && (t.text == "," || t.text == ":" || t.text == "—") {
			c++
			continue
		}
		break
	}
	if t := c; t < q0 && timeWords[p.toks[t].lower] {
		for t < q0 && timeWords[p.toks[t].lower] {
			t++
		}
		if w, ok := p.word(t); ok && w.lower == "that" {
			c = t
		}
	}
	return c
}

// directAfter reports whether the quote at q0 is the whole complement
// starting at c: nothing between, "that", or a short adjunct ending in ":"
// or "," ("told reporters:").
func (p *para) directAfter(c, q0 int) bool {
	between := q0 - c
	if between == 0 {
		return true
	}
	if p.lang != "" && between <= 24 && p.isPunct(q0-1, ":") {
		return true // "antwortet Kühn dem Parteichef am 30. März, vor der Wahl: „…“"
	}
	if between <= 8 && p.isPunct(q0-1, ":,") || between == 1 && p.toks[c].lower == "that" {
		return true
	}
	// a longer adjunct before a whole sentence in marks: "wrote on his
	// blog Think, Save, Retire, “Sacrifice is necessary …”"
	g := p.toks[q0].seg
	return between <= 16 && p.isPunct(q0-1, ":,") && p.sentenceQuote(g) && words(p.inner(g)) >= 4
}

// complementEnd returns where a mixed quote's clause ends after its last
// quote lastQ: at a semicolon or dash, a clause of its own (see
// tailClause), or the occasion of the words; else at the sentence's end,
// without its period.
func (p *para) complementEnd(lastQ, to int) int {
	end := to
	for k := lastQ + 1; k < to; k++ {
		if p.isPunct(k, ";—–-") || p.tailClause(k) || k == lastQ+1 && (p.quoteEndsComma(lastQ) && p.strongTail(k) || p.occasion(k)) {
			end = k
			break
		}
	}
	if p.isPunct(end-1, ".") {
		end--
	}
	return end
}

// afterAddressee skips the addressee and time of a verb like "told" at
// the start c of its complement: "told African-Americans this weekend he
// would …" starts at "he".
func (p *para) afterAddressee(c, q0 int) int {
	for k := c; k < q0 && k < c+14; k++ {
		w, ok := p.word(k)
		if !ok {
			break
		}
		if w.lower == "that" || speakerPronouns[w.lower] && w.lower != "you" && w.lower != "it" && k > c {
			return k
		}
	}
	return c
}

// conjoined splits a mixed complement [c, …) holding two statements of
// the same speaker joined by "and"/"but" and a verb (“X” and called for
// “Y”), adding the first and reading the second as a complement of its
// own. It reports whether it split.
func (s *scanner) conjoined(pi, c, lastQ, to int, sp speaker) bool {
	p := &s.paras[pi]
	for k := c + 1; k < lastQ; k++ {
		w, ok := p.word(k)
		if !ok || w.lower != "and" && w.lower != "but" || !p.isVerb(k+1, speechVerbs) && !p.isVerb(k+1, quoteVerbs) && !p.isVerb(k+1, reportVerbs) && !p.pastVerb(k+1) {
			continue
		}
		hasQ := false
		for j := c; j < k; j++ {
			hasQ = hasQ || p.toks[j].kind == tQuote
		}
		nq := -1
		for j := k + 2; j <= lastQ; j++ {
			if p.toks[j].kind == tQuote {
				nq = j
				break
			}
		}
		if !hasQ || nq < 0 {
			continue
		}
		e := k
		if p.isPunct(e-1, ",") {
			e--
		}
		if e > c {
			s.units = append(s.units, unit{para: pi, tok: c, kind: mixedKind(p, c, e), spk: sp,
				parts: [][2]int{{p.toks[c].start, p.toks[e-1].end}}})
		}
		sp2 := sp
		if sb, ok := p.subordinateSubject(c, k, pi); ok {
			// "described Clinton as a “disgrace” after she attacked the
			// police and blamed shootings on “implicit bias”": hers
			sp2 = sb
		}
		s.complement(pi, k+2, nq, to, sp2)
		return true
	}
	return false
}

// subordinateSubject returns the subject of the last subordinate clause
// opening in tokens [a, b) with a conjunction, a pronoun or name and a
// verb: "after she attacked", "because Lee wanted"; ok is false when
// there is none.
func (p *para) subordinateSubject(a, b, pi int) (speaker, bool) {
	for j := b - 2; j >= a; j-- {
		w, ok := p.word(j)
		if !ok || w.upper || !subordinators[w.lower] {
			continue
		}
		if t, ok := p.word(j + 1); ok && speakerPronouns[pronounOf(t.lower)] && t.lower != "it" {
			if p.pastVerb(j+2) || p.isVerb(j+2, speechVerbs) {
				return pronounSpeaker(t, pi, j+1), true
			}
			return speaker{}, false
		}
		if p.isNameTok(j + 1) {
			e := p.nameRunAfter(j+1, b)
			if sp := p.nameAt(j+1, e, pi); sp.text != "" && !notNames[sp.text] && (p.pastVerb(e) || p.isVerb(e, speechVerbs)) {
				return sp, true
			}
		}
		return speaker{}, false
	}
	return speaker{}, false
}

// subordinators open a clause with a subject of its own.
var subordinators = set("after before when because since while although though as once until")

// tailStarters open a clause of their own after a comma: what follows
// is no longer the speaker's reported words ("…, citing her record").
var tailStarters = set(`and but while which who whom whose as according although though
whereas because where when after before since until unless prompting leaving
sending making drawing forcing`)

// quoteEndsComma reports whether quote token k ends with a comma inside
// its marks: “long overdue,”.
func (p *para) quoteEndsComma(k int) bool {
	return strings.HasSuffix(strings.TrimSpace(p.inner(p.toks[k].seg)), ",")
}

// ingPrepositions end in -ing but join a phrase to the clause before:
// "…, including how people are treated".
var ingPrepositions = set("including regarding concerning excluding according")

// occasion reports whether token k, straight after a quote, opens when or
// where it was said rather than more of what was said: “a disgrace”
// Wednesday on the radio, “a crazy system” during a campaign stop.
func (p *para) occasion(k int) bool {
	w, ok := p.word(k)
	if !ok {
		return false
	}
	switch w.lower {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "today", "tonight", "during":
		return true
	}
	return false
}

// strongTail reports whether word k opens a contrasting or relative
// clause even without a comma of its own: “long overdue,” while critics …
func (p *para) strongTail(k int) bool {
	w, ok := p.word(k)
	if !ok || w.upper {
		return false
	}
	switch w.lower {
	case "while", "whereas", "which", "although", "though", "but", "according", "until", "unless":
		return true
	case "when", "after", "before", "as", "because", "since":
		// "“That makes me smart,” when Clinton blasted him": a clause
		// with a subject of its own, the occasion of the words
		n, ok := p.word(k + 1)
		return ok && (p.isNameTok(k+1) || speakerPronouns[n.lower])
	}
	return false
}

// tailClause reports whether token k starts a clause that ends a mixed
// quote's complement: ", while 73 percent said …", ", citing …", "and
// warned …", "and he urged …".
func (p *para) tailClause(k int) bool {
	if p.isPunct(k, ",") {
		w, ok := p.word(k + 1)
		if !ok || w.upper {
			return false
		}
		if strings.HasSuffix(w.lower, "ly") {
			// ", implicitly putting his name on the line"
			if w2, ok := p.word(k + 2); ok {
				w = w2
			}
		}
		return tailStarters[w.lower] || strings.HasSuffix(w.lower, "ing") && len(w.lower) > 5 && !ingPrepositions[w.lower]
	}
	w, ok := p.word(k)
	if !ok || w.lower != "and" && w.lower != "but" {
		return false
	}
	n, ok := p.word(k + 1)
	if !ok || n.upper && n.lower != "i" {
		return false
	}
	l := n.lower
	return speakerPronouns[l] && l != "it" && l != "you" || speechVerbs[l] || quoteVerbs[l] || reportVerbs[l] ||
		p.pastVerb(k+1)
}

// pastVerb reports whether word k reads as a past-tense verb: lowercase,
// ending in -ed.
func (p *para) pastVerb(k int) bool {
	w, ok := p.word(k)
	return ok && !w.upper && strings.HasSuffix(w.lower, "ed") && len(w.lower) > 4
}

// cueBefore finds the attribution before quote token q0: the nearest
// speech verb with a speaker ("Trump said", "said Trump", "according to
// X", "…, saying"), else the nearest verb that frames a quote ("called
// the plan"). It returns the speaker and the token where the complement
// starts. A first pass looks for speech (speechCueAt), a second for a
// framing verb (frameCueAt); a speech verb whose only speaker is its
// clause's subject is kept as the fallback of both.
func (s *scanner) cueBefore(pi, from, q0 int) (speaker, int, bool) {
	p := &s.paras[pi]
	if sp, ok := p.aboutCue(q0, from, pi); ok {
		return sp, q0, true // "Trump went on about “…”"
	}
	fb := cueFallback{v: -1}
	for v := q0 - 1; v >= from && p.toks[v].kind != tQuote; v-- {
		if sp, e, ok := p.speechCueAt(v, from, q0, pi, &fb); ok {
			return sp, e, true
		}
		if p.pronounClauseAt(v) {
			break
		}
	}
	for v := q0 - 1; v >= from && p.toks[v].kind != tQuote; v-- {
		if sp, ok := p.frameCueAt(v, from, pi); ok {
			return sp, v + 1, true
		}
		if p.pronounClauseAt(v) {
			break
		}
	}
	if fb.v >= 0 {
		return fb.sp, fb.v + 1, true
	}
	return speaker{}, 0, false
}

// pronounClauseAt reports whether an English clause with a pronoun
// subject opens at token v after a comma: a verb before it governs
// nothing after it ("When the star posted photos …, she received comments
// including “…”" quotes no one the star is).
func (p *para) pronounClauseAt(v int) bool {
	w, ok := p.word(v)
	if p.lang != "" || !ok || w.upper || !p.isPunct(v-1, ",") {
		return false
	}
	switch w.lower {
	case "he", "she", "they", "we", "i":
		n, ok := p.word(v + 1)
		return ok && !n.upper && !speechVerbs[n.lower]
	}
	return false
}

// cueFallback is a speech verb whose speaker is only its clause's
// subject ("Scott beamed and asked the crowd"), kept while cueBefore looks
// for a verb with a speaker of its own.
type cueFallback struct {
	v  int
	sp speaker
}

// speechCueAt reads word v as the speech cue of a quote that opens at q0:
// "according to X", the cues of other languages (intlCueAt), "…, saying",
// or an English speech verb (verbCueAt).
func (p *para) speechCueAt(v, from, q0, pi int, fb *cueFallback) (speaker, int, bool) {
	t := p.toks[v]
	if t.kind != tWord {
		return speaker{}, 0, false
	}
	if t.lower == "according" {
		if nt, ok := p.word(v + 1); ok && nt.lower == "to" {
			return p.npAfter(v+2, q0, pi)
		}
		return speaker{}, 0, false
	}
	if sp, e, ok := p.intlCueAt(v, from, q0, pi); ok {
		return sp, e, true
	}
	switch {
	case ingVerbs[t.lower]:
		if sp, ok := p.shownSaying(v, from, pi); ok {
			return sp, v + 1, true // "footage of Trump saying, “…”"
		}
		// "During a speech earlier in the day, Trump attacked
		// Clinton …, saying, “…”": subject skips the fronted phrase
		if sp, ok := p.subject(from, v, pi); ok {
			return sp, v + 1, true
		}
	case speechVerbs[t.lower] && p.verbForm(v) && !p.auxTo(v):
		return p.verbCueAt(v, from, q0, pi, fb)
	}
	return speaker{}, 0, false
}

// verbCueAt finds the speaker of the English speech verb at v: the noun
// phrase before it, the person a relative clause is about, the noun phrase
// after it ("said Mr. Obama: “…”"), or the clause's subject (kept in fb).
func (p *para) verbCueAt(v, from, q0, pi int, fb *cueFallback) (speaker, int, bool) {
	t := p.toks[v]
	sp, st, ok := p.npBefore(v-1, from, pi)
	if ok && p.publicationAt(st) {
		// "The authors of the research published in the journal X
		// argued": the subject before the participle speaks
		ok = false
		if d, ok2 := p.beforeParticiple(from, st, pi); ok2 {
			return d, v + 1, true
		}
	}
	if ok {
		if p.addresseeClause(v, st) {
			// "Morial told a young woman who suggested that … that
			// “…”": the words are his, said to her
			return speaker{}, 0, false
		}
		return sp, v + 1, true
	}
	// "McConnell, now the Senate majority leader, who in 2010
	// said": the person the relative clause is about
	if sp, ok := p.relSubject(v, from, pi); ok {
		return sp, v + 1, true
	}
	// "Scott beamed and asked the crowd …", "Protesters marching
	// through the streets chanted": the subject opens the clause,
	// unless an earlier verb of the sentence has a speaker
	if pw, _ := p.word(v - 1); fb.v < 0 && pw.lower != "to" {
		if sp, ok := p.subject(from, v, pi); ok {
			fb.v, fb.sp = v, sp
			if p.conjoinedVerb(v, from) && !objectVerbs[t.lower] && v+2 == q0 && p.isPunct(v+1, ",:") {
				// "She then urges her husband to come out and
				// repeatedly says, “…”": the nearer verb
				return sp, v + 1, true
			}
		}
	}
	if objectVerbs[t.lower] {
		return speaker{}, 0, false // "asked the crowd": the words after are the addressee
	}
	if sp, e, ok := p.npAfter(v+1, q0, pi); ok {
		if !p.clauseSubject(v+1, e) {
			return sp, e, true
		}
		// the words after the verb are what was said, by the
		// clause's subject or by no one the sentence names
		if fb.v == v {
			return fb.sp, v + 1, true
		}
		return speaker{para: pi, tok: v}, v + 1, true
	}
	return speaker{}, 0, false
}

// publicationAt reports whether the name at st is a publication a text
// appeared in, not its author: "the research published in the journal
// JAMA Psychiatry argued".
func (p *para) publicationAt(st int) bool {
	w, ok := p.word(st - 1)
	if !ok || w.upper {
		return false
	}
	if set("journal magazine newspaper")[w.lower] {
		return true
	}
	pw, ok := p.word(st - 2)
	return ok && w.lower == "in" && (pw.lower == "published" || pw.lower == "appeared")
}

// beforeParticiple returns the description from the sentence start at
// from to "published" or "appeared" before the publication at st: "The
// authors of the research".
func (p *para) beforeParticiple(from, st, pi int) (speaker, bool) {
	w, ok := p.word(from)
	if !ok || !determiners[w.lower] {
		return speaker{}, false
	}
	for k := st - 1; k > from && k >= st-4; k-- {
		if p.isWordIn(k, set("published appeared")) {
			return speaker{text: p.span(from, k), kind: spkDesc, para: pi, tok: from}, true
		}
	}
	return speaker{}, false
}

// frameCueAt reads word v as a verb that frames a quote ("called the plan
// “…”"), spoken by the noun phrase before it or the clause's subject.
func (p *para) frameCueAt(v, from, pi int) (speaker, bool) {
	t := p.toks[v]
	if t.kind != tWord || t.lower == "according" || !quoteVerbs[t.lower] || !p.verbForm(v) {
		return speaker{}, false
	}
	if sp, _, ok := p.npBefore(v-1, from, pi); ok {
		return sp, true
	}
	return p.subject(from, v, pi)
}

// intlCueAt reads word v as a German, French, Spanish or Portuguese
// attribution: a verb with its subject left out ("Agregó que …"), a point
// of view ("Desde su visión"), an impersonal frame ("heißt es"), "selon X"
// and the like, or a speech verb (intlVerbCueAt).
func (p *para) intlCueAt(v, from, q0, pi int) (speaker, int, bool) {
	t := p.toks[v]
	if v == from && (p.lang == "es" || p.lang == "pt") && t.upper && (intlVerbs[t.lower] || langVerbs[p.lang][t.lower]) {
		if n, ok := p.word(v + 1); ok && n.lower == "que" || p.isPunct(v+1, ":") {
			// "Agregó que la decisión «…»": the subject is left out
			return speaker{kind: spkDropped, para: pi, tok: v}, v + 1, true
		}
	}
	if p.lang != "" {
		if sp, e, ok := p.viewAt(v, pi); ok {
			return sp, e, true // "Desde su visión, las fumigaciones son «…»"
		}
	}
	if p.impersonal(v) {
		// "In der Erklärung der Stadt heißt es: „…“": the text
		// named before the verb, or no one
		if sp, e := p.lastName(from, v, pi); e >= 0 {
			return sp, v + 2, true
		}
		return speaker{para: pi, tok: v}, v + 2, true
	}
	// selon X, « … » | X a déclaré : « … »
	if n, ok := p.intlAccordingAt(v); ok && !p.intlVerbIn(from, v) {
		// not "Steinmeier sagte … laut Manuskript:": the
		// verb names the speaker, "laut" the source
		if sp, e, ok := p.intlAfter(n, q0, pi); ok {
			return sp, e, true
		}
		if w, ok := p.word(n); ok && !w.upper && intlSegunVerbs[w.lower] && p.lang == "es" {
			// "Según entiende, «…»": the subject is left out
			return speaker{kind: spkDropped, para: pi, tok: v}, n + 1, true
		}
	}
	if p.isIntlVerb(v) {
		return p.intlVerbCueAt(v, from, q0, pi)
	}
	return speaker{}, 0, false
}

// intlVerbCueAt finds the speaker of the German, French, Spanish or
// Portuguese speech verb at v: before it, after it, the one person a
// coordinated clause names, the subject of a German perfect, or no one
// when the subject is left out.
func (p *para) intlVerbCueAt(v, from, q0, pi int) (speaker, int, bool) {
	if w, ok := p.word(v + 1); ok && p.lang == "de" && !w.upper && intlPronouns[w.lower] != genderUnknown {
		// "In Anlehnung an den Soziologen Hartmut Rosa fragte er:": a
		// pronoun after the verb is its subject, what stands before it a
		// fronted phrase
		if sp, e, ok := p.intlAfter(v+1, q0, pi); ok {
			return sp, e, true
		}
	}
	if sp, ok := p.intlBefore(v, from, pi); ok {
		return sp, v + 1, true
	}
	if sp, e, ok := p.intlAfter(v+1, q0, pi); ok {
		return sp, e, true
	}
	if pw, ok := p.word(v - 1); ok && !pw.upper && (pw.lower == "que" || pw.lower == "y" || pw.lower == "e" || pw.lower == "et") && p.lang != "de" {
		// "Mientras tanto, Alvarado negaba …, a la vez que
		// aseveró que «…»": the one person the clause names
		if sp, ok := p.soleName(from, v, pi); ok {
			return sp, v + 1, true
		}
	}
	if sp, ok := p.subject(from, v, pi); ok && p.lang == "de" && sp.kind == spkName && p.perfectAux(from, v) {
		// "Bendels hatte in einem Interview gesagt, dass
		// „…“": the subject opens the clause
		return sp, v + 1, true
	}
	if pw, isWord := p.word(v - 1); p.lang != "" && v+2 == q0 && p.isPunct(v+1, ":") && (!isWord || intlClauseWords[pw.lower] || v == from) {
		// "Al respecto, señaló: «…»", "y agregó: «…»": the
		// subject is left out, or opens the clause
		return speaker{kind: spkDropped, para: pi, tok: v}, v + 1, true
	}
	return speaker{}, 0, false
}

// addresseeClause reports whether the speech verb at v opens a relative
// clause on the addressee of an earlier verb, whose phrase starts at st:
// "told a young woman who suggested …".
func (p *para) addresseeClause(v, st int) bool {
	w, ok := p.word(v - 1)
	if !ok || w.lower != "who" || w.upper {
		return false
	}
	o, ok := p.word(st - 1)
	return ok && !o.upper && objectVerbs[o.lower]
}

// shownSaying returns the person just before the participle at v when
// the person is what a record shows: "footage of Trump saying", "a video
// showing Clinton asking".
func (p *para) shownSaying(v, from, pi int) (speaker, bool) {
	if !p.isNameTok(v - 1) {
		return speaker{}, false
	}
	s := p.nameRunBefore(v-1, from)
	w, ok := p.word(s - 1)
	if !ok || w.upper || !showWords[w.lower] {
		return speaker{}, false
	}
	sp := p.nameAt(s, v, pi)
	if sp.text == "" || notNames[sp.text] || isOrg(sp.text) {
		return speaker{}, false
	}
	return sp, true
}

// showWords stand before the person a record shows speaking.
var showWords = set("of shows showed showing show hear heard hears")

// frontedEnd returns the token after the comma closing an adverbial
// phrase that opens the clause at from ("During a speech earlier in the
// day, Trump …"), or from when the clause opens otherwise.
func (p *para) frontedEnd(from, v int) int {
	i := from
	for i < v && p.toks[i].kind == tPunct {
		i++
	}
	w, ok := p.word(i)
	if ok && (clauseWords[w.lower] || adverbials[w.lower]) && p.isPunct(i+1, ",") && i+2 < v {
		return i + 2 // "Meanwhile, it attacked …"
	}
	if !ok || !prepositions[w.lower] && !subordinators[w.lower] {
		return from
	}
	for k := i + 1; k < v && k < i+24; k++ {
		if p.toks[k].kind == tQuote {
			return from
		}
		if p.isPunct(k, ",") {
			return k + 1
		}
	}
	return from
}

// closeParen returns the ")" closing the "(" at token o, within six
// tokens and before limit, or -1.
func (p *para) closeParen(o, limit int) int {
	for k := o + 1; k < limit && k <= o+6; k++ {
		if p.isPunct(k, ")") {
			return k
		}
	}
	return -1
}

// isWordIn reports whether token i is a lowercase word of set.
func (p *para) isWordIn(i int, set map[string]bool) bool {
	w, ok := p.word(i)
	return ok && !w.upper && set[w.lower]
}

// conjoinedVerb reports whether the verb at v is joined by "and" or
// "but" to an earlier verb of its clause: "and repeatedly says".
func (p *para) conjoinedVerb(v, from int) bool {
	k := v - 1
	for k > from && p.isWordIn(k, verbAdverbs) {
		k--
	}
	return p.isWordIn(k, set("and but")) && k > from
}

// relSubject returns the person a relative clause opening just before
// the verb at v is about: "McConnell, now the Senate majority leader, who
// in 2010 said …" is McConnell.
func (p *para) relSubject(v, from, pi int) (speaker, bool) {
	w := -1
	for k := v - 1; k >= from && k >= v-5; k-- {
		t, ok := p.word(k)
		if !ok {
			break
		}
		if t.lower == "who" && !t.upper {
			w = k
			break
		}
		if !verbAdverbs[t.lower] && !timeWords[t.lower] && !p.isNumberTok(k) {
			break
		}
	}
	if w < 0 || !p.isPunct(w-1, ",") {
		return speaker{}, false
	}
	sp, _, ok := p.npBefore(w-1, from, pi)
	if !ok || sp.kind != spkName || isOrg(sp.text) {
		return speaker{}, false
	}
	return sp, true
}

// auxVerbs are the auxiliaries and copulas that make a phrase a clause.
var auxVerbs = set("was were is are had has have would will could should can may might must did does do")

// clauseSubject reports whether the phrase [a, e) after a speech verb is
// the subject of the clause the verb reports, not its speaker: "63
// percent said Clinton was “justified”", "who said the GOP's most
// important goal was to make Obama a “one-term president.”"
func (p *para) clauseSubject(a, e int) bool {
	for k := a; k <= e && k < len(p.toks); k++ {
		if w, ok := p.word(k); ok && !w.upper && auxVerbs[w.lower] {
			return true
		}
	}
	return p.pastVerb(e)
}

// auxTo reports whether word v is a verb like "continued" used as an
// auxiliary before an infinitive: "continued to call for".
func (p *para) auxTo(v int) bool {
	w, ok := p.word(v + 1)
	return ok && w.lower == "to" && strings.HasPrefix(p.toks[v].lower, "continu")
}

// subject parses the speaker phrase that opens the clause [from, v): the
// subject of "Trump lashed out, saying …".
func (p *para) subject(from, v, pi int) (speaker, bool) {
	if c := p.frontedEnd(from, v); c > from {
		// "With Democratic leaders worried …, President Obama is rolling
		// out": the subject after the fronted phrase
		if sp, ok := p.subject(c, v, pi); ok {
			return sp, true
		}
	}
	i := from
	for i < v && p.toks[i].kind == tPunct {
		i++
	}
	if i >= v {
		return speaker{}, false
	}
	t := p.toks[i]
	if g, ok := intlPronouns[t.lower]; ok && p.lang != "" && t.kind == tWord && p.intlVerbIn(i+1, v) {
		// „Er fordert nach den Protesten: …“, not "Sie enthielt Artikel wie: …"
		return speaker{text: t.text, kind: spkPronoun, gender: g, para: pi, tok: i}, true
	}
	if t.kind == tWord && speakerPronouns[pronounOf(t.lower)] {
		sp, _, ok := p.npAfter(i, v, pi)
		return sp, ok
	}
	if p.isNameTok(i) {
		if p.lang != "" && (notNames[t.text] || dePhraseWords[t.lower] || intlPrepositions[t.lower]) && !intlArticles[t.lower] {
			// "In der Nacht von Mittwoch …": a fronted phrase, and the
			// subject comes after the verb
			return speaker{}, false
		}
		e := p.nameRunAfter(i, v)
		sp := p.nameAt(i, e, pi)
		if sp.text == "" || p.notName(sp.text) || p.lang == "de" && sp.tok > i && (!intlArticles[t.lower] || firstGender(p.toks[sp.tok].lower) == genderUnknown) {
			return speaker{}, false // "Diese Abteilung hat …", "Das Bundling von Zeitungen ergebe …": no name
		}
		// "Democratic presidential nominee Hillary Clinton": the name
		// after the title words
		if k := p.skipTitles(e, v); k > e && p.isNameTok(k) {
			e2 := p.nameRunAfter(k, v)
			if sp2 := p.nameAt(k, e2, pi); sp2.text != "" && !notNames[sp2.text] {
				if w, ok := p.word(e2); ok && !w.upper {
					sp2.role = p.span(i, sp2.tok)
					return sp2, true
				}
			}
		}
		if p.isPunct(e, "(") {
			// "Attorney General Roy Cooper (D), McCrory's opponent …,
			// called": past the party label and an appositive
			if k := p.closeParen(e, v); k > e {
				a := k + 1
				if p.isPunct(a, ",") {
					for c := a + 1; c < v; c++ {
						if p.isPunct(c, ",") {
							a = c + 1
							break
						}
					}
				}
				if w, ok := p.word(a); ok && !w.upper {
					return sp, true
				}
			}
		}
		// the name must be followed by a verb-like lowercase word
		if w, ok := p.word(e); ok && !w.upper && !titleWords[w.lower] {
			return sp, true
		}
		if w, ok := p.word(e); ok && !w.upper {
			// a title after the capitalized words: "The Republican
			// nominee also outlined", "Libertarian candidate Gary
			// Johnson’s doctor is calling"
			j := e
			for j < v && p.isWordIn(j, titleWords) {
				j++
			}
			if !p.isNameTok(j) {
				if determiners[t.lower] {
					return speaker{text: p.span(i, j), kind: spkDesc, para: pi, tok: i}, true
				}
				return sp, true // "Acme Corp chief" and the like: as before
			}
			if sp2, st, ok := p.npBefore(v-1, i, pi); ok && st == i {
				return sp2, true
			}
			return sp, true
		}
		if p.isPunct(e, ",") {
			sp2, _, ok := p.npAfter(i, v, pi)
			if ok {
				return sp2, true
			}
		}
		return speaker{}, false
	}
	return speaker{}, false
}

// skipTitles returns the token after a run of lowercase title words
// starting at i ("presidential nominee"), at most four, before limit.
func (p *para) skipTitles(i, limit int) int {
	k := i
	for k < limit && k < i+4 {
		t, ok := p.word(k)
		if !ok || t.upper || !titleWords[t.lower] && !titleWords[strings.TrimSuffix(t.lower, "ial")] {
			break
		}
		k++
	}
	return k
}

// output turns the units into quotes, in article order.
func (s *scanner) output() []summarize.Quote {
	out := make([]summarize.Quote, 0, len(s.units))
	sortUnits(s.units)
	for _, u := range s.units {
		if u.soft && u.spk.text == "" {
			continue
		}
		p := &s.paras[u.para]
		var parts []string
		for _, r := range u.parts {
			if r[0] < 0 || r[1] > len(p.text) || r[0] >= r[1] {
				continue
			}
			t := strings.TrimSpace(p.text[r[0]:r[1]])
			if t != "" && words(t) > 0 {
				parts = append(parts, t)
			}
		}
		for _, m := range u.more {
			mp := &s.paras[m.para]
			if t := strings.TrimSpace(mp.text[m.r[0]:m.r[1]]); t != "" && words(t) > 0 {
				parts = append(parts, t)
			}
		}
		if len(parts) == 0 {
			continue
		}
		out = append(out, summarize.Quote{
			Text:       strings.Join(parts, " … "),
			Speaker:    cleanSpeaker(u.spk.text),
			Role:       cleanSpeaker(u.spk.role),
			Paragraph:  u.para,
			Kind:       u.kind,
			Confidence: math.Round(u.conf*100) / 100,
		})
	}
	return out
}

func sortUnits(us []unit) {
	// insertion sort: units are nearly sorted already
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && less(us[j], us[j-1]); j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
}

func less(a, b unit) bool {
	if a.para != b.para {
		return a.para < b.para
	}
	return a.parts[0][0] < b.parts[0][0]
}

// onlyNumbers reports whether the tokens [a, b) are numbers and
// punctuation only, and there is at least one: a date before a quote.
func (p *para) onlyNumbers(a, b int) bool {
	if a >= b {
		return false
	}
	for k := a; k < b; k++ {
		if p.toks[k].kind != tPunct && strings.Trim(p.toks[k].text, "0123456789./-") != "" {
			return false
		}
	}
	return true
}

// initialPeriod reports whether token k is the period after a single
// capital letter, as in "U.S." or "U.N.".
func (p *para) initialPeriod(k int) bool {
	return p.letterPeriod(k) && p.toks[k-1].upper
}

// colonAppositive returns the speaker of a quote after a colon at token c
// when the clause [from, c) opens with a description, a full name between
// commas and a short predicate: "The union president, Jean Martin, was
// more critical: “…”", "Le président du syndicat, Jean Martin, s’est
// montré plus sévère : « … »". The description is the role.
func (p *para) colonAppositive(from, c, pi int) (speaker, bool) {
	w, ok := p.word(from)
	if !p.isPunct(c, ":") || !ok || !determiners[w.lower] && !p.isArticle(w.lower) {
		return speaker{}, false
	}
	k := from + 1
	for k < c && k < from+9 && p.toks[k].kind == tWord {
		k++
	}
	if k == from+1 {
		return speaker{}, false
	}
	sp, e, ok := p.nameAfterComma(from, k, c, pi)
	if !ok || !p.isPunct(e, ",") || c-e > 10 {
		return speaker{}, false
	}
	for j := e + 1; j < c; j++ {
		if p.toks[j].kind != tWord {
			return speaker{}, false
		}
	}
	return sp, true
}
