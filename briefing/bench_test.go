package briefing_test

import (
	"testing"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
)

// BenchmarkBuild builds a briefing from 1,000 synthetic entries.
func BenchmarkBuild(b *testing.B) {
	es := briefingtest.Synthetic(1000, 1)
	b.ResetTimer()
	for b.Loop() {
		briefing.Build(es, nil, briefing.Options{Date: briefingtest.Day})
	}
}
