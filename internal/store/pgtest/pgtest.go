// Package pgtest starts a throwaway PostgreSQL server for tests: Debian's
// postgresql package (initdb, pg_ctl) runs a cluster in a temporary
// directory that listens only on a Unix socket there, as the postgres
// user when the tests run as root, and is removed when the test binary
// ends. Each test gets a database of its own.
//
// When no server can be started the tests that need one skip, saying
// why; with the environment variable CI set they fail instead, so CI
// never passes without having run them.
//
// pgtest is for tests only; brief's commands never import it.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// server is the cluster of this test binary, started by the first test
// that asks for a database.
var (
	once    sync.Once
	srv     *server
	srvErr  error
	counter atomic.Int64
)

type server struct {
	bin  string // directory of initdb, pg_ctl
	dir  string // temporary directory: data/, the socket, the log
	cred *syscall.Credential
}

// Main runs the tests and then stops the server if one was started. Use
// it from TestMain: func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }.
func Main(m *testing.M) int {
	code := m.Run()
	if srv != nil {
		srv.stop()
	}
	return code
}

// URL returns the connection URL of a new, empty database on the test
// binary's server, starting the server on first use. Without a server it
// skips the test (fails it when the environment variable CI is set).
func URL(t testing.TB) string {
	t.Helper()
	once.Do(func() { srv, srvErr = start() })
	if srvErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL test server: %v (CI is set, so this fails instead of skipping)", srvErr)
		}
		t.Skipf("PostgreSQL tests skipped: %v (install Debian's postgresql package to run them)", srvErr)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), counter.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, srv.url("postgres"))
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name+" STRATEGY FILE_COPY"); err != nil {
		t.Fatalf("create test database %s: %v", name, err)
	}
	return srv.url(name)
}

// Available reports whether a server runs or can be started, starting it.
func Available() error {
	once.Do(func() { srv, srvErr = start() })
	return srvErr
}

func (s *server) url(db string) string {
	return (&url.URL{Scheme: "postgres", User: url.User("brief"), Path: "/" + db,
		RawQuery: url.Values{"host": {s.dir}, "sslmode": {"disable"}}.Encode()}).String()
}

// binDir finds the newest /usr/lib/postgresql/N/bin holding pg_ctl, else
// the directory of pg_ctl on PATH.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("no initdb/pg_ctl under /usr/lib/postgresql/*/bin or on PATH")
}

func start() (*server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	sweep(bin)
	// The socket path must stay under ~100 bytes: use /tmp, not a long
	// TMPDIR.
	dir, err := os.MkdirTemp("/tmp", "brief-pg-")
	if err != nil {
		return nil, fmt.Errorf("make server directory: %w", err)
	}
	s := &server{bin: bin, dir: dir}
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root.
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root and no postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("chown server directory: %w", err)
		}
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	data := filepath.Join(dir, "data")
	if err := s.run("initdb", "-D", data, "-U", "brief", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	opts := strings.Join([]string{"-k", dir, "-c", "listen_addresses=", "-c", "fsync=off",
		"-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"}, " ")
	if err := s.run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "-o", opts, "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%w; server log: %s", err, strings.TrimSpace(string(log)))
	}
	return s, nil
}

// sweep stops and removes the servers that test binaries killed before
// their cleanup left behind: directories over an hour old (no test runs
// that long).
func sweep(bin string) {
	dirs, _ := filepath.Glob("/tmp/brief-pg-*")
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || time.Since(fi.ModTime()) < time.Hour {
			continue
		}
		old := &server{bin: bin, dir: d}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && os.Geteuid() == 0 && st.Uid != 0 {
			old.cred = &syscall.Credential{Uid: st.Uid, Gid: st.Gid}
		}
		old.stop()
	}
}

func (s *server) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(string(out)))
	}
	return nil
}

func (s *server) stop() {
	s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	os.RemoveAll(s.dir)
}
