package extractive_test

import (
	"testing"

	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/extractive"
)

func TestSelect(t *testing.T) {
	qs := []summarize.Quote{
		{Text: "Yes", Speaker: "Ann Lee", Kind: "direct", Confidence: 0.95},                                                                            // 0: short
		{Text: "The sea walls were built for a different century", Speaker: "a spokesman", Kind: "direct", Confidence: 0.8},                            // 1: undescribed speaker
		{Text: "We have time to adapt but only if the money arrives", Speaker: "Sarah Johnson", Role: "a professor", Kind: "direct", Confidence: 0.95}, // 2
		{Text: "Insurers are already pulling out of the coast", Speaker: "Mike O’Sullivan", Role: "an analyst", Kind: "reported", Confidence: 0.95},    // 3: reported
		{Text: "The money must arrive this year or not at all", Speaker: "Dr. Sarah Johnson", Role: "a professor", Kind: "direct", Confidence: 0.85},   // 4: same speaker as 2
		{Text: "Nobody has paid to raise the harbour walls yet", Speaker: "Mike O’Sullivan", Role: "an analyst", Kind: "direct", Confidence: 0.95},     // 5
		{Text: "The harbour will flood before the walls are raised", Speaker: "Tom Hale", Role: "a diver", Kind: "direct", Confidence: 0.5},            // 6: doubtful speaker
	}
	mixed := append(qs[:0:0], qs...)
	mixed[5].Kind = "mixed"
	if got := extractive.Select(mixed, 3); len(got) != 3 || got[2].Kind == "mixed" {
		t.Errorf("Select with a mixed quote = %+v, want three direct quotes", got)
	}
	for _, tt := range []struct {
		name string
		max  int
		want []int
	}{
		{"zero keeps all", 0, []int{0, 1, 2, 3, 4, 5, 6}},
		{"named with roles, different speakers, in article order", 2, []int{2, 5}},
		{"a different speaker before the same speaker again", 3, []int{1, 2, 5}},
		{"short quotes last", 4, []int{1, 2, 4, 5}},
		{"more than there are: confident direct quotes only, never reported speech", 10, []int{0, 1, 2, 4, 5}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := extractive.Select(qs, tt.max)
			if len(got) != len(tt.want) {
				t.Fatalf("Select(max %d) = %d quotes %+v, want %d", tt.max, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if got[i].Text != qs[w].Text {
					t.Errorf("Select(max %d)[%d] = %q, want %q", tt.max, i, got[i].Text, qs[w].Text)
				}
			}
		})
	}
}

func TestSelectNewSpeakerFirst(t *testing.T) {
	qs := []summarize.Quote{
		{Text: "We will build the new terminal by next spring", Speaker: "Dana Lee", Role: "the port director", Kind: "direct", Confidence: 0.95},
		{Text: "The money is already set aside for the work", Speaker: "Dana Lee", Role: "the port director", Kind: "direct", Confidence: 0.95},
		{Text: "Now I believe them", Speaker: "Tom Hale", Kind: "direct", Confidence: 0.95},
		{Text: "Fine", Speaker: "Ana Ruiz", Kind: "direct", Confidence: 0.95},
	}
	for _, tt := range []struct {
		name string
		max  int
		want []int
	}{
		{"a short quote of a new speaker before the same speaker again", 2, []int{0, 2}},
		{"a one-word quote only after the same speaker again", 3, []int{0, 1, 2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := extractive.Select(qs, tt.max)
			if len(got) != len(tt.want) {
				t.Fatalf("Select(max %d) = %d quotes %+v, want %d", tt.max, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if got[i].Text != qs[w].Text {
					t.Errorf("Select(max %d)[%d] = %q, want %q", tt.max, i, got[i].Text, qs[w].Text)
				}
			}
		})
	}
}
