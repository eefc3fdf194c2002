package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/brief-news/brief/summarize/summarizetest"
)

// TestAPIKeyStaysOnOrigin: a model server that redirects to the same host
// on another port does not receive the API key there.
func TestAPIKeyStaysOnOrigin(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Header.Get("Authorization"))
		mu.Unlock()
		http.Error(w, "no", http.StatusBadRequest)
	}))
	defer elsewhere.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()
	if !strings.HasPrefix(elsewhere.URL, "http://127.0.0.1:") || !strings.HasPrefix(redirector.URL, "http://127.0.0.1:") {
		t.Skip("servers not on one host")
	}
	h := newHarness(t)
	h.vars["OPENAI_API_KEY"] = "sk-must-not-leak"
	dir := writeArticles(t, summarizetest.Articles()[:1])
	h.run("", "summarize", "-f", "jsonl", "--backend", "openai", "--max-retries", "0", "--base-url", redirector.URL+"/v1", dir)
	mu.Lock()
	defer mu.Unlock()
	if len(seen) == 0 {
		t.Fatal("the redirect was not followed")
	}
	for _, a := range seen {
		if a != "" {
			t.Errorf("the other port got Authorization %q", a)
		}
	}
}
