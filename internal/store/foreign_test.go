package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/internal/store"
)

// sqliteFile creates an SQLite database at path by running stmts.
func sqliteFile(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestOpenRefusesForeignDatabase(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name  string
		stmts []string
	}{
		{"foreign tables", []string{"CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)", "INSERT INTO users VALUES (1, 'a@example.org')"}},
		{"foreign tables beside ours", []string{"CREATE TABLE articles (id INTEGER)", "CREATE TABLE invoices (id INTEGER)"}},
		{"another application", []string{"PRAGMA application_id = 1234", "CREATE TABLE articles (id INTEGER)"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "other.db")
			sqliteFile(t, path, tt.stmts...)
			before, _ := os.ReadFile(path)
			s, err := store.Open(ctx, path, store.Options{})
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, store.ErrForeign) {
				t.Fatalf("Open: %v, want ErrForeign", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("Open changed the foreign file")
			}
			ents, _ := os.ReadDir(dir)
			if len(ents) != 1 {
				t.Errorf("Open left files beside it: %d entries", len(ents))
			}
			// Read-only opening refuses it too.
			if _, err := store.Open(ctx, path, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrForeign) {
				t.Errorf("Open read-only: %v, want ErrForeign", err)
			}
		})
	}
	t.Run("not a database", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.db")
		text := []byte("shopping list: bread, milk, and a much longer line so the file is not tiny\n")
		os.WriteFile(path, bytes.Repeat(text, 20), 0o600)
		if _, err := store.Open(ctx, path, store.Options{}); !errors.Is(err, store.ErrForeign) {
			t.Errorf("Open: %v, want ErrForeign", err)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, bytes.Repeat(text, 20)) {
			t.Error("Open changed the file")
		}
	})
}

func applicationID(t *testing.T, path string) int64 {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestOpenSetsApplicationID(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "brief.db")
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := applicationID(t, path); got != store.ApplicationID {
		t.Errorf("application_id = %#x, want %#x", got, store.ApplicationID)
	}
	// An archive from before the id was set is adopted and marked.
	sqliteFile(t, path, "PRAGMA application_id = 0")
	s, err = store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatalf("reopen an unmarked archive: %v", err)
	}
	s.Close()
	if got := applicationID(t, path); got != store.ApplicationID {
		t.Errorf("after reopening: application_id = %#x, want %#x", got, store.ApplicationID)
	}
}

// TestOpenReadOnly opens an archive in a read-only directory: reading
// works, writing fails, and nothing is written beside it.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "ro")
	path := filepath.Join(dir, "brief.db")
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, art("a", "https://example.org/a", "Kept", "Body one."), dig("extractive", "", "Europe")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })

	ro, err := store.Open(ctx, path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open read-only: %v", err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	rows, err := ro.List(ctx, store.Query{})
	if err != nil || len(rows) != 1 || rows[0].Article.Title != "Kept" {
		t.Fatalf("List: %d rows, %v", len(rows), err)
	}
	if err := ro.Check(ctx); err != nil {
		t.Errorf("Check: %v", err)
	}
	var buf bytes.Buffer
	if err := ro.Export(ctx, &buf); err != nil || !bytes.Contains(buf.Bytes(), []byte("Kept")) {
		t.Errorf("Export: %v, %d bytes", err, buf.Len())
	}
	if _, err := ro.Save(ctx, art("b", "https://example.org/b", "New", "Body."), nil); err == nil {
		t.Error("Save on a read-only archive succeeded")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the read-only archive changed")
	}
	if _, err := store.Open(ctx, filepath.Join(dir, "missing.db"), store.Options{ReadOnly: true}); err == nil {
		t.Error("read-only Open created a missing archive")
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("a missing.db appeared")
	}
}
