package llm

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// Ground holds d's takeaways to the article: every number (figures,
// percentages, years, dates) and every proper name in a takeaway must
// occur in a, after normalising digit grouping, units and case. A
// takeaway that fails is dropped, or with keep kept and marked; either
// way it is counted in a "takeaway_ungrounded" warning. When every
// takeaway fails, the digest keeps none and the caller sees an empty
// list (the checks then fail the article).
func Ground(a *article.Article, d *summarize.Digest, keep bool) {
	if len(d.Takeaways) == 0 {
		return
	}
	g := newGrounder(a)
	kept := d.Takeaways[:0]
	for _, t := range d.Takeaways {
		missing := g.missing(t)
		if len(missing) == 0 {
			kept = append(kept, t)
			continue
		}
		d.Warn(summarize.WarnTakeawayUngrounded, fmt.Sprintf("%s not in article: %q", strings.Join(missing, ", "), clip(t, 80)))
		if keep {
			kept = append(kept, t+" [unverified: "+strings.Join(missing, ", ")+"]")
		}
	}
	d.Takeaways = kept
}

// grounder indexes an article's numbers and words.
type grounder struct {
	numbers map[string]bool // digits as written, grouping removed
	values  map[float64]bool
	words   map[string]bool // lower-case words
	text    string          // lower-case text
}

func newGrounder(a *article.Article) *grounder {
	text := a.Title + "\n" + a.Dateline + "\n" + a.Site + "\n" + a.Byline + "\n" + a.Text()
	if !a.Published.IsZero() {
		text += "\n" + a.Published.Format("2 January 2006 Monday")
	}
	g := &grounder{numbers: map[string]bool{}, values: map[float64]bool{}, words: map[string]bool{}, text: strings.ToLower(text)}
	for _, n := range numbersIn(text) {
		g.numbers[n.raw] = true
		g.values[n.value] = true
		g.values[n.scaled] = true
	}
	for _, w := range wordsIn(g.text) {
		g.words[w] = true
	}
	return g
}

// missing returns what t names that the article does not hold.
func (g *grounder) missing(t string) []string {
	var out []string
	for _, n := range numbersIn(t) {
		if g.numbers[n.raw] || g.values[n.value] || g.values[n.scaled] {
			continue
		}
		out = append(out, n.text)
	}
	for _, name := range namesIn(t) {
		if !g.hasWord(strings.ToLower(name)) {
			out = append(out, name)
		}
	}
	return out
}

// hasWord reports whether the article holds w, or a word that differs
// from it only in its ending (Kenya, Kenyan; France, French is not).
func (g *grounder) hasWord(w string) bool {
	if g.words[w] {
		return true
	}
	r := []rune(w)
	if len(r) < 5 {
		return false
	}
	stem := string(r[:len(r)-2])
	for v := range g.words {
		if strings.HasPrefix(v, stem) {
			return true
		}
	}
	return false
}

type number struct {
	text, raw     string
	value, scaled float64
}

var scales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}

// numbersIn finds the numbers in s: digit runs with grouping commas or
// a decimal point, and the scale word after them ("42 billion", "3bn").
func numbersIn(s string) []number {
	var out []number
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if !unicode.IsDigit(rs[i]) || (i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1]))) {
			continue
		}
		j := i
		var raw strings.Builder
		for j < len(rs) {
			c := rs[j]
			if unicode.IsDigit(c) {
				raw.WriteRune(c)
				j++
				continue
			}
			if (c == ',' || c == '.' || c == '\u202F' || c == '\u00A0') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) {
				if c == '.' {
					raw.WriteRune('.')
				}
				j++
				continue
			}
			break
		}
		n := number{text: string(rs[i:j]), raw: strings.TrimLeft(raw.String(), "0")}
		if n.raw == "" {
			n.raw = "0"
		}
		n.value, _ = strconv.ParseFloat(raw.String(), 64)
		n.scaled = n.value
		// the scale word right after ("42 billion", "3bn")
		k := j
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		e := k
		for e < len(rs) && unicode.IsLetter(rs[e]) {
			e++
		}
		if f, ok := scales[strings.ToLower(string(rs[k:e]))]; ok {
			n.scaled = n.value * f
		}
		out = append(out, n)
		i = j
	}
	return out
}

// wordsIn splits lower-case text into words (letters and digits, inner
// apostrophes and hyphens kept, and each part of a hyphenated word too).
func wordsIn(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-')
	}) {
		f = strings.Trim(strings.ReplaceAll(f, "’", "'"), "'-")
		if f == "" {
			continue
		}
		out = append(out, f)
		if strings.Contains(f, "-") {
			out = append(out, strings.Split(f, "-")...)
		}
		if base, ok := strings.CutSuffix(f, "'s"); ok {
			out = append(out, base)
		}
	}
	return out
}

// namesIn returns the capitalised words of t: proper names, months,
// weekdays and acronyms. A sentence's first word counts unless it is a
// common word that starts sentences ("The", "Officials").
func namesIn(t string) []string {
	var out []string
	start := true
	for _, f := range strings.Fields(t) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		first, _ := firstRune(w)
		if unicode.IsUpper(first) && len([]rune(w)) > 1 && !(start && starters[strings.ToLower(w)]) {
			out = append(out, w)
		}
		start = strings.HasSuffix(f, ".") || strings.HasSuffix(f, ":") || strings.HasSuffix(f, "!") || strings.HasSuffix(f, "?") || w == ""
	}
	return out
}

// starters are common words that begin a sentence without being names.
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an in on at for with after before by from this that these those it its
		he she they we his her their our there here what when where why how who which while as but and or so yet
		both all each every no not some many most more less few several other such one two three four five six
		seven eight nine ten new old officials authorities analysts critics experts residents investors
		government police prices output sales shares talks plans data figures researchers scientists
		despite although though if unless since until during amid over under about against between among
		according also only even still already now then later earlier last next first second third
		global local national international public private economic political several workers voters
		leaders lawmakers companies banks markets inflation growth demand supply exports imports costs`) {
		m[w] = true
	}
	return m
}()

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
