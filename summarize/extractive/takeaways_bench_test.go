package extractive

import (
	"testing"
	"time"
)

// BenchmarkTakeaways ranks the takeaways of every dev-set article (sentence
// splitting and stemming included) and reports articles per second of wall
// time and, where the platform tells, per second of CPU time (the figure
// to trust on a busy machine). It is skipped when the shared data is
// absent. Run it on one core: go test -bench Takeaways -cpu 1.
func BenchmarkTakeaways(b *testing.B) {
	_, arts := tkLoadDev(b)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	cpu0, cpuOK := tkCPUTime()
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
	if cpu1, ok := tkCPUTime(); cpuOK && ok && cpu1 > cpu0 {
		b.ReportMetric(float64(n)/(cpu1-cpu0).Seconds(), "articles/cpu-s")
	}
}
