package extractive

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
)

// Takeaways returns up to n key sentences of a, in article order.
//
// Each sentence is scored by its directed centrality, the TF-IDF cosine
// similarity it has with the sentences after it (a sentence whose content
// the rest of the story goes on to develop is central), times a gentle
// prior for coming early, times a lift for sharing the headline's words
// (the sentence that carries the story's key fact). Boilerplate, questions and sentences shorter than
// 8 or longer than 40 words are left out; sentences that open with a
// pronoun or connective (unless they follow a sentence already picked), are
// mostly quotation or read like photo captions are ranked lower; a sentence
// too similar to one already picked, sharing most of its words or a six-word phrase, is
// skipped. A short article gives fewer takeaways (at most half its
// sentences); there is no padding.
//
// A takeaway reads on its own: bold marks, bullets, speaker and caption
// labels and an opening "But" or "However," are taken off; a sentence that
// points back to one the reader has not seen ("She", "These", a referential
// "It", "As they left, ...", "Some said", "X, however, ...") is shown only
// joined to the sentence before it, and the pair counts as one takeaway;
// headings, fragments and text with holes are used only when an article
// has nothing else.
func Takeaways(a *article.Article, n int) []string {
	return tkRank(a, n, tkDefaults())
}

// TakeawaysBesides is Takeaways leaving out the sentences that repeat one
// of shown, text the reader sees next to the takeaways (the quotes of the
// digest): a sentence sharing a phrase of six words with it.
func TakeawaysBesides(a *article.Article, n int, shown []string) []string {
	prm := tkDefaults()
	prm.shown = shown
	return tkRank(a, n, prm)
}

// Lead returns the first n sentences of a (the Lead-N baseline).
func Lead(a *article.Article, n int) []string {
	if a == nil || n <= 0 {
		return nil
	}
	sp := newSentSplitter(a.Paragraphs)
	sp.ordinals = sentOrdinalLang(a.Language)
	var out []string
	for _, p := range a.Paragraphs {
		out = sp.split(p, out)
		if len(out) >= n {
			return out[:n]
		}
	}
	return out
}

// tkParams are the ranker's knobs. Fields are exported only so that the
// dev-set harness (takeaways_eval_test.go) can load variations from JSON.
type tkParams struct {
	// MinWords and MaxWords bound a takeaway's length in words.
	MinWords, MaxWords int
	// Decay and Scale shape the position prior 1/(1+i/Scale)^Decay of the
	// i-th sentence (from 0).
	Decay, Scale float64
	// Redundancy is the highest cosine similarity a takeaway may have to
	// one picked before it.
	Redundancy float64
	// Twin is the similarity above which two sentences say the same thing
	// and share their centrality, so the better-written one can win
	// (0: never).
	Twin float64
	// Pronoun, Connective, Quote and Caption multiply the score of
	// sentences that open with a pronoun, open with a connective, are
	// mostly direct quotation, or read like a photo caption.
	Pronoun, Connective, Quote, Caption float64
	// InContext lifts the pronoun and connective penalties from a
	// sentence that directly follows one already picked.
	InContext bool
	// CaptionRepeat is the similarity above which a caption-like sentence
	// repeats another sentence and is dropped (0: never).
	CaptionRepeat float64
	// StripSource removes a leading dateline or source tag ("LONDON
	// (Reuters) -", "(CNN)") from the article's first sentence.
	StripSource bool
	// Clean shows each takeaway without bold marks, bullets, labels and
	// opening connectives (tkClean), and ranks sentences with a defect a
	// reader notices (tkDefect) after all the sound ones.
	Clean bool
	// Title lifts a sentence by its similarity to the headline: its score
	// is multiplied by 1 + Title × cosine(sentence, title). The headline
	// states the story's key fact; a sentence that carries it beats
	// background (0: the title is ignored).
	Title float64
	// Fill lets defective sentences fill the takeaways when fewer than n
	// sound ones are left; without it they are used only when no sound
	// sentence is.
	Fill bool

	// shown is text shown beside the takeaways; a sentence sharing a
	// phrase with it is not used.
	shown []string
}

// tkDefaults are the defaults measured on the dev set; see the report in
// takeaways_eval_test.go for what each one is worth.
func tkDefaults() tkParams {
	return tkParams{
		MinWords:      8,
		MaxWords:      40,
		Decay:         1,
		Scale:         4,
		Redundancy:    0.6,
		Twin:          0.6,
		Pronoun:       0.3,
		Connective:    0.3,
		Quote:         0.1,
		Caption:       0.5,
		InContext:     true,
		CaptionRepeat: 0.3,
		StripSource:   true,
		Clean:         true,
		Title:         3,
	}
}

// tkSent is one sentence of the article being ranked.
type tkSent struct {
	text   string
	show   string // the text as the takeaway shows it
	defect bool   // show has a defect a reader notices (tkDefect)
	// leans: show's only defect is that it opens with a word pointing
	// back ("He", "This"), so it may follow the sentence before it.
	leans  bool
	words  int
	terms  []tkTerm // TF-IDF vector
	norm   float64  // Euclidean norm of terms
	cent   float64  // directed centrality
	maxSim float64  // highest similarity to any other sentence
	score  float64
	usable bool // may be a takeaway
	// long: over MaxWords (up to twice that), used only when the
	// sentences of ordinary length give fewer than n takeaways.
	long bool
	lift float64 // the pronoun or connective penalty in score, or 0
}

// tkRank is Takeaways with explicit parameters.
func tkRank(a *article.Article, n int, prm tkParams) []string {
	if a == nil || n <= 0 {
		return nil
	}
	sents, cased := tkScore(a, prm)
	if len(prm.shown) > 0 {
		var shown map[string]bool
		for _, t := range prm.shown {
			for p := range tkPhrases(t) {
				if shown == nil {
					shown = make(map[string]bool)
				}
				shown[p] = true
			}
		}
		for i := range sents {
			if sents[i].usable && len(shown) > 0 && tkSharePhrase(tkPhrases(sents[i].text), shown) {
				sents[i].usable = false
			}
		}
	}
	return tkSelect(sents, cased, n, prm)
}

// tkMaxSentences bounds the sentences ranked: centrality compares every
// pair, so a page of many megabytes would otherwise take hours. The
// position prior gives sentence 1,000 a weight of 0.004, and news articles
// are far shorter.
const tkMaxSentences = 1000

// tkScore splits a into its first tkMaxSentences sentences and scores each
// one. cased reports whether the text capitalises sentence starts.
func tkScore(a *article.Article, prm tkParams) (sents []tkSent, cased bool) {
	sp := newSentSplitter(a.Paragraphs)
	sp.ordinals = sentOrdinalLang(a.Language)
	var texts []string
	for _, p := range a.Paragraphs {
		texts = sp.split(p, texts)
		if len(texts) >= tkMaxSentences {
			texts = texts[:tkMaxSentences]
			break
		}
	}
	if len(texts) == 0 {
		return nil, sp.cased
	}
	if prm.StripSource {
		texts[0] = tkStripSource(texts[0], a.Dateline)
	}

	// Term frequencies over stemmed words that are not stopwords, then
	// TF-IDF with document frequencies counted over the sentences.
	tz := newTkTokenizer()
	sents = make([]tkSent, len(texts))
	var df []int32
	for i, t := range texts {
		s := &sents[i]
		s.text, s.show = t, t
		s.words = tkWordCount(t)
		s.terms = tz.terms(t, nil)
		for len(df) < len(tz.ids) {
			df = append(df, 0)
		}
		for _, tm := range s.terms {
			df[tm.id]++
		}
	}
	var title tkSent
	if prm.Title != 0 && a.Title != "" {
		title.terms = tz.terms(a.Title, nil)
		for len(df) < len(tz.ids) {
			df = append(df, 0) // a word only the title has: in no sentence
		}
	}
	N := float64(len(sents))
	idf := make([]float64, len(df))
	for id, d := range df {
		idf[id] = math.Log(1 + N/float64(max(d, 1)))
	}
	var tsq float64
	for k := range title.terms {
		title.terms[k].w *= idf[title.terms[k].id]
		tsq += title.terms[k].w * title.terms[k].w
	}
	title.norm = math.Sqrt(tsq)
	for i := range sents {
		s := &sents[i]
		var sq float64
		for k := range s.terms {
			s.terms[k].w *= idf[s.terms[k].id]
			sq += s.terms[k].w * s.terms[k].w
		}
		s.norm = math.Sqrt(sq)
	}
	tkCentrality(sents, len(df), prm.Twin)

	for i := range sents {
		s := &sents[i]
		s.usable = s.words >= prm.MinWords && s.words <= 2*prm.MaxWords
		s.long = s.words > prm.MaxWords
		var tr tkTraits
		if s.usable {
			tr = tkTraitsOf(s.text)
			s.usable = !tr.rejected && !(tr.caption && prm.CaptionRepeat > 0 && s.maxSim > prm.CaptionRepeat)
		}
		prior := 1 / math.Pow(1+float64(i)/prm.Scale, prm.Decay)
		s.score = s.cent / N * prior
		if !s.usable {
			continue
		}
		if prm.Clean {
			s.show = tkClean(s.text)
			s.defect, s.leans = tkDefect(s.show, sp.cased)
			if !s.defect && (tkLangBackRef(a.Language, s.show) || tkEnglish(a.Language) && tkEnBackRef(s.show)) {
				s.defect, s.leans = true, true
			}
		}
		if tkLangBackRef(a.Language, s.text) {
			tr.pronoun = true
		}
		switch {
		case tr.pronoun:
			s.lift = prm.Pronoun
		case tr.connective:
			s.lift = prm.Connective
		}
		if s.lift != 0 {
			s.score *= s.lift
		}
		if tr.quoteShare > 0.5 || tr.midQuote {
			s.score *= prm.Quote
		}
		if tr.caption {
			s.score *= prm.Caption
		}
		if title.norm != 0 {
			s.score *= 1 + prm.Title*tkCosine(s, &title)
		}
	}
	return sents, sp.cased
}

// tkCentrality sets each sentence's directed centrality, the sum of its
// cosine similarities to the sentences after it, and its maxSim. Two
// sentences more similar than twin both get the credit. nv is the number of
// distinct terms.
func tkCentrality(sents []tkSent, nv int, twin float64) {
	// Pairwise cosines through a dense scratch vector: O(sentences × terms).
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
			si.cent += d
			if twin > 0 && d > twin {
				sj.cent += d
			}
			si.maxSim = max(si.maxSim, d)
			sj.maxSim = max(sj.maxSim, d)
		}
		for _, tm := range si.terms {
			dense[tm.id] = 0
		}
	}
}

// tkSelect picks up to n takeaways from the scored sentences, greedily by
// score, and returns them in article order, as shown. Sentences with a
// defect come after every sound one: with prm.Fill they fill the places
// left, otherwise they are used only when no sound sentence is.
func tkSelect(sents []tkSent, cased bool, n int, prm tkParams) []string {
	usable := 0
	for i := range sents {
		if sents[i].usable {
			usable++
		}
	}
	if usable == 0 {
		return tkFallback(sents, cased, prm)
	}
	// A short article gives fewer takeaways: at most half its sentences,
	// rounded up.
	n = min(n, (len(sents)+1)/2)

	taken := make([]bool, len(sents)) // picked, or ruled out as a repeat
	isPicked := make([]bool, len(sents))
	picked := make([]int, 0, n)
	var content []tkWords // of the picked sentences, as shown
	// Passes: sound sentences of ordinary length; then long sound ones
	// (some languages and sites write long sentences, and one long
	// takeaway beats a missing one); then, with prm.Fill or when nothing
	// was picked, sentences with a defect.
	for pass := range 3 {
		if pass == 2 && len(picked) > 0 && !prm.Fill {
			break
		}
		for tkBullets(sents, isPicked, picked) < n && len(picked) < 2*n {
			best := tkBest(sents, taken, isPicked, picked, content, pass == 2, pass >= 1, prm)
			if best < 0 {
				break
			}
			taken[best], isPicked[best] = true, true
			picked = append(picked, best)
			if prm.Clean {
				content = append(content, tkWords{tkContent(sents[best].show), tkPhrases(sents[best].show)})
			}
		}
	}
	// A sentence that leans on the one before it joins it, so that its
	// "He" or "This" has something to point back to.
	out := make([]string, 0, len(picked))
	for i := range sents {
		switch {
		case !isPicked[i]:
		case sents[i].leans && i > 0 && isPicked[i-1] && len(out) > 0:
			sep := " "
			if r, _ := utf8.DecodeLastRuneInString(out[len(out)-1]); sentIsCJKTerminal(r) {
				sep = "" // "。このため、…": no space in Chinese and Japanese
			}
			out[len(out)-1] += sep + sents[i].show
		default:
			out = append(out, sents[i].show)
		}
	}
	return out
}

// tkBullets returns how many takeaways the picked sentences make: a
// sentence that leans on the one before it, picked too, joins it rather
// than making one of its own.
func tkBullets(sents []tkSent, isPicked []bool, picked []int) int {
	n := 0
	for _, i := range picked {
		if !(sents[i].leans && i > 0 && isPicked[i-1]) {
			n++
		}
	}
	return n
}

// tkBest returns the best-scored sentence that may still be picked (only
// sound ones unless defective is set, only ones of ordinary length unless
// long is set), or -1. A sentence that repeats one
// already picked is ruled out for good.
func tkBest(sents []tkSent, taken, isPicked []bool, picked []int, content []tkWords, defective, long bool, prm tkParams) int {
	best, bestScore := -1, 0.0
	for i := range sents {
		s := &sents[i]
		if !s.usable || taken[i] || s.long && !long {
			continue
		}
		after := i > 0 && isPicked[i-1]
		if s.defect && !defective && !(s.leans && after) {
			continue
		}
		sc := s.score
		if s.lift != 0 && prm.InContext && after {
			// "He said ..." or "But ..." reads well right after the
			// sentence it leans on.
			sc /= s.lift
		}
		if best >= 0 && sc <= bestScore {
			continue
		}
		if tkRepeats(s, sents, picked, content, prm) {
			taken[i] = true // never a candidate again
			continue
		}
		best, bestScore = i, sc
	}
	return best
}

// tkRepeats reports whether s says what a picked sentence says: the same
// text, a vector too similar, or (when cleaning) most of the same content
// words or a phrase of six words in common.
func tkRepeats(s *tkSent, sents []tkSent, picked []int, content []tkWords, prm tkParams) bool {
	var mine *tkWords
	for k, j := range picked {
		if s.text == sents[j].text || tkCosine(s, &sents[j]) > prm.Redundancy {
			return true
		}
		if k < len(content) {
			if mine == nil {
				mine = &tkWords{tkContent(s.show), tkPhrases(s.show)}
			}
			if tkSame(mine.content, content[k].content) || tkSharePhrase(mine.phrases, content[k].phrases) {
				return true
			}
		}
	}
	return false
}

// tkWords are the content words and phrases (tkPhrases) of a takeaway.
type tkWords struct {
	content, phrases map[string]bool
}

// tkFallback is the one takeaway of an article where nothing reads as one
// (every sentence too short, too long or boilerplate): the best sentence
// that is not boilerplate, whatever its length, a sound one before one
// with a defect.
func tkFallback(sents []tkSent, cased bool, prm tkParams) []string {
	best, bestDefect := -1, true
	for i := range sents {
		s := &sents[i]
		if s.words < 3 || tkTraitsOf(s.text).rejected {
			continue
		}
		show := s.text
		if prm.Clean {
			show = tkClean(s.text)
		}
		defect := false
		if prm.Clean {
			defect, _ = tkDefect(show, cased)
		}
		if best < 0 || bestDefect && !defect || defect == bestDefect && s.score > sents[best].score {
			best, bestDefect = i, defect
			s.show = show
		}
	}
	if best < 0 {
		return nil
	}
	return []string{sents[best].show}
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

// tkEnglish reports whether lang, a language tag, is English or unknown.
func tkEnglish(lang string) bool {
	return lang == "" || lang == "en" || strings.HasPrefix(lang, "en-") || strings.HasPrefix(lang, "en_")
}
