package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/textsafe"
	"github.com/brief-news/brief/summarize"
)

// Entry is one archived article with the digest chosen for it.
type Entry struct {
	// ID is the article's archive ID, used by Delete.
	ID int64
	// Source is the input the article was last added from.
	Source string
	// Added is when the article was first saved; Updated when last saved.
	Added, Updated time.Time
	Article        *article.Article
	// Digest is the chosen digest (see Query); nil if none is stored.
	Digest *summarize.Digest
}

// Saved reports what Save did.
type Saved struct {
	// ID is the article's archive ID.
	ID int64
	// Created is true when the article was new, false when an archived
	// one (same link or same text) was updated.
	Created bool
}

// Save stores a and its digest d (which may be nil) in one transaction.
// An archived article with the same normalized link, or with the same text
// and no conflicting link, is updated in place: it keeps its ID and added
// time, and gets the new text, metadata and a digest for d's backend and
// model. A skipped-input record for a.ID is cleared.
func (s *sqlDB) Save(ctx context.Context, a *article.Article, d *summarize.Digest) (Saved, error) {
	if a == nil {
		return Saved{}, errors.New("store: save nil article")
	}
	now := s.now()
	var out Saved
	err := s.tx(ctx, func(tx txn) error {
		var err error
		out, err = saveTx(ctx, tx, a, d, now.UnixNano(), now.UnixNano(), 0)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM skipped WHERE source = ?`, a.ID); err != nil {
			return fmt.Errorf("clear skipped %s: %w", a.ID, err)
		}
		return nil
	})
	if err != nil {
		return Saved{}, fmt.Errorf("save %s: %w", articleName(a), err)
	}
	return out, nil
}

func articleName(a *article.Article) string {
	if l := a.Link(); l != "" {
		return l
	}
	if a.ID != "" {
		return a.ID
	}
	return a.Title
}

// findTx returns the ID of the archived article that a is another copy
// of, and that article's stored JSON, or 0 when there is none.
func findTx(ctx context.Context, tx txn, link, hash string) (int64, []byte, error) {
	var id int64
	var raw []byte
	if link != "" {
		err := tx.QueryRowContext(ctx, `SELECT id, article FROM articles WHERE link = ?`, link).Scan(&id, &raw)
		if err == nil {
			return id, raw, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, nil, err
		}
	}
	// Same text: the same article unless both copies have different links
	// (a wire story on two sites is two articles).
	err := tx.QueryRowContext(ctx,
		`SELECT id, article FROM articles WHERE content_hash = ? AND (link = '' OR ? = '' OR link = ?) ORDER BY id LIMIT 1`,
		hash, link, link).Scan(&id, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, nil
	}
	return id, raw, err
}

// saveTx upserts a and d. added and updated are unix nanoseconds; added
// is kept when the article exists. wantID, when non-zero, is used as the
// new row's ID if that ID is free (import).
func saveTx(ctx context.Context, tx txn, a *article.Article, d *summarize.Digest, added, updated, wantID int64) (Saved, error) {
	link := NormalizeLink(a.Link())
	hash := ContentHash(a)
	id, oldRaw, err := findTx(ctx, tx, link, hash)
	if err != nil {
		return Saved{}, fmt.Errorf("look up: %w", err)
	}
	merged := *a
	if id != 0 {
		var old article.Article
		if json.Unmarshal(oldRaw, &old) == nil {
			// Keep the links first seen when the new ones are missing or
			// differ only in tracking parameters and the like.
			if merged.URL == "" || NormalizeLink(merged.URL) == NormalizeLink(old.URL) {
				merged.URL = old.URL
			}
			if merged.CanonicalURL == "" || NormalizeLink(merged.CanonicalURL) == NormalizeLink(old.CanonicalURL) {
				merged.CanonicalURL = old.CanonicalURL
			}
			if merged.Published.IsZero() {
				merged.Published = old.Published
			}
			if link == "" {
				link = NormalizeLink(merged.Link())
			}
		}
	}
	raw, err := json.Marshal(&merged)
	if err != nil {
		return Saved{}, fmt.Errorf("encode article: %w", err)
	}
	return writeArticleTx(ctx, tx, id, wantID, merged.ID, &merged, raw, link, hash, added, updated, d)
}

// writeArticleTx inserts (id == 0) or updates the row, then the digest.
func writeArticleTx(ctx context.Context, tx txn, id, wantID int64, source string, a *article.Article, raw []byte, link, hash string, added, updated int64, d *summarize.Digest) (Saved, error) {
	out := Saved{ID: id}
	if id == 0 {
		at := a.Published
		if at.IsZero() {
			at = time.Unix(0, added)
		}
		cols, marks := "", ""
		var args []any
		if wantID > 0 {
			var taken int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, wantID).Scan(&taken); err != nil {
				return Saved{}, fmt.Errorf("look up id: %w", err)
			}
			if taken == 0 {
				if err := tx.s.reserveID(ctx, tx, wantID); err != nil {
					return Saved{}, err
				}
				cols, marks, args = "id, ", "?, ", []any{wantID}
			}
		}
		args = append(args, link, hash, source, a.Title, a.Site, at.Unix(), added, updated, string(raw))
		err := tx.QueryRowContext(ctx,
			`INSERT INTO articles (`+cols+`link, content_hash, source, title, site, at, added, updated, article)
			 VALUES (`+marks+`?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, args...).Scan(&out.ID)
		if err != nil {
			return Saved{}, fmt.Errorf("insert: %w", err)
		}
		out.Created = true
	} else {
		// at falls back to the kept added time when published is unknown.
		var atArg any = a.Published.Unix()
		if a.Published.IsZero() {
			atArg = nil
		}
		_, err := tx.ExecContext(ctx,
			`UPDATE articles SET link = ?, content_hash = ?, source = ?, title = ?, site = ?,
			        at = coalesce(?, added / 1000000000), updated = `+tx.s.greatest("updated", "?")+`, article = ?
			 WHERE id = ?`,
			link, hash, source, a.Title, a.Site, atArg, updated, string(raw), id)
		if err != nil {
			return Saved{}, fmt.Errorf("update %d: %w", id, err)
		}
	}
	if d != nil {
		draw, err := json.Marshal(d)
		if err != nil {
			return Saved{}, fmt.Errorf("encode digest: %w", err)
		}
		if err := putDigestTx(ctx, tx, out.ID, d.Backend, d.Model, updated, draw); err != nil {
			return Saved{}, err
		}
	}
	return out, nil
}

func putDigestTx(ctx context.Context, tx txn, id int64, backend, model string, created int64, raw []byte) error {
	_, err := tx.ExecContext(ctx,
		`INSERT INTO digests (article_id, backend, model, created, digest) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (article_id, backend, model) DO UPDATE SET created = excluded.created, digest = excluded.digest
		 WHERE excluded.created >= digests.created`,
		id, backend, model, created, string(raw))
	if err != nil {
		return fmt.Errorf("save digest %s/%s: %w", backend, model, err)
	}
	return nil
}

// Query selects archived articles for List.
type Query struct {
	// From and To bound the article's time (published, else added):
	// From <= t < To. A zero bound is open.
	From, To time.Time
	// Backend and Model pick the digest: the newest digest of that backend
	// (and model, if set) when there is one, else the newest digest.
	Backend, Model string
}

// List returns the archived articles matching q, oldest first.
func (s *sqlDB) List(ctx context.Context, q Query) ([]Entry, error) {
	where, args := q.where()
	rows, err := s.queryContext(ctx,
		`SELECT id, source, added, updated, article FROM articles a`+where+` ORDER BY at, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	var out []Entry
	index := map[int64]int{}
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list articles: %w", err)
		}
		index[e.ID] = len(out)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	drows, err := s.queryContext(ctx,
		`SELECT d.article_id, d.backend, d.model, d.created, d.digest FROM digests d
		 JOIN articles a ON a.id = d.article_id`+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list digests: %w", err)
	}
	defer drows.Close()
	best := map[int64]digestRow{}
	for drows.Next() {
		var r digestRow
		if err := drows.Scan(&r.articleID, &r.backend, &r.model, &r.created, &r.raw); err != nil {
			return nil, fmt.Errorf("list digests: %w", err)
		}
		if b, ok := best[r.articleID]; !ok || q.better(r, b) {
			best[r.articleID] = r
		}
	}
	if err := drows.Err(); err != nil {
		return nil, fmt.Errorf("list digests: %w", err)
	}
	for id, r := range best {
		i, ok := index[id]
		if !ok {
			continue // saved between the two queries
		}
		var d summarize.Digest
		if err := json.Unmarshal([]byte(r.raw), &d); err != nil {
			return nil, fmt.Errorf("decode digest of article %d: %w", id, err)
		}
		summarize.CleanDigest(&d)
		out[i].Digest = &d
	}
	return out, nil
}

func (q Query) where() (string, []any) {
	var conds []string
	var args []any
	if !q.From.IsZero() {
		conds = append(conds, "a.at >= ?")
		args = append(args, q.From.Unix())
	}
	if !q.To.IsZero() {
		conds = append(conds, "a.at < ?")
		args = append(args, q.To.Unix())
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

type digestRow struct {
	articleID      int64
	backend, model string
	created        int64
	raw            string
}

// better reports whether r is preferred over b under q.
func (q Query) better(r, b digestRow) bool {
	rm, bm := q.matches(r), q.matches(b)
	if rm != bm {
		return rm
	}
	if r.created != b.created {
		return r.created > b.created
	}
	return r.backend+"\x00"+r.model < b.backend+"\x00"+b.model
}

func (q Query) matches(r digestRow) bool {
	return q.Backend != "" && r.backend == q.Backend && (q.Model == "" || r.model == q.Model)
}

type scanner interface{ Scan(...any) error }

func scanEntry(sc scanner) (Entry, error) {
	var e Entry
	var added, updated int64
	var raw string
	if err := sc.Scan(&e.ID, &e.Source, &added, &updated, &raw); err != nil {
		return Entry{}, err
	}
	e.Added, e.Updated = time.Unix(0, added), time.Unix(0, updated)
	e.Article = new(article.Article)
	if err := json.Unmarshal([]byte(raw), e.Article); err != nil {
		return Entry{}, fmt.Errorf("decode article %d: %w", e.ID, err)
	}
	// Rows may come from an imported export: clean what they hold.
	e.Article.Clean()
	e.Source = textsafe.Line(e.Source)
	return e, nil
}

// Get returns the archived article id with its newest digest, or an error
// wrapping ErrNotFound.
func (s *sqlDB) Get(ctx context.Context, id int64) (*Entry, error) {
	e, err := scanEntry(s.queryRowContext(ctx,
		`SELECT id, source, added, updated, article FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("get article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get article %d: %w", id, err)
	}
	var raw string
	err = s.queryRowContext(ctx,
		`SELECT digest FROM digests WHERE article_id = ? ORDER BY created DESC, backend, model LIMIT 1`, id).Scan(&raw)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("get digest of article %d: %w", id, err)
	default:
		e.Digest = new(summarize.Digest)
		if err := json.Unmarshal([]byte(raw), e.Digest); err != nil {
			return nil, fmt.Errorf("decode digest of article %d: %w", id, err)
		}
		summarize.CleanDigest(e.Digest)
	}
	return &e, nil
}

// Delete removes an archived article and its digests; the error wraps
// ErrNotFound when there is no such article.
func (s *sqlDB) Delete(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx txn) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete article %d: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("delete article %d: %w", id, err)
		} else if n == 0 {
			return fmt.Errorf("delete article %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// Skip is an input that failed, with the reason and the time of its last
// failure.
type Skip struct {
	Source, Reason string
	At             time.Time
}

// RecordSkipped notes that source failed now with reason. Saving an
// article from the same source later clears the record.
func (s *sqlDB) RecordSkipped(ctx context.Context, source, reason string) error {
	err := s.tx(ctx, func(tx txn) error {
		return putSkippedTx(ctx, tx, Skip{Source: source, Reason: reason, At: s.now()})
	})
	if err != nil {
		return fmt.Errorf("record skipped %s: %w", source, err)
	}
	return nil
}

func putSkippedTx(ctx context.Context, tx txn, k Skip) error {
	_, err := tx.ExecContext(ctx,
		`INSERT INTO skipped (source, reason, at) VALUES (?, ?, ?)
		 ON CONFLICT (source) DO UPDATE SET reason = excluded.reason, at = excluded.at
		 WHERE excluded.at >= skipped.at`,
		k.Source, k.Reason, k.At.UnixNano())
	return err
}

// Skipped returns the inputs whose last failure falls in [from, to)
// (a zero bound is open), oldest first.
func (s *sqlDB) Skipped(ctx context.Context, from, to time.Time) ([]Skip, error) {
	q := `SELECT source, reason, at FROM skipped WHERE 1 = 1`
	var args []any
	if !from.IsZero() {
		q += ` AND at >= ?`
		args = append(args, from.UnixNano())
	}
	if !to.IsZero() {
		q += ` AND at < ?`
		args = append(args, to.UnixNano())
	}
	rows, err := s.queryContext(ctx, q+` ORDER BY at, source`, args...)
	if err != nil {
		return nil, fmt.Errorf("list skipped: %w", err)
	}
	defer rows.Close()
	var out []Skip
	for rows.Next() {
		var k Skip
		var at int64
		if err := rows.Scan(&k.Source, &k.Reason, &at); err != nil {
			return nil, fmt.Errorf("list skipped: %w", err)
		}
		k.Source, k.Reason = textsafe.Line(k.Source), textsafe.Line(k.Reason)
		k.At = time.Unix(0, at)
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list skipped: %w", err)
	}
	return out, nil
}
