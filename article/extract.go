package article

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ErrNoContent reports a page with no readable article text.
var ErrNoContent = errors.New("article: no readable content")

// Extract parses an HTML document and returns its main article text and
// metadata. base, when non-nil, is the page's address, used to resolve
// relative links. Extract does no I/O beyond reading r.
// TODO(extraction issue): readability scoring, metadata; this is a placeholder.
func Extract(r io.Reader, base *url.URL) (*Article, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	a := &Article{Title: strings.TrimSpace(doc.Find("title").First().Text())}
	if base != nil {
		a.URL = base.String()
	}
	doc.Find("p").Each(func(_ int, s *goquery.Selection) {
		if t := strings.Join(strings.Fields(s.Text()), " "); t != "" {
			a.Paragraphs = append(a.Paragraphs, t)
		}
	})
	if len(a.Paragraphs) == 0 {
		return nil, ErrNoContent
	}
	return a, nil
}

// FromText builds an article from plain text: paragraphs are separated by
// blank lines; a short first line without final punctuation is the title.
func FromText(s string) (*Article, error) {
	a := &Article{}
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			a.Paragraphs = append(a.Paragraphs, p)
		}
	}
	if len(a.Paragraphs) == 0 {
		return nil, ErrNoContent
	}
	return a, nil
}
