package quote_test

import (
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize/quote"
)

// checkScanLang is checkScan for an article in language lang.
func checkScanLang(t *testing.T, lang string, paras []string, want []want) {
	t.Helper()
	got := quote.Scan(&article.Article{Paragraphs: paras, Language: lang})
	if len(got) != len(want) {
		t.Fatalf("Scan(%q) = %d quotes %+v, want %d", paras, len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || g.Speaker != w.speaker || g.Role != w.role || g.Kind != w.kind {
			t.Errorf("quote %d = {%q, %q, %q, %q}, want {%q, %q, %q, %q}",
				i, g.Text, g.Speaker, g.Role, g.Kind, w.text, w.speaker, w.role, w.kind)
		}
	}
}

// TestScanSpanish checks the Spanish rules: a subject left out after the
// quote ("dijo", an unlisted preterite such as "remató") or before a
// colon ("agregó:"), resolved to the person the text is about as long as
// no one else is named in between; "dice", a speech verb only in Spanish;
// a role noun with its article before a name; and a quote standing alone
// after a sentence whose subject is a named person.
func TestScanSpanish(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name: "es: dijo without a subject, the candidate named in the paragraph before",
			paras: []string{
				"La candidata Marta Quiroga pidió la unión de los partidos del centro.",
				"“Tenemos que sumar fuerzas”, dijo en una de sus respuestas.",
			},
			want: []want{{"Tenemos que sumar fuerzas", "Marta Quiroga", "La candidata", "direct"}},
		},
		{
			name: "es: a long appositive opening with a person noun is the role, and the definite descriptor goes to its holder",
			paras: []string{
				"«Mi cliente no ha cometido ningún delito», dijo Carlota Ruiz, abogada de Martinelli en el país centroamericano.",
				"La abogada insistió: «Vamos a recurrir a todas las instancias internacionales»",
			},
			want: []want{
				{"Mi cliente no ha cometido ningún delito", "Carlota Ruiz", "abogada de Martinelli en el país centroamericano", "direct"},
				{"Vamos a recurrir a todas las instancias internacionales", "Carlota Ruiz", "abogada de Martinelli en el país centroamericano", "direct"},
			},
		},
		{
			name:  "es: a party after the title is its body, the name after the comma speaks",
			paras: []string{"«Es un parche que no resuelve nada», dijo la portavoz del Partido Popular, Ana Alós."},
			want:  []want{{"Es un parche que no resuelve nada", "Ana Alós", "la portavoz del Partido Popular", "direct"}},
		},
		{
			name:  "es: según and a role noun the lexicon lacks before a full name",
			paras: []string{"Según el sindicalista Pedro Gómez, «los jubilados seguirán perdiendo poder adquisitivo»."},
			want:  []want{{"los jubilados seguirán perdiendo poder adquisitivo", "Pedro Gómez", "el sindicalista", "direct"}},
		},
		{
			name: "es: a descriptor any role fits goes to the person the article is about, and a dropped subject after it too",
			paras: []string{
				"Hugo Valencia contó detalles de la pelea entre las actrices.",
				"Fue esta semana cuando Hugo Valencia habló del episodio con Nicolás López en el estudio.",
				"«Ustedes saben que ella es un poco despistada y se estacionaba en cualquier lugar», afirmó el comunicador.",
				"Y agregó: «El tema es que ocupó el estacionamiento de otra actriz más de una vez»",
			},
			want: []want{
				{"Ustedes saben que ella es un poco despistada y se estacionaba en cualquier lugar", "Hugo Valencia", "", "direct"},
				{"El tema es que ocupó el estacionamiento de otra actriz más de una vez", "Hugo Valencia", "", "direct"},
			},
		},
		{
			name: "es: one of a group speaks, not the person quoted before",
			paras: []string{
				"El alcalde de Temuco, Roberto Neira, valoró la visita: «Es un gesto importante para la región».",
				"Sin embargo, dirigentes mapuches criticaron la agenda. «No se nos consultó en ningún momento», afirmó uno de ellos.",
			},
			want: []want{
				{"Es un gesto importante para la región", "Roberto Neira", "El alcalde de Temuco", "direct"},
				{"No se nos consultó en ningún momento", "uno de ellos", "", "direct"},
			},
		},
		{
			name: "es: a heading in capitals names the speaker of the quote under it",
			paras: []string{
				"Las famosas recordaron a sus madres en su día.",
				"JANET BARBOZA: ME CAYÓ RICO CON UNA CHANCLETA",
				"“De niña he sido muy golosa y en cierta ocasión me comí un flan entero.”",
				"LUIGI CARBAJAL: HAY QUE DARLES AMOR",
				"“Este es uno de los días más importantes del año para celebrar el amor.”",
				"KARINA MAMÁ PODEROSA",
				"“Creo que desde que soy mamá me he vuelto como poderosa.”",
			},
			want: []want{
				{"De niña he sido muy golosa y en cierta ocasión me comí un flan entero.", "Janet Barboza", "", "direct"},
				{"Este es uno de los días más importantes del año para celebrar el amor.", "Luigi Carbajal", "", "direct"},
				{"Creo que desde que soy mamá me he vuelto como poderosa.", "", "", "direct"},
			},
		},
		{
			name: "es: an unlisted preterite closing the sentence is a speech verb",
			paras: []string{
				"El periodista Tomás Urrutia recordó la discusión en el canal.",
				"“Llegó indignada hasta el camarín y le pidió mover el auto”, descaseteó.",
			},
			want: []want{{"Llegó indignada hasta el camarín y le pidió mover el auto", "Tomás Urrutia", "El periodista", "direct"}},
		},
		{
			name: "es: agregó before a colon keeps the speaker of the quote before",
			paras: []string{
				"“Estamos preocupados por la frontera”, afirmó Rosa Medel, directora del observatorio.",
				"Y en ese mismo sentido, agregó: “Faltan controles en los pasos no habilitados”.",
			},
			want: []want{
				{"Estamos preocupados por la frontera", "Rosa Medel", "directora del observatorio", "direct"},
				{"Faltan controles en los pasos no habilitados", "Rosa Medel", "directora del observatorio", "direct"},
			},
		},
		{
			name: "es: a new person named in between takes over the dropped subject",
			paras: []string{
				"“Estamos preocupados por la frontera”, afirmó Rosa Medel.",
				"El senador Julián Acosta presentó otro proyecto.",
				"“No basta con más policías”, sostuvo.",
			},
			want: []want{
				{"Estamos preocupados por la frontera", "Rosa Medel", "", "direct"},
				{"No basta con más policías", "Julián Acosta", "El senador", "direct"},
			},
		},
		{
			name:  "es: dice is a speech verb in a Spanish article",
			paras: []string{"“En la Corte cajonean las causas”, dice Irene Avalos, presidenta de la liga."},
			want:  []want{{"En la Corte cajonean las causas", "Irene Avalos", "presidenta de la liga", "direct"}},
		},
		{
			name: "es: a quote standing alone after its speaker's sentence",
			paras: []string{
				"Un planteamiento similar presentó el candidato Esteban Rojas del movimiento Avanza. “El 60% de los jóvenes que dejan la escuela terminan en la calle”.",
			},
			want: []want{{"El 60% de los jóvenes que dejan la escuela terminan en la calle", "Esteban Rojas", "el candidato", "direct"}},
		},
		{
			name:  "es: a lone capitalized article is no speaker",
			paras: []string{"En el debate, la candidata distó de las otras propuestas y dijo: “Tenemos la oportunidad de cambiar este sistema”."},
			want:  []want{{"Tenemos la oportunidad de cambiar este sistema", "", "", "direct"}},
		},
		{
			name: "es: dijo a la red: the addressee is no speaker, the subject is left out",
			paras: []string{
				"Ahora Bustos asegura que no mostró todo el material.",
				"“El 90% de los vehículos los tienen autoridades”, dijo a la red Erbol.",
			},
			want: []want{{"El 90% de los vehículos los tienen autoridades", "Bustos", "", "direct"}},
		},
		{
			name: "es: se pregunta, a reflexive speech verb, then agrega",
			paras: []string{
				"El juicio contra Raúl Harsich y César Fragni tardó ocho años.",
				"“¿Qué justicia tenemos?”, se pregunta Iris Avalos. “No tenemos ni un cuarto de los condenados”, agrega.",
			},
			want: []want{
				{"¿Qué justicia tenemos?", "Iris Avalos", "", "direct"},
				{"No tenemos ni un cuarto de los condenados", "Iris Avalos", "", "direct"},
			},
		},
		{
			name: "es: a surname with its particle after the verb",
			paras: []string{
				"“Nuestro relevamiento es parte del calendario anual”, afirmó Silvia del Campo, directora de Planificación.",
				"El Relevamiento Provincial de Aprendizajes incluirá a alumnos de cuarto grado.",
				"“El operativo tiene distintos momentos”, detalló del Campo.",
			},
			want: []want{
				{"Nuestro relevamiento es parte del calendario anual", "Silvia del Campo", "directora de Planificación", "direct"},
				{"El operativo tiene distintos momentos", "Silvia del Campo", "directora de Planificación", "direct"},
			},
		},
		{
			name: "es: la titular de Interior is the minister named with her role, not the man beside her",
			paras: []string{
				"Al Congreso llegó la ministra del Interior, Elena Suárez, con el subsecretario del Interior, Manuel Ríos.",
				"“Tenemos falencias en la coordinación”, sostuvo la titular de Interior.",
			},
			want: []want{{"Tenemos falencias en la coordinación", "Elena Suárez", "la ministra del Interior", "direct"}},
		},
		{
			name: "es: a role between commas after the name",
			paras: []string{
				"Natalia Prado, gerente de Transportes Sur, confirmó la autenticidad del material.",
				"“Por error uno de los conductores no había retirado el aviso”, dijo.",
			},
			want: []want{{"Por error uno de los conductores no había retirado el aviso", "Natalia Prado", "gerente de Transportes Sur", "direct"}},
		},
		{
			name: "es: a clause after the comma is no role",
			paras: []string{
				"Tras las críticas contra Josefina Montes, el periodista recordó la situación.",
				"“Llegó indignada hasta el camarín”, afirmó Hugo Varela.",
			},
			want: []want{{"Llegó indignada hasta el camarín", "Hugo Varela", "", "direct"}},
		},
		{
			name:  "es: a role noun before a party name is no role of the party",
			paras: []string{"El candidato de Colombia Unida, Luis Pérez Gómez, habló de las vías. “Yo me propongo construir 20.000 kilómetros de vías”, afirmó."},
			want:  []want{{"Yo me propongo construir 20.000 kilómetros de vías", "Luis Pérez Gómez", "El candidato de Colombia Unida", "direct"}},
		},
		{
			name:  "es: quien after a name: the name speaks, and le is no article",
			paras: []string{"La diaria consultó sobre los juicios a Yurramendi, quien señaló que “están en etapa de negociación”."},
			want:  []want{{"están en etapa de negociación", "Yurramendi", "", "direct"}},
		},
		{
			name:  "es: an article before a noun that is no person heads no speaker",
			paras: []string{"En la presentación se detalla la instancia se avanzará en “el fortalecimiento a la ley de control de armas”."},
			want:  []want{{"se avanzará en “el fortalecimiento a la ley de control de armas”", "", "", "mixed"}},
		},
		{
			name:  "es: an aside between commas before the speaker",
			paras: []string{"“Esto ya no es justicia”, lamenta, por su parte, Irene Avalos, presidenta de la liga."},
			want:  []want{{"Esto ya no es justicia", "Irene Avalos", "presidenta de la liga", "direct"}},
		},
		{
			name: "es: a body named in capitals is no person a dropped subject goes to",
			paras: []string{
				"“Nuestro relevamiento es parte del calendario”, afirmó Silvia del Campo.",
				"Pero aclaró que la Dirección General de Escuelas no evalúa a la misma población.",
				"“Toda la información que recibimos es útil”, subrayó.",
			},
			want: []want{
				{"Nuestro relevamiento es parte del calendario", "Silvia del Campo", "", "direct"},
				{"Toda la información que recibimos es útil", "Silvia del Campo", "", "direct"},
			},
		},
		{
			name: "es: Y agregó keeps the speaker of the quote before over a person named in passing",
			paras: []string{
				"El asunto fue abordado por el Presidente Tomás Ibarra en una entrevista. “Necesitamos recuperar la legitimidad de las policías”, dijo al ser consultado por el director, Ricardo Yáñez. Y agregó: “Estamos evaluando a las autoridades”.",
			},
			want: []want{
				{"Necesitamos recuperar la legitimidad de las policías", "Tomás Ibarra", "Presidente", "direct"},
				{"Estamos evaluando a las autoridades", "Tomás Ibarra", "Presidente", "direct"},
			},
		},
		{
			name:  "es: el Mandatario is the one person the paragraph names, in passing",
			paras: []string{"La propuesta fue confirmada por el Presidente Tomás Ibarra. “Estamos trabajando en instalar estados intermedios”, adelantó el Mandatario."},
			want:  []want{{"Estamos trabajando en instalar estados intermedios", "Tomás Ibarra", "Presidente", "direct"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) { checkScanLang(t, "es", tt.paras, tt.want) })
	}
}

// TestScanDroppedConfidence checks how sure a subject left out is: the
// one person who is the subject just before is shown; a quote standing
// alone, credited to the person just named, is listed but not shown.
func TestScanDroppedConfidence(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paras []string
		shown bool
	}{
		{
			name:  "the subject of the sentence before, no one else named",
			paras: []string{"La ministra Ana Ruiz presentó el plan.", "“Vamos a cumplir los plazos”, aseguró."},
			shown: true,
		},
		{
			name:  "the subject two paragraphs back, the paragraph between leaving it out",
			paras: []string{"Ahora la ministra Ana Ruiz asegura que no mostró todo.", "Señaló que el plan avanza.", "“Vamos a cumplir los plazos”, dijo a la radio."},
			shown: true,
		},
		{
			name:  "another person named since",
			paras: []string{"La ministra Ana Ruiz presentó el plan junto al senador Pablo Mora.", "“Vamos a cumplir los plazos”, aseguró."},
			shown: false,
		},
		{
			name:  "a quote standing alone",
			paras: []string{"La ministra Ana Ruiz presentó el plan. “Vamos a cumplir los plazos”."},
			shown: false,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Scan(&article.Article{Paragraphs: tt.paras, Language: "es"})
			if len(got) != 1 {
				t.Fatalf("Scan = %+v, want one quote", got)
			}
			if shown := got[0].Confidence >= quote.ShowConfidence; shown != tt.shown || got[0].Speaker != "Ana Ruiz" {
				t.Errorf("Scan = %q at confidence %.2f, want %q shown %v", got[0].Speaker, got[0].Confidence, "Ana Ruiz", tt.shown)
			}
		})
	}
}

// TestSalientGuessNotShown checks that a descriptor resolved only to the
// person the article is about is listed with a confidence the briefing
// does not show.
func TestSalientGuessNotShown(t *testing.T) {
	got := quote.Scan(&article.Article{Language: "es", Paragraphs: []string{
		"Hugo Valencia contó detalles de la pelea entre las actrices.",
		"Fue esta semana cuando Hugo Valencia habló del episodio en el estudio.",
		"La actriz Loreto Aravena no quiso responder a las preguntas del programa.",
		"Tampoco respondió la actriz Pancha Merino, que estaba de viaje.",
		"«Ustedes saben que ella es un poco despistada y se estacionaba en cualquier lugar», afirmó el comunicador.",
	}})
	if len(got) != 1 || got[0].Speaker != "Hugo Valencia" || got[0].Confidence >= quote.ShowConfidence {
		t.Fatalf("Scan = %+v, want Hugo Valencia below ShowConfidence %.2f", got, quote.ShowConfidence)
	}
}
