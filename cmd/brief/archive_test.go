package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/store/pgtest"
)

// TestMain lets tests run the test binary as the brief command: with
// BRIEF_TEST_MAIN=1 it behaves as main, so two real processes can share
// one archive. It stops the PostgreSQL test server if a test started one.
func TestMain(m *testing.M) {
	if os.Getenv("BRIEF_TEST_MAIN") == "1" {
		childMain() // main, see hardening_test.go
		return
	}
	os.Exit(pgtest.Main(m))
}

// clock is a settable time source for env.now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// harness runs brief in-process against a private archive and clock.
type harness struct {
	t     testing.TB
	dir   string
	db    string
	clock *clock
	vars  map[string]string
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	dir := t.TempDir()
	h := &harness{t: t, dir: dir, db: filepath.Join(dir, "data", "brief.db"),
		clock: &clock{t: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)},
		vars:  map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config")}}
	return h
}

// run runs brief with args after "brief --db DB" (no --db when DB is
// empty) and returns the exit
// code, stdout and stderr.
func (h *harness) run(stdin string, args ...string) (int, string, string) {
	h.t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, logger: slog.New(slog.DiscardHandler),
		now: h.clock.now, getenv: func(k string) string { return h.vars[k] }}
	pre := []string{"brief"}
	if h.db != "" {
		pre = append(pre, "--db", h.db)
	}
	code := runEnv(context.Background(), e, append(pre, args...))
	return code, out.String(), errb.String()
}

// mustRun is run that fails the test unless the exit code is want.
func (h *harness) mustRun(want int, stdin string, args ...string) string {
	h.t.Helper()
	code, out, errs := h.run(stdin, args...)
	if code != want {
		h.t.Fatalf("brief %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, out, errs)
	}
	return out
}

func writeTestFile(t testing.TB, path, text string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// page returns a small HTML news page written for these tests.
func page(title string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><title>%s</title></head><body><article>", title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// jsonlArticle is one stdin record for brief add -.
func jsonlArticle(t testing.TB, id, url, title string, paras ...string) string {
	t.Helper()
	b, err := json.Marshal(map[string]string{"id": id, "url": url, "title": title, "text": strings.Join(paras, "\n\n")})
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// The day's stories, written for these tests.
var (
	portStory = []string{
		"MOMBASA — Kenya will double the container capacity of its main port by 2030, the transport ministry said on Tuesday.",
		"\"The second terminal will be open to every shipping line on equal terms,\" said Amina Odhiambo, the ports authority's director.",
		"Traders have complained for years about queues of lorries waiting at the gates.",
	}
	portRewrite = []string{
		"MOMBASA — The ports authority in Kenya plans to double container capacity at Mombasa by 2030, officials announced on Tuesday.",
		"Amina Odhiambo, the authority's director, said the second terminal would be open to all shipping lines on equal terms.",
		"Lorry drivers say waiting times at the gates have grown every year.",
	}
	railStory = []string{
		"BERLIN — Germany approved funding for a high-speed line between Berlin and the Baltic coast, the cabinet said.",
		"\"This is the largest rail decision of the decade,\" said Lena Vogt, a transport economist at a Berlin university.",
		"Construction is due to begin in two years.",
	}
	quakeStory = []string{
		"TOKYO — A moderate earthquake shook northern Japan early on Wednesday, with no damage reported, the weather agency said.",
		"Trains on two lines were halted for inspection and resumed within the hour.",
	}
	lateStory = []string{
		"LAGOS — Nigeria's central bank held its main rate steady on Thursday.",
		"Analysts had expected the pause after two increases this year.",
	}
	earlyStory = []string{
		"PARIS — France unveiled a plan to plant a million trees along its motorways.",
		"The programme will run for ten years.",
	}
)

// jsonBriefing is the part of the JSON briefing the tests read.
type jsonBriefing struct {
	SchemaVersion int `json:"schema_version"`
	Sections      []struct {
		Name    string `json:"name"`
		Stories []struct {
			Article struct {
				Title string `json:"title"`
				URL   string `json:"url"`
			} `json:"article"`
			AlsoReportedBy []struct {
				URL string `json:"url"`
			} `json:"also_reported_by"`
		} `json:"stories"`
	} `json:"sections"`
	Skipped []struct {
		Source string `json:"source"`
		Reason string `json:"reason"`
	} `json:"skipped"`
}

func TestWholeDay(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	h := newHarness(t)
	in := filepath.Join(h.dir, "in")
	at := func(hour, min int) time.Time { return time.Date(2026, 3, 10, hour, min, 0, 0, tokyo) }

	// The evening before (in Tokyo): not in the day's briefing.
	h.clock.set(at(0, 0).Add(-time.Hour))
	h.mustRun(0, jsonlArticle(t, "early", "https://morning-post.example/trees", "France to plant a million trees", earlyStory...), "add", "-")

	// 08:05: two stories from a feed script (JSONL on stdin). 08:05 in
	// Tokyo is still 9 March in UTC.
	h.clock.set(at(8, 5))
	out := h.mustRun(0,
		jsonlArticle(t, "harbour-1", "https://harbour-times.example/kenya-port", "Kenya to double Mombasa port capacity", portStory...)+
			jsonlArticle(t, "rail-1", "https://rail-review.example/baltic-line", "Germany funds Baltic high-speed line", railStory...),
		"add", "-")
	if got := strings.Count(out, "\n"); got != 2 {
		t.Errorf("brief add printed %d lines, want one per article:\n%s", got, out)
	}
	if want := "Africa · Kenya to double Mombasa port capacity · harbour-times.example"; !strings.Contains(out, want) {
		t.Errorf("brief add output lacks %q:\n%s", want, out)
	}

	// 13:30: local files, one of them unreadable.
	h.clock.set(at(13, 30))
	writeTestFile(t, filepath.Join(in, "quake.html"), page("Earthquake shakes northern Japan", quakeStory...))
	bad := writeTestFile(t, filepath.Join(in, "broken.html"), "<html><body><nav>Menu</nav></body></html>")
	code, out, errs := h.run("", "add", in)
	if code != exitPartial {
		t.Errorf("brief add with a bad input: exit %d, want %d; stderr:\n%s", code, exitPartial, errs)
	}
	if !strings.Contains(errs, "broken.html") || strings.Count(out, "\n") != 1 {
		t.Errorf("brief add: want the good file on stdout and broken.html on stderr; stdout:\n%s\nstderr:\n%s", out, errs)
	}

	// 18:45: the port story again from the same site (edited), and the same
	// story rewritten by a second outlet.
	h.clock.set(at(18, 45))
	edited := append(slices.Clone(portStory), "The ministry did not give a cost estimate.")
	h.mustRun(0,
		jsonlArticle(t, "harbour-1b", "https://harbour-times.example/kenya-port?utm_source=feed", "Kenya to double Mombasa port capacity", edited...)+
			jsonlArticle(t, "coast-1", "https://coastal-daily.example/mombasa-terminal", "Mombasa port to double in size", portRewrite...),
		"add", "-")

	// 00:30 the next day: not in the briefing.
	h.clock.set(at(24, 30))
	h.mustRun(0, jsonlArticle(t, "late", "https://money-wire.example/rates", "Nigeria holds rates", lateStory...), "add", "-")

	// The archive holds six articles: the re-added port story updated in place.
	list := h.mustRun(0, "", "archive", "list", "-f", "jsonl")
	if got := strings.Count(list, "\n"); got != 6 {
		t.Errorf("archive list: %d articles, want 6:\n%s", got, list)
	}
	dayList := h.mustRun(0, "", "archive", "list", "--date", "2026-03-10", "--tz", "Asia/Tokyo", "-f", "jsonl")
	if got := strings.Count(dayList, "\n"); got != 4 {
		t.Errorf("archive list --date: %d articles, want 4:\n%s", got, dayList)
	}

	// The next morning, the briefing for the 10th in Tokyo, in every format.
	h.clock.set(at(24+7, 0))
	outDir := filepath.Join(h.dir, "out") + "/"
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"briefing", "--date", "yesterday", "--tz", "Asia/Tokyo", "-o", outDir}
	formats := sortedFormats()
	for _, f := range formats {
		args = append(args, "-f", f)
	}
	h.mustRun(0, "", args...)
	for _, f := range formats {
		path := filepath.Join(outDir, "briefing-2026-03-10."+f)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("format %s: %v", f, err)
			continue
		}
		checkRendered(t, f, raw)
	}
	ents, _ := os.ReadDir(outDir)
	if len(ents) != len(formats) {
		t.Errorf("output dir holds %d files, want %d (no temporary files left)", len(ents), len(formats))
	}

	raw, err := os.ReadFile(filepath.Join(outDir, "briefing-2026-03-10.json"))
	if err != nil {
		t.Fatal(err)
	}
	var b jsonBriefing
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatalf("JSON briefing: %v", err)
	}
	var sections []string
	titles := map[string]bool{}
	links := map[string]bool{}
	for _, s := range b.Sections {
		sections = append(sections, s.Name)
		for _, st := range s.Stories {
			titles[st.Article.Title] = true
			links[st.Article.URL] = true
			for _, o := range st.AlsoReportedBy {
				links[o.URL] = true
			}
		}
	}
	if want := []string{"Europe", "Asia-Pacific", "Africa"}; !slices.Equal(sections, want) {
		t.Errorf("sections = %v, want %v", sections, want)
	}
	for _, want := range []string{"Germany funds Baltic high-speed line", "Earthquake shakes northern Japan", "Kenya to double Mombasa port capacity"} {
		if !titles[want] {
			t.Errorf("briefing lacks story %q", want)
		}
	}
	for _, absent := range []string{"France to plant a million trees", "Nigeria holds rates"} {
		if titles[absent] {
			t.Errorf("briefing has %q, which is not from that day in Tokyo", absent)
		}
	}
	// Both outlets of the port story are credited, merged or not.
	for _, want := range []string{"https://harbour-times.example/kenya-port", "https://coastal-daily.example/mombasa-terminal"} {
		if !links[want] {
			t.Errorf("briefing does not link %s", want)
		}
	}
	var portStories int
	for title := range titles {
		if strings.Contains(title, "Mombasa") {
			portStories++
		}
	}
	// The same story from a second outlet is merged into one entry that
	// credits it; the re-added copy from the first outlet is no duplicate.
	if portStories != 1 {
		t.Errorf("port story appears %d times, want 1 (merged, and the re-added copy not duplicated)", portStories)
	}
	if len(b.Skipped) != 1 || b.Skipped[0].Source != bad || !strings.Contains(b.Skipped[0].Reason, "no readable content") {
		t.Errorf("skipped = %+v, want only %s (no readable content)", b.Skipped, bad)
	}

	// A day with nothing archived is "no stories" (exit 1, nothing
	// written); with --allow-empty it builds an empty briefing.
	h.mustRun(exitPartial, "", "briefing", "--date", "2026-01-01", "--tz", "Asia/Tokyo", "-f", "json")
	empty := h.mustRun(0, "", "briefing", "--date", "2026-01-01", "--tz", "Asia/Tokyo", "-f", "json", "--allow-empty")
	if err := json.Unmarshal([]byte(empty), &b); err != nil || len(b.Sections) != 0 {
		t.Errorf("briefing of an empty day: %d sections, %v; want 0", len(b.Sections), err)
	}

	t.Run("mail", func(t *testing.T) { mailWholeDay(t, h) })
}

// mailWholeDay mails the day's briefing to mailpit, when it is installed.
func mailWholeDay(t *testing.T, parent *harness) {
	mp := startMailpit(t, "--smtp-auth-allow-insecure")
	h := *parent
	h.t = t
	h.vars["BRIEF_SMTP_PASSWORD"] = "secret"
	h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "Asia/Tokyo", "-f", "md", "-o", filepath.Join(h.dir, "mailed.md"),
		"--mail-to", "desk@example.org,chief@example.org", "--mail-from", "brief@example.org",
		"--smtp-url", "smtp://analyst@"+mp.smtpAddr, "--smtp-insecure")
	msg := mp.onlyMessage(t)
	if got := len(msg.To); got != 2 {
		t.Errorf("mail has %d recipients, want 2", got)
	}
	if !strings.Contains(msg.Subject, "10 March 2026") {
		t.Errorf("mail subject %q lacks the date", msg.Subject)
	}
	body := msg.HTML + msg.Text
	for _, want := range []string{"Germany funds Baltic high-speed line", "Kenya to double Mombasa port capacity"} {
		if !strings.Contains(body, want) {
			t.Errorf("mail body lacks %q", want)
		}
	}
	if len(msg.Attachments) != 1 {
		t.Fatalf("mail has %d attachments, want 1", len(msg.Attachments))
	}
	att := mp.attachment(t, msg.ID, msg.Attachments[0].PartID)
	if len(att) == 0 {
		t.Error("attachment is empty")
	}
	if _, ok := renderers["pdf"]; ok && !bytes.HasPrefix(att, []byte("%PDF-")) {
		t.Errorf("attachment starts %q, want a PDF", att[:min(len(att), 8)])
	}
}

func sortedFormats() []string {
	var fs []string
	for f := range renderers {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	return fs
}

// checkRendered checks what can be checked of a rendered briefing
// without parsing its format.
func checkRendered(t *testing.T, format string, raw []byte) {
	t.Helper()
	s := string(raw)
	switch format {
	case "pdf":
		if !strings.HasPrefix(s, "%PDF-") {
			t.Errorf("pdf output starts %q", s[:min(len(s), 8)])
		}
	case "json":
		if !json.Valid(raw) || !strings.Contains(s, `"schema_version": 1`) {
			t.Errorf("json output is not a schema_version 1 document:\n%s", s)
		}
	case "md", "html":
		for _, want := range []string{"Europe", "Africa", "Skipped sources", "broken.html", "Baltic"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s output lacks %q", format, want)
			}
		}
	default:
		if len(raw) == 0 {
			t.Errorf("%s output is empty", format)
		}
	}
}

func TestBriefingWithoutArchive(t *testing.T) {
	h := newHarness(t)
	code, _, errs := h.run("", "briefing", "--date", "today")
	if code == exitOK || !strings.Contains(errs, "no archive") {
		t.Errorf("briefing with no archive: exit %d, stderr %q; want an error naming the missing archive", code, errs)
	}
	if _, err := os.Stat(h.db); err == nil {
		t.Error("briefing created an archive file")
	}
}

func TestSummarizeSave(t *testing.T) {
	h := newHarness(t)
	out := h.mustRun(0, jsonlArticle(t, "r", "https://rail-review.example/baltic-line", "Germany funds Baltic high-speed line", railStory...),
		"summarize", "--save", "-f", "jsonl", "-")
	if !strings.Contains(out, `"region":"Europe"`) {
		t.Errorf("summarize --save output:\n%s", out)
	}
	list := h.mustRun(0, "", "archive", "list")
	if !strings.Contains(list, "Germany funds Baltic") {
		t.Errorf("archive list after summarize --save:\n%s", list)
	}
	// Without --save nothing is written.
	h2 := newHarness(t)
	h2.mustRun(0, jsonlArticle(t, "r", "", "T", railStory...), "summarize", "-f", "jsonl", "-")
	if _, err := os.Stat(h2.db); err == nil {
		t.Error("summarize without --save created an archive")
	}
}

func TestArchiveCommands(t *testing.T) {
	h := newHarness(t)
	in := filepath.Join(h.dir, "in")
	writeTestFile(t, filepath.Join(in, "a.html"), page("Germany funds Baltic high-speed line", railStory...))
	writeTestFile(t, filepath.Join(in, "b.html"), page("Earthquake shakes northern Japan", quakeStory...))
	writeTestFile(t, filepath.Join(in, "c.txt"), strings.Join(lateStory, "\n\n"))
	h.mustRun(0, "", "add", in)

	export := h.mustRun(0, "", "archive", "export", "-f", "jsonl")
	if n := strings.Count(export, `"kind":"article"`); n != 3 {
		t.Fatalf("export holds %d articles, want 3:\n%s", n, export)
	}
	h.mustRun(0, "", "archive", "rm", "2")
	list := h.mustRun(0, "", "archive", "list")
	if strings.Contains(list, "Earthquake") || !strings.Contains(list, "Baltic") {
		t.Errorf("archive list after rm 2:\n%s", list)
	}
	if code, _, errs := h.run("", "archive", "rm", "2"); code != exitPartial || !strings.Contains(errs, "no such article") {
		t.Errorf("rm of a missing ID: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := h.run("", "archive", "rm", "two"); code != exitUsage {
		t.Errorf("rm of a non-number: exit %d, want %d", code, exitUsage)
	}

	// Restore into a fresh archive from the file; the export matches.
	backup := writeTestFile(t, filepath.Join(h.dir, "backup.jsonl"), export)
	h2 := newHarness(t)
	h2.mustRun(0, "", "archive", "import", backup)
	if got := h2.mustRun(0, "", "archive", "export"); got != export {
		t.Errorf("export after import differs:\n got: %s\nwant: %s", got, export)
	}
	// And through stdin into the original: rm'd article comes back.
	h.mustRun(0, export, "archive", "import", "-")
	if list := h.mustRun(0, "", "archive", "list"); !strings.Contains(list, "Earthquake") {
		t.Errorf("import did not restore the removed article:\n%s", list)
	}
	if code, _, _ := h.run("garbage\n", "archive", "import", "-"); code == exitOK {
		t.Error("import of garbage exited 0")
	}
}

// articleDir writes n distinct articles into a new directory.
func articleDir(t testing.TB, n int, countries []string) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		c := countries[i%len(countries)]
		writeTestFile(t, filepath.Join(dir, fmt.Sprintf("story-%03d.html", i)), page(
			fmt.Sprintf("Story %d from %s", i, c),
			fmt.Sprintf("The government of %s announced measure number %d on Monday, officials said.", c, i),
			fmt.Sprintf("\"We expect results within a year,\" said Sam Lee, a policy analyst who studies %s.", c),
			fmt.Sprintf("Critics said measure %d would cost more than planned and take longer to deliver.", i),
			"The plan will be debated in parliament next month, and a vote is expected before the summer recess.",
		))
	}
	return dir
}

func TestConcurrentAddRuns(t *testing.T) {
	h := newHarness(t)
	a := articleDir(t, 20, []string{"Kenya", "Japan"})
	b := articleDir(t, 20, []string{"France", "Brazil"})
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i, dir := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Both also add the other's first file: the same article twice.
			other := filepath.Join([]string{b, a}[i], "story-000.html")
			codes[i], _, _ = h.run("", "add", dir, other)
		}()
	}
	wg.Wait()
	if codes[0] != 0 || codes[1] != 0 {
		t.Fatalf("concurrent adds exited %v, want 0 0", codes)
	}
	list := h.mustRun(0, "", "archive", "list", "-f", "jsonl")
	if got := strings.Count(list, "\n"); got != 40 {
		t.Errorf("archive holds %d articles after two concurrent adds, want 40", got)
	}
}

func TestConcurrentAddProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "brief.db")
	a := articleDir(t, 30, []string{"Kenya", "Japan", "Germany"})
	b := articleDir(t, 30, []string{"France", "Brazil", "Israel"})
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for _, in := range []string{a, b} {
		cmd := exec.Command(os.Args[0], "--db", db, "add", in)
		cmd.Env = append(os.Environ(), "BRIEF_TEST_MAIN=1", "HOME="+dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i])
		}
	}
	h := newHarness(t)
	h.db = db
	list := h.mustRun(0, "", "archive", "list", "-f", "jsonl")
	if got := strings.Count(list, "\n"); got != 60 {
		t.Errorf("archive holds %d articles after two concurrent processes, want 60", got)
	}
}

// BenchmarkAdd100 measures brief add of 100 local files into a new archive.
// The target is under 2 s per operation.
func BenchmarkAdd100(b *testing.B) {
	dir := articleDir(b, 100, []string{"Kenya", "Japan", "Germany", "Brazil", "France"})
	for i := 0; b.Loop(); i++ {
		h := newHarness(b)
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb, logger: slog.New(slog.DiscardHandler),
			now: time.Now, getenv: func(string) string { return "" }}
		if code := runEnv(context.Background(), e, []string{"brief", "--db", h.db, "add", dir}); code != 0 {
			b.Fatalf("exit %d: %s%s", code, out.String(), errb.String())
		}
	}
}

// cancelAfter is a stdout that cancels the run after n lines.
type cancelAfter struct {
	mu     sync.Mutex
	n      int
	lines  int
	cancel context.CancelFunc
	buf    bytes.Buffer
}

func (w *cancelAfter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.lines += bytes.Count(p, []byte("\n"))
	if w.lines >= w.n {
		w.cancel()
	}
	return w.buf.Write(p)
}

// TestAddInterrupted cancels brief add part-way: every article reported
// is archived with its digest, and nothing else is.
func TestAddInterrupted(t *testing.T) {
	h := newHarness(t)
	dir := articleDir(t, 60, []string{"Kenya", "Japan", "Germany"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &cancelAfter{n: 5, cancel: cancel}
	var errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: out, stderr: &errb, logger: slog.New(slog.DiscardHandler),
		now: h.clock.now, getenv: func(k string) string { return h.vars[k] }}
	if code := runEnv(ctx, e, []string{"brief", "--db", h.db, "add", "-j", "2", dir}); code != exitCanceled {
		t.Fatalf("interrupted add: exit %d, want %d; stderr:\n%s", code, exitCanceled, errb.String())
	}
	printed := strings.Count(out.buf.String(), "\n")
	list := h.mustRun(0, "", "archive", "list", "-f", "jsonl")
	var archived int
	for _, line := range strings.Split(strings.TrimSpace(list), "\n") {
		var rec listRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Region == "" {
			t.Errorf("article %d archived without a digest", rec.ID)
		}
		archived++
	}
	if archived != printed || printed < 5 || printed >= 60 {
		t.Errorf("printed %d lines, archived %d articles; want equal, between 5 and 59", printed, archived)
	}
	// Nothing interrupted is listed as a skipped source.
	h.clock.set(h.clock.now())
	code, jsonOut, _ := h.run("", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", "json")
	var b jsonBriefing
	if code != 0 || json.Unmarshal([]byte(jsonOut), &b) != nil || len(b.Skipped) != 0 {
		t.Errorf("briefing after an interrupted add: exit %d, skipped %+v; want none skipped", code, b.Skipped)
	}
}

// BenchmarkAddExamples100 measures brief add of 100 files cycled from
// examples/articles (real-sized pages) into a new archive.
func BenchmarkAddExamples100(b *testing.B) {
	src := filepath.Join("..", "..", "examples", "articles")
	ents, err := os.ReadDir(src)
	if err != nil || len(ents) == 0 {
		b.Skip("no examples/articles")
	}
	dir := b.TempDir()
	for i := range 100 {
		e := ents[i%len(ents)]
		raw, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		writeTestFile(b, filepath.Join(dir, fmt.Sprintf("%03d-%s", i, e.Name())), string(raw))
	}
	for b.Loop() {
		h := newHarness(b)
		var errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb, logger: slog.New(slog.DiscardHandler),
			now: time.Now, getenv: func(string) string { return "" }}
		if code := runEnv(context.Background(), e, []string{"brief", "--db", h.db, "add", dir}); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}

// randomArticleDir writes n articles of pseudo-random prose into a new
// directory: each article draws its words from a vocabulary of its own
// (made-up syllable words), so the briefing merges none of them.
func randomArticleDir(tb testing.TB, n int) string {
	tb.Helper()
	countries := []string{"Kenya", "Japan", "Germany", "Brazil", "France", "Nigeria", "Israel", "Singapore", "China", "Malaysia"}
	seed := uint64(1)
	next := func(k int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int((seed >> 33) % uint64(k))
	}
	const cons, vows = "bcdfghklmnprstvz", "aeiou"
	word := func() string {
		var b strings.Builder
		for range 2 + next(3) {
			b.WriteByte(cons[next(len(cons))])
			b.WriteByte(vows[next(len(vows))])
		}
		return b.String()
	}
	dir := tb.TempDir()
	for i := range n {
		vocab := make([]string, 60)
		for j := range vocab {
			vocab[j] = word()
		}
		sentence := func() string {
			var b strings.Builder
			for k := range 14 + next(10) {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(vocab[next(len(vocab))])
			}
			return strings.ToUpper(b.String()[:1]) + b.String()[1:] + "."
		}
		c := countries[next(len(countries))]
		paras := []string{fmt.Sprintf("The government of %s said %s", c, strings.ToLower(sentence()))}
		for range 5 {
			paras = append(paras, sentence()+" "+sentence())
		}
		paras = append(paras, fmt.Sprintf("\"%s\" said Alex Moreau, an analyst who follows %s.", sentence(), c))
		writeTestFile(tb, filepath.Join(dir, fmt.Sprintf("a%04d.html", i)), page(fmt.Sprintf("%s: %s", c, strings.TrimSuffix(sentence(), ".")), paras...))
	}
	return dir
}

// BenchmarkBriefingFromArchive measures brief briefing --date for a day of
// 1,000 archived articles: selection, merging, grouping and rendering.
func BenchmarkBriefingFromArchive(b *testing.B) {
	h := newHarness(b)
	h.clock.set(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
	h.mustRun(0, "", "add", "-j", "2", randomArticleDir(b, 1000))
	for _, f := range sortedFormats() {
		b.Run(f, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "briefing."+f)
			for b.Loop() {
				h.mustRun(0, "", "briefing", "--date", "2026-03-10", "--tz", "UTC", "-f", f, "-o", out)
			}
		})
	}
}
