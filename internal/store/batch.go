package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// batchSchema is the migration that adds model batches, spelled with
// the dialect's 64-bit integer type.
func batchSchema(bigint string) string {
	return `CREATE TABLE batches (
		id      TEXT   PRIMARY KEY,            -- the provider's batch ID
		backend TEXT   NOT NULL,
		model   TEXT   NOT NULL,
		state   TEXT   NOT NULL,
		created ` + bigint + ` NOT NULL,           -- unix nanoseconds
		updated ` + bigint + ` NOT NULL,
		info    TEXT   NOT NULL                -- the provider's status, JSON
	);
	CREATE TABLE batch_items (
		batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
		key      TEXT NOT NULL,                -- the request's custom ID
		request  TEXT NOT NULL,                -- JSON request body
		response TEXT,                         -- JSON answer, NULL until known
		PRIMARY KEY (batch_id, key)
	);
	CREATE TABLE batch_articles (
		batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
		seq      INTEGER NOT NULL,
		article  TEXT NOT NULL,                -- JSON: the article and its request keys
		PRIMARY KEY (batch_id, seq)
	);`
}

// ErrNoBatch reports a batch ID that is not in the archive.
var ErrNoBatch = errors.New("store: no such batch")

// Batch is a model batch run recorded in the archive, so that an
// interrupted run can be resumed from another process or machine.
type Batch struct {
	// ID is the provider's batch ID.
	ID string
	// Backend and Model are what the requests were made for.
	Backend, Model string
	// State is the run's state as the caller names it (the provider's
	// status, then "saved" once the digests are archived).
	State string
	// Created and Updated are set by the store.
	Created, Updated time.Time
	// Info is the provider's last status, as JSON.
	Info json.RawMessage
}

// BatchItem is one request of a batch.
type BatchItem struct {
	// Key is the request's custom ID, unique within the batch.
	Key string
	// Request is the request body; Response the answer, nil until known.
	Request, Response json.RawMessage
}

// SaveBatch records a new batch with its requests and the articles
// waiting on them (each an opaque JSON value), in one transaction.
func (s *sqlDB) SaveBatch(ctx context.Context, b Batch, items []BatchItem, articles []json.RawMessage) error {
	now := s.now().UnixNano()
	err := s.tx(ctx, func(tx txn) error {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO batches (id, backend, model, state, created, updated, info) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			b.ID, b.Backend, b.Model, b.State, now, now, string(orNull(b.Info))); err != nil {
			return err
		}
		for _, it := range items {
			var resp any
			if it.Response != nil {
				resp = string(it.Response)
			}
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO batch_items (batch_id, key, request, response) VALUES (?, ?, ?, ?)`,
				b.ID, it.Key, string(it.Request), resp); err != nil {
				return fmt.Errorf("item %s: %w", it.Key, err)
			}
		}
		for i, a := range articles {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO batch_articles (batch_id, seq, article) VALUES (?, ?, ?)`, b.ID, i, string(a)); err != nil {
				return fmt.Errorf("article %d: %w", i, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save batch %s: %w", b.ID, err)
	}
	return nil
}

func orNull(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 {
		return json.RawMessage("null")
	}
	return raw
}

// UpdateBatch sets a batch's state and info, and the responses of the
// given items; the error wraps ErrNoBatch when there is no such batch.
func (s *sqlDB) UpdateBatch(ctx context.Context, b Batch, responses []BatchItem) error {
	err := s.tx(ctx, func(tx txn) error {
		res, err := tx.ExecContext(ctx, `UPDATE batches SET state = ?, info = ?, updated = ? WHERE id = ?`,
			b.State, string(orNull(b.Info)), s.now().UnixNano(), b.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return ErrNoBatch
		}
		for _, it := range responses {
			if _, err := tx.ExecContext(ctx, `UPDATE batch_items SET response = ? WHERE batch_id = ? AND key = ?`,
				string(it.Response), b.ID, it.Key); err != nil {
				return fmt.Errorf("item %s: %w", it.Key, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("update batch %s: %w", b.ID, err)
	}
	return nil
}

// Batches returns the recorded batches, oldest first.
func (s *sqlDB) Batches(ctx context.Context) ([]Batch, error) {
	rows, err := s.queryContext(ctx, `SELECT id, backend, model, state, created, updated, info FROM batches ORDER BY created, id`)
	if err != nil {
		return nil, fmt.Errorf("list batches: %w", err)
	}
	defer rows.Close()
	var out []Batch
	for rows.Next() {
		var b Batch
		var created, updated int64
		var info string
		if err := rows.Scan(&b.ID, &b.Backend, &b.Model, &b.State, &created, &updated, &info); err != nil {
			return nil, fmt.Errorf("list batches: %w", err)
		}
		b.Created, b.Updated, b.Info = time.Unix(0, created), time.Unix(0, updated), json.RawMessage(info)
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list batches: %w", err)
	}
	return out, nil
}

// BatchContents returns a batch's requests (in key order) and the
// articles waiting on them (in the order saved); the error wraps
// ErrNoBatch when there is no such batch.
func (s *sqlDB) BatchContents(ctx context.Context, id string) ([]BatchItem, []json.RawMessage, error) {
	var n int
	if err := s.queryRowContext(ctx, `SELECT count(*) FROM batches WHERE id = ?`, id).Scan(&n); err != nil {
		return nil, nil, fmt.Errorf("read batch %s: %w", id, err)
	}
	if n == 0 {
		return nil, nil, fmt.Errorf("read batch %s: %w", id, ErrNoBatch)
	}
	rows, err := s.queryContext(ctx, `SELECT key, request, response FROM batch_items WHERE batch_id = ? ORDER BY key`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("read batch %s: %w", id, err)
	}
	var items []BatchItem
	for rows.Next() {
		var it BatchItem
		var req string
		var resp *string
		if err := rows.Scan(&it.Key, &req, &resp); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("read batch %s: %w", id, err)
		}
		it.Request = json.RawMessage(req)
		if resp != nil {
			it.Response = json.RawMessage(*resp)
		}
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read batch %s: %w", id, err)
	}
	arows, err := s.queryContext(ctx, `SELECT article FROM batch_articles WHERE batch_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("read batch %s: %w", id, err)
	}
	defer arows.Close()
	var arts []json.RawMessage
	for arows.Next() {
		var a string
		if err := arows.Scan(&a); err != nil {
			return nil, nil, fmt.Errorf("read batch %s: %w", id, err)
		}
		arts = append(arts, json.RawMessage(a))
	}
	if err := arows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read batch %s: %w", id, err)
	}
	return items, arts, nil
}
