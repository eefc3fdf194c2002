package store_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
)

// TestDigestCacheWriteBehind: digests put from many workers are readable
// at once, all reach the archive by Close, and a Put after Close is
// written directly.
func TestDigestCacheWriteBehind(t *testing.T) {
	s := openTest(t, nil)
	c := store.NewDigestCache(s, nil)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				k := fmt.Sprintf("%d-%d", w, i)
				if err := c.Put(k, &summarize.Digest{Backend: k}); err != nil {
					t.Errorf("Put(%s) = %v", k, err)
				}
				if d, ok := c.Get(k); !ok || d.Backend != k {
					t.Errorf("Get(%s) right after Put = %v, %v", k, d, ok)
				}
			}
		}()
	}
	wg.Wait()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if c.Hits() != 200 {
		t.Errorf("Hits() = %d, want 200", c.Hits())
	}
	for w := range 8 {
		for i := range 25 {
			k := fmt.Sprintf("%d-%d", w, i)
			if d, ok := s.GetDigest(k); !ok || d.Backend != k {
				t.Fatalf("archive lacks %s after Close: %v, %v", k, d, ok)
			}
		}
	}
	if err := c.Put("late", &summarize.Digest{Backend: "late"}); err != nil {
		t.Fatal(err)
	}
	if d, ok := s.GetDigest("late"); !ok || d.Backend != "late" {
		t.Errorf("Put after Close not written: %v, %v", d, ok)
	}
}
