package langchain

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/anthropic"
	"github.com/tmc/langchaingo/llms/ollama"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

const (
	// Ollama and Anthropic are the registered backend names.
	Ollama    = "ollama"
	Anthropic = "anthropic"
	// DefaultOllamaModel and DefaultAnthropicModel are used when no model
	// is configured.
	DefaultOllamaModel    = "llama3.2"
	DefaultAnthropicModel = "claude-haiku-4-5"
	// DefaultOllamaURL and DefaultAnthropicURL are the servers used when no
	// base URL is configured.
	DefaultOllamaURL    = "http://127.0.0.1:11434"
	DefaultAnthropicURL = "https://api.anthropic.com/v1"
	// anthropicVersion is the API version header Anthropic requires.
	anthropicVersion = "2023-06-01"
)

func init() {
	summarize.Register(summarize.Backend{
		Name: Ollama, Description: "a local Ollama server (native API: one num_ctx per run, streamed answers)",
		DefaultModel: DefaultOllamaModel, BaseURLEnv: "OLLAMA_HOST", DefaultBaseURL: DefaultOllamaURL, Local: true, Model: true,
		New: llm.Factory(func(cfg summarize.Config) (summarize.Summarizer, error) { return NewOllama(cfg) }),
	})
	summarize.Register(summarize.Backend{
		Name: Anthropic, Description: "Anthropic's Claude models",
		DefaultModel: DefaultAnthropicModel, KeyEnv: "ANTHROPIC_API_KEY", BaseURLEnv: "ANTHROPIC_BASE_URL",
		DefaultBaseURL: DefaultAnthropicURL, Model: true,
		New: llm.Factory(func(cfg summarize.Config) (summarize.Summarizer, error) { return NewAnthropic(cfg) }),
	})
}

// Backend summarizes through a langchaingo model.
type Backend struct {
	name string
	rt   *llm.Runtime
	base string
	// generate sends one request; numCtx is the context to ask for, and
	// progress is called for each streamed piece of the answer.
	generate func(ctx context.Context, msgs []llms.MessageContent, maxOut, numCtx int, progress func()) (*llms.ContentResponse, error)
	// promptKey and completionKey read token counts from a response's
	// generation info.
	promptKey, completionKey string
	// stream is true for servers whose answers are streamed under an
	// idle timeout.
	stream bool
}

var (
	_ summarize.Summarizer = (*Backend)(nil)
	_ llm.Previewer        = (*Backend)(nil)
	_ llm.Lister           = (*Backend)(nil)
	_ llm.Sizer            = (*Backend)(nil)
)

// NewOllama returns the Ollama backend: in cfg.Settings (an llm.Config),
// BaseURL is the server (default DefaultOllamaURL; "host:port" is
// accepted) and ContextTokens the num_ctx asked for, one figure for the
// whole run (default: the model's known window, capped at what the server
// reports). Model defaults to DefaultOllamaModel. Answers are streamed:
// a pause longer than IdleTimeout fails the request.
func NewOllama(cfg summarize.Config) (*Backend, error) {
	lc, err := llm.SettingsOf(cfg)
	if err != nil {
		return nil, err
	}
	base, err := serverURL(lc.BaseURL, DefaultOllamaURL)
	if err != nil {
		return nil, fmt.Errorf("ollama: %w", err)
	}
	model := cfg.Model
	if model == "" {
		model = DefaultOllamaModel
	}
	rt, err := llm.NewRuntime(Ollama, model, cfg, llm.KnownContext(Ollama, model))
	if err != nil {
		return nil, err
	}
	b := &Backend{name: Ollama, rt: rt, base: base, promptKey: "PromptTokens", completionKey: "CompletionTokens", stream: true}
	seed, _ := lc.SeedValue()
	b.generate = func(ctx context.Context, msgs []llms.MessageContent, maxOut, numCtx int, progress func()) (*llms.ContentResponse, error) {
		m, err := ollama.New(ollama.WithServerURL(base), ollama.WithHTTPClient(rt.Client), ollama.WithModel(model),
			ollama.WithRunnerNumCtx(numCtx), ollama.WithFormat("json"))
		if err != nil {
			return nil, err
		}
		return m.GenerateContent(ctx, msgs, llms.WithMaxTokens(maxOut), llms.WithTemperature(lc.Temperature), llms.WithSeed(seed),
			llms.WithStreamingFunc(func(context.Context, []byte) error { progress(); return nil }))
	}
	rt.SetProbe(b.ollamaProbe)
	return b, nil
}

// NewAnthropic returns the Anthropic backend: in cfg.Settings, APIKey is
// required and BaseURL defaults to DefaultAnthropicURL; Model defaults to
// DefaultAnthropicModel.
func NewAnthropic(cfg summarize.Config) (*Backend, error) {
	lc, err := llm.SettingsOf(cfg)
	if err != nil {
		return nil, err
	}
	if lc.APIKey == "" {
		return nil, errors.New("anthropic: no API key (set ANTHROPIC_API_KEY)")
	}
	base, err := serverURL(lc.BaseURL, DefaultAnthropicURL)
	if err != nil {
		return nil, fmt.Errorf("anthropic: %w", err)
	}
	model := cfg.Model
	if model == "" {
		model = DefaultAnthropicModel
	}
	rt, err := llm.NewRuntime(Anthropic, model, cfg, llm.KnownContext(Anthropic, model))
	if err != nil {
		return nil, err
	}
	m, err := anthropic.New(anthropic.WithToken(lc.APIKey), anthropic.WithModel(model),
		anthropic.WithBaseURL(base), anthropic.WithHTTPClient(rt.Client))
	if err != nil {
		return nil, fmt.Errorf("anthropic: %w", err)
	}
	b := &Backend{name: Anthropic, rt: rt, base: base, promptKey: "InputTokens", completionKey: "OutputTokens"}
	b.generate = func(ctx context.Context, msgs []llms.MessageContent, maxOut, _ int, _ func()) (*llms.ContentResponse, error) {
		return m.GenerateContent(ctx, msgs, llms.WithMaxTokens(maxOut), llms.WithTemperature(lc.Temperature))
	}
	rt.SetProbe(b.anthropicProbe)
	return b, nil
}

// serverURL validates a server address; a bare "host:port" (the form
// OLLAMA_HOST often takes) gets http://.
func serverURL(raw, def string) (string, error) {
	raw = strings.TrimRight(strings.TrimSpace(raw), "/")
	if raw == "" {
		return def, nil
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("server URL %q is not an http(s) URL", raw)
	}
	return raw, nil
}

// Summarize digests a. Errors are the typed errors of package llm,
// wrapped with the backend's name.
func (b *Backend) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	return b.rt.Summarize(ctx, a, b.send)
}

// Preview returns the requests Summarize would send for a.
func (b *Backend) Preview(a *article.Article) ([]llm.Request, error) { return b.rt.Preview(a) }

// NumCtx is the context window asked of Ollama: one figure for the whole
// run, since Ollama reloads the model whenever it changes (see
// llm.Runtime.NumCtx).
func (b *Backend) NumCtx() int { return b.rt.NumCtx() }

// SizeContext fixes Ollama's num_ctx for a run over articles (see
// llm.Runtime.SizeContext); other backends ask for no window and return
// 0.
func (b *Backend) SizeContext(ctx context.Context, articles iter.Seq[*article.Article]) (int, error) {
	if b.name != Ollama {
		return 0, nil
	}
	return b.rt.SizeContext(ctx, articles)
}

func (b *Backend) send(ctx context.Context, req llm.Request) (llm.Reply, error) {
	var msgs []llms.MessageContent
	for _, m := range req.Messages {
		role := llms.ChatMessageTypeHuman
		switch m.Role {
		case "system":
			role = llms.ChatMessageTypeSystem
		case "assistant":
			role = llms.ChatMessageTypeAI
		}
		msgs = append(msgs, llms.TextParts(role, m.Content))
	}
	numCtx := b.NumCtx()
	var reply llm.Reply
	u, err := b.rt.Call(ctx, req.Estimate, func(ctx context.Context) (summarize.Usage, error) {
		progress := func() {}
		watch := (*llm.IdleWatch)(nil)
		if b.stream {
			ctx, watch = llm.WatchIdle(ctx, b.rt.Settings.Idle(), b.rt.Settings.RequestTimeout)
			defer watch.Stop()
			progress = watch.Progress
		}
		resp, err := b.generate(ctx, msgs, req.Estimate.MaxOutputTokens, numCtx, progress)
		if watch != nil {
			// langchaingo may end a cancelled stream without an error.
			if serr := watch.Err(nil); serr != nil {
				return summarize.Usage{}, serr
			}
		}
		if err != nil {
			return summarize.Usage{}, mapError(ctx, err)
		}
		var text strings.Builder
		var u summarize.Usage
		for _, c := range resp.Choices {
			if c == nil {
				continue
			}
			text.WriteString(c.Content)
			u.PromptTokens = max(u.PromptTokens, toInt(c.GenerationInfo[b.promptKey]))
			u.CompletionTokens = max(u.CompletionTokens, toInt(c.GenerationInfo[b.completionKey]))
			if c.StopReason == "max_tokens" || c.StopReason == "length" {
				reply.Cut = true
			}
		}
		reply.Text = text.String()
		if u.PromptTokens == 0 && u.CompletionTokens == 0 {
			u = summarize.Usage{PromptTokens: req.Estimate.PromptTokens, CompletionTokens: (text.Len() + 3) / 4}
			reply.UsageEstimated = true
		}
		if reply.Text == "" {
			return u, &llm.ResponseError{Err: errors.New("empty answer")}
		}
		return u, nil
	})
	reply.Usage = u
	return reply, err
}

func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case float64:
		return int(n)
	}
	return 0
}

var statusRe = regexp.MustCompile(`status code:? (\d{3})\b`)

// mapError turns a langchaingo error into a typed one. langchaingo keeps
// the HTTP status only in its message text, if at all: the status this
// request's client captured comes first, then one named in the text.
func mapError(ctx context.Context, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var big *llm.BodyTooLargeError
	if errors.As(err, &big) {
		return big
	}
	if errors.Is(err, anthropic.ErrEmptyResponse) || errors.Is(err, ollama.ErrEmptyResponse) {
		return &llm.ResponseError{Err: err}
	}
	status, header := llm.ResponseInfoFrom(ctx).Last()
	if status == 0 || status == http.StatusOK {
		if m := statusRe.FindStringSubmatch(err.Error()); m != nil {
			status, _ = strconv.Atoi(m[1])
		}
	}
	if status == http.StatusOK {
		// An error line in an otherwise successful Ollama stream.
		if _, ok := llm.ContextLengthMessage(err.Error()); ok {
			return llm.Classify(err, http.StatusBadRequest, header)
		}
		if strings.Contains(err.Error(), "exceeds") && strings.Contains(err.Error(), "bytes") {
			return &llm.ResponseError{Err: err}
		}
		return &llm.ServerError{Status: status, Err: err}
	}
	low := strings.ToLower(err.Error())
	if status == 0 && (strings.Contains(low, "overloaded") || strings.Contains(low, "rate limit")) {
		return &llm.ServerError{Status: 503, Err: err}
	}
	return llm.Classify(err, status, header)
}

// do sends an HTTP request through the runtime's client and decodes a
// JSON answer into v, mapping failures to the typed errors of llm.
func (b *Backend) do(ctx context.Context, method, u string, body any, v any, header map[string]string) error {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, val := range header {
		req.Header.Set(k, val)
	}
	resp, err := b.rt.Client.Do(req)
	if err != nil {
		return llm.Classify(err, 0, nil)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return llm.Classify(err, resp.StatusCode, resp.Header)
	}
	if resp.StatusCode != http.StatusOK {
		return llm.Classify(fmt.Errorf("%s %s: %s: %s", method, u, resp.Status, bytes.TrimSpace(raw)), resp.StatusCode, resp.Header)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s %s: %w", method, u, err)
	}
	return nil
}

// ollamaProbe asks Ollama for the model (POST /api/show): an unknown
// model stops the run; its context length caps num_ctx.
func (b *Backend) ollamaProbe(ctx context.Context) (llm.ServerInfo, error) {
	var show struct {
		ModelInfo map[string]any `json:"model_info"`
	}
	if err := b.do(ctx, http.MethodPost, b.base+"/api/show", map[string]string{"model": b.rt.Model}, &show, nil); err != nil {
		return llm.ServerInfo{}, err // Ollama's "model not found" is a *llm.ModelError
	}
	var info llm.ServerInfo
	for k, v := range show.ModelInfo {
		if strings.HasSuffix(k, ".context_length") {
			if n := toInt(v); n > 0 {
				info.ContextTokens, info.Limit = min(n, b.rt.ContextTokens()), n
			}
		}
	}
	return info, nil
}

// anthropicProbe asks Anthropic for the model (GET /v1/models/ID): a bad
// key or unknown model stops the run.
func (b *Backend) anthropicProbe(ctx context.Context) (llm.ServerInfo, error) {
	var m struct {
		ID string `json:"id"`
	}
	// A 401 is a *llm.AuthError, Anthropic's not_found_error for the
	// model a *llm.ModelError: both stop the run.
	return llm.ServerInfo{}, b.do(ctx, http.MethodGet, b.base+"/models/"+url.PathEscape(b.rt.Model), nil, &m, b.anthropicHeader())
}

func (b *Backend) anthropicHeader() map[string]string {
	return map[string]string{"x-api-key": b.rt.Settings.APIKey, "anthropic-version": anthropicVersion}
}

// Models lists the models the server offers: Ollama's local models
// (GET /api/tags), or Anthropic's (GET /v1/models).
func (b *Backend) Models(ctx context.Context) ([]llm.ModelInfo, error) {
	var out []llm.ModelInfo
	switch b.name {
	case Ollama:
		var tags struct {
			Models []struct {
				Name string `json:"name"`
			} `json:"models"`
		}
		if err := b.do(ctx, http.MethodGet, b.base+"/api/tags", nil, &tags, nil); err != nil {
			return nil, b.rt.Err(fmt.Errorf("ollama: list models: %w", err))
		}
		for _, m := range tags.Models {
			out = append(out, llm.ModelInfo{Name: m.Name})
		}
	default:
		var list struct {
			Data []struct {
				ID string `json:"id"`
			} `json:"data"`
		}
		if err := b.do(ctx, http.MethodGet, b.base+"/models", nil, &list, b.anthropicHeader()); err != nil {
			return nil, b.rt.Err(fmt.Errorf("anthropic: list models: %w", err))
		}
		for _, m := range list.Data {
			out = append(out, llm.ModelInfo{Name: m.ID})
		}
	}
	return out, nil
}
