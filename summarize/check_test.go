package summarize_test

import (
	"context"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// fakeBackend returns a canned digest, the way a model might answer.
type fakeBackend struct{ quotes []summarize.Quote }

func (f fakeBackend) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	qs := append([]summarize.Quote(nil), f.quotes...)
	return &summarize.Digest{Takeaways: []string{"A takeaway."}, Quotes: qs, Backend: "fake"}, nil
}

var _ summarize.Summarizer = fakeBackend{}

// checkArticle is written for these tests.
func checkArticle() *article.Article {
	return &article.Article{
		Title: "Harbour towns brace for a stormy winter",
		Paragraphs: []string{
			"Mike O’Sullivan, a geopolitical analyst, suggests the harbour towns are not ready. “The sea walls were built for a different century,” he said.",
			"Dr. Sarah Johnson, a professor of International Relations, disagreed. “We have time to adapt — but only if the money arrives this year,” she said on Tuesday.",
			"O’Sullivan further adds that insurers are already pulling out of the coast.",
			"The port authority said it would publish its own figures next month.",
		},
	}
}

func TestCheckedQuotes(t *testing.T) {
	for _, tt := range []struct {
		name        string
		in          summarize.Quote
		wantKept    bool
		wantText    string // when kept; "" means unchanged
		wantRole    string
		wantStatus  string
		wantWarning string // a prefix of one warning; "" means none
	}{
		{
			name:       "verbatim with curly marks folded",
			in:         summarize.Quote{Text: `"The sea walls were built for a different century"`, Speaker: "Mike O'Sullivan", Role: "a geopolitical analyst"},
			wantKept:   true,
			wantRole:   "a geopolitical analyst",
			wantStatus: "verified",
		},
		{
			name:       "ellipsis joins fragments in order",
			in:         summarize.Quote{Text: "We have time to adapt … this year", Speaker: "Sarah Johnson"},
			wantKept:   true,
			wantStatus: "verified",
		},
		{
			name:        "fragments out of order are dropped",
			in:          summarize.Quote{Text: "this year … We have time to adapt", Speaker: "Sarah Johnson"},
			wantWarning: "quote_dropped:",
		},
		{
			name:        "paraphrase is dropped",
			in:          summarize.Quote{Text: "The coastal defences are obsolete and need replacing", Speaker: "Mike O’Sullivan"},
			wantWarning: "quote_dropped:",
		},
		{
			name:        "wrong speaker is dropped",
			in:          summarize.Quote{Text: "The sea walls were built for a different century", Speaker: "John Smith"},
			wantWarning: "quote_dropped:",
		},
		{
			name:        "made-up role is dropped, quote kept",
			in:          summarize.Quote{Text: "The sea walls were built for a different century", Speaker: "Mike O’Sullivan", Role: "chief economist at the World Bank"},
			wantKept:    true,
			wantStatus:  "verified",
			wantWarning: "role_dropped:",
		},
		{
			name:        "role of another speaker is dropped",
			in:          summarize.Quote{Text: "The sea walls were built for a different century", Speaker: "Mike O’Sullivan", Role: "a professor of International Relations"},
			wantKept:    true,
			wantStatus:  "verified",
			wantWarning: "role_dropped:",
		},
		{
			name:       "near match is repaired to the source span",
			in:         summarize.Quote{Text: "We have the time to adapt, but only if money arrives this year", Speaker: "Sarah Johnson", Role: "a professor of International Relations"},
			wantKept:   true,
			wantText:   "We have time to adapt — but only if the money arrives this year",
			wantRole:   "a professor of International Relations",
			wantStatus: "repaired",
		},
		{
			name:       "role kept across a later mention",
			in:         summarize.Quote{Text: "insurers are already pulling out of the coast", Speaker: "O’Sullivan", Role: "a geopolitical analyst"},
			wantKept:   true,
			wantRole:   "a geopolitical analyst",
			wantStatus: "verified",
		},
		{
			name:        "empty text is dropped",
			in:          summarize.Quote{Text: " “” ", Speaker: "Sarah Johnson"},
			wantWarning: "quote_dropped:",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := summarize.Checked(fakeBackend{quotes: []summarize.Quote{tt.in}}, summarize.Config{})
			d, err := s.Summarize(context.Background(), checkArticle())
			if err != nil {
				t.Fatalf("Summarize: %v", err)
			}
			if got := len(d.Quotes) == 1; got != tt.wantKept {
				t.Fatalf("kept = %v, want %v (quotes %+v, warnings %q)", got, tt.wantKept, d.Quotes, d.Warnings)
			}
			if tt.wantKept {
				q := d.Quotes[0]
				want := tt.wantText
				if want == "" {
					want = tt.in.Text
				}
				if q.Text != want {
					t.Errorf("text = %q, want %q", q.Text, want)
				}
				if q.Role != tt.wantRole {
					t.Errorf("role = %q, want %q", q.Role, tt.wantRole)
				}
				if q.Status != tt.wantStatus {
					t.Errorf("status = %q, want %q", q.Status, tt.wantStatus)
				}
			}
			found := false
			for _, w := range d.Warnings {
				if tt.wantWarning != "" && strings.HasPrefix(w.String(), tt.wantWarning) {
					found = true
				}
			}
			if tt.wantWarning == "" && len(d.Warnings) > 0 {
				t.Errorf("warnings = %q, want none", d.Warnings)
			}
			if tt.wantWarning != "" && !found {
				t.Errorf("warnings = %q, want one starting %q", d.Warnings, tt.wantWarning)
			}
		})
	}
}

// TestCheckedFakeModel runs one digest with the three typical model
// faults together: each is dropped or corrected, and counted.
func TestCheckedFakeModel(t *testing.T) {
	s := summarize.Checked(fakeBackend{quotes: []summarize.Quote{
		{Text: "Harbour towns are simply unprepared for what is coming", Speaker: "Mike O’Sullivan"},                              // paraphrase
		{Text: "The sea walls were built for a different century", Speaker: "Admiral Jane Doe"},                                   // wrong speaker
		{Text: "The sea walls were built for a different century", Speaker: "Mike O’Sullivan", Role: "a former defence minister"}, // made-up role
	}}, summarize.Config{})
	d, err := s.Summarize(context.Background(), checkArticle())
	if err != nil {
		t.Fatalf("Summarize: %v", err)
	}
	if len(d.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(d.Quotes), d.Quotes)
	}
	if got := d.Quotes[0]; got.Role != "" || got.Speaker != "Mike O’Sullivan" {
		t.Errorf("kept quote = %+v, want O’Sullivan without the made-up role", got)
	}
	dropped := 0
	for _, w := range d.Warnings {
		if w.Code == summarize.WarnQuoteDropped {
			dropped++
		}
	}
	if dropped != 2 {
		t.Errorf("quote_dropped warnings = %d, want 2: %q", dropped, d.Warnings)
	}
}

func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"“It’s  done,” she said.", `it's done," she said`},
		{"«Non» — dit-il", `non" - dit-il`},
		{"  ", ""},
	} {
		if got := summarize.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
