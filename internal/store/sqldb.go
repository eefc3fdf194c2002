package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// sqlDB is what the SQLite and PostgreSQL archives share: a database/sql
// handle and the dialect its statements are written in. Statements are
// written with ? placeholders and SQLite's spelling; for PostgreSQL they
// are rebound to $n on the way out.
type sqlDB struct {
	db  *sql.DB
	pg  bool
	now func() time.Time
	// loc names the archive in errors and messages: a file path, or a
	// PostgreSQL URL without its password.
	loc    string
	logger *slog.Logger
}

// rebind rewrites ? placeholders as $1, $2, … for PostgreSQL. No
// statement in this package has a ? inside a string literal.
func (s *sqlDB) rebind(q string) string {
	if !s.pg || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// greatest returns the dialect's two-argument maximum of a and b.
func (s *sqlDB) greatest(a, b string) string {
	if s.pg {
		return "GREATEST(" + a + ", " + b + ")"
	}
	return "max(" + a + ", " + b + ")"
}

// least returns the dialect's two-argument minimum of a and b.
func (s *sqlDB) least(a, b string) string {
	if s.pg {
		return "LEAST(" + a + ", " + b + ")"
	}
	return "min(" + a + ", " + b + ")"
}

func (s *sqlDB) execContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return s.db.ExecContext(ctx, s.rebind(q), args...)
}

func (s *sqlDB) queryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, s.rebind(q), args...)
}

func (s *sqlDB) queryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, s.rebind(q), args...)
}

// txn is one transaction, with the statements rebound for its dialect.
type txn struct {
	tx *sql.Tx
	s  *sqlDB
}

func (t txn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.s.rebind(q), args...)
}

func (t txn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.s.rebind(q), args...)
}

func (t txn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.s.rebind(q), args...)
}

// maxAttempts bounds how often tx runs a transaction that PostgreSQL
// aborted because of a concurrent one.
const maxAttempts = 30

// tx runs f in one write transaction, committed when f returns nil.
// SQLite's transactions are immediate (one writer at a time). PostgreSQL's
// are serializable: when the server aborts one because a concurrent
// transaction conflicted with it (serialization failure, deadlock, or a
// unique key taken meanwhile), f runs again from the start, after a short
// randomized wait, so f must not have effects outside the transaction.
func (s *sqlDB) tx(ctx context.Context, f func(txn) error) error {
	var opts *sql.TxOptions
	if s.pg {
		opts = &sql.TxOptions{Isolation: sql.LevelSerializable}
	}
	wait := 5 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := s.tx1(ctx, opts, f)
		if err == nil || !s.pg || !retryable(err) || attempt == maxAttempts {
			return err
		}
		if s.logger != nil {
			s.logger.Debug("transaction conflicted with a concurrent one; retrying", "attempt", attempt, "err", err)
		}
		d := wait/2 + rand.N(wait)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(d):
		}
		wait = min(2*wait, 500*time.Millisecond)
	}
}

func (s *sqlDB) tx1(ctx context.Context, opts *sql.TxOptions, f func(txn) error) error {
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(txn{tx: tx, s: s}); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// retryable reports whether err is PostgreSQL aborting a transaction
// because of a concurrent one: serialization_failure, deadlock_detected,
// or unique_violation (two transactions inserting the same new key).
func retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23505":
		return true
	}
	return false
}

// reserveID moves PostgreSQL's article ID sequence past id before a row
// is inserted with that explicit ID (import), so that it never hands id
// out again. SQLite needs nothing: its next ID follows the largest.
func (s *sqlDB) reserveID(ctx context.Context, tx txn, id int64) error {
	if !s.pg {
		return nil
	}
	_, err := tx.ExecContext(ctx,
		`SELECT setval('articles_id_seq', GREATEST(?, (SELECT last_value FROM articles_id_seq)))`, id)
	if err != nil {
		return fmt.Errorf("reserve id %d: %w", id, err)
	}
	return nil
}

// queryer runs queries; txn and the snapshot connection implement it.
type queryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// sqliteConn is one SQLite connection holding a read transaction.
type sqliteConn struct{ c *sql.Conn }

func (c sqliteConn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return c.c.QueryContext(ctx, q, args...)
}

// snapshot runs f in a read-only transaction that sees one consistent
// state of the archive while writers go on.
func (s *sqlDB) snapshot(ctx context.Context, f func(queryer) error) error {
	if s.pg {
		tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		return f(txn{tx: tx, s: s})
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// A deferred transaction on one connection sees one snapshot (WAL)
	// without taking the write lock that BEGIN IMMEDIATE would.
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	return f(sqliteConn{conn})
}

// checkRows looks for what no constraint prevents: digests without an
// article, and two articles with one link.
func (s *sqlDB) checkRows(ctx context.Context) ([]string, error) {
	var problems []string
	var orphans, dups int
	if err := s.queryRowContext(ctx,
		`SELECT count(*) FROM digests WHERE article_id NOT IN (SELECT id FROM articles)`).Scan(&orphans); err != nil {
		return nil, err
	}
	if orphans > 0 {
		problems = append(problems, fmt.Sprintf("%d digests without an article", orphans))
	}
	if err := s.queryRowContext(ctx,
		`SELECT count(*) FROM (SELECT link FROM articles WHERE link <> '' GROUP BY link HAVING count(*) > 1) d`).Scan(&dups); err != nil {
		return nil, err
	}
	if dups > 0 {
		problems = append(problems, fmt.Sprintf("%d links archived more than once", dups))
	}
	return problems, nil
}
