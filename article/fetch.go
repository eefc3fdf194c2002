package article

import (
	"net/http"
	"time"
)

// FetchConfig configures a Fetcher. Zero values mean the defaults of
// DefaultFetchConfig.
type FetchConfig struct {
	// Client is the HTTP client; nil means one built from the fields below.
	Client *http.Client
	// Timeout bounds each request, body included.
	Timeout time.Duration
	// MaxBytes caps the response body.
	MaxBytes int64
	// MaxRedirects caps redirects followed.
	MaxRedirects int
	// UserAgent is sent with every request.
	UserAgent string
	// AllowPrivate permits loopback, link-local and private addresses.
	AllowPrivate bool
}

// DefaultFetchConfig returns the defaults: 30 s per request, 10 MiB body,
// 10 redirects, private addresses refused.
func DefaultFetchConfig() FetchConfig {
	return FetchConfig{Timeout: 30 * time.Second, MaxBytes: 10 << 20, MaxRedirects: 10,
		UserAgent: "brief/1 (+https://github.com/brief-news/brief)"}
}

// Fetcher downloads article pages over HTTP.
// TODO(extraction issue): implement.
type Fetcher struct {
	cfg FetchConfig
}

// NewFetcher returns a Fetcher for cfg.
func NewFetcher(cfg FetchConfig) *Fetcher {
	return &Fetcher{cfg: cfg}
}
