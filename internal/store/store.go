package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/brief-news/brief/article"
)

// ErrNotFound reports an article ID that is not in the archive.
var ErrNotFound = errors.New("store: no such article")

// Options configures Open. The zero value is valid.
type Options struct {
	// Now returns the current time, stamped on saved articles; nil means
	// time.Now.
	Now func() time.Time
	// BusyTimeout is how long a write waits for another process holding
	// the database; 0 means 30 s.
	BusyTimeout time.Duration
}

// Store is an open archive. It is safe for concurrent use.
type Store struct {
	sqlDB
	path string
}

// DefaultPath returns the archive's default location:
// $XDG_DATA_HOME/brief/brief.db, else ~/.local/share/brief/brief.db.
// getenv is os.Getenv in production.
func DefaultPath(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "brief", "brief.db"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("store: neither XDG_DATA_HOME nor HOME is set (use --db)")
	}
	return filepath.Join(home, ".local", "share", "brief", "brief.db"), nil
}

// Open opens the archive at path, creating it (mode 0600, its directory
// 0700) and bringing its schema up to date. It fails when the file was
// written by a newer brief.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open archive %s: path must not contain ? or #", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	// Create the file ourselves so it gets mode 0600; SQLite gives its
	// -wal and -shm files the database file's mode.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	f.Close()
	busy := opts.BusyTimeout
	if busy <= 0 {
		busy = 30 * time.Second
	}
	dsn := fmt.Sprintf("%s?_busy_timeout=%d&_journal_mode=WAL&_synchronous=NORMAL&_foreign_keys=1&_txlock=immediate",
		path, busy.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	// One connection, opened here and kept: writes are serialized by
	// SQLite anyway, and a connection opened later could meet the busy
	// error below outside the retry.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	s := &Store{sqlDB: sqlDB{db: db, now: opts.Now, loc: path}, path: path}
	if s.now == nil {
		s.now = time.Now
	}
	// While another process creates the file or switches it to WAL,
	// opening can fail with SQLITE_BUSY without waiting on the busy
	// timeout: retry until the timeout has passed.
	deadline := time.Now().Add(busy)
	for {
		err = s.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			err = ctx.Err()
		case <-time.After(20 * time.Millisecond):
			continue
		}
		break
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	return s, nil
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (any extended code).
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Location returns the database file's path.
func (s *Store) Location() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrations are applied in order; the database's user_version counts how
// many it has. Append, never edit.
var migrations = []string{
	`CREATE TABLE articles (
		id           INTEGER PRIMARY KEY,
		link         TEXT    NOT NULL,          -- normalized canonical (else fetched) URL, '' if none
		content_hash TEXT    NOT NULL,          -- sha256 of the whitespace-normalized text
		source       TEXT    NOT NULL,          -- the input it was added from
		title        TEXT    NOT NULL,
		site         TEXT    NOT NULL,
		at           INTEGER NOT NULL,          -- unix seconds: published, else added
		added        INTEGER NOT NULL,          -- unix nanoseconds, first saved
		updated      INTEGER NOT NULL,          -- unix nanoseconds, last saved
		article      TEXT    NOT NULL           -- article.Article as JSON
	);
	CREATE UNIQUE INDEX articles_link ON articles(link) WHERE link <> '';
	CREATE INDEX articles_hash ON articles(content_hash);
	CREATE INDEX articles_at ON articles(at);
	CREATE TABLE digests (
		article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
		backend    TEXT    NOT NULL,
		model      TEXT    NOT NULL,
		created    INTEGER NOT NULL,            -- unix nanoseconds
		digest     TEXT    NOT NULL,            -- summarize.Digest as JSON
		PRIMARY KEY (article_id, backend, model)
	);
	CREATE TABLE skipped (
		source TEXT    PRIMARY KEY,
		reason TEXT    NOT NULL,
		at     INTEGER NOT NULL                 -- unix nanoseconds of the last failure
	);
	CREATE INDEX skipped_at ON skipped(at);
	CREATE TABLE digest_cache (
		key     TEXT    PRIMARY KEY,
		created INTEGER NOT NULL,
		digest  TEXT    NOT NULL
	);`,
}

func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v == len(migrations) {
		return nil
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this brief's (%d)", v, len(migrations))
	}
	// Another process may be migrating too: the immediate transaction
	// serializes us, and the version is read again inside it.
	return s.tx(ctx, func(tx txn) error {
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		for i := v; i < len(migrations); i++ {
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return fmt.Errorf("migrate to schema %d: %w", i+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
			return fmt.Errorf("set schema version: %w", err)
		}
		return nil
	})
}

// NormalizeLink returns the form of an article URL used as its key:
// scheme and host lower-cased, default port, fragment and tracking
// parameters (utm_*, fbclid, gclid, …) dropped. Anything that does not
// parse as an absolute http(s) URL is returned trimmed.
func NormalizeLink(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "HTTP" && u.Scheme != "HTTPS") {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	}
	if strings.Contains(u.Hostname(), ":") { // IPv6 literal
		host = "[" + strings.ToLower(u.Hostname()) + "]"
		if port != "" {
			host += ":" + port
		}
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" || lk == "mc_cid" || lk == "mc_eid" || lk == "ocid" {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// ContentHash returns the hex SHA-256 of the article's text with runs of
// whitespace collapsed, so re-extracting the same page gives the same
// hash. An article with no text hashes its title and ID instead.
func ContentHash(a *article.Article) string {
	h := sha256.New()
	text := strings.Join(strings.Fields(a.Text()), " ")
	if text == "" {
		text = "\x00" + a.Title + "\x00" + a.ID
	}
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))
}

// Check runs SQLite's integrity check and verifies that every digest
// belongs to an article; it returns nil for a sound archive.
func (s *Store) Check(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("check archive %s: %w", s.path, err)
	}
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return fmt.Errorf("check archive %s: %w", s.path, err)
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("check archive %s: %w", s.path, err)
	}
	more, err := s.checkRows(ctx)
	if err != nil {
		return fmt.Errorf("check archive %s: %w", s.path, err)
	}
	problems = append(problems, more...)
	if len(problems) > 0 {
		return fmt.Errorf("check archive %s: %s", s.path, strings.Join(problems, "; "))
	}
	return nil
}
