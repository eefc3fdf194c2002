package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/internal/store"
)

// FuzzImport feeds arbitrary bytes to Import: it must never panic, and
// whatever it accepts must leave a sound archive that exports and
// re-imports to the same export.
func FuzzImport(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "export.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"kind":"article","article":{"paragraphs":[]}}`))
	f.Add([]byte("{\"kind\":\"skipped\",\"source\":\"\\u0000\"}\n{}"))
	dir := f.TempDir()
	n := 0
	f.Fuzz(func(t *testing.T, in []byte) {
		n++
		ctx := context.Background()
		s, err := store.Open(ctx, filepath.Join(dir, "fuzz"+string(rune('a'+n%26))+".db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer func() {
			path := s.Path()
			s.Close()
			os.Remove(path)
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
		}()
		if _, err := s.Import(ctx, bytes.NewReader(in)); err != nil {
			return
		}
		if err := s.Check(ctx); err != nil {
			t.Fatal(err)
		}
		var first bytes.Buffer
		if err := s.Export(ctx, &first); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(ctx, bytes.NewReader(first.Bytes())); err != nil {
			t.Fatalf("re-import of an export: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := s.Export(ctx, &second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("re-importing an export changed it:\n%s\n%s", first.Bytes(), second.Bytes())
		}
	})
}

// FuzzNormalizeLink checks that NormalizeLink never panics and is
// idempotent, so a stored key normalizes to itself.
func FuzzNormalizeLink(f *testing.F) {
	for _, s := range []string{"https://Example.com/a?utm_source=x#f", "http://[::1]:80/", "mailto:x@y", "", "https://e.com/?a=1&a=2&fbclid=3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		once := store.NormalizeLink(in)
		if twice := store.NormalizeLink(once); twice != once {
			t.Errorf("NormalizeLink(%q) = %q, but NormalizeLink of that = %q", in, once, twice)
		}
	})
}
