package langchain_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/langchain"
	"github.com/brief-news/brief/summarize/llm"
	"github.com/brief-news/brief/summarize/summarizetest"
)

// provider describes how to start a fake of one backend's API and open
// the backend against it.
type provider struct {
	name  string
	fake  func(testing.TB, summarizetest.Faults) *summarizetest.Fake
	open  func(summarize.Config) (*langchain.Backend, error)
	model string
	env   string // live test variable
}

var providers = []provider{
	{name: "ollama", fake: summarizetest.NewOllama, open: langchain.NewOllama, model: "llama3.2", env: "OLLAMA_HOST"},
	{name: "anthropic", fake: summarizetest.NewAnthropic, open: langchain.NewAnthropic, model: langchain.DefaultAnthropicModel, env: "ANTHROPIC_API_KEY"},
}

func (p provider) config(fk *summarizetest.Fake) summarize.Config {
	return summarize.Config{MaxQuotes: 3, Settings: &llm.Config{BaseURL: fk.BaseURL(), APIKey: "test-key", Candidates: summarizetest.Candidates}}
}

func (p provider) backend(t testing.TB, cfg summarize.Config) summarize.Summarizer {
	t.Helper()
	b, err := p.open(cfg)
	if err != nil {
		t.Fatalf("open %s: %v", p.name, err)
	}
	return summarize.Checked(b, cfg)
}

func TestConformance(t *testing.T) {
	for _, p := range providers {
		t.Run(p.name, func(t *testing.T) {
			fk := p.fake(t, summarizetest.Faults{Latency: 50 * time.Millisecond})
			summarizetest.Run(t, p.backend(t, p.config(fk)), summarizetest.Options{})
		})
	}
}

func TestConformanceFaults(t *testing.T) {
	for _, p := range providers {
		t.Run(p.name, func(t *testing.T) {
			rig := summarizetest.Rig{Fake: p.fake,
				Open: func(t testing.TB, fk *summarizetest.Fake) summarize.Summarizer { return p.backend(t, p.config(fk)) }}
			if p.name == "ollama" { // the native API streams
				rig.OpenIdle = func(t testing.TB, fk *summarizetest.Fake, idle time.Duration) summarize.Summarizer {
					cfg := p.config(fk)
					cfg.Settings.(*llm.Config).IdleTimeout = idle
					return p.backend(t, cfg)
				}
			}
			summarizetest.RunFaults(t, rig)
		})
	}
}

func TestConformanceLive(t *testing.T) {
	for _, p := range providers {
		t.Run(p.name, func(t *testing.T) {
			v := os.Getenv(p.env)
			if v == "" {
				t.Skipf("%s not set", p.env)
			}
			lc := &llm.Config{Candidates: summarizetest.Candidates}
			cfg := summarize.Config{MaxQuotes: 3, Model: os.Getenv("BRIEF_MODEL"), Settings: lc}
			if p.name == "ollama" {
				lc.BaseURL = v
			} else {
				lc.APIKey = v
			}
			summarizetest.Run(t, p.backend(t, cfg), summarizetest.Options{Articles: summarizetest.Articles()[:1]})
		})
	}
}

func hasWarning(d *summarize.Digest, prefix string) bool {
	return slices.ContainsFunc(d.Warnings, func(w summarize.Warning) bool { return strings.HasPrefix(w.String(), prefix) })
}

func TestFaults(t *testing.T) {
	for _, p := range providers {
		for _, tt := range []struct {
			name         string
			faults       summarizetest.Faults
			article      *article.Article
			wantRequests int
			wantErr      any
			check        func(t *testing.T, d *summarize.Digest)
			minElapsed   time.Duration
		}{
			{name: "usage reported", wantRequests: 1, check: func(t *testing.T, d *summarize.Digest) {
				if d.Usage.PromptTokens == 0 || d.Usage.CompletionTokens == 0 || hasWarning(d, "usage_estimated") {
					t.Errorf("usage = %+v warnings %q, want reported counts", d.Usage, d.Warnings)
				}
			}},
			{name: "usage missing", faults: summarizetest.Faults{NoUsage: true}, wantRequests: 1, check: func(t *testing.T, d *summarize.Digest) {
				if d.Usage.PromptTokens == 0 || !hasWarning(d, "usage_estimated") {
					t.Errorf("usage = %+v warnings %q, want estimates and usage_estimated", d.Usage, d.Warnings)
				}
			}},
			{name: "429 with Retry-After", faults: summarizetest.Faults{RateLimit: 1, RetryAfter: time.Second}, wantRequests: 2, minElapsed: time.Second},
			{name: "500", faults: summarizetest.Faults{ServerErrors: 1}, wantRequests: 2},
			{name: "connection reset", faults: summarizetest.Faults{Resets: 1}, wantRequests: 2},
			{name: "malformed JSON repaired", faults: summarizetest.Faults{Malformed: 1}, wantRequests: 2},
			{name: "malformed JSON twice", faults: summarizetest.Faults{Malformed: 2}, wantRequests: 2, wantErr: new(*llm.ResponseError)},
			{name: "401 not retried", faults: summarizetest.Faults{Auth: true}, wantErr: new(*llm.AuthError)},
			{name: "paraphrased quote dropped", faults: summarizetest.Faults{Paraphrase: true}, wantRequests: 1, check: func(t *testing.T, d *summarize.Digest) {
				if !hasWarning(d, "quote_dropped") {
					t.Errorf("warnings %q, want quote_dropped", d.Warnings)
				}
			}},
			{name: "wrong speaker corrected", faults: summarizetest.Faults{WrongSpeaker: true}, wantRequests: 1, check: func(t *testing.T, d *summarize.Digest) {
				if len(d.Quotes) == 0 || d.Quotes[0].Speaker != "Amina Wanjiru" {
					t.Errorf("quotes = %+v, want the first by Amina Wanjiru", d.Quotes)
				}
			}},
			{name: "context-length error splits", faults: summarizetest.Faults{ContextTokens: 3500}, article: summarizetest.LongArticle(40), check: func(t *testing.T, d *summarize.Digest) {
				if d.Usage.Calls < 3 {
					t.Errorf("usage calls = %d, want the refused call, parts and a combining call", d.Usage.Calls)
				}
			}},
		} {
			t.Run(p.name+"/"+tt.name, func(t *testing.T) {
				fk := p.fake(t, tt.faults)
				cfg := p.config(fk)
				cfg.Settings.(*llm.Config).ContextTokens = 100000
				s := p.backend(t, cfg)
				a := tt.article
				if a == nil {
					a = summarizetest.Articles()[0]
				}
				start := time.Now()
				d, err := s.Summarize(context.Background(), a)
				el := time.Since(start)
				if tt.wantErr != nil {
					if !errors.As(err, tt.wantErr) {
						t.Fatalf("Summarize error = %v, want %T", err, tt.wantErr)
					}
					if !strings.HasPrefix(err.Error(), p.name+": ") {
						t.Errorf("error %q does not name the backend", err)
					}
				} else {
					if err != nil {
						t.Fatalf("Summarize error = %v", err)
					}
					summarizetest.CheckDigest(t, a, d, summarizetest.Options{})
					if d.Backend != p.name || d.Model != p.model {
						t.Errorf("backend, model = %q, %q, want %q, %q", d.Backend, d.Model, p.name, p.model)
					}
					if tt.check != nil {
						tt.check(t, d)
					}
				}
				if tt.name == "401 not retried" && fk.AllRequests() > 2 {
					t.Errorf("server got %d requests in all, want at most 2", fk.AllRequests())
				}
				if got := fk.Requests(); got != tt.wantRequests && tt.wantRequests > 0 {
					t.Errorf("server got %d requests, want %d", got, tt.wantRequests)
				}
				if el < tt.minElapsed {
					t.Errorf("took %v, want at least %v (Retry-After honoured)", el, tt.minElapsed)
				}
			})
		}
	}
}

// TestOllamaNumCtx: Ollama reloads the model whenever num_ctx changes,
// so a run asks for one num_ctx, whatever the length of its articles:
// --context-tokens when given, else the model's window capped at what the
// server reports.
func TestOllamaNumCtx(t *testing.T) {
	for _, tt := range []struct {
		name    string
		context int
		want    int
	}{
		{"configured", 16000, 16384},
		{"model default", 0, llm.KnownContext("ollama", "llama3.2")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fk := summarizetest.NewOllama(t, summarizetest.Faults{})
			cfg := summarize.Config{Settings: llm.Config{BaseURL: fk.BaseURL(), ContextTokens: tt.context, Candidates: summarizetest.Candidates}}
			b, err := langchain.NewOllama(cfg)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range []*article.Article{summarizetest.Articles()[0], summarizetest.LongArticle(30), summarizetest.Articles()[1]} {
				if _, err := b.Summarize(context.Background(), a); err != nil {
					t.Fatal(err)
				}
			}
			bodies := fk.Bodies()
			if len(bodies) < 3 {
				t.Fatalf("%d requests, want at least 3", len(bodies))
			}
			for i, body := range bodies {
				var req struct {
					Format  string `json:"format"`
					Options struct {
						NumCtx      int      `json:"num_ctx"`
						Temperature *float64 `json:"temperature"`
					} `json:"options"`
				}
				if err := json.Unmarshal(body, &req); err != nil {
					t.Fatal(err)
				}
				if req.Options.NumCtx != tt.want {
					t.Errorf("request %d: num_ctx = %d, want %d for every request", i, req.Options.NumCtx, tt.want)
				}
				if req.Format != "json" {
					t.Errorf("request %d: format = %q, want json", i, req.Format)
				}
				if req.Options.Temperature == nil || *req.Options.Temperature != 0 {
					t.Errorf("request %d: temperature = %v, want 0", i, req.Options.Temperature)
				}
			}
		})
	}
}

// TestOllamaSizedNumCtx: a run over articles of different lengths asks
// for one num_ctx, fitted to its largest request (a multiple of 1024 at
// least that request's prompt and answer, far below the model's window),
// and never above the window the server reports: when the server runs a
// smaller one, that is the num_ctx, and the long article goes in parts.
func TestOllamaSizedNumCtx(t *testing.T) {
	short := []*article.Article{summarizetest.Articles()[0], summarizetest.LongArticle(8), summarizetest.Articles()[1]}
	for _, tt := range []struct {
		name   string
		server int
		arts   []*article.Article
	}{
		{"fitted to the largest request", 0, short},
		{"capped at the server's window", 6000, append(short, summarizetest.LongArticle(60))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fk := summarizetest.NewOllama(t, summarizetest.Faults{ServerContext: tt.server})
			cfg := summarize.Config{Settings: llm.Config{BaseURL: fk.BaseURL(), Candidates: summarizetest.Candidates}}
			b, err := langchain.NewOllama(cfg)
			if err != nil {
				t.Fatal(err)
			}
			sized, err := b.SizeContext(context.Background(), slices.Values(tt.arts))
			if err != nil {
				t.Fatal(err)
			}
			largest := 0
			for _, a := range tt.arts {
				reqs, err := b.Preview(a)
				if err != nil {
					t.Fatal(err)
				}
				for _, q := range reqs {
					largest = max(largest, q.Estimate.PromptTokens+q.Estimate.MaxOutputTokens)
				}
			}
			t.Logf("num_ctx %d for a largest request of %d tokens", sized, largest)
			switch {
			case tt.server > 0 && sized != tt.server:
				t.Errorf("SizeContext = %d, want the server's window %d", sized, tt.server)
			case tt.server == 0 && (sized%1024 != 0 || sized < largest || sized >= llm.KnownContext("ollama", "llama3.2")):
				t.Errorf("SizeContext = %d, want a multiple of 1024 from the largest request (%d tokens) and below the model's window", sized, largest)
			}
			for _, a := range tt.arts {
				if _, err := b.Summarize(context.Background(), a); err != nil {
					t.Fatal(err)
				}
			}
			bodies := fk.Bodies()
			if len(bodies) < len(tt.arts) {
				t.Fatalf("%d requests, want at least %d", len(bodies), len(tt.arts))
			}
			for i, body := range bodies {
				var req struct {
					Options struct {
						NumCtx int `json:"num_ctx"`
					} `json:"options"`
				}
				if err := json.Unmarshal(body, &req); err != nil {
					t.Fatal(err)
				}
				if req.Options.NumCtx != sized {
					t.Errorf("request %d: num_ctx = %d, want %d for every request", i, req.Options.NumCtx, sized)
				}
			}
		})
	}
}

// TestOllamaSizeUnknownAhead: a run holding an article that cannot be
// read ahead (nil) keeps the model's window.
func TestOllamaSizeUnknownAhead(t *testing.T) {
	fk := summarizetest.NewOllama(t, summarizetest.Faults{})
	b, err := langchain.NewOllama(summarize.Config{Settings: llm.Config{BaseURL: fk.BaseURL()}})
	if err != nil {
		t.Fatal(err)
	}
	n, err := b.SizeContext(context.Background(), slices.Values([]*article.Article{summarizetest.Articles()[0], nil}))
	if want := llm.KnownContext("ollama", "llama3.2"); err != nil || n != want || b.NumCtx() != want {
		t.Errorf("SizeContext = %d, %v (NumCtx %d); want the model's window %d", n, err, b.NumCtx(), want)
	}
}

func TestNewValidates(t *testing.T) {
	if _, err := langchain.NewAnthropic(summarize.Config{}); err == nil {
		t.Error("NewAnthropic without key = nil error, want error")
	}
	if _, err := langchain.NewOllama(summarize.Config{Settings: llm.Config{BaseURL: "ftp://x"}}); err == nil {
		t.Error("NewOllama(ftp://x) = nil error, want error")
	}
	if _, err := langchain.NewOllama(summarize.Config{Settings: llm.Config{BaseURL: "localhost:11434"}}); err != nil {
		t.Errorf("NewOllama(host:port) = %v, want it accepted", err)
	}
}

func TestPreview(t *testing.T) {
	b, err := langchain.NewOllama(summarize.Config{Settings: llm.Config{ContextTokens: 4000, Candidates: summarizetest.Candidates}})
	if err != nil {
		t.Fatal(err)
	}
	reqs, err := b.Preview(summarizetest.LongArticle(40))
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) < 3 || reqs[len(reqs)-1].Purpose != "combine" {
		t.Fatalf("preview = %d requests, want parts then combine", len(reqs))
	}
	for _, r := range reqs {
		if r.Estimate.PromptTokens+r.Estimate.MaxOutputTokens > 4000 {
			t.Errorf("%s: %d+%d tokens, over the 4000 context", r.Purpose, r.Estimate.PromptTokens, r.Estimate.MaxOutputTokens)
		}
	}
}

// TestOllamaIdleTimeout: a streamed answer may take longer than the idle
// timeout in all, as long as it keeps coming; one that stalls fails
// without being asked again from scratch.
func TestOllamaIdleTimeout(t *testing.T) {
	a := summarizetest.Articles()[0]
	fk := summarizetest.NewOllama(t, summarizetest.Faults{Stall: 250 * time.Millisecond})
	b, err := langchain.NewOllama(summarize.Config{Settings: llm.Config{BaseURL: fk.BaseURL(), IdleTimeout: 600 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := b.Summarize(context.Background(), a); err != nil {
		t.Fatalf("slow but steady answer: %v", err)
	}
	if el := time.Since(start); el < 600*time.Millisecond {
		t.Fatalf("answer took %v; the test needs it longer than the idle timeout", el)
	}

	fk = summarizetest.NewOllama(t, summarizetest.Faults{Stall: time.Second})
	b, err = langchain.NewOllama(summarize.Config{Settings: llm.Config{BaseURL: fk.BaseURL(), IdleTimeout: 150 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Summarize(context.Background(), a)
	var te *llm.TransportError
	if !errors.As(err, &te) || !te.Waited {
		t.Errorf("stalled answer: %v, want a timeout that is not retried", err)
	}
	if fk.Requests() != 1 {
		t.Errorf("%d requests, want 1", fk.Requests())
	}
}
