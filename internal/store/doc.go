// Package store is brief's archive: an embedded SQLite database (pure Go,
// modernc.org/sqlite) holding every article added, its digests per backend
// and model, the inputs that failed, and the digest cache.
//
// Articles are keyed by their normalized link and by a hash of their text:
// saving an article already present updates it in place and never adds a
// duplicate. Each save is one transaction, so an interrupted process leaves
// nothing half-written, and several processes may write at once (WAL
// journal, busy timeout, immediate transactions).
//
// store imports article and summarize only; it must not import briefing,
// region or any backend.
package store
