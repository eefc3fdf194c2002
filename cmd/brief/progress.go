package main

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress counts finished inputs on stderr. It is shown only when stderr
// is a terminal (never in cron, pipes or tests). With a known number of
// inputs it is a bar ("articles (2/3)"); inputs are streamed (directories
// walked as they are read, JSONL on stdin, feeds), so brief's runs do not
// know it, and show a spinner with the count so far instead of a bar
// whose end is a guess: "articles: 12 done, 1 failed". A nil *progress
// does nothing.
type progress struct {
	bar   *progressbar.ProgressBar
	total int // -1: unknown
	// n and failed are the inputs finished so far, and how many failed.
	n, failed int
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
// tests use it. A known total under 2 gets no bar.
func newProgressTo(w io.Writer, total int, throttle time.Duration) *progress {
	if total >= 0 && total < 2 {
		return nil
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionThrottle(throttle),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
	}
	if total < 0 {
		total = -1 // a spinner; the label carries the count
		opts = append(opts, progressbar.OptionSpinnerType(14), progressbar.OptionSetDescription(progressLabel(0, 0, -1)))
	} else {
		opts = append(opts, progressbar.OptionShowCount(), progressbar.OptionSetDescription(progressLabel(0, 0, total)))
	}
	return &progress{bar: progressbar.NewOptions(total, opts...), total: total}
}

// progressLabel is the text beside the bar or spinner: "articles" when
// the bar shows the count against the total, else the count so far,
// "articles: 12 done, 1 failed".
func progressLabel(n, failed, total int) string {
	if total >= 0 {
		return "articles"
	}
	s := fmt.Sprintf("articles: %d done", n)
	if failed > 0 {
		s += fmt.Sprintf(", %d failed", failed)
	}
	return s
}

// done counts one input as finished, failed or not.
func (p *progress) done(failed bool) {
	if p == nil {
		return
	}
	p.n++
	if failed {
		p.failed++
	}
	if p.total < 0 {
		p.bar.Describe(progressLabel(p.n, p.failed, p.total))
	}
	p.bar.Add(1)
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
