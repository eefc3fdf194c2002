package region

import (
	"strings"

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
// TODO(region issue): full gazetteer and evidence ladder.
func Detect(a *article.Article, t *Taxonomy) Result {
	if t == nil {
		t = Default()
	}
	text := a.Dateline + " " + a.Title + " " + a.Text()
	var found []string
	for _, c := range countries {
		if strings.Contains(text, c.name) {
			found = append(found, c.code)
		}
	}
	res := Result{Region: Global, Countries: found}
	if len(found) > 0 {
		res.Country = found[0]
		res.Evidence = "body: " + CountryName(found[0])
		if r := t.RegionOf(found[0]); r != "" {
			res.Region = r
		}
	}
	return res
}

type country struct{ code, name, region string }

// countries is a placeholder table until the gazetteer lands.
var countries = []country{
	{"US", "United States", "Americas"}, {"GB", "United Kingdom", "Europe"},
	{"FR", "France", "Europe"}, {"DE", "Germany", "Europe"}, {"MY", "Malaysia", "Asia-Pacific"},
	{"CN", "China", "Asia-Pacific"}, {"JP", "Japan", "Asia-Pacific"}, {"KE", "Kenya", "Africa"},
	{"NG", "Nigeria", "Africa"}, {"IL", "Israel", "Middle East"}, {"IR", "Iran", "Middle East"},
	{"BR", "Brazil", "Americas"}, {"SG", "Singapore", "Asia-Pacific"},
}

// CountryName returns the English short name for an alpha-2 code, or the
// code itself when unknown.
func CountryName(code string) string {
	for _, c := range countries {
		if c.code == code {
			return c.name
		}
	}
	return code
}

// Default returns the default five-region taxonomy: Europe, Americas,
// Asia-Pacific, Middle East, Africa.
func Default() *Taxonomy {
	t := &Taxonomy{}
	for _, name := range []string{"Europe", "Americas", "Asia-Pacific", "Middle East", "Africa"} {
		s := Section{Name: name}
		for _, c := range countries {
			if c.region == name {
				s.Countries = append(s.Countries, c.code)
			}
		}
		t.Sections = append(t.Sections, s)
	}
	return t
}
