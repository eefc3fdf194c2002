package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Metadata read from the page's visible text: dates written out in words
// ("Published 8 January 2020, 3:51 pm", "8. Januar 2020", "6 de mayo de
// 2022"), and the checks that keep placeholders, dates and photo credits
// out of the byline.

// monthNames maps month names and their usual abbreviations in the main
// languages of the web to month numbers.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range [][]string{
		{"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "stycznia", "styczeń"},
		{"february", "feb", "februar", "feber", "février", "févr", "fevrier", "febrero", "febbraio", "fevereiro", "fev", "februari", "lutego", "luty"},
		{"march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt", "marca", "marzec"},
		{"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień"},
		{"may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj"},
		{"june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec"},
		{"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec"},
		{"august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień"},
		{"september", "sep", "sept", "septembre", "septiembre", "set", "settembre", "setembro", "września", "wrzesień"},
		{"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "października", "październik"},
		{"november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad"},
		{"december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudnia", "grudzień"},
	} {
		for _, n := range names {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

var (
	// "8 January 2020", "8. Januar 2020", "6 de mayo de 2022", "8 janvier 2020"
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b`)
	// "January 8, 2020", "Jan. 8 2020"
	monthDayYear = regexp.MustCompile(`(?i)\b(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	// "08.01.2020", "8/1/2020" is ambiguous and left alone; "2020-01-08"
	numericDate = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	// "3:51 pm", "11:30 p.m.", "12:00 A. M.", "15:51", "15.51 Uhr"
	clockTime = regexp.MustCompile(`(?i)\b(\d{1,2})[:.](\d\d)\s*(am|pm|a\.\s?m\.?|p\.\s?m\.?|uhr|h)?\b`)
)

// textDate reads a date written out in a short text, with its time of day
// when one follows it. It refuses texts that are not mostly a date line.
func textDate(s string, now time.Time) (time.Time, bool) {
	t, _, ok := textDateClock(s, now)
	return t, ok
}

// textDateClock is textDate, and says whether the text gives a time of
// day.
func textDateClock(s string, now time.Time) (time.Time, bool, bool) {
	s = collapse(s)
	if s == "" || utf8.RuneCountInString(s) > 120 {
		return time.Time{}, false, false
	}
	var y, d int
	var mo time.Month
	end := -1
	if m := dayMonthYear.FindStringSubmatchIndex(s); m != nil {
		if mm, ok := monthNames[strings.ToLower(s[m[4]:m[5]])]; ok {
			d, _ = strconv.Atoi(s[m[2]:m[3]])
			y, _ = strconv.Atoi(s[m[6]:m[7]])
			mo, end = mm, m[1]
		}
	}
	if end < 0 {
		if m := monthDayYear.FindStringSubmatchIndex(s); m != nil {
			if mm, ok := monthNames[strings.ToLower(s[m[2]:m[3]])]; ok {
				d, _ = strconv.Atoi(s[m[4]:m[5]])
				y, _ = strconv.Atoi(s[m[6]:m[7]])
				mo, end = mm, m[1]
			}
		}
	}
	if end < 0 {
		if m := numericDate.FindStringSubmatch(s); m != nil {
			if m[1] != "" {
				d, _ = strconv.Atoi(m[1])
				mi, _ := strconv.Atoi(m[2])
				y, _ = strconv.Atoi(m[3])
				mo = time.Month(mi)
			} else {
				y, _ = strconv.Atoi(m[4])
				mi, _ := strconv.Atoi(m[5])
				d, _ = strconv.Atoi(m[6])
				mo = time.Month(mi)
			}
			end = strings.Index(s, m[0]) + len(m[0])
		}
	}
	if end < 0 || d < 1 || d > 31 || mo < 1 || mo > 12 {
		return time.Time{}, false, false
	}
	h, mi, clock := 0, 0, false
	if c := clockTime.FindStringSubmatch(s[end:]); c != nil {
		clock = true
		h, _ = strconv.Atoi(c[1])
		mi, _ = strconv.Atoi(c[2])
		switch strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(c[3])) {
		case "pm":
			if h < 12 {
				h += 12
			}
		case "am":
			if h == 12 {
				h = 0
			}
		}
		if h > 23 || mi > 59 {
			h, mi, clock = 0, 0, false
		}
	}
	t := time.Date(y, mo, d, h, mi, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false, false // 31 February
	}
	t, ok := checkDate(t, now)
	return t, clock && ok, ok
}

// dateNamed reports whether an element's class or id says it holds the
// article's date: a class naming a date ("date", "datum", "fecha",
// "posted", "publish", "publication"), the byline or the author ("byline",
// "author", "autor", "meta"), or an id naming a date. It does what a
// selector of twelve case-insensitive [class*=…] tests would, in one pass.
func dateNamed(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			v := strings.ToLower(a.Val)
			for _, w := range dateClassWords {
				if strings.Contains(v, w) {
					return true
				}
			}
		case "id":
			if strings.Contains(strings.ToLower(a.Val), "date") {
				return true
			}
		}
	}
	return false
}

// dateClassWords are the parts of class names that dateNamed looks for
// ("dateline" and "updated" contain "date").
var dateClassWords = []string{"date", "publish", "publication", "posted", "datum", "fecha", "byline", "author", "autor", "meta"}

// visibleDate reads the publication date the page shows in a date-named
// element, or in a <time> element without a machine-readable value.
func visibleDate(doc *goquery.Document, now time.Time) (time.Time, bool) {
	var out time.Time
	eachMatch(doc, dateNamed, func(i int, s *goquery.Selection) bool {
		t, ok := boundedText(s, 400)
		if !ok {
			return i < 15 // a wrapper named for its metadata
		}
		if inComments(s) {
			return i < 15 // a reader's comment
		}
		if l := strings.ToLower(t); strings.Contains(l, "updated") || strings.Contains(l, "aktualisiert") || strings.Contains(l, "modified") {
			if !strings.Contains(l, "published") && !strings.Contains(l, "veröffentlicht") {
				return i < 15
			}
		}
		if d, ok := textDate(t, now); ok {
			out = d
			return false
		}
		return i < 15
	})
	return out, !out.IsZero()
}

// bylineLabel is a label before the names ("Author:", "Post author", "Autor").
var bylineLabel = regexp.MustCompile(`(?i)^(?:post\s+)?(?:author|autor|auteur|autore|autora|verfasser|verfasst von|geschrieben von|written by|text|texto|texte|redacción|redaktion:)\s*:?\s+`)

// placeholderBylines are what CMSs print when no author was entered.
var placeholderBylines = map[string]bool{
	"admin": true, "administrator": true, "administrador": true, "webmaster": true, "root": true,
	"unknown": true, "unknown author": true, "no author": true, "noauthor": true, "anonymous": true,
	"anonym": true, "anónimo": true, "anonimo": true, "anonyme": true, "n/a": true, "none": true,
	"null": true, "undefined": true, "author": true, "autor": true, "auteur": true, "user": true,
	"guest": true, "gast": true, "editor": true, "default": true,
}

// plausibleByline reports whether a cleaned byline names people or a
// desk: not a placeholder, a date, or a photo credit.
func plausibleByline(s string) bool {
	if s == "" || placeholderBylines[strings.ToLower(s)] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsDigit(r) || r == '©' || r == '(' {
		return false
	}
	l := strings.ToLower(s)
	for _, p := range []string{"foto", "photo", "bild:", "bild ", "image", "credit", "getty", "copyright", "dpa-bildfunk", "shutterstock", "istock"} {
		if strings.HasPrefix(l, p) {
			return false
		}
	}
	if _, ok := textDate(s, time.Time{}); ok {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}
