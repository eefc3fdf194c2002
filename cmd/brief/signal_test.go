package main

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/brief-news/brief/internal/store"
)

// TestAddKilledMidway starts brief add as a real process, stops it with
// SIGINT, SIGTERM or SIGKILL after a few articles, and checks the archive: sound,
// every reported article present with its digest, nothing half-written.
func TestAddKilledMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := articleDir(t, 400, []string{"Kenya", "Japan", "Germany", "Brazil"})
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "brief.db")
			cmd := exec.Command(os.Args[0], "--db", db, "add", "-j", "2", dir)
			cmd.Env = append(os.Environ(), "BRIEF_TEST_MAIN=1", "HOME="+t.TempDir())
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stdout)
			printed := 0
			for sc.Scan() {
				printed++
				if printed == 10 {
					cmd.Process.Signal(sig)
				}
			}
			err = cmd.Wait()
			var ee *exec.ExitError
			switch {
			case !errors.As(err, &ee):
				t.Fatalf("brief add ended with %v, want it stopped by %v", err, sig)
			case sig != syscall.SIGKILL && ee.ExitCode() != exitCanceled:
				t.Errorf("after %v: exit %d, want %d", sig, ee.ExitCode(), exitCanceled)
			}
			if printed >= 400 {
				t.Skip("brief add finished before the signal landed")
			}
			st, err := store.Open(context.Background(), db, store.Options{})
			if err != nil {
				t.Fatalf("reopen after %v: %v", sig, err)
			}
			defer st.Close()
			if err := st.Check(context.Background()); err != nil {
				t.Error(err)
			}
			rows, err := st.List(context.Background(), store.Query{})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if r.Digest == nil || len(r.Article.Paragraphs) == 0 {
					t.Errorf("article %d is half-written: digest %v, %d paragraphs", r.ID, r.Digest, len(r.Article.Paragraphs))
				}
			}
			// Every printed article was committed first; after SIGKILL a
			// committed article's line may not have been printed yet.
			if len(rows) < printed || (sig != syscall.SIGKILL && len(rows) != printed) {
				t.Errorf("after %v: %d lines printed, %d articles archived", sig, printed, len(rows))
			}
			// Re-running the add completes the archive.
			again := exec.Command(os.Args[0], "--db", db, "add", dir)
			again.Env = cmd.Env
			if out, err := again.CombinedOutput(); err != nil {
				t.Fatalf("add after %v: %v\n%s", sig, err, out)
			}
			if rows, _ = st.List(context.Background(), store.Query{}); len(rows) != 400 {
				t.Errorf("after re-running add: %d articles, want 400", len(rows))
			}
		})
	}
}
