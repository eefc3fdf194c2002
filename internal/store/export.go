package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/brief-news/brief/article"
)

// ExportVersion is the version of the export format, in its header line.
const ExportVersion = 1

// The export format is JSON Lines. The first line is a header
// {"kind":"brief-archive","version":1}; each later line has a "kind":
//
//	article  {"kind","id","source","added","updated","article":{…},"digests":[{"backend","model","created","digest":{…}}]}
//	skipped  {"kind","source","reason","at"}
//	cache    {"kind","key","created","digest":{…}}
//
// Article and digest objects are written exactly as stored, so fields this
// build does not know survive a round trip.
type exportLine struct {
	Kind    string          `json:"kind"`
	Version int             `json:"version,omitempty"`
	ID      int64           `json:"id,omitempty"`
	Source  string          `json:"source,omitempty"`
	Reason  string          `json:"reason,omitempty"`
	Key     string          `json:"key,omitempty"`
	Added   *time.Time      `json:"added,omitempty"`
	Updated *time.Time      `json:"updated,omitempty"`
	At      *time.Time      `json:"at,omitempty"`
	Created *time.Time      `json:"created,omitempty"`
	Article json.RawMessage `json:"article,omitempty"`
	Digests []exportDigest  `json:"digests,omitempty"`
	Digest  json.RawMessage `json:"digest,omitempty"`
}

type exportDigest struct {
	Backend string          `json:"backend"`
	Model   string          `json:"model"`
	Created time.Time       `json:"created"`
	Digest  json.RawMessage `json:"digest"`
}

func nsTime(ns int64) *time.Time {
	t := time.Unix(0, ns).UTC()
	return &t
}

// Export writes the whole archive to w as JSON Lines (see the format
// above), articles in ID order. It reads one consistent snapshot.
func (s *sqlDB) Export(ctx context.Context, w io.Writer) error {
	err := s.snapshot(ctx, func(conn queryer) error { return exportAll(ctx, conn, w) })
	if err != nil {
		return fmt.Errorf("export %s: %w", s.loc, err)
	}
	return nil
}

func exportAll(ctx context.Context, conn queryer, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(exportLine{Kind: "brief-archive", Version: ExportVersion}); err != nil {
		return err
	}
	if err := exportArticles(ctx, conn, enc); err != nil {
		return err
	}
	if err := exportRows(ctx, conn, `SELECT source, reason, at FROM skipped ORDER BY source`, func(sc scanner) (exportLine, error) {
		l := exportLine{Kind: "skipped"}
		var at int64
		err := sc.Scan(&l.Source, &l.Reason, &at)
		l.At = nsTime(at)
		return l, err
	}, enc); err != nil {
		return fmt.Errorf("skipped: %w", err)
	}
	if err := exportRows(ctx, conn, `SELECT key, created, digest FROM digest_cache ORDER BY key`, func(sc scanner) (exportLine, error) {
		l := exportLine{Kind: "cache"}
		var created int64
		var raw string
		err := sc.Scan(&l.Key, &created, &raw)
		l.Created, l.Digest = nsTime(created), json.RawMessage(raw)
		return l, err
	}, enc); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return nil
}

func exportArticles(ctx context.Context, conn queryer, enc *json.Encoder) error {
	digests := map[int64][]exportDigest{}
	drows, err := conn.QueryContext(ctx, `SELECT article_id, backend, model, created, digest FROM digests ORDER BY article_id, backend, model`)
	if err != nil {
		return fmt.Errorf("digests: %w", err)
	}
	for drows.Next() {
		var id, created int64
		var d exportDigest
		var raw string
		if err := drows.Scan(&id, &d.Backend, &d.Model, &created, &raw); err != nil {
			drows.Close()
			return fmt.Errorf("digests: %w", err)
		}
		d.Created, d.Digest = *nsTime(created), json.RawMessage(raw)
		digests[id] = append(digests[id], d)
	}
	drows.Close()
	if err := drows.Err(); err != nil {
		return fmt.Errorf("digests: %w", err)
	}
	return exportRows(ctx, conn, `SELECT id, source, added, updated, article FROM articles ORDER BY id`, func(sc scanner) (exportLine, error) {
		l := exportLine{Kind: "article"}
		var added, updated int64
		var raw string
		err := sc.Scan(&l.ID, &l.Source, &added, &updated, &raw)
		l.Added, l.Updated, l.Article, l.Digests = nsTime(added), nsTime(updated), json.RawMessage(raw), digests[l.ID]
		return l, err
	}, enc)
}

func exportRows(ctx context.Context, conn queryer, q string, scan func(scanner) (exportLine, error), enc *json.Encoder) error {
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		l, err := scan(rows)
		if err != nil {
			return err
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ImportStats counts what Import read.
type ImportStats struct {
	Articles, Skipped, Cached int
}

// importBatch is how many lines one import transaction holds.
const importBatch = 500

// Import reads an export (see Export) into the archive. An article already
// present (same link or text) is replaced only by a newer copy, keeping the
// earlier added time; digests, skipped inputs and cache entries are merged,
// newer wins. Imported articles keep their IDs where those are free.
// Lines are committed in batches, each atomic; importing the same file
// twice changes nothing.
func (s *sqlDB) Import(ctx context.Context, r io.Reader) (ImportStats, error) {
	var st ImportStats
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 256<<20)
	n := 0
	var batch []exportLine
	var lines []int
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		var bst ImportStats
		err := s.tx(ctx, func(tx txn) error {
			bst = ImportStats{}
			for i, l := range batch {
				if err := importLineTx(ctx, tx, l, &bst); err != nil {
					return fmt.Errorf("line %d: %w", lines[i], err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		st.Articles += bst.Articles
		st.Skipped += bst.Skipped
		st.Cached += bst.Cached
		batch, lines = batch[:0], lines[:0]
		return nil
	}
	for sc.Scan() {
		n++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var l exportLine
		if err := json.Unmarshal(b, &l); err != nil {
			return st, fmt.Errorf("import line %d: %w", n, err)
		}
		if l.Kind == "brief-archive" {
			if l.Version > ExportVersion {
				return st, fmt.Errorf("import line %d: export version %d is newer than this brief's (%d)", n, l.Version, ExportVersion)
			}
			continue
		}
		batch = append(batch, l)
		lines = append(lines, n)
		if len(batch) == importBatch {
			if err := flush(); err != nil {
				return st, fmt.Errorf("import: %w", err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return st, fmt.Errorf("import line %d: %w", n+1, err)
	}
	if err := flush(); err != nil {
		return st, fmt.Errorf("import: %w", err)
	}
	return st, nil
}

func unixNano(t *time.Time, def int64) int64 {
	if t == nil || t.IsZero() {
		return def
	}
	return t.UnixNano()
}

func importLineTx(ctx context.Context, tx txn, l exportLine, st *ImportStats) error {
	switch l.Kind {
	case "article":
		if err := importArticleTx(ctx, tx, l); err != nil {
			return err
		}
		st.Articles++
	case "skipped":
		if l.Source == "" {
			return errors.New("skipped record without source")
		}
		if err := putSkippedTx(ctx, tx, Skip{Source: l.Source, Reason: l.Reason, At: time.Unix(0, unixNano(l.At, 0))}); err != nil {
			return err
		}
		st.Skipped++
	case "cache":
		if l.Key == "" || len(l.Digest) == 0 {
			return errors.New("cache record without key or digest")
		}
		if err := putCacheTx(tx, l.Key, unixNano(l.Created, 0), compact(l.Digest)); err != nil {
			return err
		}
		st.Cached++
	default:
		return fmt.Errorf("unknown record kind %q", l.Kind)
	}
	return nil
}

// compact strips insignificant whitespace, so hand-edited or
// pretty-printed exports store the same bytes as Export writes.
func compact(raw []byte) []byte {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return raw
	}
	return b.Bytes()
}

func importArticleTx(ctx context.Context, tx txn, l exportLine) error {
	if len(l.Article) == 0 {
		return errors.New("article record without article")
	}
	raw := compact(l.Article)
	var a article.Article
	if err := json.Unmarshal(raw, &a); err != nil {
		return fmt.Errorf("decode article: %w", err)
	}
	added := unixNano(l.Added, 0)
	updated := unixNano(l.Updated, added)
	source := l.Source
	if source == "" {
		source = a.ID
	}
	link := NormalizeLink(a.Link())
	hash := ContentHash(&a)
	id, _, err := findTx(ctx, tx, link, hash)
	if err != nil {
		return fmt.Errorf("look up: %w", err)
	}
	if id == 0 {
		saved, err := writeArticleTx(ctx, tx, 0, l.ID, source, &a, raw, link, hash, added, updated, nil)
		if err != nil {
			return err
		}
		id = saved.ID
	} else {
		var atArg any = a.Published.Unix()
		if a.Published.IsZero() {
			atArg = nil
		}
		// Replace only with a copy at least as new; keep the earliest added.
		_, err := tx.ExecContext(ctx,
			`UPDATE articles SET added = `+tx.s.least("added", "?")+` WHERE id = ?`, added, id)
		if err != nil {
			return fmt.Errorf("update %d: %w", id, err)
		}
		_, err = tx.ExecContext(ctx,
			`UPDATE articles SET link = ?, content_hash = ?, source = ?, title = ?, site = ?,
			        at = coalesce(?, added / 1000000000), updated = ?, article = ?
			 WHERE id = ? AND updated <= ?`,
			link, hash, source, a.Title, a.Site, atArg, updated, string(raw), id, updated)
		if err != nil {
			return fmt.Errorf("update %d: %w", id, err)
		}
	}
	for _, d := range l.Digests {
		if err := putDigestTx(ctx, tx, id, d.Backend, d.Model, d.Created.UnixNano(), compact(d.Digest)); err != nil {
			return err
		}
	}
	return nil
}
