package quote

import (
	"strings"
	"unicode"
)

// Attribution in French, German, Spanish and Portuguese articles. Only the
// structures the English rules already read are covered: a speech verb
// after the quote with the speaker after it ("« … », a déclaré Sébastien
// Lefèvre", "„…“, sagte sie", "«…», dijo el ministro", "explique-t-elle"),
// a speaker and verb before a colon ("X a déclaré : « … »", "X sagte:
// „…“"), and "according to" ("selon X", "laut X", "según X", "segundo X",
// "de acordo com X"). The word lists are written for this package from
// general knowledge of the languages; they are read-only.

// intlVerbs are speech verbs, finite or past participle, lowercase.
// Forms that are also English words ("note", "dice") are left out.
var intlVerbs = set(`
déclaré assuré affirmé expliqué ajouté souligné indiqué estimé précisé dit
annoncé confié insisté martelé rappelé reconnu répondu prévenu averti lancé
commenté poursuivi résumé regretté dénoncé jugé observé noté
déclare assure affirme explique ajoute souligne indique estime précise
confie insiste martèle rappelle reconnaît répond prévient avertit
poursuit résume regrette dénonce
sagte sagt sagten erklärte erklärt erklärten betonte betont meinte meint
warnte warnt ergänzte ergänzt schrieb schreibt kritisierte kritisiert
bekräftigte
dijo afirmó afirma declaró declara explicó explica aseguró asegura
añadió añade señaló señala indicó indica subrayó subraya advirtió advierte
comentó sostuvo sostiene agregó agrega insistió
reconoció reconoce respondió responde apuntó apunta
recalcó adelantó aseveró planteó puntualizó manifestó expresó destacó enfatizó
remarcó reiteró aclaró detalló argumentó concluyó opinó criticó lamentó admitió
precisó sentenció relató contó insistió
recomendó recomienda pidió propuso consideró valoró
recommandé demandé qualifié empfahl empfiehlt
forderte mahnte unterstrich bestätigte versicherte berichtete erzählte erinnerte
antwortete
gesagt geschrieben gefordert gewarnt mitgeteilt berichtet erzählt angekündigt
schreiben warnen betitelte titelte kommentierte twitterte postete
bekräftigt versichert
expliquait affirmait déclarait soulignait estimait ajoutait confiait raconte
raconté reprend repris tranche tranché
disse diz afirmou declarou explicou acrescentou
acrescenta assegurou garantiu destacou ressaltou observou avaliou
comentou sublinhou alertou respondeu
`)

// frAux are the French auxiliaries before a participle ("a déclaré").
var frAux = set("a ont avait avaient")

// intlAccording introduce the source of a statement: "selon X".
var intlAccording = set("selon d’après d'après laut según segundo conforme")

// intlPronouns are subject pronouns with their gender.
var intlPronouns = map[string]int{
	"il": genderMale, "elle": genderFemale, "er": genderMale, "sie": genderFemale,
	"él": genderMale, "ella": genderFemale, "ele": genderMale, "ela": genderFemale,
}

// intlArticles open a descriptive speaker: "la directrice", "der Minister".
var intlArticles = set("le la les l’ l' un une der die das ein eine el los las una o a os as um uma")

// intlVerbAt reads a speech verb starting at token i: "déclaré", "a
// déclaré", "a-t-il déclaré", "explique-t-elle", "sagte". It returns the
// token after the verb and, when the verb carries its pronoun
// ("explique-t-elle"), that pronoun as the speaker.
func (p *para) intlVerbAt(i, pi int) (next int, pron speaker, ok bool) {
	t, isWord := p.word(i)
	if !isWord || t.upper && i > 0 && !p.isPunct(i-1, "—–―-") {
		return 0, speaker{}, false
	}
	l := t.lower
	if intlVerbs[l] || langVerbs[p.lang][l] && !t.upper {
		if w, ok := p.word(i + 1); ok && w.lower == l {
			return i + 2, speaker{}, true // "dijo dijo John Volker": a typo
		}
		return i + 1, speaker{}, true
	}
	if l == "se" && (p.lang == "es" || p.lang == "fr") {
		// «…», se pregunta Iris | «…», s’interroge-t-elle is one token
		if p.isIntlVerb(i + 1) {
			return i + 2, speaker{}, true
		}
		if w, ok := p.word(i + 1); ok && (w.lower == "preguntó" || w.lower == "pregunta" || w.lower == "lamentó" || w.lower == "lamenta" || w.lower == "interroge" || w.lower == "demande") {
			return i + 2, speaker{}, true
		}
	}
	if deReflexive[l] {
		// „…“, freut sich Robert Galler
		if w, ok := p.word(i + 1); ok && w.lower == "sich" && !w.upper {
			return i + 2, speaker{}, true
		}
	}
	if deSeparable[l] && p.particleAfter(i+1) {
		// „…“, fügt Aseev hinzu
		return i + 1, speaker{}, true
	}
	if frAux[l] {
		if p.isIntlVerb(i + 1) {
			return i + 2, speaker{}, true
		}
		return 0, speaker{}, false
	}
	// inverted pronoun: "explique-t-elle", "a-t-il déclaré", "dit-il"
	for _, suf := range []string{"-t-elle", "-t-il", "-elle", "-il"} {
		stem, found := strings.CutSuffix(l, suf)
		if !found {
			continue
		}
		g := genderMale
		if strings.HasSuffix(suf, "elle") {
			g = genderFemale
		}
		pron = speaker{text: t.text[strings.LastIndex(t.text, "-")+1:], kind: spkPronoun, gender: g, para: pi, tok: i}
		switch {
		case intlVerbs[stem] || langVerbs[p.lang][stem]:
			return i + 1, pron, true
		case frAux[stem]:
			if w, ok := p.word(i + 1); ok && intlVerbs[w.lower] {
				return i + 2, pron, true
			}
		}
		return 0, speaker{}, false
	}
	return 0, speaker{}, false
}

// deSeparable are German speech verbs whose particle closes the clause:
// "fügt X hinzu", "führte X aus", "räumt X ein", "gibt X zu bedenken".
var deSeparable = set(`fügt fügte führt führte räumt räumte gibt gab stellt stellte hält
hielt merkt merkte schränkt schränkte wirft warf teilt teilte`)

// deReflexive are German speech verbs read with "sich": "freut sich X".
var deReflexive = set("freut freute ärgert ärgerte wundert wunderte empört empörte äußert äußerte")

// deParticles close a German separable speech verb.
var deParticles = set("hinzu aus ein an fest klar bedenken entgegen mit")

// deAdverbs stand between a German speech verb and its speaker: "erklärte
// damals Morten Hundt".
var deAdverbs = set(`damals dazu auch noch heute gestern zudem weiter außerdem dann
jetzt nun ebenfalls abschließend später seinerzeit bereits schon`)

// particleAfter reports whether a German verb particle closes the clause
// starting at token i, within a few words: "Aseev hinzu".
func (p *para) particleAfter(i int) bool {
	for k := i; k < len(p.toks) && k < i+8; k++ {
		w, ok := p.word(k)
		if !ok {
			return false
		}
		if deParticles[w.lower] && !w.upper && k > i {
			e := k + 1
			return e >= len(p.toks) || p.toks[e].kind != tWord
		}
	}
	return false
}

// intlAfter parses the speaker after a foreign speech verb ending at
// token j: a pronoun ("sagte sie"), a surname with its particle ("a dit de
// Villiers"), an article phrase ("la directrice", intlDescAfter), or a
// name with its role (intlNameAfter). Asides, adverbs and adjuncts before
// the speaker are skipped first (intlSpeakerStart).
func (p *para) intlAfter(j, to, pi int) (speaker, int, bool) {
	j, w, ok := p.intlSpeakerStart(j, to)
	if !ok {
		return speaker{}, 0, false
	}
	if g, isPron := intlPronouns[w.lower]; isPron && !w.upper {
		return speaker{text: w.text, kind: spkPronoun, gender: g, para: pi, tok: j}, j + 1, true
	}
	if particles[w.lower] && !w.upper && !intlArticles[w.lower] && !addressees[w.lower] && p.isNameTok(j+1) {
		// "detalló del Pópolo", "a dit de Villiers": a surname with its
		// particle
		if e := p.nameRunAfter(j+1, to); e > j+1 {
			sp := p.nameAt(j+1, e, pi)
			sp.text, sp.tok = p.span(j, e), j
			return sp, e, true
		}
	}
	if addressees[w.lower] && p.lang != "" && p.lang != "pt" && !w.upper {
		return speaker{}, 0, false // "dijo a la red Erbol": whom it was said to
	}
	if e := p.oneOfAt(j, to); e > j {
		// "afirmó uno de ellos", "a dit l’un d’eux", "sagte einer von
		// ihnen": one of a group, no one named
		return speaker{text: p.span(j, e), kind: spkDesc, para: pi, tok: j}, e, true
	}
	if (p.isArticle(w.lower) || intlPossessives[w.lower]) && !w.upper {
		return p.intlDescAfter(j, to, pi)
	}
	if !w.upper {
		return speaker{}, 0, false
	}
	return p.intlNameAfter(j, to, pi)
}

// oneOfAt returns the end of "uno de ellos", "una de las vecinas",
// "l’un d’eux", "einer von ihnen", "eine der Anwohnerinnen" at j: one of a
// group, up to four words; j when none opens there.
func (p *para) oneOfAt(j, to int) int {
	w, ok := p.word(j)
	if !ok || !oneWords[w.lower] {
		return j
	}
	k := j + 1
	if n, ok := p.word(k); !ok || !oneOfs[n.lower] {
		return j
	}
	for k++; k < to && k < j+5 && p.toks[k].kind == tWord; k++ {
	}
	return k
}

// oneWords and oneOfs open "one of" a group in Spanish, French, German
// and Portuguese.
var oneWords = set("uno una l’un l'un l’une l'une un une einer eine eines um")
var oneOfs = set("de del d’eux d'eux d’elles d'elles des von der dos das")

// intlSpeakerStart returns the token where the speaker after a foreign
// speech verb at j begins, past an aside between commas ("lamenta, por su
// parte, Iris Avellaneda"), a German adverb ("erklärte damals Morten
// Hundt", "sagt auch der Sprecher") and an adjunct ("erklärt auf Nachfrage
// Martin Rölen"), with the word there; ok is false when no word opens it.
func (p *para) intlSpeakerStart(j, to int) (int, token, bool) {
	if p.lang != "" && p.isPunct(j, ",") {
		for k := j + 1; k < to && k <= j+5; k++ {
			if w, ok := p.word(k); ok && !w.upper {
				continue
			}
			if p.isPunct(k, ",") && k > j+1 && p.isNameTok(k+1) {
				j = k + 1
			}
			break
		}
	}
	for k := j; k < to && k < j+3; k++ {
		if w, ok := p.word(k); !ok || w.upper || !deAdverbs[w.lower] {
			break
		}
		if w2, ok := p.word(k + 1); k+1 < to && (p.isNameTok(k+1) || ok && !w2.upper && p.isArticle(w2.lower)) {
			j = k + 1
		}
	}
	w, ok := p.word(j)
	if !ok {
		return j, token{}, false
	}
	if k := p.adjunctAfter(j, to); k > j {
		j = k
		w, _ = p.word(j)
	}
	return j, w, true
}

// intlDescAfter reads an article phrase after a foreign speech verb: the
// descriptor ("la titular de Interior", not "… a los senadores"), the
// head of a research group ("die Forscher um Aneta Afelt"), a name after
// its title ("el senador Rick Scott", "der Abgeordnete Martin Dolzer am
// Samstag"), or a name after the descriptor and a comma ("el titular de la
// DRELM, Luis Quintanilla.").
func (p *para) intlDescAfter(j, to, pi int) (speaker, int, bool) {
	k := j + 1
	for k < to && k-j < 10 && p.toks[k].kind == tWord && !(k > j+1 && (addressees[p.toks[k].lower] || intlPrepositions[p.toks[k].lower] && !p.orgFür(k) || p.descStop(p.toks[k].lower) && !p.titleAfterAnd(k) || p.toAgency(k))) {
		k++ // "la titular de Interior", not "… a los senadores", "… im Auftrag von"
	}
	if k <= j+1 {
		return speaker{}, 0, false
	}
	if p.lang != "" && !p.descHeadOK(j+1) {
		// "se detalla la instancia se …", "la correspondiente": the
		// quote stands, with no speaker
		return speaker{para: pi, tok: j}, k, true
	}
	if sp, e, ok := p.groupHeadIn(j, k, to, pi); ok {
		return sp, e, true
	}
	if sp, e, ok := p.nameInDesc(j, k, pi); ok {
		return sp, e, true
	}
	if sp, e, ok := p.nameAfterDesc(j, k, to, pi); ok {
		return sp, e, true
	}
	return speaker{text: p.span(j, k), kind: spkDesc, para: pi, tok: j}, k, true
}

// nameInDesc finds a name of two or more words after the title in the
// descriptor [j, k) ("el senador Rick Scott"), with the words before it as
// its role; a capitalized noun after a German genitive article is no name
// ("ein Anwalt der Kanzlei Höcker").
func (p *para) nameInDesc(j, k, pi int) (speaker, int, bool) {
	for n := j + 2; n+1 < k; n++ {
		if w, ok := p.word(n - 1); ok && p.lang == "de" && deDefinite[w.lower] || ok && w.lower == "des" || ok && w.lower == "dem" {
			continue
		}
		if p.ofBody(n) {
			continue // "la portavoz del Partido Popular": the body the title belongs to
		}
		if p.isNameTok(n) && p.isNameTok(n+1) {
			e := p.nameRunAfter(n, k)
			sp := p.nameAt(n, e, pi)
			// the whole description before the name, with a title the
			// name run began with: "der stellvertretende
			// Nationalparkleiter und Projektleiter Ulrich Brendel"
			sp.role = p.span(j, max(n, sp.tok))
			return sp, e, true
		}
	}
	return speaker{}, 0, false
}

// ofBody reports whether the capitalized word at n follows "de", "del",
// "du", "von" or the like, with or without an article: it names the body
// of a title before it, not a person.
func (p *para) ofBody(n int) bool {
	w, ok := p.word(n - 1)
	if !ok || w.upper {
		return false
	}
	if romancePrepositions[w.lower] && w.lower != "en" {
		return true
	}
	if !intlArticles[w.lower] {
		return false
	}
	pw, ok := p.word(n - 2)
	return ok && !pw.upper && romancePrepositions[pw.lower] && pw.lower != "en"
}

// groupHeadIn finds the person a German research group is named after in
// the descriptor [j, k): "schreiben die Forscher um Aneta Afelt".
func (p *para) groupHeadIn(j, k, to, pi int) (speaker, int, bool) {
	for n := j + 2; n+1 < k; n++ {
		if w, ok := p.word(n); ok && p.lang == "de" && w.lower == "um" && !w.upper && p.isNameTok(n+1) {
			if e := p.nameRunAfter(n+1, to); e > n+1 {
				if sp := p.nameAt(n+1, e, pi); sp.text != "" && !isOrg(sp.text) && !p.notName(sp.text) {
					return sp, e, true
				}
			}
		}
	}
	return speaker{}, 0, false
}

// nameAfterDesc finds a name after the descriptor [j, k) and a comma,
// over a parenthesised acronym, closing the clause: "afirmó el titular de
// la DRELM, Luis Quintanilla.", "der Sprecher der Schutzvereinigung (DSW),
// Jürgen Kurz". The descriptor is its role when it has none.
func (p *para) nameAfterDesc(j, k, to, pi int) (speaker, int, bool) {
	if _, ok := p.word(k + 1); ok && p.isPunct(k, "(") && p.isPunct(k+2, ")") {
		k += 3
	}
	return p.nameAfterComma(j, k, to, pi)
}

// intlNameAfter reads a capitalized speaker after a foreign speech verb:
// the head of a German research group ("schreiben Forscher um Aneta
// Afelt"), a name after academic titles ("Univ.-Prof. Dr. Robert
// Galler"), or a name with its role (npAfter), whose role may be the body
// named after it ("erklärt Martin Rölen aus der Presseabteilung der
// Stadt").
func (p *para) intlNameAfter(j, to, pi int) (speaker, int, bool) {
	if n, ok := p.word(j + 1); ok && p.lang == "de" && n.lower == "um" && !n.upper && p.isNameTok(j+2) {
		if e := p.nameRunAfter(j+2, to); e > j+3 {
			if sp := p.nameAt(j+2, e, pi); sp.text != "" && !isOrg(sp.text) {
				if r := p.bodyRoleAfter(e, to); r > e {
					sp.role, e = p.span(e, r), r
				}
				return sp, e, true
			}
		}
	}
	if k := p.academicAfter(j, to); k > j && p.isNameTok(k) {
		e := p.nameRunAfter(k, to)
		sp := p.nameAt(k, e, pi)
		if t := p.span(j, k); sp.role == "" || strings.HasSuffix(t, sp.role) {
			sp.role = t
		} else {
			sp.role = t + " " + sp.role
		}
		if role, e2, ok := p.appositiveAfter(e, to); ok {
			// "sagt Dr. Sven Baszio, Geschäftsführender Vorstand der
			// Stiftung": the appositive says more than "Dr."
			sp.role, e = role, e2
		}
		return sp, e, sp.text != ""
	}
	sp, e, ok := p.npAfter(j, to, pi)
	if ok && sp.kind == spkName && sp.role == "" && p.lang != "" {
		if r := p.bodyRoleAfter(e, to); r > e {
			sp.role = p.span(e, r)
			e = r
		}
	}
	return sp, e, ok
}

// bodyRoleAfter returns the end of a phrase naming the body a speaker
// belongs to, starting at token e after the name and closing the clause:
// "aus der Presseabteilung der Stadt", "von der Tiernothilfe", "de la
// fiscalía"; e when there is none.
func (p *para) bodyRoleAfter(e, to int) int {
	w, ok := p.word(e)
	if !ok || w.upper || !(w.lower == "aus" || w.lower == "von" || w.lower == "vom" || w.lower == "de" || w.lower == "del" || w.lower == "du") {
		return e
	}
	k := e + 1
	for k < to && k-e <= 8 && p.toks[k].kind == tWord && !p.roleVerb(k) {
		if k > e+2 && intlPrepositions[p.toks[k].lower] && !p.toks[k].upper {
			return k // "von der Universität Warschau in einer Studie": the body ends before "in"
		}
		k++
	}
	if k == to || p.isPunct(k, ".,;") {
		return k
	}
	return e
}

// deAcademic are German academic titles written before a name.
var deAcademic = set("Univ Prof Dr Mag Ing Dipl DI habil med rer nat phil")

// academicAfter returns the end of a run of academic titles starting at
// token j ("Univ.-Prof. Dr."), j when there is none.
func (p *para) academicAfter(j, to int) int {
	k, end := j, j
	for k < to {
		t := p.toks[k]
		switch {
		case t.kind == tWord && deAcademic[t.text] && p.isPunct(k+1, "."):
			k += 2
			end = k
		case p.isPunct(k, "-") && k > j:
			k++
		default:
			return end
		}
	}
	return end
}

// intlAccordingAt reads "selon", "laut", "según", "segundo", "de acordo
// com" at token i and returns the token after it.
func (p *para) intlAccordingAt(i int) (int, bool) {
	t, ok := p.word(i)
	if !ok {
		return 0, false
	}
	if intlAccording[t.lower] {
		return i + 1, true
	}
	if (t.text == "Pour" && p.lang == "fr" || t.text == "Para" && p.lang == "es") && (p.isNameTok(i+1) && p.isNameTok(i+2) || p.isArticleTitle(i+1)) {
		// "Pour Marc Dubois, économiste, « … »", "Para el economista
		// Pedro Gómez, «…»": whose view the sentence gives
		return i + 1, true
	}
	// de acordo com (pt), de acuerdo con (es)
	if t.lower == "de" {
		a, ok1 := p.word(i + 1)
		c, ok2 := p.word(i + 2)
		if ok1 && ok2 && (a.lower == "acordo" && c.lower == "com" || a.lower == "acuerdo" && c.lower == "con") {
			return i + 3, true
		}
	}
	return 0, false
}

// isArticleTitle reports whether an article and a role noun open at i:
// "le ministre", "la economista".
func (p *para) isArticleTitle(i int) bool {
	a, ok := p.word(i)
	n, ok2 := p.word(i + 1)
	return ok && ok2 && !a.upper && p.isArticle(a.lower) && !n.upper && (intlTitles[n.lower] || intlPersonHeads[n.lower])
}

// intlBefore parses the speaker of a foreign speech verb at v whose quote
// follows: "Hélène Marchand a déclaré : « … »", "Er sagte: „…“".
func (p *para) intlBefore(v, from, pi int) (speaker, bool) {
	e := v - 1
	if w, ok := p.word(e); ok && frAux[w.lower] {
		e--
	}
	if w, ok := p.word(e); ok {
		if g, isPron := intlPronouns[w.lower]; isPron {
			return speaker{text: w.text, kind: spkPronoun, gender: g, para: pi, tok: e}, true
		}
	}
	if e < from {
		return speaker{}, false
	}
	if p.lang != "" && p.isPunct(e, ",") {
		return p.intlAppositive(e, from, pi)
	}
	if w, ok := p.word(e); ok && intlAdverbs[w.lower] && !w.upper && e > from && p.isNameTok(e-1) {
		e-- // "Magallanes también sostuvo", "Weber betonte auch": an adverb after the subject
	}
	if w, ok := p.word(e); ok && e == from && p.notName(w.text) {
		return speaker{}, false // "Danach schrieb er:": the subject follows the verb
	}
	if w, ok := p.word(e); ok && intlClauseWords[w.lower] && (!w.upper || e == from) {
		// "… y dijo:", "Y agregó:": the subject opens the clause, before
		// the verb it shares, or is left out
		return speaker{}, false
	}
	if w, ok := p.word(e); ok && relPronouns[w.lower] && p.lang != "" && p.isPunct(e-1, ",") && p.isNameTok(e-2) {
		// "… a Yurramendi, quien señaló que": the name before the
		// relative pronoun
		if r := p.nameRunBefore(e-2, from); r <= e-2 {
			if sp := p.nameAt(r, e-1, pi); sp.text != "" && !p.notName(sp.text) && !isOrg(sp.text) {
				return sp, true
			}
		}
	}
	if !p.isNameTok(e) {
		// "Le ministre a déclaré", "La empresa afirma"
		for k := e; k >= from && e-k < 6; k-- {
			w, ok := p.word(k)
			if !ok || p.descStop(w.lower) {
				break
			}
			if p.isArticle(w.lower) || intlIndefinite[w.lower] || w.lower == "einem" || w.lower == "einer" {
				if p.lang != "" && (!p.descHeadOK(k+1) || p.afterPreposition(k+1)) {
					break // "in einem Interview 2017 gesagt": where, not who
				}
				return speaker{text: p.span(k, e+1), kind: spkDesc, para: pi, tok: k}, true
			}
		}
		return speaker{}, false
	}
	if r := p.nameRunBefore(e, from); r == e-1 && p.lang == "de" && p.isArticle(p.toks[r].lower) && firstGender(p.toks[e].lower) == genderUnknown {
		// "Die Gemeinde meint": an article and a noun, a descriptor
		return speaker{text: strings.ToLower(p.toks[r].text) + " " + p.toks[e].text, kind: spkDesc, para: pi, tok: r}, true
	}
	if r := p.nameRunBefore(e, from); r <= e && p.lang != "" && p.afterPreposition(r) {
		return speaker{}, false // "hatte in einem Interview 2017 gesagt": no subject
	}
	if r := p.nameRunBefore(e, from); r < e && p.lang != "" {
		// "Laut Unterlagen antwortet Kühn", "Nach Angaben …": a fronted
		// phrase, and the subject follows the verb
		if w, ok := p.word(r); ok && (intlAccording[w.lower] || intlPrepositions[w.lower] || dePhraseWords[w.lower] && !intlArticles[w.lower] || intlOpeners[w.lower]) {
			return speaker{}, false
		}
	} else if r == e {
		// "In seiner Rede betonte Rektor Huber": a noun after a
		// preposition or possessive is a fronted phrase, and the subject
		// follows the verb
		if w, ok := p.word(r - 1); ok && dePhraseWords[w.lower] && (!w.upper || r-1 == from) {
			return speaker{}, false // also "Am Abend sagte der Kämmerer:"
		}
		// "Auf weitere Nachfrage sagt Keuter": in German a lone noun after
		// an adjective is no name
		if w, ok := p.word(r - 1); ok && p.lang == "de" && !w.upper && !intlClauseWords[w.lower] && !clauseWords[w.lower] && !intlArticles[w.lower] {
			return speaker{}, false
		}
	}
	sp, st, ok := p.npBefore(e, from, pi)
	if ok && sp.kind == spkName && p.isPunct(st-1, ",") && p.isNameTok(st-2) {
		// "Julian Fürholzer, Landesvorstand der JBN erklärt:": the
		// name before the comma, the run after it its role
		if r := p.nameRunBefore(st-2, from); r <= st-3 {
			name := p.nameAt(r, st-1, pi)
			if name.text != "" && !p.notName(name.text) && !isOrg(name.text) {
				name.role = p.span(st, e+1)
				return name, true
			}
		}
	}
	return sp, ok && sp.kind == spkName && !p.notName(sp.text)
}

// intlVerbIn reports whether a foreign speech verb stands among the
// words [a, b).
func (p *para) intlVerbIn(a, b int) bool {
	for k := a; k < b; k++ {
		if p.isIntlVerb(k) {
			return true
		}
	}
	return false
}

// dePhraseWords open a German phrase fronted before the verb: "In seiner
// Rede betonte …", "Im Interview sagte …".
var dePhraseWords = set(`in im am beim bei nach vor mit seiner seinen seinem ihrer ihren ihrem
einer einem der dem den des zum zur auf aus`)

// titleSuffixes end German compound titles: "Finanzminister",
// "Bürgermeisterin", "Regierungssprecher".
var titleSuffixes = []string{"minister", "ministerin", "präsident", "präsidentin", "sprecher",
	"sprecherin", "chef", "chefin", "meister", "meisterin", "direktor", "direktorin", "leiter",
	"leiterin", "vorsitzende", "vorsitzender", "kanzler", "kanzlerin", "abgeordnete", "abgeordneter"}

// deRoleNouns are German role nouns, alone or ending a compound, in the
// forms they take before a name: "Forscher Morten Hundt", "den
// Empa-Forschern Morten Hundt", "Sprecherin Maria Kunz", "Klima-Experte".
var deRoleNouns = []string{"forscher", "forschern", "forscherin", "forscherinnen",
	"experte", "experten", "expertin", "wissenschaftler", "wissenschaftlern", "wissenschaftlerin",
	"chemiker", "chemikern", "chemikerin", "physiker", "physikern", "physikerin",
	"ökonom", "ökonomen", "ökonomin", "professor", "professorin", "sprecher", "sprecherin",
	"direktor", "direktorin", "leiter", "leiterin", "gründer", "gründern", "gründerin",
	"ingenieur", "ingenieurin", "analyst", "analystin", "ärztin", "arzt", "biologe", "biologin",
	"rektor", "rektorin", "dekan", "dekanin", "landeshauptmann", "autor", "autorin", "aktivist", "aktivistin", "manager", "managerin",
	"funktionär", "funktionärin", "politiker", "politikerin", "kandidat", "kandidatin", "profi", "trainer", "trainerin",
	"reporter", "reporterin", "journalist", "journalistin", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
	"coach", "rabbiner", "rabbinerin", "bischof", "bischöfin", "pfarrer", "pfarrerin", "kapitän", "kapitänin",
	"moderator", "moderatorin", "richter", "richterin", "staatsanwalt", "staatsanwältin",
	"milliardär", "milliardärin", "millionär", "millionärin", "youtuber", "youtuberin", "influencer", "influencerin",
	"unternehmer", "unternehmerin", "promi", "sänger", "sängerin", "schauspieler", "schauspielerin",
	"kämmerer", "kämmerin", "boss", "präsident", "präsidentin", "chef", "chefin", "minister", "ministerin",
	"kanzler", "kanzlerin", "vorsitzender", "vorsitzende", "geschäftsführer", "geschäftsführerin", "landrat", "landrätin", "stadträtin",
	"anwalt", "anwältin", "lehrer", "lehrerin", "landwirt", "landwirtin", "winzer", "winzerin",
	"spieler", "spielerin", "torhüter", "torhüterin", "stürmer", "stürmerin", "regisseur", "regisseurin",
	"künstler", "künstlerin", "architekt", "architektin", "historiker", "historikerin", "soziologe", "soziologin",
	"psychologe", "psychologin", "mediziner", "medizinerin", "virologe", "virologin", "epidemiologe",
	"epidemiologin", "volkswirt", "volkswirtin", "botschafter", "botschafterin", "diplomat", "diplomatin",
	"polizist", "polizistin", "ermittler", "ermittlerin", "anwohner", "anwohnerin"}

// compoundTitle reports whether l, a lowercase word, is a German compound
// title: a title suffix after a stem of at least three letters, or a
// German role noun alone or ending a compound.
func compoundTitle(l string) bool {
	for _, suf := range titleSuffixes {
		if strings.HasSuffix(l, suf) && len(l) >= len(suf)+3 {
			return true
		}
	}
	for _, n := range deRoleNouns {
		// the noun alone, after a hyphen ("Klima-Experte"), or ending a
		// compound of four letters more ("Klimaforscher")
		if strings.HasSuffix(l, n) && (len(l) == len(n) || l[len(l)-len(n)-1] == '-' || len(l) >= len(n)+4) {
			return true
		}
	}
	return false
}

// intlAppositive parses a speaker whose role stands between commas before
// the verb, the comma at e: "Laura Magallanes, vecina del área, dijo que
// …", "Hélène Roy, maire de la ville, a déclaré : « … »". The name must
// open its clause ("En Madrid, la capital, dijo" names no speaker).
func (p *para) intlAppositive(e, from, pi int) (speaker, bool) {
	if c := p.prevComma(e, from); c > from {
		// "Die Bürgermeisterin von Reichenbach, Carina Dittrich, betont:":
		// the name between the commas, the phrase before it her role
		if r := p.nameRunBefore(e-1, c+1); r == c+1 && e-1 > c+1 {
			if sp := p.nameAt(c+1, e, pi); sp.text != "" && !p.notName(sp.text) && !isOrg(sp.text) && (firstGender(strings.ToLower(p.toks[sp.tok].text)) != genderUnknown || strings.Contains(sp.text, " ") && p.titleAfterArticle(from)) {
				if w, ok := p.word(from); ok && (p.isArticle(w.lower) || p.intlTitleWord(w.lower)) {
					sp.role = p.span(from, c)
					return sp, true
				}
			}
		}
	}
	sp, hs, ok := p.appositiveBefore(e, from, pi)
	if !ok || sp.kind != spkName || p.notName(sp.text) {
		return speaker{}, false
	}
	if w, ok := p.word(hs); ok && hs < sp.tok && (intlPrepositions[w.lower] || dePhraseWords[w.lower] || intlAccording[w.lower]) {
		return speaker{}, false // "En Madrid, la capital, dijo": a fronted phrase
	}
	if hs > from && !p.isPunct(hs-1, ".;:—–(") {
		if w, ok := p.word(hs - 1); !ok || !intlClauseWords[w.lower] {
			return speaker{}, false
		}
	}
	return sp, true
}

// titleAfterArticle reports whether an article and a title open the
// phrase at a: "Der Präsident des Bundesverbands …", "La directora de …".
func (p *para) titleAfterArticle(a int) bool {
	w, ok := p.word(a)
	n, ok2 := p.word(a + 1)
	return ok && ok2 && p.isArticle(w.lower) && p.intlTitleWord(n.lower)
}

// intlAdverbs may stand between a subject and its speech verb: "Magallanes
// también sostuvo", "Roy a aussi déclaré", not conjunctions ("y dijo").
var intlAdverbs = set(`también además luego entonces después ya hoy ayer
auch zudem dann nun jetzt später
aussi ensuite alors puis
também depois`)

// intlSegunVerbs follow "según" with the subject left out: "Según
// entiende, «…»" is what the person just named understands.
var intlSegunVerbs = set(`entiende cree considera piensa opina estima explica explicó dijo
afirma afirmó sostiene sostuvo relata relató cuenta contó detalla detalló recuerda recordó
comenta comentó indica indicó señala señaló`)

// impersonalAt reads a German impersonal attribution at token i, "hieß
// es" or "heißt es", which names no person: "„…“, hieß es in der
// Mitteilung des DOSB" is the DOSB's text, "„…“, heißt es aus dem
// Ministerium" no one's by name. The speaker is the last name in the
// phrase after it, else none, and never a person carried from before. It
// returns the token after the attribution.
func (p *para) impersonalAt(i, to, pi int) (speaker, int, bool) {
	if !p.impersonal(i) {
		return speaker{}, 0, false
	}
	sp, e := p.lastName(i+2, to, pi)
	if e < 0 {
		return speaker{para: pi, tok: i}, i + 2, true
	}
	return sp, e, true
}

// impersonal reports whether tokens i and i+1 are "heißt es" or "hieß es"
// in a German article.
func (p *para) impersonal(i int) bool {
	t, ok := p.word(i)
	n, ok2 := p.word(i + 1)
	return p.lang == "de" && ok && ok2 && !t.upper && (t.lower == "hieß" || t.lower == "heißt") && n.lower == "es"
}

// lastName returns the last capitalized name among the words [a, to) up
// to the first punctuation mark, an organisation or a person ("der
// Mitteilung des DOSB": DOSB), and the token after it; e is -1 when the
// words hold none. Nouns after an article are no names ("der
// Mitteilung").
func (p *para) lastName(a, to, pi int) (sp speaker, e int) {
	e = -1
	for k := a; k < to && k < a+12; k++ {
		w, ok := p.word(k)
		if !ok {
			break
		}
		if !p.isNameTok(k) {
			continue
		}
		r := p.nameRunAfter(k, to)
		if pw, ok := p.word(k - 1); ok && p.isArticle(pw.lower) && r == k+1 && strings.ToUpper(w.text) != w.text {
			k = r - 1 // "der Mitteilung": a German noun
			continue
		}
		if n := p.nameAt(k, r, pi); n.text != "" && !p.notName(n.text) {
			sp, e = n, r
		}
		k = r - 1
	}
	return sp, e
}

// intlSubordinators open a clause that adds a reason or a circumstance
// after an attribution: "…“, warnt er, zumal …", "…», dijo, porque …".
var intlSubordinators = set(`zumal weil da denn wobei obwohl nachdem während
porque pues aunque ya mientras cuando
car parce puisque tandis lorsque quand`)

// intlTrailer reports whether token e, after an attribution in a French,
// German or Spanish article, opens what only adds to it: a dash ("warnt
// er - zumal …") or a subordinate clause after a comma.
func (p *para) intlTrailer(e int) bool {
	if p.lang == "" {
		return false
	}
	if p.isPunct(e, "-–—") {
		return true
	}
	w, ok := p.word(e + 1)
	return p.isPunct(e, ",") && ok && !w.upper && intlSubordinators[w.lower]
}

// deAux are the German auxiliaries and modals of a compound tense: "hat
// gesagt", "hatte erklärt", "soll gesagt haben".
var deAux = set("hat hatte haben hatten habe soll sollen will wollte wird wurde")

// perfectAux reports whether a German auxiliary stands among the words
// [from, v), before the participle v: the clause's subject is its speaker.
func (p *para) perfectAux(from, v int) bool {
	for k := from; k < v; k++ {
		if w, ok := p.word(k); ok && !w.upper && deAux[w.lower] {
			return true
		}
	}
	return false
}

// afterPreposition reports whether the capitalized run starting at r
// follows a preposition, alone or with an article: "in einem Interview",
// "en la Corte", "vor der Presse".
func (p *para) afterPreposition(r int) bool {
	k := r - 1
	if w, ok := p.word(k); ok && !w.upper && (p.isArticle(w.lower) || intlIndefinite[w.lower] || w.lower == "einem" || w.lower == "einer") {
		k--
	}
	w, ok := p.word(k)
	return ok && !w.upper && (intlPrepositions[w.lower] || dePhraseWords[w.lower] && !p.isArticle(w.lower))
}

// prevComma returns the comma before token e, within the clause from and
// twenty-five tokens, or -1.
func (p *para) prevComma(e, from int) int {
	for k := e - 1; k >= from && k > e-25; k-- {
		if p.isPunct(k, ",") {
			return k
		}
		if p.toks[k].kind == tQuote || p.isPunct(k, ".;:!?") {
			return -1
		}
	}
	return -1
}

// coordinatedRole extends a German role that ends before the name at ns
// over a noun coordinated with it: "die Opernball-Grande-Dame und
// Burgschauspielerin Lotte Tobisch" is "Opernball-Grande-Dame und
// Burgschauspielerin", not "Burgschauspielerin" alone.
func (p *para) coordinatedRole(role string, ns int) string {
	for k := ns - 1; k >= 0 && k >= ns-12; k-- {
		if p.span(k, ns) != role {
			continue
		}
		c, ok := p.word(k - 1)
		n, ok2 := p.word(k - 2)
		if pw, ok3 := p.word(k - 3); ok3 && pw.upper && p.isNameTok(k-3) && !p.isArticle(pw.lower) {
			break // "Direktor Hans Mühlburger und ZaB-Departmentleiter Robert Galler": a name before "und"
		}
		if ok && ok2 && c.lower == "und" && !c.upper && n.upper && firstGender(n.lower) == genderUnknown && !intlOpeners[n.lower] {
			return p.span(k-2, ns)
		}
		break
	}
	return role
}

// viewNouns follow a possessive in a phrase that credits what follows to
// the person it stands for: "a su entender", "desde su visión", "seiner
// Ansicht nach".
var viewNouns = set(`entender juicio visión perspectiva opinión criterio parecer
ansicht meinung einschätzung auffassung überzeugung`)

// viewAt reads such a phrase at the possessive v: "A su entender, en la
// comunidad «se conoce muy poco»" is the words of the person the text is
// about (a subject left out), "Seiner Ansicht nach ist das „…“" those of
// the man it is about. It returns the speaker and the token after the
// phrase.
func (p *para) viewAt(v, pi int) (speaker, int, bool) {
	w, ok := p.word(v)
	n, ok2 := p.word(v + 1)
	if !ok || !ok2 || !viewNouns[n.lower] {
		return speaker{}, 0, false
	}
	switch {
	case p.lang == "es" && w.lower == "su":
		pw, ok := p.word(v - 1)
		if ok && (pw.lower == "a" || pw.lower == "desde" || pw.lower == "en") {
			return speaker{kind: spkDropped, para: pi, tok: v}, v + 2, true
		}
	case p.lang == "de" && (w.lower == "seiner" || w.lower == "ihrer"):
		if a, ok := p.word(v + 2); ok && a.lower == "nach" {
			g, t := genderMale, "er"
			if w.lower == "ihrer" {
				g, t = genderFemale, "sie"
			}
			return speaker{text: t, kind: spkPronoun, gender: g, para: pi, tok: v}, v + 3, true
		}
	}
	return speaker{}, 0, false
}

// deTitled reports whether a German role read before a name holds a
// title or a person noun ("Bundesministerin", "BVB-Coach", "CEO"), or
// opens with a lowercase word ("von der Tiernothilfe"); a lone noun cut
// from a longer title ("Forschung" of "Bundesminister für Bildung,
// Wissenschaft und Forschung Heinz Faßmann") is none.
func deTitled(role string) bool {
	f := strings.Fields(role)
	if len(f) == 0 {
		return true
	}
	if r := []rune(f[0]); len(r) > 0 && !unicode.IsUpper(r[0]) {
		return true
	}
	for _, w := range f {
		t := strings.Trim(w, ".,()")
		l := strings.ToLower(t)
		if titleWords[l] || intlTitles[l] || intlPersonHeads[l] || personHeads[l] || compoundTitle(l) || acronymCompound(t) || honorificWord(l) {
			return true
		}
		if i := strings.LastIndexByte(l, '-'); i >= 0 && (titleWords[l[i+1:]] || compoundTitle(l[i+1:])) {
			return true
		}
		if deAgentNoun(l) {
			return true // "Stadtplanerin", "Notar", "Diplomat": a person by what they do
		}
	}
	return false
}

// deAgentSuffixes end German nouns for persons by what they do.
var deAgentSuffixes = []string{"erin", "er", "istin", "ist", "entin", "ent", "eurin", "eur", "orin", "or",
	"antin", "ant", "login", "loge", "atin", "at", "arin", "ar", "chef", "chefin"}

// intlPossessives open a descriptive speaker after a speech verb like an
// article: "freut sich unser Projektleiter Toni Wegscheider", "afirmó
// nuestro director".
var intlPossessives = set("unser unsere unserem unseren nuestro nuestra notre")

// titleAfterAnd reports whether token k is "und", "y" or "et" joining a
// second title in a descriptor: "der stellvertretende Nationalparkleiter
// und Projektleiter Ulrich Brendel".
func (p *para) titleAfterAnd(k int) bool {
	w, ok := p.word(k)
	n, ok2 := p.word(k + 1)
	return ok && ok2 && (w.lower == "und" || w.lower == "y" || w.lower == "et") && p.intlTitleWord(n.lower)
}

// deAgentNoun reports whether the lowercase German noun l ends like a
// noun for a person by what they do: "virologe", "stadtplanerin".
func deAgentNoun(l string) bool {
	for _, suf := range deAgentSuffixes {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

// orgFür reports whether token k is a German "für" inside an
// organisation's name: "Schutzvereinigung für Wertpapierbesitz",
// "Institut für Tropenmedizin".
func (p *para) orgFür(k int) bool {
	w, ok := p.word(k)
	pw, ok1 := p.word(k - 1)
	n, ok2 := p.word(k + 1)
	return p.lang == "de" && ok && ok1 && ok2 && w.lower == "für" && !w.upper && pw.upper && n.upper
}

// soleName returns the one name among the words [from, v) that is
// followed by a lowercase word (a verb), when there is exactly one: the
// subject of a sentence whose later verb is coordinated with its first.
func (p *para) soleName(from, v, pi int) (speaker, bool) {
	var found speaker
	n := 0
	for k := from; k < v; k++ {
		if !p.isNameTok(k) || p.isNameTok(k-1) && k > from {
			continue
		}
		e := p.nameRunAfter(k, v)
		if e <= k {
			continue
		}
		sp := p.nameAt(k, e, pi)
		if sp.text == "" || p.notName(sp.text) {
			k = e - 1
			continue
		}
		n++
		if w, ok := p.word(e); ok && !w.upper && !isOrg(sp.text) {
			found = sp
		}
		k = e - 1
	}
	return found, n == 1 && found.text != ""
}
