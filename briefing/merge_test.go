package briefing_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
)

// TestBuildKeepsNewFacts checks that a merged story keeps, under each
// other source, the takeaways only that source reports and nothing the
// shown digest already says.
func TestBuildKeepsNewFacts(t *testing.T) {
	b := briefing.Build(briefingtest.Entries(), nil, briefing.Options{})
	find := func(id string) briefing.Story {
		t.Helper()
		for _, sec := range b.Sections {
			for _, st := range sec.Stories {
				if st.Article.ID == id {
					return st
				}
			}
		}
		t.Fatalf("no story %s", id)
		return briefing.Story{}
	}
	tests := []struct {
		story, source string
		want          []string // takeaways kept, by a word they hold
	}{
		// Only the wire reports the union's demands.
		{"harbour-strike", "Continental Wire", []string{"7% wage increase"}},
		// Lowlands Daily repeats the 37 ships and the two-day strike.
		{"harbour-strike", "Lowlands Daily", nil},
		// Only the Straits Observer reports the yen.
		{"pacific-exports", "Straits Observer", []string{"yen"}},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			st := find(tt.story)
			i := slices.IndexFunc(st.AlsoReportedBy, func(s briefing.Source) bool { return s.Name() == tt.source })
			if i < 0 {
				t.Fatalf("story %s not also reported by %s: %+v", tt.story, tt.source, st.AlsoReportedBy)
			}
			got := st.AlsoReportedBy[i].Takeaways
			if len(got) != len(tt.want) {
				t.Fatalf("%s adds %q, want %d takeaways holding %q", tt.source, got, len(tt.want), tt.want)
			}
			for j, w := range tt.want {
				if !strings.Contains(got[j], w) {
					t.Errorf("%s adds %q, want one holding %q", tt.source, got[j], w)
				}
			}
			for _, g := range got {
				if slices.Contains(st.Digest.Takeaways, g) {
					t.Errorf("%s repeats the shown takeaway %q", tt.source, g)
				}
			}
		})
	}
}

// TestBuildKeepsNewSpeakers checks that a merged source's quote is kept
// when its speaker is new, and dropped when the story already quotes
// them.
func TestBuildKeepsNewSpeakers(t *testing.T) {
	es := briefingtest.Entries()
	b := briefing.Build(es, nil, briefing.Options{})
	st := b.Sections[0].Stories[0]
	if st.Article.ID != "harbour-strike" {
		t.Fatalf("first story = %s, want harbour-strike", st.Article.ID)
	}
	shown := map[string]bool{}
	for _, q := range st.Digest.Quotes {
		shown[q.Speaker] = true
	}
	var wire *briefing.Source
	for i := range st.AlsoReportedBy {
		if st.AlsoReportedBy[i].Name() == "Continental Wire" {
			wire = &st.AlsoReportedBy[i]
		}
	}
	if wire == nil {
		t.Fatal("strike story lacks Continental Wire")
	}
	var wireEntry briefing.Entry
	for _, e := range es {
		if e.Article.Site == "Continental Wire" && strings.Contains(e.Article.Title, "Rotterdam as union") {
			wireEntry = e
		}
	}
	q := wireEntry.Digest.Quotes[0]
	if shown[q.Speaker] {
		if len(wire.Quotes) != 0 {
			t.Errorf("quote of %s, already quoted, repeated: %+v", q.Speaker, wire.Quotes)
		}
	} else if len(wire.Quotes) != 1 || wire.Quotes[0].Text != q.Text {
		t.Errorf("wire quotes = %+v, want the quote of new speaker %s", wire.Quotes, q.Speaker)
	}
	// The same quote under a speaker already shown is dropped.
	wireEntry.Digest.Quotes[0].Speaker = st.Digest.Quotes[0].Speaker
	b = briefing.Build(es, nil, briefing.Options{})
	for _, s := range b.Sections[0].Stories[0].AlsoReportedBy {
		if len(s.Quotes) != 0 {
			t.Errorf("%s repeats speaker %s: %+v", s.Name(), st.Digest.Quotes[0].Speaker, s.Quotes)
		}
	}
}
