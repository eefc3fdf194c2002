// Package store is brief's archive: every article added, its digests per
// backend and model, the inputs that failed, the digest cache, and the
// model batch runs in progress. The contract is the Archive interface,
// with two implementations: *Store, an embedded SQLite file (pure Go,
// modernc.org/sqlite), the default; and *Postgres, a PostgreSQL database
// (pgx) that a team shares. OpenArchive picks one from --db: a
// postgres:// URL or a file path. Both keep the same rows, and an Export
// of one imports into the other.
//
// Articles are keyed by their normalized link and by a hash of their text:
// saving an article already present updates it in place and never adds a
// duplicate. Each save is one transaction, so an interrupted process leaves
// nothing half-written, and several processes may write at once: SQLite
// through its WAL journal, busy timeout and immediate transactions;
// PostgreSQL through serializable transactions, retried when one
// conflicts with another. Schema migrations run once, under SQLite's
// write lock or a PostgreSQL advisory lock.
//
// Every test of the contract runs against both implementations (see
// conformance_test.go); the PostgreSQL half starts a throwaway server
// with package pgtest.
//
// store imports article and summarize only; it must not import briefing,
// region or any backend.
package store
