package extractive

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
)

// Takeaways returns up to n key sentences of a, in article order.
//
// Sentences are ranked by their TF-IDF cosine to the whole article (how
// central they are) times a gentle prior for coming early; boilerplate,
// questions and sentences shorter than 8 or longer than 40 words are left
// out, sentences that open with a pronoun or connective, are mostly
// quotation or read like photo captions are ranked lower, and a sentence too
// similar to one already picked is skipped. A short article gives fewer
// takeaways; there is no padding.
func Takeaways(a *article.Article, n int) []string {
	return tkRank(a, n, tkDefaults())
}

// Lead returns the first n sentences of a (the Lead-N baseline).
func Lead(a *article.Article, n int) []string {
	if a == nil || n <= 0 {
		return nil
	}
	sp := newSentSplitter(a.Paragraphs)
	var out []string
	for _, p := range a.Paragraphs {
		out = sp.split(p, out)
		if len(out) >= n {
			return out[:n]
		}
	}
	return out
}

// tkParams are the ranker's knobs. Fields are exported only so tests can
// load variations from JSON.
type tkParams struct {
	// MinWords and MaxWords bound a takeaway's length in words.
	MinWords, MaxWords int
	// Decay shapes the position prior 1/(1+i/Scale)^Decay for the i-th
	// sentence (from 0).
	Decay, Scale float64
	// Redundancy is the highest cosine similarity a takeaway may have to
	// one picked before it.
	Redundancy float64
	// Pronoun, Connective, Quote and Caption multiply the score of
	// sentences that open with a pronoun, open with a connective, are
	// mostly direct quotation, or read like a photo caption.
	Pronoun, Connective, Quote, Caption float64
	// StripSource removes a leading dateline or source tag ("LONDON (Reuters) -",
	// "(CNN)") from the article's first sentence.
	StripSource bool
	// SelfWeight is how much of a sentence's own words count in the
	// article centroid it is compared with (1 = all of them).
	SelfWeight float64
	// LengthPower raises the centrality score to favour longer sentences:
	// score *= (words/20)^LengthPower.
	LengthPower float64
	// CosPower raises the centrality before the prior multiplies it
	// (0 or 1: as is; below 1 weighs position more).
	CosPower float64
	// IDF picks the term weighting: 0 ln(1+N/df), 1 none, 2 ln((N+1)/df),
	// 3 sqrt(ln(1+N/df)), with df counted over the article's sentences.
	IDF int
	// corpusIDF, when set, gives the weight of a stemmed term from outside
	// the article (measurement only).
	corpusIDF func(stem string) float64
	// PronounContext lifts the pronoun penalty from a sentence that
	// directly follows one already picked.
	PronounContext bool
	// CentroidDecay weighs early sentences more in the centroid, with
	// the prior's Scale.
	CentroidDecay float64
	// Fwd and Bwd, when either is set, replace centroid cosine by directed
	// centrality: Fwd × similarity to later sentences + Bwd × similarity to
	// earlier ones (PacSum-style).
	Fwd, Bwd float64
	// CaptionRepeat is the similarity above which a caption-like sentence
	// counts as repeating another sentence and is dropped (0: never).
	CaptionRepeat float64
	// Twin is the similarity above which two sentences count as saying
	// the same thing and share their directed centrality (0: never).
	Twin float64
	// Mix adds Mix × the centroid cosine to directed centrality.
	Mix float64
	// Short multiplies the score of sentences under ShortWords words;
	// Digit that of sentences holding a number.
	Short, Digit float64
	ShortWords   int
}

// tkDefaults are the measured defaults (see takeaways_eval_test.go).
func tkDefaults() tkParams {
	return tkParams{
		MinWords:       8,
		MaxWords:       40,
		Decay:          1,
		Scale:          4,
		Redundancy:     0.6,
		Pronoun:        0.3,
		Connective:     0.5,
		Quote:          0.5,
		Caption:        0.5,
		StripSource:    true,
		SelfWeight:     1,
		LengthPower:    0,
		PronounContext: true,
		Fwd:            1,
		CaptionRepeat:  0.3,
		Twin:           0.6,
	}
}

// tkSent is one sentence of the article being ranked.
type tkSent struct {
	text   string
	cos    float64 // TF-IDF cosine to the article centroid
	words  int
	terms  []tkTerm
	norm   float64
	score  float64
	usable bool
	lift   float64 // the pronoun or connective penalty in score, or 0
}

// tkTerm is one term of a sentence vector.
type tkTerm struct {
	id int32
	w  float64
}

// tkRank is Takeaways with explicit parameters.
func tkRank(a *article.Article, n int, prm tkParams) []string {
	if a == nil || n <= 0 {
		return nil
	}
	return tkSelect(tkScore(a, prm), n, prm)
}

// tkScore splits a into sentences and scores each one.
func tkScore(a *article.Article, prm tkParams) []tkSent {
	sp := newSentSplitter(a.Paragraphs)
	var texts []string
	for _, p := range a.Paragraphs {
		texts = sp.split(p, texts)
	}
	if len(texts) == 0 {
		return nil
	}
	if prm.StripSource {
		texts[0] = tkStripSource(texts[0], a.Dateline)
	}

	// Vectors: term frequencies over stemmed non-stopwords.
	tz := tkTokenizer{vocab: make(map[string]int32, 512), stems: make(map[string]int32, 512)}
	sents := make([]tkSent, len(texts))
	var df []int32
	for i, t := range texts {
		s := &sents[i]
		s.text = t
		s.words = tkWordCount(t)
		s.terms = tz.terms(t, s.terms)
		for len(df) < len(tz.ids) {
			df = append(df, 0)
		}
		for _, tm := range s.terms {
			df[tm.id]++
		}
	}
	nv := len(df)
	idf := make([]float64, nv)
	N := float64(len(sents))
	for id, d := range df {
		switch prm.IDF {
		case 1:
			idf[id] = 1
		case 2:
			idf[id] = math.Log((N + 1) / float64(d))
		case 3:
			idf[id] = math.Sqrt(math.Log(1 + N/float64(d)))
		default:
			idf[id] = math.Log(1 + N/float64(d))
		}
		if prm.corpusIDF != nil {
			idf[id] = prm.corpusIDF(tz.ids[id])
		}
	}
	centroid := make([]float64, nv)
	for i := range sents {
		s := &sents[i]
		var sq float64
		cw := 1.0
		if prm.CentroidDecay != 0 {
			cw = 1 / math.Pow(1+float64(i)/prm.Scale, prm.CentroidDecay)
		}
		for k := range s.terms {
			s.terms[k].w *= idf[s.terms[k].id]
			centroid[s.terms[k].id] += cw * s.terms[k].w
			sq += s.terms[k].w * s.terms[k].w
		}
		s.norm = math.Sqrt(sq)
	}
	var directed []float64
	if prm.Fwd != 0 || prm.Bwd != 0 {
		// Pairwise cosines through a dense scratch vector: O(sentences ×
		// terms).
		directed = make([]float64, len(sents))
		dense := make([]float64, nv)
		for i := range sents {
			si := &sents[i]
			if si.norm == 0 {
				continue
			}
			for _, tm := range si.terms {
				dense[tm.id] = tm.w / si.norm
			}
			for j := i + 1; j < len(sents); j++ {
				sj := &sents[j]
				if sj.norm == 0 {
					continue
				}
				var d float64
				for _, tm := range sj.terms {
					d += tm.w * dense[tm.id]
				}
				d /= sj.norm
				if prm.Twin > 0 && d > prm.Twin {
					// Near-duplicates share the credit, so that the
					// better-written one can win.
					directed[i] += prm.Fwd * d
					directed[j] += prm.Fwd * d
					continue
				}
				directed[i] += prm.Fwd * d
				directed[j] += prm.Bwd * d
			}
			for _, tm := range si.terms {
				dense[tm.id] = 0
			}
		}
	}
	var cnorm float64
	for _, c := range centroid {
		cnorm += c * c
	}
	cnorm = math.Sqrt(cnorm)

	for i := range sents {
		s := &sents[i]
		s.usable = s.words >= prm.MinWords && s.words <= prm.MaxWords && !tkRejected(s.text)
		if s.usable && prm.CaptionRepeat > 0 && tkCaption(s.text) {
			// A photo caption that repeats a sentence of the story is
			// never a takeaway.
			for j := range sents {
				if j != i && tkCosine(s, &sents[j]) > prm.CaptionRepeat {
					s.usable = false
					break
				}
			}
		}
		if s.norm == 0 || cnorm == 0 {
			continue
		}
		var dot, self float64
		for _, tm := range s.terms {
			dot += tm.w * centroid[tm.id]
			self += tm.w * tm.w
		}
		// Optionally discount the sentence's own contribution.
		dot -= (1 - prm.SelfWeight) * self
		cos := dot / (s.norm * cnorm)
		if directed != nil {
			cos = prm.Mix*cos + directed[i]/N
		}
		if cos < 0 {
			cos = 0
		}
		prior := 1 / math.Pow(1+float64(i)/prm.Scale, prm.Decay)
		s.cos = cos
		if prm.CosPower != 0 && prm.CosPower != 1 {
			cos = math.Pow(cos, prm.CosPower)
		}
		s.score = cos * prior
		if prm.LengthPower != 0 {
			s.score *= math.Pow(float64(s.words)/20, prm.LengthPower)
		}
		if !s.usable {
			continue
		}
		s.score *= tkStyle(s.text, prm)
		if s.words < prm.ShortWords && prm.Short != 0 {
			s.score *= prm.Short
		}
		if prm.Digit != 0 && strings.IndexAny(s.text, "0123456789") >= 0 {
			s.score *= prm.Digit
		}
		switch first := strings.ToLower(sentFirstWord(s.text)); {
		case tkPronouns[first]:
			s.lift = prm.Pronoun
		case tkConnectives[first] || tkConnectivePhrase(s.text):
			s.lift = prm.Connective
		}
	}
	return sents
}

// tkSelect picks up to n takeaways from the scored sentences.
func tkSelect(sents []tkSent, n int, prm tkParams) []string {
	usable := 0
	for i := range sents {
		if sents[i].usable {
			usable++
		}
	}
	if usable == 0 {
		// Nothing reads as a takeaway; fall back to the best sentence that
		// is not boilerplate, whatever its length.
		best := -1
		for i := range sents {
			if sents[i].words >= 3 && !tkRejected(sents[i].text) && (best < 0 || sents[i].score > sents[best].score) {
				best = i
			}
		}
		if best < 0 {
			return nil
		}
		return []string{sents[best].text}
	}
	// A short article gives fewer takeaways: at most half its sentences,
	// rounded up.
	if limit := (len(sents) + 1) / 2; n > limit {
		n = limit
	}

	picked := make([]int, 0, n)
	taken := make([]bool, len(sents))
	for len(picked) < n {
		best, bestScore := -1, 0.0
		for i := range sents {
			s := &sents[i]
			if !s.usable || taken[i] {
				continue
			}
			sc := s.score
			if s.lift != 0 && prm.PronounContext && i > 0 && taken[i-1] && sents[i-1].usable {
				// "He said ..." or "But ..." reads well right after the
				// sentence it leans on.
				sc /= s.lift
			}
			if best >= 0 && sc <= bestScore {
				continue
			}
			dup := false
			for _, j := range picked {
				if s.text == sents[j].text || tkCosine(s, &sents[j]) > prm.Redundancy {
					dup = true
					break
				}
			}
			if dup {
				taken[i] = true // never a candidate again
				continue
			}
			best, bestScore = i, sc
		}
		if best < 0 {
			break
		}
		taken[best] = true
		picked = append(picked, best)
	}
	sort.Ints(picked)
	out := make([]string, len(picked))
	for k, i := range picked {
		out[k] = sents[i].text
	}
	return out
}

// tkCosine is the cosine similarity of two sentence vectors.
func tkCosine(a, b *tkSent) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	var dot float64
	for _, x := range a.terms {
		for _, y := range b.terms {
			if x.id == y.id {
				dot += x.w * y.w
				break
			}
		}
	}
	return dot / (a.norm * b.norm)
}

// tkTokenizer maps words to stemmed term ids for one article.
type tkTokenizer struct {
	vocab map[string]int32 // lowercased word → term id (-1: stopword)
	stems map[string]int32 // stem → term id
	ids   []string         // term id → stem
	buf   []byte
}

// terms appends the term-frequency vector of s to dst[:0].
func (tz *tkTokenizer) terms(s string, dst []tkTerm) []tkTerm {
	dst = dst[:0]
	for i := 0; i < len(s); {
		// Skip to the next letter or digit.
		c := s[i]
		if c < utf8.RuneSelf {
			if !tkAlnum(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		tz.buf = tz.buf[:0]
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !tkAlnum(c) {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				tz.buf = append(tz.buf, c)
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			tz.buf = utf8.AppendRune(tz.buf, unicode.ToLower(r))
			i += size
		}
		id, ok := tz.vocab[string(tz.buf)]
		if !ok {
			w := string(tz.buf)
			id = -1
			if len(w) > 1 && !tkStopwords[w] {
				st := stemWord(w)
				sid, ok := tz.stems[st]
				if !ok {
					sid = int32(len(tz.ids))
					tz.ids = append(tz.ids, st)
					tz.stems[st] = sid
				}
				id = sid
			}
			tz.vocab[w] = id
		}
		if id < 0 {
			continue
		}
		found := false
		for k := range dst {
			if dst[k].id == id {
				dst[k].w++
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, tkTerm{id: id, w: 1})
		}
	}
	return dst
}

func tkAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// tkWordCount counts the space-separated tokens of s that hold a letter or
// digit.
func tkWordCount(s string) int {
	n := 0
	in, alnum := false, false
	for _, r := range s {
		if r == ' ' || r < utf8.RuneSelf && (r == '\t' || r == '\n' || r == '\r') || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			if in && alnum {
				n++
			}
			in, alnum = false, false
			continue
		}
		in = true
		if !alnum && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			alnum = true
		}
	}
	if in && alnum {
		n++
	}
	return n
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
	// "Los Angeles (CNN)", "LONDON (Reuters) -".
	if open := strings.IndexByte(s, '('); open >= 0 && open < 60 {
		if end := strings.IndexByte(s[open:], ')'); end > 0 && end < 30 {
			before := s[:open]
			tag := s[open+1 : open+end]
			if tkWordCount(before) <= 4 && !strings.ContainsAny(before, ".,;:\"") && tkWordCount(tag) <= 3 && tkSourceTag(tag) {
				s = strings.TrimLeft(s[open+end+1:], " ,:-–—")
			}
		}
	}
	// "WASHINGTON — The ..." / "KYIV, Ukraine -- ...": a short capitalised or
	// lowercased place before a dash.
	for _, dash := range []string{" -- ", " — ", " – ", " - "} {
		if k := strings.Index(s, dash); k > 0 && k < 40 && tkWordCount(s[:k]) <= 4 && !strings.ContainsAny(s[:k], ".;:\"") {
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

// tkSourceTag reports whether a parenthesised tag names a news source: a
// short word in capitals ("CNN", "AP") or a known agency.
func tkSourceTag(tag string) bool {
	l := strings.ToLower(tag)
	switch l {
	case "cnn", "reuters", "ap", "afp", "upi", "ians", "pti", "efe", "dpa", "ansa", "xinhua", "bloomberg",
		"the associated press", "associated press", "ewn", "ani":
		return true
	}
	if len(tag) >= 2 && len(tag) <= 6 && strings.ToUpper(tag) == tag && strings.IndexFunc(tag, unicode.IsLetter) >= 0 {
		return true
	}
	return strings.HasPrefix(l, "cnn")
}

// tkRejected reports whether s can never be a takeaway: a question,
// a byline, a dateline or time stamp, a photo credit, a "Read more" or
// "Scroll down for video" prompt, or other page furniture.
func tkRejected(s string) bool {
	t := strings.TrimRight(s, "\"'”’)] ")
	if strings.HasSuffix(t, "?") {
		return true
	}
	l := strings.ToLower(s)
	for _, p := range tkBoilerPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	for _, p := range tkBoilerContains {
		if strings.Contains(l, p) {
			return true
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

var tkBoilerContains = []string{
	"all rights reserved", "click here", "read more", "scroll down", "sign up for", "newsletter",
	"contributed to this report", "contributed reporting", "opinions expressed in this", "getty images",
	"/getty", "ap photo", "reuters/", "photo credit", "this story has been", "follow him on twitter",
	"follow her on twitter", "follow us on", "e-mail to a friend", "email to a friend",
}

// tkStyle returns the score multiplier for how well s reads on its own.
func tkStyle(s string, prm tkParams) float64 {
	m := 1.0
	first := strings.ToLower(sentFirstWord(s))
	switch {
	case tkPronouns[first]:
		m *= prm.Pronoun
	case tkConnectives[first] || tkConnectivePhrase(s):
		m *= prm.Connective
	}
	if tkQuoteShare(s) > 0.5 {
		m *= prm.Quote
	}
	if tkCaption(s) {
		m *= prm.Caption
	}
	return m
}

// tkConnectivePhrase reports whether s opens with a multi-word connective.
func tkConnectivePhrase(s string) bool {
	l := strings.ToLower(strings.TrimLeft(s, "\"'“‘ "))
	for _, p := range [...]string{"in addition", "as a result", "on the other hand", "at the same time", "even so", "in fact", "by contrast", "in contrast", "after that", "as well as"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// tkQuoteShare returns the share of s's letters and digits that lie inside
// quotation marks. Straight single quotes count as quotation marks only
// where they stand at a word edge and are not a possessive ("runners ' kit").
func tkQuoteShare(s string) float64 {
	in := false
	var quoted, total int
	var open rune
	prev := ' '
	for i, r := range s {
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
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
		case r == '\'' && !(unicode.IsLetter(prev) && unicode.IsLetter(next)) && !(prev == ' ' && next == ' ' && i >= 2 && s[i-2] == 's'):
			if !in && (prev == ' ' || i == 0) && next != ' ' && next != utf8.RuneError {
				in, open = true, r
			} else if in && open == '\'' {
				in = false
			} else if !in && prev == ' ' && next == ' ' {
				in, open = true, r // spaced opening quote: "said: ' we"
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

// tkCaption reports whether s reads like a photo caption: "(pictured)",
// "(left)", or a short label before a colon ("Tragic: the boy was ...").
func tkCaption(s string) bool {
	l := strings.ToLower(s)
	for _, p := range [...]string{"(pictured", "pictured)", "(left", "(right", "(above", "(below", "(centre", "(center", "(inset", "(file", "(top", "(bottom", "pictured above", "pictured left", "pictured right", "pictured here", "pictured with", "pictured at", "pictured in", "pictured on"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	if k := strings.IndexByte(s, ':'); k > 0 && k < 40 {
		if w := tkWordCount(s[:k]); w >= 1 && w <= 3 && !strings.ContainsAny(s[:k], "\"'“‘") {
			return true
		}
	}
	return false
}

var tkPronouns = sentSet("he she it they his her its their him them this these those we i you our us your my there that")

var tkConnectives = sentSet("however but and so also meanwhile instead still yet moreover furthermore therefore thus then besides nevertheless nonetheless additionally likewise similarly otherwise indeed or nor because although though while whereas hence accordingly consequently finally later earlier now")

// tkStopwords are English function words left out of sentence vectors.
var tkStopwords = sentSet(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves said says say told also would could one two new last first year years mr mrs ms
s t don didn doesn isn wasn aren weren won can't cnn`)
