// Command brief turns news articles into briefings: it extracts each
// article, writes its key takeaways and expert quotes, decides its region,
// and assembles a daily briefing as Markdown, PDF, HTML or JSON.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	os.Exit(runProcess(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// grace is how long brief waits, after the first SIGINT, SIGTERM or
// SIGHUP, for its work to stop by itself before it exits anyway.
const grace = 3 * time.Second

// runProcess is run for a whole process: the first SIGINT or SIGTERM (or
// SIGHUP: the terminal went away, as when an ssh session drops) cancels
// the run and starts a grace period; at its end, or at a second
// signal, the process removes its temporary files and exits 130 whatever
// its workers are doing (blocked opening a FIFO, in a looping template,
// waiting on a model).
func runProcess(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	temps := &tempFiles{}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		<-sigs
		cancel()
		select {
		case <-sigs:
		case <-time.After(grace):
		}
		temps.removeAll()
		fmt.Fprintln(stderr, "brief: interrupted")
		os.Exit(exitCanceled)
	}()
	e := newEnv(stdin, stdout, stderr)
	e.temps = temps
	return runEnv(ctx, e, args)
}
