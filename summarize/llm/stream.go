package llm

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"
)

// Stream modes of Config.Stream.
const (
	// StreamAuto streams answers from servers on the user's machine or
	// network (a loopback, private or link-local address, localhost, a
	// .local name), where a slow model is common.
	StreamAuto = "auto"
	// StreamAlways streams answers from any server.
	StreamAlways = "always"
	// StreamNever asks for whole answers.
	StreamNever = "never"
)

// ErrStalled is the cause of a streamed answer given up for pausing
// longer than the idle timeout.
var ErrStalled = errors.New("llm: no progress from the model")

// Streams reports whether a backend should stream its answers from the
// server at base under mode (see StreamAuto). An unknown mode is an
// error.
func Streams(mode, base string) (bool, error) {
	switch mode {
	case StreamAlways:
		return true, nil
	case StreamNever:
		return false, nil
	case "", StreamAuto:
	default:
		return false, fmt.Errorf("llm: stream mode %q: want %s, %s or %s", mode, StreamAuto, StreamAlways, StreamNever)
	}
	u, err := url.Parse(base)
	if err != nil {
		return false, nil
	}
	return LocalHost(u.Hostname()), nil
}

// LocalHost reports whether host names the user's machine or network: a
// loopback, private or link-local address, localhost, or a .local or
// .localhost name.
func LocalHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || strings.HasSuffix(host, ".local") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified())
}

// IdleWatch ends a streamed answer that pauses longer than its timeout:
// each chunk calls Progress, which restarts the clock, so a slow model
// that keeps answering is never cut off.
type IdleWatch struct {
	d      time.Duration
	ctx    context.Context
	cancel context.CancelCauseFunc
	timer  *time.Timer
}

// WatchIdle returns a context for one streamed request, cancelled with
// ErrStalled when no Progress comes for d, and its watch. The first
// chunk may take up to first when that is longer than d: a local server
// says nothing while it reads a long prompt. Call Stop when the request
// is done.
func WatchIdle(ctx context.Context, d, first time.Duration) (context.Context, *IdleWatch) {
	ctx, cancel := context.WithCancelCause(ctx)
	w := &IdleWatch{d: d, ctx: ctx, cancel: cancel}
	w.timer = time.AfterFunc(max(d, first), func() { cancel(ErrStalled) })
	return ctx, w
}

// Progress restarts the clock.
func (w *IdleWatch) Progress() { w.timer.Reset(w.d) }

// Stop ends the watch and releases its context.
func (w *IdleWatch) Stop() {
	w.timer.Stop()
	w.cancel(nil)
}

// Err returns err, or, when the answer stalled (even if the stream ended
// without an error), a *TransportError timeout that is not retried: the
// model would be asked from scratch.
func (w *IdleWatch) Err(err error) error {
	if errors.Is(context.Cause(w.ctx), ErrStalled) {
		return &TransportError{Timeout: true, Waited: true, Err: fmt.Errorf("the answer stalled for %s: %w", w.d, ErrStalled)}
	}
	return err
}
