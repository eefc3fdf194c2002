package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemps fails the test when a temporary output file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestOutputFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", goodText)
	for _, tt := range []struct {
		args   []string
		file   string
		prefix string
	}{
		{[]string{"briefing"}, "today.pdf", "%PDF-"},
		{[]string{"briefing"}, "today.HTML", "<!DOCTYPE html>"},
		{[]string{"briefing"}, "today.json", "{"},
		{[]string{"briefing"}, "today.md", "# Daily briefing"},
		{[]string{"briefing"}, "today.txt", "# Daily briefing"}, // no format of its own: md
		{[]string{"summarize"}, "digests.json", "["},
		{[]string{"summarize"}, "digests.jsonl", `{"id"`},
		{[]string{"summarize"}, "digests.md", "## Port expansion"},
		{[]string{"summarize"}, "digests.out", `{"id"`}, // a file is not a terminal: jsonl
		{[]string{"extract"}, "text.jsonl", `{"id"`},
	} {
		t.Run(tt.file, func(t *testing.T) {
			dst := filepath.Join(dir, tt.file)
			_, errs, code := brief(t, "", append(tt.args, in, "-o", dst)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if got := readFile(t, dst); !strings.HasPrefix(got, tt.prefix) {
				t.Errorf("%s starts %.40q, want %q", tt.file, got, tt.prefix)
			}
		})
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"briefing", "-f", "pdf", "-o", "x.md"}, "brief: -f pdf conflicts with -o x.md (.md is md)"},
		{[]string{"briefing", "-f", "md", "-o", "x.pdf"}, "brief: -f md conflicts with -o x.pdf (.pdf is pdf)"},
		{[]string{"briefing", "-o", "x.jsonl"}, "brief: -o x.jsonl: a briefing is md, html, json or pdf"},
		{[]string{"summarize", "-f", "jsonl", "-o", "x.json"}, "brief: -f jsonl conflicts with -o x.json (.json is json)"},
		{[]string{"summarize", "-o", "x.pdf"}, "brief: -o x.pdf: this command writes md, json, jsonl"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			wd := t.TempDir()
			t.Chdir(wd)
			_, errs, code := brief(t, "", append(tt.args, in)...)
			if code != exitUsage || strings.TrimSpace(errs) != tt.want {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errs, exitUsage, tt.want)
			}
			if ents, _ := os.ReadDir(wd); len(ents) > 0 {
				t.Errorf("a usage error wrote %s", ents[0].Name())
			}
		})
	}
}

// TestNoStoriesWritesNothing: when every input failed, a briefing of no
// stories is not written (an old file stays as it was), the exit code is 1
// and stderr says why; --allow-empty writes it anyway.
func TestNoStoriesWritesNothing(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.html")
	empty := writeFile(t, dir, "empty.txt", "")
	dst := filepath.Join(dir, "today.md")
	_, errs, code := brief(t, "", "briefing", missing, empty, "-o", dst)
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	if !strings.HasSuffix(errs, "brief: no stories: every input failed\n") {
		t.Errorf("stderr does not end with the reason:\n%s", errs)
	}
	if _, err := os.Stat(dst); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s was written (%v)", dst, err)
	}
	writeFile(t, dir, "today.md", "yesterday's briefing\n")
	brief(t, "", "briefing", missing, "-o", dst)
	if got := readFile(t, dst); got != "yesterday's briefing\n" {
		t.Errorf("the old briefing was replaced by %.80q", got)
	}
	_, errs, code = brief(t, "", "briefing", missing, "-o", dst, "--allow-empty")
	if code != exitPartial || !strings.Contains(readFile(t, dst), "# Daily briefing") {
		t.Errorf("--allow-empty: exit %d, file %.80q; stderr %s", code, readFile(t, dst), errs)
	}
	// summarize -o: no file when nothing came out.
	out := filepath.Join(dir, "digests.jsonl")
	if _, _, code := brief(t, "", "summarize", missing, "-o", out); code != exitPartial {
		t.Errorf("summarize: exit %d, want %d", code, exitPartial)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("summarize wrote %s though every input failed", out)
	}
	// The archive of an empty day.
	h := newHarness(t)
	writeTestFile(t, h.db+".keep", "")
	h.mustRun(0, "", "add", writeFile(t, dir, "a.txt", goodText))
	code, _, errs = h.run("", "briefing", "--date", "2026-01-01", "-o", filepath.Join(dir, "jan.md"))
	if code != exitPartial || !strings.Contains(errs, "brief: no stories: the archive has no articles for 2026-01-01") {
		t.Errorf("empty day: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "jan.md")); err == nil {
		t.Error("empty day: a briefing was written")
	}
	noTemps(t, dir)
}

func TestOutputTargets(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", goodText)

	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe.md")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip(err)
		}
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- err.Error()
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- string(b)
		}()
		_, errs, code := brief(t, "", "briefing", in, "-o", fifo)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if s := <-got; !strings.Contains(s, "# Daily briefing") {
			t.Errorf("the reader got %.80q", s)
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
		}
		noTemps(t, filepath.Dir(fifo))
	})

	t.Run("dev null", func(t *testing.T) {
		_, errs, code := brief(t, "", "briefing", in, "-f", "pdf", "-o", "/dev/null")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("/dev/null is no longer a device: %v %v", fi.Mode(), err)
		}
		noTemps(t, "/dev")
	})

	t.Run("dev stdout", func(t *testing.T) {
		out, errs, code := brief(t, "", "briefing", in, "-o", "/dev/stdout")
		if code != 0 || !strings.HasPrefix(out, "# Daily briefing") {
			t.Errorf("exit %d, stdout %.60q: %s", code, out, errs)
		}
	})

	t.Run("symlink", func(t *testing.T) {
		d := t.TempDir()
		real := writeFile(t, d, "real.md", "old\n")
		os.Chmod(real, 0o640)
		link := filepath.Join(d, "link.md")
		if err := os.Symlink("real.md", link); err != nil {
			t.Fatal(err)
		}
		dangling := filepath.Join(d, "new.md")
		if err := os.Symlink(filepath.Join(d, "sub", "..", "target.md"), dangling); err != nil {
			t.Fatal(err)
		}
		os.Mkdir(filepath.Join(d, "sub"), 0o755)
		for _, p := range []string{link, dangling} {
			if _, errs, code := brief(t, "", "briefing", in, "-o", p); code != 0 {
				t.Fatalf("-o %s: exit %d: %s", p, code, errs)
			}
			if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Errorf("%s is no longer a symlink", p)
			}
		}
		if got := readFile(t, real); !strings.HasPrefix(got, "# Daily briefing") {
			t.Errorf("the link's target holds %.40q", got)
		}
		if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
			t.Errorf("the target's mode became %v, want 0640", fi.Mode().Perm())
		}
		if got := readFile(t, filepath.Join(d, "target.md")); !strings.HasPrefix(got, "# Daily briefing") {
			t.Errorf("the dangling link's target holds %.40q", got)
		}
		noTemps(t, d)
	})

	t.Run("new directory", func(t *testing.T) {
		d := filepath.Join(t.TempDir(), "briefings", "desk") + "/"
		t.Setenv("SOURCE_DATE_EPOCH", fmt.Sprint(time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC).Unix()))
		_, errs, code := brief(t, "", "briefing", in, "--tz", "UTC", "-f", "md", "-f", "json", "-o", d)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, f := range []string{"briefing-2026-03-10.md", "briefing-2026-03-10.json"} {
			if _, err := os.Stat(filepath.Join(d, f)); err != nil {
				t.Error(err)
			}
		}
	})

	t.Run("missing parent", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "nowhere", "today.pdf")
		_, errs, code := brief(t, "", "briefing", in, "-o", p)
		want := fmt.Sprintf("brief: -o %s: directory %s does not exist\n", p, filepath.Dir(p))
		if code != exitUsage || errs != want {
			t.Errorf("exit %d, stderr %q; want %d, %q", code, errs, exitUsage, want)
		}
	})
}

// TestOutputFileModes runs brief with umask 077, as cron may: a new file
// is 0600; a file already there keeps its mode (and, as root, its owner).
func TestOutputFileModes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", goodText)
	runUmask := func(args ...string) {
		t.Helper()
		cmd := childCmd(t, args...)
		cmd.Path = "/bin/sh"
		cmd.Args = append([]string{"sh", "-c", `umask 077 && exec "$0" "$@"`, os.Args[0]}, args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("brief %v: %v\n%s", args, err, out)
		}
	}
	fresh := filepath.Join(dir, "fresh.md")
	runUmask("briefing", in, "-o", fresh)
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("new file: mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	kept := writeFile(t, dir, "kept.md", "old\n")
	os.Chmod(kept, 0o640)
	wantUID := os.Getuid()
	if os.Geteuid() == 0 {
		wantUID = 4321
		os.Chown(kept, wantUID, 4321)
	}
	runUmask("briefing", in, "-o", kept)
	fi, err := os.Stat(kept)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("existing file: mode %v, want 0640 kept", fi.Mode().Perm())
	}
	if st := fi.Sys().(*syscall.Stat_t); int(st.Uid) != wantUID {
		t.Errorf("existing file: owner %d, want %d kept", st.Uid, wantUID)
	}
	private := writeFile(t, dir, "private.md", "old\n")
	os.Chmod(private, 0o600)
	_, errs, code := brief(t, "", "briefing", in, "-o", private) // the test's own umask
	if code != 0 {
		t.Fatal(errs)
	}
	if fi, _ := os.Stat(private); fi.Mode().Perm() != 0o600 {
		t.Errorf("a 0600 briefing became %v", fi.Mode().Perm())
	}
	noTemps(t, dir)
}

// openPTY opens a pseudo-terminal pair, so tests can give brief a
// terminal.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Skipf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Skipf("ptsname: %v", e)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open pts: %v", err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// TestTerminal: a PDF is never poured onto a terminal, and a run on a
// terminal says what it wrote.
func TestTerminal(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", goodText)
	master, tty := openPTY(t)
	var screen bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&screen, master)
		close(done)
	}()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var errb bytes.Buffer
	code := run(context.Background(), []string{"brief", "briefing", in, "-f", "pdf"}, strings.NewReader(""), tty, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "not writing a PDF to a terminal") {
		t.Errorf("-f pdf to a terminal: exit %d, stderr %q", code, errb.String())
	}
	var outb bytes.Buffer
	dst := filepath.Join(dir, "today.pdf")
	code = run(context.Background(), []string{"brief", "briefing", in, "-o", dst}, strings.NewReader(""), &outb, tty)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	digests := filepath.Join(dir, "digests.jsonl")
	if code := run(context.Background(), []string{"brief", "summarize", in, "-o", digests}, strings.NewReader(""), &outb, tty); code != 0 {
		t.Fatalf("summarize: exit %d", code)
	}
	// -o naming the terminal gets the terminal's format (Markdown), as
	// stdout on a terminal does, not the JSON Lines of a file.
	if code := run(context.Background(), []string{"brief", "summarize", in, "-o", tty.Name()}, strings.NewReader(""), &outb, &errb); code != 0 {
		t.Fatalf("summarize -o %s: exit %d: %s", tty.Name(), code, errb.String())
	}
	// With the terminal's side closed, reading the master ends (EIO) once
	// everything written is read.
	tty.Close()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the terminal's output never ended")
	}
	got := strings.ReplaceAll(screen.String(), "\r", "")
	if strings.Contains(got, "%PDF") {
		t.Error("PDF bytes reached the terminal")
	}
	if !strings.Contains(got, "\n## Port expansion approved in Mombasa") || strings.Contains(got, `{"id"`) {
		t.Errorf("summarize -o TTY wrote %q, want Markdown", got)
	}
	for _, want := range []string{fmt.Sprintf("brief: wrote %s: 1 story, 1 page\n", dst), fmt.Sprintf("brief: wrote %s: 1 digest\n", digests)} {
		if !strings.Contains(got, want) {
			t.Errorf("terminal shows %q, want %q", got, want)
		}
	}
}

// TestNoStoriesMailsNothing: when every input failed, brief does not even
// connect to the SMTP server.
func TestNoStoriesMailsNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	defer ln.Close()
	var conns atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	missing := filepath.Join(t.TempDir(), "missing.html")
	_, errs, code := brief(t, "", "briefing", missing, "--mail-to", "desk@example.org",
		"--smtp-url", "smtp://"+ln.Addr().String(), "--smtp-insecure")
	if code != exitPartial || !strings.Contains(errs, "no stories: every input failed") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("%d connections to the SMTP server for an empty briefing", n)
	}
	// --allow-empty mails it (here: tries to, and the server hangs up).
	brief(t, "", "briefing", missing, "--mail-to", "desk@example.org",
		"--smtp-url", "smtp://"+ln.Addr().String(), "--smtp-insecure", "--allow-empty")
	if conns.Load() == 0 {
		t.Error("--allow-empty did not try to mail the briefing")
	}
}

// TestUnwritableOutputRefusedFirst: -o into a directory brief cannot
// write in (a file in it, the directory itself for -o DIR/, or a
// directory to be created under it) is a usage error before any input
// is read, naming the directory and not a temporary file. Run as root,
// the check runs as nobody (root may write anywhere).
func TestUnwritableOutputRefusedFirst(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	base, err := os.MkdirTemp("", "brief-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(base, "ro"), 0o755); os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	ro := filepath.Join(base, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	in := writeFile(t, base, "a.txt", goodText)
	os.Chmod(in, 0o644)
	bin := os.Args[0]
	asNobody := os.Geteuid() == 0
	if asNobody {
		// The test binary's own directory is root's: nobody runs a copy.
		raw, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(base, "brief.test")
		if err := os.WriteFile(bin, raw, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"briefing", in, "-o", filepath.Join(ro, "x.md")}, "cannot write in directory " + ro},
		{[]string{"briefing", in, "-o", ro + "/"}, "cannot write in directory " + ro},
		{[]string{"briefing", in, "-o", filepath.Join(ro, "sub") + "/"}, "cannot write in directory " + ro},
		{[]string{"summarize", in, "-o", filepath.Join(ro, "x.jsonl")}, "cannot write in directory " + ro},
		{[]string{"extract", in, "-o", filepath.Join(ro, "x.jsonl")}, "cannot write in directory " + ro},
	} {
		cmd := exec.Command(bin, tt.args...)
		cmd.Env = append(os.Environ(), "BRIEF_TEST_MAIN=1", "HOME="+base, "XDG_DATA_HOME="+base, "XDG_CONFIG_HOME="+base)
		if asNobody {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitUsage {
			t.Errorf("brief %s: %v, want exit %d; stderr: %s", strings.Join(tt.args, " "), err, exitUsage, errb.String())
		}
		if errs := errb.String(); !strings.Contains(errs, tt.want) || strings.Contains(errs, ".tmp-") || strings.Count(errs, "\n") != 1 {
			t.Errorf("brief %s: stderr %q, want one line with %q", strings.Join(tt.args, " "), errs, tt.want)
		}
	}
}

// TestOutputNeverReplacesWhatItReads: -o naming the archive (also through
// a symlink) or one of the input files is a usage error, and the file is
// left as it was: brief archive export -o brief.db used to replace the
// database with its own export.
func TestOutputNeverReplacesWhatItReads(t *testing.T) {
	h := newHarness(t)
	story := writeTestFile(t, filepath.Join(h.dir, "story.txt"), goodText)
	h.mustRun(0, "", "add", story)
	link := filepath.Join(h.dir, "db-link")
	if err := os.Symlink(h.db, link); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(h.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"archive", "export", "-o", h.db}, "it is the archive"},
		{[]string{"archive", "export", "-o", link}, "it is the archive"},
		{[]string{"summarize", "--save", story, "-o", link}, "it is the archive"},
		{[]string{"summarize", story, "-o", story}, "it is also an input"},
		{[]string{"extract", story, "-o", story}, "it is also an input"},
		{[]string{"briefing", story, "-f", "md", "-o", story}, "it is also an input"},
	} {
		code, out, errs := h.run("", tt.args...)
		if code != exitUsage || !strings.Contains(errs, tt.want) || out != "" {
			t.Errorf("brief %s: exit %d, stderr %q; want %d and %q", strings.Join(tt.args, " "), code, errs, exitUsage, tt.want)
		}
	}
	if after, _ := os.ReadFile(h.db); !bytes.Equal(before, after) {
		t.Error("the archive changed")
	}
	if got, _ := os.ReadFile(story); string(got) != goodText {
		t.Error("the input changed")
	}
	h.mustRun(0, "", "archive", "list") // still an archive
}

// TestOutputLongName: -o with a name near the 255-byte limit is written
// (its temporary file's name is shortened to fit), and leaves no
// temporary file behind.
func TestOutputLongName(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", goodText)
	for _, n := range []int{240, 252} {
		out := filepath.Join(dir, strings.Repeat("é", n/2-2)+".md") // two bytes a letter
		if _, errs, code := brief(t, "", "briefing", in, "-o", out); code != 0 {
			t.Errorf("-o a %d-byte name: exit %d: %s", len(filepath.Base(out)), code, errs)
		}
		if _, err := os.Stat(out); err != nil {
			t.Errorf("-o a %d-byte name: %v", len(filepath.Base(out)), err)
		}
	}
	noTemps(t, dir)
}

// TestStdinTerminalHint: "-" read from a terminal says how to end the
// input; from a pipe it says nothing.
func TestStdinTerminalHint(t *testing.T) {
	master, tty := openPTY(t)
	go io.Copy(io.Discard, master) // the terminal's echo
	// A line, then Ctrl-D at the start of the next: end of input.
	if _, err := master.Write([]byte(strings.ReplaceAll(goodText, "\n", " ") + "\n\x04")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"brief", "extract", "-f", "jsonl", "-"}, tty, &out, &errb)
	const hint = "brief: reading stdin (an article, URLs one a line, or JSONL); end with Ctrl-D\n"
	if code != 0 || errb.String() != hint || !strings.Contains(out.String(), "Mombasa") {
		t.Errorf("stdin on a terminal: exit %d, stderr %q, stdout %.80q; want 0, the hint and the article", code, errb.String(), out.String())
	}
	if _, errs, _ := brief(t, goodText, "extract", "-f", "jsonl", "-"); strings.Contains(errs, "Ctrl-D") {
		t.Errorf("stdin from a pipe: stderr %q has the hint", errs)
	}
}
