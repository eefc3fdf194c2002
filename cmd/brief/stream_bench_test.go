package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// jsonlFile writes n JSONL article records of about 320 bytes each (a
// 200,000-line file stays under the 64 MiB that brief once read whole).
func jsonlFile(tb testing.TB, dir string, n int) string {
	tb.Helper()
	p := filepath.Join(dir, fmt.Sprintf("articles-%d.jsonl", n))
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	for i := range n {
		enc.Encode(map[string]string{
			"id":        fmt.Sprintf("wire-%06d", i),
			"title":     fmt.Sprintf("Harbour board meets for the %dth time on the budget", i),
			"published": "2026-11-24T08:00:00Z",
			"text": fmt.Sprintf("MOMBASA — The harbour board met for session %d on Tuesday without a decision on the terminal budget.\n\n", i) +
				"\"We will not vote on a budget we have not read,\" said Amina Odhiambo, an economist.",
		})
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return p
}

// peakOf runs brief with args in a child process and returns its peak
// resident memory in bytes (VmHWM), or 0 when it could not be read.
func peakOf(tb testing.TB, dir string, args ...string) int64 {
	tb.Helper()
	peakFile := filepath.Join(dir, "peak")
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BRIEF_TEST_MAIN=1", "BRIEF_TEST_PEAK="+peakFile, "HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("brief %v: %v\n%.2000s", args, err, out)
	}
	raw, err := os.ReadFile(peakFile)
	if err != nil {
		return 0
	}
	var peak int64
	fmt.Sscan(string(raw), &peak)
	return peak
}

// BenchmarkJSONLStream200k extracts a 200,000-line JSONL file (about
// 61 MB) in a child process and reports its peak resident memory
// (peak-MB), which streaming keeps far under 300 MB: records are read a
// line at a time, and only a window of them is held.
//
//	go test -run X -bench JSONLStream200k -benchtime 1x ./cmd/brief
func BenchmarkJSONLStream200k(b *testing.B) {
	dir := b.TempDir()
	in := jsonlFile(b, dir, 200_000)
	fi, _ := os.Stat(in)
	b.ResetTimer()
	var peak int64
	for b.Loop() {
		peak = peakOf(b, dir, "extract", "-f", "jsonl", "-o", filepath.Join(dir, "out.jsonl"), in)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(fi.Size())/(1<<20), "input-MB")
}

// TestJSONLStreamBoundedMemory summarizes 10,000 JSONL records and
// extracts 100,000 (about 31 MB) in child processes: peak resident memory
// stays under 150 MB whatever the count.
func TestJSONLStreamBoundedMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("writes 35 MB of files and starts processes")
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		n    int
		args []string
	}{
		{10_000, []string{"summarize", "-f", "jsonl"}},
		{100_000, []string{"extract", "-f", "jsonl"}},
	} {
		in := jsonlFile(t, dir, tt.n)
		peak := peakOf(t, dir, append(tt.args, "-o", filepath.Join(dir, "out.jsonl"), in)...)
		if peak == 0 {
			t.Skip("no peak memory reported (no /proc?)")
		}
		t.Logf("%s of %d records: peak %d MB", tt.args[0], tt.n, peak>>20)
		if peak > 150<<20 {
			t.Errorf("%s of %d records: peak %d MB, want under 150 MB", tt.args[0], tt.n, peak>>20)
		}
		os.Remove(in)
	}
}
