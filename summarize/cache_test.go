package summarize_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// mapCache is an in-memory summarize.Cache.
type mapCache struct {
	mu sync.Mutex
	m  map[string]*summarize.Digest
}

func (c *mapCache) Get(k string) (*summarize.Digest, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.m[k]
	return d, ok
}

func (c *mapCache) Put(k string, d *summarize.Digest) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*summarize.Digest{}
	}
	c.m[k] = d
	return nil
}

// countSummarizer counts calls and fails when err is set.
type countSummarizer struct {
	mu    sync.Mutex
	calls int
	err   error
	name  string
}

func (s *countSummarizer) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	if s.err != nil {
		return nil, s.err
	}
	return &summarize.Digest{Takeaways: []string{a.Title}, Backend: s.name, Usage: summarize.Usage{Calls: 1, PromptTokens: 9}}, nil
}

func TestCached(t *testing.T) {
	inner := &countSummarizer{name: "fake"}
	cache := &mapCache{}
	s := summarize.Cached(inner, cache, "fake", "model-a")
	a := &article.Article{Title: "T", Paragraphs: []string{"one", "two"}}
	d1, err := s.Summarize(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	d1.Takeaways[0] = "mutated by the caller"
	d2, err := s.Summarize(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if inner.calls != 1 {
		t.Errorf("backend calls = %d, want 1 (second from cache)", inner.calls)
	}
	if d2.Takeaways[0] != "T" || d2.Usage != (summarize.Usage{}) {
		t.Errorf("cached digest = %+v, want takeaway T and zero usage", d2)
	}
	other := summarize.Cached(inner, cache, "fake", "model-b")
	if _, err := other.Summarize(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	b := &article.Article{Title: "T", Paragraphs: []string{"one", "two changed"}}
	if _, err := s.Summarize(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	if inner.calls != 3 {
		t.Errorf("backend calls = %d, want 3 (model and text are in the key)", inner.calls)
	}
	if k1, k2 := summarize.CacheKey(a, "ab", "c"), summarize.CacheKey(a, "a", "bc"); k1 == k2 {
		t.Errorf("CacheKey ignores part boundaries: %s", k1)
	}
}

func TestFallback(t *testing.T) {
	a := &article.Article{Title: "T", Paragraphs: []string{"p"}}
	primary := &countSummarizer{err: errors.New("server down")}
	ext := &countSummarizer{name: "extractive"}
	cache := &mapCache{}
	s := summarize.Cached(summarize.Fallback(primary, ext, summarize.FallbackTransient), cache, "x")
	d, err := s.Summarize(context.Background(), a)
	if err != nil {
		t.Fatalf("Summarize = %v, want a fallback digest", err)
	}
	if d.Backend != "extractive" || !summarize.IsFallback(d) {
		t.Errorf("digest backend %q warnings %q, want extractive with llm_fallback", d.Backend, d.Warnings)
	}
	if len(cache.m) != 0 {
		t.Errorf("fallback digest was cached")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	primary.err = context.Canceled
	if _, err := summarize.Fallback(primary, ext, summarize.FallbackAlways).Summarize(ctx, a); !errors.Is(err, context.Canceled) {
		t.Errorf("Summarize(cancelled) = %v, want context.Canceled, no fallback", err)
	}
	// A backend no article can get past is not papered over, unless
	// the fallback is to be used always.
	primary.err = fmt.Errorf("bad key: %w", summarize.ErrUnusable)
	if _, err := summarize.Fallback(primary, ext, summarize.FallbackTransient).Summarize(context.Background(), a); !errors.Is(err, summarize.ErrUnusable) {
		t.Errorf("Fallback(transient) on an unusable backend = %v, want the error", err)
	}
	if d, err := summarize.Fallback(primary, ext, summarize.FallbackAlways).Summarize(context.Background(), a); err != nil || !summarize.IsFallback(d) {
		t.Errorf("Fallback(always) on an unusable backend = %v, %v; want a fallback digest", d, err)
	}
}
