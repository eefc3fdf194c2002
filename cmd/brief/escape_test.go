package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/russross/blackfriday/v2"
	xhtml "golang.org/x/net/html"
)

// hostilePage is a news page whose title, site name, text and quote carry
// HTML, Markdown and template syntax, and characters that mean something
// in PDF strings. Entities keep the markup as text through extraction.
const hostilePage = `<html><head>
<title>&lt;script&gt;alert(1)&lt;/script&gt; *Bold* [click](javascript:alert(1)) {{.Title}} \ (paren) Tj | # not a heading</title>
<meta property="og:site_name" content="&lt;b&gt;Evil&lt;/b&gt; | Co">
<link rel="canonical" href="https://evil.example/story"></head><body><article>
<p>LAGOS — The port authority approved a &lt;img src=x onerror=alert(1)&gt; terminal on Monday, **the ministry** said in a [statement](http://x) {{template "x"}}.</p>
<p>"We said &lt;b&gt;no&lt;/b&gt; to *everything* and {{.Secret}} twice," said Ana Lima, the port's director.</p>
<p>Work on the terminal is due to start next year and will take four years to finish, officials said on Monday.</p>
</article></body></html>`

// hostileLiterals must each show as text, unchanged, in every rendering.
var hostileLiterals = []string{
	`<script>alert(1)</script> *Bold* [click](javascript:alert(1)) {{.Title}}`,
	`<b>Evil</b> | Co`,
	`<img src=x onerror=alert(1)>`,
	`the ministry said in a [statement](http://x) {{template "x"}}`,
	`We said <b>no</b> to *everything* and {{.Secret}} twice`,
}

// htmlText parses an HTML document and returns its text, failing the
// test for any element that hostile text could have brought in: scripts,
// images, bold or italic markup from article text, links other than the
// article's, event handlers.
func htmlText(t *testing.T, name, doc string, allowed map[string]bool, bareURLs bool) string {
	t.Helper()
	z := xhtml.NewTokenizer(strings.NewReader(doc))
	var text strings.Builder
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			if !allowed[tok.Data] {
				t.Errorf("%s: element <%s> in output", name, tok.Data)
			}
			for _, a := range tok.Attr {
				switch {
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("%s: event handler %s on <%s>", name, a.Key, tok.Data)
				case a.Key == "href" && a.Val != "https://evil.example/story" && !(bareURLs && a.Val == "http://x"):
					t.Errorf("%s: link to %q", name, a.Val)
				case a.Key == "src":
					t.Errorf("%s: resource %q on <%s>", name, a.Val, tok.Data)
				}
			}
		case xhtml.TextToken:
			text.WriteString(tok.Data)
		}
	}
	return strings.Join(strings.Fields(text.String()), " ")
}

// markdownText renders Markdown with a real renderer (blackfriday, with
// its common extensions, typographic quotes off) and checks the HTML it
// makes. A bare URL in article text may become a link to itself, as
// GitHub-flavoured Markdown makes it.
func markdownText(t *testing.T, name, md string) string {
	t.Helper()
	out := blackfriday.Run([]byte(md), blackfriday.WithRenderer(blackfriday.NewHTMLRenderer(
		blackfriday.HTMLRendererParameters{Flags: blackfriday.UseXHTML})))
	allowed := map[string]bool{"h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true, "li": true,
		"a": true, "em": true, "strong": true, "blockquote": true, "hr": true, "br": true}
	text := htmlText(t, name, string(out), allowed, true)
	// Emphasis in the output comes from the template (dates, region
	// names), never from article text.
	z := xhtml.NewTokenizer(bytes.NewReader(out))
	depth := 0
	for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
		tok := z.Token()
		switch {
		case tt == xhtml.StartTagToken && (tok.Data == "em" || tok.Data == "strong"):
			depth++
		case tt == xhtml.EndTagToken && (tok.Data == "em" || tok.Data == "strong"):
			depth--
		case tt == xhtml.TextToken && depth > 0:
			for _, w := range []string{"Bold", "the ministry", "everything"} {
				if strings.Contains(tok.Data, w) {
					t.Errorf("%s: article text %q rendered as emphasis", name, tok.Data)
				}
			}
		}
	}
	if regexp.MustCompile(`<h[1-6][^>]*>\s*not a heading`).Match(out) {
		t.Errorf("%s: a heading made from article text:\n%s", name, out)
	}
	return text
}

// TestHostileTextRendersInert runs a page full of markup through
// brief summarize -f md and brief briefing in every format, and checks
// that the markup shows as text and does nothing.
func TestHostileTextRendersInert(t *testing.T) {
	h := newHarness(t)
	in := writeTestFile(t, filepath.Join(h.dir, "in", "hostile.html"), hostilePage)
	check := func(name, text string) {
		t.Helper()
		for _, lit := range hostileLiterals {
			if !strings.Contains(text, lit) {
				t.Errorf("%s: text lacks %q:\n%s", name, lit, text)
			}
		}
	}

	md := h.mustRun(0, "", "summarize", "-f", "md", in)
	check("summarize -f md", markdownText(t, "summarize -f md", md))

	md = h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", "md", in)
	check("briefing -f md", markdownText(t, "briefing -f md", md))

	doc := h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", "html", in)
	allowed := map[string]bool{"html": true, "head": true, "meta": true, "title": true, "body": true, "table": true,
		"tr": true, "td": true, "h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true, "li": true,
		"a": true, "b": true, "i": true, "br": true, "span": true,
		// the picture of the day: inline SVG shapes and text only
		"svg": true, "desc": true, "rect": true, "text": true, "tspan": true}
	check("briefing -f html", htmlText(t, "briefing -f html", doc, allowed, false))

	raw := h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", "json", in)
	var b jsonBriefing
	if err := json.Unmarshal([]byte(raw), &b); err != nil || len(b.Sections) != 1 {
		t.Fatalf("briefing -f json: %v, %d sections\n%s", err, len(b.Sections), raw)
	}
	if got := b.Sections[0].Stories[0].Article.Title; !strings.HasPrefix(got, hostileLiterals[0]) {
		t.Errorf("briefing -f json: title = %q, want it unchanged", got)
	}
	check("briefing -f json", strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&", `\"`, `"`).Replace(raw))

	pdfPath := filepath.Join(h.dir, "hostile.pdf")
	h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", "pdf", "-o", pdfPath, in)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext to read the PDF")
	}
	out, err := exec.Command("pdftotext", "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	if !strings.Contains(text, `\ (paren) Tj`) {
		t.Errorf("briefing -f pdf: PDF string syntax in the title did not survive as text:\n%s", text)
	}
	for _, lit := range hostileLiterals {
		// Long lines wrap in the PDF: look for each word in order.
		at := 0
		for _, w := range strings.Fields(lit) {
			i := strings.Index(text[at:], w)
			if i < 0 {
				t.Errorf("briefing -f pdf: text lacks %q (of %q):\n%s", w, lit, text)
				break
			}
			at += i + len(w)
		}
	}
	if fi, err := os.Stat(pdfPath); err != nil || fi.Size() == 0 {
		t.Errorf("no PDF written: %v", err)
	}
}
