package article_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

// TestNoControlCharacters checks that control characters in a page, a
// text file or a JSONL record (terminal escapes, BEL, C1 controls) reach
// no field of the article: they would drive the terminal that shows it.
func TestNoControlCharacters(t *testing.T) {
	const esc = "\x1b[31mred\x1b[0m \x1b]0;title\x07 \u009b2J \x7f"
	page := `<html><head><title>Harbour ` + esc + ` reopens</title><meta name="author" content="Ana ` + esc + ` Lima">
<meta property="og:site_name" content="Port ` + esc + ` News"></head><body><article>
<p>LAGOS — The harbour ` + esc + ` reopened on Monday after repairs to the main quay, the port authority said.</p>
<p>Ships queued outside the breakwater ` + esc + ` for most of the week, officials said on Tuesday.</p></article></body></html>`
	text := "Harbour " + esc + " reopens\n\nLAGOS — The harbour " + esc + " reopened on Monday after repairs to the main quay, the port authority said on Tuesday.\n"
	jsonl := `{"id":"r1","title":"Harbour \u001b[31mred\u001b[0m reopens","byline":"Ana \u0007Lima","text":"The harbour \u001b[2J reopened on Monday after repairs to the main quay, officials said."}` + "\n"
	for _, tt := range []struct{ name, in string }{{"html", page}, {"text", text}, {"jsonl", jsonl}} {
		t.Run(tt.name, func(t *testing.T) {
			l := &article.Loader{Stdin: bytes.NewReader([]byte(tt.in))}
			srcs := l.Expand(context.Background(), []string{"-"})
			if len(srcs) != 1 {
				t.Fatalf("Expand gave %d sources, want 1", len(srcs))
			}
			a, err := l.Load(context.Background(), srcs[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range append([]string{a.Title, a.Byline, a.Site, a.Section, a.Dateline}, a.Paragraphs...) {
				if i := strings.IndexFunc(f, func(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }); i >= 0 {
					t.Errorf("field %q has control character %U", f, []rune(f[i:])[0])
				}
			}
			if !strings.Contains(a.Text(), "reopened on Monday") {
				t.Errorf("text = %q, want the paragraph kept", a.Text())
			}
		})
	}
}
