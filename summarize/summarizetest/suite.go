package summarizetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
)

// Options adjust the conformance suite to a backend.
type Options struct {
	// Articles to digest; nil means Articles().
	Articles []*article.Article
	// Takeaways is the number the backend was configured for; 0 means
	// summarize.DefaultTakeaways. Digests may have fewer, never more.
	Takeaways int
	// MaxTakeawayChars bounds each takeaway's length; 0 means 600.
	MaxTakeawayChars int
	// Taxonomy the backend was configured with; nil means region.Default().
	Taxonomy *region.Taxonomy
	// Deterministic checks that two runs give the same digests.
	Deterministic bool
	// Prompt bounds how long a cancelled call may take to return; 0
	// means 5s.
	Prompt time.Duration
}

// Run holds s to the contract every backend keeps: for each article a
// digest whose quotes occur verbatim in the article, with 1 to Takeaways
// non-empty takeaways of bounded length and a region from the taxonomy;
// a cancelled context returns context.Canceled promptly; and, when asked,
// the same digest twice.
func Run(t *testing.T, s summarize.Summarizer, opts Options) {
	t.Helper()
	arts := opts.Articles
	if arts == nil {
		arts = Articles()
	}
	if opts.Takeaways <= 0 {
		opts.Takeaways = summarize.DefaultTakeaways
	}
	if opts.MaxTakeawayChars <= 0 {
		opts.MaxTakeawayChars = 600
	}
	if opts.Taxonomy == nil {
		opts.Taxonomy = region.Default()
	}
	if opts.Prompt <= 0 {
		opts.Prompt = 5 * time.Second
	}
	t.Run("contract", func(t *testing.T) {
		for _, a := range arts {
			t.Run(a.ID, func(t *testing.T) {
				d, err := s.Summarize(context.Background(), a)
				if err != nil {
					t.Fatalf("Summarize(%s) error = %v", a.ID, err)
				}
				CheckDigest(t, a, d, opts)
			})
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		start := time.Now()
		_, err := s.Summarize(ctx, arts[0])
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Summarize(cancelled ctx) error = %v, want context.Canceled", err)
		}
		if el := time.Since(start); el > opts.Prompt {
			t.Errorf("Summarize(cancelled ctx) took %v, want under %v", el, opts.Prompt)
		}
	})
	t.Run("cancelled in flight", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(20 * time.Millisecond)
			cancel()
		}()
		start := time.Now()
		_, err := s.Summarize(ctx, arts[0])
		el := time.Since(start)
		wg.Wait()
		// A fast backend may finish before the cancel; a slow one must
		// stop and say why.
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Summarize(cancelled in flight) error = %v, want nil or context.Canceled", err)
		}
		if el > opts.Prompt+20*time.Millisecond {
			t.Errorf("Summarize(cancelled in flight) took %v, want under %v", el, opts.Prompt)
		}
	})
	if opts.Deterministic {
		t.Run("deterministic", func(t *testing.T) {
			for _, a := range arts {
				d1, err1 := s.Summarize(context.Background(), a)
				d2, err2 := s.Summarize(context.Background(), a)
				if err1 != nil || err2 != nil {
					t.Fatalf("Summarize(%s) errors %v, %v", a.ID, err1, err2)
				}
				if !reflect.DeepEqual(d1, d2) {
					t.Errorf("Summarize(%s) differs between runs:\n%+v\n%+v", a.ID, d1, d2)
				}
			}
		})
	}
}

// CheckDigest reports every way d breaks the contract for a.
func CheckDigest(t testing.TB, a *article.Article, d *summarize.Digest, opts Options) {
	t.Helper()
	if d == nil {
		t.Fatalf("%s: digest is nil", a.ID)
	}
	if opts.Takeaways <= 0 {
		opts.Takeaways = summarize.DefaultTakeaways
	}
	if opts.MaxTakeawayChars <= 0 {
		opts.MaxTakeawayChars = 600
	}
	tax := opts.Taxonomy
	if tax == nil {
		tax = region.Default()
	}
	if n := len(d.Takeaways); n < 1 || n > opts.Takeaways {
		t.Errorf("%s: %d takeaways, want 1 to %d", a.ID, n, opts.Takeaways)
	}
	for i, tk := range d.Takeaways {
		if strings.TrimSpace(tk) == "" {
			t.Errorf("%s: takeaway %d is empty", a.ID, i)
		}
		if len(tk) > opts.MaxTakeawayChars {
			t.Errorf("%s: takeaway %d is %d characters, want at most %d", a.ID, i, len(tk), opts.MaxTakeawayChars)
		}
	}
	src := summarize.Normalize(a.Title + "\n" + a.Text())
	for _, q := range d.Quotes {
		if !quoteIn(src, q.Text) {
			t.Errorf("%s: quote %q does not occur in the article", a.ID, q.Text)
		}
		if q.Speaker != "" && !strings.Contains(src, summarize.Normalize(q.Speaker)) {
			t.Errorf("%s: speaker %q is not named in the article", a.ID, q.Speaker)
		}
	}
	if !tax.Has(d.Region) {
		t.Errorf("%s: region %q is not in the taxonomy %v", a.ID, d.Region, tax.Order())
	}
	if d.Backend == "" {
		t.Errorf("%s: digest names no backend", a.ID)
	}
}

// quoteIn reports whether the normalized source holds quote, allowing an
// ellipsis between fragments that occur in order.
func quoteIn(src, quote string) bool {
	q := summarize.Normalize(quote)
	if q == "" {
		return false
	}
	if strings.Contains(src, q) {
		return true
	}
	pos := 0
	for _, p := range strings.Split(strings.ReplaceAll(q, "…", "..."), "...") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		i := strings.Index(src[pos:], p)
		if i < 0 {
			return false
		}
		pos += i + len(p)
	}
	return pos > 0
}

// MapCache is an in-memory summarize.Cache for tests.
type MapCache struct {
	mu   sync.Mutex
	m    map[string]*summarize.Digest
	gets int
	hits int
}

var _ summarize.Cache = (*MapCache)(nil)

// Get returns a copy of the digest stored under key.
func (c *MapCache) Get(key string) (*summarize.Digest, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gets++
	d, ok := c.m[key]
	if ok {
		c.hits++
	}
	return summarize.CloneDigest(d), ok
}

// Put stores a copy of d under key.
func (c *MapCache) Put(key string, d *summarize.Digest) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*summarize.Digest{}
	}
	c.m[key] = summarize.CloneDigest(d)
	return nil
}

// Len returns the number of digests stored.
func (c *MapCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// Hits returns the number of Gets that found a digest.
func (c *MapCache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// Rig opens a backend against one kind of fake server, for RunFaults.
type Rig struct {
	// Fake starts the fake server.
	Fake func(testing.TB, Faults) *Fake
	// Open opens the backend against fk, wrapped in summarize.Checked.
	Open func(t testing.TB, fk *Fake) summarize.Summarizer
	// OpenIdle, for backends that stream their answers from this fake,
	// opens the backend with the given idle timeout (llm.Config's
	// IdleTimeout); nil skips the streaming checks.
	OpenIdle func(t testing.TB, fk *Fake, idle time.Duration) summarize.Summarizer
}

// RunFaults holds a model backend to what it must do when its server
// misbehaves: a bad key or an unknown model stops it after at most two
// requests, for good; a huge answer, a reply of deeply nested braces and
// terminal escapes do no harm; an invented figure never reaches a
// takeaway; a server that cuts the prompt is caught (prompt_truncated);
// and, for streaming backends, a slow stream that keeps coming is waited
// for while a stalled one fails at once, neither asked twice.
func RunFaults(t *testing.T, rig Rig) {
	t.Helper()
	a := Articles()[0]
	if rig.OpenIdle != nil {
		t.Run("slow stream", func(t *testing.T) {
			fk := rig.Fake(t, Faults{Stall: 150 * time.Millisecond}) // three chunks or more: over the idle timeout in all
			start := time.Now()
			d, err := rig.OpenIdle(t, fk, 400*time.Millisecond).Summarize(context.Background(), a)
			if err != nil {
				t.Fatalf("slow but steady stream: %v", err)
			}
			CheckDigest(t, a, d, Options{})
			if el := time.Since(start); el < 400*time.Millisecond {
				t.Errorf("answer took %v; the check needs it longer than the idle timeout", el)
			}
			if n := fk.Requests(); n != 1 {
				t.Errorf("server got %d model requests, want 1", n)
			}
		})
		t.Run("stalled stream", func(t *testing.T) {
			fk := rig.Fake(t, Faults{Stall: time.Second})
			if _, err := rig.OpenIdle(t, fk, 150*time.Millisecond).Summarize(context.Background(), a); err == nil ||
				errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
				t.Errorf("stalled stream: %v, want the backend's stall timeout", err)
			}
			if n := fk.Requests(); n != 1 {
				t.Errorf("server got %d model requests, want 1 (a stall is not asked again)", n)
			}
		})
	}
	for _, tt := range []struct {
		name   string
		faults Faults
		check  func(t *testing.T, fk *Fake, s summarize.Summarizer)
	}{
		{"bad key", Faults{Auth: true}, func(t *testing.T, fk *Fake, s summarize.Summarizer) {
			for range 3 {
				if _, err := s.Summarize(context.Background(), a); !errors.Is(err, summarize.ErrUnusable) {
					t.Fatalf("Summarize = %v, want an error matching summarize.ErrUnusable", err)
				}
			}
			if n := fk.AllRequests(); n > 2 {
				t.Errorf("server got %d requests, want at most 2", n)
			}
		}},
		{"unknown model", Faults{OnlyModels: []string{"a-model-nobody-asks-for"}}, func(t *testing.T, fk *Fake, s summarize.Summarizer) {
			for range 3 {
				if _, err := s.Summarize(context.Background(), a); !errors.Is(err, summarize.ErrUnusable) {
					t.Fatalf("Summarize = %v, want an error matching summarize.ErrUnusable", err)
				}
			}
			if n := fk.AllRequests(); n > 2 {
				t.Errorf("server got %d requests, want at most 2", n)
			}
		}},
		{"huge answer", Faults{HugeAnswer: 64 << 20}, func(t *testing.T, fk *Fake, s summarize.Summarizer) {
			if _, err := s.Summarize(context.Background(), a); err == nil {
				t.Errorf("Summarize(64 MiB answer) = nil error, want the answer refused")
			}
			if n := fk.Requests(); n > 2 {
				t.Errorf("server got %d model requests, want at most 2", n)
			}
		}},
		{"nested braces", Faults{NestedBraces: 300_000}, func(t *testing.T, fk *Fake, s summarize.Summarizer) {
			if d, err := s.Summarize(context.Background(), a); err == nil {
				CheckDigest(t, a, d, Options{})
			}
		}},
		{"escapes", Faults{Escapes: true}, func(t *testing.T, fk *Fake, s summarize.Summarizer) {
			d, err := s.Summarize(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			for _, tk := range d.Takeaways {
				if strings.ContainsAny(tk, "\x1b\x07\u202e") {
					t.Errorf("takeaway keeps control characters: %q", tk)
				}
			}
		}},
		{"invented figure", Faults{InventFigure: true}, func(t *testing.T, fk *Fake, s summarize.Summarizer) {
			d, err := s.Summarize(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			for _, tk := range d.Takeaways {
				if strings.Contains(tk, InventedFigure) {
					t.Errorf("takeaway with the invented figure kept: %q", tk)
				}
			}
			if !d.Has(summarize.WarnTakeawayUngrounded) {
				t.Errorf("warnings %q, want takeaway_ungrounded", d.Warnings)
			}
		}},
		{"truncating server", Faults{Truncate: 3000}, func(t *testing.T, fk *Fake, s summarize.Summarizer) {
			long := LongArticle(60)
			d, err := s.Summarize(context.Background(), long)
			if err != nil {
				t.Fatal(err)
			}
			CheckDigest(t, long, d, Options{})
			if !d.Has(summarize.WarnPromptTruncated) {
				t.Errorf("warnings %q, want prompt_truncated", d.Warnings)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fk := rig.Fake(t, tt.faults)
			tt.check(t, fk, rig.Open(t, fk))
		})
	}
}
