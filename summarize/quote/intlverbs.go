package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speech verbs that only one language reads as such: the Spanish "dice"
// and the French "note" are English words too, so they count only in an
// article in that language. Written for this package from general
// knowledge of the languages; read-only.

// langVerbs are the speech verbs of one language, lowercase, beside
// intlVerbs.
var langVerbs = map[string]map[string]bool{
	"es": set(`dice dicen cuenta relata recuerda asegura afirma explica señala advierte
insiste lamenta aclara remarca plantea comenta subraya apunta precisa destaca enfatiza
pregunta responde concluye expresa manifiesta reitera detalla denuncia critica admite
completa resume opina cuestiona ironiza sentencia asevera indica sostiene agrega añade
preguntó cuestionó complementó remató sumó expuso acotó consideró denunció ironizó
confesó reveló citó enumeró enumera ejemplificó graficó acusó reclamó agregaron
dijeron afirmaron señalaron explicaron indicaron aseguraron sostuvieron`),
	"pt": set(`conta relata lembra afirma explica aponta destaca ressalta diz disseram
afirmaram comentou perguntou questionou completou reforçou`),
	"fr": set(`note lâche glisse lance conclut répète témoigne analyse relève admet avoue
nuance plaide rétorque réagit commente signale détaille ironise tempête s’étonne
noté lâché glissé détaillé conclu répété témoigné analysé relevé admis avoué nuancé
plaidé rétorqué réagi signalé ironisé écrit écrivait indiquait`),
	"de": set(`fordert mahnt berichtet erzählt erinnert bestätigt versichert unterstreicht
bekräftigt antwortet weiß resümiert resümierte urteilt urteilte kommentiert
kommentierte appelliert appellierte verspricht versprach verrät verriet fragt fragte
ruft rief schildert schilderte beklagt beklagte lobt lobte begründet begründete
sagen sagten erklären betonen warnen kritisieren
erläutert erläuterte präzisiert präzisierte bilanziert bilanzierte bemerkt bemerkte
meinten betonten erklärt erklärten ergänzten warnten kritisierten forderten
zitiert zitierte bedauert bedauerte gesteht gestand prophezeit prophezeite`),
}

// intlLang returns the base of language tag lang when the foreign rules
// read it ("fr", "de", "es", "pt"), else "".
func intlLang(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "fr", "de", "es", "pt":
		return base
	}
	return ""
}

// isIntlVerb reports whether word i is a lowercase foreign speech verb:
// one of intlVerbs, or of the paragraph's language, or a German separable
// verb with its particle straight after it ("fügte hinzu:").
func (p *para) isIntlVerb(i int) bool {
	t, ok := p.word(i)
	if !ok || t.upper {
		return false
	}
	// a German separable verb whose particle closes the clause: "Die
	// Sportdirektorin fügte hinzu: „…“"
	return intlVerbs[t.lower] || langVerbs[p.lang][t.lower] || p.lang == "de" && deSeparable[t.lower] && p.particleNext(i)
}

// particleNext reports whether the word after i is a German verb particle
// that closes the clause: "hinzu" in "fügte hinzu: „…“".
func (p *para) particleNext(i int) bool {
	w, ok := p.word(i + 1)
	return ok && !w.upper && deParticles[w.lower] && (i+2 >= len(p.toks) || p.toks[i+2].kind != tWord)
}

// proDropVerb reports whether word i, straight after a quote and its
// comma in a Spanish or Portuguese article, reads as a verb in the third
// person of the preterite ("«…», descaseteó."): lowercase, five letters
// or more, ending in an accented ó (Spanish) or in -ou (Portuguese), and
// closing the sentence or followed by a preposition or an article.
func (p *para) proDropVerb(i int) bool {
	t, ok := p.word(i)
	if !ok || t.upper || utf8.RuneCountInString(t.lower) < 5 {
		return false
	}
	switch p.lang {
	case "es":
		if !strings.HasSuffix(t.lower, "ó") {
			return false
		}
	case "pt":
		if !strings.HasSuffix(t.lower, "ou") {
			return false
		}
	default:
		return false
	}
	n, ok := p.word(i + 1)
	return !ok || !n.upper && (intlArticles[n.lower] || addressees[n.lower] || n.lower == "en" || n.lower == "de" || n.lower == "con" || n.lower == "por")
}

// intlTitles are French, Spanish and Portuguese role nouns written in
// lowercase before a name ("la candidata Ingrid Betancourt", "le ministre
// Paul Girard"); German role nouns are capitalized and read by
// compoundTitle.
var intlTitles = set(`candidato candidata periodista comunicador comunicadora panelista
diputado diputada senador senadora ministro ministra presidente presidenta alcalde
alcaldesa gobernador gobernadora director directora portavoz vocero vocera secretario
secretaria subsecretario subsecretaria mandatario mandataria jefe jefa canciller
concejal concejala intendente fiscal juez jueza abogado abogada investigador
investigadora profesor profesora experto experta analista economista dirigente líder
referente gerente coordinador coordinadora titular timonel activista entrenador
delegado delegada asesor asesora representante legislador legisladora dirigenta
ministre député députée maire porte-parole directeur président présidente sénateur
sénatrice préfet préfète secrétaire avocat avocate juge professeur professeure
chercheur chercheuse économiste sociologue politologue militant militante
syndicaliste patron patronne dirigeant dirigeante responsable fondateur fondatrice
conseiller conseillère élu élue candidat candidate journaliste chef cheffe
deputado deputada governador governadora prefeito prefeita vereador vereadora
staatsoberhaupt politiker politikerin
biólogo bióloga médico médica científico científica ingeniero ingeniera historiador
historiadora sociólogo socióloga psicólogo psicóloga vecino vecina médecin biologiste
historien historienne ingénieur
architecte écrivain écrivaine auteur autrice romancier romancière artiste photographe
réalisateur réalisatrice comédien comédienne acteur actrice chanteur chanteuse entraîneur
joueur joueuse directrice adjoint adjointe enseignant enseignante ingénieure
arquitecto arquitecta escritor escritora autor autora actor actriz cantante jugador jugadora
estudiante alumno alumna
sindicalista especialista politólogo politóloga empresario empresaria consejero consejera
edil regidor regidora asambleísta militante catedrático catedrática rector rectora decano
decana obispo sacerdote párroco comerciante productor productora agricultor agricultora
ganadero ganadera agente comandante coronel capitán capitana
commissaire procureur procureure délégué déléguée sélectionneur infirmier infirmière
agriculteur agricultrice éleveur éleveuse commerçant commerçante habitant habitante
riverain riveraine`)

// intlGenericHeads name a person by what they are in general, so any role
// fits them: "das Staatsoberhaupt" for the Bundespräsident, "el
// mandatario" for the president.
var intlGenericHeads = set(`staatsoberhaupt politiker politikerin mandatario mandataria dirigente
titular referente corporado corporada comunicador comunicadora funcionario funcionaria
fonctionnaire beamter beamtin`)

// intlClauseWords open a clause or stand before its subject in French,
// German, Spanish and Portuguese: "Y Boric dijo", "Doch Weber sagte".
var intlClauseWords = set(`y e pero aunque mientras también además luego entonces
und aber doch denn auch zudem dann nun jetzt später
et mais donc puis aussi ensuite alors
mas porém também depois`)

// intlOpeners are capitalized adverbs and prepositions that open
// sentences in French, German and Spanish articles and are no names:
// "Ahora Bustos asegura", "Heute sagte Weber".
var intlOpeners = set(`ahora hoy ayer luego además sin así también mientras cuando aunque
después antes entonces incluso tras durante hace según sobre desde hasta
heute gestern jetzt nun dann auch zudem außerdem doch trotzdem deshalb dabei damit
dazu bereits schon noch später zuvor danach vorher inzwischen
weiter ferner darin dort demnach allerdings ebenso ebenfalls abschließend gleichzeitig
zugleich daher hierzu damals seinerzeit anschließend schließlich letztlich immerhin vielmehr
asimismo igualmente finalmente posteriormente ainsi néanmoins également finalement
aujourd’hui aujourd'hui hier puis ensuite alors aussi déjà encore désormais enfin
pourtant cependant toutefois selon pour depuis
januar jänner februar märz april mai juni juli august september oktober november dezember
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
janvier février mars avril juin juillet août septembre octobre novembre décembre
von vom diese dieser dieses diesem diesen jene jener jenes jenem jenen solche solcher manche viele
ce cet cette ces este esta estos estas ese esa esos esas aquel aquella
sowohl weder entweder tanto ni soit
niemand jemand nadie alguien personne quelqu’un quelqu'un
natürlich dennoch freilich zunächst zuerst schließlich anschließend allerdings immerhin
jedoch indes übrigens ebenso gleichzeitig stattdessen deswegen darum daher also sogar
vielleicht wohl offenbar offensichtlich tatsächlich erst endlich kürzlich jüngst bislang
bisher seither seitdem daraufhin dafür dagegen erneut wieder zuletzt vorerst einst
außerdem ebenfalls gerade ausgerechnet besonders vor allem klar
finalmente asimismo igualmente además posteriormente luego previamente
finalement également ensuite puis cependant néanmoins effectivement
gleichwohl ebenso insofern darin immer zugleich anders beispielsweise dass erschreckend
s’il s'il s’ils s'ils qu’il qu'il`)

// notName reports whether the capitalized run text is no name: a word
// that only starts sentences, or in an article in another language a
// lone article, pronoun or conjunction ("La", "Der", "Y").
func (p *para) notName(text string) bool {
	if notNames[text] {
		return true
	}
	if p.lang == "" {
		return false
	}
	l := strings.ToLower(text)
	if p.lang == "de" {
		if first, rest, ok := strings.Cut(l, " "); ok && rest != "" && deNotNameOpeners[first] {
			return true // "Mehr Informationen", "Meine Mutter", "Über den Moment"
		}
	}
	return intlOpeners[l] || !strings.Contains(text, " ") && functionWords[l] || capsHeading(text)
}

// deNotNameOpeners open a capitalized German phrase that names no one.
var deNotNameOpeners = set(`über mehr mein meine meinen meiner unser unsere unserer dein deine
sein seine ihr ihre kein keine alle viele einige jeder jede`)

// capsHeading reports whether text, a capitalized run, is a heading in
// capitals rather than a name: all uppercase and holding a function word
// ("CÓMO GARANTIZAR LOS DD"), where a name in capitals ("JANET BARBOZA")
// holds none.
func capsHeading(text string) bool {
	if strings.IndexFunc(text, unicode.IsLower) >= 0 || !strings.Contains(text, " ") {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if (functionWords[w] || intlOpeners[w] || intlPrepositions[w]) && !particles[w] {
			return true
		}
	}
	return false
}

// intlTitleWord reports whether the lowercase word l is a role noun in
// the paragraph's language.
func (p *para) intlTitleWord(l string) bool {
	return p.lang != "" && (intlTitles[l] || p.lang == "de" && compoundTitle(l))
}

// quotedHeading reports whether the paragraph, in a French, German or
// Spanish article, is a subheading set in quotation marks: one short
// quote and nothing else, without the punctuation that ends a sentence
// („Die Türen der Kirche von innen aufstoßen“).
func (p *para) quotedHeading() bool {
	if p.lang == "" || len(p.segs) != 1 {
		return false
	}
	sg := p.segs[0]
	if strings.TrimSpace(p.text[:sg.start]) != "" || strings.TrimSpace(p.text[sg.end:]) != "" {
		return false
	}
	in := strings.TrimSpace(p.text[sg.in0:sg.in1])
	return words(in) < 12 && !strings.ContainsAny(in, ".!?…:;")
}

// titleName returns the full name that the headline gives the surname
// name: "Eva Welskop-Deffaa" in "Eva Welskop-Deffaa zur neuen
// Caritas-Präsidentin gewählt"; "" when it gives none.
func titleName(title, name string) string {
	f := strings.Fields(title)
	for i, w := range f {
		if strings.Trim(w, ".,:;!?„“”\"'«»") != name || i == 0 {
			continue
		}
		s := i
		for s > 0 && s > i-2 {
			pw := strings.Trim(f[s-1], "„“”\"'«»")
			if pw != f[s-1] || strings.ContainsAny(pw, ":;,.!?()") || !startsUpper(pw) || notNames[pw] || functionWords[strings.ToLower(pw)] || intlOpeners[strings.ToLower(pw)] || compoundTitle(strings.ToLower(pw)) || titleWords[strings.ToLower(pw)] {
				break
			}
			s--
		}
		if s < i {
			return strings.Join(f[s:i], " ") + " " + name
		}
	}
	return ""
}

// deMonths are the German month names, lowercase.
var deMonths = set("januar jänner februar märz april mai juni juli august september oktober november dezember")

// ordinalDay reports whether w is a day of the month, 1 to 31, as German
// writes it before a period ("30. März").
func ordinalDay(w string) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	n := 0
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
		n = n*10 + int(r-'0')
	}
	return n >= 1 && n <= 31
}

// intlPrepositions end a descriptive speaker read forward: what follows
// tells where, when or for whom ("ein Anwalt der Kanzlei im Auftrag von
// X", "la portavoz en una entrevista"), while "de", "von", "der" and
// "des" stay inside it ("la titular de Interior").
var intlPrepositions = set(`im am beim vom in mit für auf bei nach seit gegenüber während bis
über unter gegen ohne durch zwischen hasta entre sin contra
en con por para tras durante ante desde sobre
dans avec pour sur lors après pendant devant`)

// intlIndefinite are the indefinite articles of French, German, Spanish
// and Portuguese.
var intlIndefinite = set("un une ein eine einer uno una um uma")

// intlPersonHeads are nouns for people that open a descriptive speaker
// beside the role nouns: "ein Anwalt", "une habitante", "un vecino".
var intlPersonHeads = set(`anwalt anwältin mitarbeiter mitarbeiterin polizist polizistin
anwohner anwohnerin augenzeuge augenzeugin vertreter vertreterin sprecher sprecherin
habitant habitante témoin voisin voisine salarié salariée représentant représentante
vecino vecina testigo habitante trabajador trabajadora representante funcionario funcionaria
experta experto consultora consultor especialista`)

// intlRole returns the role that a French, German or Spanish article
// gives the name [a, e) between commas, before it ("la ministra del
// Interior, Izkia Siches": from the role noun nearest the comma) or after
// it ("Natalia Lopera, gerente de Cootraespeciales,"): a phrase of at
// most twelve words opened by a role noun, with or without its article,
// holding no verb; "" when there is none.
func (p *para) intlRole(a, e int) string {
	title := func(i int) bool {
		w, ok := p.word(i)
		return ok && !w.upper && intlTitles[w.lower] || ok && p.lang == "de" && compoundTitle(w.lower)
	}
	open := func(i int) int { // the role with its article, if any
		if w, ok := p.word(i - 1); ok && (intlArticles[w.lower] || intlIndefinite[w.lower] || w.lower == "al" || w.lower == "del") {
			if w.lower == "al" || w.lower == "del" {
				return i // "al presidente de Estados Unidos": the article is the preposition's
			}
			return i - 1
		}
		return i
	}
	if p.isPunct(e, ",") {
		k, r := e+1, -1
		if title(k) {
			r = k
		} else if w, ok := p.word(k); ok && (intlArticles[w.lower] || intlIndefinite[w.lower]) && title(k+1) {
			r = k
		} else if ok && !w.upper && bodyOpeners[w.lower] && p.lang != "de" && p.capsBefore(k+1, k+6) {
			r = k // "María Elena Naddeo, de la Asamblea Permanente …,": the body she speaks for
		}
		if r >= 0 {
			paren := 0
			for k < len(p.toks) && k-e-paren <= 12 {
				if p.toks[k].kind == tWord && !p.roleVerb(k) && !intlVerbsBe[p.toks[k].lower] {
					k++
				} else if _, ok := p.word(k + 1); ok && p.isPunct(k, "(") && p.isPunct(k+2, ")") {
					k, paren = k+3, paren+3 // "(APDH)"
				} else {
					break
				}
			}
			if k < len(p.toks) && p.isPunct(k, ",.;") && (p.isPunct(k, ",") || k+1 == len(p.toks)) {
				return p.span(r, k)
			}
		}
	}
	if p.isPunct(a-1, ",") {
		for k := a - 2; k >= 0 && k > a-14; k-- {
			if p.toks[k].kind != tWord || p.roleVerb(k) || intlPrepositions[p.toks[k].lower] || addressees[p.toks[k].lower] {
				break // "por la ministra en su agenda, Ibáñez": no role of his
			}
			if title(k) {
				return p.span(open(k), a-1)
			}
		}
	}
	return ""
}

// roleVerb reports whether word k is a verb, so no part of a role: a
// foreign speech verb, or in Spanish a preterite ("recordó").
func (p *para) roleVerb(k int) bool {
	w, ok := p.word(k)
	if !ok || w.upper {
		return false
	}
	return p.isIntlVerb(k) || p.lang == "es" && strings.HasSuffix(w.lower, "ó") && utf8.RuneCountInString(w.lower) >= 5
}

// colonName returns the speaker of a quote after a colon at token c in a
// French, German or Spanish article when the clause [from, c) ends in a
// person's name, alone or with the body they belong to: "Mit dabei war
// auch Stefan Brock von der Tiernothilfe: „…“".
func (p *para) colonName(from, c, pi int) (speaker, bool) {
	if p.lang == "" || !p.isPunct(c, ":") {
		return speaker{}, false
	}
	e := c // the end of the name: before "von der Tiernothilfe"
	for k := c - 1; k > from && k > c-8; k-- {
		w, ok := p.word(k)
		if !ok || p.roleVerb(k) {
			return speaker{}, false
		}
		if !w.upper && (w.lower == "von" || w.lower == "vom" || w.lower == "aus" || w.lower == "de" || w.lower == "del" || w.lower == "du") && p.isNameTok(k-1) {
			e = k
		}
	}
	s := p.nameRunBefore(e-1, from)
	if e-s < 2 {
		return speaker{}, false // a full name, not a lone capitalized noun
	}
	sp := p.nameAt(s, e, pi)
	if sp.text == "" || p.notName(sp.text) || isOrg(sp.text) || firstGender(strings.ToLower(p.toks[sp.tok].text)) == genderUnknown {
		return speaker{}, false
	}
	if e < c {
		sp.role = p.span(e, c)
	}
	return sp, true
}

// adjunctAfter returns where the speaker starts after a short adjunct
// that stands between a speech verb and its subject in a French, German
// or Spanish article ("erklärt auf Nachfrage Martin Rölen", "afirmó en
// la radio la ministra"): a preposition and at most three words, then a
// full name or an article with a role noun. It returns j when there is
// none.
func (p *para) adjunctAfter(j, to int) int {
	w, ok := p.word(j)
	if p.lang == "" || !ok || w.upper || !(intlPrepositions[w.lower] || w.lower == "auf" || w.lower == "de") {
		return j
	}
	for k := j + 1; k < to && k <= j+4; k++ {
		t, ok := p.word(k)
		if !ok {
			return j
		}
		if p.isNameTok(k) && p.isNameTok(k+1) && !p.notName(t.text) && firstGender(t.lower) != genderUnknown {
			return k
		}
		if n, ok := p.word(k + 1); ok && !t.upper && intlArticles[t.lower] && (intlTitles[n.lower] || p.lang == "de" && compoundTitle(n.lower)) {
			return k
		}
	}
	return j
}

// nounAfterModifier reports whether the capitalized word i of a German
// paragraph follows a lowercase word that modifies a noun (an adjective,
// a possessive, a preposition): "weitere Nachfrage", "seiner Rede"; not
// after an article, a conjunction or a verb of speech ("sagte Weber").
func (p *para) nounAfterModifier(i int) bool {
	w, ok := p.word(i - 1)
	if !ok || w.upper {
		return false
	}
	l := w.lower
	return !intlClauseWords[l] && !clauseWords[l] && !intlArticles[l] && !p.isIntlVerb(i-1) && l != "so" && !deAdverbs[l] && !particles[l]
}

// langArticles are the articles of each language; "le" is a French
// article but a Spanish pronoun ("le dijo").
var langArticles = map[string]map[string]bool{
	"fr": set("le la les l’ l' un une"),
	"de": set("der die das den dem des ein eine einer einem einen"),
	"es": set("el la los las un una"),
	"pt": set("o a os as um uma"),
}

// isArticle reports whether the lowercase word l is an article in the
// paragraph's language (any of intlArticles when it is unknown).
func (p *para) isArticle(l string) bool {
	if a, ok := langArticles[p.lang]; ok {
		return a[l]
	}
	return intlArticles[l]
}

// descStops end a descriptive speaker: pronouns, relatives and
// conjunctions open a clause of their own ("la instancia se detalla").
var descStops = set(`se que qui quien quienes dass sich y et und o ou oder
seinem seiner seinen ihrem ihrer ihren zufolge darunter dazu dabei damals`)

// descStop reports whether the lowercase word l ends a descriptive
// speaker in the paragraph's language: "le" and "lo" are Spanish
// pronouns but French articles.
func (p *para) descStop(l string) bool {
	return descStops[l] || p.lang == "es" && (l == "le" || l == "les" || l == "lo")
}

// intlOrgHeads are nouns for bodies that speak: "la empresa", "le
// gouvernement", "die Polizei".
var intlOrgHeads = set(`empresa compañía ministerio gobierno policía fiscalía municipalidad
alcaldía intendencia universidad organización asociación sindicato partido comisión
entreprise société gouvernement ministère police préfecture mairie syndicat parti
association université commission justice parquet
unternehmen firma regierung polizei ministerium stadt gemeinde behörde partei verband
gewerkschaft universität staatsanwaltschaft kommission verein
empresa governo polícia prefeitura ministério`)

// descHeadOK reports whether the word at i, after an article in a
// French, Spanish or Portuguese article, can head a speaker: a name ("la
// UCR", "la Sala de Reconocimiento"), a role noun, a person noun or a
// body that speaks; not "la instancia se", "la correspondiente". German
// capitalizes every noun, so any noun there may ("die Blauen").
func (p *para) descHeadOK(i int) bool {
	w, ok := p.word(i)
	if !ok {
		return false
	}
	if p.lang == "de" || w.upper {
		return true
	}
	l := w.lower
	if intlTitles[l] || titleWords[l] || intlPersonHeads[l] || intlGenericHeads[l] || intlOrgHeads[l] || compoundTitle(l) || personHeads[l] {
		return true
	}
	if p.isNameTok(i+1) && p.isNameTok(i+2) {
		return true // a role noun before a full name: "el sindicalista Pedro Gómez"
	}
	// an adjective before the noun: "la nueva ministra", "le jeune député"
	if n, ok := p.word(i + 1); ok && !n.upper && (intlTitles[n.lower] || intlPersonHeads[n.lower] || intlGenericHeads[n.lower]) {
		return true
	}
	return false
}

// onlyTerms reports whether, in a French, German or Spanish article,
// every quote among tokens [a, b) is one capitalized word or a name in
// marks ("das „Extrablatt“", "samt “Hofstaat”", „STOL, Nachrichten für
// Südtirol“): a term or a title the narration names, so the clause
// quotes nobody. German capitalizes every noun, so a noun in marks counts
// as a term there too; "„flächendeckende“ Werbung" quotes someone.
func (p *para) onlyTerms(a, b int) bool {
	if p.lang == "" {
		return false
	}
	n := 0
	for k := a; k < b && k < len(p.toks); k++ {
		if p.toks[k].kind != tQuote {
			continue
		}
		in := strings.TrimSpace(p.inner(p.toks[k].seg))
		f := strings.Fields(in)
		if len(f) == 0 || !startsUpper(f[0]) {
			return false
		}
		if len(f) > 1 && !p.isTitle(p.toks[k].seg) && !(strings.Contains(in, ",") && len(f) <= 5) {
			return false
		}
		n++
	}
	return n > 0
}

// intlOrgWords mark a capitalized run in a French, German or Spanish
// article as a body, not a person: "Dirección General de Escuelas",
// "Ministère de l'Intérieur", "Bundesministerium".
var intlOrgWords = set(`Dirección Ministerio Secretaría Subsecretaría Gobierno Policía Fiscalía
Corte Tribunal Congreso Senado Cámara Comisión Partido Universidad Asociación Liga Junta
Consejo Instituto Fundación Escuela Escuelas Municipalidad Alcaldía Intendencia Gerencia
Ministère Gouvernement Assemblée Conseil Parti Université Cour Commission Mairie Préfecture
Ministerium Regierung Partei Universität Gericht Kommission Verband Verein Amt Behörde
Bundesregierung Landesregierung Staatsanwaltschaft Polizei Stadt Gemeinde`)

// intlNoPerson reports whether the capitalized run text, in a French,
// German or Spanish article, names a body ("Dirección General de
// Escuelas") or, in German, a noun phrase joined by a particle that opens
// with no given name ("Schreiben von Keith"), so no person.
func (p *para) intlNoPerson(text string) bool {
	if p.lang == "" {
		return false
	}
	f := strings.Fields(text)
	for _, w := range f {
		if intlOrgWords[strings.Trim(w, ".,()")] {
			return true
		}
	}
	if p.lang == "de" && len(f) >= 3 && firstGender(strings.ToLower(f[0])) == genderUnknown {
		for _, w := range f[1 : len(f)-1] {
			if particles[w] {
				return true
			}
		}
	}
	return false
}

// colonPronoun returns the speaker of a quote after a colon at token c in
// a French, German or Spanish article when the clause [from, c) has one
// subject pronoun and no name: "Sie habe mit ihrer Zeit abgeschlossen:
// „…“", "war sie manchmal auch nachdenklich: „…“".
func (p *para) colonPronoun(from, c, pi int) (speaker, bool) {
	if p.lang == "" || !p.isPunct(c, ":") {
		return speaker{}, false
	}
	var sp speaker
	n := 0
	for k := from; k < c; k++ {
		w, ok := p.word(k)
		if !ok {
			continue
		}
		if g, isPron := intlPronouns[w.lower]; isPron {
			sp = speaker{text: w.text, kind: spkPronoun, gender: g, para: pi, tok: k}
			n++
		}
		if p.isNameTok(k) && p.isNameTok(k+1) {
			return speaker{}, false // a name: the pronoun may be someone else
		}
	}
	return sp, n == 1
}

// intlGenderPronouns are the French, German and Spanish subject pronouns
// that tell a gender unambiguously (German "sie" may be "they"), as
// votes: +1 male, -1 female.
var intlGenderPronouns = map[string]int{"er": 1, "il": 1, "él": 1, "elle": -1, "ella": -1}

// roleGender returns the gender a French, German or Spanish role tells:
// its article ("la ministra", "el senador", "die Leiterin") or a German
// role noun in -in ("Pressesprecherin").
func roleGender(role string) int {
	f := strings.Fields(strings.ToLower(role))
	if len(f) == 0 {
		return genderUnknown
	}
	switch f[0] {
	case "la", "una", "une", "die", "eine":
		if f[0] != "die" || len(f) > 1 && strings.HasSuffix(f[len(f)-1], "in") {
			return genderFemale
		}
	case "el", "un", "le", "der", "ein":
		return genderMale
	}
	for _, w := range f {
		if strings.HasSuffix(w, "in") && compoundTitle(w) && compoundTitle(strings.TrimSuffix(w, "in")) {
			return genderFemale // "Pressesprecherin"
		}
	}
	return genderUnknown
}

// holdsName reports whether role holds a person's name: a known given
// name followed by a capitalized word ("Autorin Charlotte Elsen"), so it
// describes someone else.
func holdsName(role string) bool {
	f := strings.Fields(role)
	for i := 0; i+1 < len(f); i++ {
		if startsUpper(f[i]) && firstGender(strings.ToLower(f[i])) != genderUnknown && startsUpper(f[i+1]) {
			return true
		}
	}
	return false
}

// colonInverted returns the speaker of a quote after a colon at token c in
// a German or Spanish article whose clause [from, c) puts its subject
// after the verb, behind an adverb that opens it: "Dann schickt Gezer
// eine WhatsApp an Fichtner: »…«", "Luego escribió Inés Cabral en su
// cuenta: «…»". The subject is a name or a pronoun right after the
// verb.
func (p *para) colonInverted(from, c, pi int) (speaker, bool) {
	if p.lang != "de" && p.lang != "es" || !p.isPunct(c, ":") {
		return speaker{}, false
	}
	o, ok := p.word(from)
	v, ok2 := p.word(from + 1)
	if !ok || !ok2 || !o.upper || !intlOpeners[o.lower] && o.lower != "so" || v.upper || p.isArticle(v.lower) || intlPrepositions[v.lower] || functionWords[v.lower] {
		return speaker{}, false
	}
	s := from + 2
	if w, ok := p.word(s); ok && !w.upper {
		if g, isPron := intlPronouns[w.lower]; isPron && w.lower != "sie" {
			return speaker{text: w.text, kind: spkPronoun, gender: g, para: pi, tok: s}, true
		}
		return speaker{}, false
	}
	if !p.isNameTok(s) {
		return speaker{}, false
	}
	e := p.nameRunAfter(s, c)
	sp := p.nameAt(s, e, pi)
	if sp.text == "" || p.notName(sp.text) || isOrg(sp.text) {
		return speaker{}, false
	}
	if w, ok := p.word(e); ok && w.upper && p.lang == "de" {
		return speaker{}, false // "Dann schickt Gezer Fichtner …": which is the subject is unclear
	}
	return sp, true
}

// bodyOpeners open a phrase naming the body a person belongs to, after
// the name and a comma, in French, Spanish and Portuguese: "de la
// Asamblea Permanente" (German capitalizes every noun, so "vom selben
// Tag" would pass for a body).
var bodyOpeners = set("de del")

// capsBefore reports whether a capitalized word stands among the words
// [a, b), before any punctuation: the body has a name.
func (p *para) capsBefore(a, b int) bool {
	for k := a; k < b; k++ {
		w, ok := p.word(k)
		if !ok {
			return false
		}
		if w.upper {
			return true
		}
	}
	return false
}

// colonSo returns the speaker of a quote after a colon at token c in a
// German article when the clause ends in "so" and a name: "Aus Sicht von
// Readly sei der Zugriff der Clou, so CEO Maria Hedengrens: „…“".
func (p *para) colonSo(from, c, pi int) (speaker, bool) {
	if p.lang != "de" || !p.isPunct(c, ":") {
		return speaker{}, false
	}
	for k := c - 2; k > from && k > c-8; k-- {
		w, ok := p.word(k)
		if !ok || w.upper || w.lower != "so" || !p.isPunct(k-1, ",") || !p.isNameTok(k+1) {
			continue
		}
		if p.nameRunAfter(k+1, c) != c {
			return speaker{}, false
		}
		sp := p.nameAt(k+1, c, pi)
		if sp.text == "" || p.notName(sp.text) {
			return speaker{}, false
		}
		return sp, true
	}
	return speaker{}, false
}

// germanRole reports whether role, in a German article, reads as a noun
// phrase: its last word is a capitalized noun, a name or an acronym, not
// a verb or participle closing a clause ("der früher als Investmentbanker
// gearbeitet hat", "scheinbar in einen Computerbildschirm vertieft").
func germanRole(role string) bool {
	f := strings.Fields(role)
	if len(f) == 0 {
		return true
	}
	if first := strings.ToLower(f[0]); deAdverbs[first] {
		return false // "heute in Nürnberg": when and where, not who
	}
	last := strings.TrimRight(f[len(f)-1], ".,;:)»«“”\"")
	r, _ := utf8.DecodeRuneInString(last)
	return last == "" || !unicode.IsLower(r)
}

// academicOnly reports whether role holds nothing but academic titles:
// "Dr.", "Prof. Dr.", which belong to the name, not the role.
func academicOnly(role string) bool {
	f := strings.Fields(role)
	for _, w := range f {
		switch strings.ToLower(strings.TrimRight(w, ".")) {
		case "dr", "prof", "professor", "dipl", "ing", "dipl.-ing", "mag", "med", "rer", "nat", "phil", "habil":
		default:
			return false
		}
	}
	return len(f) > 0
}

// pressAgencies are the news agencies a German statement is given to,
// in the dative after the speaker: "sagte eine Sprecherin der dpa".
var pressAgencies = set("dpa afp reuters apa kna epd sid ap ddp")

// toAgency reports whether token k opens a dative naming the news agency
// a statement was given to: "der dpa", "der Deutschen Presse-Agentur".
func (p *para) toAgency(k int) bool {
	w, ok := p.word(k)
	n, ok2 := p.word(k + 1)
	if !ok || !ok2 || p.lang != "de" || w.lower != "der" && w.lower != "dem" {
		return false
	}
	if pressAgencies[n.lower] {
		return true
	}
	n2, _ := p.word(k + 2)
	return n.lower == "deutschen" && n2.lower == "presse-agentur"
}
