package store

import (
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/brief-news/brief/summarize"
)

// DigestCache is the archive's digest cache as a summarize.Cache that
// writes behind: Put queues the digest and returns, and one writer stores
// the queue in order, so that workers do not wait on SQLite's write lock
// (whose busy handler sleeps in steps of up to 100ms) when they finish
// together. Get sees queued digests. Close writes what is queued.
type DigestCache struct {
	s      digestStore
	logger *slog.Logger
	hits   atomic.Int64

	queue  chan cacheEntry
	done   chan struct{}
	sendMu sync.RWMutex
	closed bool // under sendMu
	mu     sync.Mutex
	// pending holds digests queued but not yet written (under mu).
	pending map[string]*summarize.Digest
}

var _ summarize.Cache = (*DigestCache)(nil)

type cacheEntry struct {
	key string
	d   *summarize.Digest
}

// digestStore is the digest cache of an archive (Archive has it).
type digestStore interface {
	GetDigest(key string) (*summarize.Digest, bool)
	PutDigest(key string, d *summarize.Digest) error
}

// NewDigestCache returns a write-behind digest cache on s's digest cache.
// Failed writes are logged to logger (nil: discarded): the next run asks
// the model again.
func NewDigestCache(s digestStore, logger *slog.Logger) *DigestCache {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	c := &DigestCache{s: s, logger: logger,
		queue: make(chan cacheEntry, 64), done: make(chan struct{}), pending: map[string]*summarize.Digest{}}
	go func() {
		defer close(c.done)
		for e := range c.queue {
			if err := c.s.PutDigest(e.key, e.d); err != nil {
				c.logger.Warn("cache digest", "err", err)
			}
			c.mu.Lock()
			if c.pending[e.key] == e.d {
				delete(c.pending, e.key)
			}
			c.mu.Unlock()
		}
	}()
	return c
}

// Get returns a copy of the digest cached under key, queued or stored.
func (c *DigestCache) Get(key string) (*summarize.Digest, bool) {
	c.mu.Lock()
	d, ok := c.pending[key]
	c.mu.Unlock()
	if !ok {
		d, ok = c.s.GetDigest(key)
	}
	if ok {
		c.hits.Add(1)
	}
	return summarize.CloneDigest(d), ok
}

// Put queues d to be stored under key. After Close it stores d at once.
func (c *DigestCache) Put(key string, d *summarize.Digest) error {
	// sendMu keeps Close from closing the queue during a send; the writer
	// never takes it, so a send into a full queue always ends.
	c.sendMu.RLock()
	defer c.sendMu.RUnlock()
	if c.closed {
		return c.s.PutDigest(key, d)
	}
	c.mu.Lock()
	c.pending[key] = d
	c.mu.Unlock()
	c.queue <- cacheEntry{key: key, d: d}
	return nil
}

// Hits returns how many Gets found a digest.
func (c *DigestCache) Hits() int64 { return c.hits.Load() }

// Close writes the queued digests and stops the writer. It does not
// close the store.
func (c *DigestCache) Close() error {
	c.sendMu.Lock()
	if !c.closed {
		c.closed = true
		close(c.queue)
	}
	c.sendMu.Unlock()
	<-c.done
	return nil
}
