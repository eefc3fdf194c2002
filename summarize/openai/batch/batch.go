// Package batch sends brief's model requests through the OpenAI Batch
// API (Files and Batches endpoints, through go-openai) instead of one
// chat-completions call each: cheaper, slower, and outside the
// interactive rate limits.
//
// The requests are the very ones the interactive backend would send:
// the backend runs as usual with a Transport that, instead of sending a
// chat-completions request, records it and stops that article
// (llm.BatchSession.Deferred). The recorded requests go into one batch. When the
// batch has finished, the backend runs again over the same articles, and
// the Transport answers each request from the batch's results, so the
// answers pass the same parsing and checks (quotes verified against the
// article, fallbacks flagged) as interactive ones. A request the backend
// makes only after seeing an answer (a repair, the combining step of a
// long article) is deferred in turn, into the next batch.
//
// batch imports go-openai and summarize/llm (whose Batcher its Client
// implements); it knows nothing of the archive.
package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/brief-news/brief/summarize/llm"
)

// Endpoint is the API path every batched request goes to.
const Endpoint = goopenai.BatchEndpointChatCompletions

// Transport answers the chat-completions requests made in an
// llm.BatchSession's context from its answers, and defers those it has
// no answer for (llm.ErrDeferred). Other requests, and requests outside a
// session, go to Base (nil: http.DefaultTransport).
type Transport struct {
	Base http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	s := llm.BatchSessionOf(req.Context())
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if s == nil || req.Method != http.MethodPost || !strings.HasSuffix(req.URL.Path, "/chat/completions") {
		return base.RoundTrip(req)
	}
	var body []byte
	if req.Body != nil {
		var err error
		body, err = io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("batch: read request: %w", err)
		}
	}
	var b bytes.Buffer
	if json.Compact(&b, body) != nil {
		b.Reset()
		b.Write(body)
	}
	a, err := s.Answer(json.RawMessage(b.Bytes()))
	if err != nil {
		return nil, err
	}
	status := a.Status
	if status == 0 {
		status = http.StatusOK
	}
	return &http.Response{
		Status: fmt.Sprintf("%d %s", status, http.StatusText(status)), StatusCode: status,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:  http.Header{"Content-Type": {"application/json"}},
		Body:    io.NopCloser(bytes.NewReader(a.Body)),
		Request: req, ContentLength: int64(len(a.Body)),
	}, nil
}

// Config configures a Client.
type Config struct {
	// APIKey and BaseURL (default https://api.openai.com/v1) address the
	// API; HTTPClient (nil: http.DefaultClient) sends the requests.
	APIKey, BaseURL string
	HTTPClient      *http.Client
	// CompletionWindow is the time the provider may take; "" means 24h,
	// the only window OpenAI offers.
	CompletionWindow string
}

// Client submits, polls, cancels and collects batches.
type Client struct {
	c      *goopenai.Client
	window string
}

var _ llm.Batcher = (*Client)(nil)

// New returns a Client for cfg.
func New(cfg Config) *Client {
	oc := goopenai.DefaultConfig(cfg.APIKey)
	if cfg.BaseURL != "" {
		oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	}
	if cfg.HTTPClient != nil {
		oc.HTTPClient = cfg.HTTPClient
	}
	w := cfg.CompletionWindow
	if w == "" {
		w = "24h"
	}
	return &Client{c: goopenai.NewClientWithConfig(oc), window: w}
}

func statusOf(b goopenai.Batch) llm.BatchStatus {
	s := llm.BatchStatus{ID: b.ID, State: b.Status, InputFile: b.InputFileID,
		Total: b.RequestCounts.Total, Completed: b.RequestCounts.Completed, Failed: b.RequestCounts.Failed}
	if b.OutputFileID != nil {
		s.OutputFile = *b.OutputFileID
	}
	if b.ErrorFileID != nil {
		s.ErrorFile = *b.ErrorFileID
	}
	if b.Errors != nil {
		for _, e := range b.Errors.Data {
			s.Errors = append(s.Errors, strings.TrimSpace(e.Code+" "+e.Message))
		}
	}
	return s
}

// Submit uploads the lines as a JSONL file and creates a batch of them.
func (c *Client) Submit(ctx context.Context, lines []llm.BatchLine) (llm.BatchStatus, error) {
	if len(lines) == 0 {
		return llm.BatchStatus{}, errors.New("batch: no requests to submit")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err := enc.Encode(struct {
			CustomID string                 `json:"custom_id"`
			Method   string                 `json:"method"`
			URL      goopenai.BatchEndpoint `json:"url"`
			Body     json.RawMessage        `json:"body"`
		}{l.Key, http.MethodPost, Endpoint, l.Body}); err != nil {
			return llm.BatchStatus{}, fmt.Errorf("batch: encode %s: %w", l.Key, err)
		}
	}
	f, err := c.c.CreateFileBytes(ctx, goopenai.FileBytesRequest{Name: "brief-batch.jsonl", Bytes: buf.Bytes(), Purpose: goopenai.PurposeBatch})
	if err != nil {
		return llm.BatchStatus{}, fmt.Errorf("batch: upload requests: %w", err)
	}
	b, err := c.c.CreateBatch(ctx, goopenai.CreateBatchRequest{InputFileID: f.ID, Endpoint: Endpoint,
		CompletionWindow: c.window, Metadata: map[string]any{"client": "brief"}})
	if err != nil {
		return llm.BatchStatus{}, fmt.Errorf("batch: create batch of file %s: %w", f.ID, err)
	}
	return statusOf(b.Batch), nil
}

// Status returns the batch's state at the provider.
func (c *Client) Status(ctx context.Context, id string) (llm.BatchStatus, error) {
	b, err := c.c.RetrieveBatch(ctx, id)
	if err != nil {
		return llm.BatchStatus{}, fmt.Errorf("batch: status of %s: %w", id, err)
	}
	return statusOf(b.Batch), nil
}

// Cancel asks the provider to cancel the batch; requests already
// answered keep their results.
func (c *Client) Cancel(ctx context.Context, id string) (llm.BatchStatus, error) {
	b, err := c.c.CancelBatch(ctx, id)
	if err != nil {
		return llm.BatchStatus{}, fmt.Errorf("batch: cancel %s: %w", id, err)
	}
	return statusOf(b.Batch), nil
}

// Results downloads the answers of a finished batch (its output and
// error files), keyed by custom ID. A request with no answer in either
// file (expired, cancelled) is absent.
func (c *Client) Results(ctx context.Context, st llm.BatchStatus) (map[string]llm.BatchAnswer, error) {
	out := map[string]llm.BatchAnswer{}
	for _, id := range []string{st.OutputFile, st.ErrorFile} {
		if id == "" {
			continue
		}
		raw, err := c.c.GetFileContent(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("batch: download results %s: %w", id, err)
		}
		err = readResults(raw, out)
		raw.Close()
		if err != nil {
			return nil, fmt.Errorf("batch: read results %s: %w", id, err)
		}
	}
	return out, nil
}

// resultLine is one line of a batch's output or error file.
type resultLine struct {
	CustomID string `json:"custom_id"`
	Response *struct {
		StatusCode int             `json:"status_code"`
		Body       json.RawMessage `json:"body"`
	} `json:"response"`
	Error *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func readResults(r io.Reader, out map[string]llm.BatchAnswer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var l resultLine
		if err := json.Unmarshal(line, &l); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if l.CustomID == "" {
			return fmt.Errorf("line %d: no custom_id", n)
		}
		var a llm.BatchAnswer
		switch {
		case l.Error != nil:
			a.Error = strings.TrimSpace(l.Error.Code + ": " + l.Error.Message)
		case l.Response == nil:
			a.Error = "no response"
		default:
			a.Status, a.Body = l.Response.StatusCode, l.Response.Body
			if a.Status != http.StatusOK {
				a.Error = fmt.Sprintf("status %d: %s", a.Status, bytes.TrimSpace(a.Body))
			}
		}
		out[l.CustomID] = a
	}
	return sc.Err()
}
