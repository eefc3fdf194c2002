package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/image/font/sfnt"

	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

// Typed options. Each command resolves its flags once, before it does any
// work, into one of these values: urfave/cli has already applied the
// precedence flag > environment (EnvVars) > config file (applyConfig sets
// the flags left unset) > default, and the resolve functions check every
// value, so a bad one is a usage error before anything is read, fetched
// or written. The code after them reads the struct, not *cli.Context:
// each command's Action is an adapter, resolve → open the model (see
// newModelRun) → run(ctx, e, options). TestCommandsReadOptionsNotContext
// holds every file of cmd/brief to this, and TestCommandFlagsAreRead
// checks that a command offers only flags its resolve functions read.

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
	if n := slices.Index(o.Inputs, "-"); n >= 0 && slices.Contains(o.Inputs[n+1:], "-") {
		return o, usagef("- (stdin) given twice: it can be read once")
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
		if t.After(e.now()) {
			return o, usagef("--since %q: in the future: no feed item would be kept", s)
		}
		o.Since = t
	}
	return o, nil
}

// summarizerOptions are the options that choose and configure the
// summarizer. LLM holds the model backends' own settings (base URL, rate
// limits, retries, prompt template, dry run…), described by
// llm.Settings and resolved by resolveModel.
type summarizerOptions struct {
	Backend      string
	Model        string
	Takeaways    int // at least 1
	MaxQuotes    int // 0: no limit
	Method       string
	StrictQuotes bool
	LLM          llm.Options
	// DB is the archive that keeps the model backends' cache and request
	// log; "" when the run needs neither (an offline backend, --no-cache
	// without --log-requests, --dry-run).
	DB string
	// Sizes are the inputs whose lengths size Ollama's context window
	// (num_ctx); nil when the command has none.
	Sizes *inputOptions
}

// resolveSummarizer reads and checks the summarizer options.
func resolveSummarizer(c *cli.Context, e *env) (summarizerOptions, error) {
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
	var err error
	if o.LLM, err = resolveModel(c, e); err != nil {
		return o, err
	}
	if row, err := summarize.Lookup(o.Backend); err == nil && row.Model && !o.LLM.DryRun && (!o.LLM.NoCache || o.LLM.LogRequests) {
		if o.DB, err = resolveDB(c, e); err != nil {
			return o, err
		}
	}
	if in, err := resolveInputs(c, e); err == nil {
		o.Sizes = &in
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
	// DB is the archive, when the briefing is built from it.
	DB string
	// Filter picks the archived digests of --backend and --model when
	// given (flag or environment).
	Filter store.Query
	// Mail sends the briefing; nil without --mail-to or --mail.
	Mail *mailer
}

// resolveBriefing reads and checks brief briefing's options. mail tells
// whether the briefing is mailed (then -f and -o may be left out).
func resolveBriefing(c *cli.Context, e *env) (briefingOptions, error) {
	var o briefingOptions
	var err error
	if o.Mail, err = resolveMail(c, e); err != nil {
		return o, err
	}
	mail := o.Mail != nil
	o.Archive = c.NArg() == 0
	if !o.Archive {
		if o.Inputs, err = resolveInputs(c, e); err != nil {
			return o, err
		}
	} else {
		if o.DB, err = resolveDB(c, e); err != nil {
			return o, err
		}
		if c.IsSet("backend") {
			o.Filter.Backend = c.String("backend")
		}
		if c.IsSet("model") {
			o.Filter.Model = c.String("model")
		}
	}
	if o.Summarizer, err = resolveSummarizer(c, e); err != nil {
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
		// DIR/ is created if need be: the nearest directory there must
		// take it, or the files.
		d := filepath.Clean(o.Output)
		for {
			if fi, err := os.Stat(d); err == nil {
				if !fi.IsDir() {
					return o, usagef("-o %s: %s is not a directory", o.Output, d)
				}
				break
			}
			if parent := filepath.Dir(d); parent != d {
				d = parent
				continue
			}
			break
		}
		if err := writableDir(d); err != nil {
			return o, usagef("-o %s: %v", o.Output, err)
		}
	case o.Output == "" || o.Output == "-":
		o.Target = outputTarget{std: e.stdout}
	default:
		if o.Target, err = e.resolveOutput(o.Output); err != nil {
			return o, err
		}
	}
	if !o.Dir {
		if err := notClobbered(o.Target, o.Output, o.Inputs.Inputs, o.DB); err != nil {
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
		if err := checkFont(o.Font); err != nil {
			return o, err
		}
	}
	o.AllowEmpty = c.Bool("allow-empty")
	return o, nil
}

// resolveDB returns --db (a file path or a postgres:// URL; the config
// file's db when unset), else the default archive path.
// A --db that names a directory or a device is a usage error.
func resolveDB(c *cli.Context, e *env) (string, error) {
	p := c.String("db")
	if p == "" {
		var err error
		if p, err = store.DefaultPath(e.getenv); err != nil {
			return "", usageError{err}
		}
	}
	if !store.IsPostgres(p) {
		if fi, err := os.Stat(p); err == nil && !fi.Mode().IsRegular() {
			return "", usagef("--db %s: not a file (an archive is an SQLite file or a postgres:// URL)", p)
		}
	}
	return p, nil
}

// formatOptions are -f and -o of a command that writes one format.
type formatOptions struct {
	Format string       // one of the command's formats (see pickFormat)
	Output string       // -o as given; "" or "-": stdout
	Target outputTarget // where the output goes (stdout, a file, a FIFO…)
}

// resolveFormat reads -f and -o and decides the format (see pickFormat);
// alias maps an old name of a format to its name.
func resolveFormat(c *cli.Context, e *env, alias map[string]string, tty, notty string, allowed ...string) (formatOptions, error) {
	o := formatOptions{Format: c.String("format"), Output: c.String("output")}
	if a, ok := alias[o.Format]; ok {
		o.Format = a
	}
	f, err := pickFormat(o.Format, o.Output, e.stdout, tty, notty, allowed...)
	if err != nil {
		return o, err
	}
	o.Format = f
	if o.Output == "" || o.Output == "-" {
		o.Target = outputTarget{std: e.stdout}
		return o, nil
	}
	o.Target, err = e.resolveOutput(o.Output)
	return o, err
}

// summarizeOptions are brief summarize's options.
type summarizeOptions struct {
	Out        formatOptions // md, json or jsonl
	Inputs     inputOptions
	Summarizer summarizerOptions
	// DB is the archive each digest is saved into (--save); "" without.
	DB string
	// DryRunJSON writes --dry-run's requests as JSON Lines (-f json or
	// jsonl given); else they are printed as text.
	DryRunJSON bool
}

// resolveSummarize reads and checks brief summarize's options.
func resolveSummarize(c *cli.Context, e *env) (summarizeOptions, error) {
	var o summarizeOptions
	var err error
	if o.Out, err = resolveFormat(c, e, nil, "md", "jsonl", "md", "json", "jsonl"); err != nil {
		return o, err
	}
	if o.Inputs, err = resolveInputs(c, e); err != nil {
		return o, err
	}
	if o.Summarizer, err = resolveSummarizer(c, e); err != nil {
		return o, err
	}
	f := c.String("format")
	o.DryRunJSON = f == "json" || f == "jsonl"
	if c.Bool("save") {
		if o.DB, err = resolveDB(c, e); err != nil {
			return o, err
		}
	}
	return o, notClobbered(o.Out.Target, o.Out.Output, o.Inputs.Inputs, o.DB)
}

// extractOptions are brief extract's options.
type extractOptions struct {
	Out    formatOptions // md, json or jsonl
	Inputs inputOptions
}

// resolveExtract reads and checks brief extract's options.
func resolveExtract(c *cli.Context, e *env) (extractOptions, error) {
	var o extractOptions
	var err error
	// "text" is md's name before brief 0.x: the same Markdown.
	if o.Out, err = resolveFormat(c, e, map[string]string{"text": "md"}, "md", "jsonl", "md", "json", "jsonl"); err != nil {
		return o, err
	}
	if o.Inputs, err = resolveInputs(c, e); err != nil {
		return o, err
	}
	return o, notClobbered(o.Out.Target, o.Out.Output, o.Inputs.Inputs, "")
}

// addOptions are brief add's options.
type addOptions struct {
	Inputs     inputOptions
	Summarizer summarizerOptions
	DB         string
	// Batch sends the model requests as one batch job (see batch.go).
	Batch bool
	// NoWait returns once the batch is submitted; Poll is the first wait
	// between its status checks.
	NoWait bool
	Poll   time.Duration
}

// resolveAdd reads and checks brief add's options.
func resolveAdd(c *cli.Context, e *env) (addOptions, error) {
	var o addOptions
	var err error
	if o.Inputs, err = resolveInputs(c, e); err != nil {
		return o, err
	}
	if o.Summarizer, err = resolveSummarizer(c, e); err != nil {
		return o, err
	}
	o.Batch, o.NoWait, o.Poll = c.Bool("batch"), c.Bool("no-wait"), c.Duration("poll")
	o.DB, err = resolveDB(c, e)
	return o, err
}

// archiveListOptions are brief archive list's options.
type archiveListOptions struct {
	DB     string
	Format string         // text or jsonl
	Loc    *time.Location // --tz: for --date and the times shown
	Day    time.Time      // --date's midnight; zero: every day
}

// resolveArchiveList reads and checks brief archive list's options.
func resolveArchiveList(c *cli.Context, e *env) (archiveListOptions, error) {
	o := archiveListOptions{Format: c.String("format")}
	if o.Format != "text" && o.Format != "jsonl" {
		return o, usagef("archive list: unknown format %q (want text or jsonl)", o.Format)
	}
	var err error
	if o.Loc, err = loadLocation(c.String("tz")); err != nil {
		return o, err
	}
	if d := c.String("date"); d != "" {
		if o.Day, err = parseDay(d, e.now().In(o.Loc)); err != nil {
			return o, err
		}
	}
	o.DB, err = resolveDB(c, e)
	return o, err
}

// archiveRequestsOptions are brief archive requests' options.
type archiveRequestsOptions struct {
	DB     string
	Format string // text or jsonl
	Last   int    // 0: all
}

// resolveArchiveRequests reads and checks brief archive requests' options.
func resolveArchiveRequests(c *cli.Context, e *env) (archiveRequestsOptions, error) {
	o := archiveRequestsOptions{Format: c.String("format"), Last: c.Int("last")}
	if o.Format != "text" && o.Format != "jsonl" {
		return o, usagef("archive requests: unknown format %q (want text or jsonl)", o.Format)
	}
	if o.Last < 0 {
		return o, usagef("archive requests: --last %d: want 0 (all) or more", o.Last)
	}
	var err error
	o.DB, err = resolveDB(c, e)
	return o, err
}

// resolveArchiveIDs reads the article IDs of brief archive rm.
func resolveArchiveIDs(c *cli.Context) ([]int64, error) {
	if c.NArg() == 0 {
		return nil, usagef("archive rm: give the IDs to remove (see brief archive list)")
	}
	var ids []int64
	for _, a := range c.Args().Slice() {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return nil, usagef("archive rm: %q is not an article ID", a)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// modelRun is how a command reaches its summarizer: opened on demand (a
// briefing from the archive needs one only for articles without a
// digest), and judged by the LLM session's verdict (llm.Session.Verdict).
// The Action adapters build it from the resolved options.
type modelRun struct {
	open func() (summarize.Summarizer, error)
	// verdict fails the run when the model's calls went wrong: before
	// the output is written (written false), or after.
	verdict func(written bool) error
}

// newModelRun is the modelRun of the summarizer o names.
func newModelRun(ctx context.Context, e *env, o summarizerOptions) modelRun {
	return modelRun{
		open:    func() (summarize.Summarizer, error) { return openSummarizerWith(ctx, e, o) },
		verdict: func(written bool) error { return e.session.Verdict(written) },
	}
}

// openSummarizerWith opens the backend o names (see openBackend).
func openSummarizerWith(ctx context.Context, e *env, o summarizerOptions) (summarize.Summarizer, error) {
	s, err := openBackend(ctx, e, o)
	if err != nil {
		return nil, err
	}
	if o.StrictQuotes {
		s = strictQuotes{s}
	}
	return s, nil
}

// Sizes of the files options name: a config file, a template or a font
// larger than these is a mistake (or /dev/zero), not read to the end.
const (
	maxConfigSize = 1 << 20
	maxFontSize   = 64 << 20
)

// errOptionFileTooBig reports a file over its option's size.
var errOptionFileTooBig = errors.New("file too large")

// readOptionFile reads the file an option names, at most max bytes (a
// whole number of MiB): a
// directory, or a longer file or stream (a device), is an error naming
// it, and so is one that cannot be read.
func readOptionFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	raw, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%s: %w: over %d MiB", path, errOptionFileTooBig, max>>20)
	}
	return raw, nil
}

// checkFont checks that --font names a TrueType font brief can read,
// before any work: the PDF renderer reads it again when it draws.
func checkFont(path string) error {
	raw, err := readOptionFile(path, maxFontSize)
	if err != nil {
		return usagef("--font: %v", err)
	}
	if _, err := sfnt.Parse(raw); err != nil {
		return usagef("--font %s: not a TrueType font (%v)", path, err)
	}
	return nil
}

// notClobbered refuses -o naming a file the run reads: one of the input
// files, or the archive (brief archive export -o brief.db would replace
// the database with its own export).
func notClobbered(t outputTarget, output string, inputs []string, db string) error {
	if t.std != nil || t.direct || t.path == "" {
		return nil
	}
	out, err := os.Stat(t.path)
	if err != nil {
		return nil // a new file is nobody's input
	}
	for _, in := range inputs {
		if fi, err := os.Stat(in); err == nil && fi.Mode().IsRegular() && os.SameFile(out, fi) {
			return usagef("-o %s: it is also an input: the output would replace it", output)
		}
	}
	if db != "" && !store.IsPostgres(db) {
		if fi, err := os.Stat(db); err == nil && os.SameFile(out, fi) {
			return usagef("-o %s: it is the archive (--db): the output would replace it", output)
		}
	}
	return nil
}

// archiveExportOptions are brief archive export's options.
type archiveExportOptions struct {
	DB  string
	Out formatOptions // jsonl
}

// resolveArchiveExport reads and checks brief archive export's options.
func resolveArchiveExport(c *cli.Context, e *env) (archiveExportOptions, error) {
	var o archiveExportOptions
	var err error
	if o.Out, err = resolveFormat(c, e, nil, "jsonl", "jsonl", "jsonl"); err != nil {
		return o, err
	}
	if o.DB, err = resolveDB(c, e); err != nil {
		return o, err
	}
	return o, notClobbered(o.Out.Target, o.Out.Output, nil, o.DB)
}
