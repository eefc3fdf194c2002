package briefing_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
)

// storyIDs returns, per section, "id+merged ids" for every story.
func storyIDs(b *briefing.Briefing) map[string][]string {
	out := map[string][]string{}
	for _, s := range b.Sections {
		for _, st := range s.Stories {
			id := st.Article.ID
			for _, o := range st.AlsoReportedBy {
				id += " +" + o.Name()
			}
			out[s.Name] = append(out[s.Name], id)
		}
	}
	return out
}

func TestBuildMergesRewrites(t *testing.T) {
	b := briefing.Build(briefingtest.Entries(), nil, briefing.Options{})
	got := storyIDs(b)
	want := map[string][]string{
		"Europe": {
			"harbour-strike +Continental Wire +Lowlands Daily",
			"harbour-volumes",
			"wire-antwerp",
		},
		"Americas":     {"planalto-tax"},
		"Asia-Pacific": {"pacific-exports +Straits Observer"},
		"Africa":       {"ledger-cbk"},
		"Global":       {"polar-ice"},
	}
	for name, w := range want {
		if !slices.Equal(got[name], w) {
			t.Errorf("section %s = %q, want %q", name, got[name], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("sections = %v, want %d sections", got, len(want))
	}
	var names []string
	for _, s := range b.Sections {
		names = append(names, s.Name)
	}
	if want := []string{"Europe", "Americas", "Asia-Pacific", "Africa", "Global"}; !slices.Equal(names, want) {
		t.Errorf("section order = %q, want %q", names, want)
	}
	st := b.Sections[0].Stories[0]
	if len(st.AlsoReportedBy) != 2 {
		t.Fatalf("strike story also reported by %d sources, want 2", len(st.AlsoReportedBy))
	}
	if got, want := st.AlsoReportedBy[0].URL, "https://continentalwire.example/europe/strike-shuts-container-terminals-in-rotterdam-as-union-presses-pay-demand-idUSKBN2026112401"; got != want {
		t.Errorf("also reported by URL = %q, want %q", got, want)
	}
}

func TestBuildIsOrderIndependent(t *testing.T) {
	es := briefingtest.Entries()
	want := storyIDs(briefing.Build(es, nil, briefing.Options{}))
	slices.Reverse(es)
	got := storyIDs(briefing.Build(es, nil, briefing.Options{}))
	for name := range want {
		if !slices.Equal(got[name], want[name]) {
			t.Errorf("reversed input: section %s = %q, want %q", name, got[name], want[name])
		}
	}
}

func TestBuildGlance(t *testing.T) {
	b := briefing.Build(briefingtest.Entries(), []briefing.Skipped{{Source: "missing.html", Reason: "open missing.html: no such file"}}, briefing.Options{})
	g := b.Glance
	if g.Articles != 10 || g.Stories != 7 || g.Skipped != 1 {
		t.Errorf("glance counts = %d articles, %d stories, %d skipped; want 10, 7, 1", g.Articles, g.Stories, g.Skipped)
	}
	var regions []string
	for _, r := range g.Regions {
		var cs []string
		for _, c := range r.Countries {
			cs = append(cs, fmt.Sprintf("%s %d", c.Code, c.Stories))
		}
		regions = append(regions, fmt.Sprintf("%s %d %v", r.Name, r.Stories, cs))
	}
	wantRegions := []string{"Europe 3 [NL 2 BE 1]", "Americas 1 [BR 1]", "Asia-Pacific 1 [JP 1]", "Africa 1 [KE 1]", "Global 1 []"}
	if !slices.Equal(regions, wantRegions) {
		t.Errorf("glance regions = %q, want %q", regions, wantRegions)
	}
	var top []string
	for i, ts := range g.Top {
		st := b.Sections[ts.SectionIndex].Stories[ts.StoryIndex]
		if st.Article.Title != ts.Title || b.Sections[ts.SectionIndex].Name != ts.Section {
			t.Errorf("top story %q points at %q in %s", ts.Title, st.Article.Title, b.Sections[ts.SectionIndex].Name)
		}
		if ts.SectionIndex != i || ts.StoryIndex != 0 {
			t.Errorf("top story %d is story %d of section %d, want the first of section %d", i, ts.StoryIndex, ts.SectionIndex, i)
		}
		if ts.Lead != st.Digest.Takeaways[0] {
			t.Errorf("top story %q lead = %q, want its first takeaway", ts.Title, ts.Lead)
		}
		top = append(top, st.Article.ID)
	}
	// One per section, in section order.
	if want := []string{"harbour-strike", "planalto-tax", "pacific-exports", "ledger-cbk", "polar-ice"}; !slices.Equal(top, want) {
		t.Errorf("top stories = %q, want %q", top, want)
	}
}

// TestBuildSalience checks the documented score: a story with figures and
// officials, or placed first on its source's page, outranks a newer soft
// one with more quotes.
func TestBuildSalience(t *testing.T) {
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	hard := briefing.Entry{
		Article: &article.Article{ID: "hard", Title: "Finance minister cuts growth forecast to 1.2%", Published: day.Add(8 * time.Hour), Section: "Business"},
		Digest: &summarize.Digest{Country: "FR", Takeaways: []string{
			"The finance minister cut the growth forecast to 1.2% from 1.8%.", "The central bank warned of a 40 billion euro gap."}},
	}
	soft := briefing.Entry{
		Article: &article.Article{ID: "soft", Title: "Street in old town renamed after local poet", Published: day.Add(11 * time.Hour), Section: "Culture"},
		Digest: &summarize.Digest{Country: "FR", Takeaways: []string{"A street in the old town now bears the poet's name."},
			Quotes: []summarize.Quote{{Text: "She loved this street.", Speaker: "A neighbour"}, {Text: "It is an honour.", Speaker: "Her niece"}, {Text: "We are proud.", Speaker: "A shopkeeper"}}},
	}
	plain := briefing.Entry{
		Article: &article.Article{ID: "plain", Title: "Regional trains to run later on weekends", Published: day.Add(7 * time.Hour)},
		Digest:  &summarize.Digest{Country: "FR", Takeaways: []string{"Regional trains will run later on weekends from next month."}},
	}
	order := func(es ...briefing.Entry) []string {
		var ids []string
		for _, st := range briefing.Build(es, nil, briefing.Options{}).Sections[0].Stories {
			ids = append(ids, st.Article.ID)
		}
		return ids
	}
	if got, want := order(soft, plain, hard), []string{"hard", "plain", "soft"}; !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
	// First on its source's page lifts the plain story above the hard one.
	plain.Rank = 1
	if got, want := order(soft, plain, hard), []string{"plain", "hard", "soft"}; !slices.Equal(got, want) {
		t.Errorf("with plain ranked first: order = %q, want %q", got, want)
	}
}

func TestBuildSections(t *testing.T) {
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	titles := map[string]string{"a": "Harvest festival draws record crowds", "b": "Parliament debates fishing quotas"}
	entry := func(id, country, reg string, hour int) briefing.Entry {
		return briefing.Entry{
			Article: &article.Article{ID: id, Title: titles[id], Published: day.Add(time.Duration(hour) * time.Hour)},
			Digest:  &summarize.Digest{Country: country, Region: reg},
		}
	}
	focus := region.Default()
	focus.Focus = []string{"JP"}
	tests := []struct {
		name    string
		entries []briefing.Entry
		tax     *region.Taxonomy
		want    map[string][]string
	}{
		{"newest first", []briefing.Entry{entry("a", "FR", "Europe", 1), entry("b", "DE", "Europe", 5)}, nil,
			map[string][]string{"Europe": {"b", "a"}}},
		{"unknown region is global", []briefing.Entry{entry("a", "", "Atlantis", 1), entry("b", "", "", 2)}, nil,
			map[string][]string{"Global": {"b", "a"}}},
		{"country decides over region", []briefing.Entry{entry("a", "KE", "Europe", 1)}, nil,
			map[string][]string{"Africa": {"a"}}},
		{"focus country first", []briefing.Entry{entry("a", "CN", "Asia-Pacific", 1), entry("b", "JP", "Asia-Pacific", 2)}, focus,
			map[string][]string{"Japan": {"b"}, "Asia-Pacific": {"a"}}},
		{"nil article and digest", []briefing.Entry{{}}, nil,
			map[string][]string{"Global": {""}}},
		{"same page twice", []briefing.Entry{
			{Article: &article.Article{ID: "x", URL: "https://a.example/x", Title: "Dam opens", Paragraphs: []string{"The new dam on the river opened on Monday after nine years of building work and a long dispute over its cost."}}, Digest: &summarize.Digest{}},
			{Article: &article.Article{ID: "y", URL: "https://a.example/x", Title: "Dam opens", Paragraphs: []string{"The new dam on the river opened on Monday after nine years of building work and a long dispute over its cost."}}, Digest: &summarize.Digest{}},
		}, nil, map[string][]string{"Global": {"x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := briefing.Build(tt.entries, nil, briefing.Options{Taxonomy: tt.tax})
			got := storyIDs(b)
			if len(got) != len(tt.want) {
				t.Errorf("sections = %q, want %q", got, tt.want)
			}
			for name, w := range tt.want {
				if !slices.Equal(got[name], w) {
					t.Errorf("section %s = %q, want %q", name, got[name], w)
				}
			}
			if tt.tax != nil && b.Sections[0].Name != "Japan" {
				t.Errorf("first section = %q, want the focus country", b.Sections[0].Name)
			}
		})
	}
}

func TestBuildEmpty(t *testing.T) {
	b := briefing.Build(nil, nil, briefing.Options{})
	if b.Title != "Daily briefing" || b.Sections == nil || b.Skipped == nil || b.Glance.Top == nil {
		t.Errorf("Build(nil) = %+v, want default title and empty, non-nil lists", b)
	}
}

func TestQuoted(t *testing.T) {
	tests := []struct {
		q    summarize.Quote
		want string
	}{
		{summarize.Quote{Text: "We will not back down", Kind: "direct"}, "“We will not back down”"},
		{summarize.Quote{Text: " Plain, kind unknown "}, "“Plain, kind unknown”"},
		{summarize.Quote{Text: "“Already quoted,” she said", Kind: "direct"}, "“Already quoted,” she said"},
		{summarize.Quote{Text: "«Nous restons»", Kind: "direct"}, "«Nous restons»"},
		{summarize.Quote{Text: "that spending had moved “off the books”", Kind: "mixed"}, "that spending had moved “off the books”"},
		{summarize.Quote{Text: "the deal was fair", Kind: "reported"}, "the deal was fair"},
		{summarize.Quote{}, ""},
	}
	for _, tt := range tests {
		if got := briefing.Quoted(tt.q); got != tt.want {
			t.Errorf("Quoted(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestStoryMeta(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip(err)
	}
	pub := time.Date(2026, 11, 24, 7, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		a    *article.Article
		loc  *time.Location
		want string
	}{
		{"all parts", &article.Article{Site: "Harbour Herald", Published: pub, Byline: "Anna Visser"}, nil, "Harbour Herald · 24 Nov 2026 07:30 UTC · Anna Visser"},
		{"in the briefing's zone", &article.Article{Site: "Harbour Herald", Published: pub}, berlin, "Harbour Herald · 24 Nov 2026 08:30 CET"},
		{"date only stays put", &article.Article{Site: "H", Published: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}, berlin, "H · 24 Nov 2026"},
		{"site from the link", &article.Article{URL: "https://www.harbour.example/x"}, nil, "harbour.example"},
		{"nothing known", &article.Article{}, nil, ""},
		{"no article", nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (briefing.Story{Article: tt.a}).Meta(tt.loc); got != tt.want {
				t.Errorf("Meta = %q, want %q", got, tt.want)
			}
		})
	}
}
