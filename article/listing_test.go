package article_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

// listingPage builds a page whose own story is followed by the next
// stories of its section, each a whole <article>, the way pages that
// load more stories as the reader scrolls are saved.
func listingPage(stories ...string) string {
	var b strings.Builder
	b.WriteString("<html><head><title>Stadtrat beschließt neue Radwege</title></head><body><main><div class=\"list\">")
	for i, s := range stories {
		fmt.Fprintf(&b, "<article class=\"list__item\" id=\"story-%d\"><h2>Story %d</h2>", i, i)
		for k := 0; k < 14; k++ {
			fmt.Fprintf(&b, "<p>%s Der Abschnitt %d beschreibt ausführlich, was die Beteiligten dazu sagen, und nennt die Zahlen, die der Bericht enthält.</p>", s, k)
		}
		b.WriteString("</article>")
	}
	b.WriteString("</div></main></body></html>")
	return b.String()
}

// TestExtractListing checks that a page holding several whole stories,
// one <article> each, yields its own (the first) story only, and that a
// page with one <article> keeps all of it.
func TestExtractListing(t *testing.T) {
	for _, tt := range []struct {
		name     string
		stories  []string
		want     string
		wantNone string
	}{
		{
			name:     "three stories: the first is the page's own",
			stories:  []string{"Der Stadtrat hat am Dienstag neue Radwege beschlossen.", "Die Feuerwehr übt am Hafen.", "Das Museum öffnet wieder."},
			want:     "Radwege",
			wantNone: "Feuerwehr",
		},
		{
			name:    "one story: kept whole",
			stories: []string{"Der Stadtrat hat am Dienstag neue Radwege beschlossen."},
			want:    "Abschnitt 13",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := article.Extract(strings.NewReader(listingPage(tt.stories...)), nil)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			text := a.Text()
			if !strings.Contains(text, tt.want) {
				t.Errorf("Extract text = %q, want it to hold %q", text, tt.want)
			}
			if tt.wantNone != "" && strings.Contains(text, tt.wantNone) {
				t.Errorf("Extract text = %q, want no %q (a later story)", text, tt.wantNone)
			}
		})
	}
}
