package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The role stage: a role is a whole noun phrase about the speaker ("a
// hydrologist at the University of São Paulo", "who chairs the transport
// committee", "Edinburgh University") or nothing. cleanRole turns the
// phrase the attribution stage found into one, or into "".

// copulaOpeners open a "who" clause that only renames the speaker: "who
// is the director of …" reads as "the director of …".
var copulaOpeners = []string{"who is ", "who was ", "who has been ", "who had been ", "who serves as ", "who served as ", "who works as ", "who worked as "}

// romancePrepositions may open a role in French, Spanish or German: "de
// la Asamblea Permanente", "von der Universität".
var romancePrepositions = set("de del des du von vom aus en")

// startsLower reports whether s opens with a lowercase letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// relOpeners open a relative clause in French, Spanish and German, never
// a role.
var relOpeners = set("que qui quien quienes dont welcher welche welches")

// dePrepositions after a German relative pronoun show a clause: "der in
// …", "die seit …".
var dePrepositions = set("in im seit mit für auf an am bei nach von vom vor zu zum zur über unter schon noch nicht")

// roleBreakers open a clause, never a role.
var roleBreakers = set("although though while whereas because since unless if when whenever but and so yet or")

// adverbials stand between commas where an appositive could.
var adverbials = map[string]bool{"for instance": true, "for example": true, "in fact": true, "however": true,
	"meanwhile": true, "too": true, "though": true, "in turn": true, "of course": true, "in particular": true,
	"by contrast": true, "in contrast": true, "for her part": true, "for his part": true, "for their part": true}

// roleClauseWords open a clause inside a role, where a verb may follow: "a
// former aide who was fired", "whose candidacy was founded on …".
var roleClauseWords = set("who whose whom which that")

// stubEnds are words a whole role never ends with: "a former", "CEO of",
// "Customs and".
var stubEnds = set(`a an the of for at in on with by from to and or but former ex
as who which that whose his her their its our my your this these those than`)

// adjectiveEnds end a compound adjective ("14th-ranked", "Texas-based",
// "55-year-old", "two-time"): a role that ends with one has lost its noun.
var adjectiveEnds = set("ranked seeded based born old time winning backed led owned run funded elected appointed")

// cleanRole returns role as a whole noun phrase, or "" when it is none: a
// clause fragment, a stub cut before its noun, an age, a bare place name
// or words of a quote.
func cleanRole(role, name string) string {
	r := strings.TrimFunc(role, func(c rune) bool {
		return unicode.IsSpace(c) || c == ',' || c == ';' || c == ':' || c == '(' || c == '—' || c == '–'
	})
	r = strings.TrimSuffix(r, " (")
	if strings.Count(r, "(") != strings.Count(r, ")") {
		r = strings.Trim(r, "()")
	}
	low := strings.ToLower(r)
	for _, o := range copulaOpeners {
		if strings.HasPrefix(low, o) {
			r, low = r[len(o):], low[len(o):]
			break
		}
	}
	if f := strings.Fields(low); len(f) > 1 && (f[0] == "of" || f[0] == "for" || f[0] == "by") && titleWords[strings.Trim(f[len(f)-1], ".,")] {
		// "… of Republican presidential nominee Donald Trump": the
		// preposition belongs to the sentence, the title to the name
		r, low = strings.TrimSpace(r[len(f[0]):]), strings.TrimSpace(low[len(f[0]):])
	}
	if r == "" || strings.EqualFold(r, name) || strings.ContainsAny(r, "\"“”„«»") || adverbials[strings.Trim(low, ".,")] {
		return "" // "for instance" stands between commas but says nothing of the speaker
	}
	f := strings.Fields(low)
	if len(f) > 25 || f[0] == "via" {
		return "" // "via USA Today" names the source of the words, not a role
	}
	if n := len(f); n > 2 && len([]rune(f[n-1])) == 2 && strings.HasSuffix(f[n-1], ".") {
		// a body's name cut inside "e. V." by the sentence split:
		// "Technikexperte beim Deutschen Verband Flüssiggas e."
		f = f[:n-1]
		r = strings.TrimRight(r[:strings.LastIndexFunc(r, unicode.IsSpace)], " ,")
	}
	for len(f) > 2 && (f[len(f)-1] == "and" || f[len(f)-1] == "or" || f[len(f)-1] == "but") {
		// a role cut inside a second phrase keeps its first: "a
		// scientist at X and"
		f = f[:len(f)-1]
		r = strings.TrimRight(r[:strings.LastIndexFunc(r, unicode.IsSpace)], " ,")
	}
	last := strings.Trim(f[len(f)-1], ".,")
	if one, ok := strings.CutSuffix(last, "s"); ok && titleWords[one] && !titleWords[last] && strings.HasSuffix(r, last) && bareTitle(f) {
		// "founding members Tom Johnston, Michael McDonald …": each is
		// one founding member
		r, last = r[:len(r)-1], one
	}
	if stubEnds[last] || (strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s")) && len(f) > 1 {
		return "" // "a former", "the paper published by", "the company's"; "NBC’s" alone names an outlet
	}
	if i := strings.LastIndexAny(last, "-‑"); i > 0 && adjectiveEnds[last[i+1:]] {
		return "" // "the 14th-ranked", "the Texas-based": an adjective without its noun
	}
	first := strings.Trim(f[0], ".,")
	if len(f) == 1 && first != "" && strings.Trim(first, "0123456789") == "" {
		return "" // an age: "64"
	}
	if i := strings.IndexByte(last, '-'); i > 0 && strings.ContainsAny(last[:1], "0123456789") || strings.HasSuffix(last, "-old") {
		return "" // a rank or an age with no noun: "the 14th-ranked", "the 34-year-old"
	}
	if (strings.HasSuffix(first, "ing") || strings.HasSuffix(first, "iendo") || strings.HasSuffix(first, "ando")) && len(first) > 5 && !titleWords[first] && startsLower(r) {
		return "" // "referring to the bank's drive", "insistiendo en que …"
	}
	if len(f) > 6 && startsLower(r) && !determiners[first] && !intlArticles[first] && !prepositions[first] &&
		!romancePrepositions[first] && !titleWords[first] && !intlTitles[first] && !personHeads[first] && !compoundTitle(first) && first != "who" && first != "whose" {
		return "" // a clause: "asumiera al frente del Consejo de la Magistratura en …"
	}
	if roleBreakers[first] {
		return "" // "…, although Vogel said": a clause opens, no role
	}
	if relOpeners[first] || len(f) > 2 && (first == "der" || first == "die" || first == "das") && dePrepositions[f[1]] {
		return "" // a relative clause: "der in dieser Serie nur wenige Spiele verpasste"
	}
	hasLower, hasTitle := false, false
	orig := strings.Fields(r)
	relative := false // inside a "who" clause, where a verb belongs
	for i, w := range f {
		w = strings.Trim(w, ".,()")
		if roleClauseWords[w] {
			relative = true
		}
		if titleWords[w] || titleWords[strings.TrimSuffix(w, "s")] || personHeads[w] || honorificWord(w) || compoundTitle(w) || titleAbbrevs[strings.Trim(orig[i], ".,()")] || acronymCompound(orig[i]) {
			hasTitle = true
		}
		c, _ := utf8.DecodeRuneInString(orig[i])
		if unicode.IsLower(c) {
			hasLower = true
			if i > 0 && (speechVerbs[w] || reportVerbs[w]) && !titleWords[w] {
				return "" // a clause: "she said the plan"
			}
			if i > 0 && auxVerbs[w] && !relative {
				// a clause: "the current administration has shuffled
				// …", "on what was his first full day on the job"
				return ""
			}
		}
	}
	if len(f) == 1 && (strings.HasSuffix(f[0], "'s") || strings.HasSuffix(f[0], "’s")) {
		return r
	}
	if !hasLower && !hasTitle && !isOrg(r) && len(f) <= 3 {
		return "" // a bare place or name: "Springfield, Va.", "Ohio"
	}
	return r
}

// bareTitle reports whether the role words f are a title phrase before a
// name and nothing else: at most three words, no determiner, preposition
// or clause ("founding members", not "one of the president's aides").
func bareTitle(f []string) bool {
	if len(f) > 3 {
		return false
	}
	for _, w := range f {
		if determiners[w] || prepositions[w] || w == "who" || w == "one" || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return false
		}
	}
	return true
}
