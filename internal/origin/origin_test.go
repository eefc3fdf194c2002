package origin_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/origin"
)

func TestSame(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"https://api.example.com/v1", "https://API.example.com:443/other", true},
		{"http://api.example.com/", "http://api.example.com:80/", true},
		{"https://api.example.com/", "https://api.example.com:8443/", false},
		{"https://api.example.com/", "http://api.example.com/", false},
		{"https://example.com/", "https://api.example.com/", false},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:9090/", false},
	} {
		a, _ := url.Parse(tt.a)
		b, _ := url.Parse(tt.b)
		if got := origin.Same(a, b); got != tt.want {
			t.Errorf("Same(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestCredentialsStayOnOrigin: a redirect to the same host on another
// port gets no Authorization or API-key header (net/http alone forwards
// them); a redirect within the origin keeps them.
func TestCredentialsStayOnOrigin(t *testing.T) {
	got := make(chan http.Header, 4)
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.Header.Clone()
	}))
	defer other.Close()
	var first *httptest.Server
	first = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/away": // same host (127.0.0.1), another port
			http.Redirect(w, r, other.URL+"/landed", http.StatusFound)
		case "/home":
			http.Redirect(w, r, first.URL+"/landed", http.StatusFound)
		default:
			got <- r.Header.Clone()
		}
	}))
	defer first.Close()
	if !strings.HasPrefix(other.URL, "http://127.0.0.1:") || !strings.HasPrefix(first.URL, "http://127.0.0.1:") {
		t.Skip("servers not on 127.0.0.1")
	}
	for _, tt := range []struct {
		path     string
		withAuth bool
		client   *http.Client
	}{
		{"/away", false, &http.Client{CheckRedirect: origin.CheckRedirect(5)}},
		{"/home", true, &http.Client{CheckRedirect: origin.CheckRedirect(5)}},
		{"/away", true, &http.Client{}}, // what net/http does by itself
	} {
		req, _ := http.NewRequest("GET", first.URL+tt.path, nil)
		req.Header.Set("Authorization", "Bearer sk-secret")
		req.Header.Set("X-Api-Key", "sk-ant-secret")
		resp, err := tt.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := <-got
		if has := h.Get("Authorization") != "" && h.Get("X-Api-Key") != ""; has != tt.withAuth {
			t.Errorf("%s (custom CheckRedirect %v): credentials forwarded = %v, want %v", tt.path, tt.client.CheckRedirect != nil, has, tt.withAuth)
		}
	}
}
