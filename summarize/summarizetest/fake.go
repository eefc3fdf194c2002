package summarizetest

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
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
	// OnlyModels, when set, are the only models the server has: others
	// get the provider's "model not found" answer.
	OnlyModels []string
	// ServerContext is the context window the server reports for its
	// models (vLLM's max_model_len, Ollama's context_length, llama.cpp's
	// n_ctx); 0 reports none.
	ServerContext int
	// Truncate makes the server cut every prompt to this many tokens, as
	// Ollama's OpenAI endpoint does at its default context, and report
	// the cut count as the prompt tokens.
	Truncate int
	// InventFigure makes the model add a figure the article does not hold
	// to its first takeaway.
	InventFigure bool
	// HugeAnswer makes the server answer with a body of this many bytes.
	HugeAnswer int
	// NestedBraces makes the model answer with this many nested braces
	// around its JSON.
	NestedBraces int
	// Escapes puts terminal escapes and bidi overrides in the answer.
	Escapes bool
	// Stall makes a streamed answer pause this long between its chunks.
	Stall time.Duration
	// NeedTokens makes an OpenAI answer stop half-way with finish_reason
	// "length" when the request's max_tokens is below it.
	NeedTokens int
}

// hasModel reports whether the server has model.
func (f Faults) hasModel(model string) bool {
	return len(f.OnlyModels) == 0 || slices.Contains(f.OnlyModels, model)
}

// models are the models the server lists.
func (f Faults) models(def ...string) []string {
	if len(f.OnlyModels) > 0 {
		return f.OnlyModels
	}
	return def
}

// Fake is a fake model server.
type Fake struct {
	*httptest.Server
	faults Faults
	base   string

	mu                                                      sync.Mutex
	requests, all                                           int
	bodies                                                  [][]byte
	rateLeft, serverLeft, resetLeft, cutLeft, malformedLeft int
	settings                                                []Settings
}

// Settings are the sampling settings of one model request as received;
// nil where the request left them out.
type Settings struct {
	Temperature *float64
	Seed        *int
}

func (f *Fake) recordSettings(temp *float64, seed *int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.settings = append(f.settings, Settings{Temperature: temp, Seed: seed})
}

// Sampling returns the sampling settings of the model requests so far.
func (f *Fake) Sampling() []Settings {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.settings)
}

func newFake(t testing.TB, f Faults, path string, h func(*Fake, http.ResponseWriter, *http.Request, []byte), extra map[string]http.HandlerFunc) *Fake {
	fk := &Fake{faults: f, rateLeft: f.RateLimit, serverLeft: f.ServerErrors, resetLeft: f.Resets,
		cutLeft: f.CutBody, malformedLeft: f.Malformed}
	mux := http.NewServeMux()
	for pattern, hf := range extra {
		mux.HandleFunc(pattern, hf)
	}
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
	fk.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fk.mu.Lock()
		fk.all++
		fk.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
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

// AllRequests returns the number of HTTP requests the server has
// received on any path (model calls, model lists, probes).
func (f *Fake) AllRequests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.all
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
	if f.faults.Truncate > 0 && estimateTokens(msgs) > f.faults.Truncate {
		// The prompt was cut: the model never saw the article data.
		return answer(truncated(msgs, f.faults.Truncate), f.faults)
	}
	return answer(msgs, f.faults)
}

// truncated cuts msgs to about n tokens, as a server with a small context
// does, keeping the start (the system message).
func truncated(msgs []chatMessage, n int) []chatMessage {
	var out []chatMessage
	left := n * 4
	for _, m := range msgs {
		if len(m.Content) > left {
			m.Content = m.Content[:max(left, 0)]
		}
		left -= len(m.Content)
		out = append(out, m)
	}
	return out
}

// promptTokens is what the server says it read of msgs.
func (f *Fake) promptTokens(msgs []chatMessage) int {
	n := estimateTokens(msgs)
	if f.faults.Truncate > 0 && n > f.faults.Truncate {
		return f.faults.Truncate
	}
	return n
}

// writeBody writes a 200 answer, cut short when CutBody applies, or a
// huge one when HugeAnswer is set.
func (f *Fake) writeBody(w http.ResponseWriter, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	if n := f.faults.HugeAnswer; n > 0 {
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(`{"takeaways": ["`))
		chunk := bytes.Repeat([]byte("a"), 64<<10)
		for sent := 0; sent < n; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
		w.Write([]byte(`"]}`))
		return
	}
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
	return f.promptTokens(msgs), (len(content) + 3) / 4
}

func tooLong(f Faults, msgs []chatMessage) (int, bool) {
	n := estimateTokens(msgs)
	return n, f.ContextTokens > 0 && n > f.ContextTokens
}

func errorf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
