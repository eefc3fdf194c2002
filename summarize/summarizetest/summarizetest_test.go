package summarizetest_test

import (
	"testing"

	"github.com/brief-news/brief/summarize"
	_ "github.com/brief-news/brief/summarize/extractive"
	"github.com/brief-news/brief/summarize/summarizetest"
)

// TestExtractiveConformance holds the offline default to the suite, and
// checks the suite itself on a backend that needs no fake.
func TestExtractiveConformance(t *testing.T) {
	s, err := summarize.Open("extractive", summarize.Config{MaxQuotes: 3})
	if err != nil {
		t.Fatal(err)
	}
	summarizetest.Run(t, s, summarizetest.Options{Deterministic: true})
}

func TestCandidates(t *testing.T) {
	a := summarizetest.Articles()[0]
	got := summarizetest.Candidates(a)
	if len(got) != 2 || got[0].Speaker != "Amina Wanjiru" || got[0].Paragraph != 2 || got[1].Speaker != "Peter Odhiambo" {
		t.Errorf("Candidates(%s) = %+v, want Amina Wanjiru's (P3) and Peter Odhiambo's", a.ID, got)
	}
	if inj := summarizetest.Candidates(summarizetest.Articles()[2]); len(inj) != 1 {
		t.Errorf("Candidates(injection) = %+v, want only the governor's quote", inj)
	}
}
