package langchain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
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
	"github.com/brief-news/brief/summarize/internal/prompt"
)

const (
	// Ollama and Anthropic are the registered backend names.
	Ollama    = "ollama"
	Anthropic = "anthropic"
	// DefaultOllamaModel and DefaultAnthropicModel are used when no model
	// is configured.
	DefaultOllamaModel    = "llama3.2"
	DefaultAnthropicModel = "claude-3-5-haiku-latest"
	// DefaultOllamaURL and DefaultAnthropicURL are the servers used when no
	// base URL is configured.
	DefaultOllamaURL    = "http://127.0.0.1:11434"
	DefaultAnthropicURL = "https://api.anthropic.com/v1"
)

func init() {
	summarize.Register(Ollama, func(cfg summarize.Config) (summarize.Summarizer, error) { return NewOllama(cfg) })
	summarize.Register(Anthropic, func(cfg summarize.Config) (summarize.Summarizer, error) { return NewAnthropic(cfg) })
}

// Backend summarizes through a langchaingo model.
type Backend struct {
	name    string
	model   string
	builder *prompt.Builder
	caller  *summarize.Caller
	logger  *slog.Logger
	// generate sends one request; numCtx is the context to ask for.
	generate func(ctx context.Context, msgs []llms.MessageContent, maxOut, numCtx int) (*llms.ContentResponse, error)
	// usage reads token counts from a response's generation info.
	promptKey, completionKey string
}

var (
	_ summarize.Summarizer = (*Backend)(nil)
	_ summarize.Previewer  = (*Backend)(nil)
)

// NewOllama returns the Ollama backend: BaseURL is the server (default
// DefaultOllamaURL; "host:port" is accepted), Model defaults to
// DefaultOllamaModel, ContextTokens caps num_ctx (default by model).
func NewOllama(cfg summarize.Config) (*Backend, error) {
	base, err := serverURL(cfg.BaseURL, DefaultOllamaURL)
	if err != nil {
		return nil, fmt.Errorf("ollama: %w", err)
	}
	b, err := newBackend(Ollama, DefaultOllamaModel, cfg)
	if err != nil {
		return nil, err
	}
	hc := summarize.CapturingClient(cfg.HTTPClient)
	b.promptKey, b.completionKey = "PromptTokens", "CompletionTokens"
	b.generate = func(ctx context.Context, msgs []llms.MessageContent, maxOut, numCtx int) (*llms.ContentResponse, error) {
		// num_ctx is fixed when the client is made, so each request
		// gets its own (cheap) client.
		m, err := ollama.New(ollama.WithServerURL(base), ollama.WithHTTPClient(hc), ollama.WithModel(b.model),
			ollama.WithRunnerNumCtx(numCtx), ollama.WithFormat("json"))
		if err != nil {
			return nil, err
		}
		return m.GenerateContent(ctx, msgs, llms.WithMaxTokens(maxOut), llms.WithTemperature(0.2))
	}
	return b, nil
}

// NewAnthropic returns the Anthropic backend: APIKey is required, Model
// defaults to DefaultAnthropicModel, BaseURL to DefaultAnthropicURL.
func NewAnthropic(cfg summarize.Config) (*Backend, error) {
	if cfg.APIKey == "" {
		return nil, errors.New("anthropic: no API key (set ANTHROPIC_API_KEY)")
	}
	base, err := serverURL(cfg.BaseURL, DefaultAnthropicURL)
	if err != nil {
		return nil, fmt.Errorf("anthropic: %w", err)
	}
	b, err := newBackend(Anthropic, DefaultAnthropicModel, cfg)
	if err != nil {
		return nil, err
	}
	m, err := anthropic.New(anthropic.WithToken(cfg.APIKey), anthropic.WithModel(b.model),
		anthropic.WithBaseURL(base), anthropic.WithHTTPClient(summarize.CapturingClient(cfg.HTTPClient)))
	if err != nil {
		return nil, fmt.Errorf("anthropic: %w", err)
	}
	b.promptKey, b.completionKey = "InputTokens", "OutputTokens"
	b.generate = func(ctx context.Context, msgs []llms.MessageContent, maxOut, _ int) (*llms.ContentResponse, error) {
		return m.GenerateContent(ctx, msgs, llms.WithMaxTokens(maxOut), llms.WithTemperature(0))
	}
	return b, nil
}

func newBackend(name, defaultModel string, cfg summarize.Config) (*Backend, error) {
	model := cfg.Model
	if model == "" {
		model = defaultModel
	}
	pb, err := prompt.ForBackend(name, model, cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Backend{name: name, model: model, builder: pb, caller: cfg.Caller(), logger: cfg.Log()}, nil
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

// Summarize digests a. Errors are the typed errors of package summarize,
// wrapped with the backend's name.
func (b *Backend) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, err := b.builder.Run(ctx, a, b.send)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", b.name, err)
	}
	d.Backend, d.Model = b.name, b.model
	return d, nil
}

// Preview returns the requests Summarize would send for a.
func (b *Backend) Preview(a *article.Article) ([]summarize.Request, error) {
	return b.builder.Preview(a)
}

// numCtx is the context window to ask Ollama for: room for the prompt and
// the answer with a margin, in steps of 1024, at least Ollama's usual
// 2048 and at most the configured context.
func (b *Backend) numCtx(est summarize.Estimate) int {
	n := est.PromptTokens + est.MaxOutputTokens
	n += n / 10
	n = (n + 1023) / 1024 * 1024
	return min(max(n, 2048), max(b.builder.ContextTokens(), 2048))
}

func (b *Backend) send(ctx context.Context, req summarize.Request) (prompt.Reply, error) {
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
	numCtx := b.numCtx(req.Estimate)
	var reply prompt.Reply
	u, err := b.caller.Call(ctx, req.Estimate, func(ctx context.Context) (summarize.Usage, error) {
		resp, err := b.generate(ctx, msgs, req.Estimate.MaxOutputTokens, numCtx)
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
		}
		reply.Text = text.String()
		if u.PromptTokens == 0 && u.CompletionTokens == 0 {
			u = summarize.Usage{PromptTokens: req.Estimate.PromptTokens, CompletionTokens: (text.Len() + 3) / 4}
			reply.UsageEstimated = true
		}
		if reply.Text == "" {
			return u, &summarize.ResponseError{Err: errors.New("empty answer")}
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
	if errors.Is(err, anthropic.ErrEmptyResponse) || errors.Is(err, ollama.ErrEmptyResponse) {
		return &summarize.ResponseError{Err: err}
	}
	status, header := summarize.ResponseInfoFrom(ctx).Last()
	if status == 0 || status == http.StatusOK {
		if m := statusRe.FindStringSubmatch(err.Error()); m != nil {
			status, _ = strconv.Atoi(m[1])
		}
	}
	if status == http.StatusOK {
		// An error line in an otherwise successful Ollama stream.
		if _, ok := summarize.ContextLengthMessage(err.Error()); ok {
			return summarize.Classify(err, http.StatusBadRequest, header)
		}
		return &summarize.ServerError{Status: status, Err: err}
	}
	low := strings.ToLower(err.Error())
	if status == 0 && (strings.Contains(low, "overloaded") || strings.Contains(low, "rate limit")) {
		return &summarize.ServerError{Status: 503, Err: err}
	}
	return summarize.Classify(err, status, header)
}
