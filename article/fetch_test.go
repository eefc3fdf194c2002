package article_test

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
)

// testFetcher allows loopback (httptest) and keeps retries fast.
func testFetcher(mod func(*article.FetchConfig)) *article.Fetcher {
	cfg := article.DefaultFetchConfig()
	cfg.AllowPrivate = true
	cfg.RetryWait = 5 * time.Millisecond
	cfg.Timeout = 2 * time.Second
	if mod != nil {
		mod(&cfg)
	}
	return article.NewFetcher(cfg)
}

func serveHTML(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(body))
}

func TestFetchOK(t *testing.T) {
	var ua atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/story", http.StatusMovedPermanently)
			return
		}
		serveHTML(w, sampleHTML)
	}))
	defer srv.Close()
	f := testFetcher(func(c *article.FetchConfig) { c.UserAgent = "brief-test/1" })
	a, err := f.Fetch(context.Background(), srv.URL+"/old")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbour cranes return" || a.URL != srv.URL+"/story" || a.ID != srv.URL+"/old" {
		t.Errorf("got title %q url %q id %q", a.Title, a.URL, a.ID)
	}
	if got := ua.Load(); got != "brief-test/1" {
		t.Errorf("User-Agent = %q, want brief-test/1", got)
	}
}

func TestFetchEncodings(t *testing.T) {
	latin := strings.ReplaceAll(sampleHTML, "Monday", "Montag \xfcber") // ü in windows-1252
	for _, tt := range []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"gzip", func(w http.ResponseWriter, r *http.Request) {
			if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				http.Error(w, "no gzip", 400)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			_, _ = zw.Write([]byte(sampleHTML))
			_ = zw.Close()
		}, "on Monday"},
		{"charset from header", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=windows-1252")
			_, _ = w.Write([]byte(latin))
		}, "Montag über"},
		{"wrong declared charset read as UTF-8", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
			_, _ = w.Write([]byte(strings.ReplaceAll(sampleHTML, "Monday", "Montag über")))
		}, "Montag über"},
		{"unknown charset", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=x-no-such-charset")
			_, _ = w.Write([]byte(strings.ReplaceAll(sampleHTML, "Monday", "Montag über")))
		}, "Montag über"},
		{"plain text", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			_, _ = w.Write([]byte("Headline here\n\nThe body of a plain text story, on Monday. The port authority said the quay would reopen next week after repairs."))
		}, "on Monday"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			a, err := testFetcher(nil).Fetch(context.Background(), srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text(), tt.want) {
				t.Errorf("text = %q, want it to contain %q", a.Text(), tt.want)
			}
		})
	}
}

func TestFetchFailures(t *testing.T) {
	var calls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/always500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		serveHTML(w, "<html><body><p>"+strings.Repeat("word ", 2000)+"</p></body></html>")
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write([]byte("%PDF-1.4"))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, tt := range []struct {
		name  string
		path  string
		cfg   func(*article.FetchConfig)
		check func(error) bool
	}{
		{"timeout", "/slow", func(c *article.FetchConfig) { c.Timeout = 100 * time.Millisecond; c.Retries = 1 },
			func(err error) bool { return errors.Is(err, context.DeadlineExceeded) }},
		{"404", "/missing", nil, func(err error) bool {
			var he *article.HTTPError
			return errors.As(err, &he) && he.Status == 404
		}},
		{"500 every time", "/always500", nil, func(err error) bool {
			var he *article.HTTPError
			return errors.As(err, &he) && he.Status == 500
		}},
		{"oversize body", "/big", func(c *article.FetchConfig) { c.MaxBytes = 1000 },
			func(err error) bool { return errors.Is(err, article.ErrTooLarge) }},
		{"wrong content type", "/pdf", nil, func(err error) bool { return errors.Is(err, article.ErrContentType) }},
		{"redirect loop", "/loop", func(c *article.FetchConfig) { c.MaxRedirects = 3 },
			func(err error) bool { return errors.Is(err, article.ErrTooManyRedirects) }},
		{"private address refused", "/missing", func(c *article.FetchConfig) { c.AllowPrivate = false },
			func(err error) bool { return errors.Is(err, article.ErrPrivateAddress) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			calls.Store(0)
			u := srv.URL + tt.path
			_, err := testFetcher(tt.cfg).Fetch(context.Background(), u)
			if err == nil || !tt.check(err) {
				t.Fatalf("Fetch(%s) error = %v", tt.path, err)
			}
			if msg := err.Error(); !strings.Contains(msg, u) || strings.Contains(msg, "\n") {
				t.Errorf("error %q does not name %s on one line", msg, u)
			}
		})
	}
	if got := calls.Load(); got != 0 {
		t.Logf("slow calls %d", got)
	}
}

func TestFetchTimeoutRetried(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
			return
		}
		serveHTML(w, sampleHTML)
	}))
	defer srv.Close()
	f := testFetcher(func(c *article.FetchConfig) { c.Timeout = 200 * time.Millisecond })
	if _, err := f.Fetch(context.Background(), srv.URL); err != nil {
		t.Fatalf("Fetch after a timeout: %v", err)
	}
	if got := calls.Load(); got != 2 {
		t.Errorf("%d requests, want 2", got)
	}
}

func TestFetchRetries500ThenSuccess(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		serveHTML(w, sampleHTML)
	}))
	defer srv.Close()
	a, err := testFetcher(nil).Fetch(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if got := calls.Load(); got != 3 || a.Title != "Harbour cranes return" {
		t.Errorf("%d requests, title %q; want 3 and the article", got, a.Title)
	}
}

func TestFetchNoRetryOn404(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.NotFound(w, r)
	}))
	defer srv.Close()
	_, _ = testFetcher(nil).Fetch(context.Background(), srv.URL)
	if got := calls.Load(); got != 1 {
		t.Errorf("%d requests for a 404, want 1", got)
	}
}

func TestFetchHonoursContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "busy", http.StatusBadGateway)
	}))
	defer srv.Close()
	f := testFetcher(func(c *article.FetchConfig) { c.RetryWait = time.Hour; c.Retries = 5 })
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f.Fetch(ctx, srv.URL)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error = %v, want context deadline", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("Fetch ignored the context's deadline during backoff")
	}
}

func TestFetchPerHostLimit(t *testing.T) {
	var cur, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		cur.Add(-1)
		serveHTML(w, sampleHTML)
	}))
	defer srv.Close()
	f := testFetcher(func(c *article.FetchConfig) { c.PerHost = 2 })
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if _, err := f.Fetch(context.Background(), srv.URL); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := peak.Load(); got > 2 {
		t.Errorf("peak concurrent requests = %d, want at most 2", got)
	}
}

func TestLoaderFetchesURLs(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) { serveHTML(w, sampleHTML) })
	var srvURL string
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><link>` + srvURL + `/story</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>
<item><link>` + srvURL + `/old</link><pubDate>Mon, 01 Jan 2018 10:00:00 GMT</pubDate></item></channel></rss>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL = srv.URL
	l := &article.Loader{Fetcher: testFetcher(nil), Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	srcs := l.Expand(context.Background(), []string{srv.URL + "/feed.xml"})
	if len(srcs) != 1 || srcs[0].URL != srv.URL+"/story" {
		t.Fatalf("Expand(feed) = %+v, want the one recent item", srcs)
	}
	a, err := l.Load(context.Background(), srcs[0])
	if err != nil || a.Title != "Harbour cranes return" {
		t.Fatalf("Load = %v, %v", a, err)
	}
}

// fakeResolver answers name lookups from a table.
type fakeResolver map[string][]netip.Addr

func (r fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if ips, ok := r[host]; ok {
		return ips, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

func TestFetchRedirectToPrivateRefused(t *testing.T) {
	var secretHits atomic.Int32
	private := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secretHits.Add(1)
		serveHTML(w, sampleHTML)
	}))
	defer private.Close()
	story := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { serveHTML(w, sampleHTML) }))
	defer story.Close()
	// The public-looking first hop redirects to whatever ?to= says.
	var hopHits atomic.Int32
	hop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hopHits.Add(1)
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	}))
	defer hop.Close()

	ip := netip.MustParseAddr
	resolver := fakeResolver{
		"news.example":     {ip("203.0.113.7")},
		"cdn.example":      {ip("198.51.100.9")},
		"intranet.example": {ip("10.0.0.8")},
		"mixed.example":    {ip("198.51.100.10"), ip("192.168.1.20")},
	}
	// The public-looking addresses are served from local servers; the
	// private server is reachable too, as it would be from inside a network.
	routes := map[string]string{
		"203.0.113.7:80":                 hop.Listener.Addr().String(),
		"198.51.100.9:80":                story.Listener.Addr().String(),
		private.Listener.Addr().String(): private.Listener.Addr().String(),
		"10.0.0.8:80":                    private.Listener.Addr().String(),
	}
	var mu sync.Mutex
	var dialed []string
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		dialed = append(dialed, addr)
		mu.Unlock()
		to, ok := routes[addr]
		if !ok {
			return nil, fmt.Errorf("test network: no route to %s", addr)
		}
		var d net.Dialer
		return d.DialContext(ctx, network, to)
	}
	f := article.NewFetcher(article.FetchConfig{Resolver: resolver, Dial: dial, Retries: -1, Timeout: 2 * time.Second})

	for _, tt := range []struct {
		name, to string
		refused  bool
	}{
		{"to a public name", "http://cdn.example/story", false},
		{"to a loopback address", private.URL + "/secret", true},
		{"to a name resolving to a private address", "http://intranet.example/secret", true},
		{"to a name resolving to public and private addresses", "http://mixed.example/secret", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			dialed = nil
			mu.Unlock()
			hopHits.Store(0)
			a, err := f.Fetch(context.Background(), "http://news.example/old?to="+url.QueryEscape(tt.to))
			mu.Lock()
			defer mu.Unlock()
			if !tt.refused {
				if err != nil || a.URL != tt.to {
					t.Fatalf("Fetch = %v, %v; want the article at %s", a, err, tt.to)
				}
				return
			}
			if !errors.Is(err, article.ErrPrivateAddress) {
				t.Fatalf("Fetch error = %v, want ErrPrivateAddress", err)
			}
			if n := hopHits.Load(); n != 1 {
				t.Errorf("the first hop was asked %d times, want 1", n)
			}
			for _, d := range dialed {
				if d != "203.0.113.7:80" {
					t.Errorf("dialed %s, want no connection beyond the first hop", d)
				}
			}
		})
	}
	if n := secretHits.Load(); n != 0 {
		t.Errorf("the private server was reached %d times", n)
	}
}

// TestFetchRefusesEmbeddedPrivateIPv4 tries the IPv6 forms that carry a
// private IPv4 address (NAT64, 6to4, IPv4-compatible, Teredo), as
// literals and behind names: all are refused before any connection.
func TestFetchRefusesEmbeddedPrivateIPv4(t *testing.T) {
	ip := netip.MustParseAddr
	resolver := fakeResolver{
		"nat64.example":  {ip("64:ff9b::a00:8")},
		"sixto4.example": {ip("2002:c0a8:114::1")},
		"compat.example": {ip("::127.0.0.1")},
	}
	var dialed atomic.Int32
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		dialed.Add(1)
		return nil, fmt.Errorf("test network: no route to %s", addr)
	}
	f := article.NewFetcher(article.FetchConfig{Resolver: resolver, Dial: dial, Retries: -1, Timeout: 2 * time.Second})
	for _, u := range []string{
		"http://[64:ff9b::7f00:1]/",                      // NAT64 of 127.0.0.1
		"http://[64:ff9b::a9fe:a9fe]/",                   // NAT64 of 169.254.169.254 (cloud metadata)
		"http://[64:ff9b:1::a00:1]/",                     // local-use NAT64
		"http://[2002:7f00:1::]/",                        // 6to4 of 127.0.0.1
		"http://[2002:a00:1::1]/",                        // 6to4 of 10.0.0.1
		"http://[::127.0.0.1]/",                          // IPv4-compatible
		"http://[::a00:1]/",                              // IPv4-compatible 10.0.0.1
		"http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", // Teredo, client 127.0.0.1
		"http://nat64.example/",
		"http://sixto4.example/",
		"http://compat.example/",
	} {
		_, err := f.Fetch(context.Background(), u)
		if !errors.Is(err, article.ErrPrivateAddress) {
			t.Errorf("Fetch(%s) = %v, want ErrPrivateAddress", u, err)
		}
	}
	if n := dialed.Load(); n != 0 {
		t.Errorf("%d connections were attempted", n)
	}
	// The same forms of a public address are fetched (here: dialed).
	for _, u := range []string{"http://[64:ff9b::cb00:7107]/", "http://[2002:cb00:7107::1]/"} {
		f.Fetch(context.Background(), u)
	}
	if n := dialed.Load(); n != 2 {
		t.Errorf("public embedded addresses: %d dials, want 2", n)
	}
}
