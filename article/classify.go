package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Class and id names are hints, never verdicts: the extractor uses them to
// weigh text while choosing the article container and, inside it, to drop
// subtrees that hold only a small share of the article's text.

// definiteNegNames mark blocks that are never body text, whatever their size.
var definiteNegNames = []string{
	"comment", "disqus", "reply", "replies", "modal", "popup", "cookie", "consent", "gdpr",
	"newsletter", "subscribe", "signup", "outbrain", "taboola", "share", "sharing", "social",
	"breadcrumb", "recommend", "promo", "advert", "sponsor", "related", "readmore", "readnext",
	"morestories", "moreon", "morefrom", "mostpopular", "mostread", "mostviewed",
	"authorbio", "authorinfo", "aboutauthor", "inlinead", "adslot", "adunit", "adwrap",
	"advertisement", "skiplink", "jumplink", "login", "caption", "credit", "byline", "disclosure",
	// The same in a few other languages.
	"bildunterschrift", "bildnachweis", "legende", "leyenda", "didascalia", "legenda",
	"teilen", "partage", "partager", "compartir", "condivid", "verwandt", "relacionad",
	"correlat", "connexe", "kommentar", "commentaire", "comentario", "commenti",
}

// strongNegNames mark blocks that are rarely body text; they are believed
// only for blocks holding a minority of the page's prose (a "sidebar" name
// on the wrapper of most of the page's prose is a layout name).
var strongNegNames = []string{
	"sidebar", "widget", "footer", "menu", "navigation", "navbar", "masthead", "toolbar",
	"pagination", "pager", "tagcloud", "taglist", "tags", "keywords", "popular", "trending",
	"copyright", "feedback", "playlist", "rating",
}

// weakNegNames mark blocks that are often, not always, boilerplate.
var weakNegNames = []string{
	"meta", "header", "banner", "nav", "tool", "extra", "teaser", "card", "media",
	"photo", "image", "gallery", "video", "author", "timestamp", "dateline", "date",
	"hidden", "hide", "aside", "rail", "bio", "more", "link", "list", "follow",
	"topic", "info", "label", "note", "embed", "autor", "auteur", "datum", "fecha",
	"rubrik", "kicker", "eyebrow", "overline",
}

// posNames mark likely article containers.
var posNames = []string{"article", "body", "content", "entry", "main", "post", "text", "story", "blog", "prose", "hentry"}

// bodyNames are the common names of article-body containers.
var bodyNames = []string{
	"articlebody", "storybody", "entrycontent", "postcontent", "postbody", "articlecontent",
	"storycontent", "articletext", "bodytext", "contentbody", "storytext", "posttext",
	"entrybody", "articlemain", "maintext", "articleinner", "richtext",
	"textcontent", "bodycopy", "articlecopy", "storycopy", "newsbody", "newstext",
	"newscontent", "itemtext", "itembody", "singlecontent", "articledetail", "contentarticle",
	"detailcontent", "articledescription", "mainarticle",
}

// classify turns an element's class, id and component names into flags.
// cache memoises names, which repeat across a page.
func classify(n *html.Node, cache map[string]uint32) uint32 {
	switch n.DataAtom {
	case atom.Html, atom.Body:
		return 0
	}
	var names string
	for _, a := range n.Attr {
		switch a.Key {
		// Component names often say what a block is ("related-links").
		case "class", "id", "data-component", "data-testid", "data-module", "data-type":
			if names == "" {
				names = a.Val
			} else {
				names += " " + a.Val
			}
		}
	}
	if names == "" {
		return 0
	}
	if c, ok := cache[names]; ok {
		return c
	}
	var c, pos uint32
	for _, tok := range strings.Fields(names) {
		f := classifyName(tok)
		if f&fDefinite == 0 {
			pos |= f & (fPos | fBody)
		}
		c |= f
	}
	if c&fBody != 0 {
		c &^= fNeg
	}
	if pos != 0 && c&fDefinite != 0 {
		// "entry share", "node node--type-article node--promoted", "post
		// category-sponsored": the element is an article; the other name
		// is a state, a taxonomy term or a feature it carries. It is
		// weighed as a strong hint, believed only where it is credible.
		c = c&^(fDefinite|fCaption|fPos|fBody) | fStrongNeg
	}
	cache[names] = c
	return c
}

// classifyName classifies one class or id token.
func classifyName(tok string) uint32 {
	t := normName(tok)
	if t == "" {
		return 0
	}
	// In BEM names ("article-body__related") the element part decides.
	if i := strings.LastIndex(tok, "__"); i >= 0 {
		if e := normName(tok[i+2:]); e != "" {
			if f := classifyWord(e); f&(fStrongNeg|fNeg) != 0 {
				return f
			}
		}
	}
	return classifyWord(t)
}

// Kinds of name patterns.
const (
	kBody uint8 = 1 << iota
	kDefinite
	kCaption
	kStrong
	kWeak
	kPos
)

type namePat struct {
	s    string
	kind uint8
}

// nameIndex finds the patterns of the name lists by their first two bytes,
// so a name is scanned once instead of once per pattern: slot[k] is the
// index in groups of the patterns starting with the bytes k (0: none). A
// table rather than a map, as it is probed at every byte of every name. It
// is built once and never changed.
var nameIndex = func() *struct {
	slot   [1 << 16]uint16
	groups [][]namePat
} {
	idx := &struct {
		slot   [1 << 16]uint16
		groups [][]namePat
	}{groups: [][]namePat{nil}}
	add := func(list []string, kind uint8) {
		for _, p := range list {
			k := uint16(p[0])<<8 | uint16(p[1])
			if idx.slot[k] == 0 {
				idx.slot[k] = uint16(len(idx.groups))
				idx.groups = append(idx.groups, nil)
			}
			idx.groups[idx.slot[k]] = append(idx.groups[idx.slot[k]], namePat{p, kind})
		}
	}
	add(bodyNames, kBody)
	add(definiteNegNames, kDefinite)
	add([]string{"caption", "credit", "bildunterschrift", "bildnachweis", "legende", "leyenda", "didascalia", "legenda"}, kCaption)
	add(strongNegNames, kStrong)
	add(weakNegNames, kWeak)
	add(posNames, kPos)
	return idx
}()

// bodyNegSuffixes turn a body name into a part of the body that is not text
// ("articlebodyrelated").
var bodyNegSuffixes = []string{"related", "comment", "caption", "share", "promo", "newsletter", "recommend", "header", "footer", "meta", "byline", "author", "title", "headline", "credit", "tags", "aside"}

func classifyWord(t string) uint32 {
	switch t {
	case "sronly", "visuallyhidden", "screenreader", "screenreaderonly", "screenreadertext", "srtext", "readeronly", "offscreen", "hiddenvisually", "elementinvisible", "assistivetext", "aoffscreen":
		// Text for screen readers ("Opens in a new window") is not read
		// on the page, wherever it sits.
		return fSkip
	case "ad", "ads", "adv", "dfp", "gpt", "adbox", "adcontainer", "sr", "rrail", "rightrail", "leftrail":
		return fStrongNeg | fDefinite
	}
	var kinds uint8
	for i := 0; i+1 < len(t); i++ {
		g := nameIndex.slot[uint16(t[i])<<8|uint16(t[i+1])]
		if g == 0 {
			continue
		}
		for _, p := range nameIndex.groups[g] {
			if strings.HasPrefix(t[i:], p.s) {
				if p.s == "comment" && strings.HasPrefix(t[i:], "commentary") {
					continue
				}
				kinds |= p.kind
			}
		}
	}
	switch {
	case kinds == 0:
		return 0
	case kinds&kBody != 0:
		for _, ns := range bodyNegSuffixes {
			if strings.HasSuffix(t, ns) {
				return fStrongNeg
			}
		}
		return fBody | fPos
	case kinds&kCaption != 0:
		return fStrongNeg | fDefinite | fCaption
	case kinds&kDefinite != 0:
		return fStrongNeg | fDefinite
	case kinds&kStrong != 0:
		return fStrongNeg
	case kinds&kWeak != 0:
		// "article-meta", "post-header": the negative part is the specific one.
		return fNeg
	}
	return fPos
}

// normName lowercases a name and drops separators: "Article-Body_2" ->
// "articlebody2".
func normName(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if b == nil {
				b = make([]byte, 0, len(s))
				b = append(b, s[:i]...)
				b = dropSeps(b)
			}
			b = append(b, c+'a'-'A')
		case c == '-' || c == '_' || c == ' ' || c == ':' || c == '.':
			if b == nil {
				b = make([]byte, 0, len(s))
				b = append(b, s[:i]...)
				b = dropSeps(b)
			}
		default:
			if b != nil {
				b = append(b, c)
			}
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

func dropSeps(b []byte) []byte {
	out := b[:0]
	for _, c := range b {
		if c == '-' || c == '_' || c == ' ' || c == ':' || c == '.' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out = append(out, c)
	}
	return out
}
