package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// rawServer accepts connections on a loopback port and hands each to
// serve; it stops when the test ends.
func rawServer(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				serve(c)
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// boundNotListening returns a loopback address whose port is bound but
// not listening, so a connection to it is refused; it stays bound until the
// test ends, so no other server takes the port meanwhile.
func boundNotListening(t *testing.T) string {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("127.0.0.1:%d", sa.(*syscall.SockaddrInet4).Port)
}

// readRequest reads an HTTP request's head off c.
func readRequest(c net.Conn) {
	br := bufio.NewReader(c)
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			return
		}
	}
}

// TestNetworkFaults fetches from local servers that misbehave. Each fault
// is one clear line on stderr naming the URL, exit code 1, and no run
// outlives its timeouts: --timeout per request, tried three times (two
// retries after 0.5 s and 1 s) for timeouts.
func TestNetworkFaults(t *testing.T) {
	const timeout = time.Second
	// The longest a fetch may take: three attempts and the retry waits,
	// with slack for a loaded machine. A guard against hangs, not a speed
	// target.
	const bound = 3*timeout + 1500*time.Millisecond + 10*time.Second

	refused := "http://" + boundNotListening(t) + "/story"

	reset := rawServer(t, func(c net.Conn) {
		readRequest(c)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body><p>The first words of a page that never")
		if tc, ok := c.(*net.TCPConn); ok {
			tc.SetLinger(0) // close with a reset
		}
		c.Close()
	}) + "/story"

	silent := rawServer(t, func(c net.Conn) {
		readRequest(c)
		io.Copy(io.Discard, c) // never answers; returns when the client hangs up
	}) + "/story"

	trickle := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for i := 0; ; i++ {
			if _, err := w.Write([]byte{"<p>slow"[i%7]}); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
		}
	}))
	defer trickle.Close()

	var hops atomic.Int64
	loop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := hops.Add(1)
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n), http.StatusFound)
	}))
	defer loop.Close()

	tlsSrv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, page("Terminal approved", harbourStory...))
	}))
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake the client refuses
	tlsSrv.StartTLS()
	defer tlsSrv.Close()

	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		para := "<p>" + strings.Repeat("More minutes of the committee meeting. ", 100) + "</p>"
		for n := 0; n < 12<<20; n += len(para) {
			if _, err := io.WriteString(w, para); err != nil {
				return
			}
		}
	}))
	defer big.Close()

	var privateHits atomic.Int64
	private := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		privateHits.Add(1)
		io.WriteString(w, page("Terminal approved", harbourStory...))
	}))
	defer private.Close()
	_, privatePort, _ := net.SplitHostPort(strings.TrimPrefix(private.URL, "http://"))

	for _, tt := range []struct {
		name, url, reason string
		allowPrivate      bool
	}{
		{"connection refused", refused, "connection refused", true},
		{"reset mid-body", reset, "read body", true},
		{"no answer", silent, "timed out after 1s, 3 attempts", true},
		{"one byte a second", trickle.URL + "/story", "timed out after 1s, 3 attempts", true},
		{"endless redirects", loop.URL + "/hop/0", "too many redirects", true},
		{"self-signed certificate", tlsSrv.URL + "/story", "certificate", true},
		{"body over the size cap", big.URL + "/story", "too large", true},
		{"loopback address", private.URL + "/story", "private address", false},
		{"name of a loopback address", "http://localhost:" + privatePort + "/story", "private address", false},
		{"cloud metadata address", "http://169.254.169.254/latest/meta-data/", "private address", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"summarize", "-f", "jsonl", "--timeout", timeout.String()}
			if tt.allowPrivate {
				args = append(args, "--allow-private")
			}
			start := time.Now()
			out, errs, code := brief(t, "", append(args, tt.url)...)
			took := time.Since(start)
			if code != exitPartial {
				t.Errorf("exit code = %d, want %d", code, exitPartial)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			lines := errLines(errs, tt.url)
			if len(lines) != 1 || !strings.Contains(lines[0], tt.reason) {
				t.Errorf("stderr =\n%s\nwant one line naming %s with %q", errs, tt.url, tt.reason)
			}
			if n := strings.Count(strings.TrimSpace(errs), "\n") + 1; n != 2 {
				t.Errorf("stderr has %d lines, want 2 (the error and the summary):\n%s", n, errs)
			}
			if took > bound {
				t.Errorf("took %v, want at most %v with --timeout %v", took, bound, timeout)
			}
			t.Logf("%v: %s", took.Round(10*time.Millisecond), strings.TrimSpace(lines[0]))
		})
	}
	if n := privateHits.Load(); n != 0 {
		t.Errorf("the loopback server got %d requests without --allow-private, want 0", n)
	}
}
