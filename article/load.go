package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/brief-news/brief/internal/textsafe"
)

// MaxInputBytes caps what is read from one file or from standard input.
const MaxInputBytes = 64 << 20

// Source is one article to load, found by expanding a command-line input.
type Source struct {
	// ID is the input as given (path or URL, credentials redacted; see
	// RedactURL), or a JSONL record's id. It is what to show the user.
	ID string
	// URL is set for sources fetched over HTTP. It keeps any credentials,
	// to fetch with: show ID instead.
	URL string
	// Path is set for local files.
	Path string
	// Inline holds an article already read (stdin, a JSONL record).
	Inline *Article
	// Err is set when the input could not be expanded or read.
	Err error

	// override carries JSONL fields applied after a URL is fetched.
	override *jsonlRecord
}

// Loader expands command-line inputs into sources and loads them.
//
// A directory stands for the article files in it and in its
// subdirectories (.html, .htm, .xhtml, .txt, .md, .jsonl, each also
// gzipped), in path order. Its other files are left out silently: other
// kinds of file, hidden files and directories (".draft.html", ".git"),
// FIFOs, devices and sockets, brief's own outputs (a briefing, JSONL
// digests, an archive export), symlinks that lead outside the directory
// (unless FollowSymlinks; Warn hears of them), a project's documentation files by their usual
// names (README, CHANGELOG, CHANGES, LICENSE, LICENCE, COPYING, NOTICE,
// AUTHORS, CONTRIBUTORS, CONTRIBUTING, CODE_OF_CONDUCT, MAINTAINERS, in any
// case and with any extension), and text files that hold nothing but URLs
// and comments (a list of where articles are, not an article). A file
// named on the command line is always read.
type Loader struct {
	// Fetcher fetches URLs; nil means NewFetcher(DefaultFetchConfig()).
	Fetcher *Fetcher
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Since, when non-zero, drops feed items published before it.
	Since time.Time
	// FollowSymlinks reads symlinks in a directory that lead outside it;
	// by default they are skipped (with a warning), so a link planted in a
	// drop directory cannot pull a private file into a briefing.
	FollowSymlinks bool
	// Warn, when not nil, receives what loading left out or corrected, by
	// source: a skipped symlink, a publish date in the future.
	Warn func(source, msg string)
	// Now gives the time of loading, the upper bound for a page's published
	// time (see ExtractOptions.Now); nil means time.Now. Pages fetched over
	// HTTP take it from the Fetcher's config instead.
	Now func() time.Time
}

func (l *Loader) fetcher() *Fetcher {
	if l.Fetcher == nil {
		cfg := DefaultFetchConfig()
		cfg.Now = l.Now
		l.Fetcher = NewFetcher(cfg)
	}
	return l.Fetcher
}

func (l *Loader) now() time.Time {
	if l.Now == nil {
		return time.Now()
	}
	return l.Now()
}

// articleExts are the file kinds a directory is searched for.
var articleExts = []string{".html", ".htm", ".xhtml", ".txt", ".md", ".jsonl"}

// Expand resolves inputs into sources: http(s) URLs (feeds into their
// items), files (.html, .htm, .txt, .md, .jsonl, each also gzipped; a .txt
// file that starts with a URL is a list of URLs, as on stdin),
// directories into their article files (see Loader),
// and "-" into the article, URL list or JSONL records on Stdin. Feed URLs
// (recognised by their path) and feed files are fetched or read here.
// An input that cannot be expanded yields one Source with Err set, so the
// caller reports it and goes on; a broken JSONL line yields one such
// Source named "stdin:LINE" or "PATH:LINE".
func (l *Loader) Expand(ctx context.Context, inputs []string) []Source {
	return slices.Collect(l.Sources(ctx, inputs))
}

// Sources is Expand as a stream: it reads JSONL files (gzipped too), and
// JSONL records or URL lists on Stdin, a line at a time as the caller
// takes their sources, so a file of any number of records is processed in
// bounded memory (one line is at most MaxInputBytes). Once ctx is done it
// yields one source with ctx's error and stops.
func (l *Loader) Sources(ctx context.Context, inputs []string) iter.Seq[Source] {
	return func(yield func(Source) bool) {
		for _, in := range inputs {
			if ctx.Err() != nil {
				yield(Source{ID: RedactURL(in), Err: ctx.Err()})
				return
			}
			var ok bool
			switch {
			case in == "-":
				ok = l.stdinSources(ctx, yield)
			case isURL(in):
				var isFeed bool
				if looksLikeFeedURL(in) {
					ok, isFeed = l.feedURL(ctx, in, yield)
				}
				if !isFeed {
					ok = yield(Source{ID: RedactURL(in), URL: in})
				}
			default:
				ok = l.pathSources(ctx, in, yield)
			}
			if !ok {
				return
			}
		}
	}
}

func yieldAll(srcs []Source, yield func(Source) bool) bool {
	for _, s := range srcs {
		if !yield(s) {
			return false
		}
	}
	return true
}

func isURL(s string) bool {
	ls := strings.ToLower(s)
	return strings.HasPrefix(ls, "http://") || strings.HasPrefix(ls, "https://")
}

// looksLikeFeedURL recognises the usual feed addresses.
func looksLikeFeedURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	p := strings.ToLower(u.Path)
	for _, suf := range []string{".xml", ".rss", ".atom", ".rdf", "/feed", "/feed/", "/rss", "/rss/", "/atom", "/atom/", "/feeds", "feed.json", "/index.json"} {
		if strings.HasSuffix(p, suf) {
			return true
		}
	}
	q := strings.ToLower(u.RawQuery)
	return strings.Contains(q, "format=rss") || strings.Contains(q, "format=atom") || strings.Contains(q, "feed=")
}

// feedURL fetches the feed at in and yields its items; isFeed is false
// when the document is not a feed (then it is an article's address).
func (l *Loader) feedURL(ctx context.Context, in string, yield func(Source) bool) (ok, isFeed bool) {
	body, _, _, err := l.fetcher().get(ctx, in, true)
	if err != nil {
		return yield(Source{ID: RedactURL(in), Err: fmt.Errorf("fetch feed %s: %w", RedactURL(in), err)}), true
	}
	return l.feedBytes(in, body, yield)
}

// feedBytes yields the items of the feed in b: JSON Feed through gofeed,
// XML feeds streamed (see xmlFeed). isFeed is false when b is no feed.
func (l *Loader) feedBytes(in string, b []byte, yield func(Source) bool) (ok, isFeed bool) {
	if t := bytes.TrimLeft(b, " \t\r\n\xef\xbb\xbf"); len(t) > 0 && t[0] == '{' {
		srcs, isFeed := l.feedSources(in, b)
		if !isFeed {
			return true, false
		}
		return yieldAll(srcs, yield), true
	}
	ok, err := l.xmlFeed(bytes.NewReader(b), in, yield)
	return ok, err == nil
}

// feedSources turns a feed document into its items' URLs; ok is false
// when b is not a feed.
func (l *Loader) feedSources(in string, b []byte) ([]Source, bool) {
	if gofeed.DetectFeedType(bytes.NewReader(b)) == gofeed.FeedTypeUnknown {
		return nil, false
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return []Source{{ID: RedactURL(in), Err: fmt.Errorf("parse feed %s: %w", RedactURL(in), err)}}, true
	}
	base, _ := url.Parse(in)
	if feed.Link != "" && !isURL(in) {
		base, _ = url.Parse(feed.Link)
	}
	var out []Source
	for _, it := range feed.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" {
			continue
		}
		if base != nil && base.Scheme != "" {
			if u, err := base.Parse(link); err == nil {
				link = u.String()
			}
		}
		if !l.Since.IsZero() {
			t := it.PublishedParsed
			if t == nil {
				t = it.UpdatedParsed
			}
			if t != nil && t.Before(l.Since) {
				continue
			}
		}
		// Like a link that is not http(s), one that does not parse (a
		// control character, a bad escape) names nothing to fetch.
		if _, err := url.Parse(link); err != nil || !isURL(link) {
			continue
		}
		out = append(out, Source{ID: RedactURL(link), URL: link})
	}
	return out, true
}

func (l *Loader) pathSources(ctx context.Context, in string, yield func(Source) bool) bool {
	fi, err := os.Stat(in)
	if err != nil {
		if scheme, _, ok := strings.Cut(in, "://"); ok && errors.Is(err, fs.ErrNotExist) && isScheme(scheme) {
			err = fmt.Errorf("read %s: %s is not a scheme brief fetches (http, https)", in, scheme)
		}
		return yield(Source{ID: in, Err: err})
	}
	if !fi.IsDir() {
		if fileKind(in) == ".txt" {
			// A list of URLs, as on stdin: its first line (after
			// comments) is a URL. Other lines are reported by number.
			b, err := readInput(in)
			if err != nil {
				return yield(Source{ID: in, Err: err})
			}
			if stdinKind(b) == kindURLs {
				return yieldAll(urlSources(b, in), yield)
			}
		}
		return l.fileSources(ctx, in, yield)
	}
	names, err := l.walkDir(in)
	if err != nil {
		return yield(Source{ID: in, Err: err})
	}
	if len(names) == 0 {
		return yield(Source{ID: in, Err: fmt.Errorf("read %s: no article files (%s, optionally .gz)", in, strings.Join(articleExts, ", "))})
	}
	for _, n := range names {
		if !l.fileSources(ctx, n, yield) {
			return false
		}
	}
	return true
}

// walkDir lists the article files under root, recursively, in path order
// (see Loader for what is left out).
func (l *Loader) walkDir(root string) ([]string, error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	var names []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			l.warn(p, fmt.Sprintf("skipped: %v", err))
			return nil // an unreadable subdirectory: go on with the rest
		}
		if p == root {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !isArticleFile(name) || isDocFile(name) {
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := filepath.EvalSymlinks(p)
			if err != nil {
				return nil // dangling
			}
			if !l.FollowSymlinks && !within(realRoot, target) {
				l.warn(p, "skipped: a symlink to "+target+", outside "+root+" (--follow-symlinks reads it)")
				return nil
			}
			if fi, err := os.Stat(target); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		case !d.Type().IsRegular():
			return nil // FIFO, device, socket: opening one may block
		}
		if isURLListFile(p) || isBriefOutput(p) {
			return nil
		}
		names = append(names, p)
		return nil
	})
	sort.Strings(names)
	return names, err
}

// within reports whether path p is dir or inside it (both cleaned and
// free of symlinks).
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// isBriefOutput recognises brief's own outputs, so a directory holding
// yesterday's briefing is not read as one more article: a briefing by its
// file name (briefing.md, briefing-2026-11-25.html) or its "At a glance"
// heading, and JSONL digests or archive exports by their first record.
func isBriefOutput(p string) bool {
	base := strings.ToLower(filepath.Base(p))
	stem := strings.TrimSuffix(strings.TrimSuffix(base, ".gz"), filepath.Ext(strings.TrimSuffix(base, ".gz")))
	if stem == "briefing" {
		return true
	}
	if d, ok := strings.CutPrefix(stem, "briefing-"); ok {
		if _, err := time.Parse("2006-01-02", d); err == nil {
			return true
		}
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch fileKind(p) {
	case ".md", ".txt":
		return bytes.Contains(head, []byte("\n## At a glance\n"))
	case ".html", ".htm", ".xhtml":
		return bytes.Contains(head, []byte(">At a glance</h2>")) && bytes.Contains(head, []byte("briefing"))
	case ".jsonl":
		first, _, _ := bytes.Cut(head, []byte("\n"))
		return bytes.Contains(first, []byte(`"kind":"brief-archive"`)) ||
			(bytes.Contains(first, []byte(`"takeaways":`)) && bytes.Contains(first, []byte(`"backend":`)))
	}
	return false
}

func (l *Loader) warn(source, msg string) {
	if l.Warn != nil {
		l.Warn(source, msg)
	}
}

func isArticleFile(name string) bool {
	n := strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	for _, e := range articleExts {
		if strings.HasSuffix(n, e) {
			return true
		}
	}
	return false
}

// docNames are the usual names of a project's documentation files, which a
// directory's expansion leaves out.
var docNames = map[string]bool{
	"readme": true, "changelog": true, "changes": true, "license": true, "licence": true,
	"copying": true, "notice": true, "authors": true, "contributors": true,
	"contributing": true, "code_of_conduct": true, "maintainers": true,
}

// isDocFile reports a hidden file or a documentation file by its name.
func isDocFile(name string) bool {
	if strings.HasPrefix(name, ".") {
		return true
	}
	stem, _, _ := strings.Cut(name, ".")
	return docNames[strings.ToLower(stem)]
}

// isURLListFile reports a text file that holds only URLs, blank lines and
// "#" comments. Files that cannot be read are not lists: loading them
// reports the error.
func isURLListFile(p string) bool {
	if fileKind(p) != ".txt" {
		return false
	}
	b, err := readInput(p)
	if err != nil {
		return false
	}
	urls := 0
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case isURL(line) && !strings.ContainsAny(line, " \t"):
			urls++
		default:
			return false
		}
	}
	return urls > 0
}

// fileKind is the lowercased extension of a path without ".gz".
func fileKind(p string) string {
	return strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(p), ".gz")))
}

func (l *Loader) fileSources(ctx context.Context, p string, yield func(Source) bool) bool {
	switch fileKind(p) {
	case ".jsonl", ".ndjson":
		r, closeFile, err := openStream(p)
		if err != nil {
			return yield(Source{ID: p, Err: err})
		}
		defer closeFile()
		return l.jsonlStream(ctx, r, p, yield)
	case ".json":
		b, err := readInput(p)
		if err != nil {
			return yield(Source{ID: p, Err: err})
		}
		if srcs, ok := l.feedSources(p, b); ok {
			return yieldAll(srcs, yield)
		}
	case ".xml", ".rss", ".atom", ".rdf":
		// Streamed: a feed file of any number of items.
		r, closeFile, err := openStream(p)
		if err != nil {
			return yield(Source{ID: p, Err: err})
		}
		defer closeFile()
		ok, err := l.xmlFeed(r, p, yield)
		if err == nil {
			return ok
		}
	}
	return yield(Source{ID: p, Path: p})
}

// openStream opens a file to be read as a stream, gunzipping it as it
// reads when it starts with gzip's magic. The caller calls closeFile.
func openStream(p string) (r io.Reader, closeFile func(), err error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	if head, _ := br.Peek(2); !isGzip(head) {
		return br, func() { f.Close() }, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("gunzip %s: %w", p, err)
	}
	return zr, func() { zr.Close(); f.Close() }, nil
}

// readInput reads a file, gunzipping it when it starts with gzip's magic.
// More than MaxInputBytes (gunzipped) is an error.
func readInput(p string) ([]byte, error) {
	return readFile(p, MaxInputBytes, false)
}

// readFile reads at most limit bytes of a file, gunzipping it as it reads
// when it starts with gzip's magic. A longer file is an ErrTooLarge error,
// or, with truncate, its first limit bytes: a page whose tail would be
// ignored is never held whole.
func readFile(p string, limit int64, truncate bool) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	op := "read"
	var buf bytes.Buffer
	if head, _ := br.Peek(2); isGzip(head) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gunzip %s: %w", p, err)
		}
		defer zr.Close()
		r, op = zr, "gunzip"
	} else if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		buf.Grow(int(min(fi.Size(), limit)) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, fmt.Errorf("%s %s: %w", op, p, err)
	}
	b := buf.Bytes()
	if int64(len(b)) > limit {
		if !truncate {
			return nil, fmt.Errorf("%s %s: %w: over %s", op, p, ErrTooLarge, sizeOf(limit))
		}
		b = b[:limit]
	}
	return b, nil
}

// stdinSources reads Stdin: JSONL records and URL lists are streamed a
// line at a time; one article or a feed is read whole (MaxInputBytes at
// most).
func (l *Loader) stdinSources(ctx context.Context, yield func(Source) bool) bool {
	if l.Stdin == nil {
		return yield(Source{ID: "-", Err: errors.New("read stdin: no standard input")})
	}
	br := bufio.NewReaderSize(&stickyErr{r: l.Stdin}, 64<<10)
	var r io.Reader = br
	if head, _ := br.Peek(2); isGzip(head) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(Source{ID: "-", Err: fmt.Errorf("gunzip stdin: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
		r = br
	}
	// The kind is decided by the first line that is not blank or a
	// comment, within the first 64 KiB.
	head, _ := br.Peek(64 << 10)
	switch stdinKind(head) {
	case kindJSONL:
		return l.jsonlStream(ctx, r, "stdin", yield)
	case kindURLs:
		return urlStream(ctx, r, "stdin", yield)
	case kindFeed:
		ok, err := l.xmlFeed(r, "-", yield)
		if err != nil {
			return yield(Source{ID: "-", Err: fmt.Errorf("read stdin: %w", err)})
		}
		return ok
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return yield(Source{ID: "-", Err: fmt.Errorf("read stdin: %w", err)})
	}
	if int64(len(b)) > MaxInputBytes {
		return yield(Source{ID: "-", Err: fmt.Errorf("read stdin: %w: over %s", ErrTooLarge, sizeOf(MaxInputBytes))})
	}
	a, err := articleFromBytes(b, "", nil, l.now())
	if err != nil {
		return yield(Source{ID: "-", Err: fmt.Errorf("read stdin: %w", err)})
	}
	a.ID = "-"
	return yield(Source{ID: "-", Inline: a})
}

// lines calls line for each line of r (without its end of line), with its
// number; a line longer than max is reported as an error once and
// skipped. It stops when line returns false or ctx is done, and returns
// false then.
func lines(ctx context.Context, r io.Reader, max int, line func(n int, b []byte, err error) bool) bool {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	var buf []byte
	n := 0
	for {
		if ctx.Err() != nil {
			return false
		}
		chunk, err := br.ReadSlice('\n')
		tooLong := false
		if errors.Is(err, bufio.ErrBufferFull) {
			buf = append(buf[:0], chunk...)
			for errors.Is(err, bufio.ErrBufferFull) {
				chunk, err = br.ReadSlice('\n')
				if len(buf)+len(chunk) > max {
					tooLong = true
					buf = buf[:0]
					continue
				}
				if !tooLong {
					buf = append(buf, chunk...)
				}
			}
			chunk = buf
		}
		if len(chunk) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				return true
			}
			return line(n+1, nil, err)
		}
		n++
		var lerr error
		if tooLong {
			lerr = fmt.Errorf("%w: line over %s", ErrTooLarge, sizeOf(int64(max)))
			chunk = nil
		}
		if !line(n, bytes.TrimRight(chunk, "\r\n"), lerr) {
			return false
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return true
			}
			return line(n+1, nil, err)
		}
		if cap(buf) > 1<<20 {
			buf = nil // do not keep one huge line's buffer
		}
	}
}

// urlStream is urlSources over a stream.
func urlStream(ctx context.Context, r io.Reader, name string, yield func(Source) bool) bool {
	return lines(ctx, r, 1<<20, func(n int, b []byte, err error) bool {
		if err != nil {
			return yield(Source{ID: fmt.Sprintf("%s:%d", name, n), Err: fmt.Errorf("read %s:%d: %w", name, n, err)})
		}
		if s, ok := urlLine(string(b), name, n); ok {
			return yield(s)
		}
		return true
	})
}

type inputKind int

const (
	kindArticle inputKind = iota
	kindJSONL
	kindURLs
	kindFeed
)

// stdinKind tells JSONL records, a URL list, a feed and one article apart
// by the first non-blank line.
func stdinKind(b []byte) inputKind {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) == 0 {
		return kindArticle
	}
	first := t
	for len(t) > 0 {
		line := t
		if i := bytes.IndexByte(t, '\n'); i >= 0 {
			line, t = t[:i], t[i+1:]
		} else {
			t = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		first = line
		if line[0] != '#' {
			break
		}
	}
	switch {
	case first[0] == '{':
		return kindJSONL
	case isURL(string(first)) && !bytes.ContainsAny(first, " \t"):
		return kindURLs
	case bytes.HasPrefix(first, []byte("<?xml")) || bytes.HasPrefix(first, []byte("<rss")) || bytes.HasPrefix(first, []byte("<feed")):
		if gofeed.DetectFeedType(bytes.NewReader(b)) != gofeed.FeedTypeUnknown {
			return kindFeed
		}
	}
	return kindArticle
}

// urlSources reads a URL list, one a line; blank lines and "#" comments are
// skipped, anything else is an error source naming its line.
func urlSources(b []byte, name string) []Source {
	var out []Source
	urlStream(context.Background(), bytes.NewReader(b), name, func(s Source) bool {
		out = append(out, s)
		return true
	})
	return out
}

// urlLine reads line n of a URL list: a source, or ok false for a blank
// line or a comment.
func urlLine(line, name string, n int) (Source, bool) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return Source{}, false
	}
	if !isURL(line) || strings.ContainsAny(line, " \t") {
		return Source{ID: fmt.Sprintf("%s:%d", name, n), Err: fmt.Errorf("%s:%d: not a URL: %q", name, n, clip(RedactURL(line), 60))}, true
	}
	if _, err := url.Parse(line); err != nil {
		return Source{ID: fmt.Sprintf("%s:%d", name, n), Err: fmt.Errorf("%s:%d: not a URL: %w", name, n, urlErrCause(err))}, true
	}
	return Source{ID: RedactURL(line), URL: line}, true
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// jsonlRecord is one article of a JSONL input.
type jsonlRecord struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	Published string          `json:"published"`
	Dateline  string          `json:"dateline"`
	Byline    string          `json:"byline"`
	Section   string          `json:"section"`
	Site      string          `json:"site"`
	Language  string          `json:"language"`
}

// jsonlStream reads JSONL records from r, one a line. A line that does
// not parse yields an error source named "NAME:LINE"; the other lines go
// on. A stream with no record yields one error source.
func (l *Loader) jsonlStream(ctx context.Context, r io.Reader, name string, yield func(Source) bool) bool {
	now := l.now()
	records := 0
	ok := lines(ctx, r, MaxInputBytes, func(n int, line []byte, err error) bool {
		at := fmt.Sprintf("%s:%d", name, n)
		if err != nil {
			records++
			return yield(Source{ID: at, Err: fmt.Errorf("%s: %w", at, err)})
		}
		line = bytes.TrimSpace(bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")))
		if len(line) == 0 {
			return true
		}
		records++
		return yield(l.jsonlSource(line, at, now))
	})
	if ok && records == 0 && ctx.Err() == nil {
		return yield(Source{ID: name, Err: fmt.Errorf("read %s: %w", name, ErrNoContent)})
	}
	return ok
}

func (l *Loader) jsonlSource(line []byte, at string, now time.Time) Source {
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			// In the record's terms, not Go's ("struct field
			// jsonlRecord.text of type string").
			if te.Field == "" {
				err = fmt.Errorf("want a JSON object, got %s", te.Value)
			} else {
				err = fmt.Errorf("field %q: want a %s, got %s", te.Field, te.Type.Kind(), te.Value)
			}
		}
		return Source{ID: at, Err: fmt.Errorf("%s: bad JSON record: %w", at, err)}
	}
	id := at
	if len(rec.ID) > 0 && string(rec.ID) != "null" {
		var s string
		if json.Unmarshal(rec.ID, &s) == nil {
			if s != "" {
				id = s
			}
		} else {
			id = string(rec.ID)
		}
	}
	if strings.TrimSpace(rec.Text) == "" && strings.TrimSpace(rec.HTML) == "" {
		if isURL(rec.URL) {
			return Source{ID: id, URL: rec.URL, override: &rec}
		}
		return Source{ID: id, Err: fmt.Errorf("%s: record has no text, html or url", at)}
	}
	var a *Article
	var err error
	if strings.TrimSpace(rec.HTML) != "" {
		var base *url.URL
		if rec.URL != "" {
			base, _ = url.Parse(rec.URL)
		}
		a, err = extractBytes([]byte(rec.HTML), base, "text/html; charset=utf-8", now)
	} else {
		a, err = fromText(rec.Text, false)
	}
	if err != nil {
		return Source{ID: id, Err: fmt.Errorf("%s: %w", at, err)}
	}
	if err := l.applyRecord(a, &rec, id, now); err != nil {
		return Source{ID: id, Err: fmt.Errorf("%s: %w", at, err)}
	}
	a.ID = id
	return Source{ID: id, Inline: a}
}

// applyRecord sets the fields a JSONL record gives; they win over what
// extraction found.
// A published time more than a day after now (time zones and clock skew
// aside) is a mistake: it is cleared, with a warning, as for HTML pages.
func (l *Loader) applyRecord(a *Article, rec *jsonlRecord, id string, now time.Time) error {
	if a.Sources == nil {
		a.Sources = map[string]string{}
	}
	set := func(field, v string, dst *string) {
		if v = collapse(v); v != "" {
			*dst = v
			a.Sources[field] = "input"
		}
	}
	set("url", RedactURL(rec.URL), &a.URL)
	delete(a.Sources, "url")
	set("title", rec.Title, &a.Title)
	set("dateline", rec.Dateline, &a.Dateline)
	set("byline", rec.Byline, &a.Byline)
	set("section", rec.Section, &a.Section)
	set("site", rec.Site, &a.Site)
	set("language", rec.Language, &a.Language)
	if p := strings.TrimSpace(rec.Published); p != "" {
		t, ok := parseDate(p, time.Time{})
		if !ok {
			return fmt.Errorf("published %q: not a date (want RFC 3339 or YYYY-MM-DD)", clip(p, 40))
		}
		if !now.IsZero() && t.After(now.Add(24*time.Hour)) {
			l.warn(id, fmt.Sprintf("published %s is in the future: ignored", t.Format(time.RFC3339)))
			return nil
		}
		a.Published = t
		a.Sources["published"] = "input"
	}
	return nil
}

// articleFromBytes reads one article from a file's or stdin's bytes: HTML
// when it looks like markup, else plain text. kind is the file extension;
// now bounds the published time.
func articleFromBytes(b []byte, kind string, base *url.URL, now time.Time) (*Article, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, fmt.Errorf("empty input: %w", ErrNoContent)
	}
	if isBinary(b) {
		return nil, fmt.Errorf("binary data, not an article: %w", ErrNoContent)
	}
	switch kind {
	case ".txt", ".md", ".text", ".markdown", "":
		if kind != "" || !looksLikeHTML(b) {
			return proseFromText(b, now)
		}
		return extractBytes(b, base, "", now)
	case ".html", ".htm", ".xhtml":
		return extractBytes(b, base, "", now)
	}
	if looksLikeHTML(b) {
		return extractBytes(b, base, "", now) // a page saved as .php, .aspx…
	}
	return nil, fmt.Errorf("%s is not an article file (want %s, or a feed): %w", kind, strings.Join(articleExts, ", "), ErrNoContent)
}

// proseFromText reads a plain-text article, refusing text that is not
// prose (see checkProse).
func proseFromText(b []byte, now time.Time) (*Article, error) {
	a, err := fromTextAt(string(toUTF8(b, "text/plain")), now)
	if err != nil {
		return nil, err
	}
	if err := checkProse(a); err != nil {
		return nil, err
	}
	return a, nil
}

// looksLikeHTML reports markup: a document that opens with a tag, or has
// <html>, <body> or <p> tags early on.
func looksLikeHTML(b []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) > 0 && t[0] == '<' {
		return true
	}
	head := t
	if len(head) > 4096 {
		head = head[:4096]
	}
	h := bytes.ToLower(head)
	return bytes.Contains(h, []byte("<html")) || bytes.Contains(h, []byte("<body")) ||
		bytes.Contains(h, []byte("<p>")) || bytes.Contains(h, []byte("<div"))
}

// isBinary reports data with NUL bytes or mostly invalid text at its start.
func isBinary(b []byte) bool {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		// UTF-16 text has NULs too; a BOM says so.
		return !(bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}))
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x09 || c > 0x0d && c < 0x20 && c != 0x1b {
			ctrl++
		}
	}
	return ctrl > len(head)/10
}

// Load reads one source into an article. The article's ID is the
// source's ID. Errors name the input. Every text field of the article is
// cleaned of control, bidi and invisible characters (see
// internal/textsafe): what a page or record holds reaches no terminal,
// model or file unfiltered.
func (l *Loader) Load(ctx context.Context, s Source) (*Article, error) {
	a, err := l.load(ctx, s)
	if err != nil {
		return nil, err
	}
	a.Clean()
	return a, nil
}

// Clean removes control, bidirectional-override and zero-width characters
// from every text field of a (see internal/textsafe.Clean); the ID,
// links and metadata become single lines.
func (a *Article) Clean() {
	for _, p := range []*string{&a.ID, &a.URL, &a.CanonicalURL, &a.Title, &a.Byline, &a.Site, &a.Section, &a.Language, &a.Dateline, &a.Location} {
		*p = textsafe.Line(*p)
	}
	textsafe.Each(a.Paragraphs)
}

func (l *Loader) load(ctx context.Context, s Source) (*Article, error) {
	if s.Err != nil {
		return nil, s.Err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("load %s: %w", s.ID, err)
	}
	if s.Inline != nil {
		a := *s.Inline
		a.ID = s.ID
		return &a, nil
	}
	if s.URL != "" {
		a, err := l.fetcher().Fetch(ctx, s.URL)
		if err != nil {
			return nil, err
		}
		if s.override != nil {
			if err := l.applyRecord(a, s.override, s.ID, l.now()); err != nil {
				return nil, fmt.Errorf("%s: %w", s.ID, err)
			}
		}
		a.ID = s.ID
		return a, nil
	}
	// Extract reads no more than MaxExtractBytes of a page.
	limit, truncate := int64(MaxInputBytes), false
	switch fileKind(s.Path) {
	case ".html", ".htm", ".xhtml":
		limit, truncate = MaxExtractBytes, true
	}
	b, err := readFile(s.Path, limit, truncate)
	if err != nil {
		return nil, err
	}
	a, err := articleFromBytes(b, fileKind(s.Path), nil, l.now())
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", s.Path, err)
	}
	a.ID = s.ID
	return a, nil
}

// Prose is what an article's text is made of. A plain-text input that is
// not prose (a password file, a CSV table, a log, a list of settings) is
// not an article, whatever its name: it is refused rather than summarized.
const (
	// minProseLetters is the least number of letters, in word tokens, of
	// an article (a CJK character counts three, as in unreadable): the
	// bound under which an HTML page is too short.
	minProseLetters = 80
	// minProseShare is the least share, in percent of the characters
	// outside spaces, of word tokens: runs of mostly letters, as against
	// fields joined by colons, commas or slashes, numbers and symbols.
	minProseShare = 60
	// maxLettersPerSentence bounds the letters per sentence end (. ! ?
	// and their CJK forms). News prose has one every 100 or so; a
	// services table or a log has none, or one in a thousand.
	maxLettersPerSentence = 500
)

// ErrNotProse reports a plain-text input that does not read as running
// text. It matches ErrNoContent with errors.Is.
var ErrNotProse = fmt.Errorf("not article text (fields and symbols, not sentences): %w", ErrNoContent)

// proseMeasure returns the letters of a text's word tokens (CJK weighted
// three), the share of word tokens in its characters, in percent, and the
// number of sentence ends.
func proseMeasure(paras []string) (letters, share, ends int) {
	words, all := 0, 0
	for _, p := range paras {
		for _, tok := range strings.Fields(p) {
			n, l := 0, 0
			for _, r := range tok {
				n++
				switch {
				case r >= 0x2e80 && r < 0xfe30 && unicode.IsLetter(r):
					l += 3
				case unicode.IsLetter(r):
					l++
				case r == '。' || r == '！' || r == '？':
					ends++
				}
			}
			all += n
			// A word is mostly letters: "(Reuters)," is one, and so is
			// "l'État"; "root:x:0:0:root:/root" and "4,250" are not.
			if l*10 >= n*7 {
				words += n
				letters += l
			}
			if t := strings.TrimRight(tok, "\"'”’»)"); strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") {
				ends++
			}
		}
	}
	if all == 0 {
		return 0, 0, 0
	}
	return letters, words * 100 / all, ends
}

// checkProse refuses an article read from plain text that is not prose:
// too few letters, too few words among the symbols, or no sentences.
func checkProse(a *Article) error {
	letters, share, ends := proseMeasure(a.Paragraphs)
	if letters < minProseLetters || share < minProseShare || ends == 0 || letters/ends > maxLettersPerSentence {
		return ErrNotProse
	}
	return nil
}

// sizeOf says n bytes the way a limit is read: "64 MiB", or "512 bytes".
func sizeOf[N int | int64](n N) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// isScheme reports a URL scheme's syntax (RFC 3986): a letter, then
// letters, digits, "+", "-" and ".".
func isScheme(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// stickyErr returns, once its reader has failed or ended, that error on
// every later read. A terminal's Ctrl-D ends one read, not the stream:
// bufio, which hands an error back once, would read again and wait for
// a second Ctrl-D.
type stickyErr struct {
	r   io.Reader
	err error
}

func (s *stickyErr) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.err = err
	return n, err
}
