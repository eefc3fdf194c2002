package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/term"
)

// tempFiles are the temporary output files of a run, so that an
// interrupted process can remove them before it exits. A nil *tempFiles
// tracks nothing.
type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *tempFiles) add(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[name] = true
}

func (t *tempFiles) drop(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

// removeAll removes every temporary file still there.
func (t *tempFiles) removeAll() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for name := range t.names {
		os.Remove(name)
		delete(t.names, name)
	}
}

// outputTarget is where -o PATH writes.
type outputTarget struct {
	// path is the file written: PATH, or where its symlinks lead.
	path string
	// direct: a FIFO, device or /dev/stdout, opened and written as it is
	// rather than replaced.
	direct bool
	// std is stdout or stderr itself when PATH names it (/dev/stdout).
	std io.Writer
}

// resolveOutput works out what writing to path means, before any work is
// done, so that a bad -o is reported at once: a directory, or a missing
// parent directory, is a usage error.
func (e *env) resolveOutput(path string) (outputTarget, error) {
	switch filepath.Clean(path) {
	case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return outputTarget{path: path, direct: true, std: e.stdout}, nil
	case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
		return outputTarget{path: path, direct: true, std: e.stderr}, nil
	}
	p := path
	for range 40 { // symlink hops, as the kernel allows
		fi, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			dir := filepath.Dir(p)
			st, derr := os.Stat(dir)
			if derr != nil || !st.IsDir() {
				return outputTarget{}, usagef("-o %s: directory %s does not exist", path, dir)
			}
			if err := writableDir(dir); err != nil {
				return outputTarget{}, usagef("-o %s: %v", path, err)
			}
			return outputTarget{path: p}, nil
		case err != nil:
			return outputTarget{}, fmt.Errorf("output %s: %w", path, err)
		case fi.Mode()&fs.ModeSymlink != 0:
			// Write through the link to its target, which may not exist yet.
			l, err := os.Readlink(p)
			if err != nil {
				return outputTarget{}, fmt.Errorf("output %s: %w", path, err)
			}
			if !filepath.IsAbs(l) {
				l = filepath.Join(filepath.Dir(p), l)
			}
			p = l
			continue
		case fi.IsDir():
			return outputTarget{}, usagef("-o %s is a directory", path)
		case fi.Mode().IsRegular():
			if strings.HasPrefix(p, "/proc/") || strings.HasPrefix(p, "/dev/") {
				return outputTarget{path: p, direct: true}, nil
			}
			// The file is replaced by a new one beside it (see
			// writeTarget): its directory must take one.
			if err := writableDir(filepath.Dir(p)); err != nil {
				return outputTarget{}, usagef("-o %s: %v", path, err)
			}
			return outputTarget{path: p}, nil
		default: // FIFO, character or block device, socket
			return outputTarget{path: p, direct: true}, nil
		}
	}
	return outputTarget{}, usagef("-o %s: too many levels of symbolic links", path)
}

// writableDir reports a directory in which brief cannot create its
// output file (permissions, a read-only file system), so that -o says so
// before any work rather than after it.
func writableDir(dir string) error {
	if err := syscall.Access(dir, 2 /* W_OK */); err != nil {
		return fmt.Errorf("cannot write in directory %s: %w", dir, err)
	}
	return nil
}

// isTerminal reports whether writing to the target would reach a
// terminal.
func (t outputTarget) isTerminal() bool {
	if t.std != nil {
		return isTerminal(t.std)
	}
	return t.direct && isTerminalPath(t.path)
}

// withOutput runs write against stdout when path is "" or "-", else
// against the -o target (see writeTarget).
func (e *env) withOutput(path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(e.stdout)
	}
	t, err := e.resolveOutput(path)
	if err != nil {
		return err
	}
	return e.writeTarget(t, write)
}

// writeTarget runs write against t. A FIFO, device or /dev/stdout is
// opened and written as it is. A regular file is written to a temporary
// file in the same directory, renamed over it only when write succeeds,
// so a reader never sees a partial file (nor one from a run where every
// input failed); the new file gets the old one's
// mode (and owner, when run as root), or 0666 less the umask. A
// partialError from write still keeps the file.
func (e *env) writeTarget(t outputTarget, write func(io.Writer) error) error {
	if t.std != nil {
		return write(t.std)
	}
	if t.direct {
		flag := os.O_WRONLY
		if fi, err := os.Stat(t.path); err == nil && fi.Mode().IsRegular() {
			flag |= os.O_APPEND // a file behind /proc/self/fd/N: add, never truncate
		}
		f, err := os.OpenFile(t.path, flag, 0)
		if err != nil {
			return fmt.Errorf("open output %s: %w", t.path, err)
		}
		werr := write(f)
		if cerr := f.Close(); werr == nil && cerr != nil {
			werr = fmt.Errorf("write %s: %w", t.path, cerr)
		}
		return werr
	}
	perm := fs.FileMode(0o666)
	old, err := os.Stat(t.path)
	if err == nil {
		perm = old.Mode().Perm()
	} else {
		old = nil
	}
	f, err := createTemp(t.path, perm)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the temporary file's name would only puzzle
		}
		return fmt.Errorf("create output %s: %w", t.path, err)
	}
	tmp := f.Name()
	e.temps.add(tmp)
	defer func() {
		os.Remove(tmp)
		e.temps.drop(tmp)
	}()
	werr := write(f)
	if cerr := f.Close(); werr == nil && cerr != nil {
		werr = fmt.Errorf("write %s: %w", t.path, cerr)
	}
	if werr != nil {
		if pe, ok := werr.(partialError); !ok || pe.failed == pe.total {
			return werr // nothing, or nothing but failures: no file
		}
	}
	if old != nil {
		if err := os.Chmod(tmp, perm); err != nil {
			return fmt.Errorf("write %s: %w", t.path, err)
		}
		if st, ok := old.Sys().(*syscall.Stat_t); ok && os.Geteuid() == 0 {
			// Root replacing someone's file leaves it theirs.
			os.Lchown(tmp, int(st.Uid), int(st.Gid))
		}
	}
	if err := os.Rename(tmp, t.path); err != nil {
		return fmt.Errorf("write %s: %w", t.path, err)
	}
	return werr
}

// createTemp creates a new file beside path, named .BASE.tmp-RANDOM, with
// mode perm less the umask (os.CreateTemp would make it 0600). BASE is
// shortened when the name would pass the file system's 255 bytes, which
// path itself may come close to.
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(path)
	const nameMax, extra = 255, len(".") + len(".tmp-") + 12
	if len(base) > nameMax-extra {
		base = strings.ToValidUTF8(base[:nameMax-extra], "")
	}
	for range 100 {
		var b [6]byte
		rand.Read(b[:])
		name := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("create temporary file in %s: too many collisions", dir)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w any) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}
