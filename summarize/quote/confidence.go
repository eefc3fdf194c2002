package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a unit's speaker was found, from the surest to the least sure.
const (
	viaSentence      = iota // named in the quote's own sentence
	viaIntro                // "He said:" closing the previous paragraph
	viaPrevSame             // the speaker of the quote before it, same paragraph
	viaPronounRecent        // a pronoun, the speaker of a quote just before
	viaPronoun              // a pronoun, the person who last opened a sentence
	viaPrevPara             // the speaker of the quote ending the previous paragraph
	viaAnswer               // the answer to the article's question: the interview's subject
	viaDroppedNear          // a subject left out, the one person who is the subject of a sentence in the last two paragraphs
	viaSubject              // a quote standing alone: the person its paragraph is about
	viaDropped              // a subject left out ("«…», dijo."): the person named last
	viaPronounWeak          // a pronoun, a person named only in passing
	viaLabel                // an interview label: "WALLACE:"
	viaNone                 // no speaker
)

// viaConfidence is the confidence each way of finding a speaker earns
// when the speaker is a person named in the article.
var viaConfidence = [...]float64{
	viaSentence:      0.95,
	viaIntro:         0.9,
	viaPrevSame:      0.85,
	viaPronounRecent: 0.85,
	viaPronoun:       0.75,
	viaPrevPara:      0.7,
	viaAnswer:        0.7,
	viaDroppedNear:   0.75,
	viaSubject:       0.65,
	viaDropped:       0.6,
	viaPronounWeak:   0.5,
	viaLabel:         0.3,
	viaNone:          0.1,
}

// ShowConfidence is the least confidence of a quote a briefing shows: its
// speaker is a person named in or next to the quote's own attribution, or
// a stated descriptor ("a Foreign Office spokesperson").
const ShowConfidence = 0.7

// Speaker classes, as the score stage sees them.
const (
	classNone       = iota
	classPerson     // a person's name: "Ana Lima", "Mr. Obama"
	classOrg        // an organisation or a place: "Edinburgh University"
	classIndefinite // a stated descriptor: "a campaign spokesman", "officials"
	classDefinite   // a descriptor that stands for someone named: "the governor"
	classFragment   // words that are no speaker: "one cannot faithfully adhere"
)

// speakerClass tells what sp names; titled holds the surnames that a
// mention gives a title or role.
func speakerClass(sp speaker, titled map[string]bool) int {
	t := strings.TrimSpace(sp.text)
	switch {
	case t == "":
		return classNone
	case sp.kind == spkLabel:
		return classFragment
	case sp.kind == spkDesc && titleOnly(t):
		return classDefinite // "the Director noted": a position, not resolved
	case sp.kind == spkDesc:
		return descClass(t)
	case isOrg(t) || strings.ToUpper(t) == t && (len(t) > 4 || acronym(t)) || spelledAcronym(t):
		return classOrg
	}
	f := strings.Fields(t)
	first := strings.ToLower(f[0])
	if determiners[first] || speakerPronouns[first] {
		return descClass(t)
	}
	if addressees[first] {
		return classFragment // "dijo a la red Erbol": the addressee
	}
	if functionWords[first] {
		if len(f) == 1 || startsUpper(f[1]) {
			return classFragment // "Sie", "Am Ende"
		}
		return classOrg // "Le ministre", "la empresa": kept, not shown
	}
	if !startsUpper(f[0]) {
		return classOrg // "der Nacht von Mittwoch"
	}
	if len(f) == 1 && sp.role == "" && !titled[nameKey(t)] {
		// a single capitalized word that no full name, title or role
		// makes a person: "Cirium", "Reuters", and when it only ever
		// opens a sentence perhaps no name at all: "Consultado"
		return classOrg
	}
	return classPerson
}

// addressees open the phrase after a speech verb that names whom the
// words were said to, not who said them: "dijo a la red Erbol", "sagte
// gegenüber der Zeitung", "a déclaré au journal".
var addressees = set(`a al à au aux gegenüber zu zum zur vor to para ante`)

// functionWords are the articles, pronouns and conjunctions of English,
// French, German, Spanish and Portuguese that open a sentence
// capitalized, and so can pass for a name: "Sie", "Und", "Y", "Zudem".
var functionWords = set(`und oder aber dann zudem auch doch denn so er sie es wir ihr man
der die das den dem des ein eine einer eines einem im am zum zur vom beim als wenn wie
y o pero en la el los las lo al del un una con por para que se le les il elle ils elles
nous vous on et ou mais dans sur avec pour du des au aux ce cette ces son sa ses e os as
um uma com em no na nos nas do da dos pelo pela ele ela the a an and but or he she they
it we i you this that`)

// descClass classes a descriptive speaker by its opening word and its
// head: the last word, or the word before "for", "of" or "at" ("a
// spokesperson for the British Foreign Office").
func descClass(t string) int {
	f := strings.Fields(strings.ToLower(t))
	if len(f) == 0 {
		return classNone
	}
	head := f[len(f)-1]
	for i := 2; i < len(f)-1; i++ {
		if f[i] == "for" || f[i] == "of" || f[i] == "at" {
			head = f[i-1]
			break
		}
	}
	switch {
	case f[0] == "the" || f[0] == "this" || f[0] == "that" || f[0] == "his" || f[0] == "her" || f[0] == "their" || f[0] == "its" || intlDefinite[f[0]]:
		if intlDefinite[f[0]] && len(f) > 1 && titleWords[f[1]] {
			return classDefinite // "la ministra de Trabajo"
		}
		if descHeadIsPerson(head) {
			return classDefinite
		}
		return classOrg // "the report", "the release"
	case f[0] == "a" || f[0] == "an" || f[0] == "one" || f[0] == "another" || f[0] == "two" || f[0] == "three" || f[0] == "several" || f[0] == "some" || f[0] == "many":
		if descHeadIsPerson(head) || len(f) > 2 && f[1] == "of" {
			return classIndefinite
		}
		return classOrg // "a narrator in the Clinton ad", "a Times article"
	case intlIndefinite[f[0]] && len(f) > 1 && (intlTitles[f[1]] || compoundTitle(f[1]) || intlPersonHeads[f[1]]):
		return classIndefinite // "ein Anwalt der Kanzlei Berger", "une porte-parole"
	case len(f) <= 3 && strings.HasSuffix(f[len(f)-1], "s") && hasTitle(t):
		return classIndefinite // "officials", "state officials"
	}
	if len(f) <= 3 && descHeadIsPerson(head) {
		return classIndefinite // "critics", "residents"
	}
	return classOrg // "protesters", "la empresa": kept, not shown
}

// startsUpper reports whether w opens with an uppercase letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// personHeads are nouns for people that a descriptor may end in beside
// the title words: "a witness", "the mother", "residents".
var personHeads = set(`witness witnesses resident residents neighbor neighbour neighbors
neighbours mother father parent parents man woman men women person people
student students teacher teachers worker workers employee employees voter voters
critic critics supporter supporters source sources friend friends relative relatives
victim victims survivor survivors farmer farmers owner owners protester protesters
protestors user users fan fans expert experts scientist scientists doctor doctors
official officials spokesman spokeswoman spokesperson representative representatives
investigator investigators observer observers analyst analysts researcher researchers
singer star actor actress artist musician player
athlete rapper comedian model chef boxer driver pilot patient veteran candidate
coach captain striker goalkeeper manager owner founder creator designer director
official minister presenter host writer novelist poet photographer filmmaker`)

// descHeadIsPerson reports whether the last word of a descriptor names a
// person (or, for "the paper", "the study", the work that speaks).
func descHeadIsPerson(w string) bool {
	w = strings.Trim(w, ".,")
	if w == "paper" || w == "study" || w == "report" {
		return false
	}
	return titleWords[w] || titleWords[strings.TrimSuffix(w, "s")] || personHeads[w] || honorificWord(w)
}

func honorificWord(w string) bool {
	_, ok := honorifics[w]
	return ok
}

// score gives each unit its confidence: how it found the speaker
// (viaConfidence), capped by what the speaker is.
func (s *scanner) score(ms []mention) {
	titled := map[string]bool{}
	for _, m := range ms {
		if m.person && m.role != "" {
			titled[m.key] = true
		}
	}
	ruled := hasRules(s.lang)
	for i := range s.units {
		u := &s.units[i]
		u.conf = unitConfidence(u, titled)
		if !ruled {
			// no attribution rules for the language: whatever the English
			// rules read as a speaker is not shown
			u.conf = min(u.conf, ShowConfidence/2)
		}
	}
}

// hasRules reports whether Scan has attribution rules for the language
// tag lang: English, French, German, Spanish, Portuguese, or unknown.
func hasRules(lang string) bool {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "", "en", "fr", "de", "es", "pt":
		return true
	}
	return false
}

// unitConfidence is the confidence of unit u's speaker. A speaker that is
// no speaker at all (a fragment) is dropped from u.
func unitConfidence(u *unit, titled map[string]bool) float64 {
	c := viaConfidence[u.via]
	switch speakerClass(u.spk, titled) {
	case classNone:
		return viaConfidence[viaNone]
	case classFragment:
		if u.spk.kind != spkLabel {
			u.spk = speaker{}
			return viaConfidence[viaNone]
		}
		return min(c, 0.2)
	case classOrg:
		return min(c, 0.5)
	case classDefinite:
		return min(c, 0.4)
	case classIndefinite:
		return min(c, 0.8)
	}
	if u.kind == KindReported && u.via == viaLabel {
		return viaConfidence[viaLabel]
	}
	return c
}
