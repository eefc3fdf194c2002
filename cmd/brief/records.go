package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/briefing/markdown"
	"github.com/brief-news/brief/internal/textsafe"
	"github.com/brief-news/brief/summarize"
)

// summaryRecord is one line of `brief summarize -f jsonl`. Its fields are
// a stable interface: add, never rename or remove.
type summaryRecord struct {
	ID             string              `json:"id"`
	URL            string              `json:"url"`
	Title          string              `json:"title"`
	Site           string              `json:"site,omitempty"`
	Published      string              `json:"published"`
	Takeaways      []string            `json:"takeaways"`
	Quotes         []summarize.Quote   `json:"quotes"`
	Country        string              `json:"country"`
	Countries      []string            `json:"countries"`
	Region         string              `json:"region"`
	RegionEvidence string              `json:"region_evidence,omitempty"`
	Backend        string              `json:"backend"`
	Model          string              `json:"model,omitempty"`
	Usage          *summarize.Usage    `json:"usage,omitempty"`
	Warnings       []summarize.Warning `json:"warnings"`
}

func newSummaryRecord(a *article.Article, d *summarize.Digest) summaryRecord {
	r := summaryRecord{
		ID: a.ID, URL: a.Link(), Title: a.Title, Site: a.Site, Published: formatTime(a.Published),
		Takeaways: d.Takeaways, Quotes: d.Quotes, Country: d.Country, Countries: d.Countries,
		Region: d.Region, RegionEvidence: d.RegionEvidence, Backend: d.Backend, Model: d.Model,
		Warnings: d.Warnings,
	}
	if d.Usage != (summarize.Usage{}) {
		u := d.Usage
		r.Usage = &u
	}
	return r
}

// extractRecord is one line of `brief extract -f jsonl`: a stable interface.
type extractRecord struct {
	ID        string            `json:"id"`
	URL       string            `json:"url"`
	Canonical string            `json:"canonical_url,omitempty"`
	Title     string            `json:"title"`
	Byline    string            `json:"byline"`
	Published string            `json:"published"`
	Section   string            `json:"section"`
	Site      string            `json:"site"`
	Language  string            `json:"language"`
	Dateline  string            `json:"dateline"`
	Text      string            `json:"text"`
	Sources   map[string]string `json:"sources,omitempty"`
}

func newExtractRecord(a *article.Article) extractRecord {
	return extractRecord{
		ID: a.ID, URL: a.URL, Canonical: a.CanonicalURL, Title: a.Title, Byline: a.Byline,
		Published: formatTime(a.Published), Section: a.Section, Site: a.Site,
		Language: a.Language, Dateline: a.Dateline, Text: a.Text(),
	}
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// writeDigestMarkdown writes one digest as Markdown. Article text goes
// through markdown.Escape and the link through markdown.URL, so markup in
// a title or quote shows as text.
func writeDigestMarkdown(w io.Writer, a *article.Article, d *summarize.Digest) error {
	var b strings.Builder
	title := a.Title
	if title == "" {
		title = a.ID
	}
	fmt.Fprintf(&b, "## %s\n\n", markdown.Escape(title))
	meta := []string{markdown.Escape(d.Region)}
	if a.Site != "" {
		meta = append(meta, markdown.Escape(a.Site))
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("2 Jan 2006"))
	}
	if l := markdown.URL(a.Link()); l != "" {
		meta = append(meta, l)
	}
	fmt.Fprintf(&b, "*%s*\n\n", strings.Join(meta, " · "))
	for _, t := range d.Takeaways {
		fmt.Fprintf(&b, "- %s\n", markdown.Escape(t))
	}
	for _, q := range d.Quotes {
		fmt.Fprintf(&b, "\n> “%s”\n> — %s", markdown.Escape(q.Text), markdown.Escape(q.Speaker))
		if q.Role != "" {
			fmt.Fprintf(&b, ", %s", markdown.Escape(q.Role))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine flattens an error message to a single line of plain text: its
// file names and URLs come from outside (see internal/textsafe).
func oneLine(err error) string {
	return textsafe.Line(strings.Join(strings.Fields(err.Error()), " "))
}

// strictQuotes fails a digest from which the checks dropped a quote.
type strictQuotes struct{ inner summarize.Summarizer }

func (s strictQuotes) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	d, err := s.inner.Summarize(ctx, a)
	if err != nil {
		return nil, err
	}
	for _, w := range d.Warnings {
		if w.Code == summarize.WarnQuoteDropped {
			return nil, fmt.Errorf("--strict-quotes: %s", w)
		}
	}
	return d, nil
}
