package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/brief-news/brief/summarize/llm"
)

// modelSchema is the migration that adds what model backends remember
// (the response format a server accepts) and the opt-in log of model
// requests, spelled with the dialect's 64-bit integer type.
func modelSchema(bigint string) string {
	return `CREATE TABLE model_settings (
		key     TEXT   PRIMARY KEY,            -- backend, server and model
		value   TEXT   NOT NULL,
		updated ` + bigint + ` NOT NULL           -- unix nanoseconds
	);
	CREATE TABLE model_requests (
		id       TEXT   PRIMARY KEY,           -- random
		created  ` + bigint + ` NOT NULL,          -- unix nanoseconds
		backend  TEXT   NOT NULL,
		model    TEXT   NOT NULL,
		article  TEXT   NOT NULL,              -- the article's id
		purpose  TEXT   NOT NULL,
		request  TEXT   NOT NULL,              -- the messages, JSON
		reply    TEXT   NOT NULL,
		err      TEXT   NOT NULL,
		prompt_tokens     ` + bigint + ` NOT NULL,
		completion_tokens ` + bigint + ` NOT NULL,
		millis   ` + bigint + ` NOT NULL
	);
	CREATE INDEX model_requests_created ON model_requests(created);`
}

// ModelSetting returns what a model backend stored under key ("" when
// nothing is).
func (s *sqlDB) ModelSetting(key string) string {
	var v string
	if err := s.queryRowContext(context.Background(), `SELECT value FROM model_settings WHERE key = ?`, key).Scan(&v); err != nil {
		return ""
	}
	return v
}

// SetModelSetting stores value under key, replacing what was there.
func (s *sqlDB) SetModelSetting(key, value string) error {
	_, err := s.execContext(context.Background(),
		`INSERT INTO model_settings (key, value, updated) VALUES (?, ?, ?)
		 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated = excluded.updated`,
		key, value, s.now().UnixNano())
	if err != nil {
		return fmt.Errorf("store model setting %s: %w", key, err)
	}
	return nil
}

// ModelRequest is one logged model request and its reply (--log-requests).
type ModelRequest struct {
	ID                             string
	Created                        time.Time
	Backend, Model, Article        string
	Purpose                        string
	Request                        string // the messages, as JSON
	Reply, Err                     string
	PromptTokens, CompletionTokens int
	Took                           time.Duration
}

// ModelRun puts archive a to work for a model backend's run: lc
// remembers in it the response formats servers accept; with log, it
// keeps every request and reply (see RequestLog; errors go to logger,
// nil discards them); with cache, o answers from it the articles
// digested before (see NewDigestCache). o.Closers then stop the cache's
// writer and close a, in that order (see llm.Session.Close).
func ModelRun(ctx context.Context, a Archive, lc *llm.Config, o *llm.RunOptions, cache, log bool, logger *slog.Logger) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	lc.Formats = FormatMemory{Archive: a}
	if log {
		lc.Record = RequestLog(ctx, a, func(err error) { logger.Warn("log model request", "err", err) })
	}
	if cache {
		c := NewDigestCache(a, logger)
		o.Cache = c
		o.Closers = append(o.Closers, c.Close)
	}
	o.Closers = append(o.Closers, a.Close)
}

// RequestLog returns an llm.Config.Record that keeps every model request
// and its reply in a (--log-requests); onErr, if set, is given the
// errors of logging, which do not stop the run.
func RequestLog(ctx context.Context, a Archive, onErr func(error)) func(llm.Exchange) {
	return func(ex llm.Exchange) {
		msgs, _ := json.Marshal(ex.Messages)
		err := a.LogModelRequest(ctx, ModelRequest{Backend: ex.Backend, Model: ex.Model, Article: ex.Article,
			Purpose: ex.Purpose, Request: string(msgs), Reply: ex.Reply, Err: ex.Err,
			PromptTokens: ex.Usage.PromptTokens, CompletionTokens: ex.Usage.CompletionTokens, Took: ex.Took})
		if err != nil && onErr != nil {
			onErr(err)
		}
	}
}

// LogModelRequest appends r to the request log; ID and Created are set.
func (s *sqlDB) LogModelRequest(ctx context.Context, r ModelRequest) error {
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return fmt.Errorf("log model request: %w", err)
	}
	_, err := s.execContext(ctx,
		`INSERT INTO model_requests (id, created, backend, model, article, purpose, request, reply, err,
		 prompt_tokens, completion_tokens, millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		hex.EncodeToString(id[:]), s.now().UnixNano(), r.Backend, r.Model, r.Article, r.Purpose, r.Request, r.Reply, r.Err,
		r.PromptTokens, r.CompletionTokens, r.Took.Milliseconds())
	if err != nil {
		return fmt.Errorf("log model request: %w", err)
	}
	return nil
}

// ModelRequests returns the last n logged requests (all when n <= 0),
// oldest first.
func (s *sqlDB) ModelRequests(ctx context.Context, n int) ([]ModelRequest, error) {
	q := `SELECT id, created, backend, model, article, purpose, request, reply, err, prompt_tokens, completion_tokens, millis
		FROM model_requests ORDER BY created DESC, id`
	var rows *sql.Rows
	var err error
	if n > 0 {
		rows, err = s.queryContext(ctx, q+` LIMIT ?`, n)
	} else {
		rows, err = s.queryContext(ctx, q)
	}
	if err != nil {
		return nil, fmt.Errorf("list model requests: %w", err)
	}
	defer rows.Close()
	var out []ModelRequest
	for rows.Next() {
		var r ModelRequest
		var created, millis int64
		if err := rows.Scan(&r.ID, &created, &r.Backend, &r.Model, &r.Article, &r.Purpose, &r.Request, &r.Reply, &r.Err,
			&r.PromptTokens, &r.CompletionTokens, &millis); err != nil {
			return nil, fmt.Errorf("list model requests: %w", err)
		}
		r.Created, r.Took = time.Unix(0, created), time.Duration(millis)*time.Millisecond
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list model requests: %w", errors.Join(err))
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// FormatMemory remembers in an archive the response format a model
// server accepts, across runs (it is an llm.FormatMemory).
type FormatMemory struct{ Archive Archive }

// Format returns the format remembered for key, "" if none.
func (m FormatMemory) Format(key string) string {
	return m.Archive.ModelSetting("response_format " + key)
}

// SetFormat remembers format for key.
func (m FormatMemory) SetFormat(key, format string) error {
	return m.Archive.SetModelSetting("response_format "+key, format)
}
