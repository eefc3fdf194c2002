package article_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

func TestRedactURL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://user:hunter2@news.example/a?b=c", "https://user:xxxxx@news.example/a?b=c"},
		{"https://ghp_token123@news.example/a", "https://xxxxx@news.example/a"},
		{"https://news.example/a@b", "https://news.example/a@b"},
		{"https://news.example/a", "https://news.example/a"},
		{"https://user:hun ter2@news.example:99x/a", "https://xxxxx@news.example:99x/a"}, // does not parse
		{"ftp://user:hunter2@files.example/x", "ftp://user:xxxxx@files.example/x"},
		{"not a url @ all", "not a url @ all"},
		{"", ""},
	} {
		if got := article.RedactURL(tt.in); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCredentialsNeverShown fetches and lists URLs that carry credentials
// and checks the password appears in no error, ID or article address, while
// the request still carries it.
func TestCredentialsNeverShown(t *testing.T) {
	const secret = "hunter2"
	var gotAuth bool
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		_, pass, ok := r.BasicAuth()
		gotAuth = ok && pass == secret
		serveHTML(w, strings.Replace(sampleHTML, "<head>", `<head><link rel="canonical" href="/canonical/story">`, 1))
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	withCreds := func(path string) string {
		return strings.Replace(srv.URL, "http://", "http://ana:"+secret+"@", 1) + path
	}
	noSecret := func(what, s string) {
		t.Helper()
		if strings.Contains(s, secret) {
			t.Errorf("%s = %q shows the password", what, s)
		}
	}

	l := &article.Loader{Fetcher: testFetcher(nil), Stdin: strings.NewReader(withCreds("/story") + "\nhttps://ana:" + secret + "@bad host.example/\n")}
	srcs := l.Expand(context.Background(), []string{withCreds("/story"), withCreds("/missing"), "-"})
	if len(srcs) != 4 {
		t.Fatalf("Expand gave %d sources, want 4: %+v", len(srcs), srcs)
	}
	for _, s := range srcs {
		noSecret("Source.ID", s.ID)
		if s.Err != nil {
			noSecret("Source.Err", s.Err.Error())
		}
	}
	if srcs[0].URL != withCreds("/story") {
		t.Errorf("Source.URL = %q, want the URL as given, to fetch with", srcs[0].URL)
	}
	a, err := l.Load(context.Background(), srcs[0])
	if err != nil {
		t.Fatal(err)
	}
	if !gotAuth {
		t.Errorf("the request did not carry the credentials")
	}
	if a.CanonicalURL == "" {
		t.Errorf("no canonical URL")
	}
	for what, s := range map[string]string{"ID": a.ID, "URL": a.URL, "CanonicalURL": a.CanonicalURL} {
		noSecret("Article."+what, s)
	}
	_, err = l.Load(context.Background(), srcs[1])
	var he *article.HTTPError
	if !errors.As(err, &he) || he.Status != 404 {
		t.Fatalf("Load(missing) error = %v, want an HTTPError 404", err)
	}
	noSecret("Load(missing) error", err.Error())
	noSecret("HTTPError.URL", he.URL)

	// A JSONL record's URL is shown redacted too.
	l = &article.Loader{Stdin: strings.NewReader(`{"id":"r1","url":"` + withCreds("/story") + `","text":"A record with its own text."}`)}
	srcs = l.Expand(context.Background(), []string{"-"})
	if a, err := l.Load(context.Background(), srcs[0]); err != nil || a.URL == "" {
		t.Fatalf("Load(record) = %v, %v", a, err)
	} else {
		noSecret("record Article.URL", a.URL)
	}
}
