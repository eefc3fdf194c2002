package quote

// Given names common in French, German, Spanish and Portuguese news, by
// the gender they usually tell, lowercase; beside maleNames and
// femaleNames, which hold mostly English ones. Written for this package
// from general knowledge; read-only. Names used for either gender in
// some of these languages (Andrea, Laurence, Dominique) are left out.
var intlMaleNames = set(`markus matthias tobias florian sebastian lukas jonas felix moritz
philipp maximilian christoph dominik georg gerhard günter günther heinz helmut herbert
horst jens joachim jörg josef karl klaus kurt manfred norbert olaf ralf reinhard rolf
rüdiger sven torsten ulrich uwe volker werner wolfgang wilfried bernd dieter detlef
armin hubert lothar ludwig friedrich heinrich hermann otto rainer udo fabian marcel
marcell piotr claas hartmut holger jürgen stefan andreas hans
jean pierre jacques michel philippe alain bernard françois nicolas olivier christophe
laurent sébastien emmanuel gérald édouard didier thierry éric yves hervé benoît
mathieu julien guillaume antoine fabien rémi raphaël gilles
josé juan luis carlos jorge miguel javier pedro pablo diego sergio fernando francisco
manuel rafael ricardo rodrigo alejandro andrés gerardo gustavo ignacio joaquín
leopoldo mario martín mauricio nicolás óscar raúl rodolfo santiago tomás víctor
eduardo emilio enrique ernesto esteban felipe gonzalo guillermo hernán horacio iván
jaime julio matías patricio roberto rubén salvador alberto álvaro antonio
joão paulo marcos fábio rogério`)

var intlFemaleNames = set(`anna anja angela annalena birgit brigitte claudia christina
christine corinna dorothee elke eva franziska gabriele gudrun heike helga ilse ines inge
ingrid jana julia jutta karin katrin kathrin katharina kerstin lena luisa manuela marion
martina monika nadja nicole petra renate sabine sandra silke simone susanne svenja tanja
ulrike ursula ute verena lotte özlem nadine annika carina christa margarethe margarete
marie anne catherine sophie isabelle nathalie sylvie valérie muriel françoise élisabeth
marine ségolène aurélie claire hélène juliette camille émilie céline agnès amélie
marielle
maría ana carmen laura lucía marta isabel elena paula cristina patricia silvia silvina
natalia cecilia gabriela graciela iris izkia luz mónica rosa sofía teresa verónica
beatriz carolina daniela fernanda florencia inés josefina juana julieta liliana lorena
mariana mercedes miriam myriam pilar soledad susana valeria victoria ivette taty emilia
adriana alejandra joana luiza`)
