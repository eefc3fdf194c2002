package briefing

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
)

// Entry is one digested article offered to Build.
type Entry struct {
	Article *article.Article  `json:"article"`
	Digest  *summarize.Digest `json:"digest"`
	// Added is when the article entered the archive (or was loaded). It
	// stands in for the publication time when that is unknown.
	Added time.Time `json:"added,omitzero"`
	// Rank is the article's place on its source's page or feed, 1 for the
	// top story; 0 when unknown. Better-placed stories rank higher.
	Rank int `json:"rank,omitempty"`
}

// Source is another outlet that reported a merged story.
type Source struct {
	Title     string    `json:"title"`
	Site      string    `json:"site,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Takeaways are this source's takeaways that carry facts the story's
	// digest (and the sources listed before this one) lack, at most two.
	Takeaways []string `json:"takeaways,omitempty"`
	// Quotes are this source's quotes from speakers the story does not
	// quote yet, at most one.
	Quotes []summarize.Quote `json:"quotes,omitempty"`
}

// Name returns what to call the source: its site, else the host of its
// URL, else its title.
func (s Source) Name() string {
	if s.Site != "" {
		return s.Site
	}
	if h := host(s.URL); h != "" {
		return h
	}
	return s.Title
}

// Story is one entry of a section: an article, its digest, and the other
// sources that reported the same story.
type Story struct {
	Article *article.Article  `json:"article"`
	Digest  *summarize.Digest `json:"digest"`
	// AlsoReportedBy lists the other articles merged into this story as
	// near-duplicates, most detailed first.
	AlsoReportedBy []Source `json:"also_reported_by,omitempty"`
	// Salience is the score that orders the stories of a section
	// (salience.go): sources, place on the page, figures, officials,
	// recency.
	Salience float64 `json:"salience"`
}

// OfflineNote is what a story whose digest the offline backend wrote in
// place of the model's says (see Story.Offline).
const OfflineNote = "offline digest: model unavailable"

// Offline returns OfflineNote when the story's digest is an offline one
// standing in for a model that failed, else "".
func (s Story) Offline() string {
	if summarize.IsFallback(s.Digest) {
		return OfflineNote
	}
	return ""
}

// Digests names the backends and models that wrote the briefing's
// digests, with how many each, for its footer: "openai gpt-4.1-mini (12),
// extractive (2)". It is "" when no digest came from a model.
func (b *Briefing) Digests() string {
	counts := map[string]int{}
	var order []string
	model := false
	for _, sec := range b.Sections {
		for _, st := range sec.Stories {
			if st.Digest == nil {
				continue
			}
			name := st.Digest.Backend
			if st.Digest.Model != "" {
				name += " " + st.Digest.Model
				model = true
			}
			if counts[name] == 0 {
				order = append(order, name)
			}
			counts[name]++
		}
	}
	if !model {
		return ""
	}
	parts := make([]string, len(order))
	for i, n := range order {
		parts[i] = fmt.Sprintf("%s (%d)", n, counts[n])
	}
	return "Digests by " + strings.Join(parts, ", ")
}

// Sources returns how many articles reported the story (1 + merged ones).
func (s Story) Sources() int { return 1 + len(s.AlsoReportedBy) }

// Site returns the name of the story's own source: the article's site,
// else the host of its link, else "".
func (s Story) Site() string {
	if s.Article == nil {
		return ""
	}
	if s.Article.Site != "" {
		return s.Article.Site
	}
	return host(s.Article.Link())
}

// Headline returns what to head the story with: its title, else its
// link, else "(untitled)".
func (s Story) Headline() string {
	if s.Article == nil {
		return "(untitled)"
	}
	if t := strings.TrimSpace(s.Article.Title); t != "" {
		return t
	}
	if l := s.Article.Link(); l != "" {
		return l
	}
	return "(untitled)"
}

// Meta returns the story's source line, "site · date · byline", leaving
// out what is unknown. The publication time is shown in loc (the
// briefing's time zone, Briefing.Date.Location()), with the time of day
// when it is known; nil loc keeps the time as published.
func (s Story) Meta(loc *time.Location) string {
	var parts []string
	if site := s.Site(); site != "" {
		parts = append(parts, site)
	}
	if s.Article != nil {
		if p := s.Article.Published; !p.IsZero() {
			if h, m, sec := p.Clock(); h == 0 && m == 0 && sec == 0 {
				// A date without a time: converting it would move the day.
				parts = append(parts, p.Format("2 Jan 2006"))
			} else {
				if loc != nil {
					p = p.In(loc)
				}
				parts = append(parts, p.Format("2 Jan 2006 15:04 MST"))
			}
		}
		if s.Article.Byline != "" {
			parts = append(parts, s.Article.Byline)
		}
	}
	return strings.Join(parts, " · ")
}

// Quoted returns a quote's text as a briefing prints it: a direct quote
// inside curly quotation marks, unless the text already opens with one; a
// mixed or reported quote as it stands, since its words are not all the
// speaker's.
func Quoted(q summarize.Quote) string {
	t := strings.TrimSpace(q.Text)
	if t == "" || q.Kind == "mixed" || q.Kind == "reported" {
		return t
	}
	if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune("\"“”„«»‘’‚'‹›「『", r) {
		return t
	}
	return "“" + t + "”"
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

// RegionCount is the number of stories in one section.
type RegionCount struct {
	Name    string `json:"name"`
	Stories int    `json:"stories"`
	// Countries breaks the stories down by primary country, most stories
	// first; stories placed in no country are left out.
	Countries []CountryCount `json:"countries"`
}

// CountryCount is the number of stories about one country.
type CountryCount struct {
	Code    string `json:"code"` // ISO 3166 alpha-2
	Name    string `json:"name"`
	Stories int    `json:"stories"`
}

// TopStory is a section's lead story, as "At a glance" lists it.
type TopStory struct {
	Title string `json:"title"`
	// Lead is the story's first takeaway, on one line.
	Lead    string `json:"lead,omitempty"`
	Site    string `json:"site,omitempty"`
	URL     string `json:"url,omitempty"`
	Sources int    `json:"sources"`
	// Section is the name of the section holding the story; SectionIndex
	// and StoryIndex locate it in Briefing.Sections.
	Section      string `json:"section"`
	SectionIndex int    `json:"section_index"`
	StoryIndex   int    `json:"story_index"`
}

// Glance is the "At a glance" summary that heads a briefing.
type Glance struct {
	// Articles counts the articles used, merged duplicates included.
	Articles int `json:"articles"`
	// Stories counts the stories after merging.
	Stories int `json:"stories"`
	// Skipped counts the inputs that could not be used.
	Skipped int `json:"skipped"`
	// Regions gives the stories per section, in section order.
	Regions []RegionCount `json:"regions"`
	// Top lists each section's lead story, in section order.
	Top []TopStory `json:"top"`
}

// Counts returns the briefing's counts as a line of text, such as
// "7 stories from 10 articles · 5 regions · 1 skipped source".
func (g Glance) Counts() string {
	parts := []string{
		plural(g.Stories, "story", "stories") + " from " + plural(g.Articles, "article", "articles"),
		plural(len(g.Regions), "region", "regions"),
	}
	if g.Skipped > 0 {
		parts = append(parts, plural(g.Skipped, "skipped source", "skipped sources"))
	}
	return strings.Join(parts, " · ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Briefing is a day's stories grouped by region.
type Briefing struct {
	Title    string    `json:"title"`
	Date     time.Time `json:"date"`
	Glance   Glance    `json:"at_a_glance"`
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

// Build assembles a briefing from digested entries and the inputs that
// failed. It is pure: the result depends only on its arguments, and the
// entries are not modified.
//
// Near-duplicate articles (the same story from several sources) are merged
// into one Story that keeps the richest digest and lists the others in
// AlsoReportedBy, each with the takeaways that carry facts the story's
// digest lacks and the quotes of speakers it does not quote (merge.go).
// Each story goes to the section of its primary country in the taxonomy,
// else to the digest's region when the taxonomy has it, else to Global.
// Sections follow the taxonomy's order (focus countries, regions, Global);
// empty ones are left out. Within a section stories are ordered by
// salience (salience.go), and Glance.Top lists each section's first story
// with its lead takeaway. Entries with a nil article or digest are treated
// as empty ones.
func Build(entries []Entry, skipped []Skipped, opts Options) *Briefing {
	tax := opts.Taxonomy
	if tax == nil {
		tax = region.Default()
	}
	b := &Briefing{Title: opts.Title, Date: opts.Date, Skipped: slices.Clone(skipped)}
	if b.Title == "" {
		b.Title = "Daily briefing"
	}
	if b.Skipped == nil {
		b.Skipped = []Skipped{}
	}

	items := make([]item, len(entries))
	for i, e := range entries {
		items[i] = newItem(i, e)
	}
	clusters := cluster(items)

	bySection := map[string][]ranked{}
	var newest time.Time
	for _, it := range items {
		if it.when.After(newest) {
			newest = it.when
		}
	}
	for _, c := range clusters {
		rep := items[c[0]]
		st := Story{Article: rep.article, Digest: rep.digest}
		others := make([]item, 0, len(c)-1)
		for _, i := range c[1:] {
			others = append(others, items[i])
		}
		slices.SortStableFunc(others, func(x, y item) int { return compareRichness(&x, &y) })
		latest := rep.when
		ranks := []int{entries[rep.index].Rank}
		var digests []*summarize.Digest
		seen := map[string]bool{}
		if l := rep.article.Link(); l != "" {
			seen[l] = true
		}
		for _, o := range others {
			if o.when.After(latest) {
				latest = o.when
			}
			ranks = append(ranks, entries[o.index].Rank)
			l := o.article.Link()
			if l != "" && seen[l] {
				continue // the same page loaded twice is not another source
			}
			seen[l] = l != ""
			st.AlsoReportedBy = append(st.AlsoReportedBy, Source{
				Title: o.article.Title, Site: o.article.Site, URL: l, Published: o.article.Published,
			})
			digests = append(digests, o.digest)
		}
		additions(rep.digest, st.AlsoReportedBy, digests)
		st.Salience = salience(st, ranks, latest, newest)
		name := sectionOf(tax, rep.digest)
		bySection[name] = append(bySection[name], ranked{story: st, latest: latest, first: c[0]})
	}

	for _, name := range tax.Order() {
		rs := bySection[name]
		if len(rs) == 0 {
			continue
		}
		slices.SortStableFunc(rs, compareSalience)
		sec := Section{Name: name}
		rc := RegionCount{Name: name, Stories: len(rs), Countries: []CountryCount{}}
		for _, r := range rs {
			sec.Stories = append(sec.Stories, r.story)
			code := r.story.Digest.Country
			if code == "" {
				continue
			}
			if i := slices.IndexFunc(rc.Countries, func(c CountryCount) bool { return c.Code == code }); i >= 0 {
				rc.Countries[i].Stories++
			} else {
				name := region.CountryName(code)
				if name == "" {
					name = code
				}
				rc.Countries = append(rc.Countries, CountryCount{Code: code, Name: name, Stories: 1})
			}
		}
		slices.SortStableFunc(rc.Countries, func(a, b CountryCount) int {
			if c := cmp.Compare(b.Stories, a.Stories); c != 0 {
				return c
			}
			return cmp.Compare(a.Name, b.Name)
		})
		top := rs[0].story
		b.Glance.Top = append(b.Glance.Top, TopStory{
			Title: top.Headline(), Lead: lead(top.Digest), Site: top.Site(), URL: top.Article.Link(),
			Sources: top.Sources(), Section: name, SectionIndex: len(b.Sections), StoryIndex: 0,
		})
		b.Glance.Stories += len(rs)
		b.Sections = append(b.Sections, sec)
		b.Glance.Regions = append(b.Glance.Regions, rc)
	}
	if b.Sections == nil {
		b.Sections = []Section{}
	}
	if b.Glance.Regions == nil {
		b.Glance.Regions = []RegionCount{}
	}
	if b.Glance.Top == nil {
		b.Glance.Top = []TopStory{}
	}
	b.Glance.Articles = len(entries)
	b.Glance.Skipped = len(b.Skipped)
	return b
}

// ranked is a story with what orders it.
type ranked struct {
	story  Story
	latest time.Time // most recent time any of its sources appeared
	first  int       // index of its representative entry, the last tie-break
}

// compareSalience orders stories: higher salience, more recent, then
// input order.
func compareSalience(a, b ranked) int {
	if c := cmp.Compare(b.story.Salience, a.story.Salience); c != 0 {
		return c
	}
	if c := b.latest.Compare(a.latest); c != 0 {
		return c
	}
	return cmp.Compare(a.first, b.first)
}

// sectionOf picks the section for a digest: the taxonomy's section for the
// primary country, else the digest's region when the taxonomy has it,
// else Global.
func sectionOf(tax *region.Taxonomy, d *summarize.Digest) string {
	if d.Country != "" {
		if r := tax.RegionOf(d.Country); r != "" {
			return r
		}
	}
	if d.Region != "" && tax.Has(d.Region) {
		return d.Region
	}
	return region.Global
}

// host returns the host of a URL without "www.", or "".
func host(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}

// Attribution joins a quote's speaker and role as renderers print them:
// "Speaker, role", or whichever of the two is given.
func Attribution(speaker, role string) string {
	speaker, role = strings.TrimSpace(speaker), strings.TrimSpace(role)
	switch {
	case speaker == "":
		return role
	case role == "":
		return speaker
	}
	return speaker + ", " + role
}

// SafeLink parses u and returns it when it is an absolute http or https
// URL with a host, or a mailto URL; renderers link only to those, so a
// "javascript:" or relative address in an article never becomes a link.
func SafeLink(u string) (*url.URL, bool) {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return nil, false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p, p.Host != ""
	case "mailto":
		return p, true
	}
	return nil, false
}

// Clip returns s on one line, cut at a word boundary with "…" to at most
// n characters (runes); s shorter than that is returned with its
// whitespace collapsed.
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n || n < 2 {
		return s
	}
	rs := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(rs), ' '); i > len(string(rs))/2 {
		return strings.TrimRight(string(rs)[:i], " ,;:.-–—") + "…"
	}
	return string(rs) + "…"
}

// Segment is one part of a region's bar in the picture of the day: the
// stories about one country, or (Code "") those placed in no country.
type Segment struct {
	Code    string
	Name    string
	Stories int
}

// Segments returns the parts of a region's bar: its countries, most
// stories first, then the stories placed in no country.
func (r RegionCount) Segments() []Segment {
	var out []Segment
	n := 0
	for _, c := range r.Countries {
		out = append(out, Segment(c))
		n += c.Stories
	}
	if r.Stories > n {
		out = append(out, Segment{Name: "no single country", Stories: r.Stories - n})
	}
	return out
}

// MaxStories returns the largest number of stories in one region, the
// scale of the picture of the day.
func (g Glance) MaxStories() int {
	m := 0
	for _, r := range g.Regions {
		m = max(m, r.Stories)
	}
	return m
}
