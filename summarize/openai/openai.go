package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
	"github.com/brief-news/brief/summarize/openai/batch"
)

const (
	// Name is the backend's registered name.
	Name = "openai"
	// Azure is the registered name of the Azure OpenAI backend.
	Azure = "azure"
	// DefaultModel is the model used when none is configured.
	DefaultModel = "gpt-4.1-mini"
	// DefaultBaseURL is OpenAI's API.
	DefaultBaseURL = "https://api.openai.com/v1"
	// AzureAPIVersion is the Azure OpenAI API version brief speaks (the
	// first with structured outputs).
	AzureAPIVersion = "2024-10-21"
)

func init() {
	summarize.Register(summarize.Backend{
		Name:         Name,
		Description:  "OpenAI, or any OpenAI-compatible server (vLLM, llama.cpp, LM Studio, Ollama /v1) with --base-url",
		DefaultModel: DefaultModel, KeyEnv: "OPENAI_API_KEY", BaseURLEnv: "OPENAI_BASE_URL",
		DefaultBaseURL: DefaultBaseURL, Model: true, Batch: true,
		New: llm.Factory(func(cfg summarize.Config) (summarize.Summarizer, error) { return New(cfg) }),
	})
	summarize.Register(summarize.Backend{
		Name:        Azure,
		Description: "Azure OpenAI: --base-url is the resource endpoint, --model the deployment",
		KeyEnv:      "AZURE_OPENAI_API_KEY", BaseURLEnv: "AZURE_OPENAI_ENDPOINT", Model: true,
		New: llm.Factory(func(cfg summarize.Config) (summarize.Summarizer, error) { return NewAzure(cfg) }),
	})
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
	rt       *llm.Runtime
	name     string
	client   *goopenai.Client
	base     string
	official bool
	azure    bool
	schema   []byte
	// stream asks for streamed answers, with an idle timeout.
	stream bool
	// key and plain (the configured HTTP client) are what the batch
	// client is built with.
	key   string
	plain *http.Client
	// mode is the output mode the server accepted last; it only moves
	// down, so that later articles skip refused modes.
	mode atomic.Int32
}

var (
	_ summarize.Summarizer = (*Backend)(nil)
	_ llm.Previewer        = (*Backend)(nil)
	_ llm.Lister           = (*Backend)(nil)
)

// batchTimeout bounds one call of the Batch API (an upload, a download).
const batchTimeout = 5 * time.Minute

// Batcher returns the OpenAI Batch API client of the backend's server
// and key (see llm.Batcher).
func (b *Backend) Batcher() (llm.Batcher, error) {
	if b.azure {
		return nil, errors.New("azure: brief has no batch client for Azure OpenAI")
	}
	hc := http.Client{Timeout: batchTimeout}
	if b.plain != nil {
		hc = *b.plain
		hc.Timeout = batchTimeout
	}
	return batch.New(batch.Config{APIKey: b.key, BaseURL: b.base, HTTPClient: &hc}), nil
}

// deferring returns cfg with, when its settings ask for batch mode, an
// HTTP client whose chat-completions requests are deferred into a batch
// or answered from one (see batch.Transport).
func deferring(cfg summarize.Config, lc llm.Config) summarize.Config {
	if !lc.Batch {
		return cfg
	}
	var hc http.Client
	if lc.HTTPClient != nil {
		hc = *lc.HTTPClient
	}
	hc.Transport = batch.Transport{Base: hc.Transport}
	lc.HTTPClient = &hc
	cfg.Settings = lc
	return cfg
}

// New returns a backend for cfg: Model (default DefaultModel) and, in
// cfg.Settings, an llm.Config: APIKey, BaseURL (default DefaultBaseURL;
// any OpenAI-compatible server), HTTPClient, ContextTokens (default: what
// the server reports, else known per model on OpenAI, else 8192), and the
// prompt, retry, limit and meter settings. A key is required for OpenAI's
// own API only.
func New(cfg summarize.Config) (*Backend, error) {
	lc, err := llm.SettingsOf(cfg)
	if err != nil {
		return nil, err
	}
	model := cfg.Model
	if model == "" {
		model = DefaultModel
	}
	base := strings.TrimRight(lc.BaseURL, "/")
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("openai: base URL %q is not an http(s) URL", lc.BaseURL)
	}
	official := u.Host == "api.openai.com"
	if official && lc.APIKey == "" {
		return nil, errors.New("openai: no API key (set OPENAI_API_KEY, or point --base-url at a server that needs none)")
	}
	// A server that is not OpenAI runs whatever context it was started
	// with: plan for a conservative window unless it says more.
	ctxTokens := llm.KnownContext(Name, model)
	if !official {
		ctxTokens = llm.KnownContext("", model)
	}
	rt, err := llm.NewRuntime(Name, model, deferring(cfg, lc), ctxTokens)
	if err != nil {
		return nil, err
	}
	oc := goopenai.DefaultConfig(lc.APIKey)
	oc.BaseURL = base
	oc.HTTPClient = rt.Client
	b := &Backend{rt: rt, name: Name, client: goopenai.NewClientWithConfig(oc), base: base, official: official,
		schema: rt.Schema(), key: lc.APIKey, plain: lc.HTTPClient}
	if b.stream, err = llm.Streams(lc.Stream, base); err != nil {
		return nil, err
	}
	b.stream = b.stream && !lc.Batch // a batch answers whole
	b.initMode()
	rt.SetProbe(b.probe)
	return b, nil
}

// NewAzure returns the Azure OpenAI backend: in cfg.Settings, BaseURL is
// the resource endpoint (https://NAME.openai.azure.com) and APIKey its
// key; Model is the deployment name.
func NewAzure(cfg summarize.Config) (*Backend, error) {
	lc, err := llm.SettingsOf(cfg)
	if err != nil {
		return nil, err
	}
	if lc.APIKey == "" {
		return nil, errors.New("azure: no API key (set AZURE_OPENAI_API_KEY)")
	}
	if cfg.Model == "" {
		return nil, errors.New("azure: no deployment (give --model DEPLOYMENT)")
	}
	base := strings.TrimRight(lc.BaseURL, "/")
	u, err := url.Parse(base)
	if base == "" || err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("azure: endpoint %q is not an http(s) URL (set AZURE_OPENAI_ENDPOINT or --base-url)", lc.BaseURL)
	}
	rt, err := llm.NewRuntime(Azure, cfg.Model, cfg, llm.KnownContext(Name, cfg.Model))
	if err != nil {
		return nil, err
	}
	oc := goopenai.DefaultAzureConfig(lc.APIKey, base)
	oc.APIVersion = AzureAPIVersion
	oc.HTTPClient = rt.Client
	b := &Backend{rt: rt, name: Azure, client: goopenai.NewClientWithConfig(oc), base: base, official: true, azure: true,
		schema: rt.Schema()}
	if b.stream, err = llm.Streams(lc.Stream, base); err != nil {
		return nil, err
	}
	b.initMode()
	return b, nil
}

// formatKey is what the remembered response format is filed under.
func (b *Backend) formatKey() string { return b.name + " " + b.base + " " + b.rt.Model }

func (b *Backend) initMode() {
	if m := b.rt.Settings.Formats; m != nil {
		if i := slices.Index(modeNames[:], m.Format(b.formatKey())); i > 0 {
			b.mode.Store(int32(i))
		}
	}
}

// Summarize digests a. Errors are the typed errors of package llm,
// wrapped with the backend's name.
func (b *Backend) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	return b.rt.Summarize(ctx, a, b.send)
}

// Preview returns the requests Summarize would send for a.
func (b *Backend) Preview(a *article.Article) ([]llm.Request, error) { return b.rt.Preview(a) }

// Models lists the models the server offers.
func (b *Backend) Models(ctx context.Context) ([]llm.ModelInfo, error) {
	list, err := b.listModels(ctx)
	if err != nil {
		return nil, b.rt.Err(fmt.Errorf("%s: list models: %w", b.name, err))
	}
	return list, nil
}

// send sends one request, stepping down the output modes when the server
// refuses one.
func (b *Backend) send(ctx context.Context, req llm.Request) (llm.Reply, error) {
	var reply llm.Reply
	for {
		mode := b.mode.Load()
		u, err := b.rt.Call(ctx, req.Estimate, func(ctx context.Context) (summarize.Usage, error) {
			r, u, err := b.complete(ctx, req, mode)
			reply.Text, reply.UsageEstimated, reply.Cut = r.Text, r.UsageEstimated, r.Cut
			return u, err
		})
		reply.Usage.Calls += u.Calls
		reply.Usage.PromptTokens += u.PromptTokens
		reply.Usage.CompletionTokens += u.CompletionTokens
		var bad *llm.BadRequestError
		if err != nil && mode < modeText && errors.As(err, &bad) && bad.Status != 404 {
			// Only move down from the mode this request used: another
			// worker may have moved already.
			if b.mode.CompareAndSwap(mode, mode+1) {
				b.rt.Logger.Info("server refused the output mode; trying the next", "refused", modeNames[mode], "next", modeNames[mode+1], "err", err)
				if m := b.rt.Settings.Formats; m != nil {
					if err := m.SetFormat(b.formatKey(), modeNames[mode+1]); err != nil {
						b.rt.Logger.Warn("remember response format", "err", err)
					}
				}
			}
			continue
		}
		return reply, err
	}
}

// complete makes one chat-completions request in the given output mode.
func (b *Backend) complete(ctx context.Context, req llm.Request, mode int32) (reply llm.Reply, u summarize.Usage, err error) {
	r := goopenai.ChatCompletionRequest{Model: b.rt.Model, Temperature: float32(b.rt.Settings.Temperature)}
	switch {
	case b.official && reasoning(b.rt.Model):
		// Reasoning models take only their default temperature.
		r.Temperature = 0
	case r.Temperature == 0:
		// go-openai leaves out a zero temperature, and servers then use
		// their default (1.0 at OpenAI). A tiny positive value is sent
		// instead: as repeatable as 0, and never left out.
		r.Temperature = MinTemperature
	}
	if seed, ok := b.rt.Settings.SeedValue(); ok {
		r.Seed = &seed
	}
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
	var ans answer
	if b.stream {
		ans, err = b.streamed(ctx, r)
	} else {
		ans, err = b.whole(ctx, r)
	}
	if err != nil {
		return reply, ans.usage, err
	}
	u = ans.usage
	if !ans.choices {
		return reply, u, &llm.ResponseError{Err: errors.New("answer has no choices")}
	}
	if ans.content == "" && ans.refusal != "" {
		return reply, u, &llm.ResponseError{Err: fmt.Errorf("model refused: %s", ans.refusal)}
	}
	reply.Cut = ans.finish == goopenai.FinishReasonLength
	if u.PromptTokens == 0 && u.CompletionTokens == 0 {
		u = summarize.Usage{PromptTokens: req.Estimate.PromptTokens, CompletionTokens: (len(ans.content) + 3) / 4}
		reply.UsageEstimated = true
	}
	reply.Text = ans.content
	return reply, u, nil
}

// answer is the first choice of a chat completion, whole or streamed.
type answer struct {
	choices          bool // the answer had a choice
	content, refusal string
	finish           goopenai.FinishReason
	usage            summarize.Usage
}

// whole asks for the answer in one response.
func (b *Backend) whole(ctx context.Context, r goopenai.ChatCompletionRequest) (answer, error) {
	resp, err := b.client.CreateChatCompletion(ctx, r)
	if err != nil {
		return answer{}, err
	}
	a := answer{choices: len(resp.Choices) > 0,
		usage: summarize.Usage{PromptTokens: resp.Usage.PromptTokens, CompletionTokens: resp.Usage.CompletionTokens}}
	if a.choices {
		c := resp.Choices[0]
		a.content, a.refusal, a.finish = c.Message.Content, c.Message.Refusal, c.FinishReason
	}
	return a, nil
}

// streamed asks for the answer as a stream of server-sent events, and
// gives up when a pause between them is longer than the idle timeout:
// a slow model that keeps answering is waited for, one that stalls is a
// timeout that is not retried.
func (b *Backend) streamed(ctx context.Context, r goopenai.ChatCompletionRequest) (answer, error) {
	r.StreamOptions = &goopenai.StreamOptions{IncludeUsage: true}
	ctx, watch := llm.WatchIdle(ctx, b.rt.Settings.Idle(), b.rt.Settings.RequestTimeout)
	defer watch.Stop()
	var a answer
	st, err := b.client.CreateChatCompletionStream(ctx, r)
	if err != nil {
		return a, watch.Err(err)
	}
	defer st.Close()
	var content, refusal strings.Builder
	for {
		chunk, err := st.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return a, watch.Err(err)
		}
		watch.Progress()
		if u := chunk.Usage; u != nil {
			a.usage = summarize.Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens}
		}
		for _, c := range chunk.Choices {
			if c.Index != 0 {
				continue
			}
			a.choices = true
			content.WriteString(c.Delta.Content)
			refusal.WriteString(c.Delta.Refusal)
			if c.FinishReason != "" {
				a.finish = c.FinishReason
			}
		}
	}
	if err := watch.Err(nil); err != nil {
		return a, err
	}
	a.content, a.refusal = content.String(), refusal.String()
	return a, nil
}

// MinTemperature is the temperature sent for a configured 0.
const MinTemperature = 1e-6

// reasoning reports OpenAI models that accept only the default
// temperature.
func reasoning(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// rawSchema is a JSON schema kept verbatim for go-openai.
type rawSchema []byte

// MarshalJSON returns the schema as is.
func (s rawSchema) MarshalJSON() ([]byte, error) { return s, nil }

// modelList is GET /models as OpenAI and the compatible servers answer
// it; vLLM adds max_model_len.
type modelList struct {
	Data []struct {
		ID          string `json:"id"`
		MaxModelLen int    `json:"max_model_len"`
	} `json:"data"`
}

// getJSON GETs url into v through the runtime's client, mapping a failure
// to the typed errors of package llm.
func (b *Backend) getJSON(ctx context.Context, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	if key := b.rt.Settings.APIKey; key != "" {
		if b.azure {
			req.Header.Set("api-key", key)
		} else {
			req.Header.Set("Authorization", "Bearer "+key)
		}
	}
	resp, err := b.rt.Client.Do(req)
	if err != nil {
		return llm.Classify(err, 0, nil)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return llm.Classify(err, resp.StatusCode, resp.Header)
	}
	if resp.StatusCode != http.StatusOK {
		return llm.Classify(fmt.Errorf("GET %s: %s: %s", u, resp.Status, bytes.TrimSpace(body)), resp.StatusCode, resp.Header)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	return nil
}

func (b *Backend) listModels(ctx context.Context) ([]llm.ModelInfo, error) {
	var list modelList
	if err := b.getJSON(ctx, b.base+"/models", &list); err != nil {
		return nil, err
	}
	var out []llm.ModelInfo
	for _, m := range list.Data {
		out = append(out, llm.ModelInfo{Name: m.ID, ContextTokens: m.MaxModelLen})
	}
	return out, nil
}

// probe checks the key and the model before the first request, and asks
// a server that is not OpenAI for its context window: vLLM's
// max_model_len, llama.cpp's n_ctx.
func (b *Backend) probe(ctx context.Context) (llm.ServerInfo, error) {
	if b.official {
		var m struct {
			ID string `json:"id"`
		}
		return llm.ServerInfo{}, b.getJSON(ctx, b.base+"/models/"+url.PathEscape(b.rt.Model), &m)
	}
	var info llm.ServerInfo
	list, err := b.listModels(ctx)
	var unusable error
	switch {
	case errors.Is(err, summarize.ErrUnusable):
		return info, err
	case err == nil && len(list) > 0:
		found := false
		for _, m := range list {
			if m.Name == b.rt.Model {
				found, info.ContextTokens = true, m.ContextTokens
			}
		}
		if !found {
			var names []string
			for _, m := range list {
				names = append(names, m.Name)
			}
			unusable = &llm.ModelError{Status: http.StatusNotFound, Err: fmt.Errorf("the server at %s offers no model %q (it has: %s)",
				b.base, b.rt.Model, clipList(names, 8))}
		}
	}
	if unusable != nil {
		return info, unusable
	}
	if info.ContextTokens == 0 {
		// llama.cpp's server reports its context at /props.
		var props struct {
			Settings struct {
				NCtx int `json:"n_ctx"`
			} `json:"default_generation_settings"`
		}
		if err := b.getJSON(ctx, strings.TrimSuffix(b.base, "/v1")+"/props", &props); err == nil {
			info.ContextTokens = props.Settings.NCtx
		}
	}
	return info, nil
}

func clipList(names []string, n int) string {
	if len(names) > n {
		return strings.Join(names[:n], ", ") + ", …"
	}
	return strings.Join(names, ", ")
}
