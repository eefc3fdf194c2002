package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm/internal/prompt"
)

// ErrBudgetExceeded is returned, without sending anything, for a model
// request whose estimated cost would take the run past its --max-cost.
var ErrBudgetExceeded = errors.New("llm: request would exceed the cost budget")

// RateLimitError reports an HTTP 429 from a model provider. It is retried.
type RateLimitError struct {
	// RetryAfter is the wait the server asked for; 0 when it did not say.
	RetryAfter time.Duration
	Err        error
}

func (e *RateLimitError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("rate limited (retry after %s): %v", e.RetryAfter, e.Err)
	}
	return fmt.Sprintf("rate limited: %v", e.Err)
}

func (e *RateLimitError) Unwrap() error { return e.Err }

// AuthError reports a rejected or missing credential (HTTP 401 or 403),
// or an exhausted account quota. It is never retried.
type AuthError struct {
	Status int
	Err    error
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("authentication failed (HTTP %d): %v", e.Status, e.Err)
}

func (e *AuthError) Unwrap() error { return e.Err }

// Is makes an AuthError match summarize.ErrUnusable: no article can get
// past a rejected key.
func (e *AuthError) Is(target error) bool { return target == summarize.ErrUnusable }

// BadRequestError reports a request the provider refused as malformed or
// unknown (HTTP 400, 404, 422 and other 4xx). It is never retried.
type BadRequestError struct {
	Status int
	Err    error
}

func (e *BadRequestError) Error() string {
	return fmt.Sprintf("bad request (HTTP %d): %v", e.Status, e.Err)
}

func (e *BadRequestError) Unwrap() error { return e.Err }

// ContextLengthError reports a prompt longer than the model's context
// window. It is not retried as is; the runtime re-plans the request in
// smaller parts.
type ContextLengthError = prompt.ContextLengthError

// ModelError reports a model the server does not have (HTTP 404 or 400
// naming the model). It is never retried, and like AuthError it matches
// summarize.ErrUnusable: no article can get past it.
type ModelError struct {
	Status int
	Err    error
}

func (e *ModelError) Error() string {
	return fmt.Sprintf("unknown model (HTTP %d): %v", e.Status, e.Err)
}

func (e *ModelError) Unwrap() error { return e.Err }

// Is makes a ModelError match summarize.ErrUnusable.
func (e *ModelError) Is(target error) bool { return target == summarize.ErrUnusable }

// modelMissingRe matches what servers say of an unknown model: OpenAI's
// "The model `x` does not exist", Ollama's "model 'x' not found",
// Anthropic's not_found_error "model: x", vLLM's "The model `x` does not
// exist." A path such as /v1/models in the message does not count.
var modelMissingRe = regexp.MustCompile(`model_not_found|\bmodel\b[^/]{0,120}?(?:not found|does not exist|unknown)|not_found_error.{0,80}\bmodel\b|"model: [^"]*".{0,40}not_found_error|404: model: |unknown model|no such model|try pulling it`)

// modelMissing reports whether a 4xx message says the model is unknown.
func modelMissing(status int, msg string) bool {
	if status != http.StatusNotFound && status != http.StatusBadRequest {
		return false
	}
	return modelMissingRe.MatchString(strings.ToLower(msg))
}

// ServerError reports a provider failure (HTTP 5xx, 408). It is retried.
type ServerError struct {
	Status int
	// RetryAfter is the wait the server asked for; 0 when it did not say.
	RetryAfter time.Duration
	Err        error
}

func (e *ServerError) Error() string {
	return fmt.Sprintf("server error (HTTP %d): %v", e.Status, e.Err)
}

func (e *ServerError) Unwrap() error { return e.Err }

// TransportError reports a request that got no complete answer: a
// timeout, a reset or closed connection. It is retried.
type TransportError struct {
	Timeout bool
	// Waited is true when brief's own request timeout expired: such a
	// timeout is not retried, since the model would be asked from scratch
	// for the same slow answer.
	Waited bool
	Err    error
}

func (e *TransportError) Error() string {
	if e.Timeout {
		return fmt.Sprintf("timeout: %v", e.Err)
	}
	return fmt.Sprintf("connection failed: %v", e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

// ResponseError reports an answer that could not be used: not JSON, or
// JSON that does not fit the schema even after one repair request. It is
// not retried.
type ResponseError = prompt.ResponseError

// Retryable reports whether err is worth retrying (rate limits, server
// errors, timeouts, connection resets) and how long the server asked to
// wait (0 when it did not say).
func Retryable(err error) (bool, time.Duration) {
	var rl *RateLimitError
	if errors.As(err, &rl) {
		return true, rl.RetryAfter
	}
	var se *ServerError
	if errors.As(err, &se) {
		return true, se.RetryAfter
	}
	var te *TransportError
	if errors.As(err, &te) {
		return !te.Waited, 0
	}
	return false, 0
}

// typed reports whether err already is one of this package's typed errors.
func typed(err error) bool {
	var (
		rl *RateLimitError
		ae *AuthError
		be *BadRequestError
		ce *ContextLengthError
		se *ServerError
		te *TransportError
		re *ResponseError
		me *ModelError
	)
	if errors.As(err, &me) {
		return true
	}
	var bt *BodyTooLargeError
	if errors.As(err, &bt) {
		return true
	}
	return errors.As(err, &rl) || errors.As(err, &ae) || errors.As(err, &be) ||
		errors.As(err, &ce) || errors.As(err, &se) || errors.As(err, &te) ||
		errors.As(err, &re) || errors.Is(err, ErrBudgetExceeded)
}

// Classify turns a provider client's error into one of the typed errors
// above. status and header are those of the HTTP response the error came
// with (status 0 when there was none, e.g. for a reset connection).
// Errors that are already typed, and context errors, are returned as
// they are; an error Classify cannot place is returned unchanged.
func Classify(err error, status int, header http.Header) error {
	if err == nil || typed(err) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	msg := err.Error()
	if limit, ok := ContextLengthMessage(msg); ok && (status == 0 || status == http.StatusBadRequest ||
		status == http.StatusRequestEntityTooLarge || status == http.StatusUnprocessableEntity || status >= 500) {
		return &ContextLengthError{Limit: limit, Err: err}
	}
	switch {
	case status == http.StatusTooManyRequests:
		low := strings.ToLower(msg)
		if strings.Contains(low, "insufficient_quota") || strings.Contains(low, "exceeded your current quota") {
			return &AuthError{Status: status, Err: err}
		}
		return &RateLimitError{RetryAfter: RetryAfter(header, time.Now()), Err: err}
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return &AuthError{Status: status, Err: err}
	case status == http.StatusRequestTimeout || status >= 500:
		return &ServerError{Status: status, RetryAfter: RetryAfter(header, time.Now()), Err: err}
	case modelMissing(status, msg):
		return &ModelError{Status: status, Err: err}
	case status >= 400:
		return &BadRequestError{Status: status, Err: err}
	case status == 0:
		return classifyTransport(err)
	}
	// A 2xx whose body the client could not read or decode: a body cut
	// short is a transport failure, anything else a bad response.
	low := strings.ToLower(msg)
	if strings.Contains(low, "unexpected end of json") || strings.Contains(low, "unexpected eof") ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) {
		return &TransportError{Err: err}
	}
	return &ResponseError{Err: err}
}

// classifyTransport places an error that came without an HTTP response.
func classifyTransport(err error) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return &TransportError{Timeout: true, Err: err}
	}
	if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &TransportError{Err: err}
	}
	low := strings.ToLower(err.Error())
	for _, s := range []string{"connection reset", "broken pipe", "server closed", "unexpected eof", "eof", "timeout"} {
		if strings.Contains(low, s) {
			return &TransportError{Timeout: s == "timeout", Err: err}
		}
	}
	return err
}

var (
	ctxLimitRe = []*regexp.Regexp{
		regexp.MustCompile(`maximum context length is (\d+)`),
		regexp.MustCompile(`> ?(\d+) maximum`),
		regexp.MustCompile(`context (?:length|window|size) (?:of |is )?(\d+)`),
		regexp.MustCompile(`n_ctx(?:_slot)?[ =:]+(\d+)`),
	}
	ctxPhrases = []string{
		"context_length_exceeded", "maximum context length", "context length", "context window",
		"prompt is too long", "too many tokens", "exceeds the context", "exceed context",
		"input length exceeds", "n_ctx", "reduce the length of the messages",
	}
)

// ContextLengthMessage reports whether a provider's error message says
// the prompt is too long for the model, and the limit it names (0 if
// none). Providers report this only as text.
func ContextLengthMessage(msg string) (limit int, ok bool) {
	low := strings.ToLower(msg)
	for _, p := range ctxPhrases {
		if strings.Contains(low, p) {
			ok = true
			break
		}
	}
	if !ok {
		return 0, false
	}
	for _, re := range ctxLimitRe {
		if m := re.FindStringSubmatch(low); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
				return n, true
			}
		}
	}
	return 0, true
}

// RetryAfter reads the wait a response asks for from its retry-after-ms
// (OpenAI) or Retry-After (seconds or an HTTP date) header; 0 if none.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 {
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s <= 0 {
			return 0
		}
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
