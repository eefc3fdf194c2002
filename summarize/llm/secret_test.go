package llm_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

// echoing is a backend on the runtime that repeats its credentials
// everywhere it can: in its log lines, in its answer (a quote the checks
// drop, with a warning) and in its errors, as a careless provider or proxy
// might.
type echoing struct {
	rt   *llm.Runtime
	cfg  llm.Config
	fail bool
}

func (e echoing) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	return e.rt.Summarize(ctx, a, func(ctx context.Context, req llm.Request) (llm.Reply, error) {
		u, _ := url.Parse(e.cfg.BaseURL)
		said := e.cfg.APIKey + " " + e.cfg.BaseURL + " " + base64.StdEncoding.EncodeToString([]byte(u.User.String()))
		e.rt.Logger.Info("model said "+said, "err", errors.New(said), "body", said, "group", slog.GroupValue(slog.String("key", said)))
		if e.fail {
			return llm.Reply{}, &llm.AuthError{Status: 401, Err: errors.New("bad key " + said)}
		}
		ans, _ := json.Marshal(map[string]any{"takeaways": []string{"Some text."},
			"quotes": []map[string]string{{"text": e.cfg.APIKey + " " + u.User.String(), "speaker": "X"}}})
		return llm.Reply{Text: string(ans)}, nil
	})
}

// TestRuntimeHidesCredentials checks that what a backend built on the
// runtime says (log lines, warnings, errors) never shows its API key or
// the user name or password in its base URL, and that its errors keep
// their type.
func TestRuntimeHidesCredentials(t *testing.T) {
	summarize.Register(summarize.Backend{Name: "test-echoing", New: llm.Factory(func(sc summarize.Config) (summarize.Summarizer, error) {
		rt, err := llm.NewRuntime("test-echoing", "m", sc, 8192)
		if err != nil {
			return nil, err
		}
		cfg, _ := llm.SettingsOf(sc)
		return echoing{rt: rt, cfg: cfg, fail: sc.Model == "fail"}, nil
	})})
	secrets := []string{"sk-key-for-test-5678", "pass-for-base-1234", "token-as-user-9012",
		base64.StdEncoding.EncodeToString([]byte("svc:pass-for-base-1234")), base64.StdEncoding.EncodeToString([]byte("token-as-user-9012"))}
	for _, tt := range []struct{ name, model, base string }{
		{"digest", "", "https://svc:pass-for-base-1234@llm.example/v1"},
		{"error", "fail", "https://token-as-user-9012@llm.example/v1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			s, err := summarize.Open("test-echoing", summarize.Config{Model: tt.model,
				Settings: llm.Config{APIKey: "sk-key-for-test-5678", BaseURL: tt.base},
				Logger:   slog.New(slog.NewTextHandler(&logs, nil))})
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.Summarize(context.Background(), &article.Article{Paragraphs: []string{"Some text."}})
			var said []string
			if err != nil {
				said = append(said, err.Error())
				var ae *llm.AuthError
				if !errors.As(err, &ae) || ae.Status != 401 {
					t.Errorf("error %v lost its *AuthError", err)
				}
			} else {
				for _, w := range d.Warnings {
					said = append(said, w.String())
				}
			}
			said = append(said, logs.String())
			if !strings.Contains(strings.Join(said, "\n"), "[redacted]") {
				t.Errorf("nothing redacted in:\n%s", strings.Join(said, "\n"))
			}
			for _, out := range said {
				for _, s := range secrets {
					if strings.Contains(out, s) {
						t.Errorf("%q shows %q", out, s)
					}
				}
			}
		})
	}
}
