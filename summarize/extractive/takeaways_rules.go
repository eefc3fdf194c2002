package extractive

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules that decide whether a sentence may be a
// takeaway and how well it reads on its own.

// tkTraits are the surface traits of a sentence that the rules look at.
type tkTraits struct {
	// rejected: never a takeaway (question, byline, prompt, credit...).
	rejected bool
	// pronoun, connective: opens with a pronoun ("He said"), or with a
	// connective ("However,", "As a result").
	pronoun, connective bool
	// caption: reads like a photo caption.
	caption bool
	// quoteShare: share of letters and digits inside quotation marks.
	quoteShare float64
	// midQuote: starts inside a quotation opened in an earlier sentence,
	// so it does not read on its own.
	midQuote bool
}

// tkTraitsOf works out the traits of sentence s.
func tkTraitsOf(s string) tkTraits {
	l := strings.ToLower(s)
	tr := tkTraits{
		rejected:   tkRejected(s, l),
		caption:    tkCaption(s, l),
		quoteShare: tkQuoteShare(s),
		midQuote:   tkMidQuote(s),
	}
	// Openers inside a quotation are the speaker's, not the story's:
	// the quotation penalty covers those sentences.
	if r, _ := utf8.DecodeRuneInString(l); !strings.ContainsRune("\"'“‘«", r) {
		first := sentFirstWord(l)
		tr.pronoun = tkPronouns[first]
		tr.connective = tkConnectives[first] || tkConnectivePhrase(l)
	}
	return tr
}

// tkRejected reports whether s (lowercased: l) can never be a takeaway: a
// question, a byline or time stamp, a photo credit, a "Read more" or
// "Scroll down for video" prompt, or other page furniture.
func tkRejected(s, l string) bool {
	if strings.HasSuffix(strings.TrimRight(s, "\"'”’)] "), "?") {
		return true
	}
	for _, p := range tkBoilerPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	// The furniture phrases start words (or with "/"); try them only there.
	for i := 0; i < len(l); i++ {
		if i > 0 && tkAlnum(l[i-1]) && tkAlnum(l[i]) {
			continue
		}
		if strings.IndexByte(tkBoilerFirst, l[i]) < 0 {
			continue
		}
		for _, p := range tkBoilerContains {
			if p[0] == l[i] && strings.HasPrefix(l[i:], p) {
				return true
			}
		}
	}
	if strings.HasPrefix(l, "by ") && (strings.Contains(l, "|") || strings.Contains(l, "updated") ||
		strings.Contains(l, "published") || strings.Contains(l, "reporter") || strings.Contains(l, "correspondent")) {
		return true
	}
	return false
}

var tkBoilerPrefixes = []string{
	"read more", "scroll down", "click here", "follow us", "follow @", "photo:", "photos:", "photograph:",
	"image:", "images:", "picture:", "credit:", "video:", "watch:", "related:", "see also", "advertisement",
	"sign up", "subscribe", "share this", "copyright", "©", "published:", "updated:", "last updated",
	"editor's note", "editor’s note", "this article", "this story", "listen to", "download ", "more:",
	"read:", "also read", "recommended:", "(photo", "[photo", "file photo", "getty images", "reporting by",
	"additional reporting", "writing by", "editing by", "contact us", "for more ",
}

// tkBoilerFirst holds the first bytes of tkBoilerContains.
const tkBoilerFirst = "acrsnog/ptfel"

var tkBoilerContains = []string{
	"all rights reserved", "click here", "read more", "scroll down", "sign up for", "newsletter",
	"contributed to this report", "contributed reporting", "opinions expressed in this", "getty images",
	"/getty", "ap photo", "reuters/", "photo credit", "this story has been", "follow him on twitter",
	"follow her on twitter", "follow us on", "e-mail to a friend", "email to a friend", "terms apply",
	"link is to an external site",
}

// tkConnectivePhrase reports whether the lowercased sentence l opens with a
// multi-word connective.
func tkConnectivePhrase(l string) bool {
	l = strings.TrimLeft(l, "\"'“‘ ")
	for _, p := range tkConnectivePhrases {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

var tkConnectivePhrases = []string{
	"in addition", "as a result", "on the other hand", "at the same time", "even so", "in fact",
	"by contrast", "in contrast", "after that", "as well as",
}

// tkCaption reports whether s (lowercased: l) reads like a photo caption:
// "(pictured)", "(left)", or a short label before a colon ("Tragic: the
// boy was ...").
func tkCaption(s, l string) bool {
	if strings.Contains(l, "pictured") || strings.IndexByte(l, '(') >= 0 {
		for _, p := range tkCaptionMarks {
			if strings.Contains(l, p) {
				return true
			}
		}
	}
	if k := strings.IndexByte(s, ':'); k > 0 && k < 40 {
		if w := tkWordCount(s[:k]); w >= 1 && w <= 3 && !strings.ContainsAny(s[:k], "\"'“‘") {
			return true
		}
	}
	return false
}

var tkCaptionMarks = []string{
	"(pictured", "pictured)", "(left", "(right", "(above", "(below", "(centre", "(center", "(inset",
	"(file", "(top", "(bottom", "pictured above", "pictured left", "pictured right", "pictured here",
	"pictured with", "pictured at", "pictured in", "pictured on",
}

// tkMidQuote reports whether the first curly quotation mark or guillemet
// in s closes a quotation.
func tkMidQuote(s string) bool {
	i := strings.IndexAny(s, "“”«»")
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '”' || r == '»'
}

// tkQuoteShare returns the share of s's letters and digits that lie inside
// quotation marks. Straight single quotes count as quotation marks only
// where they stand at a word edge and are not a possessive ("runners ' kit").
// A sentence whose first curly quotation mark or guillemet is a closing one
// starts inside a quotation that opened in the sentence before ("Nobody
// listened,” she said.): its words up to that mark count as quoted.
func tkQuoteShare(s string) float64 {
	if strings.IndexByte(s, '"') < 0 && !strings.Contains(s, "“") && !strings.Contains(s, "‘") &&
		!strings.Contains(s, "«") && !strings.HasPrefix(s, "'") && !strings.Contains(s, " '") &&
		!strings.Contains(s, "”") && !strings.Contains(s, "»") {
		return 0 // no quotation opens or closes
	}
	in := tkMidQuote(s)
	var quoted, total int
	var open rune
	prev := ' '
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		i += size
		switch {
		case r == '“' || r == '«':
			in, open = true, r
		case r == '”' || r == '»':
			in = false
		case r == '"':
			in, open = !in, r
		case r == '‘' && !in:
			in, open = true, r
		case r == '’' && in && open == '‘' && !(unicode.IsLetter(prev) && unicode.IsLetter(next)):
			in = false
		case r == '\'' && !(unicode.IsLetter(prev) && unicode.IsLetter(next)) && !(prev == ' ' && next == ' ' && i-size >= 2 && s[i-size-2] == 's'):
			switch {
			case in && open == '\'':
				in = false
			case !in && prev == ' ' || !in && i == size:
				in, open = true, r // "said: ' we" or "'We ..."
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			total++
			if in {
				quoted++
			}
		}
		prev = r
	}
	if total == 0 {
		return 0
	}
	return float64(quoted) / float64(total)
}

// tkStripSource removes a leading source tag or dateline from the first
// sentence: "(CNN) --", "LONDON (Reuters) -", "WASHINGTON —", or the
// article's known dateline. The sentence is returned unchanged when what
// would remain is not a sentence.
func tkStripSource(s, dateline string) string {
	orig := s
	if dateline != "" && len(s) > len(dateline) && strings.EqualFold(s[:len(dateline)], dateline) {
		s = strings.TrimLeft(s[len(dateline):], " ,:-–—")
	}
	// A parenthesised source within the first few words: "(CNN)",
	// "Los Angeles (CNN)", "LONDON (Reuters) -". A one-word tag that is
	// not a known agency counts only when a dash follows it.
	if open := strings.IndexByte(s, '('); open >= 0 && open < 60 {
		if end := strings.IndexByte(s[open:], ')'); end > 0 && end < 30 {
			before, tag, rest := s[:open], s[open+1:open+end], s[open+end+1:]
			dashed := strings.HasPrefix(rest, " -") || strings.HasPrefix(rest, " –") || strings.HasPrefix(rest, " —")
			if tkWordCount(before) <= 4 && !strings.ContainsAny(before, ".,;:\"") &&
				(tkSourceAgency(tag) || dashed && tkWordCount(tag) == 1) {
				s = strings.TrimLeft(rest, " ,:-–—")
			}
		}
	}
	// "WASHINGTON — The ..." / "KYIV, Ukraine -- ...": a short place name in
	// capitals before a dash.
	for _, dash := range []string{" -- ", " — ", " – ", " - "} {
		if k := strings.Index(s, dash); k > 0 && k < 40 && tkWordCount(s[:k]) <= 4 && tkPlace(s[:k]) {
			s = s[k+len(dash):]
			break
		}
	}
	if tkWordCount(s) < 3 {
		return orig
	}
	if r, size := utf8.DecodeRuneInString(s); unicode.IsLower(r) && s != orig {
		// Restore sentence case: "(CNN) it's more..." → "It's more...".
		if r0, _ := utf8.DecodeRuneInString(orig); unicode.IsUpper(r0) {
			s = string(unicode.ToUpper(r)) + s[size:]
		}
	}
	return s
}

// tkSourceAgency reports whether a parenthesised tag names a news agency
// or broadcaster that tags its stories this way.
func tkSourceAgency(tag string) bool {
	switch l := strings.ToLower(tag); l {
	case "cnn", "reuters", "ap", "afp", "upi", "ians", "pti", "efe", "dpa", "ansa", "xinhua", "bloomberg",
		"the associated press", "associated press", "ani":
		return true
	default:
		return strings.HasPrefix(l, "cnn")
	}
}

// tkPlace reports whether s looks like a dateline place: a first word in
// capitals and the others capitalised ("WASHINGTON", "KYIV, Ukraine",
// "SAN JUAN, Puerto Rico"), without sentence punctuation.
func tkPlace(s string) bool {
	if strings.ContainsAny(s, ".;:\"()") {
		return false
	}
	for i, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		if i == 0 && (utf8.RuneCountInString(w) < 2 || strings.ToUpper(w) != w) {
			return false
		}
	}
	return true
}

var tkPronouns = sentSet("he she it they his her its their him them this these those we i you our us your my there that")

var tkConnectives = sentSet("however but and so also meanwhile instead still yet moreover furthermore therefore thus then besides nevertheless nonetheless additionally likewise similarly otherwise indeed or nor because although though while whereas hence accordingly consequently finally later earlier now")
