package summarizetest

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Faults switches on what a fake server does wrong. The counted faults
// hit the first requests the server gets, in the order listed; then the
// server answers normally.
type Faults struct {
	// NoUsage leaves the token counts out of answers.
	NoUsage bool
	// Auth answers every request with 401 (a bad key).
	Auth bool
	// RateLimit answers the first RateLimit requests with 429 and a
	// Retry-After of RetryAfter (default 1s).
	RateLimit  int
	RetryAfter time.Duration
	// ServerErrors answers the next requests with 500.
	ServerErrors int
	// Resets closes the connection of the next requests without answering.
	Resets int
	// CutBody sends the next answers' HTTP bodies cut short.
	CutBody int
	// Malformed makes the model's next answers cut-off JSON.
	Malformed int
	// Paraphrase adds a quote that rewords the first candidate.
	Paraphrase bool
	// WrongSpeaker attributes the first quote to WrongSpeaker.
	WrongSpeaker bool
	// Latency delays every answer (a slow model).
	Latency time.Duration
	// ContextTokens, when set, refuses prompts of more estimated tokens
	// with the provider's context-length error.
	ContextTokens int
	// RejectSchema refuses response_format json_schema (OpenAI API), and
	// RejectJSONObject refuses json_object, like servers that lack them.
	RejectSchema     bool
	RejectJSONObject bool
	// Obey makes the model follow instructions written in the article.
	Obey bool
}

// Fake is a fake model server.
type Fake struct {
	*httptest.Server
	faults Faults
	base   string

	mu                                                      sync.Mutex
	requests                                                int
	bodies                                                  [][]byte
	rateLeft, serverLeft, resetLeft, cutLeft, malformedLeft int
}

func newFake(t testing.TB, f Faults, path string, h func(*Fake, http.ResponseWriter, *http.Request, []byte)) *Fake {
	fk := &Fake{faults: f, rateLeft: f.RateLimit, serverLeft: f.ServerErrors, resetLeft: f.Resets,
		cutLeft: f.CutBody, malformedLeft: f.Malformed}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+path, func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fk.mu.Lock()
		fk.requests++
		fk.bodies = append(fk.bodies, body)
		fk.mu.Unlock()
		if f.Latency > 0 {
			select {
			case <-time.After(f.Latency):
			case <-r.Context().Done():
				return
			}
		}
		h(fk, w, r, body)
	})
	fk.Server = httptest.NewServer(mux)
	t.Cleanup(fk.Close)
	return fk
}

// BaseURL is the address to configure a backend with.
func (f *Fake) BaseURL() string { return f.URL + f.base }

// Requests returns the number of requests the server has received.
func (f *Fake) Requests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests
}

// Bodies returns the request bodies received so far, in order.
func (f *Fake) Bodies() [][]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([][]byte(nil), f.bodies...)
}

// take uses up one of a counted fault, reporting whether it applies.
func (f *Fake) take(n *int) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if *n > 0 {
		*n--
		return true
	}
	return false
}

// transportFault is the first fault of the HTTP exchange that applies to
// this request: a status to answer with, or a reset connection (status
// -1). 0 means none.
func (f *Fake) transportFault(w http.ResponseWriter) int {
	switch {
	case f.faults.Auth:
		return http.StatusUnauthorized
	case f.take(&f.rateLeft):
		after := f.faults.RetryAfter
		if after <= 0 {
			after = time.Second
		}
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(after.Seconds()))))
		if after < time.Second {
			w.Header().Set("Retry-After-Ms", strconv.FormatInt(after.Milliseconds(), 10))
		}
		return http.StatusTooManyRequests
	case f.take(&f.serverLeft):
		return http.StatusInternalServerError
	case f.take(&f.resetLeft):
		return -1
	}
	return 0
}

// reset closes the connection without an answer.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}

// content is the model's answer text for msgs, or a cut-off one.
func (f *Fake) content(msgs []chatMessage) string {
	if f.take(&f.malformedLeft) {
		return malformed
	}
	return answer(msgs, f.faults)
}

// writeBody writes a 200 answer, cut short when CutBody applies.
func (f *Fake) writeBody(w http.ResponseWriter, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	if f.take(&f.cutLeft) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		w.Write(body[:len(body)/2])
		// Closing the connection early makes the client see a short body.
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		reset(w)
		return
	}
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

func (f *Fake) usage(msgs []chatMessage, content string) (prompt, completion int) {
	if f.faults.NoUsage {
		return 0, 0
	}
	return estimateTokens(msgs), (len(content) + 3) / 4
}

func tooLong(f Faults, msgs []chatMessage) (int, bool) {
	n := estimateTokens(msgs)
	return n, f.ContextTokens > 0 && n > f.ContextTokens
}

func errorf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
