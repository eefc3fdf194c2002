package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/brief-news/brief/summarize"
)

// A headline that is wholly a quote, in a French, German or Spanish
// article whose text does not repeat it, is the words of the person the
// lede opens with: « Les privatisations … » over "Aurélie Trouvé,
// porte-parole d’Attac, était l’invitée de …", „Es bricht eine andere
// Zeit an“ over "Medienwissenschaftler Felix Stalder schätzt …". An
// interview's headline is its subject's words; a lede that opens with no
// person ("Organismos de derechos humanos …") leaves the headline alone.

// headlineOpeners and headlineClosers are the marks that open and close
// a quote standing as a headline.
const (
	headlineOpeners = "«„“\"‹»‚‘"
	headlineClosers = "»“”\"›«‘’"
)

// headlineConfidence is what the attribution of a headline quote to the
// lede's subject earns: a convention of interviews, short of an
// attribution in the quote's own sentence.
const headlineConfidence = 0.75

// headlineQuote returns the quote the headline title stands for, with the
// lede's subject as its speaker, in a French, German or Spanish article.
func (s *scanner) headlineQuote(title string) (summarize.Quote, bool) {
	if intlLang(s.lang) == "" {
		return summarize.Quote{}, false
	}
	t := strings.TrimSpace(title)
	first, n1 := utf8.DecodeRuneInString(t)
	last, n2 := utf8.DecodeLastRuneInString(t)
	if n1 == 0 || len(t) <= n1+n2 || !strings.ContainsRune(headlineOpeners, first) || !strings.ContainsRune(headlineClosers, last) {
		return summarize.Quote{}, false
	}
	inner := strings.TrimSpace(t[n1 : len(t)-n2])
	if words(inner) < 6 || strings.ContainsAny(inner, "«»„“”\"‹›") {
		return summarize.Quote{}, false // a phrase, or a headline quoting a quote
	}
	key := summarize.Normalize(inner)
	lede := -1
	for pi := range s.paras {
		if strings.Contains(summarize.Normalize(s.paras[pi].text), key) {
			return summarize.Quote{}, false // the text quotes it, with its own attribution
		}
		if lede < 0 && len(s.paras[pi].toks) > 0 {
			lede = pi
		}
	}
	if lede < 0 {
		return summarize.Quote{}, false
	}
	sp, ok := s.paras[lede].ledeSubject(lede)
	if !ok {
		return summarize.Quote{}, false
	}
	return summarize.Quote{Text: inner, Speaker: cleanSpeaker(sp.text), Role: cleanSpeaker(sp.role),
		Paragraph: lede, Kind: KindDirect, Confidence: headlineConfidence}, true
}

// ledeSubject returns the person paragraph pi opens with, after a role
// noun if any, as the subject of its first clause: the name of two words
// or more is followed by a lowercase verb or by a role between commas.
func (p *para) ledeSubject(pi int) (speaker, bool) {
	i := 0
	for i < len(p.toks) && i < 3 {
		w, ok := p.word(i)
		if !ok || !p.intlTitleWord(w.lower) {
			break
		}
		i++ // "Medienwissenschaftler Felix Stalder"
	}
	if !p.isNameTok(i) {
		return speaker{}, false
	}
	e := p.nameRunAfter(i, len(p.toks))
	sp := p.nameAt(0, e, pi)
	if sp.text == "" || !strings.Contains(sp.text, " ") || isOrg(sp.text) || p.notName(sp.text) {
		return speaker{}, false
	}
	if w, ok := p.word(e); ok && !w.upper {
		return sp, true
	}
	if p.isPunct(e, ",") {
		if r := p.intlRole(sp.tok, e); r != "" {
			sp.role = r
			return sp, true
		}
		// "Aurélie Trouvé, porte-parole d’Attac était …": a role noun
		// after the comma
		if w, ok := p.word(e + 1); ok && p.intlTitleWord(w.lower) {
			k := e + 1
			for k < len(p.toks) && k-e <= 8 && p.toks[k].kind == tWord && !p.roleVerb(k) && !intlVerbsBe[p.toks[k].lower] {
				k++
			}
			sp.role = p.span(e+1, k)
			return sp, true
		}
	}
	return speaker{}, false
}

// intlVerbsBe are forms of "to be" that end a role read forward.
var intlVerbsBe = set("était est a été sera ist war sind waren es era fue está estaba")
