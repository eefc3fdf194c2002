package summarize

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/brief-news/brief/article"
)

// FallbackMode says which failures of the primary backend Fallback
// papers over.
type FallbackMode int

const (
	// FallbackTransient falls back on failures of one article (timeouts,
	// server errors, unusable answers) but not on a backend that cannot
	// serve any article (see ErrUnusable): that error is returned.
	FallbackTransient FallbackMode = iota
	// FallbackAlways falls back on every failure but cancellation.
	FallbackAlways
)

// Fallback wraps primary so that an article it fails on (after its own
// retries) gets fallback's digest instead, with the warning
// "llm_fallback: <reason>" (see IsFallback). The fallback's digest keeps
// its own Backend name, so a reader sees which backend wrote it. A
// cancelled or expired ctx is returned as an error, not papered over, and
// so is an ErrUnusable failure unless mode is FallbackAlways.
func Fallback(primary, fallback Summarizer, mode FallbackMode) Summarizer {
	return &fallbackSummarizer{primary: primary, fallback: fallback, mode: mode}
}

type fallbackSummarizer struct {
	primary, fallback Summarizer
	mode              FallbackMode
}

var _ Summarizer = (*fallbackSummarizer)(nil)

func (f *fallbackSummarizer) Summarize(ctx context.Context, a *article.Article) (*Digest, error) {
	d, err := f.primary.Summarize(ctx, a)
	if err == nil {
		return d, nil
	}
	if cerr := ctx.Err(); cerr != nil || errors.Is(err, context.Canceled) {
		return nil, err
	}
	if errors.Is(err, ErrUnusable) && f.mode != FallbackAlways {
		return nil, err
	}
	fd, ferr := f.fallback.Summarize(ctx, a)
	if ferr != nil {
		return nil, errors.Join(err, fmt.Errorf("fallback: %w", ferr))
	}
	fd.Warn(WarnFallback, reason(err))
	return fd, nil
}

// IsFallback reports whether d was made by a fallback backend: an offline
// digest standing in for the model's.
func IsFallback(d *Digest) bool { return d != nil && d.Has(WarnFallback) }

// FallbackReason returns why d is a fallback digest, "" if it is not.
func FallbackReason(d *Digest) string {
	if d == nil {
		return ""
	}
	for _, w := range d.Warnings {
		if w.Code == WarnFallback {
			return w.Detail
		}
	}
	return ""
}

// reason is a one-line, bounded description of err for a warning.
func reason(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}
