package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/brief-news/brief/summarize"
)

// DefaultMaxRetries is the number of retries when Config.MaxRetries is 0.
const DefaultMaxRetries = 4

// RetryPolicy says how often and how long to retry a retryable failure
// (see Retryable). Zero fields take the defaults noted on each.
type RetryPolicy struct {
	// MaxRetries is the number of retries after the first attempt:
	// 0 means DefaultMaxRetries, a negative value means none.
	MaxRetries int
	// BaseDelay is the first backoff; it doubles with every retry. 0 means 500ms.
	BaseDelay time.Duration
	// MaxDelay caps the backoff. 0 means 30s.
	MaxDelay time.Duration
	// MaxRetryAfter is the longest Retry-After brief waits for; a server
	// asking for more ends the retries. 0 means 2 minutes.
	MaxRetryAfter time.Duration
}

func (p RetryPolicy) retries() int {
	switch {
	case p.MaxRetries < 0:
		return 0
	case p.MaxRetries == 0:
		return DefaultMaxRetries
	}
	return p.MaxRetries
}

// Delay returns the wait before retry number attempt (1 for the first
// retry): the server's Retry-After when it gave one, else an exponential
// backoff with jitter (half fixed, half random). ok is false when the
// server asked for a wait longer than MaxRetryAfter.
func (p RetryPolicy) Delay(attempt int, retryAfter time.Duration) (d time.Duration, ok bool) {
	base, maxd, maxAfter := p.BaseDelay, p.MaxDelay, p.MaxRetryAfter
	if base <= 0 {
		base = 500 * time.Millisecond
	}
	if maxd <= 0 {
		maxd = 30 * time.Second
	}
	if maxAfter <= 0 {
		maxAfter = 2 * time.Minute
	}
	if retryAfter > 0 {
		if retryAfter > maxAfter {
			return 0, false
		}
		// A little jitter on top so that workers told the same wait do
		// not all return in the same instant.
		return retryAfter + time.Duration(rand.Int64N(int64(retryAfter/10)+1)), true
	}
	d = base
	for i := 1; i < attempt && d < maxd; i++ {
		d *= 2
	}
	if d > maxd {
		d = maxd
	}
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1)), true
}

// ResponseInfo records the status and headers of the HTTP responses a
// model request received, for mapping a client library's error to a
// typed one. It is filled by the transport of CapturingClient.
type ResponseInfo struct {
	mu     sync.Mutex
	status int
	header http.Header
}

// Last returns the status and headers of the latest response (0 and nil
// when none arrived).
func (r *ResponseInfo) Last() (int, http.Header) {
	if r == nil {
		return 0, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status, r.header
}

func (r *ResponseInfo) record(resp *http.Response) {
	r.mu.Lock()
	r.status, r.header = resp.StatusCode, resp.Header.Clone()
	r.mu.Unlock()
}

type captureKey struct{}

// WithResponseInfo returns a context whose requests, when sent through a
// CapturingClient, record their responses into the returned ResponseInfo.
func WithResponseInfo(ctx context.Context) (context.Context, *ResponseInfo) {
	info := &ResponseInfo{}
	return context.WithValue(ctx, captureKey{}, info), info
}

// ResponseInfoFrom returns the ResponseInfo of ctx (see WithResponseInfo),
// or nil.
func ResponseInfoFrom(ctx context.Context) *ResponseInfo {
	info, _ := ctx.Value(captureKey{}).(*ResponseInfo)
	return info
}

// CapturingClient returns a copy of c (nil means a default client) whose
// transport records each response's status and headers into the
// ResponseInfo of the request's context (see WithResponseInfo), and cuts
// every response body at maxBody bytes (0 means DefaultMaxBodyBytes): a
// longer body reads as a *BodyTooLargeError. This is how Retry-After
// reaches the retry loop through SDKs that drop it, and how a server
// cannot make brief hold an answer of any size.
func CapturingClient(c *http.Client, maxBody int64) *http.Client {
	var cp http.Client
	if c != nil {
		cp = *c
	}
	if maxBody <= 0 {
		maxBody = DefaultMaxBodyBytes
	}
	base := cp.Transport
	if t, ok := base.(capturingTransport); ok {
		base = t.base
	}
	if base == nil {
		base = http.DefaultTransport
	}
	cp.Transport = capturingTransport{base: base, max: maxBody}
	return &cp
}

type capturingTransport struct {
	base http.RoundTripper
	max  int64
}

func (t capturingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if resp != nil {
		if info, ok := req.Context().Value(captureKey{}).(*ResponseInfo); ok {
			info.record(resp)
		}
		if resp.ContentLength > t.max {
			resp.Body.Close()
			return nil, &BodyTooLargeError{Limit: t.max, Status: resp.StatusCode}
		}
		resp.Body = &cappedBody{rc: resp.Body, left: t.max, limit: t.max, status: resp.StatusCode}
	}
	return resp, err
}

// BodyTooLargeError reports a response body longer than the cap. It is
// not retried: the same request would get the same answer.
type BodyTooLargeError struct {
	Limit  int64
	Status int
}

func (e *BodyTooLargeError) Error() string {
	return fmt.Sprintf("response body (HTTP %d) exceeds %d bytes", e.Status, e.Limit)
}

// cappedBody reads at most left bytes, then fails.
type cappedBody struct {
	rc          io.ReadCloser
	left, limit int64
	status      int
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// one byte more tells a body of exactly the limit from a longer one
		var one [1]byte
		if n, _ := b.rc.Read(one[:]); n == 0 {
			return 0, io.EOF
		}
		return 0, &BodyTooLargeError{Limit: b.limit, Status: b.status}
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *cappedBody) Close() error { return b.rc.Close() }

// Caller sends model requests on behalf of a backend: it waits for the
// rate limiter, reserves budget from the meter, records response headers,
// maps errors to typed ones and retries what is retryable. A Caller is
// safe for concurrent use.
type Caller struct {
	Retry   RetryPolicy
	Limiter *Limiter
	Meter   *Meter
	// AttemptTimeout bounds one attempt; expiry counts as a retryable
	// timeout. 0 means no bound beyond ctx.
	AttemptTimeout time.Duration
	// Sleep waits d or until ctx is done; nil means a timer.
	Sleep  func(ctx context.Context, d time.Duration) error
	Logger *slog.Logger

	// stop holds the first failure that no request can get past (see
	// summarize.ErrUnusable); once set, Call sends nothing more.
	stop atomic.Pointer[error]
}

// Stop makes every later Call fail with err at once, without sending.
func (c *Caller) Stop(err error) { c.stop.CompareAndSwap(nil, &err) }

// Stopped returns the error Stop was given, or nil.
func (c *Caller) Stopped() error {
	if p := c.stop.Load(); p != nil {
		return *p
	}
	return nil
}

// Call runs send until it succeeds, fails for good or ctx is done. send
// must use a CapturingClient so that errors can be classified by status;
// it may also return typed errors itself. The usage returned counts every
// attempt in Calls and the tokens of the successful one.
func (c *Caller) Call(ctx context.Context, est Estimate, send func(ctx context.Context) (summarize.Usage, error)) (summarize.Usage, error) {
	var total summarize.Usage
	logger := c.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		if err := c.Stopped(); err != nil {
			return total, err
		}
		if err := c.Limiter.Wait(ctx, est.PromptTokens+est.MaxOutputTokens); err != nil {
			return total, err
		}
		release, err := c.Meter.reserve(est)
		if err != nil {
			return total, err
		}
		u, err := c.attempt(ctx, send)
		total.Calls++
		total.PromptTokens += u.PromptTokens
		total.CompletionTokens += u.CompletionTokens
		release(u)
		if err == nil {
			return total, nil
		}
		if cerr := ctx.Err(); cerr != nil {
			return total, fmt.Errorf("%w (%w)", cerr, err)
		}
		if errors.Is(err, summarize.ErrUnusable) {
			c.Stop(err)
			return total, err
		}
		retry, after := Retryable(err)
		if !retry || attempt >= c.Retry.retries() {
			return total, err
		}
		d, ok := c.Retry.Delay(attempt+1, after)
		if !ok {
			return total, fmt.Errorf("server asked to wait %s, longer than brief waits: %w", after.Round(time.Second), err)
		}
		logger.Info("retrying model request", "attempt", attempt+1, "wait", d.Round(time.Millisecond), "err", err)
		if err := c.sleep(ctx, d); err != nil {
			return total, err
		}
	}
}

func (c *Caller) attempt(ctx context.Context, send func(ctx context.Context) (summarize.Usage, error)) (summarize.Usage, error) {
	actx, info := WithResponseInfo(ctx)
	if c.AttemptTimeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(actx, c.AttemptTimeout)
		defer cancel()
	}
	u, err := send(actx)
	if err == nil {
		return u, nil
	}
	if ctx.Err() == nil && actx.Err() != nil && errors.Is(err, context.DeadlineExceeded) {
		// Not retried: a model that took this long will take as long again.
		return u, &TransportError{Timeout: true, Waited: true, Err: fmt.Errorf("no answer within %s: %w", c.AttemptTimeout, err)}
	}
	status, header := info.Last()
	return u, Classify(err, status, header)
}

func (c *Caller) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
