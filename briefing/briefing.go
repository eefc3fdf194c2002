package briefing

import (
	"sort"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
)

// Entry is one digested article offered to Build.
type Entry struct {
	Article *article.Article
	Digest  *summarize.Digest
	// Added is when the article entered the archive (or was loaded).
	Added time.Time
}

// Source is another outlet that reported a merged story.
type Source struct {
	Title string `json:"title"`
	Site  string `json:"site,omitempty"`
	URL   string `json:"url,omitempty"`
}

// Story is one entry of a section: an article, its digest, and the other
// sources that reported the same story.
type Story struct {
	Article        *article.Article  `json:"article"`
	Digest         *summarize.Digest `json:"digest"`
	AlsoReportedBy []Source          `json:"also_reported_by,omitempty"`
}

// Section is one region of the briefing.
type Section struct {
	Name    string  `json:"name"`
	Stories []Story `json:"stories"`
}

// Skipped is an input that could not be used, with the reason.
type Skipped struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// Briefing is a day's stories grouped by region.
type Briefing struct {
	Title    string    `json:"title"`
	Date     time.Time `json:"date"`
	Sections []Section `json:"sections"`
	Skipped  []Skipped `json:"skipped"`
}

// Options configures Build.
type Options struct {
	// Title heads the briefing; "" means "Daily briefing".
	Title string
	// Date is the day the briefing covers.
	Date time.Time
	// Taxonomy orders the sections; nil means region.Default().
	Taxonomy *region.Taxonomy
}

// Build groups entries by region in taxonomy order (Global last), newest
// first within a section, and records skipped inputs. Empty sections are
// left out.
func Build(entries []Entry, skipped []Skipped, opts Options) *Briefing {
	tax := opts.Taxonomy
	if tax == nil {
		tax = region.Default()
	}
	b := &Briefing{Title: opts.Title, Date: opts.Date, Skipped: skipped}
	if b.Title == "" {
		b.Title = "Daily briefing"
	}
	if b.Skipped == nil {
		b.Skipped = []Skipped{}
	}
	bySection := map[string][]Story{}
	for _, e := range entries {
		name := e.Digest.Region
		if !tax.Has(name) {
			name = region.Global
		}
		bySection[name] = append(bySection[name], Story{Article: e.Article, Digest: e.Digest})
	}
	for _, name := range tax.Order() {
		stories := bySection[name]
		if len(stories) == 0 {
			continue
		}
		sort.SliceStable(stories, func(i, j int) bool {
			return stories[i].Article.Published.After(stories[j].Article.Published)
		})
		b.Sections = append(b.Sections, Section{Name: name, Stories: stories})
	}
	if b.Sections == nil {
		b.Sections = []Section{}
	}
	return b
}
