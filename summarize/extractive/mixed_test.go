package extractive_test

import (
	"context"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/extractive"
)

// TestSummarizeMixedFallback checks that a French, German or Spanish
// article with no direct quote to show shows one mixed quote of a person
// named with confidence, and that an English one shows none (the English
// view keeps to direct quotes).
func TestSummarizeMixedFallback(t *testing.T) {
	paras := []string{
		"La ministre du Travail, Muriel Dufresne, a été entendue mardi par les juges dans l’affaire des emplois fictifs du parti.",
		"Muriel Dufresne a assuré qu’elle n’avait « rien à se reprocher dans ce dossier » et qu’elle restait au gouvernement.",
	}
	for _, tt := range []struct {
		lang string
		want int
	}{
		{"fr", 1},
		{"en", 0},
	} {
		cfg := summarize.Config{MaxQuotes: 3}
		b, err := extractive.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		d, err := b.Summarize(context.Background(), &article.Article{Title: "Emplois fictifs", Paragraphs: paras, Language: tt.lang})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Quotes) != tt.want {
			t.Fatalf("%s: Summarize shows %d quotes %+v, want %d", tt.lang, len(d.Quotes), d.Quotes, tt.want)
		}
		if tt.want == 1 && (d.Quotes[0].Speaker != "Muriel Dufresne" || d.Quotes[0].Kind != "mixed") {
			t.Errorf("%s: shown quote = %+v, want Muriel Dufresne's mixed quote", tt.lang, d.Quotes[0])
		}
	}
}
