package article

import (
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// node is one entry of the flattened document: every element and text node
// of the page in document order, with the statistics the extractor needs.
// The subtree of entry i is the contiguous range [i, end).
type node struct {
	n      *html.Node
	parent int32
	end    int32
	// owner is the nearest block ancestor of a text node (itself for blocks).
	owner int32
	flags uint32

	// For text nodes: runes of visible text and punctuation marks.
	// For blocks: the text they own directly (not through a nested block).
	own, ownLink, ownPunct int32
	// ownWide counts runes of scripts from Thai upwards (Thai, Lao,
	// Myanmar, Khmer, CJK...), which use little or no punctuation.
	ownWide int32
	// Subtree totals.
	text, link int32
	// good is the text of good paragraphs in the subtree; score is the
	// container score (see content.go).
	good  int32
	score float32
	// posGood is the most good prose held by one article-named element
	// (class "content", itemprop=articleBody, <article>) in the subtree.
	posGood int32
	// last is the last visible rune of a text node or of a block's own text.
	last rune
}

const (
	fText        uint32 = 1 << iota // a text node
	fBlock                          // a block-level element
	fSkip                           // invisible or never content: not indexed below it
	fLink                           // inside an <a>
	fBoiler                         // nav, aside, footer and the like
	fNeg                            // class/id names boilerplate (related, share, ...)
	fStrongNeg                      // class/id names comments, captions, bylines, ...
	fPos                            // an article container, by markup or class/id name
	fBody                           // a known article-body container
	fHeading                        // h1-h6
	fBr                             // <br>
	fList                           // ul, ol, dl
	fFigure                         // figure, figcaption, picture
	fHeader                         // <header>
	fTitle                          // an h1 (or heading equal to the title)
	fCaption                        // figcaption / caption / credit by name
	fInNeg                          // below a credible fNeg element (set by score)
	fInStrongNeg                    // below a credible fStrongNeg element (set by score)
	fDefinite                       // an fStrongNeg name that is believed at any size
	fImg                            // has an <img> or <picture> child
	fInDefinite                     // below an fDefinite element (set by score)
	fWrapper                        // an fDefinite element wrapping an article container (set by score)
)

// blockTags are the elements that start a new paragraph.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Ul: true, atom.Html: true, atom.Caption: true,
	atom.Menu: true,
}

// skipTags are never article content.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Option: true,
	atom.Label: true, atom.Map: true, atom.Link: true, atom.Meta: true, atom.Title: true,
	atom.Img: true, atom.Source: true, atom.Picture: true, atom.Frameset: true, atom.Frame: true,
	atom.Dialog: true, atom.Rt: true, atom.Rp: true,
}

// markupHints say, as selectors over the page, what elements are by their
// markup: known article-body containers (microdata), and article containers
// and boilerplate by tag or ARIA role. Unlike class and id names (see
// classify.go), markup is believed as it stands. selHinted is a cheap
// superset of the hints' selectors, so that the page is walked once. All
// are compiled once and never changed.
var (
	markupHints = []struct {
		sel   cascadia.Selector
		flags uint32
	}{
		{cascadia.MustCompile(`[itemprop~=articleBody], [itemprop~=text]:not(span)`), fBody},
		{cascadia.MustCompile(`article, main, [role=article], [role=main]`), fPos},
		{cascadia.MustCompile(`nav, aside, footer, menu, [role=navigation], [role=complementary], [role=contentinfo], ` +
			`[role=banner], [role=menu], [role=menubar], [role=dialog], [role=alert]`), fBoiler},
	}
	selHinted = cascadia.MustCompile(`[itemprop], [role], article, main, nav, aside, footer, menu`)
)

// selectHints selects the elements markupHints name and returns their
// flags.
func selectHints(doc *goquery.Document) map[*html.Node]uint32 {
	hints := make(map[*html.Node]uint32, 64)
	for _, n := range doc.FindMatcher(selHinted).Nodes {
		for _, h := range markupHints {
			if h.sel.Match(n) {
				hints[n] |= h.flags
			}
		}
	}
	return hints
}

// hidden reports an element the reader does not see.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if strings.Contains(a.Val, "none") || strings.Contains(a.Val, "hidden") {
				s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
				if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
					return true
				}
			}
		}
	}
	return false
}

// textStats counts the visible runes (whitespace excluded), wide-script
// runes (see node.ownWide) and sentence
// punctuation of s.
func textStats(s string) (runes, punct, wide int32) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\n', '\t', '\r', '\f', '\v':
				continue
			case '.', ',', ';', ':', '!', '?':
				punct++
			}
			runes++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x0e00 {
			wide++
		}
		switch r {
		case 0xa0, 0x2009, 0x200a, 0x200b, 0x202f, 0x3000, 0xfeff:
			continue
		case '。', '，', '、', '！', '？', '；', '：', '٫', '،', '؛', '؟', '।', '…':
			punct++
		}
		runes++
	}
	return runes, punct, wide
}

// lastRune returns the last non-space rune of s, or 0; a closing "..."
// counts as '…'.
func lastRune(s string) rune {
	for len(s) > 0 {
		if strings.HasSuffix(s, "...") {
			return '…'
		}
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case ' ', '\n', '\t', '\r', '\f', 0xa0:
			s = s[:len(s)-size]
			continue
		}
		return r
	}
	return 0
}

// countNodes counts the element and text nodes under root, so that the
// index is allocated once at its size: pages of 100,000 nodes are common.
func countNodes(root *html.Node) int {
	n := 0
	for c := root; c != nil; {
		n++
		if c.FirstChild != nil && !(c.Type == html.ElementNode && skipTags[c.DataAtom]) {
			c = c.FirstChild
			continue
		}
		for c != nil && c != root && c.NextSibling == nil {
			c = c.Parent
		}
		if c == nil || c == root {
			break
		}
		c = c.NextSibling
	}
	return n
}

// flatten indexes the document under root in document order; hints are
// the flags selectHints gave to elements.
func flatten(root *html.Node, hints map[*html.Node]uint32) []node {
	nodes := make([]node, 0, countNodes(root))
	stack := make([]int32, 0, 64) // indices of open elements
	var inherited []uint32        // flags passed down (link, boiler, neg...)
	inherited = append(inherited, 0)
	owner := []int32{-1}
	cache := make(map[string]uint32, 256)

	n := root
	for n != nil {
		descend := false
		idx := int32(len(nodes))
		parent := int32(-1)
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		inh := inherited[len(inherited)-1]
		switch n.Type {
		case html.TextNode:
			r, p, w := textStats(n.Data)
			if len(n.Data) > 0 {
				nodes = append(nodes, node{n: n, parent: parent, end: idx + 1, owner: owner[len(owner)-1],
					flags: fText | inh&(fLink|fBoiler|fFigure|fCaption), own: r, ownPunct: p, ownWide: w, last: lastRune(n.Data)})
			}
		case html.ElementNode, html.DocumentNode:
			if n.Type == html.ElementNode && (skipTags[n.DataAtom] || hidden(n) || classify(n, cache)&fSkip != 0) {
				if (n.DataAtom == atom.Img || n.DataAtom == atom.Picture) && parent >= 0 {
					nodes[parent].flags |= fImg
				}
				break
			}
			f := inh & (fLink | fBoiler | fFigure | fCaption | fHeader)
			pass := f
			if n.Type == html.DocumentNode || blockTags[n.DataAtom] {
				f |= fBlock
			}
			switch n.DataAtom {
			case atom.A:
				f |= fLink
				pass |= fLink
			case atom.H1:
				f |= fHeading | fTitle
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				f |= fHeading
			case atom.Br:
				f |= fBr
			case atom.Ul, atom.Ol, atom.Dl:
				f |= fList
			case atom.Figure, atom.Figcaption:
				f |= fFigure
				pass |= fFigure
			case atom.Header:
				f |= fHeader
				pass |= fHeader
			}
			if n.Type == html.ElementNode {
				h := hints[n]
				c := classify(n, cache)
				f |= h | c
				pass |= h&fBoiler | c&fCaption
				if f&fBody != 0 {
					f &^= fNeg // "article-body-meta" is named for the body
				}
				if f&fBody != 0 && h&fBoiler == 0 || n.DataAtom == atom.Main {
					// An article body or the page's main element inside a
					// header or aside is there by broken nesting (an
					// unclosed <header>), not a sidebar's content.
					f &^= fBoiler
					pass &^= fBoiler
				}
			}
			nodes = append(nodes, node{n: n, parent: parent, end: idx + 1, owner: owner[len(owner)-1], flags: f})
			if f&fBlock != 0 {
				nodes[idx].owner = idx
			}
			if n.FirstChild != nil {
				stack = append(stack, idx)
				inherited = append(inherited, pass)
				if f&fBlock != 0 {
					owner = append(owner, idx)
				} else {
					owner = append(owner, owner[len(owner)-1])
				}
				descend = true
			}
		}
		if descend {
			n = n.FirstChild
			continue
		}
		for n != nil {
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
			if n == nil || len(stack) == 0 {
				n = nil
				break
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			inherited = inherited[:len(inherited)-1]
			owner = owner[:len(owner)-1]
			nodes[top].end = int32(len(nodes))
			if n == root {
				n = nil
				break
			}
		}
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nodes[top].end = int32(len(nodes))
	}
	return nodes
}
