package pdf_test

import (
	"io"
	"testing"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
	"github.com/brief-news/brief/briefing/pdf"
)

// BenchmarkBuildPDF builds and renders a briefing of 1,000 synthetic
// entries, the target being under 2 s on one core.
func BenchmarkBuildPDF(b *testing.B) {
	benchmarkPDF(b, briefingtest.Synthetic(1000, 1))
}

// BenchmarkBuildPDFScripts is BenchmarkBuildPDF with one entry in four
// in Chinese, Russian, Greek or Arabic (titles, takeaways and quotes),
// drawn with the fonts installed on the machine.
func BenchmarkBuildPDFScripts(b *testing.B) {
	es := briefingtest.Synthetic(1000, 1)
	scripts := briefingtest.Scripts()
	for i := 0; i < len(es); i += 4 {
		s := scripts[(i/4)%len(scripts)]
		a, d := *es[i].Article, *es[i].Digest
		a.Title, a.Site = s.Article.Title, s.Article.Site
		d.Takeaways, d.Quotes = s.Digest.Takeaways, s.Digest.Quotes
		es[i].Article, es[i].Digest = &a, &d
	}
	benchmarkPDF(b, es)
}

func benchmarkPDF(b *testing.B, es []briefing.Entry) {
	b.ResetTimer()
	for b.Loop() {
		br := briefing.Build(es, nil, briefing.Options{Date: briefingtest.Day})
		if err := pdf.Write(io.Discard, br, pdf.Options{Now: briefingtest.Day}); err != nil {
			b.Fatal(err)
		}
	}
}
