package quote

import "strings"

// The coreference stage: a speaker given by surname ("Conceição", "Mr.
// Obama") takes the fullest name the article gives the same person ("Ana
// Beatriz Conceição", "Barack Obama"), and a definite descriptor ("the
// governor", "the Vox founder") takes the name of the person the article
// gave that title.

// fullest returns the full name, as the article first gives it, among
// the person mentions ms that contain every word of name and more (a name
// opening a sentence counts only when its first word is none the article
// writes in lowercase, in common); or name itself when there is none, or
// when two different people could be meant ("Trump": "Donald Trump",
// "Melania Trump") and the gender g does not tell them apart.
func fullest(ms []mention, common map[string]bool, name string, g int) string {
	words := nameWords(name)
	if len(words) == 0 {
		return name
	}
	key := nameKey(name)
	if len(strings.Fields(name)) == 1 && g != genderUnknown && firstGender(key) == g {
		g = genderUnknown // "Joseph" may be Amelize Joseph's surname
	}
	best := ""
	given := false // the article gave the name as it stands before any fuller one
	var rivals []string
	for _, m := range ms {
		if m.key != key || !m.person || !compatible(m.gender, g) {
			continue
		}
		mw := nameWords(m.text)
		if best == "" && len(words) > 1 && len(mw) == len(words) && subset(words, mw) {
			given = true // "Donald Trump" before a later "Donald J. Trump"
		}
		if len(mw) <= len(words) || !subset(words, mw) || !plainName(m.text, common) || titleOnly(m.text) {
			continue
		}
		if first := strings.ToLower(strings.Fields(m.text)[0]); m.lead && (common[first] || notNames[m.text[:len(first)]]) {
			continue // "Had Klein": a word capitalized to open the sentence
		}
		switch {
		case best == "":
			// the name as the article first gives it: "Donald Trump",
			// not a later "Donald J. Trump"
			best = m.text
		case !sameName(best, m.text):
			rivals = append(rivals, m.text)
		}
	}
	if best == "" && len(words) == 1 {
		if full, ok := misspelt(ms, common, key, g); ok {
			return full // "Wines" where the article introduced "Leslie Wimes"
		}
	}
	if best == "" || len(rivals) > 0 || given {
		return name
	}
	if g == genderUnknown {
		// "Mr. Obama" and "Michelle Obama": a surname both a man and a
		// woman bear names neither when the mention tells no gender
		seen := 0
		for _, m := range ms {
			if m.key == key && m.person && m.gender != genderUnknown {
				seen |= 1 << m.gender
			}
		}
		if seen == 1<<genderMale|1<<genderFemale {
			return name
		}
	}
	return best
}

// misspelt returns the full name of the one person whose surname the
// surname key misspells by one letter ("Wines" for "Leslie Wimes",
// "McLenney" for "Tyresha McClenney"); ok is false when the surname is
// short, or when no person or more than one could be meant.
func misspelt(ms []mention, common map[string]bool, key string, g int) (full string, ok bool) {
	if len([]rune(key)) < 5 || common[key] {
		return "", false
	}
	for _, m := range ms {
		// the full name need not have shown it is a person's: the one
		// who speaks under the misspelt surname is one
		if m.key == key || !compatible(m.gender, g) || !oneEdit(key, m.key) ||
			len(strings.Fields(m.text)) < 2 || !plainName(m.text, common) || titleOnly(m.text) || isOrg(m.text) {
			continue
		}
		if full != "" && !sameName(full, m.text) {
			return "", false
		}
		if full == "" {
			full = m.text
		}
	}
	return full, full != ""
}

// oneEdit reports whether a and b, both at least five letters, differ by
// exactly one letter added, dropped or changed before the last.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < 5 || len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if i >= len(y)-1 {
		return false // "Clark" and "Clarke": another name, not a slip
	}
	if len(x) == len(y) {
		return string(x[i+1:]) == string(y[i+1:])
	}
	return string(x[i:]) == string(y[i+1:])
}

// plainName reports whether s reads as a person's name alone: two to four
// capitalized words (with particles and initials), none of them a title,
// an organisation word or a word that only starts sentences, and in a
// run of four or more none the article writes in lowercase (common).
func plainName(s string, common map[string]bool) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	for i, w := range f {
		t := strings.Trim(w, ".,")
		l := strings.ToLower(t)
		if particles[l] {
			continue
		}
		title := titleWords[l] && !honorificWord(l) && i < len(f)-1 // a surname may be a title: "Howard Dean"
		if t == "" || notNames[t] || orgWords[t] || title || len(f) > 3 && common[l] {
			return false // "Chris Christie Calls Hillary Clinton"
		}
	}
	return true
}

// titleAbbrev expands the abbreviated titles a descriptor spells out:
// "Gov. Tom Reyes" is "the governor".
var titleAbbrev = map[string]string{
	"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
	"lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
	"prof": "professor", "dr": "doctor", "supt": "superintendent", "det": "detective",
	"insp": "inspector", "adm": "admiral", "cmdr": "commander", "amb": "ambassador", "del": "delegate",
}

// roleHeads returns the lowercase title words of role, spelled out.
func roleHeads(role string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(role)) {
		w = strings.Trim(w, ".,()")
		if x, ok := titleAbbrev[w]; ok {
			w = x
		}
		if w != "" {
			out[w] = true
		}
	}
	return out
}

// notPersonHeads end descriptors that need not stand for one person:
// "the Clinton campaign", "the source", "the paper".
var notPersonHeads = set("campaign campaigns source sources paper study report committee team staff administration")

// deDefinite are the German definite articles.
var deDefinite = set("der die das den dem")

// compoundIn reports whether a word of heads is a German compound ending
// in head: "bundespräsident" for "präsident", "hsv-präsident".
func compoundIn(heads map[string]bool, head string) bool {
	for w := range heads {
		if strings.HasSuffix(w, head) {
			return true
		}
	}
	return false
}

// intlDefinite are the definite articles of French, German, Spanish and
// Portuguese.
var intlDefinite = set("le la l' l’ el lo der die das den dem o")

// definite returns the person a definite descriptor stands for: the
// latest person mentioned before (para, tok) whose role holds the
// descriptor's head noun and every other title word in it ("the former
// mayor": a person whose role holds "mayor" and "former"); ok is false
// when no one, or when two different people fit.
func definite(ms []mention, desc string, para, tok int) (mention, bool) {
	orig := strings.Fields(desc)
	f := strings.Fields(strings.ToLower(desc))
	if len(f) < 2 || f[0] != "the" && !intlDefinite[f[0]] {
		return mention{}, false
	}
	head := strings.Trim(f[len(f)-1], ".,")
	if notPersonHeads[head] {
		return mention{}, false // "the campaign", "the source"
	}
	if f[0] != "the" && !deDefinite[f[0]] && (intlTitles[f[1]] || intlGenericHeads[f[1]]) {
		return definiteRomance(ms, orig, para, tok)
	}
	if f[0] != "the" && titleWords[f[1]] {
		// the head opens a Romance noun phrase: "la ministra de Trabajo"
		head, orig, f = f[1], orig[:2], f[:2]
	}
	german := deDefinite[f[0]]
	if !titleWords[head] && !titleWords[strings.TrimSuffix(head, "s")] && !personHeads[head] && !intlTitles[head] && !titleAbbrevs[strings.ToUpper(head)] && !(german && (compoundTitle(head) || deAgentNoun(head))) {
		return mention{}, false
	}
	var found mention
	ok := false
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if !m.person || !before(m.para, m.tok, para, tok) || !nameLike(m.text) {
			continue
		}
		heads := roleHeads(m.role)
		if german && !heads[head] && compoundIn(heads, head) {
			heads[head] = true // "der Präsident" for a "Bundespräsident"
		}
		fits, named := true, 0
		for k, w := range f[1 : len(f)-1] {
			capital := orig[k+1] != w && !german // German capitalizes every noun
			if (titleWords[w] || capital) && !heads[strings.Trim(w, ".,")] {
				fits = false
			}
			if capital {
				named++
			}
		}
		// the head in the role, or the body it names: "the University of
		// Surrey expert" for a professor at the University of Surrey
		if !fits || !heads[head] && named == 0 {
			continue
		}
		if ok && !sameName(found.text, m.text) {
			return mention{}, false // two people fit: leave it
		}
		if !ok {
			found, ok = m, true
		}
	}
	if ok {
		return found, true
	}
	if german {
		// "der Vorstandschef" for a "VW-Chef": the one person whose title
		// ends the same way, when none holds the head itself
		if m, ok := sameTitleEnd(ms, head, para, tok); ok {
			return m, true
		}
		if m, ok := sameBody(ms, head, para, tok); ok {
			return m, true // "der VW-Boss" for "VW-Chef Herbert Diess"
		}
		if i := strings.LastIndex(head, "-"); i > 0 && intlGenericHeads[head[i+1:]] {
			head = head[i+1:] // "der Grünen-Politiker": a head any role fits
		}
	}
	if anonHeads[head] {
		return mention{}, false // "the man wrote": someone the article does not name
	}
	// the person its own paragraph names, then the one the last three do
	if m, ok := onlyPerson(ms, head, para, tok, 0); ok {
		return m, true
	}
	return onlyPerson(ms, head, para, tok, 2)
}

// sameBody returns the one person mentioned before (para, tok) whose role
// names the same body before a hyphen as the German compound head does:
// "vw-boss" for a "VW-Chef"; ok is false when none or two do.
func sameBody(ms []mention, head string, para, tok int) (mention, bool) {
	i := strings.Index(head, "-")
	if i <= 0 {
		return mention{}, false
	}
	prefix := head[:i+1]
	var found mention
	ok := false
	for _, m := range ms {
		if !m.person || !before(m.para, m.tok, para, tok) || !nameLike(m.text) {
			continue
		}
		fits := false
		for w := range roleHeads(m.role) {
			fits = fits || strings.HasPrefix(w, prefix)
		}
		if !fits {
			continue
		}
		if ok && !sameName(found.text, m.text) {
			return mention{}, false
		}
		found, ok = m, true
	}
	return found, ok
}

// anonHeads are descriptor heads for people an article leaves unnamed:
// "the man", "the woman", "the patient".
var anonHeads = set("man woman men women person people boy girl child kid resident residents neighbor neighbour patient victim witness stranger user fan")

// genericHeads are descriptor heads that no role contradicts: "the
// University of Surrey expert" may be a professor.
var genericHeads = set("expert experts specialist veteran observer")

// scienceHeads are descriptor heads that a profession fits: "the
// researcher" for "an epidemiologist at Johns Hopkins University".
var scienceHeads = set("researcher scientist academic")

// onlyPerson returns the one person named, other than in passing, in the
// window paragraphs before position (para, tok) and in its own paragraph
// before it, when there is exactly one and no role of theirs contradicts
// the descriptor's head noun: "Ezra Klein sets out to answer … The
// answer, the Vox founder suggests, is …".
func onlyPerson(ms []mention, head string, para, tok, window int) (mention, bool) {
	var found mention
	ok := false
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if !before(m.para, m.tok, para, tok) {
			continue
		}
		if para-m.para > window {
			break
		}
		if !m.person || m.weak && !m.capsNouns || !nameLike(m.text) {
			continue // German puts the subject after the verb: "sieht Weber"
		}
		if m.role != "" && !roleHeads(m.role)[head] && !genericHeads[head] && !intlGenericHeads[head] && !(scienceHeads[head] && professionIn(m.role)) {
			return mention{}, false // "first lady Michelle Obama" is not "the president"
		}
		if ok && !sameName(found.text, m.text) {
			return mention{}, false
		}
		if !ok || len(m.text) > len(found.text) {
			found, ok = m, true
		}
	}
	return found, ok
}

// corefer gives each unit's speaker the fullest name the article gives
// it, and resolves definite descriptors to the person they stand for.
func (s *scanner) corefer(ms []mention) {
	s.common = map[string]bool{}
	for pi := range s.paras {
		for _, t := range s.paras[pi].toks {
			if t.kind == tWord && !t.upper {
				s.common[t.lower] = true
			}
		}
	}
	stated := statedRoles(ms, s.units)
	for i := range s.units {
		u := &s.units[i]
		switch u.spk.kind {
		case spkName:
			if s.paras[u.para].lang == "de" {
				u.spk.text = genitiveOwner(ms, u.spk.text) // "so Birgit Kelles Erfahrung"
			}
			if s.paras[u.para].lang != "" {
				if full := s.spelledOut(u.spk.text); full != "" {
					u.spk.text = full // "DOSB": "Deutsche Olympische Sportbund (DOSB)"
					continue
				}
			}
			if full := fullest(ms, s.common, u.spk.text, u.spk.gender); full != u.spk.text {
				u.spk.text = full // "Dean" is Howard Dean, not a dean
				continue
			}
			if titleOnly(u.spk.text) {
				// "the Director noted", "The PAHO Director also urged"
				det := "the "
				if s.paras[u.para].lang == "de" {
					det = "der " // "Der US-Präsident schrieb"
				}
				if m, ok := definite(ms, det+u.spk.text, u.spk.para, u.spk.tok); ok && descFits(det+u.spk.text, stated[m.key]) {
					u.spk = speaker{text: fullest(ms, s.common, m.text, m.gender), role: m.role, kind: spkName,
						gender: m.gender, para: u.spk.para, tok: u.spk.tok}
				} else {
					u.spk.kind = spkDesc // kept as printed, not shown
				}
				continue
			}
			if isOrg(u.spk.text) {
				continue
			}
			u.spk.text = fullest(ms, s.common, u.spk.text, u.spk.gender)
			if t := titleName(s.title, u.spk.text); t != "" && s.paras[u.para].lang != "" && !strings.Contains(u.spk.text, " ") {
				u.spk.text = t // the headline gives the full name the text leaves out
			}
		case spkDesc:
			if f := strings.Fields(strings.ToLower(u.spk.text)); len(f) == 2 && (ageNoun(f[1]) && s.paras[u.para].lang == "de" || f[0] == "the" && enAgeNoun(f[1])) {
				// "Der 24-Jährige": the person named just before
				if m, ok := latestPerson(ms, u.spk.para, u.spk.tok); ok {
					u.spk = speaker{text: fullest(ms, s.common, m.text, m.gender), role: m.role, kind: spkName,
						gender: m.gender, para: u.spk.para, tok: u.spk.tok}
				}
				continue
			}
			if m, ok := namedAtEnd(ms, u.spk); ok {
				// "der optimistische Torgersen": an adjective before a
				// surname the article gives
				u.spk = speaker{text: fullest(ms, s.common, m.text, m.gender), role: m.role, kind: spkName,
					gender: m.gender, para: u.spk.para, tok: u.spk.tok}
				continue
			}
			if body, ok := s.groupBody(u.spk); ok {
				// "the physicians said" after "Doctors for Camp
				// Closure …": the body the group makes up, listed only
				u.spk = speaker{text: body, kind: spkName, para: u.spk.para, tok: u.spk.tok}
				u.via = max(u.via, viaPronounWeak)
				continue
			}
			if by, ok := s.textIssuer(u.spk); ok {
				// "Big Machine Records issued a statement … “…,” the
				// statement continued": the words are the issuer's
				by.para, by.tok = u.spk.para, u.spk.tok
				u.spk = by
				continue
			}
			if m, ok := definite(ms, u.spk.text, u.spk.para, u.spk.tok); ok && descFits(u.spk.text, stated[m.key]) {
				u.spk = speaker{text: fullest(ms, s.common, m.text, m.gender), role: m.role, kind: spkName,
					gender: m.gender, para: u.spk.para, tok: u.spk.tok}
			} else if m, ok := salientFor(ms, u.spk.text, u.spk.para, u.spk.tok); ok && s.paras[u.para].lang != "" {
				// "afirmó el comunicador" where no one is given that
				// title: the person the article is about, listed but
				// not shown
				u.spk = speaker{text: fullest(ms, s.common, m.text, m.gender), role: m.role, kind: spkName,
					gender: m.gender, para: u.spk.para, tok: u.spk.tok}
				u.via = max(u.via, viaPronounWeak)
			}
		}
	}
}

// salientFor returns the person a French, Spanish or Portuguese definite
// descriptor with a head any role fits ("el comunicador", "el
// funcionario") most likely stands for when no one is given its title
// (not "le juge", who may be someone the article does not name): the person named most often
// before (para, tok), at least twice and more often than anyone else,
// whose gender and role do not contradict it.
func salientFor(ms []mention, desc string, para, tok int) (mention, bool) {
	f := strings.Fields(strings.ToLower(desc))
	if len(f) != 2 || !intlDefinite[f[0]] || deDefinite[f[0]] || !intlGenericHeads[f[1]] {
		return mention{}, false
	}
	g := genderUnknown
	switch f[0] {
	case "la", "a":
		g = genderFemale
	case "le", "el", "o":
		g = genderMale
	}
	count := map[string]int{}
	last := map[string]mention{}
	for _, m := range ms {
		if !m.person || !before(m.para, m.tok, para, tok) || !nameLike(m.text) || !compatible(m.gender, g) {
			continue
		}
		if m.role != "" && !roleHeads(m.role)[f[1]] {
			continue
		}
		count[m.key]++
		if l, ok := last[m.key]; !ok || len(m.text) > len(l.text) {
			last[m.key] = m
		}
	}
	best, second := "", 0
	for k, n := range count {
		if best == "" || n > count[best] || n == count[best] && k < best {
			if best != "" {
				second = max(second, count[best])
			}
			best = k
		} else {
			second = max(second, n)
		}
	}
	if best == "" || count[best] < 2 || count[best] == second {
		return mention{}, false
	}
	return last[best], true
}

// enAgeNoun reports whether l names a person by age in English:
// "56-year-old" ("The 56-year-old said").
func enAgeNoun(l string) bool {
	n, ok := strings.CutSuffix(l, "-year-old")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// groupNouns are plural nouns for a group of people that a body's name
// may hold, each with the words that name the same people.
var groupNouns = map[string]map[string]bool{
	"doctors":    set("doctors physicians"),
	"physicians": set("doctors physicians"),
	"nurses":     set("nurses"),
	"teachers":   set("teachers educators"),
	"scientists": set("scientists"),
	"lawyers":    set("lawyers attorneys"),
	"farmers":    set("farmers growers"),
	"parents":    set("parents"),
	"veterans":   set("veterans"),
	"workers":    set("workers"),
}

// groupBody returns the body an English descriptor of a group ("the
// physicians", "the doctors") stands for: the one name in its paragraph
// or the two before it that holds that group's noun ("Doctors for Camp
// Closure").
func (s *scanner) groupBody(sp speaker) (string, bool) {
	f := strings.Fields(strings.ToLower(sp.text))
	if len(f) != 2 || f[0] != "the" || groupNouns[f[1]] == nil || s.paras[sp.para].lang != "" {
		return "", false
	}
	found := ""
	for pi := sp.para; pi >= 0 && sp.para-pi <= 2; pi-- {
		p := &s.paras[pi]
		end := len(p.toks)
		if pi == sp.para {
			end = sp.tok
		}
		for i := 0; i < end; i++ {
			if !p.isNameTok(i) {
				continue
			}
			e := p.capsRunAfter(i, end) // "Doctors for Camp Closure"
			if e <= i+1 {
				continue
			}
			if t := p.span(i, e); nameHolds(t, groupNouns[f[1]]) {
				if found != "" && found != t {
					return "", false
				}
				found = t
			}
			i = e - 1
		}
	}
	return found, found != ""
}

// capsRunAfter returns the end of a run of capitalized words from i,
// joined by "for", "of", "and" or "the" ("Doctors for Camp Closure"), at
// most six words, ending on a capitalized word.
func (p *para) capsRunAfter(i, end int) int {
	e := i
	for k := i; k < end && k < i+6; k++ {
		w, ok := p.word(k)
		if !ok {
			break
		}
		if w.upper {
			e = k + 1
			continue
		}
		if !(w.lower == "for" || w.lower == "of" || w.lower == "and" || w.lower == "the") {
			break
		}
	}
	return e
}

// nameHolds reports whether the name t holds one of words.
func nameHolds(t string, words map[string]bool) bool {
	for _, w := range strings.Fields(strings.ToLower(t)) {
		if words[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// textIssuer returns who issued the text an English definite descriptor
// names ("the statement", "the letter"): the name before "issued a
// statement" (or released, sent, published) in its paragraph or the two
// before it.
func (s *scanner) textIssuer(sp speaker) (speaker, bool) {
	f := strings.Fields(strings.ToLower(sp.text))
	if len(f) != 2 || f[0] != "the" || !textHeads[f[1]] || s.paras[sp.para].lang != "" {
		return speaker{}, false
	}
	for pi := sp.para; pi >= 0 && sp.para-pi <= 2; pi-- {
		p := &s.paras[pi]
		end := len(p.toks)
		if pi == sp.para {
			end = sp.tok
		}
		for k := end - 1; k > 1; k-- {
			if w, ok := p.word(k); !ok || w.upper || w.lower != f[1] {
				continue
			}
			v := k - 1
			for n := 0; n < 2 && v > 0; n++ {
				if w, ok := p.word(v); ok && !w.upper && !issueVerbs[w.lower] {
					v-- // "issued a separate statement"
				}
			}
			if w, ok := p.word(v); !ok || w.upper || !issueVerbs[w.lower] {
				continue
			}
			if by, _, ok := p.npBefore(v-1, 0, pi); ok && by.kind == spkName {
				return by, true
			}
		}
	}
	return speaker{}, false
}

// namedAtEnd returns the person a descriptor of three words ending in a
// surname stands for ("der optimistische Torgersen", "el veterano
// Rodríguez"), when a person mention before it has that surname.
func namedAtEnd(ms []mention, sp speaker) (mention, bool) {
	f := strings.Fields(sp.text)
	if len(f) != 3 || !intlDefinite[strings.ToLower(f[0])] || !startsUpper(f[2]) || startsUpper(f[1]) {
		return mention{}, false
	}
	key := strings.ToLower(f[2])
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if m.person && m.key == key && strings.Contains(m.text, " ") && before(m.para, m.tok, sp.para, sp.tok) {
			return m, true
		}
	}
	return mention{}, false
}

// statedRoles returns, by surname, every role the article states for a
// person: at a mention or at a quote's attribution ("said Natalie
// Bouchard, a vice-president at the insurance bureau").
func statedRoles(ms []mention, us []unit) map[string][]string {
	out := map[string][]string{}
	for _, m := range ms {
		if m.person && m.role != "" {
			out[m.key] = append(out[m.key], m.role)
		}
	}
	for _, u := range us {
		if u.spk.kind == spkName && u.spk.role != "" && !isOrg(u.spk.text) {
			k := nameKey(u.spk.text)
			out[k] = append(out[k], u.spk.role)
		}
	}
	return out
}

// descFits reports whether a descriptor may stand for a person the
// article gives roles: when it gives none, or one of them holds the
// descriptor's head noun ("the minister" for "Water Minister"). "The
// finance minister" is never a vice-president quoted just before.
func descFits(desc string, roles []string) bool {
	head := descHead(desc)
	if len(roles) == 0 || genericHeads[head] || intlGenericHeads[head] {
		return true
	}
	i := strings.LastIndex(head, "-")
	if i > 0 && intlGenericHeads[head[i+1:]] {
		return true // "der Grünen-Politiker" for a "Bundeswirtschaftsminister"
	}
	for _, r := range roles {
		if i > 0 {
			for w := range roleHeads(r) {
				if strings.HasPrefix(w, head[:strings.Index(head, "-")+1]) {
					return true // "der VW-Boss" for a "VW-Chef"
				}
			}
		}
		if scienceHeads[head] && professionIn(r) {
			return true // "the researcher" for "an epidemiologist at …"
		}
		heads := roleHeads(r)
		if !statesPosition(heads) {
			return true // "aus der Presseabteilung der Stadt": where, not what
		}
		if heads[head] || heads[strings.TrimSuffix(head, "s")] || compoundIn(heads, head) {
			return true
		}
		if f := strings.Fields(strings.ToLower(desc)); len(f) == 2 && deDefinite[f[0]] && endsLike(heads, titleEnd(head)) {
			return true // "der Vorstandschef" for a "VW-Chef"
		}
		// a Romance head opens its phrase: "la ministra del Interior"
		f := strings.Fields(strings.ToLower(desc))
		if len(f) > 1 && intlDefinite[f[0]] && (intlTitles[f[1]] || titleWords[f[1]]) && heads[f[1]] {
			return true
		}
	}
	return false
}

// statesPosition reports whether a role's words name a position or a
// kind of person ("a vice-president at the insurance bureau", "a
// meteorologist"), not only where someone works ("aus der
// Presseabteilung der Stadt").
func statesPosition(heads map[string]bool) bool {
	for w := range heads {
		if i := strings.LastIndexByte(w, '-'); i >= 0 {
			w = w[i+1:] // "vice-president"
		}
		if titleWords[w] || titleWords[strings.TrimSuffix(w, "s")] || personHeads[w] || intlTitles[w] || compoundTitle(w) || strings.HasSuffix(w, "ist") {
			return true
		}
	}
	return false
}

// titleOnly reports whether a capitalized run holds nothing but titles
// and acronyms, so it names a position, not a person: "Director", "PAHO
// Director", "Prime Minister".
func titleOnly(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	title := false
	for _, w := range f {
		t := strings.Trim(w, ".,()")
		l := strings.ToLower(t)
		if x, ok := titleAbbrev[l]; ok {
			l = x
		}
		switch {
		case titleWords[l] && !honorificWord(l) || l == "minister" || l == "prime" || compoundTitle(l) || titleAbbrevs[t]:
			// "US-Präsident": a German compound title; "MP"
			title = true
		case partyWords[l]:
			// "Conservative MP", "Democratic senator"
		case len(t) >= 2 && strings.ToUpper(t) == t:
			// an acronym: "PAHO"
		default:
			return false
		}
	}
	return title
}

// partyWords name a party or its side before a title: "Conservative MP",
// "Republican senator".
var partyWords = set("conservative labour labor liberal democrat democratic republican green tory snp gop independent socialist")

// nameLike reports whether a mention's text can be a person's name: one
// word, or a plain name of two to four (see plainName).
func nameLike(s string) bool {
	return !strings.Contains(strings.TrimSpace(s), " ") || plainName(s, nil)
}

// definiteRomance returns the person a French, Spanish or Portuguese
// definite descriptor whose head opens it stands for ("la ministra de
// Trabajo", "la titular de Interior", "la referente de la APDH"): the
// latest person mentioned before (para, tok) whose role holds the head
// noun or a capitalized word of the descriptor (Interior, APDH), when
// only one fits; else, for a head any role fits ("el Mandatario"), the
// only person named just before (onlyPerson).
func definiteRomance(ms []mention, orig []string, para, tok int) (mention, bool) {
	head := strings.ToLower(orig[1])
	var caps []string
	for _, w := range orig[2:] {
		w = strings.Trim(w, ".,()")
		if startsUpper(w) {
			caps = append(caps, strings.ToLower(w))
		}
	}
	g := genderUnknown
	switch strings.ToLower(orig[0]) {
	case "la", "une", "una", "a", "uma":
		g = genderFemale
	case "le", "el", "un", "uno", "o", "um":
		g = genderMale
	}
	var found mention
	ok := false
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if !m.person || !before(m.para, m.tok, para, tok) || !nameLike(m.text) || m.role == "" || !compatible(m.gender, g) {
			continue
		}
		heads := roleHeads(m.role)
		fits := heads[head]
		for _, c := range caps {
			fits = fits || heads[c]
		}
		if !fits {
			continue
		}
		if ok && !sameName(found.text, m.text) {
			return mention{}, false // two people fit: leave it
		}
		if !ok {
			found, ok = m, true
		}
	}
	if ok {
		return found, true
	}
	if !intlGenericHeads[head] {
		// "a expliqué le juge" after "Gérald Darmanin a obtenu un
		// non-lieu": the one person named need not be the judge
		return mention{}, false
	}
	if m, ok := onlyPerson(ms, head, para, tok, 0); ok {
		return m, true
	}
	if m, ok := onlyNamed(ms, para, tok); ok {
		return m, true // "confirmado por el Presidente Boric. «…», adelantó el Mandatario"
	}
	return onlyPerson(ms, head, para, tok, 2)
}

// onlyNamed returns the one person named in paragraph para before token
// tok, however in passing, when there is exactly one.
func onlyNamed(ms []mention, para, tok int) (mention, bool) {
	var found mention
	ok := false
	for _, m := range ms {
		if m.para != para || !before(m.para, m.tok, para, tok) || !m.person || !nameLike(m.text) {
			continue
		}
		if ok && !sameName(found.text, m.text) {
			return mention{}, false
		}
		if !ok || len(m.text) > len(found.text) {
			found, ok = m, true
		}
	}
	return found, ok
}

// genitiveOwner returns, for a German capitalized run that holds a
// genitive before a noun ("Birgit Kelles Erfahrung"), the owner's name
// ("Birgit Kelle") when the article names that person elsewhere; else
// text.
func genitiveOwner(ms []mention, text string) string {
	f := strings.Fields(text)
	for i := 0; i < len(f)-1; i++ {
		base, ok := strings.CutSuffix(f[i], "s")
		if !ok || len(base) < 3 {
			continue
		}
		key := strings.ToLower(base)
		for _, m := range ms {
			if m.key == key && m.person {
				return strings.Join(append(f[:i:i], base), " ")
			}
		}
	}
	return text
}

// latestPerson returns the person mentioned last before (para, tok), in
// that paragraph or the one before, as the subject of a sentence.
func latestPerson(ms []mention, para, tok int) (mention, bool) {
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if !before(m.para, m.tok, para, tok) {
			continue
		}
		if para-m.para > 1 {
			break
		}
		if m.person && !m.weak {
			return m, true
		}
	}
	return mention{}, false
}

// sameTitleEnd returns the one person mentioned before (para, tok) whose
// role holds a German compound title ending like head ("VW-Chef" for
// "Vorstandschef", "Landesrätin" for "Rätin"); ok is false when no one or
// two different people do.
func sameTitleEnd(ms []mention, head string, para, tok int) (mention, bool) {
	end := titleEnd(head)
	if end == "" {
		return mention{}, false
	}
	var found mention
	ok := false
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if !m.person || !before(m.para, m.tok, para, tok) || !nameLike(m.text) {
			continue
		}
		if !endsLike(roleHeads(m.role), end) {
			continue
		}
		if ok && !sameName(found.text, m.text) {
			return mention{}, false
		}
		found, ok = m, true
	}
	return found, ok
}

// titleEnd returns the German title suffix that ends head ("chef" of
// "vorstandschef"), the longest, or "".
func titleEnd(head string) string {
	end := ""
	for _, suf := range append([]string{"chef", "chefin"}, titleSuffixes...) {
		if strings.HasSuffix(head, suf) && len(suf) > len(end) {
			end = suf
		}
	}
	return end
}

// endsLike reports whether a word of heads ends in the title suffix end.
func endsLike(heads map[string]bool, end string) bool {
	if end == "" {
		return false
	}
	for w := range heads {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
