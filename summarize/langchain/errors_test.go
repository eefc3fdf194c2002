package langchain

import (
	"context"
	"errors"
	"testing"

	"github.com/brief-news/brief/summarize/llm"
)

// TestMapErrorFromText covers errors whose HTTP status survives only in
// langchaingo's message text (no response was captured).
func TestMapErrorFromText(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want any
	}{
		{"anthropic: failed to create message: API returned unexpected status code: 429: Number of request tokens has exceeded your per-minute rate limit", new(*llm.RateLimitError)},
		{"anthropic: failed to create message: API returned unexpected status code: 401: invalid x-api-key", new(*llm.AuthError)},
		{"anthropic: failed to create message: API returned unexpected status code: 529: Overloaded", new(*llm.ServerError)},
		{"anthropic: failed to create message: API returned unexpected status code: 400: prompt is too long: 210000 tokens > 200000 maximum", new(*llm.ContextLengthError)},
		{"anthropic: failed to create message: API returned unexpected status code: 404: model: claude-nope", new(*llm.ModelError)},
		{"anthropic: failed to create message: API returned unexpected status code: 400: max_tokens: field required", new(*llm.BadRequestError)},
		{"anthropic: failed to create message: send request: read tcp: connection reset by peer", new(*llm.TransportError)},
	} {
		got := mapError(context.Background(), errors.New(tt.msg))
		if !errors.As(got, tt.want) {
			t.Errorf("mapError(%q) = %T %v, want %T", tt.msg, got, got, tt.want)
		}
	}
	var cle *llm.ContextLengthError
	if err := mapError(context.Background(), errors.New("status code: 400: prompt is too long: 210000 tokens > 200000 maximum")); !errors.As(err, &cle) || cle.Limit != 200000 {
		t.Errorf("context-length limit = %v, want 200000", err)
	}
	if err := mapError(context.Background(), context.Canceled); err != context.Canceled {
		t.Errorf("mapError(context.Canceled) = %v, want it unchanged", err)
	}
}
