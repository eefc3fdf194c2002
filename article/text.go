package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// FromText builds an article from plain text. Paragraphs are separated by
// blank lines or by a line break followed by indentation; hard-wrapped lines
// within a paragraph are joined with spaces. A short first line without
// final punctuation, set off by a blank line, is the title. A dateline at
// the start of the first paragraph ("LONDON (Reuters) -") is recorded in
// Dateline; the paragraph keeps it.
func FromText(s string) (*Article, error) {
	return fromText(s, true)
}

// fromText is FromText; title says whether to look for a title line.
func fromText(s string, title bool) (*Article, error) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	a := &Article{Sources: map[string]string{}}
	var cur []string
	var paras []string
	firstBreakBlank := false
	flush := func(blank bool) {
		if len(cur) > 0 {
			if len(paras) == 0 {
				firstBreakBlank = blank
			}
			paras = append(paras, collapse(strings.Join(cur, " ")))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			flush(true)
			continue
		}
		if len(cur) > 0 && (strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "\t")) {
			flush(false)
		}
		cur = append(cur, t)
	}
	flush(true)
	if len(paras) == 0 {
		return nil, ErrNoContent
	}
	if title && len(paras) > 1 && firstBreakBlank && isTitleLine(paras[0]) {
		a.Title = strings.TrimLeft(paras[0], "# ")
		a.Sources["title"] = "heuristic"
		paras = paras[1:]
	}
	a.Paragraphs = paras
	if d := detectDateline(paras[0]); d != "" {
		a.Dateline = d
		a.Sources["dateline"] = "heuristic"
	}
	setLanguage(a)
	return a, nil
}

// isTitleLine reports a line that reads as a headline: short and without
// sentence-final punctuation.
func isTitleLine(p string) bool {
	n := utf8.RuneCountInString(p)
	if n == 0 || n > 150 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".!?:;,\"”'’)", last)
}

var (
	// "KUALA LUMPUR —", "WASHINGTON, Feb 26 -", "LONDON (Reuters) -",
	// "SOWETO, South Africa, March 2 -", "Caracas, feb 26 -".
	datelineRe = regexp.MustCompile(`^((?:[\p{Lu}][\p{Lu}\p{M}.'’\-]*(?:\s+[\p{Lu}][\p{Lu}\p{M}.'’\-]*){0,3}|[\p{Lu}][\p{Ll}\p{M}.'’\-]+(?:\s+[\p{Lu}][\p{Ll}\p{M}.'’\-]+){0,2})(?:,\s*[\p{L}.][\p{L}\p{M}.'’\-]*(?:\s+[\p{L}][\p{L}\p{M}.'’\-]*){0,2}(?:\s+\d{1,2})?){0,2}(?:\s*\([\p{L}&.'’ \-]{2,30}\))?)\s*(?:[-–—―]{1,2}|:)\s`)
	// "[EUROPE]" opening the text.
	bracketDateline = regexp.MustCompile(`^\[([\p{Lu}][\p{Lu}\p{M} .'\-]{1,40})\]`)
)

// detectDateline returns the dateline opening p, without its trailing
// dash, or "" when p does not open with one.
func detectDateline(p string) string {
	if m := bracketDateline.FindStringSubmatch(p); m != nil {
		return m[1]
	}
	if len(p) > 400 {
		p = p[:400]
	}
	m := datelineRe.FindStringSubmatch(p)
	if m == nil {
		return ""
	}
	d := strings.TrimSpace(m[1])
	place := d
	if i := strings.IndexAny(place, ",("); i >= 0 {
		place = strings.TrimSpace(place[:i])
	}
	// The place is upper case ("BEIRUT"), or a capitalised name followed by
	// a date or an agency: a capitalised word alone before a dash is too
	// often the subject of a sentence.
	upper := true
	letters := 0
	for _, r := range place {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
	}
	if letters < 2 {
		return ""
	}
	if !upper && !strings.ContainsAny(d, ",(") {
		return ""
	}
	if !upper && strings.Contains(d, ",") && !strings.ContainsAny(d, "0123456789(") {
		return ""
	}
	return d
}

// datelineDay matches a day after a month name in a dateline:
// "SANTIAGO, Nov 24", "LONDON, March 3 (Reuters)", "Caracas, 26 feb".
var datelineDay = regexp.MustCompile(`(?i)(?:,|^)\s*(?:(\p{L}{3,12})\.?\s+(\d{1,2})|(\d{1,2})\.?\s+(\p{L}{3,12})\.?)\b`)

// DatelineDate reads the day a dateline gives ("SANTIAGO, Nov 24") as a
// date at midnight UTC. A dateline names no year: the year is the one that
// puts the day closest before now (a day up to one day after now counts as
// this year, for time zones). It reports false when the dateline names no
// month and day, or now is zero.
func DatelineDate(dateline string, now time.Time) (time.Time, bool) {
	if now.IsZero() {
		return time.Time{}, false
	}
	for _, m := range datelineDay.FindAllStringSubmatch(dateline, -1) {
		name, day := m[1], m[2]
		if name == "" {
			name, day = m[4], m[3]
		}
		mo, ok := monthNames[strings.ToLower(name)]
		if !ok {
			continue
		}
		d, err := strconv.Atoi(day)
		if err != nil || d < 1 || d > 31 {
			continue
		}
		now = now.UTC()
		t := time.Date(now.Year(), mo, d, 0, 0, 0, 0, time.UTC)
		if t.Month() != mo { // 31 November
			continue
		}
		if t.After(now.Add(24 * time.Hour)) {
			t = t.AddDate(-1, 0, 0)
		}
		return t, true
	}
	return time.Time{}, false
}

// fromTextAt is FromText for a plain-text file or page read at now: an
// article that gives no date takes its dateline's ("SANTIAGO, Nov 24 -").
func fromTextAt(s string, now time.Time) (*Article, error) {
	a, err := FromText(s)
	if err != nil {
		return nil, err
	}
	if a.Published.IsZero() && a.Dateline != "" {
		if t, ok := DatelineDate(a.Dateline, now); ok {
			a.Published = t
			a.Sources["published"] = "heuristic"
		}
	}
	return a, nil
}
