package summarize_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// echoing is a backend that repeats its credentials everywhere it can: in
// its log lines, its warnings and its errors, as a careless provider or
// proxy might.
type echoing struct {
	cfg  summarize.Config
	fail bool
}

func (e echoing) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	u, _ := url.Parse(e.cfg.BaseURL)
	said := e.cfg.APIKey + " " + e.cfg.BaseURL + " " + base64.StdEncoding.EncodeToString([]byte(u.User.String()))
	e.cfg.Logger.Info("model said "+said, "err", errors.New(said), "body", said, "group", slog.GroupValue(slog.String("key", said)))
	if e.fail {
		return nil, fmt.Errorf("echo: %w", &summarize.AuthError{Status: 401, Err: errors.New("bad key " + said)})
	}
	return &summarize.Digest{Takeaways: []string{"x"}, Warnings: []string{"provider said " + said}}, nil
}

// TestOpenHidesCredentials checks that what a backend opened with
// summarize.Open says (log lines, warnings, errors) never shows its API
// key or the user name or password in its base URL, and that its errors
// keep their type.
func TestOpenHidesCredentials(t *testing.T) {
	summarize.Register("test-echoing", func(cfg summarize.Config) (summarize.Summarizer, error) {
		return echoing{cfg: cfg, fail: cfg.Model == "fail"}, nil
	})
	secrets := []string{"sk-key-for-test-5678", "pass-for-base-1234", "token-as-user-9012",
		base64.StdEncoding.EncodeToString([]byte("svc:pass-for-base-1234")), base64.StdEncoding.EncodeToString([]byte("token-as-user-9012"))}
	for _, tt := range []struct{ name, model, base string }{
		{"digest", "", "https://svc:pass-for-base-1234@llm.example/v1"},
		{"error", "fail", "https://token-as-user-9012@llm.example/v1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			s, err := summarize.Open("test-echoing", summarize.Config{Model: tt.model, APIKey: "sk-key-for-test-5678", BaseURL: tt.base,
				Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.Summarize(context.Background(), &article.Article{Paragraphs: []string{"Some text."}})
			var said []string
			if err != nil {
				said = append(said, err.Error())
				var ae *summarize.AuthError
				if !errors.As(err, &ae) || ae.Status != 401 {
					t.Errorf("error %v lost its *AuthError", err)
				}
			} else {
				said = append(said, d.Warnings...)
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
