package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize/llm"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Exit codes.
const (
	exitOK       = 0
	exitPartial  = 1
	exitUsage    = 2
	exitCanceled = 130
)

// usageError marks errors in how brief was called (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// partialError reports that some inputs failed; each was already reported
// on stderr (exit code 1).
type partialError struct{ failed, total int }

func (e partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

// env carries the process's streams, clock and environment into the
// commands.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	logger         *slog.Logger
	// now is the clock (time.Now); getenv reads the environment (os.Getenv).
	now    func() time.Time
	getenv func(string) string
	// cfg is the config file, read before any command runs.
	cfg *fileConfig
	// parsed is called once the command line is parsed (see parseMu).
	parsed func()
	// fromConfig names the flags whose value came from the config file.
	fromConfig map[string]bool
	// temps are the temporary output files not yet renamed into place.
	temps *tempFiles
	// session is the run's model session, nil without a model backend
	// (see openBackend and closeLLM).
	session *llm.Session
}

// parseMu serializes command-line parsing between runs in one process:
// urfave/cli v2 appends its package-level help and version flags to every
// App and Command and writes to them while parsing. A run holds it until
// its command's flags are parsed, so concurrent runs (tests) still do
// their work at the same time.
var parseMu sync.Mutex

// run is brief's whole program: it parses args, runs the command and maps
// the outcome to an exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runEnv(ctx, newEnv(stdin, stdout, stderr), args)
}

// newEnv returns the environment of a process: its streams, the clock and
// os.Getenv.
func newEnv(stdin io.Reader, stdout, stderr io.Writer) *env {
	return &env{stdin: stdin, stdout: stdout, stderr: stderr, logger: slog.New(slog.DiscardHandler),
		now: time.Now, getenv: os.Getenv}
}

// runEnv is run with the environment given; tests use it to pin the clock.
func runEnv(ctx context.Context, e *env, args []string) int {
	if _, ok := e.stderr.(*os.File); !ok {
		// Workers log while the command reports: a file takes concurrent
		// writes, any other writer gets one at a time.
		e.stderr = &syncWriter{w: e.stderr}
	}
	stderr := e.stderr
	parseMu.Lock()
	e.parsed = sync.OnceFunc(parseMu.Unlock)
	defer e.parsed()
	app := newApp(e)
	withConfig(e, app.Commands)
	withUsageErrors(app)
	args, err := normalizeArgs(app, args)
	if err == nil {
		err = app.RunContext(ctx, args)
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		fmt.Fprintln(stderr, "brief: interrupted")
		return exitCanceled
	}
	var pe partialError
	if errors.As(err, &pe) {
		fmt.Fprintf(stderr, "brief: %v\n", oneLine(err))
		return exitPartial
	}
	var ce callError
	if errors.As(err, &ce) {
		fmt.Fprintf(stderr, "brief: %v\n", oneLine(err))
		writeUsage(stderr, ce.app, ce.path, ce.cmd)
		return exitUsage
	}
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, store.ErrForeign) {
		fmt.Fprintf(stderr, "brief: %v\n", oneLine(err))
		return exitUsage
	}
	fmt.Fprintf(stderr, "brief: %v\n", oneLine(err))
	return exitPartial
}

// versionFlagOnce frees -v for --verbose: urfave/cli gives -v to
// --version by default through a package variable, set once here.
var versionFlagOnce sync.Once

func newApp(e *env) *cli.App {
	versionFlagOnce.Do(func() {
		cli.VersionFlag = &cli.BoolFlag{Name: "version", Usage: "print the version"}
	})
	return &cli.App{
		Name:    "brief",
		Usage:   "turn news articles into a daily briefing",
		Version: buildVersion(),
		Description: `brief extracts each article, writes its key takeaways and the expert quotes in it,
decides which region of the world it is about, and assembles a briefing grouped by region.
The default backend is offline and needs no key.

Examples:
   brief summarize examples/articles/              digest every example article
   cat urls.txt | brief summarize -f jsonl -       JSONL digests for a list of URLs
   brief briefing examples/articles/ -f pdf -o today.pdf   a PDF briefing`,
		Reader:         e.stdin,
		Writer:         e.stdout,
		ErrWriter:      e.stderr,
		ExitErrHandler: func(*cli.Context, error) {},
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "debug logging on stderr", EnvVars: []string{"BRIEF_VERBOSE"}},
			&cli.StringFlag{Name: "config", Usage: "config file `PATH` (default $XDG_CONFIG_HOME/brief/config.yaml)", EnvVars: []string{"BRIEF_CONFIG"}},
			&cli.StringFlag{Name: "db", Usage: "archive: SQLite file `PATH` (default $XDG_DATA_HOME/brief/brief.db) or postgres://user@host/dbname URL", EnvVars: []string{"BRIEF_DB"}},
		},
		Before: func(c *cli.Context) error {
			lvl := slog.LevelWarn
			if c.Bool("verbose") {
				lvl = slog.LevelDebug
			}
			e.logger = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: lvl}))
			return loadConfigBefore(c, e)
		},
		After: func(c *cli.Context) error {
			closeLLM(e) // the LLM usage line, see llm.go
			return nil
		},
		Commands: []*cli.Command{
			summarizeCommand(e),
			extractCommand(e),
			briefingCommand(e),
			addCommand(e),
			archiveCommand(e),
			batchCommand(e),
			configCommand(e),
			backendsCommand(e),
			modelsCommand(e),
		},
	}
}

func backendsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "backends",
		Usage: "list the summarizer backends and whether each is configured",
		Description: `Lists each backend, its default model, and whether its key or host is set
(the values are never printed).

Examples:
   brief backends
   brief backends -f json`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: text or json"},
		},
		Action: func(c *cli.Context) error {
			f, err := resolveBackendsFormat(c)
			if err != nil {
				return err
			}
			return listBackends(e.stdout, e.getenv, f)
		},
	}
}

// resolveBackendsFormat reads and checks brief backends' -f.
func resolveBackendsFormat(c *cli.Context) (string, error) {
	switch f := c.String("format"); f {
	case "", "text", "json":
		return f, nil
	default:
		return f, usagef("backends: unknown format %q (want text or json)", f)
	}
}

// syncWriter serializes writes to w.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
