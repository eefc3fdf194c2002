package summarize

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"slices"

	"github.com/brief-news/brief/article"
)

// Cache stores digests by key. Implementations must be safe for
// concurrent use; Get reports a miss as false, never as an error.
type Cache interface {
	Get(key string) (*Digest, bool)
	Put(key string, d *Digest) error
}

// CacheKey returns the hex SHA-256 of parts and of a's content (title,
// dateline and paragraphs). Callers put in parts everything else the
// digest depends on: backend, model, prompt template, options.
func CacheKey(a *article.Article, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		writeField(h, p)
	}
	writeField(h, "\x00article")
	writeField(h, a.Title)
	writeField(h, a.Dateline)
	for _, p := range a.Paragraphs {
		writeField(h, p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeField writes s length-prefixed, so that field boundaries count.
func writeField(h hash.Hash, s string) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}

// Cached wraps s so that a digest already in c for the same article and
// keyParts (see CacheKey) is returned without calling s, and new digests
// are stored. A cached digest reports zero usage, since nothing was spent
// on it this time. Errors are not cached, and neither are digests that
// carry an "llm_fallback" warning. A failed Put does not fail the
// article: the next run calls the backend again.
func Cached(s Summarizer, c Cache, keyParts ...string) Summarizer {
	if c == nil {
		return s
	}
	return &cached{inner: s, cache: c, parts: slices.Clone(keyParts)}
}

type cached struct {
	inner Summarizer
	cache Cache
	parts []string
}

var _ Summarizer = (*cached)(nil)

func (c *cached) Summarize(ctx context.Context, a *article.Article) (*Digest, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	key := CacheKey(a, c.parts...)
	if d, ok := c.cache.Get(key); ok && d != nil {
		d = CloneDigest(d)
		d.Usage = Usage{}
		return d, nil
	}
	d, err := c.inner.Summarize(ctx, a)
	if err != nil {
		return nil, err
	}
	if d != nil && !IsFallback(d) {
		_ = c.cache.Put(key, CloneDigest(d))
	}
	return d, nil
}

// CloneDigest returns a deep copy of d.
func CloneDigest(d *Digest) *Digest {
	if d == nil {
		return nil
	}
	cp := *d
	cp.Takeaways = slices.Clone(d.Takeaways)
	cp.Quotes = slices.Clone(d.Quotes)
	cp.Countries = slices.Clone(d.Countries)
	cp.Warnings = slices.Clone(d.Warnings)
	return &cp
}
