package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/devdata"
)

// acceptanceGold matches the gold annotations of the acceptance set: real
// news pages from the shared webpages set (16-hex ids) and, for more
// English pages than that set holds, from the shared extraction set
// (64-hex ids), annotated by careful reading (the schema of
// ../shared/eval/ANNOTATION.md). The pages stay in ../shared.
const acceptanceGold = "testdata/acceptance/gold-*.jsonl"

// acceptancePage is where the page with that gold id lives in ../shared.
func acceptancePage(shared, id string) string {
	set := "webpages"
	if len(id) == 64 {
		set = "extraction"
	}
	return filepath.Join(shared, "evaldata", set, "html", id+".html.gz")
}

// acceptanceFloor is the least each figure may reach on one language
// group of the acceptance set: the figures this code reaches, so that a
// change that makes the digests worse fails (a regression guard; the
// issue's targets are in the closing note).
type acceptanceFloor struct {
	maxFlawed, minCoverage, maxShort, minPrecision, minRecall float64
	minRegion, minCountry, minDate                            float64
}

var acceptanceFloors = map[string]acceptanceFloor{
	// measured on 95 pages (61, then 34 more read by fresh annotators in
	// issue 18's last session): flawed 0.019, coverage 0.914, surname-only
	// 0.025, precision 0.907, recall 0.925; region 0.958, country 0.947,
	// date 0.989
	"en": {maxFlawed: 0.025, minCoverage: 0.91, maxShort: 0.03, minPrecision: 0.90, minRecall: 0.92,
		minRegion: 0.955, minCountry: 0.945, minDate: 0.985},
	// measured on 59 pages (41, then 18 more): flawed 0.022, coverage
	// 0.936, surname-only 0.032, precision 0.884, recall 0.804; region
	// 0.932, country 0.915, date 0.966
	"de-fr-es": {maxFlawed: 0.03, minCoverage: 0.93, maxShort: 0.04, minPrecision: 0.875, minRecall: 0.795,
		minRegion: 0.925, minCountry: 0.91, minDate: 0.96},
}

// digestScore is what digest_score.py writes with --json.
type digestScore struct {
	Pages       int     `json:"pages"`
	Shown       int     `json:"shown_quotes"`
	Flawed      float64 `json:"shown_flawed_share"`
	Coverage    float64 `json:"shown_coverage"`
	Precision   float64 `json:"listed_precision"`
	Recall      float64 `json:"gold_recall"`
	Region      float64 `json:"region_acc"`
	Country     float64 `json:"country_acc"`
	Date        float64 `json:"date_acc"`
	ShownCounts struct {
		Short int `json:"shown_short"`
	} `json:"counts"`
}

// TestAcceptance summarizes the acceptance pages in-process, the way the
// briefing shows them (default) and listing every quote (--max-quotes 0),
// scores both with ../shared/eval/digest_score.py, logs the figures per
// language group and fails when one falls below its floor. It skips
// without ../shared or python3.
func TestAcceptance(t *testing.T) {
	shared := devdata.Dir(t)
	script := filepath.Join(shared, "eval", "digest_score.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("no scorer: %v", err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	dir := t.TempDir()
	groups := map[string][]string{} // language group → gold lines
	var pages []string
	golds, err := filepath.Glob(acceptanceGold)
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files %s: %v", acceptanceGold, err)
	}
	for _, g := range golds {
		for _, line := range readLines(t, g) {
			var rec struct{ ID, Language string }
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatalf("%s: %v", g, err)
			}
			page := acceptancePage(shared, rec.ID)
			if _, err := os.Stat(page); err != nil {
				t.Skipf("page %s absent: %v", rec.ID, err)
			}
			grp := "en"
			if rec.Language != "en" {
				grp = "de-fr-es"
			}
			groups[grp] = append(groups[grp], line)
			pages = append(pages, page)
		}
	}
	if len(pages) == 0 {
		t.Fatal("no acceptance pages")
	}
	all := summarizeTo(t, dir, "all.jsonl", append([]string{"summarize", "-f", "jsonl", "--max-quotes", "0"}, pages...))
	shown := summarizeTo(t, dir, "shown.jsonl", append([]string{"summarize", "-f", "jsonl"}, pages...))
	for grp, lines := range groups {
		gold := filepath.Join(dir, "gold-"+grp+".jsonl")
		if err := os.WriteFile(gold, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "score-"+grp+".json")
		cmd := exec.Command(py, script, gold, all, shown, "--json", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("digest_score.py %s: %v\n%s", grp, err, b)
		}
		var s digestScore
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("digest_score.py %s output: %v", grp, err)
		}
		short := 0.0
		if s.Shown > 0 {
			short = float64(s.ShownCounts.Short) / float64(s.Shown)
		}
		t.Logf("%s: %d pages; shown %d quotes, flawed %.3f, coverage %.3f, surname-only %.3f; listed precision %.3f, gold recall %.3f; region %.3f country %.3f date %.3f",
			grp, s.Pages, s.Shown, s.Flawed, s.Coverage, short, s.Precision, s.Recall, s.Region, s.Country, s.Date)
		f := acceptanceFloors[grp]
		for _, c := range []struct {
			name      string
			got, want float64
			atMost    bool
		}{
			{"shown flawed", s.Flawed, f.maxFlawed, true},
			{"coverage", s.Coverage, f.minCoverage, false},
			{"surname-only", short, f.maxShort, true},
			{"listed precision", s.Precision, f.minPrecision, false},
			{"gold recall", s.Recall, f.minRecall, false},
			{"region", s.Region, f.minRegion, false},
			{"country", s.Country, f.minCountry, false},
			{"published date", s.Date, f.minDate, false},
		} {
			if c.atMost && c.got > c.want+1e-9 || !c.atMost && c.got < c.want-1e-9 {
				bound := "at least"
				if c.atMost {
					bound = "at most"
				}
				t.Errorf("%s %s = %.3f, want %s %.3f", grp, c.name, c.got, bound, c.want)
			}
		}
	}
}

// summarizeTo runs brief with args in-process and writes its stdout to
// dir/name, returning the path.
func summarizeTo(t *testing.T, dir, name string, args []string) string {
	t.Helper()
	out, errs, code := brief(t, "", args...)
	if code != 0 && code != 1 {
		t.Fatalf("brief %s: exit %d: %s", args[0], code, errs)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readLines returns the non-empty lines of file p.
func readLines(t *testing.T, p string) []string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); strings.HasPrefix(l, "{") {
			out = append(out, l)
		}
	}
	return out
}
