package summarizetest

import (
	"encoding/json"
	"net/http"
	"testing"
)

// NewAnthropic starts a fake of the Anthropic messages API
// (POST /v1/messages). Configure backends with BaseURL().
// GET /v1/models and /v1/models/{id} list and describe the models.
func NewAnthropic(t testing.TB, f Faults) *Fake {
	auth := func(w http.ResponseWriter, r *http.Request) bool {
		if f.Auth || r.Header.Get("x-api-key") == "" {
			anthropicError(w, http.StatusUnauthorized, "authentication_error", "invalid x-api-key")
			return false
		}
		return true
	}
	models := f.models("claude-haiku-4-5", "claude-sonnet-4-5")
	list := func(w http.ResponseWriter, r *http.Request) {
		if !auth(w, r) {
			return
		}
		var data []any
		for _, m := range models {
			data = append(data, map[string]any{"type": "model", "id": m, "display_name": m})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"data": data, "has_more": false})
	}
	one := func(w http.ResponseWriter, r *http.Request) {
		if !auth(w, r) {
			return
		}
		id := r.PathValue("id")
		if !f.hasModel(id) {
			anthropicError(w, http.StatusNotFound, "not_found_error", "model: "+id)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"type": "model", "id": id, "display_name": id})
	}
	fk := newFake(t, f, "/v1/messages", (*Fake).serveAnthropic, map[string]http.HandlerFunc{
		"GET /v1/models": list, "GET /v1/models/{id}": one})
	fk.base = "/v1"
	return fk
}

type anthropicRequest struct {
	Model       string          `json:"model"`
	System      string          `json:"system"`
	MaxTokens   int             `json:"max_tokens"`
	Messages    []anthropicTurn `json:"messages"`
	Temperature *float64        `json:"temperature"`
}

type anthropicTurn struct {
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
}

// text reads a turn's content: a string or a list of text blocks.
func (t anthropicTurn) text() string {
	var s string
	if json.Unmarshal(t.Content, &s) == nil {
		return s
	}
	var blocks []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	json.Unmarshal(t.Content, &blocks)
	out := ""
	for _, b := range blocks {
		if b.Type == "text" {
			out += b.Text
		}
	}
	return out
}

func anthropicError(w http.ResponseWriter, status int, typ, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"type": "error", "error": map[string]string{"type": typ, "message": msg}})
}

func (f *Fake) serveAnthropic(w http.ResponseWriter, r *http.Request, body []byte) {
	switch st := f.transportFault(w); st {
	case 0:
	case -1:
		reset(w)
		return
	case http.StatusUnauthorized:
		anthropicError(w, st, "authentication_error", "invalid x-api-key")
		return
	case http.StatusTooManyRequests:
		anthropicError(w, st, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
		return
	default:
		anthropicError(w, st, "api_error", "Internal server error")
		return
	}
	if r.Header.Get("x-api-key") == "" {
		anthropicError(w, http.StatusUnauthorized, "authentication_error", "x-api-key header is required")
		return
	}
	var req anthropicRequest
	if err := json.Unmarshal(body, &req); err != nil {
		anthropicError(w, http.StatusBadRequest, "invalid_request_error", "invalid JSON body")
		return
	}
	if req.MaxTokens <= 0 {
		anthropicError(w, http.StatusBadRequest, "invalid_request_error", "max_tokens: field required")
		return
	}
	if !f.faults.hasModel(req.Model) {
		anthropicError(w, http.StatusNotFound, "not_found_error", "model: "+req.Model)
		return
	}
	f.recordSettings(req.Temperature, nil)
	msgs := []chatMessage{{Role: "system", Content: req.System}}
	for _, m := range req.Messages {
		msgs = append(msgs, chatMessage{Role: m.Role, Content: m.text()})
	}
	if n, long := tooLong(f.faults, msgs); long {
		anthropicError(w, http.StatusBadRequest, "invalid_request_error",
			errorf("prompt is too long: %d tokens > %d maximum", n, f.faults.ContextTokens))
		return
	}
	content := f.content(msgs)
	p, c := f.usage(msgs, content)
	resp := map[string]any{"id": "msg_fake", "type": "message", "role": "assistant", "model": req.Model,
		"content":     []any{map[string]any{"type": "text", "text": content}},
		"stop_reason": "end_turn", "stop_sequence": nil,
		"usage": map[string]any{"input_tokens": p, "output_tokens": c}}
	b, _ := json.Marshal(resp)
	f.writeBody(w, "application/json", b)
}
