package region

import "testing"

// BenchmarkGazetteer measures building the gazetteer from the embedded
// tables, which every run of brief pays once.
func BenchmarkGazetteer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseGazetteer(countriesTSV, placesTSV); err != nil {
			b.Fatal(err)
		}
	}
}
