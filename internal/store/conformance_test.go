package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/internal/store/pgtest"
)

// TestMain stops the PostgreSQL test server, if a test started one.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// backend is one implementation of store.Archive under test. Every test
// of the store contract runs against each (see eachStore): the embedded
// SQLite file, and PostgreSQL on a throwaway server (pgtest).
type backend struct {
	name string
	// newLoc returns the location of a new, empty archive.
	newLoc func(testing.TB) string
	// driver is the database/sql driver that raw uses.
	driver string
	// orphan deletes articles behind the store's back, leaving their
	// digests; setVersion99 marks the schema as a future brief's.
	orphan, setVersion99 string
}

var backends = []backend{
	{
		name:         "sqlite",
		newLoc:       func(t testing.TB) string { return filepath.Join(t.TempDir(), "sub", "brief.db") },
		driver:       "sqlite",
		orphan:       `DELETE FROM articles`, // foreign keys are off on a plain connection
		setVersion99: `PRAGMA user_version = 99`,
	},
	{
		name:         "postgres",
		newLoc:       pgtest.URL,
		driver:       "pgx",
		orphan:       `ALTER TABLE digests DROP CONSTRAINT digests_article_id_fkey; DELETE FROM articles`,
		setVersion99: `UPDATE brief_schema SET version = 99`,
	},
}

// eachStore runs f as a subtest per backend.
func eachStore(t *testing.T, f func(*testing.T, backend)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { f(t, b) })
	}
}

// open opens a new, empty archive, closed when the test ends.
func (b backend) open(t testing.TB, c *clock) store.Archive {
	t.Helper()
	return b.openAt(t, b.newLoc(t), c)
}

func (b backend) openAt(t testing.TB, loc string, c *clock) store.Archive {
	t.Helper()
	opts := store.Options{}
	if c != nil {
		opts.Now = c.now
	}
	s, err := store.OpenArchive(context.Background(), loc, opts)
	if err != nil {
		t.Fatalf("OpenArchive: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// raw runs statements on the archive at loc behind the store's back.
func (b backend) raw(t testing.TB, loc, stmts string) {
	t.Helper()
	db, err := sql.Open(b.driver, loc)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmts); err != nil {
		t.Fatalf("%s: %v", stmts, err)
	}
}
