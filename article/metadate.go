package article

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The publication date as the page shows it: a machine-readable time
// stored in UTC is moved onto the page's own calendar day, dates in
// comment threads are not the article's, and a date line labelled
// "Published", "Erstellt am", "Publié le" or "Publicado el" counts even
// in an element named for nothing.

// shownDate is a date read from the page's visible text.
type shownDate struct {
	t     time.Time // the date, with its time of day when clock is set, in UTC
	clock bool      // the text gives a time of day
}

// maxZone is the largest distance between a moment and its local wall
// clock: UTC+14 (Kiribati) and UTC-12 bound every zone in use.
const maxZone = 14 * time.Hour

// localPublished returns t, a publication moment the page stores in UTC
// (or without a zone), in the zone of the page's own calendar day when
// the page shows another day for it: a date written on the page, or the
// date in its URL ("/2023/11/08/"), one day off t's UTC day. With a time
// of day on the page the offset is the page's (11:30 p.m. on 8 November
// for 05:30 UTC on the 9th is UTC-6); with a date alone it is the
// smallest whole-hour offset that puts t on that day. The moment itself
// never changes, nor does a time with a zone of its own.
func localPublished(t time.Time, shown []shownDate, urlDay time.Time) time.Time {
	if _, off := t.Zone(); off != 0 {
		return t
	}
	t = t.UTC()
	// A time of day on the page settles the offset, when it is one.
	for _, s := range shown {
		if !s.clock {
			continue
		}
		// The wall clock, read as UTC, minus the moment: the offset, to
		// the quarter hour (pages drop the seconds).
		d := s.t.Sub(t)
		q := d.Round(15 * time.Minute)
		if (d-q).Abs() > 2*time.Minute || q.Abs() > maxZone {
			continue // another time: an update, a related story
		}
		if q == 0 {
			return t // the page shows UTC
		}
		return t.In(time.FixedZone("", int(q/time.Second)))
	}
	// Else the URL's day, then a date the page shows (the page's header
	// may show today's date: it comes last).
	if !urlDay.IsZero() {
		if sameDay(urlDay, t) {
			return t
		}
		if u, ok := onDay(t, urlDay); ok {
			return u
		}
	}
	for _, s := range shown {
		if s.clock {
			continue // a time that is not this moment's
		}
		if sameDay(s.t, t) {
			return t
		}
		if u, ok := onDay(t, s.t); ok {
			return u
		}
	}
	return t
}

// onDay returns moment t (UTC) in the smallest whole-hour offset that
// puts it on the calendar day of day, when day is the day before or after
// t's.
func onDay(t, day time.Time) (time.Time, bool) {
	y, m, d := day.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	var off time.Duration
	switch {
	case sameDay(day, t.AddDate(0, 0, -1)):
		// A zone west of UTC: the local clock must be before midnight.
		since := t.Sub(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
		off = -(since.Truncate(time.Hour) + time.Hour)
	case sameDay(day, t.AddDate(0, 0, 1)):
		// East of UTC: the local clock must be past midnight.
		until := start.Sub(t)
		off = until.Truncate(time.Hour)
		if off < until {
			off += time.Hour
		}
	default:
		return t, false
	}
	if off.Abs() > maxZone || off < -10*time.Hour {
		// west of Hawaii (UTC-10) hardly anyone publishes: a date that
		// needs UTC-11 or UTC-12 to hold is another day's ("1 day ago")
		return t, false
	}
	return t.In(time.FixedZone("", int(off/time.Second))), true
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// shownDates returns the dates the page shows in its date-named elements
// (see visibleDate), or else beside a link to the author's page, at most
// eight, outside comment threads, and read
// with the slash dates of the page ("3/5/2022 22:41") in both orders; the
// caller checks each against the moment it has.
func shownDates(doc *goquery.Document, now time.Time) []shownDate {
	var out []shownDate
	eachMatch(doc, dateNamed, func(i int, s *goquery.Selection) bool {
		if inComments(s) {
			return i < 30
		}
		t, ok := boundedText(s, 200)
		if !ok {
			return i < 30
		}
		if d, clock, ok := textDateClock(t, now); ok {
			out = append(out, shownDate{d, clock})
		} else {
			out = append(out, slashDates(t, now)...)
		}
		return len(out) < 8 && i < 30
	})
	// A date shown beside the author's link, in an element named for
	// nothing: "<h6><a href="/autor/…">Ariel Melgar</a> <span>3/5/2022
	// 22:41</span></h6>".
	if !slices.ContainsFunc(out, func(d shownDate) bool { return d.clock }) {
		doc.FindMatcher(selAuthorLink).EachWithBreak(func(i int, a *goquery.Selection) bool {
			if inComments(a) {
				return i < 3
			}
			// Indented markup may hold more spaces than words.
			if t, ok := boundedText(a.Parent(), 800); ok && len(t) <= 200 {
				if d, clock, ok := textDateClock(t, now); ok && clock {
					out = append(out, shownDate{d, clock})
				} else {
					out = append(out, slashDates(t, now)...)
				}
			}
			return len(out) < 8 && i < 3
		})
	}
	return out
}

// selAuthorLink finds links to an author's page.
var selAuthorLink = cascadia.MustCompile(`a[rel~=author], a[href*="/author/"], a[href*="/autor/"], a[href*="/auteur/"], a[href*="/autore/"], a[href*="/authors/"]`)

// eachMatch calls fn with the elements of doc that match accepts, in
// document order, counting from 0, until fn returns false. Unlike
// FindMatcher it stops walking the page there: date lines stand near its
// top.
func eachMatch(doc *goquery.Document, match func(*html.Node) bool, fn func(int, *goquery.Selection) bool) {
	i := 0
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		if depth > 512 {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if match(c) {
				if !fn(i, doc.FindNodes(c)) {
					return false
				}
				i++
			}
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	for _, n := range doc.Nodes {
		if !walk(n, 0) {
			return
		}
	}
}

// slashDate is a date written with slashes and a time of day: "3/5/2022
// 22:41", day or month first.
var slashDate = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b(?:,?\s+(?:um\s+|à\s+|a las\s+|at\s+)?(\d{1,2})[:.h](\d\d))?`)

// slashDates reads a slash date both ways, day first and month first,
// when both are dates; the caller keeps the reading that fits.
func slashDates(s string, now time.Time) []shownDate {
	if len(s) > 120 {
		return nil
	}
	m := slashDate.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	h, mi, clock := 0, 0, m[4] != ""
	if clock {
		h, _ = strconv.Atoi(m[4])
		mi, _ = strconv.Atoi(m[5])
		if h > 23 || mi > 59 {
			h, mi, clock = 0, 0, false
		}
	}
	var out []shownDate
	for _, dm := range [][2]int{{a, b}, {b, a}} {
		d, mo := dm[0], dm[1]
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		t := time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.UTC)
		if t.Day() != d {
			continue
		}
		if t, ok := checkDate(t, now); ok {
			out = append(out, shownDate{t, clock})
		}
		if a == b {
			break
		}
	}
	return out
}

// unambiguousSlashDate reads a slash date whose order its numbers settle
// ("04/21/2022" is 21 April; "01/11/2023" could be either and is refused).
func unambiguousSlashDate(s string, now time.Time) (time.Time, bool) {
	ds := slashDates(s, now)
	if len(ds) != 1 {
		return time.Time{}, false
	}
	return ds[0].t, true
}

// inComments reports whether s is inside a comment thread or a reply
// form, whose dates are the readers'.
func inComments(s *goquery.Selection) bool {
	for n := s.Nodes[0]; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if (a.Key == "class" || a.Key == "id") && commentName(a.Val) {
				return true
			}
		}
	}
	return false
}

// commentName reports whether a class or id names comments ("comments",
// "comment-list", "forum", "kommentare", "commentaires").
func commentName(v string) bool {
	v = strings.ToLower(v)
	return strings.Contains(v, "comment") || strings.Contains(v, "kommentar") || strings.Contains(v, "forum") || strings.Contains(v, "disqus")
}

// shortText reports whether n is an element that may hold a labelled
// date line.
func shortText(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Span, atom.Small, atom.Div, atom.Li, atom.Td, atom.Em, atom.Strong, atom.B:
		return true
	}
	return false
}

// dateLabel opens a date line: "Published", "Posted on", "News date",
// "Erstellt am", "Erschienen am", "Veröffentlicht am", "Publié le",
// "Publicado el".
var dateLabel = regexp.MustCompile(`(?i)^(?:published|posted|first published|news date|date|erstellt|erschienen|veröffentlicht|publiziert|datum|publié|publie|mis en ligne|publicado|publicada|fecha)(?:\s+(?:on|am|le|el|:))?\s*:?\s*`)

// labelledDate finds a short element whose text is a labelled
// publication date ("Erstellt am: 01.11.2023", "News date : 04/21/2022"),
// outside comment threads.
func labelledDate(doc *goquery.Document, now time.Time) (time.Time, bool) {
	var out time.Time
	n := 0
	eachMatch(doc, shortText, func(_ int, s *goquery.Selection) bool {
		n++
		if n > 5000 {
			return false
		}
		t, ok := boundedText(s, 80)
		if !ok || len(t) < 8 {
			return true
		}
		m := dateLabel.FindStringIndex(t)
		if m == nil || m[1] == 0 || inComments(s) {
			return true
		}
		rest := t[m[1]:]
		if rest == "" {
			// The label alone, the date in the next element ("<dt>Erschienen
			// am:</dt><dd>13.10.2021</dd>").
			if rest, ok = boundedText(s.Next(), 40); !ok {
				return true
			}
		}
		d, _, ok := textDateClock(rest, now)
		if !ok {
			d, ok = unambiguousSlashDate(rest, now)
		}
		if ok {
			out = d
			return false
		}
		return true
	})
	return out, !out.IsZero()
}

// looseISO is an ISO date without zero padding: "2022-5-5 22:17:36".
var looseISO = regexp.MustCompile(`^((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d\d)(?::(\d\d))?)?$`)

// parseLooseISO parses an ISO date whose month, day or hour lack their
// leading zero, as UTC.
func parseLooseISO(s string) (time.Time, bool) {
	m := looseISO.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	n := make([]int, 7)
	for i := 1; i < 7; i++ {
		n[i], _ = strconv.Atoi(m[i])
	}
	if n[2] < 1 || n[2] > 12 || n[3] < 1 || n[3] > 31 || n[4] > 23 || n[5] > 59 || n[6] > 59 {
		return time.Time{}, false
	}
	t := time.Date(n[1], time.Month(n[2]), n[3], n[4], n[5], n[6], 0, time.UTC)
	if t.Day() != n[3] {
		return time.Time{}, false
	}
	return t, true
}

// updateLabel opens a date line that gives an update: "Updated",
// "Aktualisiert", "Mis à jour", "Actualizado".
var updateLabel = regexp.MustCompile(`(?i)^(?:last\s+)?(?:updated|aktualisiert|mis à jour|mise à jour|actualizado|actualizada)(?:\s+(?:on|am|le|el))?\s*:?\s*`)

// publishedLabel names a publication date anywhere in a date line.
var publishedLabel = regexp.MustCompile(`(?i)published|posted|veröffentlicht|publiziert|erschienen|erstellt|publié|publie le|publicado|publicada|pubblicato|gepubliceerd`)

// updatedOnly returns the date of the update the page's date lines show
// ("Updated March 28, 2022") when they show no publication date: the
// page then presents itself as of its update.
func updatedOnly(doc *goquery.Document, now time.Time) (time.Time, bool) {
	var out time.Time
	eachMatch(doc, dateNamed, func(i int, s *goquery.Selection) bool {
		t, ok := boundedText(s, 200)
		if !ok || inComments(s) {
			return i < 30
		}
		if publishedLabel.MatchString(t) {
			out = time.Time{}
			return false
		}
		if m := updateLabel.FindStringIndex(t); m != nil && out.IsZero() {
			if d, _, ok := textDateClock(t[m[1]:], now); ok {
				out = d
			}
		}
		return i < 30
	})
	return out, !out.IsZero()
}
