package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/html"
	"github.com/brief-news/brief/briefing/markdown"
	"github.com/brief-news/brief/briefing/pdf"
	"github.com/brief-news/brief/internal/textsafe"
)

func briefingCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "briefing",
		Usage:     "assemble a briefing grouped by region",
		ArgsUsage: "INPUT... (URL, file, directory, feed, or - for stdin)",
		Description: `Builds the briefing from the inputs given or, with none, from the archived
articles of --date in --tz (their publish time, else the time they were added).

Examples:
   brief briefing examples/articles/ -f md -o briefing.md
   brief briefing examples/articles/ -f pdf -o out/         writes out/briefing-YYYY-MM-DD.pdf
   brief briefing --date yesterday --tz Europe/Berlin -f pdf -o /srv/briefings/
   BRIEF_SMTP_PASSWORD=… brief briefing --date yesterday --mail-to desk@example.org --smtp-url smtp://me@mail.example.org:587
   brief briefing --title "Asia desk" --date 2026-11-24 urls.txt   the articles of urls.txt published on 24 November`,
		Flags: append(append([]cli.Flag{
			&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: md, html, json or pdf (repeat for several)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `PATH` (a file, or a directory for briefing-DATE.EXT)"},
			&cli.StringFlag{Name: "date", Value: "today", Usage: "day of the briefing: today, yesterday or YYYY-MM-DD; with inputs, only those published that day are used (undated ones only for today)", EnvVars: []string{"BRIEF_DATE"}},
			&cli.StringFlag{Name: "tz", Usage: "time zone `Area/City` for the date (default: the config file's timezone, else local, which TZ sets)", EnvVars: []string{"BRIEF_TZ"}},
			&cli.StringFlag{Name: "title", Usage: "briefing title", Value: "Daily briefing"},
			&cli.StringFlag{Name: "template", Usage: "Markdown template `FILE` overriding the default"},
			&cli.BoolFlag{Name: "allow-empty", Usage: "write (and mail) the briefing even when no input gave a story"},
			&cli.StringFlag{Name: "font", Usage: "TrueType `FILE` (.ttf) tried first for characters the PDF's embedded fonts lack (installed fonts are found without it)", EnvVars: []string{"BRIEF_FONT"}},
		}, append(summarizerFlags(false), mailFlags()...)...), inputFlags()...),
		Action: func(c *cli.Context) error {
			o, err := resolveBriefing(c, e)
			if err != nil {
				return err
			}
			return runBriefing(c.Context, e, o, newModelRun(c.Context, e, o.Summarizer))
		},
	}
}

// runBriefing is brief briefing: the briefing of the inputs, or of the
// archive's day, written in each format and mailed.
func runBriefing(ctx context.Context, e *env, o briefingOptions, m modelRun) error {
	var entries []briefing.Entry
	var skipped []briefing.Skipped
	var failed, total int
	var err error
	empty := "no stories: every input failed"
	if o.Archive {
		// No inputs: the archived articles of that day.
		if entries, skipped, err = archiveEntries(ctx, e, o, m); err != nil {
			return err
		}
		empty = fmt.Sprintf("no stories: the archive has no articles for %s", o.Day.Format("2006-01-02"))
	} else {
		s, err := m.open()
		if err != nil {
			return err
		}
		var bad []result
		bad, failed, total, err = runInputStream(ctx, e, o.Inputs, s, func(r result) error {
			entries = append(entries, briefing.Entry{Article: r.article, Digest: r.digest, Added: e.now()})
			return nil
		})
		if err != nil {
			return err
		}
		for _, r := range bad {
			skipped = append(skipped, briefing.Skipped{Source: r.src.ID, Reason: oneLine(r.err)})
		}
		if o.DateSet {
			// --date picks that day's articles from the inputs too,
			// as it does from the archive.
			entries = onDay(e, entries, o.Day)
			empty = fmt.Sprintf("no stories: no input was published on %s", o.Day.Format("2006-01-02"))
		}
		if err := m.verdict(false); err != nil {
			return err // a bad key or model: no briefing
		}
	}
	if len(entries) == 0 && !o.AllowEmpty {
		// Nothing is written and nothing mailed: a cron job
		// must not deliver an empty briefing as if it were one.
		return errors.New(empty)
	}
	b := briefing.Build(entries, skipped, briefing.Options{Title: o.Title, Date: o.Day, Taxonomy: e.taxonomy()})
	ro := renderOptions{template: o.Template, font: o.Font, now: e.documentTime(), warn: func(msg string) { e.logger.Warn(msg) }}
	if o.Dir {
		if err := os.MkdirAll(o.Output, 0o755); err != nil {
			return fmt.Errorf("create output directory: %w", err)
		}
	}
	for _, f := range o.Formats {
		t := o.Target
		if o.Dir {
			if t, err = e.resolveOutput(filepath.Join(o.Output, fmt.Sprintf("briefing-%s.%s", o.Day.Format("2006-01-02"), f))); err != nil {
				return err
			}
		}
		pages := 0
		if err := e.writeTarget(t, func(w io.Writer) error {
			var err error
			pages, err = render(f, w, b, ro)
			return err
		}); err != nil {
			return fmt.Errorf("render %s: %w", f, err)
		}
		if t.std == nil && isTerminal(e.stderr) {
			fmt.Fprintf(e.stderr, "brief: wrote %s\n", wroteLine(t.path, b, pages))
		}
	}
	if o.Mail != nil {
		if err := o.Mail.send(ctx, b, ro); err != nil {
			return err
		}
	}
	if err := m.verdict(true); err != nil {
		return err
	}
	return partial(failed, total)
}

// onDay keeps the entries published on the day starting at day (midnight
// in its location), and those with no publish date when day is today (the
// day they are added); it says on stderr which it left out.
func onDay(e *env, entries []briefing.Entry, day time.Time) []briefing.Entry {
	next := day.AddDate(0, 0, 1)
	now := e.now().In(day.Location())
	today := !now.Before(day) && now.Before(next)
	return slices.DeleteFunc(entries, func(en briefing.Entry) bool {
		p := en.Article.Published
		keep := (p.IsZero() && today) || (!p.IsZero() && !p.Before(day) && p.Before(next))
		if !keep {
			when := "no publish date"
			if !p.IsZero() {
				when = "published " + p.In(day.Location()).Format("2006-01-02")
			}
			fmt.Fprintf(e.stderr, "brief: %s: %s, not on %s: left out (--date)\n", textsafe.Line(en.Article.ID), when, day.Format("2006-01-02"))
		}
		return !keep
	})
}

// wroteLine is what a run on a terminal says it wrote:
// "today.pdf: 13 stories, 6 pages".
func wroteLine(path string, b *briefing.Briefing, pages int) string {
	s := fmt.Sprintf("%s: %s", textsafe.Line(path), plural(b.Glance.Stories, "story", "stories"))
	if pages > 0 {
		s += ", " + plural(pages, "page", "pages")
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// extFormats maps the extensions of -o to the output formats they imply.
var extFormats = map[string]string{
	".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
	".json": "json", ".jsonl": "jsonl", ".pdf": "pdf",
}

// briefingFormats decides the briefing's formats: -f when given (several
// need -o DIR/), else the extension of -o, else md. A format given on the
// command line or in the environment that contradicts -o's extension is a
// usage error; one from the config file yields to -o.
func briefingFormats(e *env, given []string, explicit bool, out string, mail bool) ([]string, error) {
	for _, f := range given {
		if _, ok := renderers[f]; !ok {
			return nil, usagef("unknown format %q (want md, html, json or pdf)", f)
		}
	}
	extFormat := ""
	if out != "" && out != "-" && !isDir(out) {
		extFormat = extFormats[strings.ToLower(filepath.Ext(out))]
		if extFormat != "" {
			if _, ok := renderers[extFormat]; !ok {
				return nil, usagef("-o %s: a briefing is md, html, json or pdf", out)
			}
		}
	}
	switch {
	case len(given) > 0 && explicit:
		if extFormat != "" && (len(given) > 1 || given[0] != extFormat) {
			return nil, usagef("-f %s conflicts with -o %s (%s is %s)", strings.Join(given, ","), out, filepath.Ext(out), extFormat)
		}
		return given, nil
	case extFormat != "":
		return []string{extFormat}, nil
	case len(given) > 0:
		return given, nil
	case mail && out == "":
		return nil, nil // mail only
	}
	return []string{"md"}, nil
}

type renderOptions struct {
	template string
	font     string           // --font, for PDF
	now      time.Time        // dates the PDF
	warn     func(msg string) // renderer warnings
	timeout  time.Duration    // render time budget; 0 means renderTimeout
}

// renderers maps each -f value to its renderer.
var renderers = map[string]func(io.Writer, *briefing.Briefing, renderOptions) error{
	"md": func(w io.Writer, b *briefing.Briefing, o renderOptions) error {
		return markdown.Write(w, b, markdown.Options{Template: o.template})
	},
	"html": func(w io.Writer, b *briefing.Briefing, _ renderOptions) error {
		return html.Write(w, b, html.Options{})
	},
	"pdf": func(w io.Writer, b *briefing.Briefing, o renderOptions) error {
		return pdf.Write(w, b, pdf.Options{Now: o.now, FontPath: o.font, Warn: o.warn})
	},
	"json": func(w io.Writer, b *briefing.Briefing, _ renderOptions) error {
		return briefing.WriteJSON(w, b)
	},
}

// Render budgets: a template (--template is the user's code) that loops
// or writes without end is stopped.
const (
	maxTemplateSize = 1 << 20  // bytes of --template
	maxRenderSize   = 64 << 20 // bytes of one rendered briefing
	renderTimeout   = 20 * time.Second
)

var errRenderTooBig = fmt.Errorf("output exceeds %d MiB", maxRenderSize>>20)

// limitedBuffer is a bytes.Buffer that refuses to grow past max bytes.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if l.Len()+len(p) > l.max {
		return 0, errRenderTooBig
	}
	return l.Buffer.Write(p)
}

// render renders b in format f to w within the render budgets, and
// returns the PDF's page count (0 for other formats). The renderer runs
// on its own goroutine so that one that does not stop (a looping
// template) is abandoned at the time limit; the process then exits.
func render(f string, w io.Writer, b *briefing.Briefing, ro renderOptions) (int, error) {
	r, ok := renderers[f]
	if !ok {
		return 0, fmt.Errorf("format %s not built in", f)
	}
	buf := &limitedBuffer{max: maxRenderSize}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- fmt.Errorf("renderer failed: %v", v)
			}
		}()
		done <- r(buf, b, ro)
	}()
	limit := ro.timeout
	if limit <= 0 {
		limit = renderTimeout
	}
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return 0, err
		}
	case <-timer.C:
		return 0, fmt.Errorf("rendering took longer than %v (a looping template?)", limit)
	}
	pages := 0
	if f == "pdf" {
		pages = pdfPages(buf.Bytes())
	}
	_, err := w.Write(buf.Bytes())
	return pages, err
}

// pdfPages counts the page objects of a PDF written by briefing/pdf.
func pdfPages(doc []byte) int {
	return bytes.Count(doc, []byte("/Type /Page\n")) + bytes.Count(doc, []byte("/Type /Page>>"))
}

// readTemplate reads --template, refusing one over maxTemplateSize.
func readTemplate(p string) (string, error) {
	raw, err := readOptionFile(p, maxTemplateSize)
	if err != nil {
		return "", usagef("--template: %v", err)
	}
	return string(raw), nil
}

func isDir(p string) bool {
	if p == "" {
		return false
	}
	if strings.HasSuffix(p, "/") {
		return true
	}
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func loadLocation(name string) (*time.Location, error) {
	if name == "" {
		return time.Local, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, usagef("--tz %q: %v", name, err)
	}
	return loc, nil
}

// parseDay turns today, yesterday or YYYY-MM-DD into midnight of that day
// in now's location.
func parseDay(s string, now time.Time) (time.Time, error) {
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	switch s {
	case "", "today":
		return today, nil
	case "yesterday":
		return today.AddDate(0, 0, -1), nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, now.Location())
	if err != nil {
		return time.Time{}, usagef("--date %q: want today, yesterday or YYYY-MM-DD", s)
	}
	return t, nil
}

// documentTime is the time written into generated documents (the PDF's
// creation date): now, or SOURCE_DATE_EPOCH when set, so that the same
// inputs give byte-identical files (reproducible builds convention).
func (e *env) documentTime() time.Time {
	if v := e.getenv("SOURCE_DATE_EPOCH"); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return e.now()
}
