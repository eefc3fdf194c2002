// Package origin keeps credentials on the origin they were meant for when
// an HTTP client follows redirects. net/http forwards Authorization and
// Cookie headers to the same host name on another port or scheme, and to
// its subdomains; brief sends them only to the exact origin (scheme, host
// and port). It imports nothing of brief's.
package origin

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// credentialHeaders are the request headers that carry credentials: HTTP
// authentication, cookies and the API-key headers model providers use.
var credentialHeaders = []string{
	"Authorization", "Cookie", "Cookie2", "X-Api-Key", "Api-Key", "X-Goog-Api-Key", "X-Auth-Token",
}

// Same reports whether a and b have the same origin: scheme, host and
// port, default ports made explicit and host names compared without case.
func Same(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// StripCredentials removes the credential headers from req, the next hop
// of a redirect chain, unless it goes to the origin of the chain's first
// request (via[0]). It is the part of an http.Client's CheckRedirect that
// guards credentials.
func StripCredentials(req *http.Request, via []*http.Request) {
	if len(via) == 0 || Same(via[0].URL, req.URL) {
		return
	}
	for _, h := range credentialHeaders {
		req.Header.Del(h)
	}
}

// CheckRedirect is an http.Client CheckRedirect that follows at most max
// redirects (0: net/http's 10) and strips credentials from every hop that
// leaves the first request's origin.
func CheckRedirect(max int) func(*http.Request, []*http.Request) error {
	if max <= 0 {
		max = 10
	}
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > max {
			return fmt.Errorf("stopped after %d redirects", max)
		}
		StripCredentials(req, via)
		return nil
	}
}
