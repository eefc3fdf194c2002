package summarizetest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// NewOllama starts a fake of the Ollama chat API (POST /api/chat), which
// streams NDJSON unless the request says "stream": false.
// POST /api/show describes a model (its context_length is ServerContext,
// else 131072) and GET /api/tags lists them.
func NewOllama(t testing.TB, f Faults) *Fake {
	show := func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Model string `json:"model"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		if !f.hasModel(req.Model) {
			ollamaError(w, http.StatusNotFound, errorf("model '%s' not found", req.Model))
			return
		}
		n := f.ServerContext
		if n == 0 {
			n = 131072
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"details": map[string]any{"family": "llama"},
			"model_info": map[string]any{"general.architecture": "llama", "llama.context_length": n}})
	}
	tags := func(w http.ResponseWriter, r *http.Request) {
		var ms []any
		for _, m := range f.models("llama3.2:latest", "qwen2.5:7b") {
			ms = append(ms, map[string]any{"name": m, "model": m})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"models": ms})
	}
	return newFake(t, f, "/api/chat", (*Fake).serveOllama, map[string]http.HandlerFunc{"POST /api/show": show, "GET /api/tags": tags})
}

type ollamaRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	Stream  *bool          `json:"stream"`
	Format  any            `json:"format"`
	Options map[string]any `json:"options"`
}

func ollamaError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func (f *Fake) serveOllama(w http.ResponseWriter, r *http.Request, body []byte) {
	switch st := f.transportFault(w); st {
	case 0:
	case -1:
		reset(w)
		return
	case http.StatusUnauthorized:
		ollamaError(w, st, "unauthorized")
		return
	case http.StatusTooManyRequests:
		ollamaError(w, st, "too many requests, server busy")
		return
	default:
		ollamaError(w, st, "llama runner process has terminated: exit status 2")
		return
	}
	var req ollamaRequest
	if err := json.Unmarshal(body, &req); err != nil {
		ollamaError(w, http.StatusBadRequest, "invalid request body")
		return
	}
	if !f.faults.hasModel(req.Model) {
		ollamaError(w, http.StatusNotFound, errorf("model '%s' not found, try pulling it first", req.Model))
		return
	}
	var temp *float64
	var seed *int
	if v, ok := req.Options["temperature"].(float64); ok {
		temp = &v
	}
	if v, ok := req.Options["seed"].(float64); ok {
		n := int(v)
		seed = &n
	}
	f.recordSettings(temp, seed)
	var msgs []chatMessage
	for _, m := range req.Messages {
		msgs = append(msgs, chatMessage{Role: m.Role, Content: m.Content})
	}
	if n, long := tooLong(f.faults, msgs); long {
		ollamaError(w, http.StatusBadRequest, errorf("the input length (%d tokens) exceeds the context length (%d tokens)", n, f.faults.ContextTokens))
		return
	}
	content := f.content(msgs)
	p, c := f.usage(msgs, content)
	now := time.Now().UTC().Format(time.RFC3339Nano)
	final := map[string]any{"model": req.Model, "created_at": now, "done": true, "done_reason": "stop",
		"message": map[string]any{"role": "assistant", "content": ""}}
	if p > 0 {
		final["prompt_eval_count"], final["eval_count"] = p, c
	}
	var buf bytes.Buffer
	if req.Stream != nil && !*req.Stream {
		final["message"] = map[string]any{"role": "assistant", "content": content}
		b, _ := json.Marshal(final)
		f.writeBody(w, "application/json", b)
		return
	}
	// Stream the content in two chunks, then the final line with counts.
	half := len(content) / 2
	for half > 0 && half < len(content) && content[half]&0xC0 == 0x80 {
		half++
	}
	var lines [][]byte
	for _, part := range []string{content[:half], content[half:]} {
		b, _ := json.Marshal(map[string]any{"model": req.Model, "created_at": now, "done": false,
			"message": map[string]any{"role": "assistant", "content": part}})
		lines = append(lines, append(b, '\n'))
	}
	b, _ := json.Marshal(final)
	lines = append(lines, append(b, '\n'))
	if f.faults.Stall > 0 {
		// A slow model: each line after a pause, flushed as it comes.
		w.Header().Set("Content-Type", "application/x-ndjson")
		w.WriteHeader(http.StatusOK)
		for _, l := range lines {
			select {
			case <-time.After(f.faults.Stall):
			case <-r.Context().Done():
				return
			}
			w.Write(l)
			if fl, ok := w.(http.Flusher); ok {
				fl.Flush()
			}
		}
		return
	}
	for _, l := range lines {
		buf.Write(l)
	}
	f.writeBody(w, "application/x-ndjson", buf.Bytes())
}
