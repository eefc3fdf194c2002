package llm_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	_ "github.com/brief-news/brief/summarize/extractive" // the offline fallback
	"github.com/brief-news/brief/summarize/llm"
	"github.com/brief-news/brief/summarize/summarizetest"
)

// failing is a model backend whose every answer fails with err, counting
// its calls.
type failing struct {
	err   error
	calls *atomic.Int64
}

func (f failing) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	f.calls.Add(1)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if f.err == nil {
		return &summarize.Digest{Takeaways: []string{a.Paragraphs[0]}, Region: "Global"}, nil
	}
	return nil, f.err
}

var (
	sessionErr   atomic.Pointer[error]
	sessionCalls atomic.Int64
)

func init() {
	summarize.Register(summarize.Backend{Name: "llmtest-session", KeyEnv: "LLMTEST_KEY", Model: true,
		New: func(summarize.Config) (summarize.Summarizer, error) {
			var err error
			if p := sessionErr.Load(); p != nil {
				err = *p
			}
			return failing{err: err, calls: &sessionCalls}, nil
		}})
}

// TestSession: OpenRun's session counts articles and fallbacks into the
// usage line; a transient failure falls back per article and fails the
// run only past MaxFallback; a bad key is an *UnusableError naming the
// backend's key variable, before anything is written, unless the
// fallback is always; a deadline in the past ends the model calls.
func TestSession(t *testing.T) {
	arts := summarizetest.Articles()
	run := func(t *testing.T, err error, o llm.RunOptions) (*llm.Session, int) {
		t.Helper()
		sessionErr.Store(&err)
		s, sess, oerr := llm.OpenRun("llmtest-session", summarize.Config{Settings: llm.DefaultConfig("")}, o)
		if oerr != nil {
			t.Fatal(oerr)
		}
		failed := 0
		for _, a := range arts {
			if _, err := s.Summarize(context.Background(), a); err != nil {
				failed++
			}
		}
		return sess, failed
	}
	t.Run("all good", func(t *testing.T) {
		sess, failed := run(t, nil, llm.RunOptions{MaxFallback: 20})
		if failed != 0 || sess.Verdict(false) != nil || sess.Verdict(true) != nil {
			t.Errorf("failed %d, verdicts %v %v; want none", failed, sess.Verdict(false), sess.Verdict(true))
		}
		if line := sess.UsageLine(); !strings.Contains(line, "3 articles") || strings.Contains(line, "fell back") {
			t.Errorf("usage line %q", line)
		}
	})
	t.Run("transient", func(t *testing.T) {
		sess, failed := run(t, &llm.ServerError{Status: 500, Err: errors.New("boom")}, llm.RunOptions{MaxFallback: 50})
		if failed != 0 || sess.Verdict(false) != nil {
			t.Errorf("failed %d, verdict before writing %v; want fallbacks, no verdict", failed, sess.Verdict(false))
		}
		if err := sess.Verdict(true); err == nil || !strings.Contains(err.Error(), "3 of 3 articles") {
			t.Errorf("verdict after writing = %v, want more than --max-fallback", err)
		}
		if line := sess.UsageLine(); !strings.Contains(line, "3 fell back to the offline digest") {
			t.Errorf("usage line %q", line)
		}
	})
	t.Run("bad key", func(t *testing.T) {
		sess, failed := run(t, &llm.AuthError{Status: 401, Err: errors.New("no")}, llm.RunOptions{})
		var ue *llm.UnusableError
		if err := sess.Verdict(false); failed != len(arts) || !errors.As(err, &ue) || !strings.Contains(err.Error(), "check LLMTEST_KEY") {
			t.Errorf("failed %d, verdict %v; want every article failed and the key named", failed, err)
		}
		sess, failed = run(t, &llm.AuthError{Status: 401, Err: errors.New("no")}, llm.RunOptions{Fallback: llm.FallbackAlways})
		if failed != 0 || sess.Verdict(false) != nil {
			t.Errorf("--fallback always: failed %d, verdict %v; want offline digests", failed, sess.Verdict(false))
		}
	})
	t.Run("never", func(t *testing.T) {
		_, failed := run(t, &llm.ServerError{Status: 500, Err: errors.New("boom")}, llm.RunOptions{Fallback: llm.FallbackNever})
		if failed != len(arts) {
			t.Errorf("failed %d, want every article", failed)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		var none error
		sessionErr.Store(&none)
		s, _, err := llm.OpenRun("llmtest-session", summarize.Config{Settings: llm.DefaultConfig("")},
			llm.RunOptions{Deadline: time.Now().Add(-time.Second), Fallback: llm.FallbackNever})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Summarize(context.Background(), arts[0]); !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "run deadline passed") {
			t.Errorf("Summarize past the run's deadline = %v, want the deadline", err)
		}
	})
	if _, _, err := llm.OpenRun("llmtest-session", summarize.Config{}, llm.RunOptions{Fallback: "sometimes"}); err == nil {
		t.Error("fallback mode \"sometimes\" accepted")
	}
}
