package store

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// Archive is the store contract that both archives implement: *Store,
// the embedded SQLite file, and *Postgres, a PostgreSQL database shared by
// a team. Every method is safe for concurrent use, and several processes
// may use one archive at once.
type Archive interface {
	// Save stores an article and its digest (which may be nil) in one
	// transaction, updating an archived copy of the same article (same
	// normalized link, or same text) in place.
	Save(ctx context.Context, a *article.Article, d *summarize.Digest) (Saved, error)
	// List returns the archived articles matching q, oldest first.
	List(ctx context.Context, q Query) ([]Entry, error)
	// Get returns one article with its newest digest; the error wraps
	// ErrNotFound when there is none.
	Get(ctx context.Context, id int64) (*Entry, error)
	// Delete removes an article and its digests; the error wraps
	// ErrNotFound when there is none.
	Delete(ctx context.Context, id int64) error
	// RecordSkipped notes that an input failed, with the reason.
	RecordSkipped(ctx context.Context, source, reason string) error
	// Skipped returns the inputs whose last failure falls in [from, to).
	Skipped(ctx context.Context, from, to time.Time) ([]Skip, error)
	// GetDigest and PutDigest are the digest cache, keyed by the
	// summarizer's cache key.
	GetDigest(key string) (*summarize.Digest, bool)
	PutDigest(key string, d *summarize.Digest) error
	// Export writes the whole archive as JSON Lines; Import merges such an
	// export in. An export of one kind of archive imports into the other.
	Export(ctx context.Context, w io.Writer) error
	Import(ctx context.Context, r io.Reader) (ImportStats, error)
	// SaveBatch, UpdateBatch, Batches and BatchContents record model
	// batch runs, so that an interrupted one resumes (see Batch).
	SaveBatch(ctx context.Context, b Batch, items []BatchItem, articles []json.RawMessage) error
	UpdateBatch(ctx context.Context, b Batch, responses []BatchItem) error
	Batches(ctx context.Context) ([]Batch, error)
	BatchContents(ctx context.Context, id string) ([]BatchItem, []json.RawMessage, error)
	// ModelSetting and SetModelSetting keep what model backends learn
	// about a server (the response format it accepts), by key.
	ModelSetting(key string) string
	SetModelSetting(key, value string) error
	// LogModelRequest and ModelRequests keep the opt-in log of model
	// requests and replies (--log-requests, brief archive requests).
	LogModelRequest(ctx context.Context, r ModelRequest) error
	ModelRequests(ctx context.Context, n int) ([]ModelRequest, error)
	// Check reports damage: nil for a sound archive.
	Check(ctx context.Context) error
	// ReadOnly reports an archive opened for reading only: every write
	// fails.
	ReadOnly() bool
	// Location names the archive for messages: a file path, or a
	// PostgreSQL URL without its password.
	Location() string
	// Close releases the archive.
	Close() error
}

var (
	_ Archive = (*Store)(nil)
	_ Archive = (*Postgres)(nil)
)

// IsPostgres reports whether location is a PostgreSQL connection URL
// (postgres:// or postgresql://) rather than a file path.
func IsPostgres(location string) bool {
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// OpenArchive opens the archive at location: a PostgreSQL URL opens a
// *Postgres, anything else is the path of a SQLite file (see Open).
func OpenArchive(ctx context.Context, location string, opts Options) (Archive, error) {
	if IsPostgres(location) {
		return OpenPostgres(ctx, location, opts)
	}
	return Open(ctx, location, opts)
}
