package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
	"github.com/brief-news/brief/summarize/summarizetest"
)

// writeArticles writes arts as text files (title, blank line, paragraphs)
// into a new directory and returns it.
func writeArticles(t testing.TB, arts []*article.Article) string {
	t.Helper()
	dir := t.TempDir()
	for i, a := range arts {
		text := a.Title + "\n\n" + strings.Join(a.Paragraphs, "\n\n") + "\n"
		writeTestFile(t, filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), text)
	}
	return dir
}

func decodeRecords(t *testing.T, out string) []summaryRecord {
	t.Helper()
	var recs []summaryRecord
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r summaryRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not a JSON line: %v\n%s", err, line)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestLLMSummarizeAndCache(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = "sk-test"
	dir := writeArticles(t, summarizetest.Articles())
	args := []string{"summarize", "-f", "jsonl", "--backend", "openai", "--base-url", fk.BaseURL(), dir}

	code, out, errs := h.run("", args...)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	recs := decodeRecords(t, out)
	if len(recs) != 3 || fk.Requests() != 3 {
		t.Fatalf("%d records from %d requests, want 3 from 3", len(recs), fk.Requests())
	}
	for _, r := range recs {
		if r.Backend != "openai" || r.Model != "gpt-4.1-mini" || r.Usage == nil || r.Usage.PromptTokens == 0 {
			t.Errorf("%s: backend %q model %q usage %+v, want openai, gpt-4.1-mini, token counts", r.ID, r.Backend, r.Model, r.Usage)
		}
	}
	if !strings.Contains(errs, "3 articles, 3 model calls, 0 cache hits") || !strings.Contains(errs, "estimated cost $") {
		t.Errorf("stderr lacks the usage line:\n%s", errs)
	}

	code, out2, errs := h.run("", args...)
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, errs)
	}
	if fk.Requests() != 3 {
		t.Errorf("second run made %d requests, want 0 (cache)", fk.Requests()-3)
	}
	if !strings.Contains(errs, "3 articles, 0 model calls, 3 cache hits") {
		t.Errorf("second run's usage line:\n%s", errs)
	}
	recs2 := decodeRecords(t, out2)
	for i := range recs2 {
		if strings.Join(recs2[i].Takeaways, "|") != strings.Join(recs[i].Takeaways, "|") || recs2[i].Usage != nil {
			t.Errorf("cached record %d = %+v, want the same digest with no usage", i, recs2[i])
		}
	}

	if code, _, errs := h.run("", append([]string{"summarize", "--no-cache"}, args[1:]...)...); code != 0 {
		t.Fatalf("--no-cache: exit %d\n%s", code, errs)
	}
	if fk.Requests() != 6 {
		t.Errorf("--no-cache made %d requests, want 3", fk.Requests()-3)
	}
}

// TestLLMBadKey: a rejected key stops all model calls at once; the run
// exits 1 and writes no briefing, unless --fallback always, which writes
// offline digests, says so, and still exits 1.
func TestLLMBadKey(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{Auth: true})
	h := newHarness(t)
	dir := writeArticles(t, summarizetest.Articles())
	args := []string{"summarize", "-f", "jsonl", "--backend", "openai", "--base-url", fk.BaseURL(), dir}
	code, out, errs := h.run("", args...)
	if code != 1 || out != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing\n%s", code, out, errs)
	}
	if !strings.Contains(errs, "openai: stopped all model calls") || !strings.Contains(errs, "check OPENAI_API_KEY") {
		t.Errorf("stderr lacks the one-line reason and fix:\n%s", errs)
	}
	if fk.Requests() > 2 {
		t.Errorf("%d requests, want at most 2 (a bad key stops the run)", fk.Requests())
	}

	md := filepath.Join(t.TempDir(), "b.md")
	code, _, errs = h.run("", "briefing", "--backend", "openai", "--base-url", fk.BaseURL(), "-o", md, dir)
	if code != 1 || fileExists(md) {
		t.Errorf("briefing with a bad key: exit %d, file written %v; want 1 and none\n%s", code, fileExists(md), errs)
	}

	before := fk.Requests()
	code, out, errs = h.run("", append(args, "--fallback", "always")...)
	if code != 1 {
		t.Errorf("--fallback always: exit %d, want 1 (every article fell back)\n%s", code, errs)
	}
	for _, r := range decodeRecords(t, out) {
		if r.Backend != "extractive" || len(r.Warnings) == 0 || r.Warnings[len(r.Warnings)-1].Code != summarize.WarnFallback {
			t.Errorf("%s: backend %q warnings %q, want extractive with llm_fallback", r.ID, r.Backend, r.Warnings)
		}
	}
	if !strings.Contains(errs, "3 fell back to the offline digest") || !strings.Contains(errs, "more than --max-fallback") {
		t.Errorf("stderr lacks the fallback count and verdict:\n%s", errs)
	}
	if n := fk.Requests() - before; n > 2 {
		t.Errorf("--fallback always: %d requests, want at most 2", n)
	}

	code, _, errs = h.run("", "briefing", "--backend", "openai", "--base-url", fk.BaseURL(), "--fallback", "always", "-o", md, dir)
	if code != 1 || !fileExists(md) {
		t.Fatalf("briefing --fallback always: exit %d, file %v; want 1 and the briefing\n%s", code, fileExists(md), errs)
	}
	if b := readTestFile(t, md); strings.Count(b, "offline digest: model unavailable") != 3 {
		t.Errorf("briefing does not mark its 3 offline digests:\n%s", b)
	}
	pdfPath := filepath.Join(t.TempDir(), "b.pdf")
	h.run("", "briefing", "--backend", "openai", "--base-url", fk.BaseURL(), "--fallback", "always", "-f", "pdf", "-o", pdfPath, dir)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext to read the PDF")
	}
	text, err := exec.Command("pdftotext", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if n := strings.Count(string(text), "offline digest: model unavailable"); n != 3 {
		t.Errorf("PDF briefing marks %d offline digests, want 3:\n%s", n, text)
	}
}

// TestLLMUnknownModel: an unknown model stops the run like a bad key.
func TestLLMUnknownModel(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	h := newHarness(t)
	dir := writeArticles(t, summarizetest.Articles())
	code, _, errs := h.run("", "summarize", "-f", "jsonl", "--backend", "openai", "--base-url", fk.BaseURL(), "--model", "gpt-9-imaginary", dir)
	if code != 1 || !strings.Contains(errs, "check the model name") {
		t.Errorf("exit %d, want 1 with the fix\n%s", code, errs)
	}
	if fk.Requests() > 2 {
		t.Errorf("%d requests, want at most 2", fk.Requests())
	}
}

func TestLLMDryRun(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	h := newHarness(t)
	dir := writeArticles(t, summarizetest.Articles()[:1])
	code, out, errs := h.run("", "summarize", "--dry-run", "--backend", "openai", "--base-url", fk.BaseURL(), dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if fk.Requests() != 0 {
		t.Errorf("dry run made %d requests", fk.Requests())
	}
	if !strings.Contains(out, "BEGIN ARTICLE DATA") || !strings.Contains(out, "--- request 1 of 1: digest, about ") {
		t.Errorf("dry run output lacks the request:\n%s", out)
	}
	if !strings.Contains(errs, "dry run, openai gpt-4.1-mini: 1 articles, 1 requests") {
		t.Errorf("stderr = %q, want the dry-run total", errs)
	}
	if code, _, _ := h.run("", "summarize", "--dry-run", dir); code != 2 {
		t.Errorf("--dry-run with the extractive backend: exit %d, want 2", code)
	}
	if code, _, _ := h.run("", "add", "--dry-run", "--backend", "openai", dir); code != 2 {
		t.Errorf("add --dry-run: exit %d, want 2", code)
	}
}

func TestLLMMaxCost(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	h := newHarness(t)
	dir := writeArticles(t, summarizetest.Articles()[:1])
	code, out, errs := h.run("", "summarize", "-f", "jsonl", "--backend", "openai", "--base-url", fk.BaseURL(), "--max-cost", "0.00001", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (every article got the offline digest)\n%s", code, errs)
	}
	if fk.Requests() != 0 {
		t.Errorf("%d requests over budget, want 0", fk.Requests())
	}
	r := decodeRecords(t, out)[0]
	if r.Backend != "extractive" || !strings.Contains(fmt.Sprint(r.Warnings), "cost budget") {
		t.Errorf("record %+v, want extractive with a budget warning", r)
	}
	if code, _, errs := h.run("", "summarize", "--backend", "openai", "--model", "no-such-model", "--base-url", fk.BaseURL(), "--max-cost", "1", dir); code != 2 {
		t.Errorf("--max-cost for a model without a price: exit %d, want 2\n%s", code, errs)
	}
}

func TestLLMOllamaHost(t *testing.T) {
	fk := summarizetest.NewOllama(t, summarizetest.Faults{})
	h := newHarness(t)
	h.vars["OLLAMA_HOST"] = strings.TrimPrefix(fk.URL, "http://")
	dir := writeArticles(t, summarizetest.Articles()[:1])
	code, out, errs := h.run("", "summarize", "-f", "jsonl", "--backend", "ollama", "--no-cache", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if r := decodeRecords(t, out)[0]; r.Backend != "ollama" || fk.Requests() != 1 {
		t.Errorf("backend %q after %d requests, want ollama after 1", r.Backend, fk.Requests())
	}
	if !strings.Contains(errs, "estimated cost $0.0000") {
		t.Errorf("a local model should cost nothing:\n%s", errs)
	}
}

// TestLLMOllamaOneNumCtx: a run over files of different lengths, four at
// a time, asks Ollama for one num_ctx, fitted to its largest request
// (below the model's window), or the --context-tokens given.
func TestLLMOllamaOneNumCtx(t *testing.T) {
	arts := []*article.Article{summarizetest.Articles()[0], summarizetest.LongArticle(10), summarizetest.Articles()[1], summarizetest.LongArticle(4)}
	dir := writeArticles(t, arts)
	for _, tt := range []struct {
		name  string
		flags []string
		want  func(int) bool
	}{
		{"sized", nil, func(n int) bool { return n%1024 == 0 && n < llm.KnownContext("ollama", "llama3.2") }},
		{"configured", []string{"--context-tokens", "16000"}, func(n int) bool { return n == 16384 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fk := summarizetest.NewOllama(t, summarizetest.Faults{})
			h := newHarness(t)
			h.vars["OLLAMA_HOST"] = fk.URL
			args := append([]string{"summarize", "-f", "jsonl", "-j", "4", "--backend", "ollama", "--no-cache"}, tt.flags...)
			code, _, errs := h.run("", append(args, dir)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errs)
			}
			seen := map[int]int{}
			for _, body := range fk.Bodies() {
				var req struct {
					Options struct {
						NumCtx int `json:"num_ctx"`
					} `json:"options"`
				}
				if json.Unmarshal(body, &req) == nil && req.Options.NumCtx > 0 {
					seen[req.Options.NumCtx]++
				}
			}
			if len(seen) != 1 {
				t.Fatalf("num_ctx values %v, want one for the run", seen)
			}
			for n, k := range seen {
				if !tt.want(n) || k < len(arts) {
					t.Errorf("num_ctx %d in %d requests: not what the run should ask for", n, k)
				}
			}
		})
	}
}

// TestLLMBriefingGuards: through brief briefing, a model's takeaway with
// an invented figure never reaches the briefing, and --language de
// reaches the prompt of every request.
func TestLLMBriefingGuards(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{InventFigure: true})
	h := newHarness(t)
	dir := writeArticles(t, summarizetest.Articles())
	md := filepath.Join(t.TempDir(), "b.md")
	code, _, errs := h.run("", "briefing", "--backend", "openai", "--base-url", fk.BaseURL(), "--language", "de", "--no-cache", "-o", md, dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	b := readTestFile(t, md)
	if strings.Contains(b, summarizetest.InventedFigure) || !strings.Contains(b, "openai") {
		t.Errorf("briefing holds the invented figure %q, or is not the model's:\n%s", summarizetest.InventedFigure, b)
	}
	bodies := fk.Bodies()
	if len(bodies) < len(summarizetest.Articles()) {
		t.Fatalf("%d requests, want one per article", len(bodies))
	}
	for i, body := range bodies {
		if !strings.Contains(string(body), `in de, whatever the article's language`) {
			t.Errorf("request %d does not ask for German", i)
		}
	}
}

// TestLLMHugeAnswerBoundedMemory: a server that answers with 64 MiB,
// whole or streamed, costs a brief process far less than 300 MB of
// resident memory, and the article still gets a digest (the offline one,
// flagged).
func TestLLMHugeAnswerBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	if raceEnabled {
		t.Skip("the race detector multiplies memory use")
	}
	dir := writeArticles(t, summarizetest.Articles()[:1])
	for _, stream := range []string{"always", "never"} {
		t.Run("stream "+stream, func(t *testing.T) {
			fk := summarizetest.NewOpenAI(t, summarizetest.Faults{HugeAnswer: 64 << 20})
			tmp := t.TempDir()
			peakFile := filepath.Join(tmp, "peak")
			cmd := exec.Command(os.Args[0], "summarize", "-f", "jsonl", "--backend", "openai", "--base-url", fk.BaseURL(),
				"--stream", stream, "--no-cache", dir)
			cmd.Env = append(os.Environ(), "BRIEF_TEST_MAIN=1", "BRIEF_TEST_PEAK="+peakFile, "HOME="+tmp, "XDG_DATA_HOME="+tmp, "XDG_CONFIG_HOME="+tmp)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			cmd.Run() // exit 1: every article fell back
			recs := decodeRecords(t, out.String())
			if len(recs) != 1 || recs[0].Backend != "extractive" {
				t.Errorf("want the offline digest for the article, got:\n%s\n%s", out.String(), errb.String())
			}
			raw, err := os.ReadFile(peakFile)
			if err != nil {
				t.Skipf("the child reported no peak memory (no /proc?): %v", err)
			}
			var peak int64
			if _, err := fmt.Sscan(string(raw), &peak); err != nil {
				t.Fatalf("peak memory report %q: %v", raw, err)
			}
			if peak > 300<<20 {
				t.Errorf("peak resident memory %d MB for a 64 MiB answer, want under 300 MB", peak>>20)
			}
			t.Logf("peak resident memory %d MB for a 64 MiB answer", peak>>20)
		})
	}
}

func TestBackendsList(t *testing.T) {
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = "sk-very-secret-value"
	out := h.mustRun(0, "", "backends")
	if strings.Contains(out, "sk-very-secret-value") {
		t.Fatalf("brief backends printed the key:\n%s", out)
	}
	for _, want := range []string{"openai", "gpt-4.1-mini", "yes: OPENAI_API_KEY is set", "anthropic", "no: set ANTHROPIC_API_KEY", "ollama", "extractive"} {
		if !strings.Contains(out, want) {
			t.Errorf("brief backends lacks %q:\n%s", want, out)
		}
	}
	var rows []backendStatus
	if err := json.Unmarshal([]byte(h.mustRun(0, "", "backends", "-f", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range rows {
		got[r.Name] = r.Configured
	}
	if want := map[string]bool{"anthropic": false, "azure": false, "extractive": true, "ollama": false, "openai": true}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("configured = %v, want %v", got, want)
	}
}

// BenchmarkLLMPipeline runs brief summarize -j 8 over 64 articles against
// a fake OpenAI server that takes 200ms per answer, then again. It reports
// the first run's wall time over the ideal (8 rounds of 200ms) and the
// requests of the second run, which the cache should make 0.
func BenchmarkLLMPipeline(b *testing.B) {
	const (
		n       = 64
		workers = 8
		latency = 200 * time.Millisecond
	)
	ideal := time.Duration(n/workers) * latency
	dir := writeArticles(b, summarizetest.Batch(n))
	var walls time.Duration
	var firsts, seconds, runs int
	for b.Loop() {
		fk := summarizetest.NewOpenAI(b, summarizetest.Faults{Latency: latency})
		h := newHarness(b)
		runOnce := func() time.Duration {
			var errb bytes.Buffer
			e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb, now: time.Now,
				getenv: func(string) string { return "" }}
			start := time.Now()
			code := runEnv(context.Background(), e, []string{"brief", "--db", h.db, "summarize", "-f", "jsonl",
				"--backend", "openai", "--base-url", fk.BaseURL(), "-j", fmt.Sprint(workers), dir})
			el := time.Since(start)
			if code != 0 {
				b.Fatalf("exit %d: %s", code, errb.String())
			}
			return el
		}
		wall := runOnce()
		first := fk.Requests()
		runOnce()
		walls += wall
		firsts += first
		seconds += fk.Requests() - first
		runs++
	}
	// Means over the iterations.
	b.ReportMetric(float64(walls)/float64(runs)/float64(ideal), "wall/ideal")
	b.ReportMetric(float64(walls.Milliseconds())/float64(runs), "wall-ms")
	b.ReportMetric(float64(firsts)/float64(runs), "requests-1st")
	b.ReportMetric(float64(seconds)/float64(runs), "requests-2nd")
}

func TestLLMLongArticleVerbose(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	h := newHarness(t)
	dir := writeArticles(t, []*article.Article{summarizetest.LongArticle(40)})
	code, out, errs := h.run("", "-v", "summarize", "-f", "jsonl", "--backend", "openai", "--base-url", fk.BaseURL(),
		"--context-tokens", "4000", "--no-cache", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, "summarizing in parts") {
		t.Errorf("-v does not say the article was split:\n%s", errs)
	}
	r := decodeRecords(t, out)[0]
	if r.Backend != "openai" || r.Usage == nil || r.Usage.Calls != fk.Requests() || fk.Requests() < 3 {
		t.Errorf("record %+v after %d requests, want an openai digest from parts and a combining call", r, fk.Requests())
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func readTestFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBriefingNamesModel: a briefing made with a model says which, in
// its footer.
func TestBriefingNamesModel(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = "sk-test"
	dir := writeArticles(t, summarizetest.Articles())
	md := filepath.Join(t.TempDir(), "b.md")
	h.mustRun(0, "", "briefing", "--backend", "openai", "--base-url", fk.BaseURL(), "-o", md, dir)
	if b := readTestFile(t, md); !strings.Contains(b, "*Digests by openai gpt-4.1-mini (3)*") {
		t.Errorf("briefing footer does not name the model:\n%s", b)
	}
}

// TestLogRequestsAndFormatMemory: --log-requests keeps each request and
// reply in the archive, brief archive requests shows them; and a server
// that refused json_schema is not asked in it again on the next run.
func TestLogRequestsAndFormatMemory(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{RejectSchema: true})
	h := newHarness(t)
	dir := writeArticles(t, summarizetest.Articles()[:1])
	args := []string{"summarize", "-f", "jsonl", "--backend", "openai", "--base-url", fk.BaseURL(), "--no-cache"}
	h.mustRun(0, "", append(args, "--log-requests", dir)...)
	out := h.mustRun(0, "", "archive", "requests")
	if !strings.Contains(out, "openai gpt-4.1-mini") || !strings.Contains(out, "[reply]") || !strings.Contains(out, "BEGIN ARTICLE DATA") {
		t.Errorf("brief archive requests:\n%s", out)
	}
	var n int
	for _, line := range strings.Split(strings.TrimSpace(h.mustRun(0, "", "archive", "requests", "-f", "jsonl")), "\n") {
		var r struct {
			Purpose string `json:"purpose"`
			Error   string `json:"error"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d requests logged, want 1", n)
	}
	before := fk.Requests()
	other := writeArticles(t, summarizetest.Articles()[1:2])
	h.mustRun(0, "", append(args, "--log-requests", other)...)
	if got := fk.Requests() - before; got != 1 {
		t.Errorf("second run made %d requests, want 1 (the refused format remembered)", got)
	}
}

// TestBackendSettingsPrecedence: the backend's environment variable wins
// over the config file's base_url, the top-level model applies to the
// top-level backend only, and a backends: section applies to its backend.
func TestBackendSettingsPrecedence(t *testing.T) {
	ofk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	lfk := summarizetest.NewOllama(t, summarizetest.Faults{})
	h := newHarness(t)
	cfgPath := filepath.Join(h.dir, "config.yaml")
	writeTestFile(t, cfgPath, "backend: openai\nmodel: gpt-4.1-mini\nbase_url: http://127.0.0.1:1/v1\n"+
		"backends:\n  ollama:\n    model: \"qwen2.5:7b\"\n")
	h.vars["OPENAI_BASE_URL"] = ofk.BaseURL()
	h.vars["OLLAMA_HOST"] = lfk.URL
	dir := writeArticles(t, summarizetest.Articles()[:1])
	out := h.mustRun(0, "", "--config", cfgPath, "summarize", "-f", "jsonl", "--no-cache", dir)
	if r := decodeRecords(t, out)[0]; r.Backend != "openai" || r.Model != "gpt-4.1-mini" || ofk.Requests() != 1 {
		t.Errorf("openai run: %s %s after %d requests, want gpt-4.1-mini from OPENAI_BASE_URL", r.Backend, r.Model, ofk.Requests())
	}
	out = h.mustRun(0, "", "--config", cfgPath, "summarize", "-f", "jsonl", "--no-cache", "-b", "ollama", dir)
	if r := decodeRecords(t, out)[0]; r.Backend != "ollama" || r.Model != "qwen2.5:7b" || lfk.Requests() != 1 {
		t.Errorf("ollama run: %s %s, want qwen2.5:7b from its section, not the top-level model", r.Backend, r.Model)
	}
}

// TestDeadline: --deadline ends the run's model calls; the articles left
// get the offline digest, and the run says so.
func TestDeadline(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{Latency: 2 * time.Second})
	h := newHarness(t)
	dir := writeArticles(t, summarizetest.Articles()[:2])
	// The server answers in 2s: only the deadline makes the articles
	// fall back.
	code, out, errs := h.run("", "summarize", "-f", "jsonl", "--backend", "openai", "--base-url", fk.BaseURL(),
		"--deadline", "200ms", "--no-cache", "-j", "1", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (every article fell back)\n%s", code, errs)
	}
	for _, r := range decodeRecords(t, out) {
		if r.Backend != "extractive" || !strings.Contains(fmt.Sprint(r.Warnings), "run deadline passed") {
			t.Errorf("%s: %s %q, want the offline digest after the deadline", r.ID, r.Backend, r.Warnings)
		}
	}
}
