package region_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/devdata"
	"github.com/brief-news/brief/region"
)

// TestAcceptancePages measures Detect on the project's real-page acceptance
// set: pages of the shared webpages set (not in this repository), with the
// country and region that careful readers gave each one
// (testdata/acceptance.jsonl: id, language, country, region; "" and Global
// when the story is about no one country). It logs the figures per
// language and fails when they fall below the floors, which are a little
// under the figures measured when they were set. It is skipped when the
// shared data is absent.
func TestAcceptancePages(t *testing.T) {
	const regionFloor, countryFloor = 0.945, 0.93 // measured 0.948 and 0.935 on 154 pages (0.971 and 0.971 on the first 102)
	f, err := os.Open("testdata/acceptance.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type gold struct{ ID, Language, Country, Region string }
	var golds []gold
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g gold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("acceptance.jsonl: %v", err)
		}
		golds = append(golds, g)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	web, ext := devdata.Path(t, "webpages/html"), devdata.Path(t, "extraction/html")
	type score struct{ pages, region, country int }
	by := map[string]*score{"all": {}}
	for _, g := range golds {
		dir := web
		if len(g.ID) == 64 { // an English page of the extraction set
			dir = ext
		}
		a := loadPage(t, dir+"/"+g.ID+".html.gz")
		got := region.Detect(a, nil)
		for _, k := range []string{"all", g.Language} {
			s := by[k]
			if s == nil {
				s = &score{}
				by[k] = s
			}
			s.pages++
			if got.Region == g.Region {
				s.region++
			}
			if got.Country == g.Country {
				s.country++
			}
		}
		if got.Country != g.Country || got.Region != g.Region {
			t.Logf("%s (%s): got %q %s (%s), want %q %s", g.ID, g.Language, got.Country, got.Region, got.Evidence, g.Country, g.Region)
		}
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := by[k]
		t.Logf("%-4s pages %2d region %.3f country %.3f", k, s.pages, float64(s.region)/float64(s.pages), float64(s.country)/float64(s.pages))
	}
	all := by["all"]
	if r, c := float64(all.region)/float64(all.pages), float64(all.country)/float64(all.pages); r < regionFloor || c < countryFloor {
		t.Errorf("acceptance pages: region %.3f country %.3f, want at least %.2f and %.2f", r, c, regionFloor, countryFloor)
	}
}

func loadPage(tb testing.TB, path string) *article.Article {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("acceptance page: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("page %s: %v", path, err)
	}
	a, err := article.Extract(z, nil)
	if err != nil {
		tb.Fatalf("page %s: %v", path, err)
	}
	return a
}
