package article_test

import (
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
)

// want is a fixture's expectations; absent fields are not checked.
type want struct {
	URL          string            `json:"url"`
	Error        string            `json:"error"`
	Title        *string           `json:"title"`
	Byline       *string           `json:"byline"`
	Published    *string           `json:"published"`
	Section      *string           `json:"section"`
	Site         *string           `json:"site"`
	Language     *string           `json:"language"`
	Dateline     *string           `json:"dateline"`
	CanonicalURL *string           `json:"canonical_url"`
	Location     *string           `json:"location"`
	Sources      map[string]string `json:"sources"`
	First        string            `json:"first"`
	Last         string            `json:"last"`
	Paragraphs   int               `json:"paragraphs"`
	Contains     []string          `json:"contains"`
	Excludes     []string          `json:"excludes"`
}

func mustReadFile(tb testing.TB, p string) []byte {
	tb.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestExtractPages(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "pages", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatal("no fixture pages")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var w want
			if err := json.Unmarshal(mustReadFile(t, filepath.Join(dir, "want.json")), &w); err != nil {
				t.Fatalf("want.json: %v", err)
			}
			f, err := os.Open(filepath.Join(dir, "source.html"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var base *url.URL
			if w.URL != "" {
				base, _ = url.Parse(w.URL)
			}
			a, err := article.Extract(f, base)
			if w.Error != "" {
				var ue *article.UnreadableError
				if !errors.As(err, &ue) || ue.Reason != w.Error {
					t.Fatalf("Extract error = %v, want unreadable %q", err, w.Error)
				}
				if !errors.Is(err, article.ErrNoContent) {
					t.Errorf("errors.Is(%v, ErrNoContent) = false, want true", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			checkField(t, "title", a.Title, w.Title)
			checkField(t, "byline", a.Byline, w.Byline)
			checkField(t, "section", a.Section, w.Section)
			checkField(t, "site", a.Site, w.Site)
			checkField(t, "language", a.Language, w.Language)
			checkField(t, "dateline", a.Dateline, w.Dateline)
			checkField(t, "canonical_url", a.CanonicalURL, w.CanonicalURL)
			checkField(t, "location", a.Location, w.Location)
			if w.Published != nil {
				wt, err := time.Parse(time.RFC3339, *w.Published)
				if err != nil {
					t.Fatalf("want.json published: %v", err)
				}
				if !a.Published.Equal(wt) {
					t.Errorf("published = %v, want %v", a.Published, wt)
				}
			}
			for k, v := range w.Sources {
				if got := a.Sources[k]; got != v {
					t.Errorf("Sources[%q] = %q, want %q", k, got, v)
				}
			}
			text := a.Text()
			if !utf8.ValidString(text) {
				t.Errorf("text is not valid UTF-8")
			}
			if len(a.Paragraphs) == 0 {
				t.Fatal("no paragraphs")
			}
			if w.Paragraphs > 0 && len(a.Paragraphs) != w.Paragraphs {
				t.Errorf("%d paragraphs, want %d: %q", len(a.Paragraphs), w.Paragraphs, a.Paragraphs)
			}
			if got := a.Paragraphs[0]; w.First != "" && !strings.HasPrefix(got, w.First) {
				t.Errorf("first paragraph = %q, want prefix %q", got, w.First)
			}
			if got := a.Paragraphs[len(a.Paragraphs)-1]; w.Last != "" && !strings.HasSuffix(got, w.Last) {
				t.Errorf("last paragraph = %q, want suffix %q", got, w.Last)
			}
			for _, s := range w.Contains {
				if !strings.Contains(text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range w.Excludes {
				if strings.Contains(text, s) {
					t.Errorf("text contains %q", s)
				}
			}
			if t.Failed() {
				t.Logf("text:\n%s", text)
			}
		})
	}
}

func checkField(t *testing.T, name, got string, want *string) {
	t.Helper()
	if want != nil && got != *want {
		t.Errorf("%s = %q, want %q", name, got, *want)
	}
}

// datedPage declares a publication time in JSON-LD and another in a meta
// tag, so a bound on the published time decides between them.
const datedPage = `<html><head><title>Tide tables revised</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tide tables revised","datePublished":"2023-05-02T10:00:00Z"}</script>
<meta property="article:published_time" content="2019-03-01T08:00:00Z"></head><body><article>
<p>The harbour office revised its tide tables on Friday after a survey found the channel had silted up faster than expected.</p>
<p>Pilots were told to allow an extra half hour for the largest ships.</p></article></body></html>`

func TestExtractNow(t *testing.T) {
	at := func(y int, m time.Month, d int) func() time.Time {
		return func() time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	}
	for _, tt := range []struct {
		name       string
		now        func() time.Time
		want       time.Time
		wantSource string
	}{
		{"no clock, no bound", nil, time.Date(2023, 5, 2, 10, 0, 0, 0, time.UTC), "jsonld"},
		{"future date refused", at(2020, 1, 1), time.Date(2019, 3, 1, 8, 0, 0, 0, time.UTC), "meta"},
		{"date before now", at(2023, 6, 1), time.Date(2023, 5, 2, 10, 0, 0, 0, time.UTC), "jsonld"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := article.ExtractOptions{Now: tt.now}.Extract(strings.NewReader(datedPage), nil)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.Equal(tt.want) || a.Sources["published"] != tt.wantSource {
				t.Errorf("published = %v from %q, want %v from %q", a.Published, a.Sources["published"], tt.want, tt.wantSource)
			}
		})
	}
	a, err := article.Extract(strings.NewReader(datedPage), nil)
	if err != nil || !a.Published.Equal(time.Date(2023, 5, 2, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("Extract published = %v, %v; want the JSON-LD date, unbounded", a.Published, err)
	}
}
