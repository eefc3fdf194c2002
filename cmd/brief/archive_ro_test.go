package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyArchive: an archive in a read-only file and directory can
// still be listed, exported, checked and made into a briefing.
func TestReadOnlyArchive(t *testing.T) {
	h := newHarness(t)
	in := writeFile(t, t.TempDir(), "a.txt", goodText)
	h.mustRun(0, "", "add", in)
	dir := filepath.Dir(h.db)
	before, _ := os.ReadFile(h.db)
	os.Chmod(h.db, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	for _, args := range [][]string{
		{"archive", "list"},
		{"archive", "export"},
		{"archive", "check"},
		{"briefing", "--date", "2026-03-10", "--tz", "UTC"},
	} {
		code, out, errs := h.run("", args...)
		if code != 0 {
			t.Errorf("brief %s: exit %d: %s", strings.Join(args, " "), code, errs)
			continue
		}
		if args[0] != "archive" || args[1] != "check" {
			if !strings.Contains(out, "Port expansion") {
				t.Errorf("brief %s: the article is missing from\n%s", strings.Join(args, " "), out)
			}
		}
	}
	if after, _ := os.ReadFile(h.db); !bytes.Equal(before, after) {
		t.Error("the read-only archive changed")
	}
}

// TestForeignDatabaseRefused: --db naming another program's SQLite file is
// a usage error, and the file is left as it was.
func TestForeignDatabaseRefused(t *testing.T) {
	h := newHarness(t)
	os.MkdirAll(filepath.Dir(h.db), 0o755)
	db, err := sql.Open("sqlite", h.db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(h.db)
	in := writeFile(t, t.TempDir(), "a.txt", goodText)
	for _, args := range [][]string{{"add", in}, {"archive", "list"}, {"briefing"}} {
		code, _, errs := h.run("", args...)
		if code != exitUsage || !strings.Contains(errs, "not a brief archive (it has tables contacts)") {
			t.Errorf("brief %s: exit %d, stderr %q", strings.Join(args, " "), code, errs)
		}
	}
	if after, _ := os.ReadFile(h.db); !bytes.Equal(before, after) {
		t.Error("the foreign database changed")
	}
	if _, err := os.Stat(h.db + "-wal"); err == nil {
		t.Error("a -wal file appeared beside the foreign database")
	}
}
