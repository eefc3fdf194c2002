package region

import (
	"net/url"
	"strings"

	"github.com/brief-news/brief/article"
)

// outletCountries maps the domain of a news outlet whose domain names no
// country (.com, .net) to the country it is based in and mostly covers.
// Outlets that cover the whole world (wire services, global broadcasters,
// science and technology magazines) are left out on purpose: their base
// says nothing of a story's place. Facts of public record (each outlet's
// own "about" page), compiled for this project.
var outletCountries = map[string]string{
	// United States: business, national and local news
	"cnbc.com": "US", "usatoday.com": "US", "foxnews.com": "US", "thehill.com": "US", "politico.com": "US",
	"npr.org": "US", "latimes.com": "US", "nypost.com": "US", "washingtonexaminer.com": "US", "barrons.com": "US",
	"marketwatch.com": "US", "chron.com": "US", "houstonchronicle.com": "US", "mysanantonio.com": "US",
	"twincities.com": "US", "startribune.com": "US", "nbcdfw.com": "US", "dallasnews.com": "US",
	"chicagotribune.com": "US", "bostonglobe.com": "US", "sfchronicle.com": "US", "seattletimes.com": "US",
	"denverpost.com": "US", "miamiherald.com": "US", "ajc.com": "US", "tampabay.com": "US", "azcentral.com": "US",
	"cbsnews.com": "US", "nbcnews.com": "US", "abcnews.go.com": "US", "msnbc.com": "US", "foxbusiness.com": "US",
	// India
	"ndtv.com": "IN", "hindustantimes.com": "IN", "indiatimes.com": "IN", "moneycontrol.com": "IN",
	"deccanherald.com": "IN", "thehindu.com": "IN", "indianexpress.com": "IN", "livemint.com": "IN",
	"business-standard.com": "IN", "news18.com": "IN",
	// Asia and the Pacific
	"rappler.com": "PH", "inquirer.net": "PH", "dawn.com": "PK", "straitstimes.com": "SG", "scmp.com": "HK",
	"thestar.com.my": "MY", "bangkokpost.com": "TH",
	// Middle East and Africa
	"gulfnews.com": "AE", "khaleejtimes.com": "AE", "thenationalnews.com": "AE", "arabnews.com": "SA",
	"timesofisrael.com": "IL", "haaretz.com": "IL", "jpost.com": "IL", "dailysabah.com": "TR",
	"hurriyetdailynews.com": "TR", "punchng.com": "NG", "vanguardngr.com": "NG", "premiumtimesng.com": "NG",
	"news24.com": "ZA", "nation.africa": "KE", "standardmedia.co.ke": "KE",
}

// outletOf returns the country of the outlet that published a, from its
// URL's host or a parent domain of it, or "".
func outletOf(a *article.Article) string {
	for _, raw := range []string{a.CanonicalURL, a.URL} {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			continue
		}
		host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
		for host != "" {
			if c, ok := outletCountries[host]; ok {
				return c
			}
			i := strings.IndexByte(host, '.')
			if i < 0 {
				break
			}
			host = host[i+1:]
		}
	}
	return ""
}

// fromOutlet decides by the outlet's base, the weakest evidence there
// is: only when the story names no place, no region and no listing, a
// business or local outlet's story is about its own country (a US
// network's report on a company's shares).
func fromOutlet(a *article.Article, res *Result) bool {
	c := outletOf(a)
	if c == "" {
		return false
	}
	res.Country, res.Evidence = c, "outlet: "+c
	return true
}
