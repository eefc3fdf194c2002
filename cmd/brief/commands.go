package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/textsafe"
	"github.com/brief-news/brief/summarize"
)

// maxJobs caps -j: each job may hold a page of up to article.MaxInputBytes
// and an HTTP connection; 64 keeps the worst case (64 × 64 MiB) within a
// machine's memory, and no model provider's rate limit wants more.
const maxJobs = 64

func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: 4, Usage: fmt.Sprintf("articles processed at once (1 to %d)", maxJobs), EnvVars: []string{"BRIEF_JOBS"}},
		&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "per-request HTTP timeout", EnvVars: []string{"BRIEF_TIMEOUT"}},
		&cli.StringFlag{Name: "user-agent", Usage: "User-Agent for fetching pages", EnvVars: []string{"BRIEF_USER_AGENT"}},
		&cli.BoolFlag{Name: "allow-private", Usage: "allow fetching loopback and private addresses"},
		&cli.BoolFlag{Name: "follow-symlinks", Usage: "read symlinks in input directories that lead outside them (skipped by default)"},
		&cli.StringFlag{Name: "since", Usage: "keep only feed items newer than `DURATION|DATE` (e.g. 24h, 2026-11-01)"},
	}
}

// summarizerFlags are the flags of the commands that summarize. Only
// summarize prints requests instead of sending them (--dry-run): the
// others are given the flags without it.
func summarizerFlags(dryRun bool) []cli.Flag {
	flags := append([]cli.Flag{
		&cli.StringFlag{Name: "backend", Aliases: []string{"b"}, Value: "extractive", Usage: "summarizer backend: " + strings.Join(summarize.Names(), ", ") + " (see brief backends)", EnvVars: []string{"BRIEF_BACKEND"}},
		&cli.StringFlag{Name: "model", Usage: "model name for LLM backends", EnvVars: []string{"BRIEF_MODEL"}},
		&cli.IntFlag{Name: "takeaways", Value: summarize.DefaultTakeaways, Usage: "key takeaways per article"},
		&cli.IntFlag{Name: "max-quotes", Value: 3, Usage: "quotes per article: direct quotes with a confidently resolved speaker (0 = list every quote, with its confidence)"},
		&cli.StringFlag{Name: "method", Usage: "takeaway method of the extractive backend: rank (default) or lead (the Lead-N baseline)"},
		&cli.BoolFlag{Name: "strict-quotes", Usage: "fail an article when a backend's quote had to be dropped"},
	}, llmFlags()...)
	if !dryRun {
		flags = slices.DeleteFunc(flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), "dry-run") })
	}
	return flags
}

func summarizeCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "summarize",
		Usage:     "extract and digest each input: takeaways, quotes, region",
		ArgsUsage: "INPUT... (URL, file, directory, feed, or - for stdin)",
		Description: `Prints one digest per input: JSON Lines when stdout is not a terminal, Markdown when it is.

Examples:
   brief summarize examples/articles/world-bank-ports.html
   brief summarize -f jsonl --takeaways 5 https://example.com/story
   cat articles.jsonl | brief summarize -f jsonl -
   brief summarize --save https://example.com/story   also keep it in the archive`,
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: md, json or jsonl (default: md on a terminal, jsonl otherwise)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `PATH` instead of stdout"},
			saveFlag(),
		}, summarizerFlags(true)...), inputFlags()...),
		Action: func(c *cli.Context) error {
			o, err := resolveSummarize(c, e)
			if err != nil {
				return err
			}
			if o.Summarizer.LLM.DryRun {
				return dryRun(c.Context, e, o.Inputs, o.DryRunJSON, o.Summarizer)
			}
			m := newModelRun(c.Context, e, o.Summarizer)
			s, err := m.open()
			if err != nil {
				return err
			}
			return runSummarize(c.Context, e, o, s, m.verdict)
		},
	}
}

// runSummarize is brief summarize: each input's digest, written as it
// comes (md, jsonl) or at the end (json), and saved with --save.
func runSummarize(ctx context.Context, e *env, o summarizeOptions, s summarize.Summarizer, verdict func(written bool) error) error {
	var arch *archiver // nil without --save
	if o.DB != "" {
		st, err := openArchive(ctx, e, o.DB)
		if err != nil {
			return err
		}
		arch = &archiver{st: st, e: e}
		defer arch.close()
	}
	done := 0
	err := e.writeTarget(o.Out.Target, func(w io.Writer) error {
		var all []summaryRecord
		bad, failed, total, err := runInputStream(ctx, e, o.Inputs, s, func(r result) error {
			if _, err := arch.save(ctx, r); err != nil {
				return err
			}
			rec := newSummaryRecord(r.article, r.digest)
			switch o.Out.Format {
			case "jsonl":
				return writeJSONLine(w, rec)
			case "json":
				all = append(all, rec)
			case "md":
				return writeDigestMarkdown(w, r.article, r.digest)
			}
			return nil
		})
		arch.skip(ctx, bad)
		if err != nil {
			return err
		}
		if err := verdict(false); err != nil {
			return err
		}
		if o.Out.Format == "json" {
			if all == nil {
				all = []summaryRecord{}
			}
			if err := writeJSONIndent(w, all); err != nil {
				return err
			}
		}
		done = total - failed
		if err := verdict(true); err != nil {
			return err
		}
		return partial(failed, total)
	})
	e.wrote(o.Out.Output, err, plural(done, "digest", "digests"))
	return err
}

// wrote says on a terminal's stderr what a command wrote to -o PATH
// ("brief: wrote digests.jsonl: 14 digests"), when it wrote it.
func (e *env) wrote(path string, err error, what string) {
	if path == "" || path == "-" || !isTerminal(e.stderr) {
		return
	}
	var pe partialError
	if err != nil && (!errors.As(err, &pe) || pe.failed == pe.total) {
		return
	}
	fmt.Fprintf(e.stderr, "brief: wrote %s: %s\n", textsafe.Line(path), what)
}

func extractCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "extract article text and metadata only (debugging, evaluation)",
		ArgsUsage: "INPUT... (URL, file, directory, feed, or - for stdin)",
		Description: `Prints {id,url,canonical_url,title,byline,published,section,site,language,dateline,text}
per input (canonical_url when the page declares one); -f json adds sources, where each
metadata field came from. A page that holds no article is refused with one line on stderr.

Examples:
   brief extract -f jsonl examples/articles/*.html
   curl -s https://example.com/story | brief extract -f json -`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: md, json or jsonl (default: md on a terminal, jsonl otherwise)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `PATH` instead of stdout"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			o, err := resolveExtract(c, e)
			if err != nil {
				return err
			}
			return runExtract(c.Context, e, o)
		},
	}
}

// runExtract is brief extract: each input's text and metadata.
func runExtract(ctx context.Context, e *env, o extractOptions) error {
	done := 0
	err := e.writeTarget(o.Out.Target, func(w io.Writer) error {
		_, failed, total, err := runInputStream(ctx, e, o.Inputs, nil, func(r result) error {
			rec := newExtractRecord(r.article)
			switch o.Out.Format {
			case "jsonl":
				return writeJSONLine(w, rec)
			case "json":
				rec.Sources = r.article.Sources
				return writeJSONIndent(w, rec)
			default:
				_, err := fmt.Fprintf(w, "# %s\n\n%s\n\n", r.article.Title, r.article.Text())
				return err
			}
		})
		if err != nil {
			return err
		}
		done = total - failed
		return partial(failed, total)
	})
	e.wrote(o.Out.Output, err, plural(done, "article", "articles"))
	return err
}

// runInputStream expands the inputs, runs the pipeline, reports each
// failed input as one line on stderr and calls emit for the others. It
// returns the failed inputs.
func runInputStream(ctx context.Context, e *env, in inputOptions, s summarize.Summarizer, emit func(result) error) (skipped []result, failed, total int, err error) {
	if slices.Contains(in.Inputs, "-") && isTerminal(e.stdin) {
		// Someone typing (or about to paste) needs to know how to end.
		fmt.Fprintln(e.stderr, "brief: reading stdin (an article, URLs one a line, or JSONL); end with Ctrl-D")
	}
	loader := newLoader(e, in)
	srcs := loader.Sources(ctx, in.Inputs)
	p := &pipeline{loader: loader, summarizer: s, workers: in.Jobs, logger: e.logger}
	var werr error
	bar := newProgress(e, -1) // nil unless stderr is a terminal; the count is unknown: inputs are streamed
	p.run(ctx, srcs, func(r result) {
		total++
		bar.clear(r.err == nil) // the line below may share the terminal with the bar
		defer bar.done(r.err != nil)
		if r.err != nil {
			failed++
			skipped = append(skipped, r)
			fmt.Fprintf(e.stderr, "brief: %v\n", oneLine(r.err))
			return
		}
		if werr == nil {
			werr = emit(r)
		}
	})
	bar.finish()
	if werr != nil {
		return skipped, failed, total, fmt.Errorf("write output: %w", werr)
	}
	if err := ctx.Err(); err != nil {
		return skipped, failed, total, err
	}
	return skipped, failed, total, nil
}

func newLoader(e *env, in inputOptions) *article.Loader {
	fc := article.DefaultFetchConfig()
	if in.Timeout > 0 {
		fc.Timeout = in.Timeout
	}
	if in.UserAgent != "" {
		fc.UserAgent = in.UserAgent
	}
	fc.AllowPrivate = in.AllowPrivate
	fc.Now = e.now
	return &article.Loader{Fetcher: article.NewFetcher(fc), Stdin: e.stdin, Now: e.now,
		FollowSymlinks: in.FollowSymlinks, Since: in.Since,
		Warn: func(source, msg string) {
			fmt.Fprintf(e.stderr, "brief: %s: %s\n", textsafe.Line(source), textsafe.Line(msg))
		}}
}

func parseSince(s string, now time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(s); err == nil {
		return now.Add(-d), nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("want a duration like 24h or a date like 2026-11-01")
}

func partial(failed, total int) error {
	if failed > 0 {
		return partialError{failed: failed, total: total}
	}
	return nil
}

// pickFormat decides a one-format command's output format: -f when
// given, else the extension of -o, else tty when stdout is a terminal and
// notty otherwise. -f contradicting -o's extension is a usage error.
func pickFormat(f, out string, stdout io.Writer, tty, notty string, allowed ...string) (string, error) {
	if f != "" && !slices.Contains(allowed, f) {
		return "", usagef("unknown format %q (want one of %s)", f, strings.Join(allowed, ", "))
	}
	ext := ""
	if out != "" && out != "-" {
		ext = extFormats[strings.ToLower(filepath.Ext(out))]
		if ext != "" && !slices.Contains(allowed, ext) {
			return "", usagef("-o %s: this command writes %s", out, strings.Join(allowed, ", "))
		}
	}
	switch {
	case f != "":
		if ext != "" && ext != f {
			return "", usagef("-f %s conflicts with -o %s (%s is %s)", f, out, filepath.Ext(out), ext)
		}
		return f, nil
	case ext != "":
		return ext, nil
	case out != "" && out != "-":
		if isTerminalPath(out) {
			return tty, nil // -o /dev/tty
		}
		return notty, nil
	case isTerminal(stdout):
		return tty, nil
	}
	return notty, nil
}

// isTerminalPath reports whether -o PATH leads to a terminal.
func isTerminalPath(p string) bool {
	if fi, err := os.Stat(p); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false // opening a FIFO to ask would end its reader's input
	}
	f, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	return isTerminal(f)
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

func writeJSONIndent(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
