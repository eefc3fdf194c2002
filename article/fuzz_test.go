package article_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
)

// FuzzExtract checks that Extract never panics and always returns valid
// UTF-8, on inputs grown from the fixture pages.
func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "pages", "*", "source.html"))
	for _, p := range pages {
		f.Add(mustReadFile(f, p))
	}
	f.Add([]byte(sampleHTML))
	f.Add([]byte("<p>\xff\xfe broken \xc3 bytes</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := article.Extract(bytes.NewReader(b), nil)
		if err != nil {
			if a != nil {
				t.Errorf("Extract returned an article and an error")
			}
			return
		}
		for _, s := range append([]string{a.Text(), a.Title, a.Byline, a.Site, a.Section, a.Dateline}, a.Paragraphs...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		for _, p := range a.Paragraphs {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("empty paragraph in %q", a.Paragraphs)
			}
		}
	})
}

// FuzzJSONL checks that stdin reading (JSONL, URL lists, text) never panics,
// and that every source either loads or carries an error.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"T","text":"Para one.\n\nPara two.","published":"2024-01-02"}` + "\n" + `{"id":"b","html":"<p>x</p>"}`))
	f.Add([]byte("{broken\n{\"id\":1,\"text\":\"ok text here\"}\n"))
	f.Add([]byte("https://example.com/a\nnot a url\n"))
	f.Add([]byte(`{"url":"https://example.com/x","published":"yesterday"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		l := &article.Loader{Stdin: bytes.NewReader(b)}
		for _, s := range l.Expand(context.Background(), []string{"-"}) {
			if s.URL != "" {
				continue // would fetch
			}
			a, err := l.Load(context.Background(), s)
			if err == nil && (a == nil || !utf8.ValidString(a.Text())) {
				t.Fatalf("Load(%q) gave %v without error", s.ID, a)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Fatalf("error spans lines: %q", err)
			}
		}
	})
}

func TestDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>")
	for range 100000 {
		b.WriteString("<div>")
	}
	b.WriteString("<p>A paragraph buried very deep in the document, long enough to count as prose in any reasonable reading of the rules.</p>")
	a, err := article.Extract(strings.NewReader(b.String()), nil)
	if err != nil {
		t.Fatalf("Extract(deep) error = %v", err)
	}
	if !strings.Contains(a.Text(), "buried very deep") {
		t.Errorf("Extract(deep) text = %q", a.Text())
	}
}

func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	para := "<p>" + strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 20) + "</p>\n"
	var b bytes.Buffer
	b.WriteString("<html><body><article>")
	for b.Len() < 50<<20 {
		b.WriteString(para)
	}
	a, err := article.Extract(&b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) == 0 {
		t.Error("no paragraphs")
	}
}
