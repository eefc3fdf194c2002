package summarizetest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"
)

// NewOpenAI starts a fake of the OpenAI chat-completions API
// (POST /v1/chat/completions). Configure backends with BaseURL().
// GET /v1/models lists the models (with vLLM's max_model_len when
// ServerContext is set), and GET /props answers like llama.cpp's server.
func NewOpenAI(t testing.TB, f Faults) *Fake {
	var fk *Fake
	list := func(w http.ResponseWriter, r *http.Request) {
		if f.Auth || r.Header.Get("Authorization") == "Bearer " {
			openaiError(w, http.StatusUnauthorized, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.")
			return
		}
		var data []any
		for _, m := range f.models("gpt-4.1-mini", "gpt-4o-mini", "llama3.2") {
			e := map[string]any{"id": m, "object": "model", "owned_by": "fake"}
			if f.ServerContext > 0 {
				e["max_model_len"] = f.ServerContext
			}
			data = append(data, e)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": data})
	}
	props := func(w http.ResponseWriter, r *http.Request) {
		if f.ServerContext == 0 {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"default_generation_settings": map[string]any{"n_ctx": f.ServerContext}})
	}
	fk = newFake(t, f, "/v1/chat/completions", (*Fake).serveOpenAI, map[string]http.HandlerFunc{
		"GET /v1/models": list, "GET /props": props})
	fk.base = "/v1"
	return fk
}

type openaiRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	ResponseFormat *struct {
		Type string `json:"type"`
	} `json:"response_format"`
	Temperature *float64 `json:"temperature"`
	Seed        *int     `json:"seed"`
	MaxTokens   int      `json:"max_tokens"`
	Stream      bool     `json:"stream"`
	// StreamOptions asks for a last event with the token counts.
	StreamOptions *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
}

func openaiError(w http.ResponseWriter, status int, typ, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
		"message": msg, "type": typ, "param": nil, "code": code}})
}

func (f *Fake) serveOpenAI(w http.ResponseWriter, r *http.Request, body []byte) {
	switch st := f.transportFault(w); st {
	case 0:
	case -1:
		reset(w)
		return
	case http.StatusUnauthorized:
		openaiError(w, st, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.")
		return
	case http.StatusTooManyRequests:
		openaiError(w, st, "requests", "rate_limit_exceeded", "Rate limit reached for requests.")
		return
	default:
		openaiError(w, st, "server_error", "", "The server had an error while processing your request.")
		return
	}
	var req openaiRequest
	if err := json.Unmarshal(body, &req); err != nil {
		openaiError(w, http.StatusBadRequest, "invalid_request_error", "", "We could not parse the JSON body of your request.")
		return
	}
	if rf := req.ResponseFormat; rf != nil {
		if (rf.Type == "json_schema" && f.faults.RejectSchema) || (rf.Type == "json_object" && f.faults.RejectJSONObject) {
			openaiError(w, http.StatusBadRequest, "invalid_request_error", "",
				errorf("Invalid parameter: 'response_format' of type '%s' is not supported with this model.", rf.Type))
			return
		}
	}
	if !f.faults.hasModel(req.Model) {
		openaiError(w, http.StatusNotFound, "invalid_request_error", "model_not_found",
			errorf("The model `%s` does not exist or you do not have access to it.", req.Model))
		return
	}
	f.recordSettings(req.Temperature, req.Seed)
	var msgs []chatMessage
	for _, m := range req.Messages {
		msgs = append(msgs, chatMessage{Role: m.Role, Content: m.Content})
	}
	if n, long := tooLong(f.faults, msgs); long {
		openaiError(w, http.StatusBadRequest, "invalid_request_error", "context_length_exceeded",
			errorf("This model's maximum context length is %d tokens. However, your messages resulted in %d tokens. Please reduce the length of the messages.", f.faults.ContextTokens, n))
		return
	}
	content := f.content(msgs)
	finish := "stop"
	if req.MaxTokens > 0 && req.MaxTokens < f.faults.NeedTokens {
		// The answer does not fit the limit: cut, as a model stops.
		content, finish = content[:len(content)/2], "length"
	}
	if req.Stream {
		f.streamOpenAI(w, r, req, msgs, content, finish)
		return
	}
	resp := map[string]any{
		"id": "chatcmpl-fake", "object": "chat.completion", "created": time.Now().Unix(), "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": finish,
			"message": map[string]any{"role": "assistant", "content": content}}},
	}
	if p, c := f.usage(msgs, content); p > 0 {
		resp["usage"] = map[string]any{"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}
	}
	b, _ := json.Marshal(resp)
	f.writeBody(w, "application/json", b)
}

// streamOpenAI answers a "stream": true request with server-sent events
// as OpenAI and the compatible servers send them: the content in two
// chunks, the finish reason, the token counts when the request's
// stream_options ask for them, then [DONE]. With Stall, each event comes
// after a pause and is flushed at once; CutBody and HugeAnswer apply as
// to whole answers.
func (f *Fake) streamOpenAI(w http.ResponseWriter, r *http.Request, req openaiRequest, msgs []chatMessage, content, finish string) {
	if f.faults.HugeAnswer > 0 {
		f.writeBody(w, "text/event-stream", nil)
		return
	}
	created := time.Now().Unix()
	event := func(choices []any, usage map[string]any) []byte {
		c := map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": created,
			"model": req.Model, "choices": choices}
		if usage != nil {
			c["usage"] = usage
		}
		b, _ := json.Marshal(c)
		return append(append([]byte("data: "), b...), '\n', '\n')
	}
	half := len(content) / 2
	for half > 0 && half < len(content) && content[half]&0xC0 == 0x80 {
		half++
	}
	var events [][]byte
	for i, part := range []string{content[:half], content[half:]} {
		delta := map[string]any{"content": part}
		if i == 0 {
			delta["role"] = "assistant"
		}
		events = append(events, event([]any{map[string]any{"index": 0, "delta": delta, "finish_reason": nil}}, nil))
	}
	events = append(events, event([]any{map[string]any{"index": 0, "delta": map[string]any{}, "finish_reason": finish}}, nil))
	if p, c := f.usage(msgs, content); p > 0 && req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
		events = append(events, event([]any{}, map[string]any{"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}))
	}
	events = append(events, []byte("data: [DONE]\n\n"))
	if f.faults.Stall > 0 {
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		for _, e := range events {
			select {
			case <-time.After(f.faults.Stall):
			case <-r.Context().Done():
				return
			}
			w.Write(e)
			if fl, ok := w.(http.Flusher); ok {
				fl.Flush()
			}
		}
		return
	}
	f.writeBody(w, "text/event-stream", bytes.Join(events, nil))
}

// NewAzure starts a fake of Azure OpenAI: POST
// /openai/deployments/{deployment}/chat/completions?api-version=… with
// an api-key header. Configure the backend with URL (the endpoint) and
// the deployment as the model. The deployments are OnlyModels, else any.
func NewAzure(t testing.TB, f Faults) *Fake {
	var fk *Fake
	chat := func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("api-key") == "" || r.URL.Query().Get("api-version") == "" {
			openaiError(w, http.StatusUnauthorized, "invalid_request_error", "401",
				"Access denied due to invalid subscription key or wrong API endpoint.")
			return
		}
		if dep := r.PathValue("deployment"); !f.hasModel(dep) {
			openaiError(w, http.StatusNotFound, "invalid_request_error", "DeploymentNotFound",
				"The API deployment for this resource does not exist.")
			return
		}
		body, _ := io.ReadAll(r.Body)
		fk.mu.Lock()
		fk.requests++
		fk.bodies = append(fk.bodies, body)
		fk.mu.Unlock()
		fk.serveOpenAI(w, r, body)
	}
	fk = newFake(t, f, "/unused/azure", (*Fake).serveOpenAI, map[string]http.HandlerFunc{
		"POST /openai/deployments/{deployment}/chat/completions": chat})
	return fk
}
