package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/store/pgtest"
)

// briefProc returns brief as a child process (see TestMain) on the
// archive db.
func briefProc(t testing.TB, home, db string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "BRIEF_TEST_MAIN=1", "HOME="+home, "XDG_CONFIG_HOME="+home)
	return cmd
}

// TestPostgresConcurrentAddProcesses runs four brief add processes of
// 100 articles each on one PostgreSQL database while a fifth process
// builds briefings from it over and over: all end without error, the
// archive holds exactly 400 articles, and adding everything again
// changes nothing.
func TestPostgresConcurrentAddProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	db := pgtest.URL(t)
	home := t.TempDir()
	countries := [][]string{{"Kenya", "Japan"}, {"France", "Brazil"}, {"Germany", "Israel"}, {"Nigeria", "Chile"}}
	var dirs []string
	for i, cs := range countries {
		dir := articleDir(t, 100, cs)
		// articleDir numbers its stories from 0: make each set distinct.
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			p := filepath.Join(dir, e.Name())
			raw, _ := os.ReadFile(p)
			writeTestFile(t, p, strings.ReplaceAll(string(raw), "measure number", fmt.Sprintf("measure set %d number", i)))
		}
		dirs = append(dirs, dir)
	}
	var retries atomic.Int64
	addAll := func() {
		t.Helper()
		var wg sync.WaitGroup
		for i, dir := range dirs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := briefProc(t, home, db, "-v", "add", "-j", "2", dir)
				var errb bytes.Buffer
				cmd.Stderr = &errb
				out, err := cmd.Output()
				if err != nil {
					t.Errorf("add process %d: %v\n%s%s", i, err, out, errb.String())
				} else if n := strings.Count(string(out), "\n"); n != 100 {
					t.Errorf("add process %d printed %d lines, want 100:\n%s", i, n, out)
				}
				retries.Add(int64(strings.Count(errb.String(), "conflicted with a concurrent one")))
			}()
		}
		// A reader builds the day's briefing until the writers are done.
		done := make(chan struct{})
		var reads int
		var rwg sync.WaitGroup
		rwg.Add(1)
		go func() {
			defer rwg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				out, err := briefProc(t, home, db, "briefing", "--date", "today", "-f", "json").CombinedOutput()
				if err != nil && !strings.Contains(string(out), "no stories") {
					t.Errorf("briefing reader: %v\n%s", err, out)
					return
				}
				reads++
			}
		}()
		wg.Wait()
		close(done)
		rwg.Wait()
		if reads == 0 {
			t.Error("the briefing reader never completed a run")
		}
	}
	addAll()
	t.Logf("%d transactions retried after a conflict", retries.Load())
	list := func() string {
		out, err := briefProc(t, home, db, "archive", "list", "-f", "jsonl").Output()
		if err != nil {
			t.Fatalf("archive list: %v", err)
		}
		return string(out)
	}
	first := list()
	if got := strings.Count(first, "\n"); got != 400 {
		t.Fatalf("archive holds %d articles after four concurrent add processes, want 400", got)
	}
	addAll()
	if again := list(); again != first {
		t.Errorf("adding the same articles again changed the archive list:\nbefore:\n%.2000s\nafter:\n%.2000s", first, again)
	}
	if out, err := briefProc(t, home, db, "archive", "check").CombinedOutput(); err != nil {
		t.Errorf("archive check: %v\n%s", err, out)
	}
}

// TestExportSQLiteImportPostgres moves an archive from SQLite to
// PostgreSQL with archive export and archive import: the same rows, the
// same export, and the same JSON briefing.
func TestExportSQLiteImportPostgres(t *testing.T) {
	h := newHarness(t)
	h.mustRun(0, "", "add", articleDir(t, 40, []string{"Kenya", "Japan", "Germany", "Brazil"}))
	in := filepath.Join(h.dir, "in")
	writeTestFile(t, filepath.Join(in, "a.html"), page("Germany funds Baltic high-speed line", railStory...))
	writeTestFile(t, filepath.Join(in, "b.html"), page("Earthquake shakes northern Japan", quakeStory...))
	h.mustRun(0, "", "add", in)
	h.mustRun(1, "", "add", filepath.Join(in, "missing.html")) // a skipped input
	export := h.mustRun(0, "", "archive", "export")
	briefing := h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", "json")

	sqlite := h.db
	h.db = pgtest.URL(t)
	backup := writeTestFile(t, filepath.Join(h.dir, "backup.jsonl"), export)
	h.mustRun(0, "", "archive", "import", backup)
	if got := h.mustRun(0, "", "archive", "export"); got != export {
		t.Errorf("PostgreSQL export after import differs from the SQLite export:\n got: %.3000s\nwant: %.3000s", got, export)
	}
	for _, kind := range []string{"article", "skipped", "cache"} {
		h.db = sqlite
		want := strings.Count(h.mustRun(0, "", "archive", "export"), `"kind":"`+kind+`"`)
		h.db = pgtest.URL(t)
		h.mustRun(0, "", "archive", "import", backup)
		got := strings.Count(h.mustRun(0, "", "archive", "export"), `"kind":"`+kind+`"`)
		if got != want {
			t.Errorf("%s rows: PostgreSQL %d, SQLite %d", kind, got, want)
		}
	}
	got := h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", "json")
	var a, b jsonBriefing
	if err := json.Unmarshal([]byte(briefing), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(got), &b); err != nil {
		t.Fatal(err)
	}
	if n := len(a.Sections); n == 0 {
		t.Fatal("the SQLite briefing has no sections")
	}
	if got != briefing {
		t.Errorf("briefing -f json from PostgreSQL differs from SQLite's:\n got: %.3000s\nwant: %.3000s", got, briefing)
	}
}

// BenchmarkBriefingPDF10000 measures brief briefing -f pdf for one day of
// 1,000 articles in an archive of 10,000 (ten days), on each store. The
// day's articles are added with brief add (extractive digests); the
// other nine days are copies of them with other text, imported. The
// target is 2 s an operation on PostgreSQL. For PostgreSQL, cpu-s/op
// leaves out the server's own time (the day's query: see
// internal/store's BenchmarkList1000).
func BenchmarkBriefingPDF10000(b *testing.B) {
	h := newHarness(b)
	day := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	h.clock.set(day)
	h.mustRun(0, "", "add", "-j", "2", randomArticleDir(b, 1000))
	export := h.mustRun(0, "", "archive", "export")
	var all bytes.Buffer
	all.WriteString(export)
	for k := 1; k < 10; k++ {
		all.WriteString(shiftExport(b, export, k, day.AddDate(0, 0, -k)))
	}
	file := writeTestFile(b, filepath.Join(h.dir, "all.jsonl"), all.String())
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			h.db = filepath.Join(b.TempDir(), "brief.db")
			if name == "postgres" {
				h.db = pgtest.URL(b)
			}
			h.mustRun(0, "", "archive", "import", file)
			if n := strings.Count(h.mustRun(0, "", "archive", "list", "-f", "jsonl"), "\n"); n != 10000 {
				b.Fatalf("archive holds %d articles, want 10000", n)
			}
			out := filepath.Join(b.TempDir(), "briefing.pdf")
			// On a shared machine the wall time mostly measures the
			// queue for a core: report this process's CPU time too.
			before := cpuTime()
			for b.Loop() {
				h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", "pdf", "-o", out)
			}
			b.ReportMetric((cpuTime()-before).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// cpuTime returns the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// shiftExport returns the article lines of an export as copies k days
// earlier at t: other IDs, sources and text, so nothing merges with the
// original.
func shiftExport(tb testing.TB, export string, k int, t time.Time) string {
	tb.Helper()
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(export), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			tb.Fatal(err)
		}
		if rec["kind"] != "article" {
			continue
		}
		rec["id"] = rec["id"].(float64) + float64(k*100000)
		rec["source"] = fmt.Sprintf("day-%d/%s", k, rec["source"])
		rec["added"], rec["updated"] = t, t
		a := rec["article"].(map[string]any)
		a["id"] = rec["source"]
		paras := a["paragraphs"].([]any)
		paras[0] = fmt.Sprintf("%s (Day %d.)", paras[0], k)
		raw, err := json.Marshal(rec)
		if err != nil {
			tb.Fatal(err)
		}
		out.Write(raw)
		out.WriteByte('\n')
	}
	return out.String()
}

// TestPostgresFromConfigAndEnv: a postgres:// URL names the archive from
// BRIEF_DB and from the config file's db:, as a path does, and messages
// never show its password.
func TestPostgresFromConfigAndEnv(t *testing.T) {
	h := newHarness(t)
	url := pgtest.URL(t)
	h.db = ""
	t.Setenv("BRIEF_DB", url) // flags read their variables from the process environment
	out := h.mustRun(0, jsonlArticle(t, "p", "https://harbour-times.example/kenya-port", "Kenya to double Mombasa port capacity", portStory...), "add", "-")
	if !strings.Contains(out, "Kenya to double") {
		t.Fatalf("add with BRIEF_DB:\n%s", out)
	}
	os.Unsetenv("BRIEF_DB")
	h.configFile("db: " + url + "\n")
	if list := h.mustRun(0, "", "archive", "list", "-f", "jsonl"); strings.Count(list, "\n") != 1 {
		t.Errorf("archive list with the config's db: %q, want the one article", list)
	}
	_, _, errs := h.run("", "archive", "check")
	if !strings.Contains(errs, ": ok") {
		t.Errorf("archive check: %s", errs)
	}
	h.db = "postgres://brief:s3cret@127.0.0.1:1/nodb?connect_timeout=2"
	if code, _, errs := h.run("", "archive", "list"); code == exitOK || strings.Contains(errs, "s3cret") || !strings.Contains(errs, "xxxxx") {
		t.Errorf("unreachable server: exit %d, stderr %q; want a failure naming the URL without its password", code, errs)
	}
}
