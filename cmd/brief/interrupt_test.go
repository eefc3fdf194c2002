package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/store"
)

// childCmd returns brief as a child process (see TestMain) with a home of
// its own.
func childCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BRIEF_TEST_MAIN=1", "HOME="+home, "XDG_DATA_HOME="+home, "XDG_CONFIG_HOME="+home)
	return cmd
}

// signalAfterLines starts cmd, waits until its stderr has shown n lines
// containing mark, sends sig, and returns cmd.Wait's error and stderr.
func signalAfterLines(t *testing.T, cmd *exec.Cmd, mark string, n int, sig syscall.Signal) (error, string) {
	t.Helper()
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var errb strings.Builder
	sc := bufio.NewScanner(pipe)
	seen, sent := 0, false
	for sc.Scan() {
		errb.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), mark) {
			seen++
		}
		if seen >= n && !sent {
			cmd.Process.Signal(sig)
			sent = true
		}
	}
	err = cmd.Wait()
	if !sent {
		t.Skipf("the command ended before %d lines with %q:\n%s", n, mark, errb.String())
	}
	return err, errb.String()
}

// TestInterruptLeavesNoPartialOutput stops brief briefing -o and brief
// summarize -o with SIGINT and SIGTERM while they process inputs: exit
// code 130, the file at -o is absent (or, when one was there, untouched),
// and no temporary file is left beside it.
func TestInterruptLeavesNoPartialOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	inputs := articleDir(t, 300, []string{"Kenya", "Japan", "Germany", "Brazil"})
	for _, tt := range []struct {
		name, file string
		args       []string
		old        bool // a file is at -o already
	}{
		{"briefing md", "briefing.md", []string{"briefing", "-f", "md"}, false},
		{"briefing pdf over an old file", "briefing.pdf", []string{"briefing", "-f", "pdf"}, true},
		{"summarize jsonl", "digests.jsonl", []string{"summarize", "-f", "jsonl"}, false},
		{"summarize json over an old file", "digests.json", []string{"summarize", "-f", "json"}, true},
	} {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			t.Run(tt.name+" "+sig.String(), func(t *testing.T) {
				dir := t.TempDir()
				dst := filepath.Join(dir, tt.file)
				const oldContent = "yesterday's complete output\n"
				if tt.old {
					writeTestFile(t, dst, oldContent)
				}
				args := append([]string{"-v"}, tt.args...)
				cmd := childCmd(t, append(args, "-j", "1", "-o", dst, inputs)...)
				err, errs := signalAfterLines(t, cmd, "msg=summarize", 20, sig)
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != exitCanceled {
					t.Errorf("after %v: %v, want exit code %d\n%s", sig, err, exitCanceled, tail(errs, 5))
				}
				got, rerr := os.ReadFile(dst)
				switch {
				case tt.old && string(got) != oldContent:
					t.Errorf("the file at -o was changed by the interrupted run: %.80q", got)
				case !tt.old && rerr == nil:
					t.Errorf("the interrupted run left %s (%d bytes)", dst, len(got))
				}
				ents, _ := os.ReadDir(dir)
				for _, e := range ents {
					if e.Name() != tt.file {
						t.Errorf("left behind: %s", e.Name())
					}
				}
			})
		}
	}
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// exportFile writes an archive export of n articles of about 6 KB each,
// written for this test, and returns its path.
func exportFile(t *testing.T, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "export.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.Encode(map[string]any{"kind": "brief-archive", "version": store.ExportVersion})
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	filler := strings.Repeat("The council debated the harbour budget for another hour without a vote. ", 80)
	for i := range n {
		url := fmt.Sprintf("https://archive.example/%d", i)
		enc.Encode(map[string]any{
			"kind": "article", "id": i + 1, "source": url, "added": at, "updated": at,
			"article": map[string]any{"id": url, "url": url, "title": fmt.Sprintf("Budget session %d", i),
				"published": at, "paragraphs": []string{fmt.Sprintf("Session %d opened at nine.", i), filler}},
			"digests": []map[string]any{{"backend": "extractive", "model": "", "created": at,
				"digest": map[string]any{"takeaways": []string{fmt.Sprintf("Session %d opened at nine.", i)}, "region": "Europe", "backend": "extractive"}}},
		})
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportKilledMidWrite kills brief archive import with SIGKILL as the
// database and its write-ahead log pass 1, 4 and 7 MB (of about 10). Each
// time the database opens, passes PRAGMA integrity_check (store.Check),
// and holds whole batches only: import commits 500 articles at a time, so
// the count is a multiple of 500. Importing again completes the archive.
func TestImportKilledMidWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	const n = 1500
	export := exportFile(t, n)
	size := func(p string) int64 {
		fi, err := os.Stat(p)
		if err != nil {
			return 0
		}
		return fi.Size()
	}
	for _, mb := range []int64{1, 4, 7} {
		t.Run(fmt.Sprintf("at %d MB", mb), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "brief.db")
			cmd := childCmd(t, "--db", db, "archive", "import", export)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			for size(db)+size(db+"-wal") < mb<<20 {
				select {
				case err := <-done:
					t.Skipf("import ended before the files reached %d MB: %v\n%s", mb, err, errb.String())
				case <-time.After(time.Millisecond):
				}
			}
			cmd.Process.Kill()
			if err := <-done; err == nil {
				t.Skip("import finished before the kill landed")
			}
			st, err := store.Open(context.Background(), db, store.Options{})
			if err != nil {
				t.Fatalf("open after SIGKILL: %v", err)
			}
			defer st.Close()
			if err := st.Check(context.Background()); err != nil {
				t.Errorf("after SIGKILL: %v", err)
			}
			rows, err := st.List(context.Background(), store.Query{})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("killed at %d MB: %d articles archived", mb, len(rows))
			if len(rows)%500 != 0 || len(rows) == n {
				t.Errorf("after SIGKILL the archive holds %d articles, want a multiple of 500 below %d", len(rows), n)
			}
			for _, r := range rows {
				if r.Digest == nil || len(r.Article.Paragraphs) != 2 {
					t.Errorf("article %d is half-written: digest %v, %d paragraphs", r.ID, r.Digest, len(r.Article.Paragraphs))
					break
				}
			}
			st.Close()
			again := childCmd(t, "--db", db, "archive", "import", export)
			if out, err := again.CombinedOutput(); err != nil {
				t.Fatalf("import after SIGKILL: %v\n%s", err, out)
			}
			st2, err := store.Open(context.Background(), db, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st2.Close()
			if rows, _ := st2.List(context.Background(), store.Query{}); len(rows) != n {
				t.Errorf("after importing again: %d articles, want %d", len(rows), n)
			}
		})
	}
}
