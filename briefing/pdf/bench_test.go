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
	es := briefingtest.Synthetic(1000, 1)
	b.ResetTimer()
	for b.Loop() {
		br := briefing.Build(es, nil, briefing.Options{Date: briefingtest.Day})
		if err := pdf.Write(io.Discard, br, pdf.Options{Now: briefingtest.Day}); err != nil {
			b.Fatal(err)
		}
	}
}
