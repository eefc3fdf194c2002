package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/brief-news/brief/summarize"
)

// GetDigest returns the digest cached under key. A miss, and a cached
// value that no longer decodes, report false.
func (s *sqlDB) GetDigest(key string) (*summarize.Digest, bool) {
	var raw string
	if err := s.queryRowContext(context.Background(), `SELECT digest FROM digest_cache WHERE key = ?`, key).Scan(&raw); err != nil {
		return nil, false
	}
	d := new(summarize.Digest)
	if err := json.Unmarshal([]byte(raw), d); err != nil {
		return nil, false
	}
	summarize.CleanDigest(d)
	return d, true
}

// PutDigest caches d under key, replacing any digest cached there.
func (s *sqlDB) PutDigest(key string, d *summarize.Digest) error {
	raw, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("cache digest %s: %w", key, err)
	}
	_, err = s.execContext(context.Background(),
		`INSERT INTO digest_cache (key, created, digest) VALUES (?, ?, ?)
		 ON CONFLICT (key) DO UPDATE SET created = excluded.created, digest = excluded.digest`,
		key, s.now().UnixNano(), string(raw))
	if err != nil {
		return fmt.Errorf("cache digest %s: %w", key, err)
	}
	return nil
}

func putCacheTx(tx txn, key string, created int64, raw []byte) error {
	_, err := tx.ExecContext(context.Background(),
		`INSERT INTO digest_cache (key, created, digest) VALUES (?, ?, ?)
		 ON CONFLICT (key) DO UPDATE SET created = excluded.created, digest = excluded.digest
		 WHERE excluded.created >= digest_cache.created`,
		key, created, string(raw))
	return err
}
