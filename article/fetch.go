package article

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/brief-news/brief/internal/origin"
)

// Errors a Fetcher returns, wrapped with the address that caused them.
var (
	// ErrTooLarge reports a response body over FetchConfig.MaxBytes, or
	// a file, stdin or line over the loader's limits.
	ErrTooLarge = errors.New("article: input too large")
	// ErrContentType reports a response that is neither HTML nor text.
	ErrContentType = errors.New("article: not an HTML or text page")
	// ErrPrivateAddress reports a loopback, link-local or private address
	// refused because FetchConfig.AllowPrivate is false.
	ErrPrivateAddress = errors.New("article: refusing to fetch a private address")
	// ErrTooManyRedirects reports a redirect chain over MaxRedirects.
	ErrTooManyRedirects = errors.New("article: too many redirects")
)

// HTTPError reports a response with a non-2xx status.
type HTTPError struct {
	// URL is the address asked for, credentials redacted.
	URL    string
	Status int
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// FetchConfig configures a Fetcher. Zero values mean the defaults of
// DefaultFetchConfig.
type FetchConfig struct {
	// Client is the HTTP client; nil means one built from the fields below.
	// A caller-supplied client is used as is: Timeout, MaxRedirects and the
	// private-address guard are then the caller's business.
	Client *http.Client
	// Timeout bounds each request, body included. The caller's context
	// bounds the whole fetch, retries included.
	Timeout time.Duration
	// MaxBytes caps the response body (decompressed).
	MaxBytes int64
	// MaxRedirects caps redirects followed.
	MaxRedirects int
	// UserAgent is sent with every request.
	UserAgent string
	// AllowPrivate permits loopback, link-local and private addresses.
	// When false, the resolved address of every connection (each redirect
	// hop included) is checked.
	AllowPrivate bool
	// Retries is how many times a request that timed out or got a 5xx
	// answer is tried again; negative means never.
	Retries int
	// RetryWait is the wait before the first retry; it doubles each time.
	RetryWait time.Duration
	// PerHost caps concurrent requests to one host.
	PerHost int
	// Now gives the fetch time, the upper bound for a page's published
	// time; nil means time.Now.
	Now func() time.Time
	// Resolver looks up host names; nil means net.DefaultResolver.
	Resolver Resolver
	// Dial connects to an address ("ip:port") that has been resolved and,
	// unless AllowPrivate, checked; nil means a net.Dialer. With Resolver,
	// it lets a test serve a public-looking name from a local server.
	Dial func(ctx context.Context, network, address string) (net.Conn, error)
}

// Resolver looks up the addresses of a host; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// DefaultFetchConfig returns the defaults: 30 s per request, 10 MiB body,
// 10 redirects, 2 retries from 500 ms, 2 requests per host at a time,
// private addresses refused.
func DefaultFetchConfig() FetchConfig {
	return FetchConfig{Timeout: 30 * time.Second, MaxBytes: 10 << 20, MaxRedirects: 10,
		UserAgent: "brief/1 (+https://github.com/brief-news/brief)",
		Retries:   2, RetryWait: 500 * time.Millisecond, PerHost: 2}
}

// Fetcher downloads article pages over HTTP. It is safe for concurrent use.
type Fetcher struct {
	cfg    FetchConfig
	client *http.Client

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// NewFetcher returns a Fetcher for cfg, zero fields taking their defaults.
func NewFetcher(cfg FetchConfig) *Fetcher {
	def := DefaultFetchConfig()
	if cfg.Timeout <= 0 {
		cfg.Timeout = def.Timeout
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = def.MaxBytes
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = def.MaxRedirects
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = def.UserAgent
	}
	if cfg.Retries == 0 {
		cfg.Retries = def.Retries
	}
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = def.RetryWait
	}
	if cfg.PerHost <= 0 {
		cfg.PerHost = def.PerHost
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	f := &Fetcher{cfg: cfg, client: cfg.Client, hosts: map[string]chan struct{}{}}
	if f.client == nil {
		f.client = newClient(cfg)
	}
	return f
}

func newClient(cfg FetchConfig) *http.Client {
	g := &guardedDialer{resolver: cfg.Resolver, dial: cfg.Dial, allowPrivate: cfg.AllowPrivate}
	if g.resolver == nil {
		g.resolver = net.DefaultResolver
	}
	if g.dial == nil {
		g.dial = (&net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	}
	tr := &http.Transport{
		DialContext:           g.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		// Compression is negotiated by the Fetcher itself (gzip and deflate).
		DisableCompression: true,
	}
	max := cfg.MaxRedirects
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("%w (%d)", ErrTooManyRedirects, max)
			}
			// Credentials (user:password@ in the URL become an
			// Authorization header) go to their exact origin only.
			origin.StripCredentials(req, via)
			return nil
		},
	}
}

// guardedDialer resolves a host itself and, unless private addresses are
// allowed, refuses loopback, link-local, private and other non-public
// addresses before connecting. It connects to the very address it
// checked, on every connection (each redirect hop included), so neither a
// DNS name nor a redirect gets around the guard.
type guardedDialer struct {
	resolver     Resolver
	dial         func(ctx context.Context, network, address string) (net.Conn, error)
	allowPrivate bool
}

// DialContext connects to address ("host:port"), trying the host's
// addresses in turn.
func (g *guardedDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ipNet := "ip"
		switch network {
		case "tcp4":
			ipNet = "ip4"
		case "tcp6":
			ipNet = "ip6"
		}
		if ips, err = g.resolver.LookupNetIP(ctx, ipNet, host); err != nil {
			return nil, err
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("resolve %s: no addresses", host)
		}
	}
	if !g.allowPrivate {
		// One private address among public ones refuses the host: a name
		// that resolves inside the network is not a public page.
		for _, ip := range ips {
			if !publicAddr(ip) {
				return nil, fmt.Errorf("%w: %s", ErrPrivateAddress, ip)
			}
		}
	}
	var firstErr error
	for _, ip := range ips {
		c, err := g.dial(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, firstErr
}

var (
	cgnat = netip.MustParsePrefix("100.64.0.0/10")
	// nonPublic are further ranges no public page lives in: IETF protocol
	// assignments, benchmarking, reserved, IPv6 site-local and
	// local-use NAT64.
	nonPublic = []netip.Prefix{
		netip.MustParsePrefix("192.0.0.0/24"),
		netip.MustParsePrefix("198.18.0.0/15"),
		netip.MustParsePrefix("240.0.0.0/4"),
		netip.MustParsePrefix("fec0::/10"),
		netip.MustParsePrefix("64:ff9b:1::/48"),
	}
	// IPv6 forms that carry an IPv4 address, which is what they reach:
	// NAT64 (64:ff9b::/96, the last 32 bits), 6to4 (2002::/16, bits
	// 16–47), IPv4-compatible (::/96, the last 32 bits) and Teredo
	// (2001::/32, the client address inverted in the last 32 bits).
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
	v4compat  = netip.MustParsePrefix("::/96")
	teredo    = netip.MustParsePrefix("2001::/32")
)

// publicAddr reports whether ip is a public unicast address, looking
// through the IPv6 forms that embed an IPv4 address.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() || cgnat.Contains(ip) {
		return false
	}
	if ip.Is4() && ip.As4()[0] == 0 {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip), v4compat.Contains(ip):
			return publicAddr(netip.AddrFrom4([4]byte(b[12:16])))
		case sixToFour.Contains(ip):
			return publicAddr(netip.AddrFrom4([4]byte(b[2:6])))
		case teredo.Contains(ip):
			return publicAddr(netip.AddrFrom4([4]byte{^b[12], ^b[13], ^b[14], ^b[15]}))
		}
	}
	return true
}

// Fetch downloads the page at rawURL and extracts its article. The
// article's URL is the address after redirects and its ID is rawURL, both
// with any credentials in them redacted (see RedactURL). Errors name the
// redacted rawURL; they
// wrap *HTTPError, ErrTooLarge, ErrContentType, ErrPrivateAddress,
// ErrTooManyRedirects, ErrNoContent (or *UnreadableError), or the context's
// error.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Article, error) {
	body, final, ctype, err := f.get(ctx, rawURL, false)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", RedactURL(rawURL), err)
	}
	var a *Article
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt == "text/plain" || mt == "text/markdown" {
		a, err = fromTextAt(string(toUTF8(body, ctype)), f.cfg.Now())
		if err == nil {
			err = checkProse(a) // robots.txt is no article
		}
	} else {
		a, err = extractBytes(body, final, ctype, f.cfg.Now())
	}
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", RedactURL(rawURL), err)
	}
	if a.URL == "" {
		a.URL = redactUserinfo(final)
	}
	a.ID = RedactURL(rawURL)
	return a, nil
}

// get fetches rawURL with retries and returns the decompressed body, the
// final URL and the content type. feed admits feed content types.
func (f *Fetcher) get(ctx context.Context, rawURL string, feed bool) ([]byte, *url.URL, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, nil, "", urlErrCause(err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, nil, "", fmt.Errorf("not an http(s) URL")
	}
	release, err := f.acquire(ctx, u.Host)
	if err != nil {
		return nil, nil, "", err
	}
	defer release()
	wait := f.cfg.RetryWait
	for attempt := 0; ; attempt++ {
		body, final, ctype, err := f.try(ctx, u, feed)
		if err == nil {
			return body, final, ctype, nil
		}
		if ctx.Err() != nil {
			return nil, nil, "", ctx.Err()
		}
		if attempt >= f.cfg.Retries || !retryable(err) {
			if errors.Is(err, context.DeadlineExceeded) {
				// The request's own deadline, not the caller's: say which.
				err = fmt.Errorf("timed out after %s, %d attempts: %w", f.cfg.Timeout, attempt+1, err)
			}
			return nil, nil, "", err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, nil, "", ctx.Err()
		case <-t.C:
		}
		wait *= 2
	}
}

// acquire takes one of the host's request slots.
func (f *Fetcher) acquire(ctx context.Context, host string) (func(), error) {
	f.mu.Lock()
	sem, ok := f.hosts[host]
	if !ok {
		sem = make(chan struct{}, f.cfg.PerHost)
		f.hosts[host] = sem
	}
	f.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// retryable reports timeouts and 5xx answers.
func retryable(err error) bool {
	var he *HTTPError
	if errors.As(err, &he) {
		return he.Status >= 500
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// try makes one request.
func (f *Fetcher) try(ctx context.Context, u *url.URL, feed bool) ([]byte, *url.URL, string, error) {
	rctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, "", urlErrCause(err)
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	accept := "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5"
	if feed {
		accept = "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, nil, "", urlErrCause(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, nil, "", &HTTPError{URL: redactUserinfo(u), Status: resp.StatusCode}
	}
	ctype := resp.Header.Get("Content-Type")
	if !acceptableType(ctype, feed) {
		return nil, nil, "", fmt.Errorf("%w: %s", ErrContentType, ctype)
	}
	var r io.Reader = resp.Body
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, nil, "", fmt.Errorf("gunzip: %w", err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		r = deflateReader(resp.Body)
	}
	body, err := io.ReadAll(io.LimitReader(r, f.cfg.MaxBytes+1))
	if err != nil {
		return nil, nil, "", fmt.Errorf("read body: %w", urlErrCause(err))
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return nil, nil, "", fmt.Errorf("%w: over %d bytes", ErrTooLarge, f.cfg.MaxBytes)
	}
	if ctype == "" {
		ctype = http.DetectContentType(body)
		if !acceptableType(ctype, feed) {
			return nil, nil, "", fmt.Errorf("%w: %s", ErrContentType, ctype)
		}
	}
	return body, resp.Request.URL, ctype, nil
}

// deflateReader reads "deflate" bodies, which servers send either as zlib
// streams (as the standard says) or as raw deflate.
func deflateReader(r io.Reader) io.Reader {
	br := &peekReader{r: r}
	head := br.peek(2)
	if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		if zr, err := zlib.NewReader(br); err == nil {
			return zr
		}
	}
	return flate.NewReader(br)
}

type peekReader struct {
	r   io.Reader
	buf []byte
}

func (p *peekReader) peek(n int) []byte {
	for len(p.buf) < n {
		b := make([]byte, n-len(p.buf))
		m, err := p.r.Read(b)
		p.buf = append(p.buf, b[:m]...)
		if err != nil {
			break
		}
	}
	return p.buf
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// acceptableType admits HTML and text (and, for feeds, XML and JSON);
// an absent type is sniffed later.
func acceptableType(ctype string, feed bool) bool {
	if strings.TrimSpace(ctype) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ctype, ";", 2)[0]))
	}
	switch {
	case mt == "text/html", mt == "application/xhtml+xml", mt == "text/plain", mt == "text/markdown":
		return true
	case feed && (strings.HasSuffix(mt, "xml") || strings.HasSuffix(mt, "json")):
		return true
	}
	return false
}

// isGzip reports gzip data by its magic bytes.
func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// RedactURL hides the credentials a URL may carry in its userinfo, so that
// they reach no error message and no article: "https://user:pass@host/"
// becomes "https://user:xxxxx@host/" (as url.URL.Redacted does), and a
// user name alone, often a token, becomes "xxxxx". A string that does not
// parse as a URL is redacted by its "scheme://userinfo@host" shape; any
// other string is returned as is.
func RedactURL(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	if u, err := url.Parse(s); err == nil {
		if u.User == nil {
			return s
		}
		return redactUserinfo(u)
	}
	i := strings.Index(s, "://")
	if i < 0 {
		return s
	}
	rest := s[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return s
	}
	return s[:i+3] + "xxxxx" + rest[at:]
}

// redactUserinfo is u as a string with its credentials redacted (see
// RedactURL).
func redactUserinfo(u *url.URL) string {
	if u.User == nil {
		return u.String()
	}
	if _, ok := u.User.Password(); ok {
		return u.Redacted()
	}
	c := *u
	c.User = url.User("xxxxx")
	return c.String()
}

// urlErrCause strips the *url.Error that net/url and net/http wrap around
// an error, whose message repeats the whole URL, credentials included.
func urlErrCause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
