package region_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
)

// FuzzDetect checks that Detect never panics and always answers within the
// taxonomy: a known country or none, the primary first in Countries, no
// country twice, and evidence whenever a place was found.
func FuzzDetect(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add("", "", "", string(b))
	}
	f.Add("KUALA LUMPUR", "World/Asia", "https://x.example/world/asia/a-b-c", "Malaysia's bank held rates.")
	f.Add("WESTPORT, Conn., March 3", "", "", "Shr 10 cts vs eight cts")
	f.Add("", "", "", "[EUROPE] ministers met")
	f.Add("", "", "", "LONDON (Reuters) - ")
	f.Add(",,,", "/", "::", "U.S.-Japan, N.J., St. Louis' 's ’s — –")
	known := region.Countries()
	tax := region.Default()
	order := tax.Order()
	f.Fuzz(func(t *testing.T, dateline, section, url, text string) {
		a := &article.Article{Title: text[:len(text)/3], Dateline: dateline, Section: section, URL: url, Location: section}
		a.Paragraphs = strings.Split(text, "\n\n")
		got := region.Detect(a, tax)
		if !slices.Contains(order, got.Region) {
			t.Fatalf("Region %q not in the taxonomy", got.Region)
		}
		if got.Country != "" {
			if !slices.Contains(known, got.Country) {
				t.Fatalf("Country %q is unknown", got.Country)
			}
			if len(got.Countries) == 0 || got.Countries[0] != got.Country {
				t.Fatalf("Countries %v does not start with %q", got.Countries, got.Country)
			}
			if got.Evidence == "" {
				t.Fatalf("Country %q without evidence", got.Country)
			}
		}
		seen := map[string]bool{}
		for _, c := range got.Countries {
			if seen[c] || !slices.Contains(known, c) {
				t.Fatalf("Countries %v: %q repeated or unknown", got.Countries, c)
			}
			seen[c] = true
		}
		if utf8.ValidString(text+dateline+section+url) && !utf8.ValidString(got.Evidence) {
			t.Fatalf("Evidence %q is not valid UTF-8", got.Evidence)
		}
	})
}
