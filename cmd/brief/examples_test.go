package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplesEndToEnd runs `brief summarize` over examples/articles/, the
// way the README's first command does, and checks what an analyst would
// check: every article goes through, lands in the right region, has
// takeaways that are sentences of the article and quotes with speakers.
func TestExamplesEndToEnd(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "articles")
	out, errs, code := brief(t, "", "summarize", "-f", "jsonl", dir)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	wantRegion := map[string]string{
		"malaysia-ai-chip-shipments.html":           "Asia-Pacific",
		"singapore-family-office-rules.html":        "Asia-Pacific",
		"japan-kyoto-dual-bus-fares.html":           "Asia-Pacific",
		"germany-budget-2027-bundestag.html":        "Europe",
		"france-greve-sncf-controleurs.html":        "Europe",
		"world-bank-ports.html":                     "Africa",
		"nigeria-central-bank-rate-cut.html":        "Africa",
		"brazil-sao-paulo-cantareira-drought.html":  "Americas",
		"canada-wildfire-reinsurance-backstop.html": "Americas",
		"chile-copper-strike.txt":                   "Americas",
		"jordan-desalination-financing.html":        "Middle East",
		"jordan-red-sea-water-deal.html":            "Middle East",
		"abu-dhabi-round-the-clock-solar.html":      "Middle East",
		"ai-weather-model-zephyros.html":            "Global",
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec summaryRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		name := filepath.Base(rec.ID)
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			if want, ok := wantRegion[name]; ok && rec.Region != want {
				t.Errorf("region = %q (%s), want %q", rec.Region, rec.RegionEvidence, want)
			}
			if rec.Title == "" {
				t.Error("no title")
			}
			if len(rec.Takeaways) != 3 {
				t.Errorf("%d takeaways, want 3", len(rec.Takeaways))
			}
			raw, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			page := normalizeSpace(string(raw))
			for _, tk := range rec.Takeaways {
				if !strings.Contains(page, normalizeSpace(tk)) {
					t.Errorf("takeaway is not in the page: %q", tk)
				}
				for _, junk := range []string{"Photo:", "Read more", "cookie", "Subscribe"} {
					if strings.Contains(tk, junk) {
						t.Errorf("takeaway carries page furniture %q: %q", junk, tk)
					}
				}
			}
			for _, q := range rec.Quotes {
				if q.Speaker == "" {
					t.Errorf("quote without speaker: %q", q.Text)
				}
				if q.Status != "verified" && q.Status != "repaired" {
					t.Errorf("quote status %q, want verified or repaired", q.Status)
				}
			}
		})
	}
	for name := range wantRegion {
		if !seen[name] {
			t.Errorf("no output for %s", name)
		}
	}
}

func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
