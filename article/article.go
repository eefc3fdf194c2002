package article

import (
	"strings"
	"time"
)

// Article is one news article: its main text as paragraphs plus metadata.
// The zero value is an empty article; Published is zero when unknown.
type Article struct {
	// ID identifies the input the article came from: the path or URL as
	// given on the command line, or the "id" field of a JSONL record.
	ID string `json:"id"`
	// URL is the address the article was fetched from, if any.
	URL string `json:"url,omitempty"`
	// CanonicalURL is the page's declared canonical address, if any.
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Title        string    `json:"title"`
	Byline       string    `json:"byline,omitempty"`
	Site         string    `json:"site,omitempty"`
	Section      string    `json:"section,omitempty"`
	Language     string    `json:"language,omitempty"`
	Published    time.Time `json:"published,omitzero"`
	// Dateline is the place line that opens the story ("KUALA LUMPUR —"),
	// without its trailing punctuation.
	Dateline string `json:"dateline,omitempty"`
	// Location is a place named by page metadata (JSON-LD contentLocation),
	// used as region evidence.
	Location string `json:"location,omitempty"`
	// Paragraphs is the main text, one paragraph per element, in order.
	Paragraphs []string `json:"paragraphs"`
	// Sources records where each metadata field came from: "jsonld",
	// "meta", "heuristic", "url", "input", or "text" (the language,
	// detected from the article's text).
	Sources map[string]string `json:"sources,omitempty"`
}

// Text returns the article's paragraphs joined by blank lines.
func (a *Article) Text() string {
	return strings.Join(a.Paragraphs, "\n\n")
}

// Link returns the best address to link to: the canonical URL, else the
// fetched URL, else "".
func (a *Article) Link() string {
	if a.CanonicalURL != "" {
		return a.CanonicalURL
	}
	return a.URL
}
