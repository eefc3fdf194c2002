package llm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

func groundArticle() *article.Article {
	return &article.Article{
		Title: "Kenya widens Mombasa port",
		Paragraphs: []string{
			"Kenya will spend 42 billion shillings to add two berths at Mombasa, the port authority said on Tuesday.",
			"The berths take ships of up to 14,000 containers and should open in 2028, said Amina Wanjiru of the KPA.",
			"Output rose 17 percent.",
		},
	}
}

func TestGround(t *testing.T) {
	for _, tt := range []struct {
		takeaway string
		keep     bool
	}{
		{"Kenya will spend 42 billion shillings on two berths at Mombasa.", true},
		{"Kenya will spend 42bn shillings on the port.", true},
		{"The Kenyan berths open in 2028 and take 14000 containers.", true},
		{"Output rose 17%, the KPA said.", true},
		{"Kenya will spend 43 billion shillings on the port.", false},
		{"The berths open in 2029.", false},
		{"Kenya's plan was praised by Jonathan Wrongperson.", false},
		{"Tanzania's port lost traffic to Mombasa.", false},
	} {
		d := &summarize.Digest{Takeaways: []string{tt.takeaway}}
		llm.Ground(groundArticle(), d, false)
		if kept := len(d.Takeaways) == 1; kept != tt.keep {
			t.Errorf("Ground(%q) kept = %v, want %v (warnings %q)", tt.takeaway, kept, tt.keep, d.Warnings)
		}
		if !tt.keep && !d.Has(summarize.WarnTakeawayUngrounded) {
			t.Errorf("Ground(%q) dropped it without a takeaway_ungrounded warning", tt.takeaway)
		}
	}
	d := &summarize.Digest{Takeaways: []string{"The berths open in 2029."}}
	llm.Ground(groundArticle(), d, true)
	if len(d.Takeaways) != 1 || d.Takeaways[0] != "The berths open in 2029. [unverified: 2029]" {
		t.Errorf("Ground(keep) = %q, want the takeaway marked", d.Takeaways)
	}
}

// TestCallerStops: after a failure no request gets past, the caller
// sends nothing more.
func TestCallerStops(t *testing.T) {
	c := &llm.Caller{}
	sent := 0
	send := func(context.Context) (summarize.Usage, error) {
		sent++
		return summarize.Usage{}, &llm.ModelError{Status: 404, Err: errors.New("no such model")}
	}
	for range 3 {
		if _, err := c.Call(context.Background(), llm.Estimate{}, send); !errors.Is(err, summarize.ErrUnusable) {
			t.Fatalf("Call = %v, want an unusable-backend error", err)
		}
	}
	if sent != 1 {
		t.Errorf("sent %d requests, want 1", sent)
	}
}
