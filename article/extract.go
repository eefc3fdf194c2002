package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// ErrNoContent reports a page with no readable article text.
var ErrNoContent = errors.New("article: no readable content")

// Reasons an UnreadableError gives.
const (
	ReasonTooShort    = "too_short"
	ReasonConsentWall = "consent_wall"
	ReasonPaywall     = "paywall"
)

// UnreadableError reports a page that has a body, but not the article: a
// paywall, a cookie-consent wall, or a page that needs JavaScript. It
// matches ErrNoContent with errors.Is.
type UnreadableError struct {
	// Reason is one of ReasonTooShort, ReasonConsentWall, ReasonPaywall.
	Reason string
}

func (e *UnreadableError) Error() string {
	return "article: unreadable page: " + e.Reason
}

// Is makes errors.Is(err, ErrNoContent) true.
func (e *UnreadableError) Is(target error) bool { return target == ErrNoContent }

// MaxExtractBytes caps how much of a document Extract parses; the rest of a
// larger document is ignored.
const MaxExtractBytes = 10 << 20

// Extract parses an HTML document and returns its main article text and
// metadata. base, when non-nil, is the page's address, used to resolve
// relative links and as a source of the date and site name. The document's
// charset is taken from a BOM, a <meta> declaration, or sniffed. Extract is
// pure: it does no I/O beyond reading r and reads no clock, so it sets no
// upper bound on the published time (see ExtractOptions.Now). It returns
// ErrNoContent (or an *UnreadableError) when the page holds no article text.
func Extract(r io.Reader, base *url.URL) (*Article, error) {
	return ExtractOptions{}.Extract(r, base)
}

// ExtractOptions configures extraction. The zero value is what Extract does.
type ExtractOptions struct {
	// Now, when set, gives the time of reading: a published date later
	// than Now (with a day of slack for time zones and clock skew) is taken
	// for a mistake and the next candidate is used. nil sets no bound.
	Now func() time.Time
}

// Extract is the package-level Extract with these options.
func (o ExtractOptions) Extract(r io.Reader, base *url.URL) (*Article, error) {
	b, err := readAll(r, MaxExtractBytes)
	if err != nil {
		return nil, fmt.Errorf("read html: %w", err)
	}
	return extractBytes(b, base, "", o.now())
}

// readAll reads r up to limit bytes, in one buffer of the right size when
// r knows how much it holds (bytes.Reader, strings.Reader, bytes.Buffer).
func readAll(r io.Reader, limit int64) ([]byte, error) {
	if l, ok := r.(interface{ Len() int }); ok {
		var buf bytes.Buffer
		buf.Grow(int(min(int64(l.Len()), limit)) + bytes.MinRead)
		_, err := buf.ReadFrom(io.LimitReader(r, limit))
		return buf.Bytes(), err
	}
	return io.ReadAll(io.LimitReader(r, limit))
}

// now returns the bound on published times, zero for none.
func (o ExtractOptions) now() time.Time {
	if o.Now == nil {
		return time.Time{}
	}
	return o.Now()
}

// extractBytes is Extract over a byte slice; contentType may carry a
// charset from an HTTP header, and a non-zero now bounds the published time.
func extractBytes(b []byte, base *url.URL, contentType string, now time.Time) (*Article, error) {
	if len(b) > MaxExtractBytes {
		b = b[:MaxExtractBytes]
	}
	b = toUTF8(b, contentType)
	doc, err := html.Parse(bytes.NewReader(b))
	a := &Article{Sources: map[string]string{}}
	if base != nil {
		a.URL = redactUserinfo(base)
	}
	if err != nil {
		// The parser refuses absurdly deep documents; fall back to reading
		// paragraphs off the token stream.
		a.Paragraphs = tokenParagraphs(b)
		return finish(a, "", false)
	}
	page := goquery.NewDocumentFromNode(doc)
	mc := readMeta(page)
	ld := parseLD(mc.ldScripts)
	fillMeta(a, mc, ld, base, now)
	nodes := flatten(doc, selectHints(page))

	var paras []para
	if c := score(nodes); c >= 0 {
		paras = emit(nodes, c, a.Title, a.Byline)
	}
	got := 0
	for _, p := range paras {
		got += p.runes
	}
	// JSON-LD articleBody is the publisher's own statement of the text:
	// prefer it when the page yields much less.
	if ld.body != "" {
		lp := ldParagraphs(ld.body)
		n := 0
		for _, p := range lp {
			n += utf8.RuneCountInString(p)
		}
		if n >= 200 && float64(got) < 0.6*float64(n) {
			a.Paragraphs = lp
			a.Sources["text"] = "jsonld"
			return finish(a, mc.lang, ld.paywalled)
		}
	}
	// A very short result: try the plain "all good paragraphs" reading.
	if got < 250 {
		simple := goodBlocks(nodes)
		n := 0
		for _, p := range simple {
			n += p.runes
		}
		if n > got*3/2+50 {
			paras, got = simple, n
		}
	}
	a.Paragraphs = make([]string, 0, len(paras))
	for _, p := range paras {
		a.Paragraphs = append(a.Paragraphs, p.text)
	}
	return finish(a, mc.lang, ld.paywalled)
}

// finish detects the dateline, the language when markup is silent, and
// unreadable pages.
func finish(a *Article, _ string, paywalled bool) (*Article, error) {
	if len(a.Paragraphs) == 0 {
		if paywalled {
			return nil, &UnreadableError{Reason: ReasonPaywall}
		}
		return nil, ErrNoContent
	}
	if reason := unreadable(a.Paragraphs, paywalled); reason != "" {
		return nil, &UnreadableError{Reason: reason}
	}
	if a.Dateline == "" {
		if d := detectDateline(a.Paragraphs[0]); d != "" {
			a.Dateline = d
			a.Sources["dateline"] = "heuristic"
		}
	}
	setLanguage(a)
	return a, nil
}

// setLanguage detects the article's language from its text when nothing
// declared it, or when the text says clearly that the declaration is
// wrong (themes ship lang="en" on pages in every language).
func setLanguage(a *Article) {
	l, sure := detectLanguage(a.Paragraphs)
	if l == "" || a.Language == l || a.Language != "" && (!sure || sameLanguage(a.Language, l)) {
		return
	}
	a.Language = l
	a.Sources["language"] = "text"
}

// sameLanguage reports codes that name one language, or two the detector
// cannot tell apart (Norwegian "no", "nb", "nn" and Danish).
func sameLanguage(a, b string) bool {
	norse := func(s string) bool { return s == "no" || s == "nb" || s == "nn" || s == "da" }
	return norse(a) && norse(b)
}

// unreadable names why paragraphs are a wall rather than an article, or
// returns "".
func unreadable(ps []string, paywalled bool) string {
	n := 0
	for _, p := range ps {
		for _, r := range p {
			n++
			if r >= 0x2e80 && r < 0xfe30 {
				n += 2 // a CJK character says about as much as a short word
			}
		}
	}
	if n >= 1500 {
		return ""
	}
	text := strings.ToLower(strings.Join(ps, " "))
	if n < 500 && (strings.Contains(text, "cookie") && (strings.Contains(text, "accept") || strings.Contains(text, "consent") ||
		strings.Contains(text, "manage") || strings.Contains(text, "agree") || strings.Contains(text, "settings")) ||
		strings.Contains(text, "we value your privacy") || strings.Contains(text, "your consent")) {
		return ReasonConsentWall
	}
	if paywalled && n < 150 {
		return ReasonPaywall
	}
	if n < 300 && (strings.Contains(text, "subscribe") || strings.Contains(text, "subscription")) && (strings.Contains(text, "to continue reading") || strings.Contains(text, "to read") || strings.Contains(text, "already a subscriber") || strings.Contains(text, "log in")) {
		return ReasonPaywall
	}
	if n < 300 && (strings.Contains(text, "enable javascript") || strings.Contains(text, "javascript is disabled") || strings.Contains(text, "javascript is required") || strings.Contains(text, "turn on javascript")) {
		return ReasonTooShort
	}
	if n < 80 {
		return ReasonTooShort
	}
	return ""
}

// goodBlocks reads every good paragraph of the page outside nav, aside,
// footer and strongly boilerplate-named blocks: the simple reading used
// when the container choice yields next to nothing.
func goodBlocks(nodes []node) []para {
	var out []para
	var b strings.Builder
	cur := int32(-1)
	ok := false
	flush := func() {
		if ok && b.Len() > 0 {
			if t := collapse(b.String()); t != "" {
				out = append(out, para{text: t, runes: utf8.RuneCountInString(t)})
			}
		}
		b.Reset()
	}
	for i := range nodes {
		nd := &nodes[i]
		if nd.flags&fText == 0 || nd.owner < 0 {
			continue
		}
		if nd.owner != cur {
			flush()
			cur = nd.owner
			ob := &nodes[cur]
			_, g := blockWeight(ob)
			ok = g > 0 && ob.flags&(fBoiler|fInStrongNeg|fInDefinite|fFigure) == 0
		}
		if ok {
			b.WriteString(nd.n.Data)
		}
	}
	flush()
	return out
}

// paraGap is the end of a sentence followed by two or more spaces.
var paraGap = regexp.MustCompile(`([.!?…"”»])[ \t\x{a0}]{2,}`)

// ldParagraphs splits a JSON-LD articleBody into paragraphs; bodies that
// carry HTML are reduced to their text.
func ldParagraphs(body string) []string {
	if strings.Contains(body, "</") || strings.Contains(body, "<p") || strings.Contains(body, "<br") {
		body = strings.NewReplacer("</p>", "\n\n", "<br>", "\n", "<br/>", "\n", "<br />", "\n").Replace(body)
		var b strings.Builder
		z := html.NewTokenizer(strings.NewReader(body))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt == html.TextToken {
				b.Write(z.Text())
			}
		}
		body = b.String()
	} else {
		body = html.UnescapeString(body)
	}
	if !strings.Contains(body, "\n") {
		// Bodies stripped of their <p> tags often keep a double space
		// where a paragraph ended.
		body = paraGap.ReplaceAllString(body, "$1\n")
	}
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		if p = collapse(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// tokenParagraphs reads the text of <p>-like elements off the token stream;
// it needs no tree, so it copes with documents the parser refuses.
func tokenParagraphs(b []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(b))
	var out []string
	var cur strings.Builder
	skip := 0
	flush := func() {
		if t := collapse(cur.String()); utf8.RuneCountInString(t) >= 30 {
			out = append(out, t)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			if blockTags[a] || a == atom.Br {
				flush()
			}
		}
	}
}

// toUTF8 decodes b to UTF-8 using the charset from contentType, a BOM, a
// <meta> declaration or sniffing. A page declared in a legacy charset that
// is valid UTF-8 with non-ASCII text is read as UTF-8 (declarations are
// often wrong); a decoder error also falls back to UTF-8.
func toUTF8(b []byte, contentType string) []byte {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	enc, name, certain := charset.DetermineEncoding(head, contentType)
	if !certain {
		// The prescan reads only the first 1024 bytes; portals often
		// declare the charset after a long inline style or script.
		if e, n := laterCharset(b); e != nil {
			enc, name = e, n
		}
	}
	if name == "utf-8" || enc == nil {
		return b
	}
	if utf8.Valid(b) && hasNonASCII(b) {
		return b
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	return out
}

// laterCharset looks for a <meta> charset declaration in the head beyond
// the first 1024 bytes (up to 64 KiB, before <body>) and returns its
// encoding, or nil.
func laterCharset(b []byte) (encoding.Encoding, string) {
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	for {
		i := indexFold(b, "<meta")
		if i < 0 {
			return nil, ""
		}
		b = b[i+5:]
		end := bytes.IndexByte(b, '>')
		if end < 0 {
			return nil, ""
		}
		tag := b[:end]
		if j := indexFold(tag, "charset"); j >= 0 {
			v := bytes.TrimLeft(tag[j+7:], " \t\r\n")
			if len(v) > 0 && v[0] == '=' {
				v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
				k := 0
				for k < len(v) && k < 40 && (v[k] == '-' || v[k] == '_' || v[k] == ':' || v[k] == '.' ||
					v[k] >= '0' && v[k] <= '9' || v[k]|0x20 >= 'a' && v[k]|0x20 <= 'z') {
					k++
				}
				if k >= 2 {
					if e, name := charset.Lookup(string(v[:k])); e != nil {
						return e, name
					}
				}
			}
		}
		b = b[end:]
	}
}

// indexFold is bytes.Index for an ASCII lower-case needle, ignoring the
// case of b.
func indexFold(b []byte, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(b); i++ {
		c := b[i] | 0x20
		if c != needle[0] {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if b[i+k]|0x20 != needle[k] && !(needle[k] < 'a' && b[i+k] == needle[k]) {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
