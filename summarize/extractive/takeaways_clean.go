package extractive

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds what makes a takeaway read clean on its own, away from the
// article: the marks and labels that are taken off a sentence before it is
// shown (tkClean), and the defects that keep a sentence out of the
// takeaways while a sound one is left (tkDefect).

// tkClean returns s as a takeaway shows it: without Markdown bold marks,
// a leading bullet, a transcript speaker label or a caption label
// ("ANCHOR:", "Momentous:"), the asides of a caption ("(pictured)") and
// empty brackets left by a link ("()"), a station's call sign before a
// dash ("(WSVN) -"), or an opening connective that points back to a
// sentence the reader has not seen ("But", "And", "However,"). What is
// left starts with a capital when s did. s is returned unchanged when what
// would be left is not a sentence of at least six words.
func tkClean(s string) string {
	orig := s
	if strings.Contains(s, "**") {
		// Markdown bold left in the text: "**Update:** The ...", "the
		// **ministry** said". A takeaway is plain text.
		s = strings.TrimSpace(strings.ReplaceAll(s, "**", ""))
	}
	if strings.Contains(s, " (") {
		// An empty pair where a citation link was: "for over 50 years ()."
		s = strings.ReplaceAll(strings.ReplaceAll(s, " ()", ""), " ( )", "")
		for _, m := range tkCaptionAsides {
			s = strings.ReplaceAll(s, m, "")
		}
	}
	for range 3 { // a bullet, then a label, then a connective
		t := tkCutBullet(s)
		t = tkCutLabel(t)
		t = tkCutConnective(t)
		if t == s {
			break
		}
		s = t
	}
	if s == orig {
		return s
	}
	if tkWordCount(s) < 6 {
		return orig
	}
	if r, size := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		if r0, _ := utf8.DecodeRuneInString(strings.TrimLeft(orig, "*•·▪►-–—# ")); !unicode.IsLower(r0) {
			s = string(unicode.ToUpper(r)) + s[size:]
		}
	}
	return s
}

// tkCaptionAsides are the asides of a photo caption that point at a
// picture the takeaway does not show.
var tkCaptionAsides = []string{
	" (pictured)", " (pictured left)", " (pictured right)", " (pictured above)", " (pictured below)",
	" (left)", " (right)", " (centre)", " (center)", " (above)", " (below)", " (inset)", " (top)",
	" (bottom)", " (file photo)", " (file)",
}

// tkCutBullet removes a list bullet opening s: "• ", "* ", "- ", "– ", "# ".
func tkCutBullet(s string) string {
	for _, b := range []string{"• ", "· ", "▪ ", "► ", "* ", "- ", "– ", "— ", "-- "} {
		if t, ok := strings.CutPrefix(s, b); ok {
			return strings.TrimLeft(t, " ")
		}
	}
	return s
}

// tkCutLabel removes a label opening s: a speaker label or caption label of
// one to three capitalised words before a colon ("ANCHOR:", "JOHN SMITH:",
// "Momentous:", "Neu:"), or a call sign or place in capitals before a dash
// ("(WSVN) - A man ...", "KABUL — The ..."; not "DDA – adult children of
// alcoholics – is ..."). A label that holds quotation marks, digits or a
// lower-case word is part of the sentence ("Mr Smith said: ...").
func tkCutLabel(s string) string {
	if k := strings.IndexByte(s, ':'); k > 0 && k < 40 && k+1 < len(s) && s[k+1] == ' ' {
		if tkLabelWords(s[:k], false) {
			return strings.TrimLeft(s[k+1:], " ")
		}
	}
	for _, dash := range []string{" - ", " – ", " — ", " -- "} {
		if k := strings.Index(s, dash); k > 0 && k < 30 {
			rest := strings.TrimLeft(s[k+len(dash):], " ")
			r, _ := utf8.DecodeRuneInString(rest)
			if tkLabelWords(strings.Trim(s[:k], "()"), true) && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
				return rest
			}
		}
	}
	return s
}

// tkLabelWords reports whether l reads as a label: one to three words, each
// capitalised (in capitals only, with upper), with no quotation marks or
// digits.
func tkLabelWords(l string, upper bool) bool {
	if strings.ContainsAny(l, "\"'“”‘’«»,;.?!()") {
		return false
	}
	ws := strings.Fields(l)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, r := range w {
			if unicode.IsDigit(r) || upper && unicode.IsLower(r) {
				return false
			}
		}
	}
	// "Ms Holloway:" or "Smith:" would be a transcript label too, but a
	// one-word label in mixed case is also how a sentence names a list
	// ("Ingredients:"): both go.
	return true
}

// tkCutConnective removes a connective opening s that points back to an
// earlier sentence: "But", "And", "Yet", "However,", "Also,", "Still,".
func tkCutConnective(s string) string {
	first := sentFirstWord(s)
	if first == "" || !strings.HasPrefix(s, first) {
		return s // opens with a quotation mark or bracket: the speaker's words
	}
	rest := s[len(first):]
	switch strings.ToLower(first) {
	case "but", "and", "yet":
		// "But, when ..." / "But critics say ..."
		rest = strings.TrimPrefix(rest, ",")
	case "however", "also", "still", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless",
		"additionally", "besides":
		// Only with its comma: "Still, the council ..." but not "Still
		// more councils ...".
		var ok bool
		if rest, ok = strings.CutPrefix(rest, ","); !ok {
			return s
		}
	default:
		return s
	}
	if !strings.HasPrefix(rest, " ") {
		return s
	}
	return strings.TrimLeft(rest, " ")
}

// tkDefect reports whether s, as shown (after tkClean), has a defect a
// reader notices at once: it opens with a word that points back to text
// the reader has not seen ("He", "These", "That's"); it opens with a
// lower-case letter or punctuation (a fragment of a sentence); it does not
// end like a sentence (a heading, a list lead-in ending in a colon); it
// shows a hole where words were lost ("on the , the"); or it still opens
// with a label. In a text set without capitals (cased false) a lower-case
// opening is no defect. leans reports that the opening word pointing back
// is the only defect.
func tkDefect(s string, cased bool) (defect, leans bool) {
	if s == "" {
		return true, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	first := sentFirstWord(s)
	switch {
	case unicode.IsLower(r) && cased:
		// "iOS 13 adds ..." and "eBay said ..." are names, not fragments.
		if !tkMixedCase(first) {
			return true, false
		}
	case !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsLower(r) && !strings.ContainsRune("\"'“‘«„¿¡(", r):
		return true, false
	}
	if !tkEnded(s) || tkHole(s) || tkCutLabel(s) != s || tkOpenQuote(s) {
		return true, false
	}
	if tkBackRef(s, first) {
		return true, true
	}
	return false, false
}

// tkMixedCase reports whether w has an upper-case letter after its first
// letter ("iOS", "eBay").
func tkMixedCase(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// tkBackRef reports whether s, whose first word is first, opens with a
// pronoun or demonstrative that points back to an earlier sentence: "He",
// "Their", "This is ...", "That's because", "These truffles". "This year,"
// and the like set a time, and point nowhere.
func tkBackRef(s, first string) bool {
	f := strings.ToLower(first)
	if i := strings.IndexAny(f, "'’"); i > 0 {
		f = f[:i] // "that's", "he'd"
	}
	if !tkBackRefs[f] {
		return false
	}
	if !strings.HasPrefix(strings.TrimLeft(s, "\"'“‘«("), first) {
		return false
	}
	switch f {
	case "this", "that", "these", "those":
		rest := strings.TrimLeft(s[strings.Index(s, first)+len(first):], " ")
		next := sentFirstWord(rest)
		if tkTimeWords[strings.ToLower(next)] && strings.HasPrefix(rest[len(next):], ",") {
			return false
		}
	}
	return true
}

var tkBackRefs = sentSet("he she they his her their its him them this these those that")

// tkLangBackRefs are, per language (ISO 639-1), the opening pronouns,
// possessives and demonstratives that point back to an earlier sentence,
// as tkBackRefs does for English. Impersonal openers ("Es gibt", "Il y a",
// "Il faut") are not among them.
var tkLangBackRefs = map[string]map[string]bool{
	"de": sentSet("er sie ihr ihre ihren ihrem ihrer ihres sein seine seinen seinem seiner seines dies diese dieser dieses diesen diesem"),
	"fr": sentSet("il elle ils elles c cela ceci ça celui celle ceux celles son sa ses leur leurs ce cet cette ces"),
	"es": sentSet("él ella ellos ellas esto eso este esta estos estas ese esa esos esas su sus"),
}

// tkLangBackPhrases are, per language, opening phrases (lowercased) that
// lean on the sentence before: "En ese marco," (in that setting), "Por su
// parte," (for his part), "D'autre part,", "Außerdem".
var tkLangBackPhrases = map[string][]string{
	"de": {"außerdem", "zudem", "dennoch", "allerdings", "deshalb", "daher", "trotzdem", "dabei", "darüber hinaus", "auch das", "dazu", "damit", "in diesem zusammenhang", "vor diesem hintergrund"},
	"fr": {"d'autre part", "d’autre part", "par ailleurs", "cependant", "en revanche", "de plus", "pourtant", "toutefois", "en effet", "ce jour-là", "à cette occasion", "dans ce contexte", "dans ce cadre"},
	"es": {"en ese marco", "en este marco", "en ese contexto", "en este contexto", "en tal sentido", "en ese sentido", "en este sentido", "por ello", "por eso", "por lo tanto", "de hecho", "además", "sin embargo", "asimismo",
		"de igual forma", "de igual manera", "por otra parte", "por su parte", "ese día", "en ese momento", "a su vez", "no obstante"},
}

// tkGermanExpletive are the words after an opening "Es" that make it stand
// for nothing named before: "Es gibt", "Es geht um", "Es ist unklar, ob".
var tkGermanExpletive = sentSet("gibt gab geht ging handelt kommt kam heißt hieß bleibt blieb fehlt fehlen reicht sei wäre war ist wird wurde muss soll")

// tkLangBackPrefixes are the openings of Japanese and Chinese sentences
// that point back ("このため" for this reason, "彼は" he, "这" this, "他们"
// they).
var tkLangBackPrefixes = map[string][]string{
	"ja": {"この", "その", "これ", "それ", "彼は", "彼女", "彼ら"},
	"zh": {"这", "這", "该", "該", "此", "他", "她", "它", "其"},
}

// tkLangBackRef reports whether s, in the language lang (a tag such as
// "de" or "fr-CH"), opens with a word that points back to an earlier
// sentence ("Sie motiviert uns ...", "Elle a ajouté ...", "C'est ...").
// English is tkBackRef's; other languages are not known.
func tkLangBackRef(lang, s string) bool {
	if len(lang) > 2 {
		lang = lang[:2]
	}
	lang = strings.ToLower(lang)
	if pre := tkLangBackPrefixes[lang]; pre != nil {
		// Written without spaces: the opening characters, not a word.
		for _, p := range pre {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
		return false
	}
	refs := tkLangBackRefs[lang]
	if refs == nil {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("\"'“‘«„", r) {
		return false // the speaker's words, not the story's
	}
	l := strings.ToLower(s)
	for _, p := range tkLangBackPhrases[lang] {
		if strings.HasPrefix(l, p) && len(l) > len(p) && !unicode.IsLetter(rune(l[len(p)])) {
			return true
		}
	}
	f := strings.ToLower(sentFirstWord(s))
	if i := strings.IndexAny(f, "'’"); i > 0 {
		f = f[:i] // "c'est"
	}
	if lang == "de" && f == "es" {
		// "Es vertritt die Laien" points back; "Es gibt", "Es geht um",
		// "Es ist unklar, ob" do not.
		rest := strings.ToLower(strings.TrimLeft(s[len(sentFirstWord(s)):], " "))
		return !tkGermanExpletive[sentFirstWord(rest)]
	}
	if !refs[f] {
		return false
	}
	if f == "il" || f == "ils" {
		rest := strings.ToLower(strings.TrimLeft(s[len(sentFirstWord(s)):], " "))
		if w := sentFirstWord(rest); w == "y" || w == "faut" {
			return false // "Il y a", "Il faut"
		}
	}
	return true
}

var tkTimeWords = sentSet("year week month season morning afternoon evening summer winter spring autumn fall time weekend")

// tkEnded reports whether s ends like a sentence: with a terminal other
// than an ellipsis, or a closing quotation mark, possibly followed by
// closing marks.
func tkEnded(s string) bool {
	s = strings.TrimRight(s, " ")
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case r == '…':
			return false // trails off: a teaser cut short
		case sentIsTerminal(r) || r == '。' || r == '！' || r == '？':
			return true
		case r == '"' || r == '”' || r == '’' || r == '»' || r == '\'':
			return true
		case r == ')' || r == ']':
			s = s[:len(s)-size]
		default:
			return false
		}
	}
	return false
}

// tkHole reports whether s shows a gap where words were lost: a word, a
// space, then a comma or period ("on the , the", "where he is .").
func tkHole(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != ' ' || (s[i+1] != ',' && s[i+1] != '.') {
			continue
		}
		if i+2 < len(s) && s[i+2] != ' ' {
			continue // " .NET", " ,5"
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	if strings.HasSuffix(s, " .") || strings.HasSuffix(s, " ,") {
		return true
	}
	return false
}

// tkContent returns the content words of s, lowercased: words of three or
// more letters that are not stopwords. Two takeaways that share most of
// them say the same thing.
func tkContent(s string) map[string]bool {
	out := make(map[string]bool)
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	}) {
		if utf8.RuneCountInString(w) > 2 && !tkDupStop[w] {
			out[w] = true
		}
	}
	return out
}

var tkDupStop = sentSet("the and for are was were been with from that this its his her their has have had will would said says not but they" +
	" der die das den dem des und ein eine einen einem einer mit von für auf ist sind hat haben wird wurde nicht sich auch dass bei aus nach" +
	" les des une dans pour par est sont qui que sur avec aux ont pas ses son cette été" +
	" del los las una por con para que ese esa este esta han sus como fue más")

// tkSame reports whether two takeaways with content words a and b say the
// same thing: they share at least half of all their content words, or one's
// are all among the other's, or two in three of the shorter
// one's are among the other's ("the inspector general, Álvaro Álvarez, has
// promised transparency in the inquiry" and "the police officer has
// promised transparency in the inquiry").
func tkSame(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	union := len(a) + len(b) - both
	short := min(len(a), len(b))
	return 2*both >= union || both == len(a) || both == len(b) || short >= 5 && 3*both >= 2*short
}

// tkPhraseLen is the length in words of a phrase two takeaways may not
// share: a run this long repeats a fact even when the rest of the two
// sentences differs ("The Monetary Policy Committee voted 8–3 for ...").
const tkPhraseLen = 6

// tkPhrases returns the runs of tkPhraseLen consecutive words of s,
// lowercased and without punctuation, that hold at least three content
// words (or numbers): the phrases that carry a fact, not "one of the
// most".
func tkPhrases(s string) map[string]bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var out map[string]bool
	for i := 0; i+tkPhraseLen <= len(words); i++ {
		content := 0
		for _, w := range words[i : i+tkPhraseLen] {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) || utf8.RuneCountInString(w) > 2 && !tkDupStop[w] {
				content++
			}
		}
		if content < 3 {
			continue
		}
		if out == nil {
			out = make(map[string]bool)
		}
		out[strings.Join(words[i:i+tkPhraseLen], " ")] = true
	}
	return out
}

// tkSharePhrase reports whether a and b (from tkPhrases) have a phrase in
// common.
func tkSharePhrase(a, b map[string]bool) bool {
	if len(b) < len(a) {
		a, b = b, a
	}
	for p := range a {
		if b[p] {
			return true
		}
	}
	return false
}

// tkEnBackRef reports whether English sentence s points back to text the
// reader has not seen in a way tkBackRef's first-word test misses:
//
//   - a referential "It" ("It later reverted to its old name"), but not
//     the "It" that stands for a clause to come ("It is unclear whether",
//     "It was the first time");
//   - an opening clause whose subject is a pronoun ("As they stepped
//     outside, ...", "When she arrived, ...");
//   - a pronoun subject right after an opening adjunct ("On Tuesday, he
//     said", "Rebranded as a fact-checker, it posted");
//   - a quantifier standing for people named before ("Some said ...",
//     "Many were ...");
//   - a contrast set against something earlier, in second place
//     ("Israeli courts, however, have ...").
func tkEnBackRef(s string) bool {
	s = strings.TrimLeft(s, " ")
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("\"'“‘«„(", r) {
		return false // the speaker's words, not the story's
	}
	words := strings.Fields(s)
	if len(words) < 3 {
		return false
	}
	lower := func(i int) string { return strings.ToLower(strings.Trim(words[i], ",;:.!?\"'“”‘’")) }
	if lower(0) == "it" && !strings.HasSuffix(words[0], ",") {
		return !tkExpletiveIt(words[1:])
	}
	if tkQuantifiers[lower(0)] && tkReportVerbs[lower(1)] {
		return true // "Some said they felt dejected": some of whom?
	}
	clause := tkSubordinators[lower(0)]
	if clause && tkSubjectPronouns[lower(1)] {
		// "When she arrived, she ..." points back; "When she was sworn
		// in, Mosby ..." names her right after.
		for i := 2; i < len(words)-1 && i < 14; i++ {
			if strings.HasSuffix(words[i], ",") {
				return !tkNamed(words[i+1])
			}
		}
		return true
	}
	// The opening adjunct ends at the first comma within a dozen words.
	for i := 0; i < len(words)-1 && i < 12; i++ {
		w := words[i]
		if !strings.HasSuffix(w, ",") {
			if strings.ContainsAny(w, ";:—–") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
				return false // a possessive name or a clause break: not a bare adjunct
			}
			continue
		}
		next := lower(i + 1)
		if i > 0 && tkSecondConnectives[next] && strings.HasSuffix(words[i+1], ",") {
			return true // "Israeli courts, however, have ..."
		}
		if i == 0 || !tkSubjectPronouns[next] || clause {
			// "As the disease progresses, it ...": the pronoun
			// points to the opening clause's own subject.
			return false
		}
		if next == "it" && tkExpletiveIt(words[i+2:]) {
			return false
		}
		return true
	}
	return false
}

// tkExpletiveIt reports whether rest, the words after an "It", make the
// "It" stand for a clause still to come rather than for something named
// before: "It is unclear whether ...", "It was the first time ...",
// "It remains to be seen ...".
func tkExpletiveIt(rest []string) bool {
	if len(rest) == 0 {
		return false
	}
	verb := strings.ToLower(rest[0])
	if !tkCopulas[verb] {
		return false
	}
	if tkSeemVerbs[verb] && len(rest) > 1 && strings.ToLower(rest[1]) != "to" {
		return true // "It appears the pilot changed course"
	}
	for i := 1; i < len(rest) && i <= 6; i++ {
		w := strings.ToLower(strings.Trim(rest[i], ",;:.!?\"'“”‘’"))
		if tkExpletiveTails[w] {
			return true
		}
	}
	return false
}

var (
	tkSubordinators     = sentSet("as when after while before since because if although though once until unless whereas")
	tkSubjectPronouns   = sentSet("he she they it")
	tkSecondConnectives = sentSet("however though meanwhile too also moreover nevertheless nonetheless instead therefore")
	tkCopulas           = sentSet("is was 's has had will would could may might remains remained seems seemed appears appeared")
	tkQuantifiers       = sentSet("some many others most several both few all")
	tkReportVerbs       = sentSet("said say says told were are was have had will would could felt feel believe believed fear feared called argued added")
	tkSeemVerbs         = sentSet("seems seemed appears appeared")
	tkExpletiveTails    = sentSet("that whether how what why who when if unclear clear known time first second last possible impossible likely unlikely necessary important difficult hard easy true seen uncommon common rare noted revealed reported understood believed thought great good bad worth")
)

// tkNamed reports whether w, the word after an opening clause, starts a
// name (a capital that is not a determiner or a pronoun).
func tkNamed(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !tkNotNames[strings.ToLower(strings.Trim(w, ",;:"))]
}

var (
	tkNotNames = sentSet("the a an this that these those he she they it i we his her their its my our there")
)

// tkOpenQuote reports whether s opens a quotation with curly marks or
// guillemets („…“, “…”, «…») that it does not close: the quotation goes on
// in the next sentence, and the takeaway would show a mark left open.
func tkOpenQuote(s string) bool {
	depth, german := 0, 0
	for _, r := range s {
		switch r {
		case '„':
			depth++
			german++
		case '«':
			depth++
		case '“':
			if german > 0 { // closes „
				german--
				depth--
			} else {
				depth++
			}
		case '”', '»':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}
