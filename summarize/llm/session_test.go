package llm_test

import (
	"context"
	"errors"
	"iter"
	"os"
	"path/filepath"
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

// TestSessionClose: Close runs the closers once, in order, and returns
// the usage line with their errors; a nil Session has no verdict.
func TestSessionClose(t *testing.T) {
	var order []string
	boom := errors.New("disk gone")
	o := llm.RunOptions{Fallback: llm.FallbackNever, Closers: []func() error{
		func() error { order = append(order, "cache"); return nil },
		func() error { order = append(order, "archive"); return boom },
	}}
	_, sess, err := llm.OpenRun("llmtest-session", summarize.Config{Model: "m", Settings: llm.DefaultConfig("k")}, o)
	if err != nil {
		t.Fatal(err)
	}
	line, err := sess.Close()
	if !errors.Is(err, boom) || !strings.HasPrefix(line, "brief: llmtest-session m: 0 articles") {
		t.Errorf("Close = %q, %v", line, err)
	}
	if _, err := sess.Close(); err != nil || strings.Join(order, ",") != "cache,archive" {
		t.Errorf("second Close = %v; closers ran %v, want cache,archive once", err, order)
	}
	closed := 0
	bad := llm.RunOptions{Fallback: "sometimes", Closers: []func() error{func() error { closed++; return nil }}}
	if _, _, err := llm.OpenRun("llmtest-session", summarize.Config{Model: "m", Settings: llm.DefaultConfig("k")}, bad); err == nil || closed != 1 {
		t.Errorf("OpenRun(bad fallback) = %v, closers ran %d times, want an error and 1", err, closed)
	}
	var none *llm.Session
	if err := none.Verdict(true); err != nil {
		t.Errorf("nil Session's Verdict = %v", err)
	}
}

// sizing is a model backend that records the articles it is sized for.
type sizing struct {
	failing
	seen *[]*article.Article
}

func (s sizing) SizeContext(_ context.Context, arts iter.Seq[*article.Article]) (int, error) {
	for a := range arts {
		*s.seen = append(*s.seen, a)
	}
	return 4096, nil
}

var sizedArticles []*article.Article

func init() {
	summarize.Register(summarize.Backend{Name: "llmtest-sizer", Model: true,
		New: func(summarize.Config) (summarize.Summarizer, error) {
			return sizing{failing: failing{calls: &sessionCalls}, seen: &sizedArticles}, nil
		}})
}

// TestSessionSizeFor: local files are read for the sizing; a URL stops
// it with nil (the model's window), stdin skips it, and a backend that
// sizes nothing is not asked.
func TestSessionSizeFor(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"a.txt", "b.txt"} {
		a := summarizetest.Articles()[i]
		text := a.Title + "\n\n" + strings.Join(a.Paragraphs, "\n\n") + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	_, sess, err := llm.OpenRun("llmtest-sizer", summarize.Config{Model: "m", Settings: llm.DefaultConfig("")}, llm.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	l := &article.Loader{}
	for _, tt := range []struct {
		name          string
		inputs        []string
		want, wantNil int
	}{
		{"files", []string{dir}, 2, 0},
		{"a URL", []string{filepath.Join(dir, "a.txt"), "https://example.com/story"}, 2, 1},
		{"stdin", []string{dir, "-"}, 0, 0},
	} {
		sizedArticles = nil
		sess.SizeFor(ctx, l, tt.inputs)
		nils := 0
		for _, a := range sizedArticles {
			if a == nil {
				nils++
			}
		}
		if len(sizedArticles) != tt.want || nils != tt.wantNil {
			t.Errorf("%s: sized for %d articles (%d nil), want %d (%d nil)", tt.name, len(sizedArticles), nils, tt.want, tt.wantNil)
		}
	}
	_, plain, err := llm.OpenRun("llmtest-session", summarize.Config{Model: "m", Settings: llm.DefaultConfig("k")}, llm.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Sizes() {
		t.Error("a backend without a Sizer sizes")
	}
	plain.SizeFor(ctx, l, []string{dir}) // nothing to size: no panic, no reads
}
