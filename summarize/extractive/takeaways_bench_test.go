package extractive

import (
	"testing"
	"time"
)

// BenchmarkTakeaways ranks the takeaways of every dev-set article (sentence
// splitting and stemming included) and reports articles per second. It is
// skipped when the shared data is absent.
func BenchmarkTakeaways(b *testing.B) {
	_, arts := tkLoadDev(b)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			if len(Takeaways(a, 3)) == 0 {
				b.Fatalf("no takeaways for %s", a.ID)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "articles/s")
}
