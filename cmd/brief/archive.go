package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/internal/textsafe"
	"github.com/brief-news/brief/summarize"
)

// openArchive opens (creating if needed) the archive at db: the SQLite
// file, or the PostgreSQL database when db is a postgres:// URL.
func openArchive(ctx context.Context, e *env, db string) (store.Archive, error) {
	return store.OpenArchive(ctx, db, store.Options{Now: e.now, Logger: e.logger})
}

// openExistingArchive opens the archive at db only if it exists, so
// reading commands do not leave an empty database behind a mistyped --db.
func openExistingArchive(ctx context.Context, e *env, db string) (store.Archive, error) {
	if store.IsPostgres(db) {
		return store.OpenArchive(ctx, db, store.Options{Now: e.now, Logger: e.logger})
	}
	if _, err := os.Stat(db); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no archive at %s (add articles with brief add, or give inputs)", db)
		}
		return nil, fmt.Errorf("open archive %s: %w", db, err)
	}
	return store.Open(ctx, db, store.Options{Now: e.now, ReadOnly: readOnlyFile(db)})
}

// readOnlyFile reports an archive brief should not write to: the file or
// its directory is not writable, or has no write permission bits at all
// (which root, who may write anyway, takes as the owner's wish).
func readOnlyFile(p string) bool {
	for _, q := range []string{p, filepath.Dir(p)} {
		fi, err := os.Stat(q)
		if err != nil {
			return false
		}
		if fi.Mode().Perm()&0o222 == 0 || syscall.Access(q, 2 /* W_OK */) != nil {
			return true
		}
	}
	return false
}

// archiver saves pipeline results into the archive: brief add and
// brief summarize --save. A nil *archiver does nothing.
type archiver struct {
	st store.Archive
	e  *env
}

// saveFlag is summarize's --save.
func saveFlag() cli.Flag {
	return &cli.BoolFlag{Name: "save", Usage: "also store each article and digest in the archive (see --db)"}
}

// save stores one summarized article in its own transaction.
func (a *archiver) save(ctx context.Context, r result) (store.Saved, error) {
	if a == nil {
		return store.Saved{}, nil
	}
	return a.st.Save(ctx, r.article, r.digest)
}

// skip records the inputs that failed, so the day's briefing lists them.
// Interrupted inputs are not failures and are left out. It runs even when
// ctx is cancelled: each record is one small transaction.
func (a *archiver) skip(ctx context.Context, bad []result) {
	if a == nil {
		return
	}
	ctx = context.WithoutCancel(ctx)
	for _, r := range bad {
		if r.err == nil || errors.Is(r.err, context.Canceled) {
			continue
		}
		if err := a.st.RecordSkipped(ctx, r.src.ID, oneLine(r.err)); err != nil {
			a.e.logger.Warn("record skipped input", "source", r.src.ID, "err", err)
		}
	}
}

func (a *archiver) close() {
	if a != nil {
		a.st.Close()
	}
}

func addCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "add",
		Usage:     "summarize inputs and save them in the archive",
		ArgsUsage: "INPUT... (URL, file, directory, feed, or - for stdin)",
		Description: `Extracts and digests each input and stores article and digest in the archive
(--db, default $XDG_DATA_HOME/brief/brief.db). Adding an article again updates it.
Prints one line per article: region · title · source. Failed inputs are reported on
stderr and listed under "Skipped sources" in that day's briefing.

With --batch (--backend openai), the model requests go to OpenAI's Batch API as one job
at half the price; brief waits for it (or, with --no-wait, returns at once) and the job
is recorded in the archive: see brief batch.

Examples:
   brief add https://example.com/story
   brief add examples/
   brief add --batch --backend openai feeds.txt
   brief briefing --date today -f pdf -o ~/briefings/`,
		Flags: append(append(summarizerFlags(false), inputFlags()...), batchFlags()...),
		Action: func(c *cli.Context) error {
			o, err := resolveAdd(c, e)
			if err != nil {
				return err
			}
			st, err := openArchive(c.Context, e, o.DB)
			if err != nil {
				return err
			}
			defer st.Close()
			if o.Batch {
				return addBatch(c.Context, e, o, st) // see batch.go
			}
			s, err := newModelRun(c.Context, e, o.Summarizer).open()
			if err != nil {
				return err
			}
			return runAdd(c.Context, e, o, st, s)
		},
	}
}

// runAdd is brief add: each input summarized and saved in st, one line
// on stdout for each.
func runAdd(ctx context.Context, e *env, o addOptions, st store.Archive, s summarize.Summarizer) error {
	a := &archiver{st: st, e: e}
	bad, failed, total, err := runInputStream(ctx, e, o.Inputs, s, func(r result) error {
		if _, err := a.save(ctx, r); err != nil {
			return err
		}
		_, err := fmt.Fprintf(e.stdout, "%s · %s · %s\n", r.digest.Region, titleOf(r), sourceOf(r))
		return err
	})
	a.skip(ctx, bad)
	if err != nil {
		return err
	}
	return partial(failed, total)
}

// flat collapses runs of whitespace, newlines included, to single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func titleOf(r result) string {
	if r.article.Title != "" {
		return flat(r.article.Title)
	}
	return r.src.ID
}

// sourceOf names where an article came from: its site, else its link's
// host, else the input.
func sourceOf(r result) string {
	if r.article.Site != "" {
		return r.article.Site
	}
	if u, err := url.Parse(r.article.Link()); err == nil && u.Host != "" {
		return u.Host
	}
	return r.src.ID
}

// archiveEntries selects the archived articles of the briefing's day
// (o.Day, midnight in its location) and the inputs that failed that day.
// An article without a digest is summarized now (m opens the summarizer
// then), and the digest saved.
func archiveEntries(ctx context.Context, e *env, o briefingOptions, m modelRun) ([]briefing.Entry, []briefing.Skipped, error) {
	st, err := openExistingArchive(ctx, e, o.DB)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	next := o.Day.AddDate(0, 0, 1)
	q := o.Filter
	q.From, q.To = o.Day, next
	rows, err := st.List(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	var s summarize.Summarizer
	var entries []briefing.Entry
	var skipped []briefing.Skipped
	for _, r := range rows {
		if r.Digest == nil {
			if s == nil {
				if s, err = m.open(); err != nil {
					return nil, nil, err
				}
			}
			d, err := s.Summarize(ctx, r.Article)
			if err != nil {
				if ctx.Err() != nil {
					return nil, nil, ctx.Err()
				}
				skipped = append(skipped, briefing.Skipped{Source: r.Source, Reason: oneLine(fmt.Errorf("summarize: %w", err))})
				continue
			}
			if !st.ReadOnly() {
				if _, err := st.Save(ctx, r.Article, d); err != nil {
					return nil, nil, err
				}
			}
			r.Digest = d
		}
		entries = append(entries, briefing.Entry{Article: r.Article, Digest: r.Digest, Added: r.Added})
	}
	fails, err := st.Skipped(ctx, o.Day, next)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range fails {
		skipped = append(skipped, briefing.Skipped{Source: f.Source, Reason: f.Reason})
	}
	return entries, skipped, nil
}

func archiveCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "archive",
		Usage: "list, remove, check, export and import archived articles",
		Description: `The archive is an SQLite file (--db, default $XDG_DATA_HOME/brief/brief.db), or a
PostgreSQL database shared by a team (--db postgres://user@host/dbname). An export from
one kind imports into the other.

Examples:
   brief archive list --date yesterday
   brief archive rm 42
   brief archive export -f jsonl -o backup.jsonl
   brief archive import backup.jsonl
   brief --db postgres://brief@db.example/brief archive import backup.jsonl`,
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list archived articles: ID, time, region, title, source",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "date", Usage: "only articles of this day: today, yesterday or YYYY-MM-DD"},
					&cli.StringFlag{Name: "tz", Usage: "time zone `Area/City` for --date and the times shown (default: the config file's timezone, else local, which TZ sets)", EnvVars: []string{"BRIEF_TZ"}},
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or jsonl"},
				},
				Action: func(c *cli.Context) error {
					o, err := resolveArchiveList(c, e)
					if err != nil {
						return err
					}
					return archiveList(c.Context, e, o)
				},
			},
			{
				Name:      "rm",
				Usage:     "remove archived articles and their digests",
				ArgsUsage: "ID...",
				Action: func(c *cli.Context) error {
					ids, err := resolveArchiveIDs(c)
					if err != nil {
						return err
					}
					db, err := resolveDB(c, e)
					if err != nil {
						return err
					}
					return archiveRemove(c.Context, e, db, ids)
				},
			},
			{
				Name:  "requests",
				Usage: "show the model requests and replies kept by --log-requests",
				Flags: []cli.Flag{
					&cli.IntFlag{Name: "last", Aliases: []string{"n"}, Value: 10, Usage: "the last `N` requests (0 = all)"},
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or jsonl"},
				},
				Action: func(c *cli.Context) error {
					o, err := resolveArchiveRequests(c, e)
					if err != nil {
						return err
					}
					return archiveRequests(c.Context, e, o)
				},
			},
			{
				Name:  "check",
				Usage: "check the archive database for damage",
				Action: func(c *cli.Context) error {
					db, err := resolveDB(c, e)
					if err != nil {
						return err
					}
					return archiveCheck(c.Context, e, db)
				},
			},
			{
				Name:  "export",
				Usage: "write the whole archive as JSON Lines (a backup that import restores)",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "jsonl", Usage: "output format: jsonl"},
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
				},
				Action: func(c *cli.Context) error {
					o, err := resolveArchiveExport(c, e)
					if err != nil {
						return err
					}
					return archiveExport(c.Context, e, o)
				},
			},
			{
				Name:      "import",
				Usage:     "read an export back into the archive (merging; newer copies win)",
				ArgsUsage: "FILE (or - for stdin)",
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usagef("archive import: give one export file (or - for stdin)")
					}
					db, err := resolveDB(c, e)
					if err != nil {
						return err
					}
					return archiveImport(c.Context, e, db, c.Args().First())
				},
			},
		},
	}
}

// archiveRemove is brief archive rm.
func archiveRemove(ctx context.Context, e *env, db string, ids []int64) error {
	st, err := openExistingArchive(ctx, e, db)
	if err != nil {
		return err
	}
	defer st.Close()
	var errs []error
	for _, id := range ids {
		if err := st.Delete(ctx, id); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// archiveCheck is brief archive check.
func archiveCheck(ctx context.Context, e *env, db string) error {
	st, err := openExistingArchive(ctx, e, db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "brief: %s: ok\n", st.Location())
	return nil
}

// archiveExport is brief archive export: the archive as JSON Lines on
// stdout or, atomically, into a file.
func archiveExport(ctx context.Context, e *env, o archiveExportOptions) error {
	st, err := openExistingArchive(ctx, e, o.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	return e.writeTarget(o.Out.Target, func(w io.Writer) error {
		return st.Export(ctx, w)
	})
}

// archiveImport is brief archive import: the export in file name (- for
// stdin) merged into the archive.
func archiveImport(ctx context.Context, e *env, db, name string) error {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return usagef("archive import: %v", err)
		}
		defer f.Close()
		r = f
	}
	st, err := openArchive(ctx, e, db)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Import(ctx, r)
	fmt.Fprintf(e.stderr, "brief: imported %d articles, %d skipped inputs, %d cached digests\n", n.Articles, n.Skipped, n.Cached)
	return err
}

// listRecord is one line of brief archive list -f jsonl.
type listRecord struct {
	ID        int64  `json:"id"`
	Added     string `json:"added"`
	Published string `json:"published"`
	Region    string `json:"region"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Site      string `json:"site,omitempty"`
	Source    string `json:"source"`
}

// archiveList is brief archive list.
func archiveList(ctx context.Context, e *env, o archiveListOptions) error {
	var q store.Query
	if !o.Day.IsZero() {
		q.From, q.To = o.Day, o.Day.AddDate(0, 0, 1)
	}
	st, err := openExistingArchive(ctx, e, o.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	rows, err := st.List(ctx, q)
	if err != nil {
		return err
	}
	if o.Format == "jsonl" {
		for _, r := range rows {
			rec := listRecord{ID: r.ID, Added: r.Added.UTC().Format(time.RFC3339), Published: formatTime(r.Article.Published),
				Title: r.Article.Title, URL: r.Article.Link(), Site: r.Article.Site, Source: r.Source}
			if r.Digest != nil {
				rec.Region = r.Digest.Region
			}
			if err := writeJSONLine(e.stdout, rec); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTIME\tREGION\tTITLE\tSOURCE")
	for _, r := range rows {
		at, mark := r.Article.Published, ""
		if at.IsZero() {
			at, mark = r.Added, "+" // added time: publish date unknown
		}
		region := "-"
		if r.Digest != nil {
			region = r.Digest.Region
		}
		title := r.Article.Title
		if len([]rune(title)) > 60 {
			title = string([]rune(title)[:59]) + "…"
		}
		src := r.Article.Site
		if src == "" {
			src = r.Source
		}
		fmt.Fprintf(tw, "%d\t%s%s\t%s\t%s\t%s\n", r.ID, at.In(o.Loc).Format("2006-01-02 15:04"), mark, region, flat(title), src)
	}
	return tw.Flush()
}

// archiveRequests prints the logged model requests, oldest first: a
// header line each, then (text) the messages and the reply.
func archiveRequests(ctx context.Context, e *env, o archiveRequestsOptions) error {
	st, err := openExistingArchive(ctx, e, o.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	reqs, err := st.ModelRequests(ctx, o.Last)
	if err != nil {
		return err
	}
	for _, r := range reqs {
		if o.Format == "jsonl" {
			if err := writeJSONLine(e.stdout, struct {
				ID               string          `json:"id"`
				Time             string          `json:"time"`
				Backend          string          `json:"backend"`
				Model            string          `json:"model"`
				Article          string          `json:"article"`
				Purpose          string          `json:"purpose"`
				Messages         json.RawMessage `json:"messages"`
				Reply            string          `json:"reply"`
				Error            string          `json:"error,omitempty"`
				PromptTokens     int             `json:"prompt_tokens"`
				CompletionTokens int             `json:"completion_tokens"`
				Millis           int64           `json:"ms"`
			}{r.ID, r.Created.UTC().Format(time.RFC3339), r.Backend, r.Model, r.Article, r.Purpose, json.RawMessage(r.Request),
				r.Reply, r.Err, r.PromptTokens, r.CompletionTokens, r.Took.Milliseconds()}); err != nil {
				return err
			}
			continue
		}
		var msgs []struct{ Role, Content string }
		_ = json.Unmarshal([]byte(r.Request), &msgs)
		var b strings.Builder
		fmt.Fprintf(&b, "=== %s %s %s %s · %s · %s · %d+%d tokens · %s\n", r.Created.UTC().Format(time.RFC3339), r.ID, r.Backend, r.Model,
			textsafe.Line(r.Article), r.Purpose, r.PromptTokens, r.CompletionTokens, r.Took.Round(time.Millisecond))
		for _, m := range msgs {
			fmt.Fprintf(&b, "[%s]\n%s\n", m.Role, textsafe.Clean(m.Content))
		}
		if r.Err != "" {
			fmt.Fprintf(&b, "[error]\n%s\n", textsafe.Clean(r.Err))
		} else {
			fmt.Fprintf(&b, "[reply]\n%s\n", textsafe.Clean(r.Reply))
		}
		b.WriteString("\n")
		if _, err := io.WriteString(e.stdout, b.String()); err != nil {
			return err
		}
	}
	return nil
}
