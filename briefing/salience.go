package briefing

import (
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/brief-news/brief/summarize"
)

// Salience orders stories within a section and picks each section's lead.
// A story's score is the sum of:
//
//   - sources: 1.5 × ln(number of sources), so a story three outlets
//     carry (+1.65) outranks one carried once (0);
//   - place: when an entry's Rank (its place on its source's page or feed)
//     is known, 1.5/√rank for the best-placed source: +1.5 for a lead
//     story, +0.75 for the fourth;
//   - figures: +0.3 per takeaway holding a number, at most +0.9;
//   - officials: +0.4 per takeaway or quote naming an office or
//     institution (minister, president, central bank, court, police,
//     union…), at most +0.8;
//   - recency: up to +0.5 for the newest story of the briefing, falling
//     linearly to 0 for one a day older;
//   - section: −0.7 when the article's own section is a soft one
//     (opinion, lifestyle, culture, sport, travel, food…).
//
// The number of quotes plays no part. Ties go to the more recent story,
// then to input order.
const (
	weightSources   = 1.5
	weightRank      = 1.5
	weightFigure    = 0.3
	maxFigures      = 3
	weightOfficial  = 0.4
	maxOfficials    = 2
	weightRecency   = 0.5
	penaltySoft     = 0.7
	recencyHorizon  = 24 * time.Hour
	rankUnknown     = 0
	salienceDecimal = 1000 // scores are rounded to 3 decimals
)

// salience scores a story; ranks holds the Rank of each of its entries,
// newest the most recent time of any story in the briefing.
func salience(st Story, ranks []int, latest, newest time.Time) float64 {
	s := weightSources * math.Log(float64(st.Sources()))
	best := 0
	for _, r := range ranks {
		if r > rankUnknown && (best == 0 || r < best) {
			best = r
		}
	}
	if best > 0 {
		s += weightRank / math.Sqrt(float64(best))
	}
	d := st.Digest
	figures, officials := 0, 0
	for _, t := range d.Takeaways {
		if hasFigure(t) {
			figures++
		}
		if namesOffice(t) {
			officials++
		}
	}
	for _, q := range d.Quotes {
		if namesOffice(q.Role) || namesOffice(q.Speaker) {
			officials++
		}
	}
	s += weightFigure * float64(min(figures, maxFigures))
	s += weightOfficial * float64(min(officials, maxOfficials))
	if !latest.IsZero() && !newest.IsZero() {
		age := newest.Sub(latest)
		s += weightRecency * max(0, 1-float64(age)/float64(recencyHorizon))
	}
	if st.Article != nil && softSection(st.Article.Section) {
		s -= penaltySoft
	}
	return math.Round(s*salienceDecimal) / salienceDecimal
}

// hasFigure reports whether s holds a number: a digit run that is not
// only a year-like date component is enough ("37 ships", "9.5%", "2027").
func hasFigure(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// offices are words naming an office or institution, in lower case; a
// takeaway or role holding one is hard news.
var offices = []string{
	"minister", "president", "prime minister", "chancellor", "premier", "governor", "mayor",
	"senator", "congress", "parliament", "senate", "lawmaker", "government", "ministry",
	"central bank", "court", "judge", "prosecutor", "police", "army", "military",
	"union", "authority", "agency", "commission", "regulator", "council", "spokes",
	"chief executive", "ceo", "chairman", "chairwoman", "director", "secretary",
	"ambassador", "official", "election", "vote",
}

// namesOffice reports whether s names an office or institution.
func namesOffice(s string) bool {
	if s == "" {
		return false
	}
	l := strings.ToLower(s)
	for _, o := range offices {
		if i := strings.Index(l, o); i >= 0 && (i == 0 || !unicode.IsLetter(rune(l[i-1]))) {
			return true
		}
	}
	return false
}

// softSection reports whether an article's section is one of the soft
// ones: opinion, features and leisure.
func softSection(section string) bool {
	l := strings.ToLower(section)
	for _, w := range []string{"opinion", "comment", "editorial", "letters", "lifestyle", "style",
		"culture", "arts", "entertainment", "celebrity", "sport", "travel", "food", "recipes",
		"fashion", "obituar", "horoscope", "puzzles", "weekend", "magazine"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// lead returns a digest's first non-empty takeaway, as one line.
func lead(d *summarize.Digest) string {
	for _, t := range d.Takeaways {
		if t = strings.Join(strings.Fields(t), " "); t != "" {
			return t
		}
	}
	return ""
}
