package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/html"
	"github.com/brief-news/brief/briefing/markdown"
	"github.com/brief-news/brief/briefing/pdf"
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
   brief briefing --title "Asia desk" --date 2026-11-24 urls.txt`,
		Flags: append(append([]cli.Flag{
			&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: md, html, json or pdf (repeat for several)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `PATH` (a file, or a directory for briefing-DATE.EXT)"},
			&cli.StringFlag{Name: "date", Value: "today", Usage: "day of the briefing: today, yesterday or YYYY-MM-DD", EnvVars: []string{"BRIEF_DATE"}},
			&cli.StringFlag{Name: "tz", Usage: "time zone `Area/City` for the date (default: the config file's timezone, else local, which TZ sets)", EnvVars: []string{"BRIEF_TZ"}},
			&cli.StringFlag{Name: "title", Usage: "briefing title", Value: "Daily briefing"},
			&cli.StringFlag{Name: "template", Usage: "Markdown template `FILE` overriding the default"},
			&cli.StringFlag{Name: "font", Usage: "TrueType `FILE` (.ttf) for characters the PDF's Go fonts lack", EnvVars: []string{"BRIEF_FONT"}},
		}, append(summarizerFlags(), mailFlags()...)...), inputFlags()...),
		Action: func(c *cli.Context) error {
			mailer, err := newMailer(c, e) // nil without --mail-to
			if err != nil {
				return err
			}
			formats := c.StringSlice("format")
			if len(formats) == 0 && (mailer == nil || c.String("output") != "") {
				formats = []string{"md"}
			}
			for _, f := range formats {
				if _, ok := renderers[f]; !ok {
					return usagef("unknown format %q (want md, html, json or pdf)", f)
				}
			}
			out := c.String("output")
			if len(formats) > 1 && !isDir(out) {
				return usagef("several formats need -o DIR")
			}
			loc, err := loadLocation(c.String("tz"))
			if err != nil {
				return err
			}
			day, err := parseDay(c.String("date"), e.now().In(loc))
			if err != nil {
				return err
			}
			var tmpl string
			if p := c.String("template"); p != "" {
				raw, err := os.ReadFile(p)
				if err != nil {
					return usagef("--template: %v", err)
				}
				tmpl = string(raw)
			}
			var entries []briefing.Entry
			var skipped []briefing.Skipped
			var failed, total int
			if c.NArg() == 0 {
				// No inputs: the archived articles of that day.
				if entries, skipped, err = archiveEntries(c, e, day); err != nil {
					return err
				}
			} else {
				s, err := openSummarizer(c, e)
				if err != nil {
					return err
				}
				var bad []result
				bad, failed, total, err = runInputsSkipped(c, e, s, func(r result) error {
					entries = append(entries, briefing.Entry{Article: r.article, Digest: r.digest, Added: e.now()})
					return nil
				})
				if err != nil {
					return err
				}
				for _, r := range bad {
					skipped = append(skipped, briefing.Skipped{Source: r.src.ID, Reason: oneLine(r.err)})
				}
				if err := modelVerdict(c, false); err != nil {
					return err // a bad key or model: no briefing
				}
			}
			b := briefing.Build(entries, skipped, briefing.Options{Title: c.String("title"), Date: day, Taxonomy: e.taxonomy()})
			ro := renderOptions{template: tmpl, font: c.String("font"), now: e.documentTime(), warn: func(msg string) { e.logger.Warn(msg) }}
			if strings.HasSuffix(out, "/") {
				if err := os.MkdirAll(out, 0o755); err != nil {
					return fmt.Errorf("create output directory: %w", err)
				}
			}
			for _, f := range formats {
				path := out
				if isDir(out) {
					path = filepath.Join(out, fmt.Sprintf("briefing-%s.%s", day.Format("2006-01-02"), f))
				}
				render := renderers[f]
				if err := withOutput(path, e.stdout, func(w io.Writer) error {
					return render(w, b, ro)
				}); err != nil {
					return fmt.Errorf("render %s: %w", f, err)
				}
			}
			if mailer != nil {
				if err := mailer.send(c.Context, b, ro); err != nil {
					return err
				}
			}
			if err := modelVerdict(c, true); err != nil {
				return err
			}
			return partial(failed, total)
		},
	}
}

type renderOptions struct {
	template string
	font     string           // --font, for PDF
	now      time.Time        // dates the PDF
	warn     func(msg string) // renderer warnings
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
