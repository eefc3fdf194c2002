package article_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
)

func mkdirs(tb testing.TB, dirs ...string) {
	tb.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestExpandDirectoryTree: a directory is read recursively, leaving out
// hidden files and directories, FIFOs, brief's own outputs and symlinks
// that lead outside it (unless FollowSymlinks).
func TestExpandDirectoryTree(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "drop")
	secret := filepath.Join(root, "secret.txt")
	writeFile(t, secret, []byte("The launch codes are in the blue folder.\n\nDo not share them."))
	mkdirs(t, filepath.Join(dir, "articles", "2026"), filepath.Join(dir, ".git"), filepath.Join(dir, "out"))
	writeFile(t, filepath.Join(dir, "top.html"), []byte(sampleHTML))
	writeFile(t, filepath.Join(dir, "articles", "2026", "deep.txt"), []byte("A text article.\n\nIts second paragraph."))
	writeFile(t, filepath.Join(dir, ".git", "note.txt"), []byte("A hidden note.\n\nNot an article."))
	writeFile(t, filepath.Join(dir, "articles", ".draft.html"), []byte(sampleHTML))
	// brief's own outputs.
	writeFile(t, filepath.Join(dir, "briefing.md"), []byte("# Daily briefing\n\nbody"))
	writeFile(t, filepath.Join(dir, "out", "briefing-2026-11-25.html"), []byte(sampleHTML))
	writeFile(t, filepath.Join(dir, "out", "desk.md"), []byte("# Asia desk\n\n*Wednesday*\n\n## At a glance\n\n1 story"))
	writeFile(t, filepath.Join(dir, "out", "digests.jsonl"), []byte(`{"id":"x","url":"","title":"T","takeaways":["a"],"quotes":[],"backend":"extractive"}`+"\n"))
	writeFile(t, filepath.Join(dir, "out", "backup.jsonl"), []byte(`{"kind":"brief-archive","version":1}`+"\n"))
	// Links: one inside (kept), one outside (skipped), one to a directory.
	if err := os.Symlink(filepath.Join("articles", "2026", "deep.txt"), filepath.Join(dir, "inside.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "stuck.html")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}

	var warned []string
	l := &article.Loader{Warn: func(src, msg string) { warned = append(warned, src+": "+msg) }}
	done := make(chan []string, 1)
	go func() { done <- ids(l.Expand(context.Background(), []string{dir})) }()
	var got []string
	select {
	case got = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Expand blocked (on the FIFO?)")
	}
	want := []string{
		filepath.Join(dir, "articles", "2026", "deep.txt"),
		filepath.Join(dir, "inside.txt"),
		filepath.Join(dir, "top.html"),
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Expand(dir) =\n%q\nwant\n%q", got, want)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "notes.txt: skipped: a symlink to "+secret) {
		t.Errorf("warnings = %q, want one about notes.txt", warned)
	}

	l = &article.Loader{FollowSymlinks: true}
	got = ids(l.Expand(context.Background(), []string{dir}))
	if len(got) != 4 || got[2] != filepath.Join(dir, "notes.txt") {
		t.Errorf("with FollowSymlinks: %q, want notes.txt too", got)
	}
}

// TestJSONLFuturePublished: a published date far in the future is cleared
// with a warning, as for an HTML page.
func TestJSONLFuturePublished(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	var warned []string
	l := &article.Loader{Now: func() time.Time { return now }, Warn: func(src, msg string) { warned = append(warned, src+": "+msg) },
		Stdin: strings.NewReader(`{"id":"far","title":"T","text":"A paragraph of text.\n\nAnother one.","published":"9999-12-31T00:00:00Z"}
{"id":"near","title":"T","text":"A paragraph of text.\n\nAnother one.","published":"2026-11-26T06:00:00+01:00"}
`)}
	srcs := l.Expand(context.Background(), []string{"-"})
	if len(srcs) != 2 {
		t.Fatalf("%d sources, want 2", len(srcs))
	}
	a, err := l.Load(context.Background(), srcs[0])
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.IsZero() {
		t.Errorf("published = %v, want it cleared", a.Published)
	}
	if len(warned) != 1 || !strings.HasPrefix(warned[0], "far: published 9999-12-31T00:00:00Z is in the future") {
		t.Errorf("warnings = %q", warned)
	}
	b, _ := l.Load(context.Background(), srcs[1])
	if b.Published.IsZero() {
		t.Error("a date within a day of now was cleared")
	}
}
