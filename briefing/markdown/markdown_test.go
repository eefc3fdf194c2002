package markdown_test

import (
	"bytes"
	"flag"
	"strings"
	"testing"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
	"github.com/brief-news/brief/briefing/markdown"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	briefingtest.Golden(t, name, got, *update)
}

func TestWrite(t *testing.T) {
	const custom = `{{md .Title}}|{{range .Sections}}{{.Name}}:{{len .Stories}};{{end}}|{{len .Skipped}}` + "\n"
	tests := []struct {
		name     string
		entries  []briefing.Entry
		skipped  []briefing.Skipped
		template string
	}{
		{"sample", briefingtest.Entries(), briefingtest.Skipped(), ""},
		{"hostile", briefingtest.Hostile(), nil, ""},
		{"empty", nil, nil, ""},
		{"custom", briefingtest.Entries(), briefingtest.Skipped(), custom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := briefing.Build(tt.entries, tt.skipped, briefing.Options{Date: briefingtest.Day})
			var buf bytes.Buffer
			if err := markdown.Write(&buf, b, markdown.Options{Template: tt.template}); err != nil {
				t.Fatalf("Write: %v", err)
			}
			golden(t, tt.name+".golden.md", buf.Bytes())
		})
	}
}

func TestWriteEscapes(t *testing.T) {
	b := briefing.Build(briefingtest.Hostile(), []briefing.Skipped{{Source: "<evil>.html", Reason: "*bad* [x](y)"}}, briefing.Options{})
	var buf bytes.Buffer
	if err := markdown.Write(&buf, b, markdown.Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<img", "<b>", "<i>", "<evil>", "{{", " *Bold*", "[link](http://x)", "**stars**", "*bad*", "`Mallory`", "\n# not"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q unescaped:\n%s", bad, out)
		}
	}
	for _, good := range []string{`&lt;script&gt;`, `\*Bold\*`, `\[link\](http://x)`, `\{\{.Title\}\}`, `\*\*stars\*\*`} {
		if !strings.Contains(out, good) {
			t.Errorf("output lacks %q:\n%s", good, out)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"*a* _b_ `c`", `\*a\* \_b\_ \` + "`c\\`"},
		{"[x](y)", `\[x\](y)`},
		{"<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"},
		{"# head", `\# head`},
		{"- item", `\- item`},
		{"1. first", `1\. first`},
		{"2026 was", "2026 was"},
		{"a\n\nb\tc", "a b c"},
		{"{{.X}}", `\{\{.X\}\}`},
		{"a | b ~c~", `a \| b \~c\~`},
	}
	for _, tt := range tests {
		if got := markdown.Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://a.example/x", "https://a.example/x"},
		{"https://a.example/a b(c)", "https://a.example/a%20b%28c%29"},
		{"javascript:alert(1)", ""},
		{"/relative/path", ""},
		{"https://", ""},
		{"mailto:desk@a.example", "mailto:desk@a.example"},
		{"https://a.example/?q=<x>", "https://a.example/?q=%3Cx%3E"},
	}
	for _, tt := range tests {
		if got := markdown.URL(tt.in); got != tt.want {
			t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteBadTemplate(t *testing.T) {
	b := briefing.Build(nil, nil, briefing.Options{})
	for _, tmpl := range []string{"{{.Title", "{{.NoSuchField}}"} {
		if err := markdown.Write(&bytes.Buffer{}, b, markdown.Options{Template: tmpl}); err == nil {
			t.Errorf("Write with template %q: no error", tmpl)
		}
	}
}

// BenchmarkBuildMarkdown builds and renders a briefing of 1,000 synthetic
// entries, the target being under 0.5 s on one core.
func BenchmarkBuildMarkdown(b *testing.B) {
	es := briefingtest.Synthetic(1000, 1)
	for b.Loop() {
		br := briefing.Build(es, nil, briefing.Options{Date: briefingtest.Day})
		if err := markdown.Write(&bytes.Buffer{}, br, markdown.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzEscape checks that Escape leaves no character Markdown would act on
// unescaped, and no line break.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "*a*", "[x](y)", "<script>", "{{.}}", "1. x", "- x", "\\*", "a\nb", "&amp;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := markdown.Escape(s)
		if strings.ContainsAny(got, "<>\n\r") {
			t.Fatalf("Escape(%q) = %q holds <, > or a line break", s, got)
		}
		for i := 0; i < len(got); i++ {
			if strings.IndexByte("*_[]`#|~{}", got[i]) < 0 {
				continue
			}
			// Count the backslashes before it: an odd number escapes it.
			n := 0
			for j := i - 1; j >= 0 && got[j] == '\\'; j-- {
				n++
			}
			if n%2 == 0 {
				t.Fatalf("Escape(%q) = %q leaves %q at %d unescaped", s, got, got[i], i)
			}
		}
	})
}
