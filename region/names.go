package region

import "strings"

// givenNames are common given names of the languages brief reads (English,
// German, French, Spanish, Portuguese, Italian), in normal form (lower
// case, accents folded), written for brief. A place name right after one
// is a surname ("Hugo Valencia", "Jack London", "Ana Lima"), not a place.
// Names that are themselves places often written before another place
// ("Jordan", "Georgia", "Israel", "Victoria", "Florence", "Paris",
// "Austin", "Santiago", "Carolina", "Adelaide") are left out, and so are
// words that open place names ("San", "Santa", "Saint", "Port"), and
// names that are also adjectives before a demonym ("Christian Lebanese").
var givenNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
aaron abigail adam adrian adriana agnes agustin aidan alain alan albert alberto
alejandra alejandro alex alexander alexandra alexis alfonso alfred alfredo ali
alice alicia alison allison amanda amelie amy ana andre andrea andreas andres
andrew andy angela angelica angelo anita ann anna anne annette annika anthony
antoine antonia antonio ariel arnaud arthur astrid aurelie axel barbara barry
beatrice beatriz ben benedikt benjamin benoit bernard bernd bettina betty bianca
bill birgit bob bonnie brad brandon brenda brian bruno camila camille carl carla
carlos carmen carol caroline carsten catherine cecile cecilia celine cesar charles
charlie charlotte chloe chris christiane christina christine christoph
christophe christopher cindy claire clara claudia claudio claus colin constanze
cristina cristian cynthia damien dan daniel daniela danielle dave david debbie
deborah denis denise dennis diana diane didier diego dieter dirk dominique donald
donna doris dorothea dorothy doug douglas eduardo edward elena elisa elisabeth
elise elizabeth ellen emily emma emmanuel enrique eric erica erik ernesto esther
eugenia eva evelyn fabian fabienne fabio fabrice federico felipe felix fernanda
fernando florian frances francesca francesco francisco francois frank franz
franziska fred frederic frederick friedrich gabriel gabriela gabriele gaston
georg gerald gerard gerhard gilles gisela giulia giuseppe gloria gonzalo gordon
grace greg gregor gregory guido guillaume guillermo gunter gustavo hannah hans
harald harry hector heike heinrich heinz helen helena helene helga helmut henri
henrik henry herbert hugo ian ignacio ines ingrid irene isabel isabella isabelle
ivan jack jacob jacqueline jacques jaime jakob james jan jane janet janina jason
javier jean jeanne jeff jeffrey jennifer jens jeremy jerome jessica jim joan
joachim joanna joao joaquin joe joel johann johanna johannes john jonas jonathan
jorg jorge jose josef joseph josephine joshua juan juana judith julia julian
juliana julie julien julio jurgen justin karen karin karina karl karla katharina
katherine kathleen kathrin katja kelly kenneth kerstin kevin klaus kurt lars
laura lauren laurent lea lena leo leon leonardo leonie linda lisa lorena lorenzo
lothar louis louise lucas lucia luciana ludwig luis luisa luiz lukas luz madeleine
magdalena manfred manon manuel manuela marc marcel marcela marco marcos marcus
margaret margarita margot maria mariana marianne marie marina mario marion mark
markus marta martha martin martina mary mathias mathieu matthew matthias maurice
max maximilian megan melanie melissa michael michel michele michelle miguel
mike miriam monica monika nadia nadine nancy natalia natalie nathalie nicholas
nicolas nicole niklas nils nina noah norbert olaf olga oliver olivia olivier
oscar pablo pamela paola pascal pascale patricia patrick paul paula paulo pedro
peter petra philipp philippe pierre pilar rachel rafael raffaele rainer ralf
ramon raquel raul rebecca reinhard renate rene ricardo richard rita robert roberta
roberto rodrigo roger roland rolf ronald rosa ruben rudolf ruth sabine sabrina
samuel sandra sara sarah sebastian sebastien sergio silke silvia simon simone
sofia sophie stefan stefanie stephan stephane stephanie steven susan susanne
sven sylvie teresa thierry thomas thorsten tim timo tobias tom tomas torsten ulrich
ulrike ursula uwe valentina valeria valerie vanessa vera veronica veronique
vicente victor vincent virginie walter werner william wolfgang xavier yannick
yolanda yves`) {
		m[w] = true
	}
	return m
}()

// givenName reports whether token i is capitalised and a common given
// name.
func givenName(t *tokens, i int) bool {
	k := &t.toks[i]
	if !k.is(fCap) || k.is(fDigits) {
		return false
	}
	if k.is(fInSrc) {
		return givenNames[t.src[k.start:k.end]]
	}
	return givenNames[string(t.arena[k.ns:k.ns+int32(k.nlen)])]
}

// afterGivenName reports whether the phrase at token i follows a given
// name in the same sentence, with no comma between: it is then a surname.
func afterGivenName(t *tokens, i int) bool {
	return i > 0 && !t.toks[i].is(fComma) && !t.toks[i].is(fSent) && givenName(t, i-1)
}
