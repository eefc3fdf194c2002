package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The content extractor works on the flattened document in three passes,
// each linear in the number of nodes:
//
//  1. stats: every text node's runes are credited to its nearest block
//     ("owner"); each block is judged as a paragraph (good: long or
//     punctuated prose with few links; bad: link lists, short fragments,
//     nav/aside/footer) and weighted; weights are summed up the tree.
//  2. choose: the element with the highest summed weight is the article
//     container, so a container wins by holding much prose and little else.
//     Known body containers (itemprop=articleBody, "article-body", ...) get a
//     bonus; class names only weigh text, they never delete it here.
//  3. emit: the container's text is written out paragraph by paragraph,
//     leaving out subtrees that are boilerplate by tag or name (share bars,
//     related lists, captions, bylines) unless they hold a large share of the
//     article's prose, link-dense lists and tables, and the title.

// para is one emitted paragraph.
type para struct {
	text    string
	runes   int
	link    int
	heading bool
}

// blockWeight judges one block's own text. It returns the weight the block
// adds to its containers and the runes of good prose it holds.
func blockWeight(nd *node) (w float32, good int32) {
	t := nd.own
	if t == 0 {
		return 0, 0
	}
	f := nd.flags
	if f&fBoiler != 0 {
		return -float32(t), 0
	}
	ld := float32(nd.ownLink) / float32(t)
	if f&fHeading != 0 {
		if ld > 0.5 {
			return -float32(t) * 0.5, 0
		}
		// A "heading" holding sentences is prose set in a heading's
		// style (a whole post written in <h3> and <h4>).
		if f&fTitle != 0 || t < 80 || nd.ownPunct < 2 || ld >= 0.35 {
			return 0, 0
		}
	}
	if nd.ownLink*10 > t && nd.last == '…' {
		return -float32(t) * 0.5, 0 // a teaser: linked headline and a cut-off excerpt
	}
	switch {
	case ld > 0.5:
		return -float32(t), 0
	case ld < 0.35 && (t >= 100 || t >= 30 && nd.ownPunct > 0 || t >= 40 && nd.ownLink == 0 && nd.ownWide*2 > t) && f&fCaption == 0:
		// The last test is for scripts that use little punctuation.
		return float32(t) * (1 - ld), t
	case t < 30:
		return -float32(t) * 0.3, 0
	}
	return -float32(t) * 0.1, 0
}

// score runs passes 1 and 2 and returns the chosen container (-1 if none).
func score(nodes []node) int {
	// Credit text to owners.
	for i := range nodes {
		nd := &nodes[i]
		if nd.flags&fText == 0 || nd.own == 0 {
			continue
		}
		o := nd.owner
		if o < 0 {
			continue
		}
		ob := &nodes[o]
		ob.own += nd.own
		ob.ownPunct += nd.ownPunct
		ob.ownWide += nd.ownWide
		ob.last = nd.last
		if nd.flags&fLink != 0 {
			ob.ownLink += nd.own
		}
	}
	// Weigh blocks and sum up the tree (children come after parents).
	for i := range nodes {
		nd := &nodes[i]
		if nd.flags&fText != 0 {
			nd.text = nd.own
			if nd.flags&fLink != 0 {
				nd.link = nd.own
			}
			continue
		}
		if nd.flags&fBlock != 0 {
			nd.score, nd.good = blockWeight(nd)
		}
	}
	for i := len(nodes) - 1; i > 0; i-- {
		nd := &nodes[i]
		if nd.flags&fDefinite != 0 && nd.posGood*10 >= nd.good*9 && nd.posGood > 0 {
			nd.flags |= fWrapper // nearly all its prose is in an article container
		}
		if nd.flags&(fPos|fBody) != 0 {
			nd.posGood = nd.good
		}
		if p := nd.parent; p >= 0 {
			pn := &nodes[p]
			pn.text += nd.text
			pn.link += nd.link
			pn.good += nd.good
			pn.posGood = max(pn.posGood, nd.posGood)
		}
	}
	styleNames(nodes)
	total := nodes[0].good
	// Class names weigh prose down only where they are credible: a block
	// named "sidebar" whose prose is mostly inside a block named "content"
	// is the wrapper of a page with a sidebar, not a sidebar.
	for i := range nodes {
		nd := &nodes[i]
		var inh uint32
		if nd.parent >= 0 {
			inh = nodes[nd.parent].flags & (fInNeg | fInStrongNeg | fInDefinite)
		}
		switch {
		case nd.flags&fWrapper != 0 && nd.good*2 > total:
			// A "sharing container" around the article body holding most of
			// the page's prose is a wrapper, whatever its name says.
			nd.flags &^= fDefinite | fStrongNeg | fCaption
		case nd.flags&fDefinite != 0:
			inh |= fInDefinite
		case nd.flags&(fNeg|fStrongNeg) != 0 && nd.posGood*2 <= nd.good:
			if nd.flags&fStrongNeg != 0 {
				inh |= fInStrongNeg
			} else {
				inh |= fInNeg
			}
		}
		nd.flags |= inh
		if nd.score > 0 {
			switch {
			case inh&fInDefinite != 0:
				nd.score = 0
			case inh&fInStrongNeg != 0:
				nd.score *= 0.25
			case inh&fInNeg != 0:
				nd.score *= 0.6
			}
		}
	}
	for i := len(nodes) - 1; i > 0; i-- {
		nd := &nodes[i]
		if p := nd.parent; p >= 0 {
			nodes[p].score += nd.score
		}
	}
	best, bestScore := -1, float32(0)
	body := -1
	for i := range nodes {
		nd := &nodes[i]
		if nd.flags&fText != 0 || nd.good == 0 {
			continue
		}
		if nd.score >= bestScore {
			best, bestScore = i, nd.score
		}
		if nd.flags&fBody != 0 && (body < 0 || nd.good >= nodes[body].good) {
			body = i
		}
	}
	// Climb while an ancestor holds much more prose for a small loss of
	// score: a body split by an embed or an ad box is still one body.
	for best >= 0 {
		p := int32(best)
		for {
			if a := nodes[p].n.DataAtom; a == atom.Article || a == atom.Main || a == atom.Body || nodes[p].flags&fBody != 0 {
				p = -1 // never climb out of the page's own article
				break
			}
			p = nodes[p].parent
			if p < 0 || nodes[p].good != nodes[best].good {
				break
			}
		}
		if p < 0 {
			break
		}
		pn, bn := &nodes[p], &nodes[best]
		if float32(pn.good) >= 1.5*float32(bn.good) && pn.score >= 0.9*bn.score {
			best = int(p)
			continue
		}
		break
	}
	// A short article (a news brief, a photo post) leaves too little prose
	// for the climb above: its paragraphs are short, so the best block is
	// often one of them. Take the nearest article container around it.
	if best >= 0 && nodes[best].good < 300 && nodes[best].flags&(fPos|fBody) == 0 {
		for p, hops := nodes[best].parent, 0; p > 0 && hops < 4; p, hops = nodes[p].parent, hops+1 {
			pn := &nodes[p]
			if a := pn.n.DataAtom; a == atom.Body || a == atom.Html {
				break
			}
			if pn.flags&(fPos|fBody) != 0 && pn.flags&(fBoiler|fInDefinite|fInStrongNeg) == 0 && float32(pn.link) < 0.5*float32(pn.text) {
				best = int(p)
				break
			}
		}
	}
	if first := firstOfListing(nodes, best); first >= 0 {
		return first
	}
	if body < 0 || best < 0 || body == best {
		return best
	}
	// A known body container is preferred when it holds about as much prose.
	bn, bs := &nodes[body], &nodes[best]
	if float32(bn.link) > 0.5*float32(bn.text) {
		return best
	}
	switch {
	case body < best && int32(best) < bn.end: // body contains best
		if bn.good >= bs.good && (float32(bn.score) > -float32(bn.good) || bs.good < 300) {
			return body
		}
	case best < body && int32(body) < bs.end: // best contains body
		if float32(bn.good) >= 0.75*float32(bs.good) {
			return body
		}
	default:
		if bn.good >= bs.good {
			return body
		}
	}
	return best
}

// listingProse is the good prose an <article> holds to count as a whole
// article in a listing of them.
const listingProse = 1500

// firstOfListing returns, when the container c holds two or more sibling
// <article> elements each with a whole article's prose (a page that loads
// the next stories below its own, one <article> each), the first of them:
// the page's own story. It returns -1 otherwise.
func firstOfListing(nodes []node, c int) int {
	if c < 0 {
		return -1
	}
	first, n := -1, 0
	var parent int32 = -2
	for i := c + 1; i < int(nodes[c].end); i++ {
		nd := &nodes[i]
		if nd.n.DataAtom != atom.Article || nd.good < listingProse {
			continue
		}
		if first < 0 {
			first, parent = i, nd.parent
		} else if nd.parent == parent {
			n++
		}
		i = int(nd.end) - 1 // not the <article> elements inside it
	}
	if n == 0 {
		return -1
	}
	return first
}

// styleNames clears the boilerplate hints of class names that the bulk
// of the page's prose wears: a name on three or more blocks holding most of
// the page's prose is the body
// text's style ("tagStyle_z4kqwb", "text-block-media"), not a role.
// Definite names (comments, newsletters) are left alone: a long comment
// thread can outweigh a short post.
func styleNames(nodes []node) {
	total := nodes[0].good
	if total == 0 {
		return
	}
	type sum struct{ good, n int32 }
	var sums map[string]sum
	for i := range nodes {
		nd := &nodes[i]
		if nd.flags&(fNeg|fStrongNeg) == 0 || nd.flags&fDefinite != 0 || nd.good == 0 {
			continue
		}
		if sums == nil {
			sums = make(map[string]sum, 16)
		}
		k := negToken(nd.n)
		// Every element counts, nested ones too: a style name inside a
		// differently named wrapper is still worn by that prose.
		sums[k] = sum{sums[k].good + nd.good, sums[k].n + 1}
	}
	var style map[string]bool
	for k, v := range sums {
		if k != "" && v.n >= 3 && v.good*2 > total {
			if style == nil {
				style = make(map[string]bool, 1)
			}
			style[k] = true
		}
	}
	if style == nil {
		return
	}
	for i := range nodes {
		nd := &nodes[i]
		if nd.flags&(fNeg|fStrongNeg) != 0 && nd.flags&fDefinite == 0 && style[negToken(nd.n)] {
			nd.flags &^= fNeg | fStrongNeg
		}
	}
}

// negToken returns the first class token of n that names boilerplate
// ("elementor-widget" in "elementor-element elementor-element-6223e0a
// elementor-widget"), so that blocks differing only in their ids share it.
func negToken(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, t := range strings.Fields(a.Val) {
				if classifyName(t)&(fNeg|fStrongNeg) != 0 {
					return t
				}
			}
		}
	}
	return ""
}

// emit writes out the text of container c (pass 3). title, when not empty,
// is dropped where a heading repeats it.
func emit(nodes []node, c int, title, byline string) []para {
	cn := &nodes[c]
	cgood := cn.good
	var out []para
	var b strings.Builder
	cur := int32(-1)
	curLink := 0
	curHeading := false
	brs := 0
	flush := func() {
		if b.Len() == 0 {
			return
		}
		t := collapse(b.String())
		b.Reset()
		if t == "" {
			return
		}
		n := utf8.RuneCountInString(t)
		out = append(out, para{text: t, runes: n, link: curLink, heading: curHeading})
		curLink = 0
	}
	// The lede first, when it sits outside the container, then the
	// container's own text.
	type span struct{ from, to int }
	spans := make([]span, 0, 4)
	for _, l := range ledes(nodes, c) {
		spans = append(spans, span{l, int(nodes[l].end)})
	}
	nlede := -1
	spans = append(spans, span{c + 1, int(cn.end)})
	for k, sp := range spans {
		if k == len(spans)-1 {
			flush()
			nlede = len(out)
		}
		for i := sp.from; i < sp.to; i++ {
			nd := &nodes[i]
			if nd.flags&fText != 0 {
				if nd.owner != cur {
					flush()
					cur = nd.owner
					curHeading = nodes[cur].flags&fHeading != 0
				}
				if nd.own > 0 {
					brs = 0
					if nd.flags&fLink != 0 {
						curLink += int(nd.own)
					}
				}
				b.WriteString(nd.n.Data)
				continue
			}
			if drop(nodes, i, cgood, title) {
				i = int(nd.end) - 1
				continue
			}
			if nd.flags&fBr != 0 {
				brs++
				if brs >= 2 {
					flush()
					brs = 0
				} else {
					b.WriteByte('\n')
				}
			} else if nd.flags&fBlock != 0 {
				flush()
				cur = int32(i)
				curHeading = nd.flags&fHeading != 0
			}
		}
	}
	flush()
	if nlede > 0 {
		out = dropRepeatedLede(out, nlede)
	}
	return cleanParas(out, title, byline)
}

// ledes returns the roots of the blocks, outside container c, that open
// the article before it: a standfirst or teaser paragraph in a sibling of
// the container or of one of its near ancestors ("field--summary" next to
// "field--story"). They are read in document order, closest last; the
// search stops at the page's article element, at non-prose text between
// the lede and the body, and never takes more prose than a lede holds.
func ledes(nodes []node, c int) []int {
	var out []int
	cur := int32(c)
	budget := max(nodes[c].good/2, 400)
	for hops := 0; hops < 3; hops++ {
		if a := nodes[cur].n.DataAtom; a == atom.Article || a == atom.Main {
			break
		}
		p := nodes[cur].parent
		if p <= 0 {
			break
		}
		if a := nodes[p].n.DataAtom; a == atom.Body || a == atom.Html {
			break
		}
		var found []int
		for j := p + 1; j < cur; j = nodes[j].end {
			s := &nodes[j]
			if s.text == 0 {
				continue
			}
			if s.good > 0 && s.good <= budget && s.good*10 >= s.text*6 && s.link*5 < s.text &&
				s.flags&(fText|fBoiler|fDefinite|fInDefinite|fInStrongNeg|fFigure|fCaption|fList) == 0 &&
				s.flags&(fStrongNeg|fHeading) == 0 {
				found = append(found, int(j))
				budget -= s.good
				continue
			}
			if s.text >= 100 || s.good > 0 {
				found = found[:0] // something else stands between it and the body
			}
		}
		if len(found) > 0 {
			out = append(found, out...)
		}
		if budget <= 0 {
			break
		}
		cur = p
	}
	return out
}

// dropRepeatedLede removes the first n paragraphs (the lede read from
// outside the container) when the container's text repeats them.
func dropRepeatedLede(ps []para, n int) []para {
	if n >= len(ps) {
		return ps
	}
	var body strings.Builder
	for _, p := range ps[n:min(len(ps), n+3)] {
		body.WriteString(normalizeKey(p.text))
	}
	bk := body.String()
	out := ps[:0]
	for i, p := range ps {
		if i < n {
			if k := normalizeKey(p.text); k != "" && strings.Contains(bk, k) {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// drop decides whether the subtree at i is left out of the container's text.
func drop(nodes []node, i int, cgood int32, title string) bool {
	nd := &nodes[i]
	f := nd.flags
	parentFlags := uint32(0)
	if nd.parent >= 0 {
		parentFlags = nodes[nd.parent].flags
	}
	own := f &^ (parentFlags & (fBoiler | fFigure | fCaption | fHeader | fLink))
	share := float32(nd.good) / float32(max(cgood, 1))
	if f&fBlock == 0 && nd.owner >= 0 {
		// An inline element (a link, a span) is part of its paragraph:
		// names weigh the paragraph, they never cut words out of one
		// that reads as prose ("a state where he is not even on the
		// ballot" must not lose its linked words).
		on := &nodes[nd.owner]
		if _, g := blockWeight(on); g > 0 || on.own-nd.text >= 20 && on.ownLink*2 <= on.own {
			return false
		}
	}
	switch {
	case own&fBoiler != 0:
		return share < 0.5
	case own&fCaption != 0:
		return share < 0.3
	case own&fStrongNeg != 0:
		return share < 0.4
	case own&fFigure != 0:
		return share < 0.3
	case f&fTitle != 0:
		return true
	case own&fHeader != 0:
		return nd.good == 0
	}
	if f&fImg != 0 && nd.text < 250 && nd.good*10 < cgood {
		return true // an image with its caption
	}
	if nd.n.DataAtom == atom.Form && nd.good == 0 {
		return true
	}
	if nd.text > 0 && (f&fList != 0 || nd.n.DataAtom == atom.Table) {
		if float32(nd.link) > 0.5*float32(nd.text) {
			return true
		}
	}
	if own&fNeg != 0 && nd.text > 0 {
		if float32(nd.good) < 0.5*float32(nd.text) && share < 0.2 {
			return true
		}
	}
	if f&fBlock != 0 && nd.text > 0 && float32(nd.link) > 0.65*float32(nd.text) && share < 0.2 {
		return true
	}
	return false
}

// boilerLines are short paragraphs that are never article text.
var boilerLines = map[string]bool{
	"advertisement": true, "advertisements": true, "ad": true, "sponsored": true,
	"continue reading": true, "continue reading below": true, "story continues below": true,
	"story continues below advertisement": true, "article continues below": true,
	"read more": true, "read more:": true, "related": true, "related:": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"skip advertisement": true, "scroll to continue with content": true,
	"click here": true, "more": true, "see also": true, "see also:": true,
	"anzeige": true, "publicité": true, "publicidad": true, "pubblicità": true, "reklama": true,
}

// cleanParas drops link-only and boilerplate lines, the title, and trailing
// headings.
func cleanParas(ps []para, title, byline string) []para {
	out := ps[:0]
	nt := normalizeKey(title)
	for _, p := range ps {
		if p.runes == 0 {
			continue
		}
		if p.link > 0 && float32(p.link) > 0.75*float32(p.runes) && p.runes < 200 {
			continue
		}
		if p.runes < 40 && boilerLines[strings.ToLower(strings.TrimRight(p.text, " .:…»›>"))] {
			continue
		}
		if foreignLine(p) {
			continue
		}
		if nt != "" && p.runes < 300 && normalizeKey(p.text) == nt {
			continue
		}
		out = append(out, p)
	}
	out = dropRepeats(out)
	out = cutComments(out)
	for len(out) > 0 && out[len(out)-1].heading {
		out = out[:len(out)-1]
	}
	// Short lines before the first sentence of prose that are bylines,
	// dates or one-word kickers are page furniture.
	for len(out) > 0 && !prose(out[0]) && furniture(out[0].text, byline) {
		out = out[1:]
	}
	return trimTail(out)
}

var (
	dateLine  = regexp.MustCompile(`^\W{0,3}(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.? \p{L}+\.? \d{4}|\p{L}+\.? \d{1,2},? \d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)`)
	bylineish = regexp.MustCompile(`(?i)^(?:by|von|por|par|di|door|av|de|written by|posted by|published|updated|last updated)\b`)
)

// furniture reports a short line that is a byline, a date or a kicker.
func furniture(t, byline string) bool {
	n := utf8.RuneCountInString(t)
	if n > 120 {
		return false
	}
	if !strings.ContainsAny(t, " \u00a0") && n < 25 {
		last, _ := utf8.DecodeLastRuneInString(t)
		return !strings.ContainsRune(".!?…。！？", last)
	}
	if byline != "" && strings.Contains(t, strings.SplitN(byline, ",", 2)[0]) && n < 100 {
		return true
	}
	return dateLine.MatchString(t) && n < 60 || bylineish.MatchString(t) && n < 80
}

// prose reports a paragraph that reads as running text.
func prose(p para) bool {
	if p.heading || p.link*2 > p.runes {
		return false
	}
	if p.runes >= 80 {
		return true
	}
	if p.runes < 30 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(p.text, " \"”’»)"))
	return strings.ContainsRune(".!?…。！？", last)
}

// normalizeKey lowercases s and keeps only letters and digits, for
// comparing titles and paragraphs.
func normalizeKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 32)
		case r > 127 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// collapse trims s, turns every run of white space into one space and
// drops control characters.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\r', '\f', '\v', 0xa0, 0x2009, 0x200a, 0x202f, 0x3000, 0x2028, 0x2029:
			space = true
			continue
		case '\n':
			space = true
			continue
		case 0x200b, 0xfeff, 0xad:
			continue
		}
		if r < 0x20 || r >= 0x7f && r < 0xa0 {
			// Other control characters (ESC, BEL, C1's CSI…) are never
			// text, and would drive a terminal the output is shown on.
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r == utf8.RuneError {
			r = 0xfffd
		}
		b.WriteRune(r)
	}
	return b.String()
}

// selectionText returns the visible text of the selection's first element,
// collapsed. Unlike goquery's Text, it leaves out scripts and styles and
// keeps a space where a block or <br> separates words ("By<br>Ana Lima").
// It reads at most 16 KiB of text.
func selectionText(s *goquery.Selection) string {
	t, _ := boundedText(s, 16<<10)
	return t
}

// boundedText is selectionText reading at most max bytes of text; ok is
// false when the element holds more (a wrapper, not a byline or a date).
func boundedText(s *goquery.Selection, max int) (text string, ok bool) {
	if s.Length() == 0 {
		return "", true
	}
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 64 {
			return
		}
		for c := n.FirstChild; c != nil && b.Len() <= max; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if skipTags[c.DataAtom] && c.DataAtom != atom.Title {
					continue
				}
				if blockTags[c.DataAtom] || c.DataAtom == atom.Br {
					b.WriteByte(' ')
				}
				walk(c, depth+1)
			}
		}
	}
	walk(s.Nodes[0], 0)
	return collapse(b.String()), b.Len() <= max
}
