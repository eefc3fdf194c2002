package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress is a bar on stderr counting finished inputs. It is shown only
// when stderr is a terminal (never in cron, pipes or tests) and there is
// more than one input. A nil *progress does nothing.
type progress struct {
	bar *progressbar.ProgressBar
	// stdoutTTY: stdout is a terminal too, so data lines share the screen
	// with the bar.
	stdoutTTY bool
}

// newProgress returns a bar for total inputs (-1: not known in advance)
// on e's stderr, or nil when stderr is not a terminal.
func newProgress(e *env, total int) *progress {
	if !isTerminal(e.stderr) {
		return nil
	}
	p := newProgressTo(e.stderr, total, 0)
	if p != nil {
		p.stdoutTTY = isTerminal(e.stdout)
	}
	return p
}

// newProgressTo draws on w whatever w is, at most once per throttle
// (0: on every step, which a terminal takes easily at brief's pace);
// tests use it.
func newProgressTo(w io.Writer, total int, throttle time.Duration) *progress {
	if total >= 0 && total < 2 {
		return nil
	}
	if total < 0 {
		total = -1 // unknown: a spinner with the count
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("articles"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionThrottle(throttle),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
	)}
}

// done counts one input as finished.
func (p *progress) done() {
	if p != nil {
		p.bar.Add(1)
	}
}

// clear erases the bar so a line can be written under it: always before
// a message on stderr, and before data on stdout when stdout is a
// terminal too. The next done draws the bar again.
func (p *progress) clear(toStdout bool) {
	if p != nil && (!toStdout || p.stdoutTTY) {
		p.bar.Clear()
	}
}

// finish erases the bar for good.
func (p *progress) finish() {
	if p != nil {
		p.bar.Finish()
	}
}
