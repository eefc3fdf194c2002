package extractive

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file splits paragraphs into sentences. The splitter is rule-based and
// language-light: it breaks after '.', '!', '?' and '…' (with any closing
// quotation marks or brackets that follow) when whitespace and the start of a
// plausible sentence come next, and keeps abbreviations ("Dr.", "U.S.",
// "No. 5", "a.m.", and by shape "Dipl.-Ing.", "LHStv."), initials ("John F.
// Kennedy") and decimals ("3.5") whole. Chinese and Japanese "。" "！" "？"
// end a sentence with no space after them.
// On text without capital letters it cannot rely on case, so it falls back to
// word lists for the ambiguous cases.

// sentSplitter splits the paragraphs of one article. cased records whether
// the text capitalizes sentence starts, which decides how ambiguous periods
// are read.
type sentSplitter struct {
	cased bool
	// ordinals: the language writes ordinals as a number and a period
	// ("zum 100. Geburtstag"), so a short number before a capitalised
	// word does not end the sentence.
	ordinals bool
}

// newSentSplitter looks at paras to decide whether sentence starts are
// capitalized.
func newSentSplitter(paras []string) sentSplitter {
	upper, lower, anyUpper := 0, 0, false
	for _, p := range paras {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(p, "\"'“‘( ")); unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
		if !anyUpper {
			anyUpper = strings.IndexFunc(p, unicode.IsUpper) >= 0
		}
		for i := 0; i+2 < len(p); i++ {
			if (p[i] != '.' && p[i] != '!' && p[i] != '?') || p[i+1] != ' ' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(p[i+2:], "\"'“‘( "))
			switch {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			}
		}
	}
	if upper+lower == 0 {
		return sentSplitter{cased: anyUpper}
	}
	return sentSplitter{cased: upper >= lower}
}

// split appends the sentences of paragraph p to dst, each trimmed of
// surrounding space, and returns the extended slice.
func (sp sentSplitter) split(p string, dst []string) []string {
	start := 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if !sentIsTerminal(r) {
			i += size
			continue
		}
		// A run of terminals: "?!", "...", "!!".
		j := i + size
		dots := 0
		if r == '.' {
			dots = 1
		}
		for j < len(p) {
			r2, s2 := utf8.DecodeRuneInString(p[j:])
			if !sentIsTerminal(r2) {
				break
			}
			if r2 == '.' {
				dots++
			}
			j += s2
		}
		// Closing quotes and brackets glued to the terminal belong to it.
		k := j
		closed := false
		for k < len(p) {
			r2, s2 := utf8.DecodeRuneInString(p[k:])
			if !sentIsCloser(r2) {
				break
			}
			closed = true
			k += s2
		}
		if sentIsCJKTerminal(r) {
			// "。" "！" "？" end a sentence with no space after them,
			// except at the end of a quotation the sentence goes on
			// after: "「はい。」と答えた。".
			if closed && k < len(p) && sentSkipSpace(p, k) == k {
				i = k
				continue
			}
			if s := strings.TrimSpace(p[start:k]); s != "" {
				dst = append(dst, s)
			}
			start = sentSkipSpace(p, k)
			i = start
			continue
		}
		if k < len(p) && sentSkipSpace(p, k) == k {
			// "3.5", "U.S.A", "example.com", "Yahoo!News".
			i = j
			continue
		}
		// A closing quotation mark set off by a space (". ' Next", '. " Next')
		// belongs to this sentence when it closes a quote opened in it.
		m := sentSkipSpace(p, k)
		if m < len(p) && m > k {
			q, qs := utf8.DecodeRuneInString(p[m:])
			apart := m+qs == len(p) || sentSkipSpace(p, m+qs) > m+qs
			if apart && (q == '”' || q == '’' || q == '»' ||
				(q == '\'' || q == '"') && sentOddSpacedQuotes(p[start:i], p[m])) {
				k = m + qs
				closed = true
				m = sentSkipSpace(p, k)
			}
		}
		if m >= len(p) {
			break
		}
		ellipsis := r == '…' || dots >= 2
		if sp.boundary(p[start:i], r, ellipsis, closed, p[m:]) {
			if s := strings.TrimSpace(p[start:k]); s != "" {
				dst = append(dst, s)
			}
			start = m
		}
		i = m
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		dst = append(dst, s)
	}
	return dst
}

// boundary decides whether the terminal term, which ends the text before,
// ends a sentence given the text after it.
func (sp sentSplitter) boundary(before string, term rune, ellipsis, closed bool, after string) bool {
	next := sentFirstWord(after)
	nr, _ := utf8.DecodeRuneInString(next)
	nextUpper := unicode.IsUpper(nr)
	nextLower := unicode.IsLower(nr)
	nextDigit := unicode.IsDigit(nr)
	if nr == utf8.RuneError || next == "" {
		// Punctuation or symbols follow: treat as a boundary.
		return true
	}
	if closed && nextLower && sentAttribution(next) {
		// '"Where are you?" she asked.' / '"we won." he said'
		return false
	}
	if sp.cased && nextLower {
		// Ordinary sentences start with a capital in cased text.
		return false
	}
	if term != '.' || ellipsis {
		if ellipsis && !sp.cased {
			return sentStarter(next)
		}
		return true
	}
	if closed {
		return true
	}
	word := sentLastWord(before)
	lw := strings.ToLower(strings.TrimRight(word, "."))
	if lw == "" {
		return true
	}
	if sentTitles[lw] {
		return false
	}
	if nextDigit && (sentNumberAbbrevs[lw] || sentMonths[lw]) {
		return false
	}
	if sp.ordinals && nextUpper && len(lw) <= 3 && strings.Trim(lw, "0123456789") == "" {
		return false
	}
	if sentOrdinal(lw) && sentMonthNames[strings.ToLower(next)] {
		// German and other day ordinals: "am 3. Mai".
		return false
	}
	if sentNeverFinal[lw] {
		return false
	}
	if utf8.RuneCountInString(lw) == 1 && unicode.IsLetter([]rune(lw)[0]) {
		// An initial: "John F. Kennedy", "j. k. rowling".
		return false
	}
	if nextUpper && sentAbbrevShape(strings.TrimRight(word, ".")) {
		// "Dipl.-Ing. Josef", "Univ.-Prof. Dr.", "LHStv. Anton".
		return false
	}
	if sentDotted(lw) || sentMaybeFinal[lw] {
		// "U.S.", "a.m.", "Inc.": a sentence may end here; believe it when
		// a common sentence opener follows.
		return sentStarter(next)
	}
	if !sp.cased {
		return true
	}
	return nextUpper || nextDigit || !unicode.IsLetter(nr)
}

func sentIsTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…' || sentIsCJKTerminal(r)
}

// sentOrdinalLangs are the languages (ISO 639-1) that write ordinals as
// "3." in running text.
var sentOrdinalLangs = sentSet("de da no nb nn fi cs sk sl hr sr hu pl et lv tr is")

// sentOrdinalLang reports whether lang (a tag such as "de-AT") writes
// ordinals as a number and a period.
func sentOrdinalLang(lang string) bool {
	if len(lang) > 2 {
		lang = lang[:2]
	}
	return sentOrdinalLangs[strings.ToLower(lang)]
}

// sentIsCJKTerminal reports whether r is a Chinese or Japanese full stop,
// exclamation or question mark (ideographic or fullwidth).
func sentIsCJKTerminal(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '｡'
}

func sentIsCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '」', '』', '）', '】':
		return true
	}
	return false
}

func sentSkipSpace(p string, i int) int {
	for i < len(p) {
		if p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r' {
			i++
			continue
		}
		if p[i] == 0xc2 && i+1 < len(p) && p[i+1] == 0xa0 { // no-break space
			i += 2
			continue
		}
		break
	}
	return i
}

// sentOddSpacedQuotes reports whether s holds an odd number of the quote q
// standing apart from words (opened and not yet closed). A space-separated
// apostrophe after a word ending in s is taken for a possessive.
func sentOddSpacedQuotes(s string, q byte) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != q {
			continue
		}
		if q == '"' {
			n++
			continue
		}
		leftOpen := i == 0 || s[i-1] == ' '
		rightOpen := i+1 == len(s) || s[i+1] == ' '
		if !leftOpen && !rightOpen {
			continue // don't, it's
		}
		if leftOpen && i >= 2 && s[i-2] == 's' && rightOpen {
			continue // runners ' agents
		}
		n++
	}
	return n%2 == 1
}

// sentFirstWord returns the first word of s after opening quotes and brackets.
func sentFirstWord(s string) string {
	s = strings.TrimLeft(s, "\"'“‘«([ ")
	end := strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	if end < 0 {
		return s
	}
	if end == 0 {
		_, size := utf8.DecodeRuneInString(s)
		return s[:size]
	}
	return s[:end]
}

// sentLastWord returns the last space-separated token of s without leading
// brackets or quotes.
func sentLastWord(s string) string {
	w := s[strings.LastIndexAny(s, " \t\n")+1:]
	return strings.TrimLeft(w, "\"'“‘([")
}

// sentDotted reports whether w is a dotted abbreviation such as "u.s",
// "a.m" or "ph.d": short letter groups joined by dots.
func sentDotted(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if n := utf8.RuneCountInString(part); n == 0 || n > 3 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// sentAbbrevShape reports whether w (without its final period) is shaped
// like a title or degree abbreviation rather than a word: short pieces of
// letters joined by periods and hyphens, with a hyphen and an inner period
// ("Dipl.-Ing", "Univ.-Prof", "Dr.-Ing"), or a short token with a run of
// capitals followed by lower-case letters ("LHStv", "BGBl"; not a plural
// like "CEOs").
func sentAbbrevShape(w string) bool {
	if w == "" || utf8.RuneCountInString(w) > 12 {
		return false
	}
	if strings.Contains(w, ".") {
		if !strings.Contains(w, "-") {
			return false // "U.S", "a.m": sentDotted decides
		}
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == '-' }) {
			if utf8.RuneCountInString(part) > 5 || strings.IndexFunc(part, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
				return false
			}
		}
		return true
	}
	if utf8.RuneCountInString(w) > 6 {
		return false
	}
	caps, run, tail := 0, 0, ""
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			if tail != "" {
				return false // "McCain"-like: capitals after lower case
			}
			run++
			caps = max(caps, run)
		case unicode.IsLower(r):
			if run == 0 && i == 0 {
				return false
			}
			run = 0
			tail += string(r)
		default:
			return false
		}
	}
	return caps >= 2 && tail != "" && tail != "s"
}

// sentOrdinal reports whether w is a one- or two-digit number.
func sentOrdinal(w string) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// sentStarter reports whether w commonly opens an English sentence.
func sentStarter(w string) bool {
	return sentStarters[strings.ToLower(w)]
}

// sentAttribution reports whether w, after a closing quotation mark, most
// likely continues the sentence ('"...?" she asked').
func sentAttribution(w string) bool {
	return sentAttributions[strings.ToLower(w)]
}

var sentTitles = sentSet("mr mrs ms messrs dr prof gov govs sen sens rep reps st gen gens lt col capt cpt sgt rev hon pres supt det insp cpl maj adm cmdr cdr fr mt ft brig atty amb mme mlle pvt sra srta dott")

var sentNumberAbbrevs = sentSet("no nos nr vol art p pp fig figs ch sec para tel op ex")

var sentMonths = sentSet("jan feb mar apr jun jul aug sep sept oct nov dec")

// sentNeverFinal are abbreviations that do not end sentences in practice.
var sentNeverFinal = sentSet("vs v e.g i.e cf approx ca viz al")

// sentMaybeFinal are abbreviations that often end a sentence too.
var sentMaybeFinal = sentSet("etc inc corp co ltd jr sr bros plc llc dept est")

var sentStarters = sentSet("the a an he she it they we i you his her its their our this that these those there but however meanwhile police officials authorities")

// sentMonthNames are month names that may follow a day ordinal ("3. Mai").
var sentMonthNames = sentSet("januar jänner februar märz april mai juni juli august september oktober november dezember januari februari maart mei augustus december")

var sentAttributions = sentSet("he she they i we it said says say asked asks told tells added adds explained wrote writes according replied continued insisted warned")

func sentSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
