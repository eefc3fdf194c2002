// Command brief turns news articles into briefings: it extracts each
// article, writes its key takeaways and expert quotes, decides its region,
// and assembles a daily briefing as Markdown, PDF, HTML or JSON.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
