package region

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
)

// Result is what Detect found.
type Result struct {
	// Country is the primary country (alpha-2), "" when there is no place
	// evidence.
	Country string
	// Countries lists every country found, primary first.
	Countries []string
	// Region is the taxonomy section for Country, or Global.
	Region string
	// Evidence says what decided, e.g. "dateline: KUALA LUMPUR".
	Evidence string
}

// Detect decides the region of a using taxonomy t (nil means Default()).
//
// Evidence is weighed in a fixed order, strongest first, and the first
// kind that names a place decides:
//
//  1. page metadata: a place named by a.Location (JSON-LD
//     contentLocation) unless the title names another country, then
//     a.Section ("World/Asia"), then the URL path ("/world/asia/");
//  2. the dateline: a.Dateline, or one opening the text ("KUALA LUMPUR —",
//     "LONDON (Reuters) -", "ISLAMABAD:", "[EUROPE]"); a name read several
//     ways ("GEORGETOWN") is the country the text names most;
//  3. places in the title and the text, each mention weighted by where it
//     stands (title 3, lead 2, rest 1) and by what it is (a country's name
//     counts more than a city, an institution or a demonym; a currency
//     counts little, and one right after a country's adjective, "Canadian
//     dlrs", is that country's). A country named only in passing — at
//     most twice, never in the title or the opening 100 words, in a text
//     of 300 words or more — does not decide. The one country named both
//     in the title and in the lead decides whatever the body says; when
//     neither names a country, or they name the site's own country
//     among others, the site's country (see 4) decides if it weighs at
//     least half as much as the first; the site's country also
//     outweighs a country named only once, outside the title and lead.
//     When the title names no country, the one country the lead names
//     by more than a town of the generated list decides. The lead opens
//     the first paragraph that is not a short line without a period
//     ("Listen to this story");
//  4. the site's country-code domain (".de", ".com.ar"; not codes sold
//     as generic names such as ".io" or ".tv"), or the edition its URL
//     path opens with ("/uk/news/…"), when the text decides nothing;
//  5. region words alone ("European", "Latin American");
//  6. the time zone the text gives its times in ("8:05AM ET");
//  7. the stock exchange of a company's listing, written the wire
//     services' way: "Coca-Cola Bottling <COKE>" (a symbol without a
//     suffix is a New York listing), "<BRKN.AX>", "<7203.T>" (see
//     exchangeCountries);
//  8. the language of the text, when most of the people and the press
//     that write it are in one country (German: Germany, French: France;
//     not English, Spanish, Portuguese or Arabic; see languageCountries):
//     a French opinion piece on "la réforme des retraites" that names no
//     place is about France. Like the site's domain it says where the
//     readers are, so it counts only when nothing above names a place;
//  9. the country of the outlet, for a business, national or local
//     outlet whose domain names no country ("cnbc.com": a report on a
//     company's shares that names no place; see outletCountries).
//
// Metadata or a dateline that names only a region ("World/Asia",
// "[EUROPE]") picks the best-placed country of that region from the text.
// With no evidence at all the answer is Global with no country: Detect
// never guesses. Ambiguous names are read by context: "Georgia" is the US
// state when the article names other US places, "Jordan" is not a country
// in "Michael Jordan", "turkey" is a bird, "Paris, Texas" is in the US.
func Detect(a *article.Article, t *Taxonomy) Result {
	if t == nil {
		t = Default()
	}
	d := detectors.Get().(*detector)
	defer d.release()
	paras := a.Paragraphs
	dl := a.Dateline
	// A dateline opening the text is evidence once, as a dateline, not
	// again as a place in the lead. It may open the second paragraph,
	// after a short line such as a photo credit.
	for k := 0; k < min(len(paras), 2); k++ {
		p := paras[k]
		if place, n := splitDateline(p); n > 0 && (dl == "" || strings.HasPrefix(p, dl) || strings.HasPrefix(dl, place)) {
			if dl == "" {
				dl = place
			}
			paras = append(append(slices.Clip(paras[:k]), p[n:]), paras[k+1:]...)
			break
		}
		if !fewWords(p, 12) {
			break
		}
	}
	d.nouns = nounsCapitalised(a.Language)
	d.foreign = a.Language != "" && !isEnglish(a.Language)
	site := siteOf(a)
	d.scanText(a.Title, paras)

	var res Result
	switch {
	case d.fromMeta(a, &res):
	case d.fromDateline(dl, &res):
	case d.fromText(site, a, &res):
	case d.fromRegionWords(&res):
	case d.fromZone(a, &res):
	case fromListing(a, &res):
	case fromLanguage(a, &res):
	case fromOutlet(a, &res):
	}
	res.Countries = d.countries(res.Country)
	// Evidence quotes the input, which may not be valid UTF-8.
	res.Evidence = strings.ToValidUTF8(res.Evidence, "\uFFFD")
	res.Region = Global
	switch {
	case res.Country != "":
		if r := t.RegionOf(res.Country); r != "" {
			res.Region = r
		}
	case d.region != "":
		res.Region = t.section(d.region)
	}
	return res
}

// endsSentence reports whether s ends like a sentence: with a period, a
// question or an exclamation mark, perhaps inside a closing quote.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\n\"'’”»)")
	return s != "" && strings.ContainsRune(".!?…", rune(s[len(s)-1])) || strings.HasSuffix(s, "…")
}

// fewWords reports whether s has at most n words.
func fewWords(s string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t'
		if !sp && !in {
			if words++; words > n {
				return false
			}
		}
		in = !sp
	}
	return true
}

// tally is the evidence for one country.
type tally struct {
	code   string
	score  float64
	n      int // mentions
	named  int // mentions that are not currencies
	nation int // mentions of the country's name or demonym
	zones  [3]int
	// sure[z] counts the mentions in zone z that are neither towns of
	// the generated list nor currencies.
	sure    [3]int
	surface [3]string // first surface per zone
	first   int
	word    int // the first mention's place in the text, in words; -1 in the title
	// order[z] is the rank of the country's first mention in zone z
	// (1 = the first country named there), 0 when absent.
	order [3]int
}

type detector struct {
	g        *gazetteer
	tk       tokens    // reused for every text the detector reads
	ms       []mention // reused likewise
	sup      support
	tallies  []tally
	regions  []tally // region words; code is the region name
	region   string  // region decided by region-only evidence
	nmention int
	ranks    [3]int
	words    int // words of the title and the text
	// nouns: the text's language capitalises every noun (German), so a
	// capitalised word may be a noun that is also a foreign town's name
	// ("Boden", soil; Boden, Sweden).
	nouns bool
	// foreign: the text's language is known and is not English, so
	// adjectives of its language count in lower case ("chileno").
	foreign bool
}

// detectors keeps detectors between calls, so that Detect reuses their
// buffers instead of allocating them for every article.
var detectors = sync.Pool{New: func() any {
	return &detector{g: gaz(), tallies: make([]tally, 0, 8), ms: make([]mention, 0, 16), sup: make(support, 0, 8)}
}}

// release resets d and returns it to the pool. Buffers grown by a very
// long article are dropped rather than kept.
func (d *detector) release() {
	if cap(d.tk.toks) > 1<<16 || cap(d.ms) > 1<<12 {
		d.tk = tokens{}
		d.ms = nil
	}
	// Mentions and tallies hold strings of the article: drop them, so
	// that a pooled detector keeps no article alive.
	d.tk.src = ""
	clear(d.ms[:cap(d.ms)])
	clear(d.tallies[:cap(d.tallies)])
	clear(d.regions[:cap(d.regions)])
	d.tallies, d.regions = d.tallies[:0], d.regions[:0]
	d.ms, d.sup = d.ms[:0], d.sup[:0]
	d.region, d.nmention, d.ranks, d.words, d.nouns, d.foreign = "", 0, [3]int{}, 0, false, false
	detectors.Put(d)
}

func (d *detector) tally(list *[]tally, code string) *tally {
	for i := range *list {
		if (*list)[i].code == code {
			return &(*list)[i]
		}
	}
	*list = append(*list, tally{code: code, first: d.nmention})
	return &(*list)[len(*list)-1]
}

// scanText finds the places in the title and the text and tallies them.
func (d *detector) scanText(title string, paras []string) {
	ms := d.ms[:0]
	t := &d.tk
	t.read(title, d.g, false)
	s := scanner{g: d.g, t: t, caps: mostlyUpper(t), lower: mostlyLower(t), foreign: d.foreign}
	var firms []string // names a stock symbol follows
	ms = s.scan(0, len(t.toks), func(int) zone { return zTitle }, ms)
	d.words = t.words
	for k := range ms {
		ms[k].para, ms[k].word = -1, -1
		if tickerAfter(t.src, int(t.toks[ms[k].j-1].end)) {
			firms = append(firms, ms[k].surface)
			ms[k].cands = nil
		}
	}
	// The lead opens the first paragraph that is a sentence: a short line
	// before it ("Listen to this story", a photo credit) is not the lead.
	leadPara := 0
	for leadPara < min(len(paras), 3)-1 && fewWords(paras[leadPara], 8) && !endsSentence(paras[leadPara]) {
		leadPara++
	}
	// Paragraph by paragraph, reusing the buffers: no phrase spans two.
	for pi, p := range paras {
		t.read(p, d.g, false)
		base := d.words
		d.words += t.words
		s = scanner{g: d.g, t: t, caps: mostlyUpper(t), lower: mostlyLower(t), foreign: d.foreign}
		lead := 0
		if pi == leadPara {
			lead = leadEnd(t)
		}
		from := len(ms)
		ms = s.scan(0, len(t.toks), func(i int) zone {
			if i < lead {
				return zLead
			}
			return zBody
		}, ms)
		for k := from; k < len(ms); k++ {
			ms[k].para, ms[k].word = pi, base+ms[k].i
			if tickerAfter(t.src, int(t.toks[ms[k].j-1].end)) {
				firms = append(firms, ms[k].surface)
				ms[k].cands = nil // "Farah <FRA>": a company
			}
		}
	}
	// The company's name is the company's wherever it stands: "Farah
	// Inc said".
	for _, f := range firms {
		for k := range ms {
			if strings.EqualFold(ms[k].surface, f) {
				ms[k].cands = nil
			}
		}
	}

	d.ms = ms
	// Unambiguous mentions first; they are the context for the rest.
	sup := d.sup[:0]
	for _, m := range ms {
		if len(m.cands) == 1 && !m.cands[0].weak && !m.cands[0].echo {
			sup.add(m.cands[0])
		}
	}
	d.sup = sup
	var prev cand // the reading of the mention before, when adjacent
	for k, m := range ms {
		c, ok := resolve(m.cands, sup)
		if !ok {
			prev = cand{}
			continue
		}
		if c.kind == kTown && d.nouns && m.j-m.i == 1 && !nounLanguageCountry(c.code) {
			// In German text a one-word town abroad counts only when
			// something else names its country.
			if sup.besidesTowns(c.code) == 0 {
				prev = cand{}
				continue
			}
		}
		if c.kind == kCur && k > 0 && ms[k-1].para == m.para && ms[k-1].j == m.i &&
			(prev.kind == kName || prev.kind == kAdj) && prev.code != "" {
			// "Canadian dlrs", "Hong Kong dlrs": that country's currency.
			c.code = prev.code
		}
		prev = c
		d.nmention++
		switch c.kind {
		case kStop:
			continue
		case kRegion:
			r := d.tally(&d.regions, c.code)
			if r.n == 0 {
				r.word = m.word
			}
			r.n++
			r.named++
			r.score += m.zone.mult()
			r.zones[m.zone]++
			if r.surface[m.zone] == "" {
				r.surface[m.zone] = m.surface
			}
			continue
		}
		tl := d.tally(&d.tallies, c.code)
		if tl.n == 0 {
			tl.word = m.word
		}
		if tl.order[m.zone] == 0 && c.kind != kCur {
			d.ranks[m.zone]++
			tl.order[m.zone] = d.ranks[m.zone]
		}
		tl.score += c.kind.weight() * m.zone.mult()
		tl.n++
		if c.kind != kCur {
			tl.named++
		}
		if c.kind == kName || c.kind == kAdj {
			tl.nation++
		}
		tl.zones[m.zone]++
		if c.kind != kTown && c.kind != kCur {
			tl.sure[m.zone]++
		}
		if tl.surface[m.zone] == "" {
			tl.surface[m.zone] = m.surface
		}
	}
}

// support counts the unambiguous mentions of each country, and those of
// local places (cities, states). Articles name few countries, so a slice
// beats a map.
type support []struct {
	code            string
	n, local, towns int
}

func (s *support) add(c cand) {
	i := 0
	for i < len(*s) && (*s)[i].code != c.code {
		i++
	}
	if i == len(*s) {
		*s = append(*s, struct {
			code            string
			n, local, towns int
		}{code: c.code})
	}
	e := &(*s)[i]
	e.n++
	if c.kind.local() {
		e.local++
	}
	if c.kind == kTown {
		e.towns++
	}
}

func (s support) get(code string) (n, local int) {
	for _, e := range s {
		if e.code == code {
			return e.n, e.local
		}
	}
	return 0, 0
}

// besidesTowns returns the unambiguous mentions of code that are not towns
// of the generated list.
func (s support) besidesTowns(code string) int {
	for _, e := range s {
		if e.code == code {
			return e.n - e.towns
		}
	}
	return 0
}

// resolve picks the reading of an ambiguous mention. A weak reading ("?")
// needs local places of its country in the article, more than the other
// readings have evidence; otherwise the reading with the most support wins,
// the first listed on a tie.
func resolve(cs []cand, sup support) (cand, bool) {
	if len(cs) == 1 && !cs[0].weak && !cs[0].echo {
		return cs[0], true
	}
	best, bestN, found := cand{}, -1, false
	for _, c := range cs {
		n, _ := sup.get(c.code)
		if c.echo && n == 0 {
			continue
		}
		if !c.weak && n > bestN {
			best, bestN, found = c, n, true
		}
	}
	if bestN < 0 {
		bestN = 0
	}
	for _, c := range cs {
		if _, loc := sup.get(c.code); c.weak && loc > 0 && loc > bestN {
			best, bestN, found = c, loc, true
		}
	}
	return best, found
}

// leadEnd returns the index of the first token after the lead in the
// first paragraph: its first sentence when that runs past 20 words, at
// most 60 words (the paragraph may be the whole text).
func leadEnd(t *tokens) int {
	for i := 1; i < len(t.toks) && i < 60; i++ {
		k := &t.toks[i]
		if k.is(fPara) || (i >= 20 && k.is(fSent) && k.is(fCap)) {
			return i
		}
	}
	return min(len(t.toks), 60)
}

// mostlyUpper reports whether a text is set in capitals.
func mostlyUpper(t *tokens) bool {
	return t.words >= 3 && t.capitals*10 >= t.words*7
}

// mostlyLower reports whether a text is set without capitals, so that the
// case of a place name says nothing (see tokens.uncapitalised, which
// tokens.read uses too).
func mostlyLower(t *tokens) bool {
	return t.uncapitalised()
}

// best returns the tally with the highest score among those keep accepts,
// the earliest mentioned on a tie.
func best(ts []tally, keep func(*tally) bool) *tally {
	var b *tally
	for i := range ts {
		tl := &ts[i]
		if tl.named == 0 && tl.score < 0.5 || keep != nil && !keep(tl) {
			continue
		}
		if b == nil || tl.score > b.score || tl.score == b.score && tl.first < b.first {
			b = tl
		}
	}
	return b
}

// fromText decides by the places in the title and the text. Evidence
// that is only in passing — a country named once or twice deep in a long
// text, never in the title or the lead — does not make the story that
// country's: then the country of the site's domain (site, from siteOf)
// decides, or, without one, the story is Global.
func (d *detector) fromText(site siteCountry, a *article.Article, res *Result) bool {
	b := d.headline()
	if b == nil {
		b = best(d.tallies, nil)
	}
	if b != nil && d.passing(b) {
		b = nil
		if site.code == "" {
			// Decided: no country named. Region words may still name a
			// region, or the time zone a country.
			return d.fromRegionWords(res) || d.fromZone(a, res) || fromListing(a, res) || fromLanguage(a, res) || true
		}
	}
	if b == nil {
		if site.code == "" {
			return false
		}
		res.Country = site.code
		res.Evidence = site.evidence
		return true
	}
	if h := d.home(site, b); h != nil {
		res.Country = h.code
		res.Evidence = site.evidence + ", " + d.textEvidence(h)
		return true
	}
	if site.code != "" && b.code != site.code && b.n == 1 && b.zones[zTitle]+b.zones[zLead] == 0 {
		// One mention deep in the text is weaker evidence than the
		// site's own country.
		res.Country = site.code
		res.Evidence = site.evidence
		return true
	}
	res.Country = b.code
	res.Evidence = d.textEvidence(b)
	return true
}

// home returns the tally of the site's own country when it and another
// country b are about even: the site's country has at least half b's
// score, and the title and lead either name no country or name the
// site's among others. A local paper's story whose headline names no
// place is about its own country when the body names it about as much as
// another ("Siemens and the Adani mine": Germany and Australia); so is
// one whose headline names its own country and another ("a Chilean
// researcher says Bolivian officials hold stolen cars", in a Bolivian
// paper).
func (d *detector) home(site siteCountry, b *tally) *tally {
	if site.code == "" || b.code == site.code {
		return nil
	}
	var h *tally
	top := false // the title or lead names a country
	for i := range d.tallies {
		tl := &d.tallies[i]
		if tl.zones[zTitle]+tl.zones[zLead] > 0 {
			top = true
		}
		if tl.code == site.code {
			h = tl
		}
	}
	if h == nil || h.named == 0 || h.score*2 < b.score || top && h.zones[zTitle]+h.zones[zLead] == 0 {
		return nil
	}
	return h
}

// headline returns the one country named both in the title and in the
// lead, which the story is about however often the body names others
// ("A Royal Salute to polo in Rome" over a history of British polo), or
// nil when no country or several are.
func (d *detector) headline() *tally {
	var h *tally
	for i := range d.tallies {
		tl := &d.tallies[i]
		if tl.zones[zTitle] == 0 || tl.zones[zLead] == 0 || tl.named == 0 {
			continue
		}
		if h != nil {
			return nil
		}
		h = tl
	}
	if h != nil {
		return h
	}
	// A title that names no country leaves the lead to say where, if
	// it names one country by more than a town of the generated list.
	for i := range d.tallies {
		tl := &d.tallies[i]
		if tl.zones[zTitle] > 0 {
			return nil
		}
		if tl.zones[zLead] == 0 {
			continue
		}
		if tl.sure[zLead] == 0 {
			return nil
		}
		if h != nil {
			return nil
		}
		h = tl
	}
	return h
}

// passingWords is the length from which a text that names a country only
// in passing is not about that country.
const passingWords = 300

// openingWords is the length of a story's opening: a country named there
// is not named in passing.
const openingWords = 100

// passing reports whether tl is evidence in passing: no mention in the
// title or the opening, at most two mentions, in a text of passingWords
// or more.
func (d *detector) passing(tl *tally) bool {
	return tl.zones[zTitle]+tl.zones[zLead] == 0 && tl.word >= openingWords && tl.n <= 2 && d.words >= passingWords
}

func (d *detector) textEvidence(b *tally) string {
	switch {
	case b.zones[zTitle] > 0:
		return "title: " + bare(b.surface[zTitle])
	case b.zones[zLead] > 0:
		return "lead: " + bare(b.surface[zLead])
	}
	return fmt.Sprintf("body: %s ×%d", CountryName(b.code), b.n)
}

func (d *detector) fromRegionWords(res *Result) bool {
	// A region word in passing ("GCC", "LatAm" once deep in a long text)
	// names no region of the story either.
	b := best(d.regions, func(tl *tally) bool { return !d.passing(tl) })
	if b == nil {
		return false
	}
	d.region = b.code
	z := zBody
	if b.zones[zTitle] > 0 {
		z = zTitle
	} else if b.zones[zLead] > 0 {
		z = zLead
	}
	res.Evidence = z.String() + ": " + bare(b.surface[z])
	return true
}

// inRegion picks the best-evidenced country of a default region, for
// evidence that names only the region.
func (d *detector) inRegion(region string, res *Result) {
	d.region = region
	b := best(d.tallies, func(tl *tally) bool {
		c, _ := d.g.country(tl.code)
		return c.region == region
	})
	if b != nil {
		res.Country = b.code
	}
}

// nounsCapitalised reports whether texts in language lang (a BCP 47 tag,
// as article.Language) capitalise every noun, as German and Luxembourgish
// do.
func nounsCapitalised(lang string) bool {
	l := strings.ToLower(lang)
	return l == "de" || l == "lb" || strings.HasPrefix(l, "de-") || strings.HasPrefix(l, "lb-")
}

// isEnglish reports whether lang (a BCP 47 tag) is English.
func isEnglish(lang string) bool {
	l := strings.ToLower(lang)
	return l == "en" || strings.HasPrefix(l, "en-")
}

// nounLanguageCountry reports whether code is a country where German is
// spoken, whose towns a German text names as towns.
func nounLanguageCountry(code string) bool {
	switch code {
	case "DE", "AT", "CH", "LI", "LU":
		return true
	}
	return false
}

// siteOf returns the country of the article's web site: its domain's
// country-code suffix (".de", ".com.ar", ".co.uk" → GB; the archived
// site's for a web.archive.org snapshot), else the edition its path opens
// with ("/uk/news/…", "/en-au/…"). It returns "" for a generic domain, or
// a country code sold as a generic name (".io", ".tv", ".co", ".me"),
// without an edition.
func siteOf(a *article.Article) siteCountry {
	for _, raw := range []string{a.CanonicalURL, a.URL} {
		if raw == "" {
			continue
		}
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			continue
		}
		host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
		path := u.Path
		if host == "web.archive.org" {
			// A snapshot: "/web/20160526181643/http://www.example.de/...".
			if k := strings.Index(u.Path, "/http"); k >= 0 {
				if v, err := url.Parse(u.Path[k+1:]); err == nil && v.Host != "" {
					host = strings.TrimSuffix(strings.ToLower(v.Hostname()), ".")
					path = v.Path
				}
			}
		}
		if c := hostCountry(host); c != "" {
			return siteCountry{c, "site: ." + strings.ToLower(c)}
		}
		segs := strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
		if len(segs) > 1 {
			if c := editionOf(segs[0]); c != "" {
				return siteCountry{c, "site edition: /" + segs[0] + "/"}
			}
		}
		return siteCountry{}
	}
	return siteCountry{}
}

// exchangeCountries maps the suffix of a wire service's instrument code
// ("<SIEG.F>", "<HSBA.L>") to the country of its stock exchange. Suffixes
// whose exchange has changed (".S", once Sydney, now Zurich) are left out.
var exchangeCountries = map[string]string{
	"N": "US", "O": "US", "A": "US", "OQ": "US", "L": "GB", "T": "JP", "HK": "HK", "PA": "FR", "AS": "NL",
	"AMS": "NL", "MI": "IT", "F": "DE", "DE": "DE", "TO": "CA", "V": "CA", "AX": "AU", "SI": "SG",
	"KS": "KR", "TW": "TW", "MC": "ES", "BR": "BE", "SW": "CH", "ST": "SE", "OL": "NO", "CO": "DK",
	"HE": "FI", "VI": "AT", "SA": "BR", "MX": "MX", "NS": "IN", "BO": "IN", "SS": "CN", "SZ": "CN",
	"JO": "ZA", "NZ": "NZ", "IS": "TR", "WA": "PL", "LS": "PT", "I": "IE",
}

// fromListing decides by the first stock symbol the title or the text
// gives in angle brackets, the wire services' notation: a symbol of one
// to five capitals without a suffix ("<COKE>") is a New York listing, one
// with a suffix is its exchange's (see exchangeCountries). Like the
// site's domain it says little about the story's place, so it counts only
// when nothing names a place.
func fromListing(a *article.Article, res *Result) bool {
	for _, s := range append([]string{a.Title}, a.Paragraphs...) {
		for i := strings.IndexByte(s, '<'); i >= 0; {
			j := strings.IndexByte(s[i+1:], '>')
			if j < 0 {
				break
			}
			sym := s[i+1 : i+1+j]
			if c := listingCountry(sym); c != "" {
				res.Country = c
				res.Evidence = "listing: <" + sym + ">"
				return true
			}
			k := strings.IndexByte(s[i+1:], '<')
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	return false
}

// tickerAfter reports whether a stock symbol in angle brackets follows
// s[end:] ("Farah <FRA>", "Echo Bay <ECO>"): the name before it is a
// company's, not a place.
func tickerAfter(s string, end int) bool {
	for end < len(s) && s[end] == ' ' {
		end++
	}
	if end >= len(s) || s[end] != '<' {
		return false
	}
	k := strings.IndexByte(s[end:], '>')
	return k > 1 && listingCountry(s[end+1:end+k]) != ""
}

// listingCountry returns the country of a stock symbol's exchange, or ""
// when sym is not a symbol.
func listingCountry(sym string) string {
	code, suffix, dotted := strings.Cut(sym, ".")
	if code == "" || len(code) > 8 {
		return ""
	}
	for i := 0; i < len(code); i++ {
		if c := code[i]; (c < 'A' || c > 'Z') && !isDigit(c) {
			return ""
		}
	}
	if !dotted {
		if len(code) > 5 || isDigit(code[0]) {
			return ""
		}
		return "US"
	}
	return exchangeCountries[suffix]
}

// languageCountries maps a language (the primary subtag of a BCP 47 tag)
// to the one country where most of those who speak it, and most of the
// press that writes in it, are. Languages spread over several countries
// (English, Spanish, Portuguese, Arabic, Chinese, Russian, Malay,
// Swahili...) are not listed.
var languageCountries = map[string]string{
	"de": "DE", "fr": "FR", "it": "IT", "nl": "NL", "pl": "PL", "cs": "CZ", "sk": "SK", "hu": "HU",
	"ro": "RO", "bg": "BG", "hr": "HR", "sl": "SI", "el": "GR", "da": "DK", "sv": "SE", "nb": "NO",
	"nn": "NO", "no": "NO", "fi": "FI", "et": "EE", "lv": "LV", "lt": "LT", "is": "IS", "tr": "TR",
	"uk": "UA", "he": "IL", "fa": "IR", "ja": "JP", "ko": "KR", "th": "TH", "vi": "VN", "id": "ID",
	"ka": "GE", "hy": "AM", "km": "KH", "lo": "LA", "my": "MM", "si": "LK",
}

// fromLanguage decides by the language of the text (see
// languageCountries).
func fromLanguage(a *article.Article, res *Result) bool {
	l := strings.ToLower(a.Language)
	if k := strings.IndexAny(l, "-_"); k >= 0 {
		l = l[:k]
	}
	c := languageCountries[l]
	if c == "" {
		return false
	}
	res.Country = c
	res.Evidence = "language: " + l
	return true
}

// zoneCountries are the countries of the time zones clockZone reads.
var zoneCountries = map[string]string{
	"ET": "US", "EST": "US", "EDT": "US", "CT": "US", "CST": "US", "CDT": "US", "PT": "US", "PST": "US", "PDT": "US",
	"AEST": "AU", "AEDT": "AU", "ACST": "AU", "ACDT": "AU", "AWST": "AU", "NZST": "NZ", "NZDT": "NZ", "JST": "JP", "KST": "KR",
}

// fromZone decides by the time zone the article gives its times in
// ("Updated 8:05AM ET"): like a site's domain, it says where the readers
// are, so it counts only when the text names no place and no region.
func (d *detector) fromZone(a *article.Article, res *Result) bool {
	for _, p := range a.Paragraphs {
		if z := clockZone(p); z != "" {
			res.Country = zoneCountries[z]
			res.Evidence = "site time zone: " + z
			return true
		}
	}
	return false
}

// clockZone returns the first time zone of zoneCountries that s gives a
// time of day in ("8:05AM ET", "9:24 pm PST", "10.30am AEST"), or "".
func clockZone(s string) string {
	for i := 1; i < len(s); i++ {
		if s[i-1] != ' ' || s[i] < 'A' || s[i] > 'Z' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
			j++
		}
		if j-i < 2 || j-i > 4 || j < len(s) && isLetter(s[j]) {
			continue
		}
		z := s[i:j]
		if _, ok := zoneCountries[z]; ok && clockBefore(s[:i-1]) {
			return z
		}
	}
	return ""
}

// clockBefore reports whether s ends with a time of day: "8:05AM",
// "9:24 pm", "10.30a.m.", "9 p.m.", "15:00".
func clockBefore(s string) bool {
	if len(s) > 12 {
		s = s[len(s)-12:]
	}
	t := strings.TrimRight(strings.ToLower(s), ".")
	for _, m := range []string{"a.m", "p.m", "am", "pm"} {
		if strings.HasSuffix(t, m) {
			t = strings.TrimSuffix(t[:len(t)-len(m)], " ")
			return t != "" && isDigit(t[len(t)-1])
		}
	}
	// A 24-hour clock needs its minutes: "15:00 CET", not "2 ET".
	n := len(t)
	return n >= 4 && t[n-3] == ':' && isDigit(t[n-1]) && isDigit(t[n-2]) && isDigit(t[n-4])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// siteCountry is the country of an article's web site, and what says so.
type siteCountry struct {
	code, evidence string
}

// hostCountry returns the country of a host name's country-code suffix,
// or "".
func hostCountry(host string) string {
	k := strings.LastIndexByte(host, '.')
	if k < 0 {
		return ""
	}
	tld := host[k+1:]
	if len(tld) != 2 {
		return ""
	}
	if genericTLDs[tld] {
		j := strings.LastIndexByte(host[:k], '.')
		if j < 0 || !secondLevel[host[j+1:k]] {
			return ""
		}
	}
	if tld == "uk" {
		return "GB"
	}
	code := strings.ToUpper(tld)
	if _, ok := gaz().country(code); !ok {
		return ""
	}
	return code
}

// editionOf returns the country of a site's edition named by the first
// segment of a URL path: a country code ("uk", "au") or a language and a
// country ("en-gb", "en_IN"). An edition says where the readers are, not
// where the story is, so it counts only as the site's country.
func editionOf(seg string) string {
	switch {
	case len(seg) == 2:
	case len(seg) == 5 && (seg[2] == '-' || seg[2] == '_') && isLetter(seg[0]) && isLetter(seg[1]):
		seg = seg[3:]
	default:
		return ""
	}
	if !isLetter(seg[0]) || !isLetter(seg[1]) {
		return ""
	}
	code := strings.ToUpper(seg)
	if code == "UK" {
		return "GB"
	}
	if _, ok := gaz().country(code); !ok {
		return ""
	}
	return code
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// genericTLDs are country codes whose domains are sold and used as generic
// names, so they say nothing about where a site is.
var genericTLDs = map[string]bool{
	"io": true, "tv": true, "co": true, "me": true, "ai": true, "fm": true, "ly": true, "to": true,
	"ws": true, "cc": true, "la": true, "am": true, "nu": true, "tk": true, "sh": true, "ac": true,
	"so": true, "st": true, "gg": true, "im": true, "vc": true, "ms": true, "gl": true, "cx": true,
	"ml": true, "ga": true, "cf": true, "gq": true, "dj": true, "sx": true, "ag": true, "bz": true,
	"re": true,
}

// secondLevel are the second-level labels under which a country registers
// its own sites ("eltiempo.com.co"): under them a generic-looking country
// code is the country's.
var secondLevel = map[string]bool{"com": true, "org": true, "net": true, "gov": true, "edu": true, "co": true, "ac": true, "gob": true, "nic": true}

// place is what a dateline or a piece of metadata names: a country, or
// only a region.
type place struct {
	code, region, surface string
}

// fromDateline applies a dateline ("WASHINGTON, Feb 26", "TORONTO, Ont.",
// "[EUROPE]").
func (d *detector) fromDateline(dl string, res *Result) bool {
	p, ok := d.placeIn(strings.Trim(dl, "[] \t"), false)
	if !ok {
		return false
	}
	res.Evidence = "dateline: " + p.surface
	if p.code != "" {
		res.Country = p.code
	} else {
		d.inRegion(p.region, res)
	}
	return true
}

// fromMeta applies page metadata: the JSON-LD content location, the
// section, the URL path.
func (d *detector) fromMeta(a *article.Article, res *Result) bool {
	var found []place
	var what []string
	if p, ok := d.placeIn(a.Location, false); ok && !d.titleElsewhere(p.code) {
		found, what = append(found, p), append(what, "location "+strings.TrimSpace(a.Location))
	}
	if p, ok := d.placeIn(a.Section, true); ok {
		found, what = append(found, p), append(what, "section "+strings.TrimSpace(a.Section))
	}
	for _, u := range []string{a.URL, a.CanonicalURL} {
		if p, path, ok := d.placeInURL(u); ok {
			found, what = append(found, p), append(what, "url "+path)
			break
		}
	}
	if len(found) == 0 {
		return false
	}
	i := slices.IndexFunc(found, func(p place) bool { return p.code != "" })
	if i >= 0 {
		res.Country = found[i].code
		res.Evidence = "metadata: " + what[i]
		return true
	}
	res.Evidence = "metadata: " + what[0]
	d.inRegion(found[0].region, res)
	return true
}

// titleElsewhere reports whether the title names a country and not code:
// a page's content location then names something else than the story's
// place (the maker of the aircraft shown at an air show in Dessau).
func (d *detector) titleElsewhere(code string) bool {
	if code == "" {
		return false
	}
	other := false
	for i := range d.tallies {
		tl := &d.tallies[i]
		if tl.zones[zTitle] == 0 {
			continue
		}
		if tl.code == code {
			return false
		}
		other = true
	}
	return other
}

// placeIn reads a dateline, a content location or a section name. With
// whole set, every word must be a place or a generic section word
// ("World", "News"), so "Politics" or "Paris Fashion Week" name nothing;
// no postal code counts, nor a town of the generated list whose country
// the text does not name.
func (d *detector) placeIn(s string, whole bool) (place, bool) {
	if s == "" || len(s) > 200 {
		return place{}, false
	}
	t := &d.tk
	t.read(s, d.g, true)
	sc := scanner{g: d.g, t: t, loose: true, first: !whole}
	ms := sc.scan(0, len(t.toks), func(int) zone { return zBody }, d.ms[:0])
	d.ms = ms
	if whole && !covered(t, ms) {
		return place{}, false
	}
	var reg, town place
	for _, m := range ms {
		c, ok := resolve(m.cands, nil)
		if !ok {
			c, ok = d.supported(m.cands)
		}
		if !ok {
			continue
		}
		if whole && (c.kind == kPostal || c.kind == kAbbr) {
			continue // a folder of a URL, not North Dakota: "/nd/"
		}
		if n, _ := d.sup.get(c.code); whole && c.kind == kTown && n == 0 {
			// A section that reads as a town of the generated list
			// counts when the text names the town's country too
			// ("Brookhaven"); else it is a word ("Justicia").
			continue
		}
		switch c.kind {
		case kStop:
		case kRegion:
			if reg.region == "" {
				reg = place{region: c.code, surface: m.surface}
			}
		case kTown:
			// A town of the generated list yields to a state or
			// country named after it: "WESTPORT, Conn.".
			if town.code == "" {
				town = place{code: c.code, surface: datelinePlace(t, m)}
			}
		default:
			return place{code: c.code, surface: datelinePlace(t, m)}, true
		}
	}
	if town.code != "" {
		return town, true
	}
	return reg, reg.region != ""
}

// supported reads an ambiguous name in a dateline or metadata
// ("GEORGETOWN", "CANTON"): as the country among its readings that the
// text names most, if the text names any.
func (d *detector) supported(cs []cand) (cand, bool) {
	best, bestN := cand{}, 0
	for _, c := range cs {
		if c.kind == kStop || c.kind == kRegion {
			continue
		}
		if n, _ := d.sup.get(c.code); n > bestN {
			best, bestN = c, n
		}
	}
	return best, bestN > 0
}

// datelinePlace is the text of a dateline's place for the evidence string:
// from the start of the dateline to the end of the mention.
func datelinePlace(t *tokens, m mention) string {
	end := int(t.toks[m.j-1].end)
	if end < len(t.src) && t.src[end] == '.' {
		end++ // "Conn." keeps its period
	}
	return strings.TrimSpace(t.src[:end])
}

// bare drops a possessive from a surface form: "Canada's" → "Canada".
func bare(s string) string {
	for _, p := range []string{"'s", "’s"} {
		if t, ok := strings.CutSuffix(s, p); ok {
			return t
		}
	}
	return s
}

// covered reports whether every word of t is in a mention or is a generic
// section word or a number.
func covered(t *tokens, ms []mention) bool {
	in := make([]bool, len(t.toks))
	for _, m := range ms {
		for i := m.i; i < m.j; i++ {
			in[i] = true
		}
	}
	for i := range t.toks {
		if in[i] || t.toks[i].is(fDigits) {
			continue
		}
		switch t.norm(i) {
		case "world", "news", "international", "global", "politics", "business", "economy",
			"markets", "finance", "local", "national", "regional", "region", "and", "the",
			"latest", "top", "stories", "home", "section", "intl", "nation":
			continue
		}
		return false
	}
	return len(ms) > 0
}

// placeInURL reads the section folders of a URL path ("/world/asia/",
// "/us-news/", "/news/world-europe-123"). The final segment, usually the
// story's slug, counts only when it is a "world-…" section name.
func (d *detector) placeInURL(raw string) (place, string, bool) {
	if raw == "" {
		return place{}, "", false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Path == "" {
		return place{}, "", false
	}
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	var reg place
	for i, seg := range segs {
		last := i == len(segs)-1
		if last && len(segs) > 1 && !strings.HasPrefix(seg, "world-") {
			break
		}
		if i == 0 && len(segs) > 1 && editionOf(seg) != "" {
			continue // the site's edition: see siteOf
		}
		p, ok := d.placeIn(strings.ReplaceAll(seg, "_", "-"), true)
		if !ok {
			continue
		}
		if p.code != "" {
			return p, u.Path, true
		}
		if reg.region == "" {
			reg = p
		}
	}
	return reg, u.Path, reg.region != ""
}

// splitDateline finds a dateline opening a text — "KUALA LUMPUR —",
// "WASHINGTON, Feb 26 -", "LONDON (Reuters) -", "ISLAMABAD:", "[EUROPE]" — and returns
// its place part and the number of bytes it takes.
func splitDateline(s string) (string, int) {
	head := s
	if len(head) > 120 {
		head = head[:120]
	}
	if strings.HasPrefix(head, "[") {
		if k := strings.IndexByte(head, ']'); k > 1 && k < 40 {
			return head[1:k], k + 1
		}
		return "", 0
	}
	if nl := strings.IndexByte(head, '\n'); nl >= 0 {
		head = head[:nl]
	}
	// Most texts open with no dateline: the place must start with a
	// capital or a digit, and be set in capitals unless an agency tag
	// follows.
	lead := strings.TrimLeft(head, " \t")
	if r, _ := utf8.DecodeRuneInString(lead); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return "", 0
	}
	w := lead
	if k := strings.IndexAny(lead, " ,"); k >= 0 {
		w = lead[:k]
	}
	if !inCapitals(w) && strings.IndexByte(head, '(') < 0 {
		return "", 0
	}
	end, cut := -1, -1
	for _, sep := range []string{" — ", "—", " – ", " -- ", " - ", ".- ", ".– ", ":", "("} {
		if k := strings.Index(head, sep); k > 0 && (end < 0 || k < end) {
			end = k
			cut = k + len(sep)
		}
	}
	if end < 0 {
		return "", 0
	}
	place := strings.TrimSpace(head[:end])
	agency := head[end] == '('
	if agency {
		// "LONDON (Reuters) -", "Berlin (dpa) -", "Santiago, 4 may
		// (EFE).-", "MADRID, 4 (EUROPA PRESS)": an agency's tag, in
		// lower case too ("dpa", "dpa/lhe") when a dash follows.
		k := strings.IndexByte(head[end:], ')')
		name, _, _ := strings.Cut(place, ",") // "Santiago, 4 may": the date may be in lower case
		if k < 2 || k > 25 || !agencyTag(head[end+1:end+k]) || !capitalised(name) {
			return "", 0
		}
		cut = -1
		rest := strings.TrimLeft(head[end+k+1:], " ")
		dot := strings.HasPrefix(rest, ".")
		rest = strings.TrimLeft(strings.TrimPrefix(rest, "."), " ")
		for _, dash := range []string{"—", "–", "--", "-"} {
			if strings.HasPrefix(rest, dash) {
				cut = len(head) - len(rest) + len(dash)
				break
			}
		}
		if cut < 0 && capitalised(head[end+1:end+k]) && (dot || inCapitals(strings.Fields(place)[0])) {
			cut = len(head) - len(rest) // "(EFE). El …", "MADRID, 4 (EUROPA PRESS) El …"
		}
		if cut <= end {
			return "", 0
		}
	}
	if place == "" || len(place) > 60 {
		return "", 0
	}
	// The first word must be in capitals, unless an agency tag follows.
	first := strings.FieldsFunc(place, func(r rune) bool { return r == ' ' || r == ',' })[0]
	if !agency && (strings.ToUpper(first) != first || strings.ToLower(first) == first) {
		return "", 0
	}
	return place, cut
}

// agencyTag reports whether s can be a news agency's tag in a dateline:
// capitalised words ("Reuters", "EUROPA PRESS"), or a short lower-case
// one ("dpa", "dpa/lhe", "epd").
func agencyTag(s string) bool {
	if capitalised(s) {
		return true
	}
	if len(s) < 2 || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '/' {
			return false
		}
	}
	return true
}

// inCapitals reports whether w has a letter in upper case and none in
// lower case.
func inCapitals(w string) bool {
	upper := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper = true
		}
	}
	return upper
}

// capitalised reports whether every word of s starts with an upper-case
// letter or a digit.
func capitalised(s string) bool {
	ws := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return len(ws) > 0 && len(ws) <= 6
}

// countries lists the countries found: primary first, then the others the
// article is also about: named as a country (not only through a city) and
// mentioned at least twice with one in the title or lead, or four times.
// A country named once in passing is not listed.
func (d *detector) countries(primary string) []string {
	var out []string
	if primary != "" {
		out = append(out, primary)
	}
	// Few countries are found: sort the chosen ones by insertion.
	var chosen []*tally
	for i := range d.tallies {
		tl := &d.tallies[i]
		if tl.code == primary || tl.nation == 0 {
			continue
		}
		if tl.named >= 4 || tl.named >= 2 && tl.zones[zTitle]+tl.zones[zLead] > 0 {
			chosen = append(chosen, tl)
			for k := len(chosen) - 1; k > 0 && chosen[k].score > chosen[k-1].score; k-- {
				chosen[k], chosen[k-1] = chosen[k-1], chosen[k]
			}
		}
	}
	for _, tl := range chosen {
		out = append(out, tl.code)
	}
	return out
}
