package openai

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync/atomic"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/internal/prompt"
)

const (
	// Name is the backend's registered name.
	Name = "openai"
	// DefaultModel is the model used when none is configured.
	DefaultModel = "gpt-4o-mini"
	// DefaultBaseURL is OpenAI's API.
	DefaultBaseURL = "https://api.openai.com/v1"
)

func init() {
	summarize.Register(Name, func(cfg summarize.Config) (summarize.Summarizer, error) { return New(cfg) })
}

// Output modes, from the strictest down; a server that refuses one is
// asked in the next.
const (
	modeSchema int32 = iota
	modeObject
	modeText
)

var modeNames = [...]string{"json_schema", "json_object", "text"}

// Backend summarizes with one chat-completions request per article (more
// for articles longer than the model's context).
type Backend struct {
	client   *goopenai.Client
	model    string
	official bool
	builder  *prompt.Builder
	caller   *summarize.Caller
	logger   *slog.Logger
	schema   []byte
	// mode is the output mode the server accepted last; it only moves
	// down, so that later articles skip refused modes.
	mode atomic.Int32
}

var (
	_ summarize.Summarizer = (*Backend)(nil)
	_ summarize.Previewer  = (*Backend)(nil)
)

// New returns a backend for cfg: Model (default DefaultModel), APIKey,
// BaseURL (default DefaultBaseURL; any OpenAI-compatible server),
// HTTPClient, ContextTokens (default by model), PromptTemplate and the
// retry, limit and meter settings. A key is required for OpenAI's own API
// only.
func New(cfg summarize.Config) (*Backend, error) {
	model := cfg.Model
	if model == "" {
		model = DefaultModel
	}
	base := strings.TrimRight(cfg.BaseURL, "/")
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("openai: base URL %q is not an http(s) URL", cfg.BaseURL)
	}
	official := u.Host == "api.openai.com"
	if official && cfg.APIKey == "" {
		return nil, errors.New("openai: no API key (set OPENAI_API_KEY, or point --base-url at a server that needs none)")
	}
	oc := goopenai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = base
	oc.HTTPClient = summarize.CapturingClient(cfg.HTTPClient)
	b, err := prompt.ForBackend(Name, model, cfg)
	if err != nil {
		return nil, fmt.Errorf("openai: %w", err)
	}
	return &Backend{
		client:   goopenai.NewClientWithConfig(oc),
		model:    model,
		official: official,
		builder:  b,
		caller:   cfg.Caller(),
		logger:   cfg.Log(),
		schema:   prompt.Schema(cfg.TaxonomyOrDefault().Order()),
	}, nil
}

// Summarize digests a. Errors are the typed errors of package summarize,
// wrapped with "openai: ".
func (b *Backend) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, err := b.builder.Run(ctx, a, b.send)
	if err != nil {
		return nil, fmt.Errorf("openai: %w", err)
	}
	d.Backend, d.Model = Name, b.model
	return d, nil
}

// Preview returns the requests Summarize would send for a.
func (b *Backend) Preview(a *article.Article) ([]summarize.Request, error) {
	return b.builder.Preview(a)
}

// send sends one request, stepping down the output modes when the server
// refuses one.
func (b *Backend) send(ctx context.Context, req summarize.Request) (prompt.Reply, error) {
	var reply prompt.Reply
	for {
		mode := b.mode.Load()
		u, err := b.caller.Call(ctx, req.Estimate, func(ctx context.Context) (summarize.Usage, error) {
			text, u, estimated, err := b.complete(ctx, req, mode)
			reply.Text, reply.UsageEstimated = text, estimated
			return u, err
		})
		reply.Usage.Calls += u.Calls
		reply.Usage.PromptTokens += u.PromptTokens
		reply.Usage.CompletionTokens += u.CompletionTokens
		var bad *summarize.BadRequestError
		if err != nil && mode < modeText && errors.As(err, &bad) && bad.Status != 404 {
			// Only move down from the mode this request used: another
			// worker may have moved already.
			if b.mode.CompareAndSwap(mode, mode+1) {
				b.logger.Info("server refused the output mode; trying the next", "refused", modeNames[mode], "next", modeNames[mode+1], "err", err)
			}
			continue
		}
		return reply, err
	}
}

// complete makes one chat-completions request in the given output mode.
func (b *Backend) complete(ctx context.Context, req summarize.Request, mode int32) (text string, u summarize.Usage, estimated bool, err error) {
	r := goopenai.ChatCompletionRequest{Model: b.model}
	for _, m := range req.Messages {
		r.Messages = append(r.Messages, goopenai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	if b.official {
		// Reasoning models count their thinking in this cap too.
		r.MaxCompletionTokens = 4 * req.Estimate.MaxOutputTokens
	} else {
		// OpenAI-compatible servers (vLLM, llama.cpp, Ollama) know only
		// max_tokens, which go-openai marks deprecated for OpenAI itself.
		//lint:ignore SA1019 the compatible servers need max_tokens
		r.MaxTokens = req.Estimate.MaxOutputTokens
	}
	switch mode {
	case modeSchema:
		r.ResponseFormat = &goopenai.ChatCompletionResponseFormat{
			Type: goopenai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &goopenai.ChatCompletionResponseFormatJSONSchema{
				Name: "digest", Schema: rawSchema(b.schema), Strict: true,
			},
		}
	case modeObject:
		r.ResponseFormat = &goopenai.ChatCompletionResponseFormat{Type: goopenai.ChatCompletionResponseFormatTypeJSONObject}
	}
	resp, err := b.client.CreateChatCompletion(ctx, r)
	if err != nil {
		return "", summarize.Usage{}, false, err
	}
	u = summarize.Usage{PromptTokens: resp.Usage.PromptTokens, CompletionTokens: resp.Usage.CompletionTokens}
	if len(resp.Choices) == 0 {
		return "", u, false, &summarize.ResponseError{Err: errors.New("answer has no choices")}
	}
	msg := resp.Choices[0].Message
	if msg.Content == "" && msg.Refusal != "" {
		return "", u, false, &summarize.ResponseError{Err: fmt.Errorf("model refused: %s", msg.Refusal)}
	}
	if u.PromptTokens == 0 && u.CompletionTokens == 0 {
		u = summarize.Usage{PromptTokens: req.Estimate.PromptTokens, CompletionTokens: (len(msg.Content) + 3) / 4}
		estimated = true
	}
	return msg.Content, u, estimated, nil
}

// rawSchema is a JSON schema kept verbatim for go-openai.
type rawSchema []byte

// MarshalJSON returns the schema as is.
func (s rawSchema) MarshalJSON() ([]byte, error) { return s, nil }
