package article_test

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

// Feeds written for FuzzFeed: RSS 2.0, Atom, RDF and JSON Feed, with
// relative links, links carrying credentials, odd dates and markup.
var feedSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour news</title><link>https://news.example/</link>
<item><title>Terminal approved</title><link>/2026/11/terminal</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title><![CDATA[Cranes <b>repaired</b>]]></title><link>https://user:secret@news.example/cranes</link><pubDate>yesterday</pubDate></item>
<item><title>No link</title></item>
<item><link>javascript:alert(1)</link></item>
</channel></rss>`,
	`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><link href="https://desk.example/"/>
<entry><title>Rail line funded</title><link href="rail" rel="alternate"/><updated>2026-11-24T09:00:00Z</updated></entry>
<entry><title>Two links</title><link href="https://token@desk.example/a"/><link href="https://desk.example/b"/><published>2026-13-45T99:00:00Z</published></entry>
</feed>`,
	`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link></channel>
<item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link></item></rdf:RDF>`,
	`{"version":"https://jsonfeed.org/version/1.1","title":"JSON desk","home_page_url":"https://json.example/",
"items":[{"id":"1","url":"https://json.example/story","title":"Port","date_published":"2026-11-24T10:00:00Z"},
{"id":"2","url":"/relative","title":"Rel"},{"id":"3","external_url":"https://elsewhere.example/x"}]}`,
	`<rss version="2.0"><channel><item><link>http://[::1]:80/x</link></item><item><link>http://%zz/</link></item></channel></rss>`,
	`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="&#104;ttps://ent.example/&amp;x"/></entry>`,
}

// FuzzFeed checks that no feed, read from a file or from stdin, makes
// expansion panic, that every source either carries an error or an http(s)
// URL to fetch, and that no source's ID shows a password.
func FuzzFeed(f *testing.F) {
	for _, s := range feedSeeds {
		for mode := range byte(3) {
			f.Add([]byte(s), mode)
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte, mode byte) {
		l := &article.Loader{}
		var in string
		switch mode % 3 {
		case 0, 1:
			in = filepath.Join(dir, "feed"+[]string{".xml", ".json"}[mode%3])
			if err := os.WriteFile(in, b, 0o644); err != nil {
				t.Fatal(err)
			}
		default:
			in = "-"
			l.Stdin = bytes.NewReader(b)
		}
		for _, s := range l.Expand(context.Background(), []string{in}) {
			if s.ID == "" {
				t.Errorf("source without an ID: %+v", s)
			}
			if s.Err != nil {
				continue
			}
			if s.URL != "" {
				u, err := url.Parse(s.URL)
				if err != nil || !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https") {
					t.Errorf("source URL %q is not an http(s) URL", s.URL)
				}
			}
			if u, err := url.Parse(s.ID); err == nil && u.User != nil {
				if p, ok := u.User.Password(); ok && p != "xxxxx" {
					t.Errorf("source ID %q shows a password", s.ID)
				}
			}
			if s.URL == "" && s.Path == "" && s.Inline == nil {
				t.Errorf("source %q has nothing to load", s.ID)
			}
			if strings.ContainsAny(s.ID, "\n\r") && s.Inline == nil {
				t.Errorf("source ID %q spans lines", s.ID)
			}
		}
	})
}
