package region_test

import (
	"testing"

	"github.com/brief-news/brief/article"
)

// lang sets the language of an article built by art.
func lang(a *article.Article, l string) *article.Article {
	a.Language = l
	return a
}

func TestDetectForeignAdjectives(t *testing.T) {
	runDetect(t, []detectCase{{
		// Spanish writes adjectives of nationality in lower case: the
		// Bolivian authorities outweigh the Chilean researcher named once.
		name: "spanish adjectives",
		a: lang(art("Investigador denuncia que autos robados terminan en manos de autoridades bolivianas",
			"Un investigador chileno afirmó que la mayoría de los vehículos robados que cruzan la frontera quedan en manos de autoridades bolivianas, entre ellas militares y policías.\n\n"+
				"Según el informe, los autos llegan a ciudades bolivianas por pasos no habilitados y reciben placas clonadas.\n\n"+
				"El gobierno boliviano anunció una intervención de la unidad encargada de recuperar los vehículos."), "es"),
		want: "BO", region: "Americas",
	}, {
		name: "german adjectives",
		a: lang(art("Streit um die Rente",
			"Die deutsche Regierung will das Rentenalter nicht weiter anheben, teilte ein Sprecher am Montag mit.\n\n"+
				"Die Gewerkschaften begrüßten die Entscheidung, die Arbeitgeber warnten vor steigenden Beiträgen für die deutschen Unternehmen."), "de"),
		want: "DE", region: "Europe",
	}, {
		name: "french adjectives",
		a: lang(art("La réforme des retraites divise la majorité",
			"Le gouvernement français a présenté mercredi son projet de réforme des retraites, qui repousse l'âge légal de départ.\n\n"+
				"Les syndicats français appellent à une nouvelle journée de grève la semaine prochaine."), "fr"),
		want: "FR", region: "Europe",
	}, {
		// In English the same words are parts of names, not adjectives.
		name: "english text ignores them",
		a: lang(art("Bank unit issues bond",
			"Deutsche Bank Finance is issuing a 75 mln stg eurobond, the lead manager said on Tuesday in a statement."), "en"),
		want: "GB", evidence: "lead: stg", not: []string{"DE"},
	}})
}

func TestDetectMovements(t *testing.T) {
	runDetect(t, []detectCase{{
		// The Taliban act in Afghanistan: the hostages' nationality named
		// in the title and by their governments does not make the story
		// American.
		name: "taliban",
		a: art("Taliban say they freed US, Australian hostages",
			"Two hostages, an American and an Australian, held by the Taliban in Afghanistan since 2016 were released on Tuesday in a prisoner swap.\n\n"+
				"The US welcomed the exchange and thanked the government in Kabul.\n\n"+
				"The Taliban said the swap could open the way to talks. A Taliban spokesman said the three freed commanders had arrived in Doha.\n\n"+
				"Washington and the Taliban had been holding talks on the withdrawal of US troops."),
		want: "AF", region: "Asia-Pacific",
	}, {
		name: "pakistani taliban",
		a:    art("Attack on checkpoint", "The Pakistani Taliban claimed an attack on a checkpoint near the border on Sunday, officials in Peshawar said."),
		want: "PK",
	}, {
		// The Pan American Health Organization speaks for the whole
		// hemisphere, not for the United States.
		name: "pan american health organization",
		a: art("Americas at risk of a new wave, health body warns",
			"The Americas cannot ignore the risk of further surges, the director of the Pan American Health Organization warned on Thursday, urging countries to close vaccination gaps.\n\n"+
				"Cases are rising in parts of North America and the Caribbean, PAHO said."),
		want: "", region: "Americas",
	}})
}

func TestDetectCase(t *testing.T) {
	runDetect(t, []detectCase{{
		// A paragraph of ordinary Spanish prose may name nobody: its
		// lower-case words are not towns ("pasan" is a town in India,
		// "frontera" one in Mexico).
		name: "prose without names",
		a: lang(art("Robos de autos",
			"El investigador explicó que existen tres dificultades por las que pasan las víctimas de robo que intentan recuperar en la frontera sus vehículos robados en muchas ocasiones."), "es"),
		want: "", region: "Global",
	}, {
		// A town of several words ends capitalised: "El segundo" opening
		// a sentence is not El Segundo, California.
		name: "town of several words",
		a: lang(art("Robos de autos",
			"El segundo problema es que muchos autos ya tienen placas clonadas, dijo el investigador."), "es"),
		want: "", region: "Global",
	}})
}

func TestDetectLeadAndSite(t *testing.T) {
	listen := art("Peru police to get more money",
		"Listen to this article\n\n"+
			"Police in Peru will get more money next year, the interior minister said on Monday, after a rise in car thefts.\n\n"+
			"The plan copies one from Chile. Chile spent more on its police last year, and Chile's thefts fell.\n\n"+
			"Officials from Chile advised the ministry. Chile also shares data on stolen cars with its neighbours, and Chile trains their officers.")
	local := art("Chilean researcher says Bolivian officers hold stolen cars",
		"A Chilean researcher said on Tuesday that Bolivian police officers and soldiers hold most of the cars stolen in Chile.\n\n"+
			"The researcher, who tracks cars stolen in Chile, said 112 of them had been taken across the border. Owners in Chile rarely get them back, he said.\n\n"+
			"The minister in La Paz ordered an inquiry.")
	local.URL = "https://www.example.com.bo/pais/investigador-autos-robados"
	runDetect(t, []detectCase{{
		// The lead is the first paragraph of more than a few words: the
		// story is Peru's, named in the title and the lead, however
		// often the body names Chile.
		name: "short line before the lead",
		a:    listen, want: "PE", evidence: "title: Peru",
	}, {
		// A Bolivian site's story whose title and lead name Bolivia and
		// Chile is Bolivia's, if the body does not name Chile much more.
		name: "site's country among the headline's",
		a:    local, want: "BO", evidence: "site: .bo",
	}})
}

func TestDetectLanguage(t *testing.T) {
	retraite := "Le gouvernement veut repousser l'âge de départ, et les syndicats appellent à une nouvelle journée de grève. Pour ses défenseurs, la retraite par répartition reste un acquis social."
	runDetect(t, []detectCase{{
		// A French text that names no place is about France...
		name: "french", a: lang(art("La retraite, un archaïsme ?", retraite), "fr"),
		want: "FR", region: "Europe", evidence: "language: fr",
	}, {
		name: "region tag", a: lang(art("La retraite, un archaïsme ?", retraite), "fr-FR"),
		want: "FR", evidence: "language: fr",
	}, {
		// ...but a Spanish or an English one may be from anywhere.
		name: "spanish", a: lang(art("La jubilación", "El gobierno quiere retrasar la edad de jubilación y los sindicatos convocan una huelga."), "es"),
		want: "", region: "Global",
	}, {
		name: "english", a: lang(art("Pensions", "The government wants to raise the pension age, and the unions have called a strike."), "en"),
		want: "", region: "Global",
	}, {
		// Any place named decides before the language does.
		name: "place first", a: lang(art("La réforme des retraites en Belgique", retraite), "fr"),
		want: "BE",
	}})
}

func TestDetectListing(t *testing.T) {
	runDetect(t, []detectCase{{
		name: "new york symbol",
		a:    art("BOTTLER <COKE> NAMES NEW PRESIDENT", "Coca-Cola Bottling Co Consolidated <COKE> said its board named a new president, effective immediately."),
		want: "US", evidence: "listing: <COKE>",
	}, {
		name: "exchange suffix",
		a:    art("STEELMAKER <KSTL.T> RAISES OUTPUT", "The steelmaker <KSTL.T> said it would raise output by five pct this quarter."),
		want: "JP", evidence: "listing: <KSTL.T>",
	}, {
		// A place named decides before the listing does.
		name: "place first",
		a:    art("MINER <ECHO> FINDS GOLD", "Echo Mining <ECHO> said it found gold at its mine in Ontario."),
		want: "CA", evidence: "lead: Ontario",
	}, {
		// A name a stock symbol follows is a company's, there and
		// wherever it stands again: Farah, not Afghanistan's province.
		name: "company named like a place",
		a:    art("FARAH <FRA> OMITS DIVIDEND", "Farah Inc said it omitted its quarterly dividend. Farah said it would consider future payments when profits improve."),
		want: "US", evidence: "listing: <FRA>",
	}, {
		name: "not a symbol",
		a:    art("Notes", "Write <b> for bold and <DAIWA SECURITIES CO> for a company; the code <MyTag> is not a symbol either."),
		want: "", region: "Global",
	}})
}

func TestDetectVenuesAndParishes(t *testing.T) {
	runDetect(t, []detectCase{{
		name: "biathlon venue",
		a: lang(art("Biathlon: Sprintsieg in Antholz",
			"Die Olympiasiegerin von Peking hat den Sprint in Antholz gewonnen. Sie lag nach dem Schießen knapp vor der Französin.\n\n"+
				"Am Sonntag folgt in Antholz die Verfolgung."), "de"),
		want: "IT", region: "Europe",
	}, {
		name: "jamaican parish",
		a:    art("Two held after shooting", "Police in St Catherine detained two men after a shooting on Sunday night. Residents of Clarendon said the gang had moved there from the next parish."),
		want: "JM", region: "Americas",
	}, {
		name: "guyanese region",
		a:    art("Flooding in Demerara", "Farmers on the East Bank Demerara counted their losses on Monday after heavy rain flooded fields along the Mahaica river."),
		want: "GY", region: "Americas",
	}})
}

func TestDetectAmericanPolitics(t *testing.T) {
	runDetect(t, []detectCase{{
		// An opinion on an impeachment inquiry whose subject is a call to
		// Ukraine's president is about American politics.
		name: "impeachment",
		a: art("The inquiry will not end with this call",
			"House Democrats say the call was the clearest abuse yet; House Republicans call it a routine talk between leaders.\n\n"+
				"The call asked Ukraine's new president to open an inquiry. Ukraine needed the aid it was waiting for, and Ukraine's officials said they felt the pressure.\n\n"+
				"The Speaker of the House has promised public hearings, and Senate Republicans have said they will wait for them."),
		want: "US", region: "Americas",
	}})
}

func TestDetectWordsThatAreTowns(t *testing.T) {
	sectionWord := lang(art("Juicio por compra de votos continuará en mayo", "El juicio contra el excongresista continuará el 18 de mayo, informó el tribunal."), "es")
	sectionWord.Section = "Justicia" // a district of Madrid in the towns list
	sectionTown := art("Road closed due to gas leak", "Dresden Drive is closed between Ellijay Drive and Apple Valley Road due to a gas leak, police in Brookhaven reported.")
	sectionTown.Section = "Brookhaven"
	folder := lang(art("Burgenland: Die besten Süßweine", "Die Verkostung zeigte die Stärke des Jahrgangs im Burgenland."), "de")
	folder.URL = "https://www.example.de/nd/burgenland-die-besten-suessweine/"
	car := lang(art("Hyundai Santa Fe Plug-in im Test", "Der Hyundai Santa Fe fährt bis zu 50 Kilometer elektrisch, zeigte der Test."), "de")
	car.URL = "https://www.example.at/test/hyundai-santa-fe"
	runDetect(t, []detectCase{{
		name: "car model", a: car, want: "AT", evidence: "site: .at",
	}, {
		// Towns take no article: "la República" is the republic.
		name: "town after an article",
		a:    lang(art("Congreso", "El presidente de la República firmó la ley el martes."), "es"),
		want: "", region: "Global",
	}, {
		name: "section that is a word", a: sectionWord, want: "", region: "Global",
	}, {
		name: "section that is a town the text names", a: sectionTown, want: "US", evidence: "metadata: section Brookhaven",
	}, {
		name: "URL folder that is a postal code", a: folder, want: "AT", evidence: "title: Burgenland",
	}, {
		name: "president's residence",
		a:    lang(art("Bundespräsident würdigt Ehrenamt", "Im Schloss Bellevue hat der Bundespräsident am Montag junge Ehrenamtliche empfangen."), "de"),
		want: "DE", evidence: "lead: Schloss Bellevue",
	}})
}

func TestDetectLeadSiteAndLocation(t *testing.T) {
	weak := lang(art("Juicio por compra de votos continuará en mayo",
		"El juicio contra el excongresista por presunta compra de votos continuará el 18 de mayo, informó el tribunal.\n\n"+
			"La defensa pidió más tiempo. El fiscal recordó el caso del expresidente Toledo, que sigue abierto."), "es")
	weak.URL = "https://www.example.pe/politica/juicio-compra-de-votos"
	located := lang(art("Hingucker beim Flugplatzfest in Dessau", "Die zweite F13 stand beim Flugplatzfest im Mittelpunkt, kurz vor ihrer Zulassung."), "de")
	located.Location = "Dübendorf"
	runDetect(t, []detectCase{{
		// One mention deep in the text weighs less than the site's
		// own country.
		name: "site over one mention", a: weak, want: "PE", evidence: "site: .pe",
	}, {
		// A title that names no country leaves the lead to say where,
		// however often the body names another.
		name: "lead decides",
		a: lang(art("Turpitude et architecture",
			"Les architectes sud-coréens ont longtemps construit pour le régime.\n\n"+
				"La Chine a changé la donne. La Chine construit partout, et la Chine paie bien ; les entreprises de Chine dominent les appels d'offres, dit-on en Chine."), "fr"),
		want: "KR", evidence: "lead: sud-coréens",
	}, {
		// ...but not by a town of the generated list alone: "Palacio
		// de Justicia" names no town.
		name: "lead town does not decide",
		a: lang(art("La Corte no imparte justicia",
			"El abogado habló frente al Palacio de Justicia el martes.\n\n"+
				"La Corte Suprema de Argentina rechazó el recurso. En Argentina, dijo, la justicia tarda."), "es"),
		want: "AR",
	}, {
		// A content location the title contradicts names something
		// else than the story's place.
		name: "location against the title", a: located, want: "DE", evidence: "title: Dessau",
	}})
}

func TestDetectForeignNamesAndInstitutions(t *testing.T) {
	runDetect(t, []detectCase{{
		name: "german name", a: lang(art("Madagaskar: Wo die alte Ordnung endet", "Die Regierung in Antananarivo sucht neue Partner, sagt der Ökonom."), "de"),
		want: "MG", evidence: "title: Madagaskar",
	}, {
		name: "spanish name", a: lang(art("Sequía en Kenia", "La sequía amenaza a millones de personas, advirtió la ONU."), "es"),
		want: "KE",
	}, {
		name: "national police", a: lang(art("Robo de vehículos", "Carabineros detuvo a tres personas por el robo de vehículos, informó la institución."), "es"),
		want: "CL", evidence: "lead: Carabineros",
	}, {
		name: "currency", a: lang(art("Presupuesto", "El Gobierno recortará 50.000 millones de colones del presupuesto del próximo año."), "es"),
		want: "CR",
	}, {
		// "Gales" is Wales in Spanish, weather in English.
		name: "english word", a: lang(art("Storms", "Gales swept the coast overnight, and the ferries stayed in port."), "en"),
		want: "", region: "Global",
	}})
}
