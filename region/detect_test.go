package region_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
)

// art builds an article whose paragraphs are separated by blank lines.
func art(title, text string) *article.Article {
	a := &article.Article{Title: title}
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			a.Paragraphs = append(a.Paragraphs, p)
		}
	}
	return a
}

type detectCase struct {
	name string
	a    *article.Article
	// want is the primary country ("" for none), region the section,
	// evidence a prefix of Result.Evidence; also, when set, lists the
	// countries Countries must contain and not those it must not.
	want, region, evidence string
	also, not              []string
}

func runDetect(t *testing.T, cases []detectCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got := region.Detect(tt.a, nil)
			if got.Country != tt.want {
				t.Errorf("Detect().Country = %q, want %q (evidence %q, countries %v)", got.Country, tt.want, got.Evidence, got.Countries)
			}
			if tt.region != "" && got.Region != tt.region {
				t.Errorf("Detect().Region = %q, want %q", got.Region, tt.region)
			}
			if !strings.HasPrefix(got.Evidence, tt.evidence) {
				t.Errorf("Detect().Evidence = %q, want prefix %q", got.Evidence, tt.evidence)
			}
			for _, c := range tt.also {
				if !slices.Contains(got.Countries, c) {
					t.Errorf("Detect().Countries = %v, want it to contain %s", got.Countries, c)
				}
			}
			for _, c := range tt.not {
				if slices.Contains(got.Countries, c) {
					t.Errorf("Detect().Countries = %v, want no %s", got.Countries, c)
				}
			}
		})
	}
}

func TestDetectMetadata(t *testing.T) {
	withSection := art("Floods worsen", "Rivers rose across the region. Officials in Malaysia said more rain was due; Malaysian troops were sent.")
	withSection.Section = "World/Asia"
	sectionOnly := art("Floods worsen", "Rivers rose across the region and more rain was due.")
	sectionOnly.Section = "World/Asia"
	country := art("Talks resume", "Negotiators met again on Monday in Paris and Berlin.")
	country.Section = "UK News"
	location := art("Budget passed", "The budget was approved after a long debate. France and Germany welcomed it.")
	location.Location = "Kuala Lumpur, Malaysia"
	urlEurope := art("Strike ends", "Workers returned after the union signed a deal with the French rail operator.")
	urlEurope.URL = "https://news.example.com/world/europe/strike-ends-after-union-signs-deal-2024"
	urlUS := art("Storm hits coast", "A storm hit the coast on Monday.")
	urlUS.URL = "https://news.example.com/us-news/2024/feb/26/storm-hits-coast"
	urlSlug := art("Storm hits coast", "A storm hit the coast on Monday.")
	urlSlug.URL = "https://news.example.com/2024/feb/26/storm-hits-malaysia-coast"
	politics := art("Vote delayed", "The vote was delayed again. Canada's opposition objected.")
	politics.Section = "Politics"
	runDetect(t, []detectCase{
		{name: "section region picks a country of that region", a: withSection, want: "MY", region: "Asia-Pacific", evidence: "metadata: section World/Asia"},
		{name: "section region without a country", a: sectionOnly, want: "", region: "Asia-Pacific", evidence: "metadata: section World/Asia"},
		{name: "section names a country", a: country, want: "GB", region: "Europe", evidence: "metadata: section UK News"},
		{name: "JSON-LD content location", a: location, want: "MY", evidence: "metadata: location Kuala Lumpur, Malaysia"},
		{name: "URL section folder", a: urlEurope, want: "FR", region: "Europe", evidence: "metadata: url /world/europe/"},
		{name: "URL country folder", a: urlUS, want: "US", evidence: "metadata: url"},
		{name: "URL slug is not a section", a: urlSlug, want: "", region: region.Global},
		{name: "section that is no place", a: politics, want: "CA", evidence: "lead: Canada"},
	})
}

func TestDetectDateline(t *testing.T) {
	field := func(dl, title, text string) *article.Article {
		a := art(title, text)
		a.Dateline = dl
		return a
	}
	runDetect(t, []detectCase{
		{name: "dateline after a photo credit", a: art("Envoy faces questions about Kyiv", "Jane Roe, ASSOCIATED PRESS\n\nWASHINGTON (AP) — The envoy will face questions about Ukraine and Ukraine's president on Wednesday."), want: "US", evidence: "dateline: WASHINGTON"},
		{name: "no dateline after a long first paragraph", a: art("", "The envoy, who has spoken several times with the president about the matter, will face questions on Wednesday in Kyiv.\n\nWASHINGTON (AP) — More hearings follow."), want: "UA"},
		{name: "dateline field", a: field("KUALA LUMPUR", "Rates held", "The central bank held rates."), want: "MY", region: "Asia-Pacific", evidence: "dateline: KUALA LUMPUR"},
		{name: "dateline beats the body", a: field("WASHINGTON, Feb 26", "Japan surplus grows", "Japan's trade surplus with Japan's partners grew, Japanese officials said."), want: "US", also: []string{"JP"}},
		{name: "wire dateline with state", a: field("WESTPORT, Conn., March 3", "Net up", "Shr 10 cts vs eight cts."), want: "US", evidence: "dateline: WESTPORT, Conn."},
		{name: "upper-case state abbreviation", a: field("INDIANAPOLIS, IND., March 4", "Net up", "Shr 10 cts."), want: "US"},
		{name: "unknown town, province", a: field("TRAIL, British Columbia, March 17", "Smelter", "Output rose."), want: "CA"},
		{name: "unknown town, state without periods", a: field("BEDFORD, Mass, March 13", "Net", "Shr 1 ct."), want: "US"},
		{name: "London, Ontario", a: field("LONDON, Ontario", "Plant", "A plant closed."), want: "CA"},
		{name: "Paris, Texas", a: field("PARIS, Texas", "Rain", "Rain fell."), want: "US"},
		{name: "Athens, Ga.", a: field("ATHENS, Ga.", "Game", "The game ended."), want: "US"},
		{name: "Athens alone", a: field("ATHENS", "Talks", "Talks ended."), want: "GR"},
		{name: "Washington, D.C.", a: field("WASHINGTON, D.C. March 18", "Rule", "A rule."), want: "US"},
		{name: "country in dateline", a: field("REGGIO CALABRIA, Italy, April 1", "Port", "A port."), want: "IT"},
		{name: "historic city name", a: field("PEKING, March 19", "Talks", "Talks."), want: "CN"},
		{name: "city that is also a name", a: field("DARWIN, March 3", "Port", "The port reopened."), want: "AU", evidence: "dateline: DARWIN"},
		{name: "ambiguous city read by the text", a: field("CANTON, March 3", "Fair", "Exporters at the fair said China's orders rose."), want: "CN", evidence: "dateline: CANTON"},
		{name: "ambiguous city with its state", a: field("CANTON, Ohio, March 3", "Plant", "A plant closed."), want: "US"},
		{name: "ambiguous city, text names another reading", a: field("GEORGETOWN, March 3", "Vote", "Guyana's president said the vote was fair."), want: "GY", evidence: "dateline: GEORGETOWN"},
		{name: "ambiguous city, text names none", a: field("GEORGETOWN, March 3", "Vote", "The vote was fair."), want: ""},
		{name: "no place in dateline falls through", a: field("UNITED NATIONS", "Vote", "Kenya and Kenyan diplomats voted."), want: "KE", evidence: "lead: Kenya"},
		{name: "em dash in text", a: art("", "KUALA LUMPUR — The central bank held its rate."), want: "MY", evidence: "dateline: KUALA LUMPUR"},
		{name: "bracket region tag", a: art("", "[EUROPE] Ministers met on Friday."), want: "", region: "Europe", evidence: "dateline: EUROPE"},
		{name: "bracket tag picks a country of its region", a: art("", "[EUROPE] Ministers met on Friday. Germany and Germany's partners agreed; Japan watched."), want: "DE", region: "Europe"},
		{name: "date and hyphen in text", a: art("", "WASHINGTON, Feb 26 - The Commerce Department said orders rose."), want: "US", evidence: "dateline: WASHINGTON"},
		{name: "agency in text", a: art("", "LONDON (Reuters) - Shares fell in early trade."), want: "GB", evidence: "dateline: LONDON"},
		{name: "New York with date", a: art("", "NEW YORK, March 3 - Stocks rose."), want: "US", evidence: "dateline: NEW YORK"},
		{name: "province abbreviation", a: art("", "TORONTO, Ont. - The company said sales rose."), want: "CA", evidence: "dateline: TORONTO, Ont."},
		{name: "sentence with parenthesis is no dateline", a: art("", "The European Community (EC) yesterday warned Japan."), want: "JP", evidence: "lead: Japan"},
		{name: "dateline kept in the paragraph", a: func() *article.Article {
			a := art("Rates", "KUALA LUMPUR — The bank held rates. Singapore and Singapore's banks followed; Singapore said so.")
			a.Dateline = "KUALA LUMPUR"
			return a
		}(), want: "MY", evidence: "dateline: KUALA LUMPUR", also: []string{"SG"}},
	})
}

func TestDetectText(t *testing.T) {
	runDetect(t, []detectCase{
		{name: "title names the country", a: art("Malaysia's central bank holds rates", "The bank said inflation was easing."), want: "MY", evidence: "title: Malaysia"},
		{name: "lead names the country", a: art("Rates held", "Kenya's central bank held its rate on Wednesday.\n\nIt said prices were easing."), want: "KE", evidence: "lead: Kenya"},
		{name: "body counts", a: art("Rates held", "The bank held its rate.\n\nIt said prices were easing.\n\nMalaysia's exports rose. Malaysia sells palm oil. Growth in Malaysia slowed. Malaysia said so."), want: "MY", evidence: "body: Malaysia ×4"},
		{name: "demonym", a: art("North Korean missile test", "The launch was the third this year."), want: "KP"},
		{name: "capital", a: art("Talks in Nairobi", "Delegates met."), want: "KE"},
		{name: "historic name", a: art("Burma frees prisoners", "The junta freed 200 prisoners."), want: "MM"},
		{name: "Soviet Union", a: art("Soviet grain imports rise", "The Soviet Union bought more wheat."), want: "RU"},
		{name: "West Germany", a: art("", "West German bank rates fell, the Bundesbank said."), want: "DE"},
		{name: "US state", a: art("Storm hits Texas", "Power failed in Houston."), want: "US"},
		{name: "Canadian province", a: art("Alberta oil output", "Producers cut output."), want: "CA"},
		{name: "state abbreviation after a town", a: art("", "The company, based in Clifton, N.J., said sales rose."), want: "US", evidence: "lead: N.J."},
		{name: "abbreviation-like word alone", a: art("", "He was ill. Mass was held at noon."), want: "", region: region.Global},
		{name: "U.S. and us", a: art("", "The U.S. economy grew, they told us."), want: "US"},
		{name: "us is not a place", a: art("", "Give us a call, they said."), want: "", region: region.Global},
		{name: "a town of the generated list", a: art("Flooding closes roads", "Heavy rain closed roads in Portmore on Tuesday, police said."), want: "JM", evidence: "lead: Portmore"},
		{name: "an English town", a: art("Hospital wing opens", "A new wing of the hospital in Aylesbury opened on Monday."), want: "GB", evidence: "lead: Aylesbury"},
		{name: "a country named outranks a town", a: art("Trade talks", "Officials from Kenya met in Aylesbury on Monday to talk about Kenya's tea exports to Kenya's neighbours."), want: "KE"},
		{name: "a country's German name", a: art("Kim Jong Un ist zurück", "Der Machthaber von Nordkorea zeigte sich am Samstag erstmals wieder öffentlich."), want: "KP"},
		{name: "a country's Spanish name", a: art("Elecciones", "El gobierno de Estados Unidos anunció nuevas sanciones el lunes."), want: "US"},
		{name: "a German state", a: art("Hochwasser", "In Bayern stiegen die Pegel am Montag weiter an."), want: "DE", evidence: "lead: Bayern"},
		{name: "GCC the compiler", a: art("Faster builds", "GCC 9 compiles the parser faster than Clang. With GCC the binary is smaller, and GCC warns less."), want: "", region: region.Global},
		{name: "GCC states", a: art("", "The GCC states agreed on a common customs tariff."), want: "", region: "Middle East"},
		{name: "a region word in passing", a: art("Compilers compared", "We compared two compilers on the same code."+strings.Repeat(" The benchmark parses a large file and reports the time it takes.", 30)+" Both were built with GCC."), want: "", region: region.Global},
		{name: "a German noun that is a town abroad", a: func() *article.Article {
			a := art("Radon im Boden: Neue Karte gibt Orientierung", "Das Amt hat eine neue Karte zum Radon im Boden veröffentlicht.")
			a.Language = "de"
			return a
		}(), want: "DE", evidence: "language: de"}, // not Boden, Sweden
		{name: "a town abroad in German text with its country named", a: func() *article.Article {
			a := art("Hafen Boden", "Der Hafen von Boden in Schweden meldet einen Rekord.")
			a.Language = "de"
			return a
		}(), want: "SE"},
		{name: "no place evidence is Global", a: art("Acme profit rises", "Acme Widgets said net profit rose 12 pct to 4.5 mln."), want: "", region: region.Global, evidence: ""},
		{name: "dlrs alone are American", a: art("Acme profit rises", "Acme Widgets said net profit rose 12 pct to 4.5 mln dlrs."), want: "US", evidence: "lead: dlrs"},
		{name: "the French verb lire is no currency", a: art("Retraites", "Le texte est à lire en entier, peut-on lire dans la note."), want: "", region: region.Global},
		{name: "lire with Italy are Italian", a: art("Rome budget", "Italy will spend 500 billion lire on roads."), want: "IT"},
		{name: "cts alone are American", a: art("Acme year net", "Shr eight cts vs 16 cts. Net 188,000 vs 354,000."), want: "US", evidence: "lead: cts"},
		{name: "yen alone are Japanese", a: art("Acme profit rises", "Acme Widgets said net profit rose 12 pct to 450 mln yen."), want: "JP", evidence: "lead: yen"},
		{name: "a currency after a country's adjective is that country's", a: art("Acme profit rises", "Acme Widgets said net profit rose 12 pct to 4.5 mln Canadian dlrs, or 3.4 mln dlrs."), want: "CA", also: []string{}},
		{name: "a country named in passing in a long text", a: art("Acme profit rises", "Acme Widgets said net profit rose 12 pct."+strings.Repeat(" The company makes widgets and sells them to the trade.", 40)+" One customer is in France."), want: "", region: region.Global},
		{name: "the country of the title and the lead outranks the body", a: art("A salute to polo in Rome", "Polo returned to the Italian capital this week, the first tournament in Italy for a decade.\n\nThe game came to Britain from India. British officers played it, and British clubs still set its rules. London has three clubs; England and Scotland field teams. British players won the cup."), want: "IT"},
		{name: "two countries in the title and the lead: the score decides", a: art("US troops killed in Afghanistan", "Two US soldiers were killed in Afghanistan on Wednesday, the US military said.\n\nThe US has 13,000 troops there. Washington wants to leave."), want: "US"},
		{name: "a country named once in the opening of a long text", a: art("Layoffs begin", "More than a third of the staff will get notice this week.\n\nThe chairman told employees in an email that the layoffs begin in the U.S. on Monday."+strings.Repeat(" The company makes widgets and sells them to the trade.", 40)), want: "US", evidence: "body: United States ×1"},
		{name: "a long text's site country decides over a passing mention", a: func() *article.Article {
			a := art("Acme profit rises", "Acme Widgets said net profit rose 12 pct."+strings.Repeat(" The company makes widgets and sells them to the trade.", 40)+" One customer is in France.")
			a.URL = "https://www.zeitung.de/wirtschaft/acme"
			return a
		}(), want: "DE", evidence: "site: .de"},
		{name: "a site country alone", a: func() *article.Article {
			a := art("Road closed", "The road to the village stays closed until Friday.")
			a.URL = "https://www.lokalblatt.com.ar/nota/1"
			return a
		}(), want: "AR", evidence: "site: .ar"},
		{name: "an archived site's country", a: func() *article.Article {
			a := art("Road closed", "The road to the village stays closed until Friday.")
			a.URL = "https://web.archive.org/web/20160526181643/http://www.lokalblatt.at/nota/1"
			return a
		}(), want: "AT", evidence: "site: .at"},
		{name: "a generic country code says nothing", a: func() *article.Article {
			a := art("Road closed", "The road to the village stays closed until Friday.")
			a.URL = "https://roads.io/nota/1"
			return a
		}(), want: "", region: region.Global},
		{name: "an edition is the site's country", a: func() *article.Article {
			a := art("Where to buy graphics cards", "The cards sold out within minutes at every retailer.")
			a.URL = "https://www.hardware.example.com/uk/news/where-to-buy-cards"
			return a
		}(), want: "GB", evidence: "site edition: /uk/"},
		{name: "an edition yields to the text", a: func() *article.Article {
			a := art("Where to buy graphics cards", "US retailers sold out within minutes. Best Buy in New York had a queue.")
			a.URL = "https://www.hardware.example.com/uk/news/where-to-buy-cards"
			return a
		}(), want: "US"},
		{name: "a language and country edition", a: func() *article.Article {
			a := art("Road closed", "The road to the village stays closed until Friday.")
			a.URL = "https://www.example.com/en-au/local/road-closed"
			return a
		}(), want: "AU", evidence: "site edition: /en-au/"},
		{name: "a time zone is the readers' country", a: art("Phone update fixes eye contact", "The beta makes it look like you are staring into the camera during calls.\n\nUpdate July 3rd, 8:05AM ET: Added an explanation."), want: "US", evidence: "site time zone: ET"},
		{name: "a time zone yields to the text", a: art("Markets close", "Shares fell in Tokyo and Osaka at 3 p.m. JST, and again in Tokyo later, brokers in Tokyo said. The talks in Washington resume at 9:30 a.m. ET."), want: "JP"},
		{name: "a region word outranks a time zone", a: art("Cases surge across the Americas", "Cases rose in every part of the Americas, the health agency said at its briefing at 10 a.m. CST."), want: "", region: "Americas"},
		{name: "an ET that is no time zone", a: art("Film night", "The club shows E.T. and ET 2 at the hall."), want: "", region: region.Global},
		{name: "a local site's own country when the body weighs it about as much", a: func() *article.Article {
			a := art("Der Konzern und die Kohlemine", "Der Konzernchef hat die Aktivistin getroffen und dann doch anders entschieden.\n\nDie Mine liegt in Australien. Australien exportiert die Kohle; in Australien wächst der Protest. In Deutschland ist die Empörung groß, Deutschland hat den Kohleausstieg beschlossen.")
			a.URL, a.Language = "https://www.zeitung.de/kommentar/kohlemine", "de"
			return a
		}(), want: "DE", evidence: "site: .de, body: Germany ×2"},
		{name: "a place in the title outranks the site's country", a: func() *article.Article {
			a := art("Protest in Australien", "Der Konzernchef hat die Aktivistin getroffen und dann doch anders entschieden.\n\nDie Mine liegt in Australien. Australien exportiert die Kohle; in Australien wächst der Protest. In Deutschland ist die Empörung groß, Deutschland hat den Kohleausstieg beschlossen.")
			a.URL, a.Language = "https://www.zeitung.de/kommentar/kohlemine", "de"
			return a
		}(), want: "AU"},
		{name: "a site's country named once yields to the body", a: func() *article.Article {
			a := art("Der Konzern und die Kohlemine", "Der Konzernchef hat die Aktivistin getroffen und dann doch anders entschieden.\n\nDie Mine liegt in Australien. Australien exportiert die Kohle; in Australien wächst der Protest, auch in Queensland. In Deutschland schweigt man.")
			a.URL, a.Language = "https://www.zeitung.de/kommentar/kohlemine", "de"
			return a
		}(), want: "AU"},
		{name: "the text decides over the site", a: func() *article.Article {
			a := art("Kenya floods", "Floods hit Nairobi on Friday.")
			a.URL = "https://www.zeitung.de/welt/kenia"
			return a
		}(), want: "KE"},
		{name: "region words alone", a: art("European leaders meet", "Leaders met to discuss energy prices."), want: "", region: "Europe", evidence: "title: European"},
		{name: "accents folded", a: art("", "Protests in São Paulo and Bogotá grew."), want: "BR"},
		{name: "all-lower-case text", a: art("", "venezuela is seeking a flexible attitude from its creditor banks, the finance minister said in caracas."), want: "VE"},
	})
}

func TestDetectOrganisations(t *testing.T) {
	runDetect(t, []detectCase{
		{name: "Bank of England is GB", a: art("", "The Bank of England raised its rate."), want: "GB"},
		{name: "New England is US", a: art("", "Snow fell across New England."), want: "US", not: []string{"GB"}},
		{name: "New Mexico is US", a: art("", "Wildfires spread in New Mexico."), want: "US", not: []string{"MX"}},
		{name: "New South Wales is AU", a: art("", "Floods hit New South Wales."), want: "AU", not: []string{"GB"}},
		{name: "British Columbia is CA", a: art("", "Fires burned in British Columbia."), want: "CA", not: []string{"GB"}},
		{name: "Guinea-Bissau", a: art("", "Soldiers in Guinea-Bissau seized the radio station."), want: "GW", not: []string{"GN"}},
		{name: "Papua New Guinea", a: art("", "An earthquake struck Papua New Guinea."), want: "PG", not: []string{"GN"}},
		{name: "Equatorial Guinea", a: art("", "Oil output in Equatorial Guinea fell."), want: "GQ", not: []string{"GN"}},
		{name: "Gulf of Mexico is no country", a: art("", "A storm formed in the Gulf of Mexico."), want: "", region: region.Global},
		{name: "Dutch auction is no place", a: art("", "The company will buy back shares in a Dutch auction."), want: "", region: region.Global},
		{name: "Latin America is a region", a: art("", "Banks cut lending to Latin America."), want: "", region: "Americas"},
		{name: "national institution", a: art("", "The Bundesbank left rates unchanged."), want: "DE"},
		{name: "US agency", a: art("", "It filed with the Securities and Exchange Commission."), want: "US"},
		{name: "US self-regulator", a: art("", "The National Association of Securities Dealers named a new president."), want: "US"},
		{name: "Big Board", a: art("", "Trading in the shares was halted on the Big Board."), want: "US"},
		{name: "T-bills are not US alone", a: art("N.Z. T-BILLS YIELD 9.5 PCT", "N.Z. 91-day T-bills yielded 9.5 pct at tender."), want: "NZ", not: []string{"US"}},
		{name: "T-bills alone are no place", a: art("", "The fund bought T-bills."), want: "", region: region.Global},
		{name: "phrase after a run of lower-case words", a: art("", "The notes will be sold and the proceeds were not disclosed by the Department of the Treasury."), want: "US"},
		{name: "lower-case words between name and demonym", a: art("", "the talks, which ran late into the night and were said to be hard, ended with a Malaysian proposal."), want: "MY"},
	})
}

func TestDetectAmbiguous(t *testing.T) {
	runDetect(t, []detectCase{
		{name: "Georgia the US state", a: art("", "Georgia raised its fuel tax. Lawmakers in Atlanta voted for it."), want: "US", not: []string{"GE"}},
		{name: "Georgia the country", a: art("", "Georgia's parliament met in Tbilisi."), want: "GE"},
		{name: "town, Georgia", a: art("", "The company is based in Norcross, Georgia."), want: "US", not: []string{"GE"}},
		{name: "Georgia Power is no country", a: art("", "Talks with Georgia Power resumed."), want: "", region: region.Global},
		{name: "Jordan the person", a: art("", "Michael Jordan scored 40 points."), want: "", region: region.Global},
		{name: "Jordan the country", a: art("", "King Abdullah of Jordan met the envoy."), want: "JO"},
		{name: "Jordan opening a sentence", a: art("", "Prices rose. Jordan imports most of its fuel."), want: "JO"},
		{name: "Chad the person", a: art("", "Coach Chad Smith resigned on Monday."), want: "", region: region.Global},
		{name: "Chad the country", a: art("", "Troops crossed into Chad from Sudan."), want: "TD", also: []string{"TD"}},
		{name: "turkey the bird", a: art("", "Families bought a turkey for the holiday."), want: "", region: region.Global},
		{name: "Turkey the country", a: art("", "Inflation in Turkey rose again."), want: "TR"},
		{name: "Niger river", a: art("", "Fishermen on the Niger River protested."), want: "", region: region.Global},
		{name: "Niger Delta is Nigeria", a: art("", "Attacks in the Niger Delta cut oil output."), want: "NG", not: []string{"NE"}},
		{name: "Niger the country", a: art("", "The junta in Niger expelled the envoy."), want: "NE"},
		{name: "guinea pig", a: art("", "Testing on a guinea pig was banned."), want: "", region: region.Global},
		{name: "Guinea the country", a: art("", "Bauxite exports from Guinea rose."), want: "GN"},
		{name: "capitals headline needs support", a: art("UNITED JERSEY BANKS TO MERGE UNITS", "The New Jersey bank holding company said it would merge two banks."), want: "US", not: []string{"JE"}},
		{name: "capitals headline with support", a: art("JORDAN SEEKS LOAN", "Jordan asked for a loan, the finance ministry in Amman said."), want: "JO"},
		{name: "Cambridge, Mass.", a: art("", "The lab, in Cambridge, Mass., said tests began."), want: "US", not: []string{"GB"}},
		{name: "Cambridge with US context", a: art("", "Researchers in Boston and Cambridge, near Boston, said tests began."), want: "US", not: []string{"GB"}},
		{name: "Cambridge alone", a: art("", "Researchers at Cambridge said tests began."), want: "GB"},
		{name: "a wire agency is no place", a: art("", "The hostages were freed, a police source told Agence France-Presse."), want: "", region: region.Global},
		{name: "company named after a common word city", a: art("", "Farmers discussed sugar land prices."), want: "", region: region.Global},
		{name: "surname after a given name", a: art("", "El periodista Hugo Valencia contó la pelea del programa."), want: "", region: region.Global},
		{name: "surname opening a sentence", a: art("", "Jack London wrote about the gold rush. Ana Lima agreed."), want: "", region: region.Global},
		{name: "place after a comma and a given name", a: art("", "The singer lives with Hugo, Valencia's best-known chef."), want: "ES"},
		{name: "a demonym after Christian", a: art("", "Christian Lebanese factions met on Sunday."), want: "LB"},
		{name: "place after an ordinary word", a: art("", "Floods hit Valencia on Monday."), want: "ES"},
	})
}

func TestDetectMultiCountry(t *testing.T) {
	a := art("Japan and U.S. resume trade talks",
		"Japan and the United States resumed talks on chip trade on Monday, Japanese officials said.\n\n"+
			"Japan's negotiators said the U.S. side had softened its demands. Japan wants tariffs lifted.\n\n"+
			"A delegate who had visited France last year said no date was set.")
	got := region.Detect(a, nil)
	if got.Country != "JP" {
		t.Errorf("Detect().Country = %q, want JP (evidence %q)", got.Country, got.Evidence)
	}
	if want := []string{"JP", "US"}; !slices.Equal(got.Countries, want) {
		t.Errorf("Detect().Countries = %v, want %v (France is named once in passing)", got.Countries, want)
	}
}

func TestDetectTestdata(t *testing.T) {
	want := map[string]string{
		"kl-floods.txt":       "MY",
		"wire-washington.txt": "US",
		"europe-tag.txt":      "DE",
		"no-place.txt":        "",
		"nairobi-reuters.txt": "KE",
		"toronto-ont.txt":     "CA",
		"georgia-us.txt":      "US",
		"georgia-country.txt": "GE",
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "articles", name))
			if err != nil {
				t.Fatal(err)
			}
			a, err := article.FromText(string(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := region.Detect(a, nil); got.Country != w {
				t.Errorf("Detect(%s).Country = %q, want %q (evidence %q)", name, got.Country, w, got.Evidence)
			}
		})
	}
}

// TestDetectConcurrent checks that detectors reused across goroutines
// give each article the result it gets alone.
func TestDetectConcurrent(t *testing.T) {
	arts := []*article.Article{
		art("Rates held in Malaysia", "KUALA LUMPUR — The central bank held rates."),
		art("Budget passes", "Germany's Bundestag approved the budget; Berlin officials said so."),
		art("Net up", "Shr 10 cts vs eight cts."),
		art("Talks", "Kenya and Uganda signed a trade pact in Nairobi on Monday."),
		art("Storm", "Roads reopened in Atlanta, Savannah and Macon after the storm, Georgia officials said."),
		art("Pipeline deal", "Officials from Georgia said the pipeline deal was signed on Monday."),
		art("Ministers meet", "European ministers met on Monday to discuss the budget."),
	}
	want := make([]region.Result, len(arts))
	for i, a := range arts {
		want[i] = region.Detect(a, nil)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for n := range 200 {
				i := (g + n) % len(arts)
				if got := region.Detect(arts[i], nil); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("article %d: got %+v, want %+v", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
