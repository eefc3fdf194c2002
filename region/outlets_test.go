package region_test

import (
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
)

func TestOutletLastResort(t *testing.T) {
	for _, tt := range []struct {
		name, url, text, want string
	}{
		{"a business outlet's story naming no place", "https://www.cnbc.com/2019/11/19/beauty-stock.html",
			"Shares of the beauty company rose more than 2% after it took a majority stake in a cosmetics brand.", "US"},
		{"a subdomain of the outlet", "https://timesofindia.indiatimes.com/business/story.cms",
			"Shares of the carmaker rose after it reported higher quarterly profit.", "IN"},
		{"a place named wins over the outlet", "https://www.cnbc.com/2019/11/19/story.html",
			"Shares in Tokyo rose after the Bank of Japan held its rates.", "JP"},
		{"an outlet not in the list says nothing", "https://www.example.com/story.html",
			"Shares of the beauty company rose more than 2% after the deal.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{URL: tt.url, Title: "Shares climb", Paragraphs: []string{tt.text}}
			if got := region.Detect(a, nil); got.Country != tt.want {
				t.Errorf("Detect = %q (%s), want %q", got.Country, got.Evidence, tt.want)
			}
		})
	}
}
