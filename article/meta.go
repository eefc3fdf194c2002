package article

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// Selectors for the page's metadata markup. They are compiled once and
// never changed.
var (
	selHTML      = cascadia.MustCompile("html")
	selTitle     = cascadia.MustCompile("title")
	selMeta      = cascadia.MustCompile("meta[content]")
	selCanonical = cascadia.MustCompile(`link[rel~=canonical i][href]`)
	selLD        = cascadia.MustCompile(`script[type*="ld+json" i]`)
	selTime      = cascadia.MustCompile("time")
	// selPubTime marks the publication time among a page's dates.
	selPubTime = cascadia.MustCompile(`meta[itemprop=datePublished][content], time[itemprop=datePublished], time[pubdate]`)
	selH1      = cascadia.MustCompile("h1")
	// selAuthor finds byline elements: microdata and rel authors, and
	// author-named elements that are not author biographies.
	selAuthor = cascadia.MustCompile(`[itemprop~=author], [itemprop~=creator], [rel~=author], [class*=byline i], ` +
		`[class*=author i]:not([class*=bio i]), [class*=autor i]:not([class*=bio i]), [class*=auteur i]:not([class*=bio i])`)
	selName = cascadia.MustCompile("[itemprop~=name]")
)

// metaKeys are the attributes that name a <meta> element's content.
var metaKeys = []string{"name", "property", "itemprop", "http-equiv"}

// pageMeta is the metadata markup read for every page: <html lang>,
// <title>, <meta> tags, the canonical link and JSON-LD scripts. Markup
// needed only when these say too little (<h1>, <time>, byline elements) is
// selected from doc by fillMeta.
type pageMeta struct {
	doc       *goquery.Document
	lang      string
	title     string
	metas     map[string]string // <meta> content by lowercased name, first wins
	canonical string
	ldScripts []string
}

// readMeta reads the page's metadata markup.
func readMeta(doc *goquery.Document) *pageMeta {
	m := &pageMeta{doc: doc, metas: make(map[string]string, 32)}
	root := doc.ChildrenMatcher(selHTML)
	m.lang = root.AttrOr("lang", "")
	if m.lang == "" {
		m.lang = root.AttrOr("xml:lang", "")
	}
	// The page's <title> comes first, in the head; an SVG <title> is not it.
	if t := doc.FindMatcher(goquery.SingleMatcher(selTitle)); t.Length() > 0 && t.Nodes[0].Namespace == "" {
		m.title = collapse(t.Text())
	}
	doc.FindMatcher(selMeta).Each(func(_ int, s *goquery.Selection) {
		content := strings.TrimSpace(s.AttrOr("content", ""))
		if content == "" {
			return
		}
		for _, k := range metaKeys {
			key := strings.ToLower(strings.TrimSpace(s.AttrOr(k, "")))
			if _, ok := m.metas[key]; key != "" && !ok {
				m.metas[key] = content
			}
		}
	})
	m.canonical = strings.TrimSpace(doc.FindMatcher(goquery.SingleMatcher(selCanonical)).AttrOr("href", ""))
	doc.FindMatcher(selLD).Each(func(_ int, s *goquery.Selection) {
		m.ldScripts = append(m.ldScripts, s.Text())
	})
	return m
}

// pageDates returns the dates the page's elements give, the one marked as
// the publication time first.
func pageDates(doc *goquery.Document) []string {
	var out []string
	doc.FindMatcher(selPubTime).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if dt := timeValue(s); dt != "" {
			out = append(out, dt)
			return false
		}
		return true
	})
	doc.FindMatcher(selTime).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if dt := timeValue(s); dt != "" {
			out = append(out, dt)
		}
		return len(out) < 9
	})
	return out
}

// timeValue is the date a <time> or <meta> element gives: its datetime or
// content attribute, else its text.
func timeValue(s *goquery.Selection) string {
	for _, k := range []string{"datetime", "content"} {
		if v := strings.TrimSpace(s.AttrOr(k, "")); v != "" {
			return v
		}
	}
	return strings.TrimSpace(s.Text())
}

// ldInfo is what JSON-LD says about the article.
type ldInfo struct {
	headline, published, modified, section, publisher, body, lang, location, dateline, url string
	authors                                                                                []string
	paywalled                                                                              bool
	found                                                                                  bool
}

// parseLD reads the article object from JSON-LD scripts.
func parseLD(scripts []string) ldInfo {
	var info ldInfo
	bestRank := 0
	for _, s := range scripts {
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(s, "<!--")
		s = strings.TrimSuffix(s, "-->")
		s = strings.TrimSuffix(strings.TrimSpace(s), ";")
		var v any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			continue
		}
		var objs []map[string]any
		collectLD(v, &objs, 0)
		for _, o := range objs {
			r := ldRank(o)
			if r == 0 || r <= bestRank {
				continue
			}
			bestRank = r
			info = ldFromObject(o)
			info.found = true
		}
	}
	return info
}

func collectLD(v any, out *[]map[string]any, depth int) {
	if depth > 6 || len(*out) > 64 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collectLD(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, t)
		if g, ok := t["@graph"]; ok {
			collectLD(g, out, depth+1)
		}
		if me, ok := t["mainEntity"].(map[string]any); ok {
			collectLD(me, out, depth+1)
		}
	}
}

// ldRank orders JSON-LD types by how surely they describe the article.
func ldRank(o map[string]any) int {
	best := 0
	for _, t := range strs(o["@type"]) {
		r := 0
		switch {
		case strings.HasSuffix(t, "NewsArticle") || t == "Article" || t == "BlogPosting" || t == "Report":
			r = 4
		case strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting"):
			r = 3
		case t == "WebPage" || t == "ItemPage":
			if _, ok := o["headline"]; ok {
				r = 1
			}
		}
		best = max(best, r)
	}
	return best
}

func ldFromObject(o map[string]any) ldInfo {
	var info ldInfo
	info.headline = str(o["headline"])
	if info.headline == "" {
		info.headline = str(o["name"])
	}
	info.published = str(o["datePublished"])
	if info.published == "" {
		info.published = str(o["dateCreated"])
	}
	info.modified = str(o["dateModified"])
	if secs := strs(o["articleSection"]); len(secs) > 0 {
		info.section = secs[0]
	}
	if p, ok := o["publisher"].(map[string]any); ok {
		info.publisher = str(p["name"])
	} else if ps, ok := o["publisher"].([]any); ok && len(ps) > 0 {
		if p, ok := ps[0].(map[string]any); ok {
			info.publisher = str(p["name"])
		}
	}
	info.body = str(o["articleBody"])
	info.lang = str(o["inLanguage"])
	if l, ok := o["inLanguage"].(map[string]any); ok {
		info.lang = str(l["name"])
	}
	info.dateline = str(o["dateline"])
	switch l := o["contentLocation"].(type) {
	case string:
		info.location = l
	case map[string]any:
		info.location = str(l["name"])
	case []any:
		if len(l) > 0 {
			if m, ok := l[0].(map[string]any); ok {
				info.location = str(m["name"])
			}
		}
	}
	info.url = str(o["url"])
	info.authors = ldNames(o["author"])
	if len(info.authors) == 0 {
		info.authors = ldNames(o["creator"])
	}
	info.paywalled = isFalse(o["isAccessibleForFree"])
	if !info.paywalled {
		for _, part := range anyList(o["hasPart"]) {
			if m, ok := part.(map[string]any); ok && isFalse(m["isAccessibleForFree"]) {
				info.paywalled = true
			}
		}
	}
	return info
}

func anyList(v any) []any {
	switch t := v.(type) {
	case []any:
		return t
	case nil:
		return nil
	}
	return []any{v}
}

func isFalse(v any) bool {
	switch t := v.(type) {
	case bool:
		return !t
	case string:
		return strings.EqualFold(strings.TrimSpace(t), "false")
	}
	return false
}

func ldNames(v any) []string {
	var out []string
	for _, e := range anyList(v) {
		switch t := e.(type) {
		case string:
			if n := cleanByline(t); n != "" {
				out = append(out, n)
			}
		case map[string]any:
			if n := cleanByline(str(t["name"])); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

func strs(v any) []string {
	var out []string
	for _, e := range anyList(v) {
		if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// fillMeta sets the article's metadata fields from what the walk found.
func fillMeta(a *Article, m *pageMeta, ld ldInfo, base *url.URL, now time.Time) {
	set := func(field, value, source string, dst *string) {
		if *dst == "" && value != "" {
			*dst = value
			a.Sources[field] = source
		}
	}
	// Site.
	set("site", strings.TrimPrefix(cleanText(m.metas["og:site_name"]), "@"), "meta", &a.Site)
	set("site", cleanText(ld.publisher), "jsonld", &a.Site)
	set("site", cleanText(m.metas["application-name"]), "meta", &a.Site)
	if a.Site == "" && base != nil && base.Host != "" {
		set("site", strings.TrimPrefix(base.Hostname(), "www."), "url", &a.Site)
	}
	// Title.
	set("title", cleanTitle(html.UnescapeString(ld.headline), a.Site, base), "jsonld", &a.Title)
	set("title", cleanTitle(m.metas["og:title"], a.Site, base), "meta", &a.Title)
	set("title", cleanTitle(m.metas["twitter:title"], a.Site, base), "meta", &a.Title)
	if a.Title == "" {
		h1 := selectionText(m.doc.FindMatcher(goquery.SingleMatcher(selH1)))
		t := cleanTitle(m.title, a.Site, base)
		switch {
		case h1 != "" && t != "" && strings.Contains(normalizeKey(m.title), normalizeKey(h1)):
			set("title", h1, "heuristic", &a.Title)
		case t != "":
			set("title", t, "meta", &a.Title)
		default:
			set("title", h1, "heuristic", &a.Title)
		}
	}
	fixTitle(a, m, ld, base)
	// Byline.
	if len(ld.authors) > 0 {
		set("byline", joinNames(ld.authors), "jsonld", &a.Byline)
	}
	for _, k := range []string{"author", "article:author", "byl", "sailthru.author", "parsely-author", "dc.creator", "dcterms.creator", "twitter:creator"} {
		v := m.metas[k]
		if v == "" || strings.Contains(v, "://") || strings.HasPrefix(v, "@") || strings.Contains(v, "www.") {
			continue
		}
		set("byline", cleanByline(v), "meta", &a.Byline)
	}
	if a.Byline == "" {
		m.doc.FindMatcher(selAuthor).EachWithBreak(func(i int, s *goquery.Selection) bool {
			if name := s.FindMatcher(selName).First(); name.Length() > 0 {
				s = name
			}
			t, ok := boundedText(s, 1000)
			if !ok {
				return i < 7
			}
			if b := cleanByline(t); b != "" && !strings.EqualFold(b, a.Site) {
				set("byline", b, "heuristic", &a.Byline)
				return false
			}
			return i < 7 // the first eight candidates
		})
	}
	// Published.
	if t, ok := parseDate(ld.published, now); ok {
		a.Published, a.Sources["published"] = t, "jsonld"
		if mt, ok := parseDate(ld.modified, now); ok && !sameDay(mt, t) {
			// Updated on another day: when the page shows only its update,
			// that is the date readers see (at the time JSON-LD gives for
			// it, when the days agree).
			if u, ok := updatedOnly(m.doc, now); ok && u.After(t) && !sameDay(u, t) {
				if sameDay(mt, u) {
					u = mt
				}
				a.Published = u
			}
		}
	}
	if a.Published.IsZero() {
		for _, k := range []string{"article:published_time", "og:article:published_time", "datepublished", "article.published", "pubdate", "publishdate", "publish-date", "publication_date", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "og:published_time", "article:published", "cxenseparse:recs:publishtime", "originalpublicationdate", "article_date_original"} {
			if t, ok := parseDate(m.metas[k], now); ok {
				a.Published, a.Sources["published"] = t, "meta"
				break
			}
		}
	}
	machine := !a.Published.IsZero() // a machine-readable time, maybe in UTC
	if a.Published.IsZero() {
		for _, c := range pageDates(m.doc) {
			t, ok := parseDate(c, now)
			machine = ok
			if !ok {
				t, ok = textDate(c, now)
			}
			if ok {
				a.Published, a.Sources["published"] = t, "heuristic"
				break
			}
		}
	}
	if a.Published.IsZero() {
		// A date line labelled as the publication's, then one in an
		// element named for dates or the byline.
		if t, ok := labelledDate(m.doc, now); ok {
			a.Published, a.Sources["published"] = t, "heuristic"
		} else if t, ok := visibleDate(m.doc, now); ok {
			a.Published, a.Sources["published"] = t, "heuristic"
		}
	}
	if a.Published.IsZero() {
		// Dates that may be the page's, not the article's: a generic
		// "date", a creation or a modification time.
		for _, k := range []string{"dc.date", "dcterms.created", "date", "og:updated_time", "article:modified_time"} {
			if t, ok := parseDate(m.metas[k], now); ok {
				a.Published, a.Sources["published"] = t, "meta"
				machine = true
				break
			}
		}
	}
	// Canonical URL.
	for _, c := range []struct{ v, src string }{{m.canonical, "meta"}, {m.metas["og:url"], "meta"}, {ld.url, "jsonld"}} {
		if u := resolveURL(base, c.v); u != "" {
			set("canonical_url", u, c.src, &a.CanonicalURL)
		}
	}
	var urlDay time.Time
	for _, u := range []string{a.URL, a.CanonicalURL} {
		if t, ok := dateFromURL(u, now); ok {
			urlDay = t
			break
		}
	}
	if a.Published.IsZero() && !urlDay.IsZero() {
		a.Published, a.Sources["published"] = urlDay, "url"
	}
	if _, off := a.Published.Zone(); machine && off == 0 && !sameDay(urlDay, a.Published) {
		// A time stored in UTC: the page's own day may be another.
		a.Published = localPublished(a.Published, shownDates(m.doc, now), urlDay)
	}
	// Section.
	set("section", cleanSection(ld.section), "jsonld", &a.Section)
	for _, k := range []string{"article:section", "section", "parsely-section", "og:section", "article-section", "sailthru.section", "category"} {
		set("section", cleanSection(m.metas[k]), "meta", &a.Section)
	}
	fixSite(a, m, ld, base)
	// Language.
	set("language", langTag(m.lang), "meta", &a.Language)
	for _, k := range []string{"content-language", "language", "dc.language", "og:locale", "inlanguage"} {
		set("language", langTag(m.metas[k]), "meta", &a.Language)
	}
	set("language", langTag(ld.lang), "jsonld", &a.Language)
	// Location and dateline from JSON-LD.
	set("location", cleanText(ld.location), "jsonld", &a.Location)
	set("dateline", cleanText(ld.dateline), "jsonld", &a.Dateline)
}

func cleanText(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return collapse(s)
}

// titleSeps separate a headline from the site name in <title> and og:title.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " • ", " · ", " « ", " » ", " ~ ", " / "}

// cleanTitle removes the site name around a title ("Headline | Site").
func cleanTitle(t, site string, base *url.URL) string {
	t = cleanText(t)
	if t == "" {
		return ""
	}
	ns := normalizeKey(site)
	host := ""
	if base != nil {
		host = normalizeKey(strings.TrimPrefix(base.Hostname(), "www."))
	}
	isSite := func(part string) bool {
		k := normalizeKey(part)
		if k == "" {
			return true
		}
		if ns != "" && (k == ns || strings.Contains(ns, k) || strings.Contains(k, ns) && len(k) < len(ns)+12) {
			return true
		}
		if host != "" && (strings.Contains(host, k) || strings.HasPrefix(k, strings.TrimSuffix(strings.TrimSuffix(host, "com"), "couk"))) && len(k) >= 3 {
			return true
		}
		return false
	}
	for range 3 {
		changed := false
		for _, sep := range titleSeps {
			if i := strings.LastIndex(t, sep); i > 0 {
				head, tail := t[:i], t[i+len(sep):]
				if isSite(tail) || (len(strings.Fields(tail)) <= 3 && len(strings.Fields(head)) >= 4 && sep != " - " && sep != " – " && sep != " — ") {
					t, changed = strings.TrimSpace(head), true
					break
				}
			}
			if i := strings.Index(t, sep); i > 0 {
				head, tail := t[:i], t[i+len(sep):]
				if isSite(head) && len(strings.Fields(tail)) >= 2 {
					t, changed = strings.TrimSpace(tail), true
					break
				}
			}
		}
		if !changed {
			break
		}
	}
	return t
}

var bylinePrefix = regexp.MustCompile(`(?i)^(?:written\s+|posted\s+|reported\s+)?(?:by|von|por|par|di|door|av|przez|от|de)\s*:?\s+`)

// cleanByline keeps the names in a byline: no "By", dates, roles after
// a separator, or e-mail addresses.
func cleanByline(s string) string {
	s = cleanText(s)
	if s == "" || utf8.RuneCountInString(s) > 200 {
		return ""
	}
	s = bylineLabel.ReplaceAllString(s, "")
	s = bylinePrefix.ReplaceAllString(s, "")
	for _, sep := range []string{" | ", "|", " · ", " • ", "\u2022", " - ", " — ", " – ", "Updated", "Published", "UPDATED", "PUBLISHED", "Posted", "Email", "Follow", "@"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	// Drop a trailing date or time ("Jane Doe, March 3, 2020"), a sentence
	// after the names, and a trailing month name.
	if i := strings.IndexFunc(s, unicode.IsDigit); i > 0 {
		s = s[:i]
	}
	if i := strings.Index(s, ". "); i > 2 && strings.LastIndex(s[:i], " ") > 0 {
		s = s[:i]
	}
	if f := strings.Fields(s); len(f) > 1 && months[strings.ToLower(strings.Trim(f[len(f)-1], ".,"))] {
		s = strings.Join(f[:len(f)-1], " ")
	}
	s = strings.Trim(strings.TrimSpace(s), ",;:.-–—")
	if strings.HasSuffix(strings.ToLower(s), " on") {
		s = strings.TrimSpace(s[:len(s)-3])
	}
	if s == "" || strings.Contains(s, "://") || len(strings.Fields(s)) > 12 {
		return ""
	}
	if s = strings.TrimSpace(s); !plausibleByline(s) {
		return ""
	}
	return s
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// cleanSection keeps the first of several sections ("World | Europe").
func cleanSection(s string) string {
	s = cleanText(s)
	if i := strings.IndexAny(s, "|;,>/"); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

func joinNames(names []string) string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[strings.ToLower(n)] {
			seen[strings.ToLower(n)] = true
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

func resolveURL(base *url.URL, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return redactUserinfo(u)
}

// langTag reduces a language tag or locale to its primary subtag: "en-US"
// and "en_GB" give "en".
func langTag(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(s)
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02 15:04:05", "2006/01/02", "20060102",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02.01.2006",
	"January 2, 2006 3:04 PM", "Jan. 2, 2006",
}

// parseDate parses a publication date in the common formats. Dates before
// 1995, or after a non-zero now (plus a day of clock and zone slack), are
// refused.
func parseDate(s string, now time.Time) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		// Fast path for ISO 8601, and its truncations.
		for _, l := range dateLayouts[:11] {
			if t, err := time.Parse(l, s); err == nil {
				return checkDate(t, now)
			}
		}
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return checkDate(t, now)
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return checkDate(t, now)
		}
	}
	if t, ok := parseLooseISO(s); ok {
		return checkDate(t, now)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 10 && len(s) <= 13 {
		if len(s) == 13 {
			n /= 1000
		}
		return checkDate(time.Unix(n, 0).UTC(), now)
	}
	return time.Time{}, false
}

func checkDate(t time.Time, now time.Time) (time.Time, bool) {
	if t.Year() < 1995 {
		return time.Time{}, false
	}
	if !now.IsZero() && t.After(now.Add(24*time.Hour)) {
		return time.Time{}, false
	}
	return t, true
}

var urlDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|[-_]|$)|/((?:19|20)\d\d)([01]\d)([0-3]\d)/`)

// dateFromURL finds a date in a URL path ("/2019/11/20/").
func dateFromURL(u string, now time.Time) (time.Time, bool) {
	if u == "" {
		return time.Time{}, false
	}
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	y, mo, d := m[1], m[2], m[3]
	if y == "" {
		y, mo, d = m[4], m[5], m[6]
	}
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(mo)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return time.Time{}, false
	}
	return checkDate(time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC), now)
}

// fixTitle replaces a title cut short with "..." by the full one another
// source gives, and a one- or two-word title (a CMS or product name in
// <title>) by the page's headline.
func fixTitle(a *Article, m *pageMeta, ld ldInfo, base *url.URL) {
	if a.Title == "" {
		return
	}
	var h1 string
	h1f := func() string {
		if h1 == "" {
			h1 = selectionText(m.doc.FindMatcher(goquery.SingleMatcher(selH1)))
		}
		return h1
	}
	cands := func() []struct{ v, src string } {
		return []struct{ v, src string }{
			{cleanTitle(html.UnescapeString(ld.headline), a.Site, base), "jsonld"},
			{cleanTitle(m.metas["og:title"], a.Site, base), "meta"},
			{cleanTitle(m.metas["twitter:title"], a.Site, base), "meta"},
			{h1f(), "heuristic"},
			{cleanTitle(m.title, a.Site, base), "meta"},
		}
	}
	if cut := strings.TrimRight(strings.TrimSuffix(a.Title, "..."), "… "); cut != a.Title {
		k := normalizeKey(cut)
		for _, c := range cands() {
			if c.v != "" && len(c.v) > len(a.Title) && !strings.HasSuffix(c.v, "...") && !strings.HasSuffix(c.v, "…") && strings.HasPrefix(normalizeKey(c.v), k) {
				a.Title, a.Sources["title"] = c.v, c.src
				break
			}
		}
	}
	if len(strings.Fields(a.Title)) <= 2 {
		if h := h1f(); len(strings.Fields(h)) >= 4 && utf8.RuneCountInString(h) <= 300 && !strings.Contains(normalizeKey(h), normalizeKey(a.Title)) {
			a.Title, a.Sources["title"] = h, "heuristic"
		}
	}
}

// fixSite drops a site name that is the section ("U.S.") or the headline
// (og:site_name filled with the page title), falling back to the next
// source.
func fixSite(a *Article, m *pageMeta, ld ldInfo, base *url.URL) {
	bad := func(s string) bool {
		k := normalizeKey(s)
		if k == "" {
			return true
		}
		if a.Section != "" && k == normalizeKey(a.Section) {
			return true
		}
		if tk := normalizeKey(a.Title); len(tk) >= 12 && strings.Contains(k, tk) {
			return true
		}
		return utf8.RuneCountInString(s) > 80
	}
	if a.Site == "" || !bad(a.Site) {
		return
	}
	// A "Headline | Site" value still names the site after its last separator.
	for _, sep := range titleSeps {
		if i := strings.LastIndex(a.Site, sep); i > 0 {
			if tail := strings.TrimSpace(a.Site[i+len(sep):]); !bad(tail) {
				a.Site = tail
				return
			}
		}
	}
	a.Site = ""
	delete(a.Sources, "site")
	for _, c := range []struct{ v, src string }{
		{strings.TrimPrefix(cleanText(m.metas["og:site_name"]), "@"), "meta"},
		{cleanText(ld.publisher), "jsonld"},
		{cleanText(m.metas["application-name"]), "meta"},
	} {
		if c.v != "" && !bad(c.v) {
			a.Site, a.Sources["site"] = c.v, c.src
			return
		}
	}
	if base != nil && base.Host != "" {
		a.Site, a.Sources["site"] = strings.TrimPrefix(base.Hostname(), "www."), "url"
	}
}
