package region

import "testing"

// BenchmarkGazetteer measures parsing the tables in data/, which is done
// when they change (see TestGazetteerTable); brief itself starts with the
// parsed gazetteer as static data and pays nothing.
func BenchmarkGazetteer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseGazetteer(countriesTSV, placesTSV); err != nil {
			b.Fatal(err)
		}
	}
}
