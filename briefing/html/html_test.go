package html_test

import (
	"bytes"
	"flag"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
	"github.com/brief-news/brief/briefing/html"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	briefingtest.Golden(t, name, got, *update)
}

func render(t *testing.T, es []briefing.Entry, skipped []briefing.Skipped) string {
	t.Helper()
	b := briefing.Build(es, skipped, briefing.Options{Date: briefingtest.Day})
	var buf bytes.Buffer
	if err := html.Write(&buf, b, html.Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.String()
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name    string
		entries []briefing.Entry
		skipped []briefing.Skipped
	}{
		{"sample", briefingtest.Entries(), briefingtest.Skipped()},
		{"hostile", briefingtest.Hostile(), nil},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name+".golden.html", []byte(render(t, tt.entries, tt.skipped)))
		})
	}
}

// TestWriteIsSafeForMail parses the output of hostile input and checks
// what a mail client would object to: scripts, event handlers, styles or
// resources fetched from elsewhere, links other than http, https and
// mailto, and markup smuggled in through text.
func TestWriteIsSafeForMail(t *testing.T) {
	skipped := []briefing.Skipped{{Source: `<img src="https://tracker.example/x.gif">`, Reason: `<a href="javascript:alert(1)">x</a>`}}
	es := append(briefingtest.Hostile(), briefing.Entry{})
	es[len(es)-1].Article = nil
	out := render(t, es, skipped)
	z := xhtml.NewTokenizer(strings.NewReader(out))
	allowed := map[string]bool{"html": true, "head": true, "meta": true, "title": true, "body": true, "table": true,
		"tr": true, "td": true, "h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true, "li": true,
		"a": true, "b": true, "i": true, "br": true, "span": true,
		// The picture of the day: plain shapes and text, no <use>,
		// <image>, <foreignObject> or <script>.
		"svg": true, "desc": true, "rect": true, "text": true, "tspan": true}
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
				t.Errorf("element <%s> in output", tok.Data)
			}
			for _, a := range tok.Attr {
				switch {
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("event handler %s=%q on <%s>", a.Key, a.Val, tok.Data)
				case a.Key == "src":
					t.Errorf("external resource %q on <%s>", a.Val, tok.Data)
				case a.Key == "href" && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") && !strings.HasPrefix(a.Val, "mailto:"):
					t.Errorf("link to %q", a.Val)
				case a.Key == "style" && strings.Contains(a.Val, "url("):
					t.Errorf("style fetches %q", a.Val)
				}
			}
		case xhtml.TextToken:
			text.WriteString(tok.Data)
		}
	}
	// The hostile markup survives as text, visibly.
	for _, want := range []string{`<script>alert("x")</script>`, `<img src=x onerror=alert(1)>`, `{{.Title}}`, `<img src="https://tracker.example/x.gif">`} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

// TestChart checks the picture of the day: one bar per region, one
// rectangle per country (and one for stories in no country), widths in
// proportion, names escaped.
func TestChart(t *testing.T) {
	g := briefing.Glance{Regions: []briefing.RegionCount{
		{Name: "Europe", Stories: 4, Countries: []briefing.CountryCount{{Code: "NL", Name: "Netherlands", Stories: 3}, {Code: "BE", Name: "Belgium", Stories: 1}}},
		{Name: "<Global>", Stories: 2},
	}}
	svg := string(html.Chart(g))
	if !strings.HasPrefix(svg, "<svg") || !strings.HasSuffix(svg, "</svg>") {
		t.Fatalf("Chart = %q, want one <svg> element", svg)
	}
	rects := regexp.MustCompile(`<rect x="([\d.]+)" y="\d+" width="([\d.]+)"`).FindAllStringSubmatch(svg, -1)
	if len(rects) != 3 {
		t.Fatalf("Chart has %d rectangles, want 3 (NL, BE, no country):\n%s", len(rects), svg)
	}
	w := func(i int) float64 { f, _ := strconv.ParseFloat(rects[i][2], 64); return f }
	if w(0) != 3*w(1) || w(2) != 2*w(1) {
		t.Errorf("widths %v, %v, %v: want 3:1:2", w(0), w(1), w(2))
	}
	for _, want := range []string{">NL</text>", "&lt;Global&gt;", "Netherlands: 3"} {
		if !strings.Contains(svg, want) {
			t.Errorf("Chart lacks %q:\n%s", want, svg)
		}
	}
	if got := html.Chart(briefing.Glance{}); got != "" {
		t.Errorf("Chart(no regions) = %q, want \"\"", got)
	}
}

func TestURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://a.example/x?y=1&z=2", "https://a.example/x?y=1&z=2"},
		{" http://a.example ", "http://a.example"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"data:text/html,<b>x</b>", ""},
		{"//a.example/x", ""},
		{"mailto:desk@a.example", "mailto:desk@a.example"},
	}
	for _, tt := range tests {
		if got := html.URL(tt.in); got != tt.want {
			t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteCustomTemplate(t *testing.T) {
	b := briefing.Build(briefingtest.Hostile(), nil, briefing.Options{})
	var buf bytes.Buffer
	err := html.Write(&buf, b, html.Options{Template: `{{range .Sections}}{{range .Stories}}<p>{{.Headline}}</p>{{end}}{{end}}`})
	if err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); strings.Contains(got, "<script>") || !strings.Contains(got, "&lt;script&gt;") {
		t.Errorf("custom template output = %q, want the title escaped", got)
	}
	if err := html.Write(&buf, b, html.Options{Template: "{{.Nope"}); err == nil {
		t.Error("Write with a broken template: no error")
	}
}

func ExampleWrite() {
	b := briefing.Build(nil, nil, briefing.Options{Title: "Morning <brief>"})
	var buf bytes.Buffer
	if err := html.Write(&buf, b, html.Options{Template: `<h1>{{.Title}}</h1>`}); err != nil {
		fmt.Println(err)
	}
	fmt.Println(buf.String())
	// Output: <h1>Morning &lt;brief&gt;</h1>
}
