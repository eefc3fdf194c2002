package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
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

// ErrForeign reports a database file that is not a brief archive; Open
// leaves such a file as it found it.
var ErrForeign = errors.New("store: not a brief archive")

// ApplicationID marks an SQLite file as a brief archive (PRAGMA
// application_id): "BRIF".
const ApplicationID = 0x42524946

// ourTables are the tables of a brief archive.
var ourTables = map[string]bool{"articles": true, "digests": true, "skipped": true, "digest_cache": true,
	"batches": true, "batch_items": true, "batch_articles": true, "model_settings": true, "model_requests": true}

// Options configures Open. The zero value is valid.
type Options struct {
	// Now returns the current time, stamped on saved articles; nil means
	// time.Now.
	Now func() time.Time
	// BusyTimeout is how long a write waits for another process holding
	// the database; 0 means 30 s.
	BusyTimeout time.Duration
	// Logger receives debug traces (a PostgreSQL transaction retried
	// after a conflict); nil discards them.
	Logger *slog.Logger
	// ReadOnly opens an existing archive without writing to it (nor
	// creating it): for reading an archive in a read-only file or
	// directory. Every write method then fails.
	ReadOnly bool
}

// Store is an open archive. It is safe for concurrent use.
type Store struct {
	sqlDB
	path     string
	readOnly bool
}

func logOf(o Options) *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
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
// written by a newer brief, and with ErrForeign, leaving the file as it
// was, when it is an SQLite database of something else: an application_id
// other than brief's, or tables brief does not know. With opts.ReadOnly it
// opens an existing archive without writing anything.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open archive %s: path must not contain ? or #", path)
	}
	if opts.ReadOnly {
		return openReadOnly(ctx, path, opts)
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
	fi, err := f.Stat()
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	if fi.Size() > 0 {
		// Before anything writes to it (WAL mode, the schema), make
		// sure the file is ours.
		if err := checkOwn(ctx, path); err != nil {
			return nil, err
		}
	}
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
	s := &Store{sqlDB: sqlDB{db: db, now: opts.Now, loc: path, logger: logOf(opts)}, path: path}
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

// fileDSN is the SQLite URI for path with SQLite's own parameters.
func fileDSN(path, params string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return "file://" + (&url.URL{Path: abs}).EscapedPath() + "?" + params, nil
}

// checkOwn opens path read-only and fails with ErrForeign unless it is a
// brief archive: its application_id is ours, or (an archive from before
// the id was set, or an empty database) the id is unset and every table
// is one of ours.
func checkOwn(ctx context.Context, path string) error {
	dsn, err := fileDSN(path, "mode=ro")
	if err != nil {
		return fmt.Errorf("open archive %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("open archive %s: %w", path, err)
	}
	defer db.Close()
	var app int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		if isBusy(err) {
			return nil // another brief is creating it: migrate waits
		}
		return fmt.Errorf("open archive %s: %w: %w", path, ErrForeign, err)
	}
	if app == ApplicationID {
		return nil
	}
	if app != 0 {
		return fmt.Errorf("open archive %s: %w (application_id %#x)", path, ErrForeign, app)
	}
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		return fmt.Errorf("open archive %s: %w", path, err)
	}
	defer rows.Close()
	var foreign []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return fmt.Errorf("open archive %s: %w", path, err)
		}
		if !ourTables[name] {
			foreign = append(foreign, name)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("open archive %s: %w", path, err)
	}
	if len(foreign) > 0 {
		if len(foreign) > 5 {
			foreign = append(foreign[:5], "…")
		}
		return fmt.Errorf("open archive %s: %w (it has tables %s)", path, ErrForeign, strings.Join(foreign, ", "))
	}
	return nil
}

// openReadOnly opens an existing archive read-only. A WAL database in a
// directory brief cannot write to is opened as immutable (SQLite could
// not create its -shm file otherwise).
func openReadOnly(ctx context.Context, path string, opts Options) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	if err := checkOwn(ctx, path); err != nil {
		return nil, err
	}
	var last error
	for _, params := range []string{"mode=ro", "mode=ro&immutable=1"} {
		dsn, err := fileDSN(path, params)
		if err != nil {
			return nil, fmt.Errorf("open archive %s: %w", path, err)
		}
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			return nil, fmt.Errorf("open archive %s: %w", path, err)
		}
		db.SetMaxOpenConns(1)
		var v int
		if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			db.Close()
			last = err
			continue
		}
		if v != len(migrations) {
			db.Close()
			return nil, fmt.Errorf("open archive %s: read-only, and its schema version %d is not this brief's (%d)", path, v, len(migrations))
		}
		s := &Store{sqlDB: sqlDB{db: db, now: opts.Now, loc: path, logger: logOf(opts)}, path: path, readOnly: true}
		if s.now == nil {
			s.now = time.Now
		}
		return s, nil
	}
	return nil, fmt.Errorf("open archive %s read-only: %w", path, last)
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

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
	batchSchema("INTEGER"),
	modelSchema("INTEGER"),
}

func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v == len(migrations) {
		// An archive made before brief set its application id gets it.
		var app int64
		if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
			return fmt.Errorf("read application id: %w", err)
		}
		if app == 0 {
			if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
				return fmt.Errorf("set application id: %w", err)
			}
		}
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
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			return fmt.Errorf("set application id: %w", err)
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
