package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/brief-news/brief/summarize"
)

// Batcher is implemented by backends whose requests can go through a
// provider's batch API (cheaper, slower) instead of one call each.
//
// A batch run works in two passes over the same articles. With
// Config.Batch set, the backend sends no model request inside a
// BatchSession's context: it records the request (BatchSession.Deferred)
// and gives up on the article. The recorded requests are submitted as
// one batch. Once the batch has finished, the backend runs again over
// the articles with the batch's answers in the session, so that they
// pass the same parsing and checks as interactive answers. A request
// made only after an answer (a repair, a long article's combining step)
// is deferred in turn, into the next batch.
type Batcher interface {
	// Submit sends lines as one batch.
	Submit(ctx context.Context, lines []BatchLine) (BatchStatus, error)
	// Status returns a batch's state at the provider.
	Status(ctx context.Context, id string) (BatchStatus, error)
	// Cancel asks the provider to cancel a batch; answers made already
	// keep their results.
	Cancel(ctx context.Context, id string) (BatchStatus, error)
	// Results downloads a finished batch's answers, by line key. A line
	// with no answer (expired, cancelled) is absent.
	Results(ctx context.Context, st BatchStatus) (map[string]BatchAnswer, error)
}

// OpenBatcher builds the named backend with cfg and returns its batch
// client. It fails for backends without a batch API (see
// summarize.Backend.Batch).
func OpenBatcher(name string, cfg summarize.Config) (Batcher, error) {
	b, err := openAs[interface{ Batcher() (Batcher, error) }](name, cfg, "has no batch API")
	if err != nil {
		return nil, err
	}
	return b.Batcher()
}

// BatchLine is one request of a batch.
type BatchLine struct {
	// Key is the request's custom ID (see BatchKey).
	Key string
	// Body is the request body the interactive call would have sent.
	Body json.RawMessage
}

// BatchAnswer is the provider's answer to one line: the HTTP status and
// body the interactive call would have had, or Error when the batch
// could not run the request.
type BatchAnswer struct {
	Status int             `json:"status,omitempty"`
	Body   json.RawMessage `json:"body,omitempty"`
	Error  string          `json:"error,omitempty"`
}

// BatchStatus is a batch's state at the provider.
type BatchStatus struct {
	ID         string   `json:"id"`
	State      string   `json:"state"`
	InputFile  string   `json:"input_file,omitempty"`
	OutputFile string   `json:"output_file,omitempty"`
	ErrorFile  string   `json:"error_file,omitempty"`
	Total      int      `json:"total"`
	Completed  int      `json:"completed"`
	Failed     int      `json:"failed"`
	Errors     []string `json:"errors,omitempty"`
}

// Finished reports whether the provider is done with the batch: its
// results (if any) can be collected.
func (s BatchStatus) Finished() bool {
	switch s.State {
	case "completed", "failed", "expired", "cancelled":
		return true
	}
	return false
}

// BatchKey returns the custom ID of a request body: a hash of it, so
// that the same request made again (on resume, by another process)
// finds its answer. body should be compact JSON.
func BatchKey(body []byte) string {
	sum := sha256.Sum256(body)
	return "brief-" + hex.EncodeToString(sum[:16])
}

// ErrDeferred is what a backend's transport returns for a request it
// recorded for the batch instead of sending; the session's context is
// cancelled at the same time, so the backend gives up without retrying.
var ErrDeferred = errors.New("llm: request deferred to a batch")

// BatchFailedError is what a backend's transport returns for a request
// that the batch could not run: a failed call (the article falls back to
// the offline digest, flagged, when fallback is on).
type BatchFailedError struct {
	Key, Reason string
}

func (e *BatchFailedError) Error() string {
	return fmt.Sprintf("llm: request %s failed in the batch: %s", e.Key, e.Reason)
}

// BatchSession is one article's run through a backend in batch mode:
// the answers known so far, and the requests deferred.
type BatchSession struct {
	answers  map[string]BatchAnswer
	cancel   context.CancelFunc
	mu       sync.Mutex
	lines    []BatchLine
	answered int
	used     []string
}

type batchSessionKey struct{}

// NewBatchSession returns a context for summarizing one article,
// answered from answers (by key), and its session. The context is
// cancelled when a request is deferred; call cancel when done with it.
func NewBatchSession(ctx context.Context, answers map[string]BatchAnswer) (context.Context, context.CancelFunc, *BatchSession) {
	ctx, cancel := context.WithCancel(ctx)
	s := &BatchSession{answers: answers, cancel: cancel}
	return context.WithValue(ctx, batchSessionKey{}, s), cancel, s
}

// BatchSessionOf returns the session of ctx, nil outside one.
func BatchSessionOf(ctx context.Context) *BatchSession {
	s, _ := ctx.Value(batchSessionKey{}).(*BatchSession)
	return s
}

// Answer returns the answer to the request with the given body, and
// counts it as used; or, when the batch has none, records the request
// for the next batch, cancels the session's context and returns
// ErrDeferred. An answer the batch could not make is a
// *BatchFailedError.
func (s *BatchSession) Answer(body json.RawMessage) (BatchAnswer, error) {
	key := BatchKey(body)
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.answers[key]
	switch {
	case ok && a.Error != "":
		return a, &BatchFailedError{Key: key, Reason: a.Error}
	case ok:
		s.answered++
		s.used = append(s.used, key)
		return a, nil
	}
	s.lines = append(s.lines, BatchLine{Key: key, Body: body})
	s.cancel()
	return a, ErrDeferred
}

// Deferred returns the requests recorded instead of sent.
func (s *BatchSession) Deferred() []BatchLine {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]BatchLine(nil), s.lines...)
}

// Answered returns how many requests were answered from the batch.
func (s *BatchSession) Answered() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.answered
}

// Used returns the keys of the answers given, in order.
func (s *BatchSession) Used() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.used...)
}
