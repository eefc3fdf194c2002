package summarize

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/brief-news/brief/article"
)

// FallbackWarning prefixes the warning on a digest made by the fallback
// backend because the primary one failed.
const FallbackWarning = "llm_fallback"

// Fallback wraps primary so that an article it fails on (after its own
// retries) gets fallback's digest instead, with the warning
// "llm_fallback: <reason>". The fallback's digest keeps its own Backend
// name, so a reader sees which backend wrote it. A cancelled or expired
// ctx is returned as an error, not papered over.
func Fallback(primary, fallback Summarizer) Summarizer {
	return &fallbackSummarizer{primary: primary, fallback: fallback}
}

type fallbackSummarizer struct {
	primary, fallback Summarizer
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
	fd, ferr := f.fallback.Summarize(ctx, a)
	if ferr != nil {
		return nil, errors.Join(err, fmt.Errorf("fallback: %w", ferr))
	}
	fd.Warnings = append(fd.Warnings, FallbackWarning+": "+reason(err))
	return fd, nil
}

// IsFallback reports whether d was made by a fallback backend.
func IsFallback(d *Digest) bool {
	for _, w := range d.Warnings {
		if strings.HasPrefix(w, FallbackWarning) {
			return true
		}
	}
	return false
}

// reason is a one-line, bounded description of err for a warning.
func reason(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}
