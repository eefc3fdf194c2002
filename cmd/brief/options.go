package main

import (
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/summarize"
)

// Typed options. Each command resolves its flags once, before it does any
// work, into one of these values: urfave/cli has already applied the
// precedence flag > environment (EnvVars) > config file (applyConfig sets
// the flags left unset) > default, and the resolve functions check every
// value, so a bad one is a usage error before anything is read, fetched
// or written. The code after them reads the struct, not *cli.Context.

// inputOptions are the options of the commands that read inputs.
type inputOptions struct {
	Inputs         []string
	Jobs           int           // 1 to maxJobs
	Timeout        time.Duration // per HTTP request; 0: the fetcher's default
	UserAgent      string
	AllowPrivate   bool
	FollowSymlinks bool
	Since          time.Time // zero: no bound on feed items
}

// resolveInputs reads and checks the input options.
func resolveInputs(c *cli.Context, e *env) (inputOptions, error) {
	o := inputOptions{
		Inputs:         c.Args().Slice(),
		Jobs:           c.Int("jobs"),
		Timeout:        c.Duration("timeout"),
		UserAgent:      c.String("user-agent"),
		AllowPrivate:   c.Bool("allow-private"),
		FollowSymlinks: c.Bool("follow-symlinks"),
	}
	if len(o.Inputs) == 0 {
		return o, usagef("no inputs (give files, directories, URLs, or - for stdin)")
	}
	if o.Jobs < 1 || o.Jobs > maxJobs {
		return o, usagef("-j %d: want 1 to %d articles at once", o.Jobs, maxJobs)
	}
	if o.Timeout < 0 {
		return o, usagef("--timeout %v: must be positive", o.Timeout)
	}
	if s := c.String("since"); s != "" {
		t, err := parseSince(s, e.now())
		if err != nil {
			return o, usagef("--since %q: %v", s, err)
		}
		o.Since = t
	}
	return o, nil
}

// summarizerOptions are the options that choose and configure the
// summarizer. The LLM backends' own settings (base URL, rate limits,
// retries, prompt template…) are read by llm.go, which owns them.
type summarizerOptions struct {
	Backend      string
	Model        string
	Takeaways    int // at least 1
	MaxQuotes    int // 0: no limit
	Method       string
	StrictQuotes bool
}

// resolveSummarizer reads and checks the summarizer options.
func resolveSummarizer(c *cli.Context) (summarizerOptions, error) {
	o := summarizerOptions{
		Backend:      c.String("backend"),
		Model:        c.String("model"),
		Takeaways:    c.Int("takeaways"),
		MaxQuotes:    c.Int("max-quotes"),
		Method:       c.String("method"),
		StrictQuotes: c.Bool("strict-quotes"),
	}
	if o.Takeaways < 1 {
		return o, usagef("--takeaways must be at least 1")
	}
	if o.MaxQuotes < 0 {
		return o, usagef("--max-quotes must be 0 (no limit) or more")
	}
	switch o.Method {
	case "", "rank", "lead":
	default:
		return o, usagef("--method %q: want rank or lead", o.Method)
	}
	return o, nil
}

// config is the summarize.Config these options ask for.
func (o summarizerOptions) config(e *env) summarize.Config {
	return summarize.Config{
		Model:     o.Model,
		Takeaways: o.Takeaways,
		MaxQuotes: o.MaxQuotes,
		Method:    o.Method,
		Taxonomy:  e.taxonomy(), // nil: the default
		Logger:    e.logger,
	}
}

// briefingOptions are brief briefing's options.
type briefingOptions struct {
	// Inputs are the input options; with no inputs (Archive) the briefing
	// is built from the archive.
	Inputs  inputOptions
	Archive bool
	// Summarizer is checked here; it is opened only when needed.
	Summarizer summarizerOptions
	Formats    []string     // md, html, json, pdf; nil: mail only
	Output     string       // -o as given
	Dir        bool         // -o names a directory: DIR/briefing-DATE.EXT
	Target     outputTarget // where one format goes, when !Dir
	Day        time.Time    // midnight of --date in --tz
	DateSet    bool         // --date was given (flag or environment)
	Title      string
	Template   string // --template's text
	Font       string
	AllowEmpty bool
}

// resolveBriefing reads and checks brief briefing's options. mail tells
// whether the briefing is mailed (then -f and -o may be left out).
func resolveBriefing(c *cli.Context, e *env, mail bool) (briefingOptions, error) {
	var o briefingOptions
	var err error
	o.Archive = c.NArg() == 0
	if !o.Archive {
		if o.Inputs, err = resolveInputs(c, e); err != nil {
			return o, err
		}
	}
	if o.Summarizer, err = resolveSummarizer(c); err != nil {
		return o, err
	}
	o.Output = c.String("output")
	o.Formats, err = briefingFormats(e, c.StringSlice("format"), c.IsSet("format") && !e.fromConfig["format"], o.Output, mail)
	if err != nil {
		return o, err
	}
	o.Dir = isDir(o.Output)
	if len(o.Formats) > 1 && !o.Dir {
		return o, usagef("several formats need -o DIR/")
	}
	switch {
	case o.Dir:
	case o.Output == "" || o.Output == "-":
		o.Target = outputTarget{std: e.stdout}
	default:
		if o.Target, err = e.resolveOutput(o.Output); err != nil {
			return o, err
		}
	}
	for _, f := range o.Formats {
		if f == "pdf" && !o.Dir && o.Target.isTerminal() {
			return o, usagef("not writing a PDF to a terminal: give -o FILE.pdf, or redirect stdout")
		}
	}
	loc, err := loadLocation(c.String("tz"))
	if err != nil {
		return o, err
	}
	// "today" is the day of the document's time: now, or
	// SOURCE_DATE_EPOCH for a reproducible briefing.
	if o.Day, err = parseDay(c.String("date"), e.documentTime().In(loc)); err != nil {
		return o, err
	}
	o.DateSet = c.IsSet("date")
	o.Title = c.String("title")
	if p := c.String("template"); p != "" {
		if o.Template, err = readTemplate(p); err != nil {
			return o, err
		}
	}
	o.Font = c.String("font")
	if o.Font != "" {
		if _, err := os.Stat(o.Font); err != nil {
			return o, usagef("--font: %v", err)
		}
	}
	o.AllowEmpty = c.Bool("allow-empty")
	return o, nil
}
