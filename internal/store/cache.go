package store

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/brief-news/brief/summarize"
)

// GetDigest returns the digest cached under key. A miss, and a cached
// value that no longer decodes, report false.
func (s *Store) GetDigest(key string) (*summarize.Digest, bool) {
	var raw string
	if err := s.db.QueryRow(`SELECT digest FROM digest_cache WHERE key = ?`, key).Scan(&raw); err != nil {
		return nil, false
	}
	d := new(summarize.Digest)
	if err := json.Unmarshal([]byte(raw), d); err != nil {
		return nil, false
	}
	cleanDigest(d)
	return d, true
}

// PutDigest caches d under key, replacing any digest cached there.
func (s *Store) PutDigest(key string, d *summarize.Digest) error {
	raw, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("cache digest %s: %w", key, err)
	}
	_, err = s.db.Exec(
		`INSERT INTO digest_cache (key, created, digest) VALUES (?, ?, ?)
		 ON CONFLICT (key) DO UPDATE SET created = excluded.created, digest = excluded.digest`,
		key, s.now().UnixNano(), string(raw))
	if err != nil {
		return fmt.Errorf("cache digest %s: %w", key, err)
	}
	return nil
}

func putCacheTx(tx *sql.Tx, key string, created int64, raw []byte) error {
	_, err := tx.Exec(
		`INSERT INTO digest_cache (key, created, digest) VALUES (?, ?, ?)
		 ON CONFLICT (key) DO UPDATE SET created = excluded.created, digest = excluded.digest
		 WHERE excluded.created >= digest_cache.created`,
		key, created, string(raw))
	return err
}
