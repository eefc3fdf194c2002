package batch_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/brief-news/brief/summarize/llm"
	"github.com/brief-news/brief/summarize/openai/batch"
	"github.com/brief-news/brief/summarize/openai/batch/batchtest"
)

func post(t *testing.T, c *http.Client, ctx context.Context, url, body string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return c.Do(req)
}

// TestTransportDefersThenAnswers: a chat-completions request is recorded
// and its context cancelled; with the answer known, the same request is
// answered without reaching the server; a failed answer is an error.
func TestTransportDefersThenAnswers(t *testing.T) {
	fk := batchtest.New(t, batchtest.Options{})
	c := &http.Client{Transport: batch.Transport{}}
	body := `{"model":"m", "messages":[{"role":"user","content":"hi"}]}`

	ctx, cancel, sess := llm.NewBatchSession(context.Background(), nil)
	defer cancel()
	if _, err := post(t, c, ctx, fk.BaseURL()+"/chat/completions", body); !errors.Is(err, llm.ErrDeferred) {
		t.Fatalf("first request: err = %v, want ErrDeferred", err)
	}
	if ctx.Err() == nil {
		t.Error("the session's context is not cancelled after a deferral")
	}
	lines := sess.Deferred()
	if len(lines) != 1 || lines[0].Key != llm.BatchKey([]byte(`{"model":"m","messages":[{"role":"user","content":"hi"}]}`)) || string(lines[0].Body) != `{"model":"m","messages":[{"role":"user","content":"hi"}]}` {
		t.Fatalf("Deferred = %+v", lines)
	}

	answers := map[string]llm.BatchAnswer{lines[0].Key: {Status: 200, Body: json.RawMessage(`{"id":"x"}`)}}
	ctx, cancel, sess = llm.NewBatchSession(context.Background(), answers)
	defer cancel()
	resp, err := post(t, c, ctx, fk.BaseURL()+"/chat/completions", body)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(got) != `{"id":"x"}` || sess.Answered() != 1 || fk.Interactive() != 0 {
		t.Errorf("answered request: %d %s, answered %d, interactive %d", resp.StatusCode, got, sess.Answered(), fk.Interactive())
	}

	answers[lines[0].Key] = llm.BatchAnswer{Error: "server_error: boom"}
	var fe *llm.BatchFailedError
	if _, err := post(t, c, ctx, fk.BaseURL()+"/chat/completions", body); !errors.As(err, &fe) || fe.Reason != "server_error: boom" {
		t.Errorf("failed answer: err = %v, want a BatchFailedError", err)
	}

	// Outside a session, requests go through.
	resp, err = post(t, c, context.Background(), fk.BaseURL()+"/chat/completions", `{"model":"m","messages":[{"role":"user","content":"hi"}]}`)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if fk.Interactive() != 1 {
		t.Errorf("request outside a session: %d interactive calls, want 1", fk.Interactive())
	}
}

// TestClientRoundTrip submits two lines to the fake, polls until it
// completes, and reads both answers, one failed.
func TestClientRoundTrip(t *testing.T) {
	fk := batchtest.New(t, batchtest.Options{Polls: 2, FailLine: func(i int) bool { return i == 1 }})
	c := batch.New(batch.Config{APIKey: "sk-test", BaseURL: fk.BaseURL()})
	ctx := context.Background()
	msg := func(s string) json.RawMessage {
		return json.RawMessage(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"` + s + `"}]}`)
	}
	lines := []llm.BatchLine{{Key: "a", Body: msg("one")}, {Key: "b", Body: msg("two")}}
	st, err := c.Submit(ctx, lines)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	if st.ID == "" || st.Finished() || st.Total != 2 {
		t.Fatalf("Submit status = %+v", st)
	}
	for !st.Finished() {
		if st, err = c.Status(ctx, st.ID); err != nil {
			t.Fatal(err)
		}
	}
	if st.State != "completed" || st.Completed != 1 || st.Failed != 1 {
		t.Fatalf("final status = %+v", st)
	}
	res, err := c.Results(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if a := res["a"]; a.Status != 200 || a.Error != "" || !strings.Contains(string(a.Body), "choices") {
		t.Errorf("answer a = %+v", a)
	}
	if b := res["b"]; b.Error == "" {
		t.Errorf("answer b = %+v, want an error", b)
	}
	if fk.Interactive() != 0 {
		t.Errorf("%d interactive calls, want 0", fk.Interactive())
	}
	if _, err := c.Submit(ctx, nil); err == nil {
		t.Error("Submit of no lines succeeded")
	}
}
