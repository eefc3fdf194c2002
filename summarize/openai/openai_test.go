package openai_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
	"github.com/brief-news/brief/summarize/openai"
	"github.com/brief-news/brief/summarize/summarizetest"
)

func testConfig(fk *summarizetest.Fake) summarize.Config {
	return summarize.Config{
		Model:     "gpt-4o-mini",
		MaxQuotes: 3,
		Settings:  &llm.Config{BaseURL: fk.BaseURL(), APIKey: "test-key", Candidates: summarizetest.Candidates},
	}
}

func open(t testing.TB, cfg summarize.Config) summarize.Summarizer {
	t.Helper()
	b, err := openai.New(cfg)
	if err != nil {
		t.Fatalf("openai.New: %v", err)
	}
	return summarize.Checked(b, cfg)
}

func TestConformance(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{Latency: 50 * time.Millisecond})
	summarizetest.Run(t, open(t, testConfig(fk)), summarizetest.Options{})
}

func TestConformanceFaults(t *testing.T) {
	summarizetest.RunFaults(t, summarizetest.Rig{Fake: summarizetest.NewOpenAI,
		Open: func(t testing.TB, fk *summarizetest.Fake) summarize.Summarizer { return open(t, testConfig(fk)) },
		OpenIdle: func(t testing.TB, fk *summarizetest.Fake, idle time.Duration) summarize.Summarizer {
			cfg := testConfig(fk)
			cfg.Settings.(*llm.Config).IdleTimeout = idle
			return open(t, cfg)
		}})
}

// TestConformanceFaultsWhole runs the fault suite with whole answers, as
// from OpenAI's own API (the fakes, on a loopback address, are streamed
// from by default).
func TestConformanceFaultsWhole(t *testing.T) {
	summarizetest.RunFaults(t, summarizetest.Rig{Fake: summarizetest.NewOpenAI,
		Open: func(t testing.TB, fk *summarizetest.Fake) summarize.Summarizer {
			cfg := testConfig(fk)
			cfg.Settings.(*llm.Config).Stream = llm.StreamNever
			return open(t, cfg)
		}})
}

// TestStreamIdleTimeout: answers from a local server are streamed; one
// that takes longer than the idle timeout in all but keeps coming is
// waited for, one that stalls is a timeout that is not asked again; with
// Stream never, or from a remote server, the answer is asked whole.
func TestStreamIdleTimeout(t *testing.T) {
	a := summarizetest.Articles()[0]
	streamed := func(fk *summarizetest.Fake) []bool {
		var out []bool
		for _, b := range fk.Bodies() {
			var req struct {
				Stream        bool `json:"stream"`
				StreamOptions *struct {
					IncludeUsage bool `json:"include_usage"`
				} `json:"stream_options"`
			}
			if err := json.Unmarshal(b, &req); err != nil {
				t.Fatal(err)
			}
			out = append(out, req.Stream && req.StreamOptions != nil && req.StreamOptions.IncludeUsage)
		}
		return out
	}
	withIdle := func(fk *summarizetest.Fake, idle time.Duration, mode string) summarize.Config {
		cfg := testConfig(fk)
		cfg.Settings.(*llm.Config).IdleTimeout = idle
		cfg.Settings.(*llm.Config).Stream = mode
		return cfg
	}

	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{Stall: 250 * time.Millisecond})
	start := time.Now()
	d, err := open(t, withIdle(fk, 600*time.Millisecond, "")).Summarize(context.Background(), a)
	if err != nil {
		t.Fatalf("slow but steady stream: %v", err)
	}
	if el := time.Since(start); el < 600*time.Millisecond {
		t.Fatalf("answer took %v; the test needs it longer than the idle timeout", el)
	}
	if got := streamed(fk); !slices.Equal(got, []bool{true}) {
		t.Errorf("requests streamed with usage = %v, want one streamed request", got)
	}
	if d.Usage.PromptTokens == 0 || len(d.Takeaways) == 0 {
		t.Errorf("streamed digest: usage %+v, %d takeaways; want the server's counts and takeaways", d.Usage, len(d.Takeaways))
	}

	fk = summarizetest.NewOpenAI(t, summarizetest.Faults{Stall: time.Second})
	_, err = open(t, withIdle(fk, 150*time.Millisecond, "")).Summarize(context.Background(), a)
	var te *llm.TransportError
	if !errors.As(err, &te) || !te.Timeout || !te.Waited || !errors.Is(err, llm.ErrStalled) {
		t.Errorf("stalled stream: %v, want a stall timeout that is not retried", err)
	}
	if fk.Requests() != 1 {
		t.Errorf("stalled stream: %d requests, want 1", fk.Requests())
	}

	// A server silent while it reads the prompt (Latency before any byte)
	// is waited for up to the request timeout, not the idle timeout.
	fk = summarizetest.NewOpenAI(t, summarizetest.Faults{Latency: 400 * time.Millisecond})
	cfg := withIdle(fk, 150*time.Millisecond, "")
	cfg.Settings.(*llm.Config).RequestTimeout = 5 * time.Second
	if _, err := open(t, cfg).Summarize(context.Background(), a); err != nil {
		t.Errorf("slow first chunk within the request timeout: %v", err)
	}
	fk = summarizetest.NewOpenAI(t, summarizetest.Faults{Latency: 400 * time.Millisecond})
	if _, err = open(t, withIdle(fk, 150*time.Millisecond, "")).Summarize(context.Background(), a); !errors.Is(err, llm.ErrStalled) {
		t.Errorf("slow first chunk without a request timeout: %v, want a stall", err)
	}

	fk = summarizetest.NewOpenAI(t, summarizetest.Faults{})
	if _, err := open(t, withIdle(fk, time.Minute, llm.StreamNever)).Summarize(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if got := streamed(fk); !slices.Equal(got, []bool{false}) {
		t.Errorf("Stream never: streamed = %v, want a whole answer", got)
	}
	if _, err := openai.New(withIdle(fk, time.Minute, "sometimes")); err == nil {
		t.Error("stream mode \"sometimes\" accepted")
	}
}

func TestStreams(t *testing.T) {
	for _, tt := range []struct {
		mode, base string
		want       bool
	}{
		{"", "http://127.0.0.1:8080/v1", true},
		{"auto", "http://localhost:11434/v1", true},
		{"", "http://192.168.1.20:8000/v1", true},
		{"", "http://[::1]:1234/v1", true},
		{"", "http://gpu-box.local:8000/v1", true},
		{"", "https://api.openai.com/v1", false},
		{"", "https://llm.example.com/v1", false},
		{"always", "https://llm.example.com/v1", true},
		{"never", "http://127.0.0.1:8080/v1", false},
	} {
		if got, err := llm.Streams(tt.mode, tt.base); err != nil || got != tt.want {
			t.Errorf("Streams(%q, %q) = %v, %v; want %v", tt.mode, tt.base, got, err, tt.want)
		}
	}
}

func TestConformanceLive(t *testing.T) {
	key := os.Getenv("OPENAI_API_KEY")
	if key == "" {
		t.Skip("OPENAI_API_KEY not set")
	}
	cfg := summarize.Config{Model: os.Getenv("BRIEF_MODEL"), MaxQuotes: 3,
		Settings: llm.Config{APIKey: key, BaseURL: os.Getenv("OPENAI_BASE_URL"), Candidates: summarizetest.Candidates}}
	summarizetest.Run(t, open(t, cfg), summarizetest.Options{Articles: summarizetest.Articles()[:1]})
}

// stub is a fallback summarizer that writes a fixed digest.
type stub struct{}

func (stub) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	return &summarize.Digest{Takeaways: []string{a.Paragraphs[0]}, Backend: "extractive", Region: "Global"}, nil
}

func hasWarning(d *summarize.Digest, prefix string) bool {
	return slices.ContainsFunc(d.Warnings, func(w summarize.Warning) bool { return strings.HasPrefix(w.String(), prefix) })
}

func TestFaults(t *testing.T) {
	ports := summarizetest.Articles()[0]
	for _, tt := range []struct {
		name         string
		faults       summarizetest.Faults
		article      *article.Article
		wantRequests int
		wantErr      any // typed error wanted from the backend, nil for success
		check        func(t *testing.T, d *summarize.Digest)
		minElapsed   time.Duration
	}{
		{name: "usage reported", wantRequests: 1, check: func(t *testing.T, d *summarize.Digest) {
			if d.Usage.PromptTokens == 0 || d.Usage.CompletionTokens == 0 || d.Usage.Calls != 1 || hasWarning(d, "usage_estimated") {
				t.Errorf("usage = %+v warnings %q, want reported counts from 1 call", d.Usage, d.Warnings)
			}
		}},
		{name: "usage missing", faults: summarizetest.Faults{NoUsage: true}, wantRequests: 1, check: func(t *testing.T, d *summarize.Digest) {
			if d.Usage.PromptTokens == 0 || !hasWarning(d, "usage_estimated") {
				t.Errorf("usage = %+v warnings %q, want estimated counts and a usage_estimated warning", d.Usage, d.Warnings)
			}
		}},
		{name: "429 with Retry-After", faults: summarizetest.Faults{RateLimit: 1, RetryAfter: time.Second}, wantRequests: 2, minElapsed: time.Second},
		{name: "500 twice", faults: summarizetest.Faults{ServerErrors: 2}, wantRequests: 3},
		{name: "connection reset", faults: summarizetest.Faults{Resets: 1}, wantRequests: 2},
		{name: "body cut short", faults: summarizetest.Faults{CutBody: 1}, wantRequests: 2},
		{name: "malformed JSON repaired", faults: summarizetest.Faults{Malformed: 1}, wantRequests: 2, check: func(t *testing.T, d *summarize.Digest) {
			if d.Usage.Calls != 2 {
				t.Errorf("usage calls = %d, want 2 (answer + repair)", d.Usage.Calls)
			}
		}},
		{name: "malformed JSON twice", faults: summarizetest.Faults{Malformed: 4}, wantRequests: 2, wantErr: new(*llm.ResponseError)},
		{name: "401 not retried", faults: summarizetest.Faults{Auth: true}, wantErr: new(*llm.AuthError), check: func(t *testing.T, _ *summarize.Digest) {}},
		{name: "paraphrased quote dropped", faults: summarizetest.Faults{Paraphrase: true}, wantRequests: 1, check: func(t *testing.T, d *summarize.Digest) {
			for _, q := range d.Quotes {
				if strings.HasPrefix(q.Text, "Essentially") {
					t.Errorf("paraphrased quote kept: %q", q.Text)
				}
			}
			if !hasWarning(d, "quote_dropped") {
				t.Errorf("warnings %q, want quote_dropped", d.Warnings)
			}
		}},
		{name: "wrong speaker corrected", faults: summarizetest.Faults{WrongSpeaker: true}, wantRequests: 1, check: func(t *testing.T, d *summarize.Digest) {
			if len(d.Quotes) == 0 || d.Quotes[0].Speaker != "Amina Wanjiru" {
				t.Errorf("quotes = %+v, want the first by Amina Wanjiru", d.Quotes)
			}
			if !hasWarning(d, "speaker_corrected") {
				t.Errorf("warnings %q, want speaker_corrected", d.Warnings)
			}
		}},
		{name: "json_schema refused", faults: summarizetest.Faults{RejectSchema: true}, wantRequests: 2},
		{name: "json_schema and json_object refused", faults: summarizetest.Faults{RejectSchema: true, RejectJSONObject: true}, wantRequests: 3},
		{name: "context-length error splits", faults: summarizetest.Faults{ContextTokens: 3500}, article: summarizetest.LongArticle(40), check: func(t *testing.T, d *summarize.Digest) {
			if d.Usage.Calls < 3 {
				t.Errorf("usage calls = %d, want the refused call, parts and a combining call", d.Usage.Calls)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fk := summarizetest.NewOpenAI(t, tt.faults)
			cfg := testConfig(fk)
			cfg.Settings.(*llm.Config).ContextTokens = 128000
			s := open(t, cfg)
			a := tt.article
			if a == nil {
				a = ports
			}
			start := time.Now()
			d, err := s.Summarize(context.Background(), a)
			el := time.Since(start)
			if tt.wantErr != nil {
				if !errors.As(err, tt.wantErr) {
					t.Fatalf("Summarize error = %v, want %T", err, tt.wantErr)
				}
				fd, ferr := summarize.Fallback(s, stub{}, summarize.FallbackAlways).Summarize(context.Background(), a)
				if ferr != nil || fd.Backend != "extractive" || !hasWarning(fd, "llm_fallback: openai: ") {
					t.Errorf("with fallback: %+v, %v; want extractive digest with llm_fallback warning", fd, ferr)
				}
			} else {
				if err != nil {
					t.Fatalf("Summarize error = %v", err)
				}
				summarizetest.CheckDigest(t, a, d, summarizetest.Options{})
				if d.Backend != "openai" || d.Model != "gpt-4o-mini" {
					t.Errorf("backend, model = %q, %q, want openai, gpt-4o-mini", d.Backend, d.Model)
				}
				if tt.check != nil {
					tt.check(t, d)
				}
			}
			if tt.wantRequests > 0 && fk.Requests() < tt.wantRequests {
				t.Errorf("server got %d requests, want %d", fk.Requests(), tt.wantRequests)
			}
			if tt.name == "401 not retried" && fk.AllRequests() > 2 {
				t.Errorf("server got %d requests in all, want at most 2", fk.AllRequests())
			}
			if tt.wantRequests > 0 && tt.wantErr != nil && fk.Requests() > tt.wantRequests+2 {
				t.Errorf("server got %d requests, want %d (+2 for the fallback check)", fk.Requests(), tt.wantRequests)
			}
			if el < tt.minElapsed {
				t.Errorf("took %v, want at least %v (Retry-After honoured)", el, tt.minElapsed)
			}
		})
	}
}

type requestBody struct {
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	ResponseFormat *struct {
		Type       string `json:"type"`
		JSONSchema *struct {
			Name   string          `json:"name"`
			Strict bool            `json:"strict"`
			Schema json.RawMessage `json:"schema"`
		} `json:"json_schema"`
	} `json:"response_format"`
	MaxTokens int `json:"max_tokens"`
}

func decodeBodies(t *testing.T, fk *summarizetest.Fake) []requestBody {
	t.Helper()
	var out []requestBody
	for _, b := range fk.Bodies() {
		var rb requestBody
		if err := json.Unmarshal(b, &rb); err != nil {
			t.Fatalf("request body: %v", err)
		}
		out = append(out, rb)
	}
	return out
}

func TestRequestShape(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	s := open(t, testConfig(fk))
	a := summarizetest.Articles()[2]
	if _, err := s.Summarize(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	bodies := decodeBodies(t, fk)
	if len(bodies) != 1 {
		t.Fatalf("%d requests, want 1", len(bodies))
	}
	rb := bodies[0]
	if rf := rb.ResponseFormat; rf == nil || rf.Type != "json_schema" || rf.JSONSchema == nil || !rf.JSONSchema.Strict ||
		!strings.Contains(string(rf.JSONSchema.Schema), `"takeaways"`) {
		t.Errorf("response_format = %+v, want strict json_schema with takeaways", rb.ResponseFormat)
	}
	if len(rb.Messages) != 2 || rb.Messages[0].Role != "system" || rb.Messages[1].Role != "user" {
		t.Fatalf("messages = %+v, want system and user", rb.Messages)
	}
	user := rb.Messages[1].Content
	if !strings.Contains(user, "BEGIN ARTICLE DATA") || !strings.Contains(user, `{"id":"Q1"`) {
		t.Errorf("user message lacks the data block with candidate ids:\n%s", user)
	}
	if rb.MaxTokens <= 0 {
		t.Errorf("max_tokens = %d, want a cap for a compatible server", rb.MaxTokens)
	}
}

func TestModeStepDownSticks(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{RejectSchema: true})
	s := open(t, testConfig(fk))
	for _, a := range summarizetest.Articles()[:2] {
		if _, err := s.Summarize(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	var types []string
	for _, rb := range decodeBodies(t, fk) {
		typ := ""
		if rb.ResponseFormat != nil {
			typ = rb.ResponseFormat.Type
		}
		types = append(types, typ)
	}
	if want := []string{"json_schema", "json_object", "json_object"}; !slices.Equal(types, want) {
		t.Errorf("response formats = %q, want %q", types, want)
	}
}

func TestInjectionCannotChangeFormat(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{Obey: true})
	cfg := testConfig(fk)
	s := open(t, cfg)
	a := summarizetest.Articles()[2]
	d, err := s.Summarize(context.Background(), a)
	if err != nil {
		t.Fatalf("Summarize = %v", err)
	}
	summarizetest.CheckDigest(t, a, d, summarizetest.Options{})
	for _, q := range d.Quotes {
		if strings.Contains(q.Text, "resigned") {
			t.Errorf("injected quote kept: %+v", q)
		}
	}
	if d.Region != "Americas" {
		t.Errorf("region = %q, want Americas (from Brazil; Atlantis ignored)", d.Region)
	}
	if _, err := json.Marshal(d); err != nil {
		t.Errorf("digest does not marshal: %v", err)
	}
}

func TestLongArticleSplit(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{ContextTokens: 4000})
	cfg := testConfig(fk)
	cfg.Settings.(*llm.Config).ContextTokens = 4000
	s := open(t, cfg)
	a := summarizetest.LongArticle(40)
	d, err := s.Summarize(context.Background(), a)
	if err != nil {
		t.Fatalf("Summarize = %v", err)
	}
	summarizetest.CheckDigest(t, a, d, summarizetest.Options{})
	bodies := decodeBodies(t, fk)
	if len(bodies) < 3 {
		t.Fatalf("%d requests, want parts and a combining request", len(bodies))
	}
	// Every paragraph reached the model: none was cut.
	var sent strings.Builder
	for _, rb := range bodies {
		sent.WriteString(rb.Messages[len(rb.Messages)-1].Content)
	}
	for i, p := range a.Paragraphs {
		enc, _ := json.Marshal(p)
		if !strings.Contains(sent.String(), strings.Trim(string(enc), `"`)) {
			t.Errorf("paragraph %d never sent", i)
		}
	}
	if d.Usage.Calls != len(bodies) {
		t.Errorf("usage calls = %d, want %d", d.Usage.Calls, len(bodies))
	}
	if len(d.Quotes) == 0 || d.Quotes[0].Speaker != "Hanna Vogel" {
		t.Errorf("quotes = %+v, want Hanna Vogel's", d.Quotes)
	}
}

func TestSlowServerCancel(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{Latency: 10 * time.Second})
	s := open(t, testConfig(fk))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := s.Summarize(ctx, summarizetest.Articles()[0])
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Summarize = %v, want context.DeadlineExceeded", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("returned after %v, want promptly", el)
	}
}

func TestNewValidates(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  summarize.Config
	}{
		{"no key for api.openai.com", summarize.Config{}},
		{"bad base URL", summarize.Config{Settings: llm.Config{BaseURL: "ftp://x"}}},
		{"bad template", summarize.Config{Settings: llm.Config{BaseURL: "http://localhost:1", PromptTemplate: "{{define \"user\"}}{{.Nope}}{{end}}"}}},
	} {
		if _, err := openai.New(tt.cfg); err == nil {
			t.Errorf("%s: New = nil error, want error", tt.name)
		}
	}
}

// runPool digests arts with n workers, like brief's pipeline at -j n.
func runPool(tb testing.TB, s summarize.Summarizer, arts []*article.Article, n int) {
	jobs := make(chan *article.Article)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range jobs {
				if _, err := s.Summarize(context.Background(), a); err != nil {
					tb.Error(err)
				}
			}
		}()
	}
	for _, a := range arts {
		jobs <- a
	}
	close(jobs)
	wg.Wait()
}

// BenchmarkConcurrent digests 64 articles against a fake server that
// takes 200ms per answer, with 8 workers, then again from the cache. It
// reports wall time over the ideal (8 rounds of 200ms) and the requests
// the second run made.
func BenchmarkConcurrent(b *testing.B) {
	const (
		articles = 64
		workers  = 8
		latency  = 200 * time.Millisecond
	)
	ideal := time.Duration(articles/workers) * latency
	arts := summarizetest.Batch(articles)
	var walls time.Duration
	var firsts, seconds, runs int
	for b.Loop() {
		fk := summarizetest.NewOpenAI(b, summarizetest.Faults{Latency: latency})
		cfg := testConfig(fk)
		cache := &summarizetest.MapCache{}
		s := summarize.Cached(open(b, cfg), cache, "openai", cfg.Model)
		start := time.Now()
		runPool(b, s, arts, workers)
		wall := time.Since(start)
		first := fk.Requests()
		runPool(b, s, arts, workers)
		second := fk.Requests() - first
		walls += wall
		firsts += first
		seconds += second
		runs++
	}
	// Means over the iterations.
	b.ReportMetric(float64(walls)/float64(runs)/float64(ideal), "wall/ideal")
	b.ReportMetric(float64(walls.Milliseconds())/float64(runs), "wall-ms")
	b.ReportMetric(float64(firsts)/float64(runs), "requests-1st")
	b.ReportMetric(float64(seconds)/float64(runs), "requests-2nd")
}

// TestConcurrent digests a batch with 8 workers against a server that
// refuses json_schema and rate-limits, sharing a limiter and a meter.
func TestConcurrent(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{RejectSchema: true, RateLimit: 2, RetryAfter: 100 * time.Millisecond})
	cfg := testConfig(fk)
	lc := cfg.Settings.(*llm.Config)
	lc.Limiter = llm.NewLimiter(6000, 0)
	m, err := llm.NewMeter(&llm.Price{Input: 1, Output: 1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	lc.Meter = m
	cache := &summarizetest.MapCache{}
	s := summarize.Cached(open(t, cfg), cache, "openai")
	arts := summarizetest.Batch(16)
	runPool(t, s, arts, 8)
	if cache.Len() != 16 {
		t.Errorf("cache holds %d digests, want 16", cache.Len())
	}
	if got := m.Totals(); got.Calls != fk.Requests() {
		t.Errorf("meter counted %d calls, server got %d", got.Calls, fk.Requests())
	}
}

// TestWireDistrust holds the backend to what the issue asks of answers
// from the wire: an invented figure never reaches the digest, terminal
// escapes and bidi overrides are stripped, a huge answer is refused, and
// sampling is temperature 0 with a seed by default.
func TestWireDistrust(t *testing.T) {
	a := summarizetest.Articles()[0]
	t.Run("invented figure", func(t *testing.T) {
		fk := summarizetest.NewOpenAI(t, summarizetest.Faults{InventFigure: true})
		d, err := open(t, testConfig(fk)).Summarize(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range d.Takeaways {
			if strings.Contains(tk, "987") {
				t.Errorf("takeaway with the invented figure kept: %q", tk)
			}
		}
		if !d.Has(summarize.WarnTakeawayUngrounded) || len(d.Takeaways) == 0 {
			t.Errorf("takeaways %q warnings %q, want the others kept and takeaway_ungrounded", d.Takeaways, d.Warnings)
		}
	})
	t.Run("escapes", func(t *testing.T) {
		fk := summarizetest.NewOpenAI(t, summarizetest.Faults{Escapes: true})
		d, err := open(t, testConfig(fk)).Summarize(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range d.Takeaways {
			if strings.ContainsAny(tk, "\x1b\x07\u202e") {
				t.Errorf("takeaway keeps control characters: %q", tk)
			}
		}
	})
	t.Run("huge answer", func(t *testing.T) {
		fk := summarizetest.NewOpenAI(t, summarizetest.Faults{HugeAnswer: 64 << 20})
		_, err := open(t, testConfig(fk)).Summarize(context.Background(), a)
		var big *llm.BodyTooLargeError
		var re *llm.ResponseError
		if !errors.As(err, &big) && !errors.As(err, &re) {
			t.Errorf("Summarize(64 MiB answer) = %v, want a refused body", err)
		}
		if fk.Requests() > 1 {
			t.Errorf("%d requests, want 1 (a huge answer is not retried)", fk.Requests())
		}
	})
	t.Run("sampling", func(t *testing.T) {
		fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
		if _, err := open(t, testConfig(fk)).Summarize(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, s := range fk.Sampling() {
			if s.Temperature == nil || *s.Temperature > openai.MinTemperature || s.Seed == nil || *s.Seed != llm.DefaultSeed {
				t.Errorf("sampling = %v, %v; want temperature 0 (as %g) and seed %d", s.Temperature, s.Seed, openai.MinTemperature, llm.DefaultSeed)
			}
		}
	})
	t.Run("language", func(t *testing.T) {
		fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
		cfg := testConfig(fk)
		cfg.Language = "de"
		if _, err := open(t, cfg).Summarize(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if b := decodeBodies(t, fk); len(b) == 0 || !strings.Contains(b[0].Messages[0].Content, "write \"takeaways\" and each \"role\" in de") {
			t.Errorf("--language de did not reach the prompt")
		}
	})
}

// TestTruncatingServer: a server that cuts prompts to its context (as
// Ollama's /v1 does) and says so in its token count is caught: the
// digest warns prompt_truncated, the article is sent again in parts, and
// later articles are planned for the smaller context from the start.
func TestTruncatingServer(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{Truncate: 3000})
	cfg := testConfig(fk)
	s := open(t, cfg)
	a := summarizetest.LongArticle(60)
	d, err := s.Summarize(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	summarizetest.CheckDigest(t, a, d, summarizetest.Options{})
	if !d.Has(summarize.WarnPromptTruncated) || d.Usage.Calls < 3 {
		t.Errorf("warnings %q after %d calls, want prompt_truncated and a split", d.Warnings, d.Usage.Calls)
	}
	before := fk.Requests()
	b := summarizetest.LongArticle(61)
	d, err = s.Summarize(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	if d.Has(summarize.WarnPromptTruncated) {
		t.Errorf("second article truncated again: %q", d.Warnings)
	}
	for i, body := range decodeBodies(t, fk)[before:] {
		var n int
		for _, m := range body.Messages {
			n += 4 + (len(m.Content)+3)/4
		}
		if n > 3000 {
			t.Errorf("second article, request %d: about %d prompt tokens, over the server's 3000", i, n)
		}
	}
}

// TestAnswerCutAtLength: an answer cut at max_tokens (finish_reason
// "length") is asked again with twice the room, not repaired with the same.
func TestAnswerCutAtLength(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{NeedTokens: 2000})
	a := summarizetest.Articles()[0]
	d, err := open(t, testConfig(fk)).Summarize(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	summarizetest.CheckDigest(t, a, d, summarizetest.Options{})
	bodies := decodeBodies(t, fk)
	if len(bodies) != 2 || bodies[1].MaxTokens != 2*bodies[0].MaxTokens {
		var got []int
		for _, b := range bodies {
			got = append(got, b.MaxTokens)
		}
		t.Errorf("max_tokens of the requests = %v, want two, the second twice the first", got)
	}
}

// TestLanguageTranslatesQuotes: with a language, a quote keeps its own
// words and carries the model's translation beside them.
func TestLanguageTranslatesQuotes(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{})
	cfg := testConfig(fk)
	cfg.Language = "German"
	a := summarizetest.Articles()[0]
	d, err := open(t, cfg).Summarize(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	summarizetest.CheckDigest(t, a, d, summarizetest.Options{})
	if len(d.Quotes) == 0 || !strings.HasPrefix(d.Quotes[0].Translation, "[German] ") || strings.HasPrefix(d.Quotes[0].Text, "[") {
		t.Errorf("quotes = %+v, want verbatim text with a translation", d.Quotes)
	}
}

// TestServerWindowCapsConfigured: a configured context window larger
// than the one the server reports (vLLM's max_model_len) is capped at
// the server's: no request is planned beyond it.
func TestServerWindowCapsConfigured(t *testing.T) {
	fk := summarizetest.NewOpenAI(t, summarizetest.Faults{ServerContext: 6000})
	cfg := testConfig(fk)
	cfg.Settings.(*llm.Config).ContextTokens = 100_000
	b, err := openai.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Summarize(context.Background(), summarizetest.Articles()[0]); err != nil {
		t.Fatal(err)
	}
	reqs, err := b.Preview(summarizetest.LongArticle(60))
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) < 2 {
		t.Errorf("%d requests for a long article, want it in parts", len(reqs))
	}
	for _, r := range reqs {
		if n := r.Estimate.PromptTokens + r.Estimate.MaxOutputTokens; n > 6000 {
			t.Errorf("%s: %d tokens planned, over the server's 6000", r.Purpose, n)
		}
	}
}
