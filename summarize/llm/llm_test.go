package llm_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

func TestClassify(t *testing.T) {
	h := func(k, v string) http.Header { return http.Header{k: []string{v}} }
	base := errors.New("boom")
	for _, tt := range []struct {
		name      string
		status    int
		header    http.Header
		err       error
		want      any // pointer to the typed error wanted
		retry     bool
		wantAfter time.Duration
	}{
		{"429 retry-after", 429, h("Retry-After", "3"), base, new(*llm.RateLimitError), true, 3 * time.Second},
		{"429 retry-after-ms", 429, h("Retry-After-Ms", "250"), base, new(*llm.RateLimitError), true, 250 * time.Millisecond},
		{"429 quota", 429, nil, errors.New("You exceeded your current quota"), new(*llm.AuthError), false, 0},
		{"401", 401, nil, base, new(*llm.AuthError), false, 0},
		{"403", 403, nil, base, new(*llm.AuthError), false, 0},
		{"400", 400, nil, base, new(*llm.BadRequestError), false, 0},
		{"404", 404, nil, base, new(*llm.BadRequestError), false, 0},
		{"400 context", 400, nil, errors.New("This model's maximum context length is 8192 tokens"), new(*llm.ContextLengthError), false, 0},
		{"500", 500, nil, base, new(*llm.ServerError), true, 0},
		{"503 retry-after", 503, h("Retry-After", "1"), base, new(*llm.ServerError), true, time.Second},
		{"529", 529, nil, base, new(*llm.ServerError), true, 0},
		{"reset", 0, nil, fmt.Errorf("read: %w", syscall.ECONNRESET), new(*llm.TransportError), true, 0},
		{"eof", 0, nil, fmt.Errorf("post: %w", io.ErrUnexpectedEOF), new(*llm.TransportError), true, 0},
		{"200 undecodable", 200, nil, errors.New("invalid character 'x'"), new(*llm.ResponseError), false, 0},
		{"200 cut short", 200, nil, errors.New("unexpected end of JSON input"), new(*llm.TransportError), true, 0},
		{"404 openai model", 404, nil, errors.New("The model `gpt-9` does not exist or you do not have access to it."), new(*llm.ModelError), false, 0},
		{"404 ollama model", 404, nil, errors.New(`{"error":"model 'x' not found, try pulling it first"}`), new(*llm.ModelError), false, 0},
		{"404 anthropic model", 404, nil, errors.New(`{"type":"error","error":{"type":"not_found_error","message":"model: claude-x"}}`), new(*llm.ModelError), false, 0},
		{"404 path to models", 404, nil, errors.New("GET http://x/v1/models: 404 Not Found: 404 page not found"), new(*llm.BadRequestError), false, 0},
		{"body too large", 200, nil, &llm.BodyTooLargeError{Limit: 8, Status: 200}, new(*llm.BodyTooLargeError), false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := llm.Classify(tt.err, tt.status, tt.header)
			if !errors.As(got, tt.want) {
				t.Fatalf("Classify(%v, %d) = %T %v, want %T", tt.err, tt.status, got, got, tt.want)
			}
			retry, after := llm.Retryable(got)
			if retry != tt.retry || after != tt.wantAfter {
				t.Errorf("Retryable(%v) = %v, %v, want %v, %v", got, retry, after, tt.retry, tt.wantAfter)
			}
		})
	}
	for _, err := range []error{&llm.AuthError{Status: 401, Err: base}, &llm.ModelError{Status: 404, Err: base}} {
		if !errors.Is(fmt.Errorf("openai: %w", err), summarize.ErrUnusable) {
			t.Errorf("%v does not match summarize.ErrUnusable", err)
		}
	}
	if errors.Is(&llm.ServerError{Status: 500, Err: base}, summarize.ErrUnusable) {
		t.Errorf("a server error matches summarize.ErrUnusable")
	}
	if got := llm.Classify(context.Canceled, 0, nil); got != context.Canceled {
		t.Errorf("Classify(context.Canceled) = %v, want it unchanged", got)
	}
}

func TestContextLengthMessage(t *testing.T) {
	for _, tt := range []struct {
		msg   string
		limit int
		ok    bool
	}{
		{"This model's maximum context length is 8192 tokens. However, your messages resulted in 9100 tokens.", 8192, true},
		{"prompt is too long: 210000 tokens > 200000 maximum", 200000, true},
		{"the request exceeds the available context size, try increasing it (n_ctx_slot = 4096)", 4096, true},
		{"invalid api key", 0, false},
	} {
		limit, ok := llm.ContextLengthMessage(tt.msg)
		if limit != tt.limit || ok != tt.ok {
			t.Errorf("ContextLengthMessage(%q) = %d, %v, want %d, %v", tt.msg, limit, ok, tt.limit, tt.ok)
		}
	}
}

func TestRetryAfterDate(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	h := http.Header{"Retry-After": []string{now.Add(7 * time.Second).Format(http.TimeFormat)}}
	if got := llm.RetryAfter(h, now); got != 7*time.Second {
		t.Errorf("RetryAfter(date +7s) = %v, want 7s", got)
	}
}

func TestRetryPolicyDelay(t *testing.T) {
	p := llm.RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: 400 * time.Millisecond, MaxRetryAfter: time.Minute}
	for attempt, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 6: 400 * time.Millisecond} {
		d, ok := p.Delay(attempt, 0)
		if !ok || d < want/2 || d > want {
			t.Errorf("Delay(%d, 0) = %v, %v, want in [%v, %v]", attempt, d, ok, want/2, want)
		}
	}
	if d, ok := p.Delay(1, 2*time.Second); !ok || d < 2*time.Second || d > 2200*time.Millisecond {
		t.Errorf("Delay(1, 2s) = %v, %v, want about 2s", d, ok)
	}
	if _, ok := p.Delay(1, 2*time.Minute); ok {
		t.Errorf("Delay(1, 2m) ok with MaxRetryAfter 1m, want give up")
	}
}

// recordSleep is a Caller.Sleep that records the waits instead of waiting.
type recordSleep struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (r *recordSleep) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.waits = append(r.waits, d)
	r.mu.Unlock()
	return ctx.Err()
}

func TestCallerRetries(t *testing.T) {
	for _, tt := range []struct {
		name       string
		statuses   []int // response per attempt; the last repeats
		maxRetries int
		wantCalls  int
		wantErr    any
		wantWait   time.Duration // first wait at least this
	}{
		{"429 then ok", []int{429, 200}, 0, 2, nil, 2 * time.Second},
		{"500 twice then ok", []int{500, 500, 200}, 0, 3, nil, 0},
		{"401 not retried", []int{401}, 0, 1, new(*llm.AuthError), 0},
		{"400 not retried", []int{400}, 0, 1, new(*llm.BadRequestError), 0},
		{"404 not retried", []int{404}, 0, 1, new(*llm.BadRequestError), 0},
		{"500 gives up after retries", []int{500}, 2, 3, new(*llm.ServerError), 0},
		{"no retries", []int{500}, -1, 1, new(*llm.ServerError), 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			n := 0
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				st := tt.statuses[min(n, len(tt.statuses)-1)]
				n++
				mu.Unlock()
				if st == 429 {
					w.Header().Set("Retry-After", "2")
				}
				w.WriteHeader(st)
			}))
			defer srv.Close()
			client := llm.CapturingClient(srv.Client(), 0)
			rs := &recordSleep{}
			c := &llm.Caller{Retry: llm.RetryPolicy{MaxRetries: tt.maxRetries}, Sleep: rs.sleep}
			u, err := c.Call(context.Background(), llm.Estimate{}, func(ctx context.Context) (summarize.Usage, error) {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
				resp, err := client.Do(req)
				if err != nil {
					return summarize.Usage{}, err
				}
				resp.Body.Close()
				if resp.StatusCode != 200 {
					// Like an SDK that reports the status only as text.
					return summarize.Usage{}, errors.New("request failed")
				}
				return summarize.Usage{PromptTokens: 10, CompletionTokens: 5}, nil
			})
			if u.Calls != tt.wantCalls {
				t.Errorf("calls = %d, want %d", u.Calls, tt.wantCalls)
			}
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Call error = %v, want nil", err)
				}
				if u.PromptTokens != 10 {
					t.Errorf("prompt tokens = %d, want 10", u.PromptTokens)
				}
			} else if !errors.As(err, tt.wantErr) {
				t.Fatalf("Call error = %T %v, want %T", err, err, tt.wantErr)
			}
			if tt.wantWait > 0 && (len(rs.waits) == 0 || rs.waits[0] < tt.wantWait) {
				t.Errorf("waits = %v, want first >= %v (Retry-After)", rs.waits, tt.wantWait)
			}
		})
	}
}

func TestCallerCancelDuringBackoff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := &llm.Caller{Retry: llm.RetryPolicy{BaseDelay: time.Hour, MaxDelay: time.Hour}}
	done := make(chan error, 1)
	go func() {
		_, err := c.Call(ctx, llm.Estimate{}, func(context.Context) (summarize.Usage, error) {
			return summarize.Usage{}, &llm.ServerError{Status: 500, Err: errors.New("down")}
		})
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Call error = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Call did not return after cancel")
	}
}

// TestCallerAttemptTimeoutNotRetried: a model that did not answer within
// the request timeout is not asked again from scratch.
func TestCallerAttemptTimeoutNotRetried(t *testing.T) {
	n := 0
	c := &llm.Caller{AttemptTimeout: 10 * time.Millisecond, Sleep: (&recordSleep{}).sleep}
	_, err := c.Call(context.Background(), llm.Estimate{}, func(ctx context.Context) (summarize.Usage, error) {
		n++
		if n == 1 {
			<-ctx.Done()
			return summarize.Usage{}, ctx.Err()
		}
		return summarize.Usage{}, nil
	})
	var te *llm.TransportError
	if !errors.As(err, &te) || !te.Timeout || n != 1 {
		t.Errorf("Call = %v after %d attempts, want a timeout after 1", err, n)
	}
}

func TestMeterBudget(t *testing.T) {
	m, err := llm.NewMeter(&llm.Price{Input: 1, Output: 2}, 0.003)
	if err != nil {
		t.Fatal(err)
	}
	c := &llm.Caller{Meter: m}
	send := func(context.Context) (summarize.Usage, error) {
		return summarize.Usage{PromptTokens: 1000, CompletionTokens: 500}, nil
	}
	// Each request is estimated at 1000 in + 500 out = $0.002.
	est := llm.Estimate{PromptTokens: 1000, MaxOutputTokens: 500}
	if _, err := c.Call(context.Background(), est, send); err != nil {
		t.Fatalf("first call: %v", err)
	}
	if _, err := c.Call(context.Background(), est, send); !errors.Is(err, llm.ErrBudgetExceeded) {
		t.Fatalf("second call error = %v, want ErrBudgetExceeded", err)
	}
	got := m.Totals()
	if got.Calls != 1 || got.PromptTokens != 1000 || got.CompletionTokens != 500 || got.Cost < 0.00199 || got.Cost > 0.00201 || !got.CostKnown {
		t.Errorf("Totals() = %+v, want 1 call, 1000+500 tokens, $0.002", got)
	}
	if _, err := llm.NewMeter(nil, 1); err == nil {
		t.Error("NewMeter(nil price, budget 1) = nil error, want error")
	}
}

func TestLimiterPaces(t *testing.T) {
	l := llm.NewLimiter(600, 0) // one request per 100ms
	start := time.Now()
	for range 3 {
		if err := l.Wait(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
	}
	if el := time.Since(start); el < 150*time.Millisecond {
		t.Errorf("3 requests at 600 rpm took %v, want at least 200ms of pacing", el)
	}
	if llm.NewLimiter(0, 0) != nil {
		t.Error("NewLimiter(0, 0) != nil, want no limiter")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := llm.NewLimiter(1, 0).Wait(ctx, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait(cancelled) = %v, want context.Canceled", err)
	}
}
