package quote_test

import "testing"

// TestScanIntlAttribution checks attributions of French, German and
// Spanish articles that the stages before read only in part: a role
// between commas before the verb, an adverb between the subject and the
// verb, "según" with the subject left out, and a second quote of the
// sentence with its own cue after one that has none; German "hieß es",
// a subject after the verb, a participle after its auxiliary, reported
// speech closed by "sagt X" and an attribution followed by a dash; a
// motto or slogan is no one's words.
func TestScanIntlAttribution(t *testing.T) {
	for _, tt := range []struct {
		name, lang string
		paras      []string
		want       []want
	}{
		{
			name: "es: a role between commas before dijo",
			lang: "es",
			paras: []string{
				"Rocío Benítez, bióloga de la reserva, dijo que en la ladera se ven “árboles secos en una franja de varios kilómetros”.",
			},
			want: []want{{"que en la ladera se ven “árboles secos en una franja de varios kilómetros”", "Rocío Benítez", "bióloga de la reserva", "mixed"}},
		},
		{
			name: "fr: a role between commas before a déclaré",
			lang: "fr",
			paras: []string{
				"Hélène Roy, maire de la commune, a déclaré : « Nous rouvrirons le pont dès lundi matin. »",
			},
			want: []want{{"Nous rouvrirons le pont dès lundi matin.", "Hélène Roy", "maire de la commune", "direct"}},
		},
		{
			name: "es: a fronted place with an aside names no speaker",
			lang: "es",
			paras: []string{
				"En Rivera, la capital del departamento, dijo que hay “muchos caminos cortados desde el lunes pasado”.",
			},
			want: nil,
		},
		{
			name: "es: también between the subject and the verb",
			lang: "es",
			paras: []string{
				"La bióloga Inés Cabral recorrió la zona quemada.",
				"Cabral también sostuvo que el fuego “avanzó mucho más rápido de lo que esperaban los vecinos”.",
			},
			want: []want{{"que el fuego “avanzó mucho más rápido de lo que esperaban los vecinos”", "Inés Cabral", "La bióloga", "mixed"}},
		},
		{
			name: "es: según with a verb and a second quote after its own cue",
			lang: "es",
			paras: []string{
				"La bióloga Inés Cabral recorrió la zona quemada con los bomberos.",
				"Según entiende, “no habrá un plan de manejo antes del verano”, y enfatizó: “Falta control. Nadie viene a mirar”.",
			},
			want: []want{{"no habrá un plan de manejo antes del verano … Falta control. Nadie viene a mirar", "Inés Cabral", "La bióloga", "direct"}},
		},
		{
			name: "es: the body a person speaks for, after a comma, is her role",
			lang: "es",
			paras: []string{
				"Marta Ibarra, de la Asociación de Vecinos de Malvín (AVM), celebró las adhesiones. “Estamos sumando barrios todos los días”, cuenta.",
			},
			want: []want{{"Estamos sumando barrios todos los días", "Marta Ibarra", "de la Asociación de Vecinos de Malvín (AVM)", "direct"}},
		},
		{
			name: "es: a speech verb written twice",
			lang: "es",
			paras: []string{
				"La ciudad más barata es Winston-Salem, en North Carolina.",
				"“Una ciudad próspera es un lugar propicio para los negocios”, dijo dijo Juan Volker, profesor de economía.",
			},
			want: []want{{"Una ciudad próspera es un lugar propicio para los negocios", "Juan Volker", "profesor de economía", "direct"}},
		},
		{
			name: "de: hieß es in a statement of a body names the body",
			lang: "de",
			paras: []string{
				"Der Olympiasieger Erik Brandt ist positiv getestet worden.",
				"„Der Athlet war bereits von der Mannschaft getrennt worden“, hieß es in der Mitteilung des DSV.",
			},
			want: []want{{"Der Athlet war bereits von der Mannschaft getrennt worden", "DSV", "", "direct"}},
		},
		{
			name: "de: heißt es with no body named carries no one",
			lang: "de",
			paras: []string{
				"Der Olympiasieger Erik Brandt ist positiv getestet worden.",
				"„Der Zeitplan der Mannschaft bleibt trotzdem bestehen“, heißt es aus dem Verband.",
			},
			want: []want{{"Der Zeitplan der Mannschaft bleibt trotzdem bestehen", "", "", "direct"}},
		},
		{
			name: "de: the subject after the verb of a clause opened by an adverb",
			lang: "de",
			paras: []string{
				"Die Reporterin Özlem Kaya fuhr in der Nacht zu ihm.",
				"Dann schickt Kaya eine Nachricht an Albers und Weber: »Es ist schlimmer als jeder Albtraum.«",
			},
			want: []want{{"Es ist schlimmer als jeder Albtraum.", "Özlem Kaya", "Reporterin", "direct"}},
		},
		{
			name: "de: a pronoun after the verb, not the adverb before it",
			lang: "de",
			paras: []string{
				"Der Trainer Jonas Albers fuhr in der Nacht zum Stadion.",
				"Danach schrieb er auf Twitter: „Wir werden das nicht hinnehmen, niemals.“",
			},
			want: []want{{"Wir werden das nicht hinnehmen, niemals.", "Jonas Albers", "Trainer", "direct"}},
		},
		{
			name: "de: a participle with its auxiliary, the subject opening the clause",
			lang: "de",
			paras: []string{
				"Der Vereinsvorsitzende Jonas Albers streitet das bis heute ab.",
				"Albers hatte der Zeitung in einem Interview 2019 gesagt, dass „die Spender anonym bleiben wollten“.",
			},
			want: []want{{"dass „die Spender anonym bleiben wollten“", "Jonas Albers", "Vereinsvorsitzende", "direct"}},
		},
		{
			name: "de: an attribution with a clause after a dash",
			lang: "de",
			paras: []string{
				"Verkehrsminister Jonas Albers will Bahntickets günstiger machen.",
				"Es sei nicht zu verstehen, warum der Fernbus mehr Steuern zahle, sagt Flixbus-Managerin Petra Stein. Verschieden zu besteuern sei aus „Verbrauchersicht völlig unverständlich“, warnt sie - zumal auch der Bus klimafreundlich sei.",
			},
			want: []want{
				{"Es sei nicht zu verstehen, warum der Fernbus mehr Steuern zahle", "Petra Stein", "Flixbus-Managerin", "reported"},
				{"Verschieden zu besteuern sei aus „Verbrauchersicht völlig unverständlich“", "Petra Stein", "Flixbus-Managerin", "mixed"},
			},
		},
		{
			name: "de: a sentence adverb before the verb, the subject after it",
			lang: "de",
			paras: []string{
				"Der Tabellenführer steht unter Druck.",
				"Natürlich ruft BVB-Coach Lucien Favre zum Angriff auf: „Wir wollen unbedingt gegen Gladbach gewinnen.“",
			},
			want: []want{{"Wir wollen unbedingt gegen Gladbach gewinnen.", "Lucien Favre", "BVB-Coach", "direct"}},
		},
		{
			name: "de: Dennoch is no speaker",
			lang: "de",
			paras: []string{
				"Dennoch gesteht Rabbiner Ari Mazor ein: „Wer als Jude geboren wird, ist ein vollwertiges Gemeindemitglied.“",
			},
			want: []want{{"Wer als Jude geboren wird, ist ein vollwertiges Gemeindemitglied.", "Ari Mazor", "Rabbiner", "direct"}},
		},
		{
			name: "de: a role before the name between commas",
			lang: "de",
			paras: []string{
				"Die Bürgermeisterin von Reichenbach, Carina Dittrich, betont: „Wir sind noch in der Vorphase und warten auf Fördermittel.“",
			},
			want: []want{{"Wir sind noch in der Vorphase und warten auf Fördermittel.", "Carina Dittrich", "Die Bürgermeisterin von Reichenbach", "direct"}},
		},
		{
			name: "de: an article after a surname opens the object",
			lang: "de",
			paras: []string{
				"Norbert Döring leitet den Betrieb in dritter Generation.",
				"„Hier nehmen wir das Laub an und trocknen es“, erklärt Döring den Prozess.",
			},
			want: []want{{"Hier nehmen wir das Laub an und trocknen es", "Norbert Döring", "", "direct"}},
		},
		{
			name: "de: a descriptor ends before a possessive phrase",
			lang: "de",
			paras: []string{
				"\"Gerade Wolfsburg ist wichtig für den Konzern\", sagte der VW-Chef seinem Redetext zufolge.",
			},
			want: []want{{"Gerade Wolfsburg ist wichtig für den Konzern", "der VW-Chef", "", "direct"}},
		},
		{
			name: "de: so and a name before the colon",
			lang: "de",
			paras: []string{
				"Aus Sicht von Readly sei der Zugriff auf Lesedaten der Clou, so CEO Maria Hedengrens: „Die Verlage haben Zugriff auf einen einzigartigen Datenpool.“",
			},
			want: []want{{"Die Verlage haben Zugriff auf einen einzigartigen Datenpool.", "Maria Hedengrens", "CEO", "direct"}},
		},
		{
			name: "de: a participle phrase after the name is no role",
			lang: "de",
			paras: []string{
				"„Die Temperatur der Erde wird heißer und heißer“, warnt Unternehmerin Kim Kardashian, scheinbar in einen Bildschirm vertieft.",
			},
			want: []want{{"Die Temperatur der Erde wird heißer und heißer", "Kim Kardashian", "Unternehmerin", "direct"}},
		},
		{
			name: "de: Dr. belongs to the name, not the role",
			lang: "de",
			paras: []string{
				"„Wer optimal schützen will, muss wissen, wie Angreifer vorgehen“, sagt Dr. Georg Schneider.",
			},
			want: []want{{"Wer optimal schützen will, muss wissen, wie Angreifer vorgehen", "Georg Schneider", "", "direct"}},
		},
		{
			name: "de: the news agency a statement is given to is no part of the speaker",
			lang: "de",
			paras: []string{
				"Die Forschung dort sei eine «Grundlage für die sichere Energieversorgung», sagte eine Sprecherin des Instituts der dpa.",
			},
			want: []want{{"Die Forschung dort sei eine «Grundlage für die sichere Energieversorgung»", "eine Sprecherin des Instituts", "", "mixed"}},
		},
		{
			name: "de: Zugleich opening the clause is no speaker",
			lang: "de",
			paras: []string{
				"Zugleich sagte Irme Stetter-Karp: „Die binnenkirchliche Debatte darf uns nicht aufsaugen.“",
			},
			want: []want{{"Die binnenkirchliche Debatte darf uns nicht aufsaugen.", "Irme Stetter-Karp", "", "direct"}},
		},
		{
			name: "es: a descriptor after the verb, then the name after a comma",
			lang: "es",
			paras: []string{
				"“Se ha ordenado una investigación prolija”, afirmó el titular de la DRELM, Luis Quintanilla.",
			},
			want: []want{{"Se ha ordenado una investigación prolija", "Luis Quintanilla", "el titular de la DRELM", "direct"}},
		},
		{
			name: "es: a heading in capitals is no speaker",
			lang: "es",
			paras: []string{
				"CÓMO GARANTIZAR LOS DERECHOS dijo: “Nosotros recibimos la Fiscalía con la mitad de los casos resueltos”.",
			},
			want: []want{{"Nosotros recibimos la Fiscalía con la mitad de los casos resueltos", "", "", "direct"}},
		},
		{
			name: "de: headlines of articles after wie and a colon are titles",
			lang: "de",
			paras: []string{
				"Die Gratiszeitung schürt Angst. Sie enthielt Artikel wie: „Kippt auch bald Ihr Viertel?“",
			},
			want: nil,
		},
		{
			name: "de: betitelte after the quote names who captioned it",
			lang: "de",
			paras: []string{
				"“Gemeinsam klimafreundlich unterwegs nach Graz”, betitelte Bundespräsident Jonas Albers ein Foto aus dem Zug.",
			},
			want: []want{{"Gemeinsam klimafreundlich unterwegs nach Graz", "Jonas Albers", "Bundespräsident", "direct"}},
		},
		{
			name: "de: So and a verb before the subject and a colon",
			lang: "de",
			paras: []string{
				"So habe Landeshauptmann Mauro Ferri als auch die Landesrätin ihre Position klar gemacht: „Im Tal ist dies der erste Angriff dieser Art.“",
			},
			want: []want{{"Im Tal ist dies der erste Angriff dieser Art.", "Mauro Ferri", "Landeshauptmann", "direct"}},
		},
		{
			name: "es: desde su visión credits the person the text is about",
			lang: "es",
			paras: []string{
				"La bióloga Inés Cabral recorrió el área protegida.",
				"Desde su visión, las fumigaciones son “toda una problemática para la fauna nativa”.",
			},
			want: []want{{"las fumigaciones son “toda una problemática para la fauna nativa”", "Inés Cabral", "La bióloga", "mixed"}},
		},
		{
			name: "de: seiner Ansicht nach credits the man the text is about",
			lang: "de",
			paras: []string{
				"Der Forscher Jonas Albers warnt vor der Entwicklung.",
				"Seiner Ansicht nach ist die Lage „deutlich ernster als vor einem Jahr“.",
			},
			want: []want{{"ist die Lage „deutlich ernster als vor einem Jahr“", "Jonas Albers", "Forscher", "mixed"}},
		},
		{
			name: "es: a speech verb opening the sentence before que, the subject left out",
			lang: "es",
			paras: []string{
				"La bióloga Inés Cabral recorrió el área protegida.",
				"Agregó que la decisión se tomó porque “iba a generar conflicto con productores”.",
			},
			want: []want{{"que la decisión se tomó porque “iba a generar conflicto con productores”", "Inés Cabral", "La bióloga", "mixed"}},
		},
		{
			name: "de: a possessive before the title, and so with a name after two titles",
			lang: "de",
			paras: []string{
				"„Da fällt einem ein Stein vom Herzen“, freut sich unser Projektleiter Toni Weber. „Wir hatten nie Grund zur Sorge“, so der stellvertretende Parkleiter und Projektleiter Ulrich Brandt.",
			},
			want: []want{
				{"Da fällt einem ein Stein vom Herzen", "Toni Weber", "Projektleiter", "direct"},
				{"Wir hatten nie Grund zur Sorge", "Ulrich Brandt", "Parkleiter und Projektleiter", "direct"},
			},
		},
		{
			name: "de: Aber and a colon go on with the speaker before",
			lang: "de",
			paras: []string{
				"Der Physiker Joachim Mnich leitet die Forschung.",
				"Der Verlust lasse sich nicht aufholen, sagte Mnich. Aber: «Gemessen an der ganzen Betriebsperiode ist das verschmerzbar.»",
			},
			want: []want{
				{"Der Verlust lasse sich nicht aufholen", "Joachim Mnich", "Physiker", "reported"},
				{"Gemessen an der ganzen Betriebsperiode ist das verschmerzbar.", "Joachim Mnich", "Physiker", "direct"},
			},
		},
		{
			name: "de: an age descriptor and a colon is the person named just before",
			lang: "de",
			paras: []string{
				"Alexander Zverev kann nicht dabei sein. Der 24-Jährige: „Ich bin traurig, die Vorrunde zu verpassen.“",
			},
			want: []want{{"Ich bin traurig, die Vorrunde zu verpassen.", "Alexander Zverev", "", "direct"}},
		},
		{
			name: "de: Forscher um a name, and der Virologe for the person just named",
			lang: "de",
			paras: []string{
				"«Das biologische Problem hat sich nicht verändert», schreiben Forscher um Anna Kowal von der Universität Warschau in einer Studie.",
				"«Wenn Ökosysteme zerstört werden, sehen wir eine Einengung auf bestimmte Viren», sagt Jonas Albers vom Tropeninstitut. Südostasien sei der «absolute Hotspot» für solche Ereignisse, sagt der Virologe.",
			},
			want: []want{
				{"Das biologische Problem hat sich nicht verändert", "Anna Kowal", "von der Universität Warschau", "direct"},
				{"Wenn Ökosysteme zerstört werden, sehen wir eine Einengung auf bestimmte Viren", "Jonas Albers", "vom Tropeninstitut", "direct"},
				{"Südostasien sei der «absolute Hotspot» für solche Ereignisse", "Jonas Albers", "vom Tropeninstitut", "mixed"},
			},
		},
		{
			name: "de: a descriptor with an acronym in parentheses, then the name",
			lang: "de",
			paras: []string{
				"Die Lücke sei kleiner geworden, sagt auch der Sprecher der Schutzvereinigung für Wertpapierbesitz (DSW), Jürgen Kurz. Er gibt jedoch zu bedenken: «Man muss unterscheiden zwischen Information und Werbung.»",
			},
			want: []want{
				{"Die Lücke sei kleiner geworden", "Jürgen Kurz", "der Sprecher der Schutzvereinigung für Wertpapierbesitz (DSW)", "reported"},
				{"Man muss unterscheiden zwischen Information und Werbung.", "Jürgen Kurz", "der Sprecher der Schutzvereinigung für Wertpapierbesitz (DSW)", "direct"},
			},
		},
		{
			name: "de: a motto after a colon is no one's words",
			lang: "de",
			paras: []string{
				"Male ein Bild unter dem Motto: „Lasst unsere Wälder und Wiesen wachsen!“ und schicke es bis Ende April an die Schule.",
			},
			want: nil,
		},
		{
			name: "es: a slogan after lema is no one's words",
			lang: "es",
			paras: []string{
				"La marcha salió del puerto bajo el lema “Ni una escuela rural sin maestros este año”.",
			},
			want: nil,
		},
		{
			name: "de: a nickname in marks is no statement for the cue after it",
			lang: "de",
			paras: []string{
				"Nun hofft „Kalle“, dass sein Freund bleibt, sagte der Zeitung: „Ich rede mit ihm jeden Tag darüber.“",
			},
			want: nil,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkScanLang(t, tt.lang, tt.paras, tt.want)
		})
	}
}
