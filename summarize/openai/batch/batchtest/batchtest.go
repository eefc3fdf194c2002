// Package batchtest is a fake of the OpenAI Files and Batches endpoints
// for tests, in front of a fake model (summarizetest.NewOpenAI) that
// answers each line of a batch when the batch completes. It also answers
// and counts interactive chat-completions calls, so that a test can
// check that a batch run made none.
package batchtest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/summarize/summarizetest"
)

// Options configures the fake.
type Options struct {
	// Polls is how many status requests a batch stays in_progress
	// before it completes; 0 means 1.
	Polls int
	// FailLine, when set, makes the batch fail the lines for which it
	// returns true (0-based, in upload order) with a server error.
	FailLine func(i int) bool
	// Faults are the fake model's.
	Faults summarizetest.Faults
}

// Server is the fake API.
type Server struct {
	*httptest.Server
	opts  Options
	model *summarizetest.Fake

	mu          sync.Mutex
	files       map[string][]byte
	batches     map[string]*fakeBatch
	interactive int
	lines       int
	seq         int
}

type fakeBatch struct {
	id, input, output, errFile string
	status                     string
	polls                      int
	total, completed, failed   int
	created                    int64
}

// New starts the fake; it stops when the test ends.
func New(t testing.TB, opts Options) *Server {
	if opts.Polls <= 0 {
		opts.Polls = 1
	}
	s := &Server{opts: opts, model: summarizetest.NewOpenAI(t, opts.Faults),
		files: map[string][]byte{}, batches: map[string]*fakeBatch{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/files", s.upload)
	mux.HandleFunc("GET /v1/files/{id}/content", s.content)
	mux.HandleFunc("POST /v1/batches", s.create)
	mux.HandleFunc("GET /v1/batches/{id}", s.status)
	mux.HandleFunc("POST /v1/batches/{id}/cancel", s.cancel)
	mux.HandleFunc("POST /v1/chat/completions", s.chat)
	mux.HandleFunc("GET /v1/models/{model}", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"id": r.PathValue("model"), "object": "model"})
	})
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": []any{}})
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// BaseURL is the address to configure the backend and the batch client
// with.
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// Interactive returns the number of chat-completions calls received
// directly (not through a batch).
func (s *Server) Interactive() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.interactive
}

// Batches returns the number of batches created, and Lines the number of
// requests in them.
func (s *Server) Batches() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.batches)
}

// Lines returns the number of requests in all batches created.
func (s *Server) Lines() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lines
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func apiError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": "invalid_request_error"}})
}

func (s *Server) newID(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s-%d", prefix, s.seq)
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(64 << 20); err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	if p := r.FormValue("purpose"); p != "batch" {
		apiError(w, http.StatusBadRequest, fmt.Sprintf("purpose %q, want batch", p))
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	defer f.Close()
	raw, err := io.ReadAll(f)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.mu.Lock()
	id := s.newID("file")
	s.files[id] = raw
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "object": "file", "bytes": len(raw),
		"created_at": time.Now().Unix(), "filename": hdr.Filename, "purpose": "batch"})
}

func (s *Server) content(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	raw, ok := s.files[r.PathValue("id")]
	s.mu.Unlock()
	if !ok {
		apiError(w, http.StatusNotFound, "no such file")
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(raw)
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	var req struct {
		InputFileID      string `json:"input_file_id"`
		Endpoint         string `json:"endpoint"`
		CompletionWindow string `json:"completion_window"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	if req.Endpoint != "/v1/chat/completions" || req.CompletionWindow != "24h" {
		apiError(w, http.StatusBadRequest, fmt.Sprintf("endpoint %q, window %q", req.Endpoint, req.CompletionWindow))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	raw, ok := s.files[req.InputFileID]
	if !ok {
		apiError(w, http.StatusNotFound, "no such file")
		return
	}
	n := bytes.Count(raw, []byte("\n"))
	b := &fakeBatch{id: s.newID("batch"), input: req.InputFileID, status: "validating", total: n, created: time.Now().Unix()}
	s.batches[b.id] = b
	s.lines += n
	writeJSON(w, http.StatusOK, b.json())
}

func (b *fakeBatch) json() map[string]any {
	m := map[string]any{"id": b.id, "object": "batch", "endpoint": "/v1/chat/completions", "input_file_id": b.input,
		"completion_window": "24h", "status": b.status, "created_at": b.created,
		"request_counts": map[string]int{"total": b.total, "completed": b.completed, "failed": b.failed}}
	if b.output != "" {
		m["output_file_id"] = b.output
	}
	if b.errFile != "" {
		m["error_file_id"] = b.errFile
	}
	return m
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	b, ok := s.batches[r.PathValue("id")]
	if !ok {
		s.mu.Unlock()
		apiError(w, http.StatusNotFound, "no such batch")
		return
	}
	b.polls++
	switch {
	case b.status == "cancelling":
		b.status = "cancelled"
	case b.status == "validating" || b.status == "in_progress":
		b.status = "in_progress"
		if b.polls >= s.opts.Polls {
			s.mu.Unlock()
			s.run(b) // answers the lines without holding the lock
			s.mu.Lock()
		}
	}
	out := b.json()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// run answers every line of b with the fake model and completes b.
func (s *Server) run(b *fakeBatch) {
	s.mu.Lock()
	input := s.files[b.input]
	s.mu.Unlock()
	var out, errs bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(input))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	completed, failed := 0, 0
	for i := 0; sc.Scan(); i++ {
		var line struct {
			CustomID string          `json:"custom_id"`
			Method   string          `json:"method"`
			URL      string          `json:"url"`
			Body     json.RawMessage `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil || line.URL != "/v1/chat/completions" || line.Method != "POST" {
			failed++
			fmt.Fprintf(&errs, `{"id":"req-%d","custom_id":%q,"response":null,"error":{"code":"invalid_request","message":"bad line"}}`+"\n", i, line.CustomID)
			continue
		}
		if s.opts.FailLine != nil && s.opts.FailLine(i) {
			failed++
			rec, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("req-%d", i), "custom_id": line.CustomID, "error": nil,
				"response": map[string]any{"status_code": 500, "body": map[string]any{"error": map[string]any{"message": "The server had an error.", "type": "server_error"}}}})
			errs.Write(rec)
			errs.WriteByte('\n')
			continue
		}
		resp, err := http.Post(s.model.BaseURL()+"/chat/completions", "application/json", bytes.NewReader(line.Body))
		if err != nil {
			failed++
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		rec, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("req-%d", i), "custom_id": line.CustomID, "error": nil,
			"response": map[string]any{"status_code": resp.StatusCode, "request_id": fmt.Sprintf("r%d", i), "body": json.RawMessage(body)}})
		if resp.StatusCode == http.StatusOK {
			completed++
			out.Write(rec)
			out.WriteByte('\n')
		} else {
			failed++
			errs.Write(rec)
			errs.WriteByte('\n')
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if out.Len() > 0 {
		b.output = s.newID("file")
		s.files[b.output] = out.Bytes()
	}
	if errs.Len() > 0 {
		b.errFile = s.newID("file")
		s.files[b.errFile] = errs.Bytes()
	}
	b.completed, b.failed, b.status = completed, failed, "completed"
}

func (s *Server) cancel(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.batches[r.PathValue("id")]
	if !ok {
		apiError(w, http.StatusNotFound, "no such batch")
		return
	}
	if b.status == "validating" || b.status == "in_progress" {
		b.status = "cancelling"
	}
	writeJSON(w, http.StatusOK, b.json())
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.interactive++
	s.mu.Unlock()
	resp, err := http.Post(s.model.BaseURL()+"/chat/completions", "application/json", r.Body)
	if err != nil {
		apiError(w, http.StatusBadGateway, err.Error())
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}
