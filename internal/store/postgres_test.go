package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/store"
)

// TestPostgresRefusesForeignDatabase: a PostgreSQL database that holds
// other tables and no brief schema is left alone.
func TestPostgresRefusesForeignDatabase(t *testing.T) {
	b := backends[1]
	loc := b.newLoc(t)
	b.raw(t, loc, `CREATE TABLE invoices (id int)`)
	s, err := store.OpenArchive(context.Background(), loc, store.Options{})
	if err == nil {
		s.Close()
	}
	if !errors.Is(err, store.ErrForeign) {
		t.Fatalf("OpenArchive of a foreign database: err = %v, want ErrForeign", err)
	}
	b.raw(t, loc, `SELECT 1 FROM invoices`) // still there
	// The password never shows in messages.
	if _, err := store.OpenArchive(context.Background(), "postgres://u:s3cret@127.0.0.1:1/db?connect_timeout=1", store.Options{}); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("OpenArchive of an unreachable server: err = %v, want an error without the password", err)
	}
}
