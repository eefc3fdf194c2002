package article

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Source is one article to load, found by expanding a command-line input.
type Source struct {
	// ID is the input as given (path or URL), or a JSONL record's id.
	ID string
	// URL is set for sources fetched over HTTP.
	URL string
	// Path is set for local files.
	Path string
	// Inline holds an article already read (stdin, a JSONL record).
	Inline *Article
	// Err is set when the input could not be expanded or read.
	Err error
}

// Loader expands command-line inputs into sources and loads them.
type Loader struct {
	// Fetcher fetches URLs; nil means NewFetcher(DefaultFetchConfig()).
	Fetcher *Fetcher
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Since, when non-zero, drops feed items published before it.
	Since time.Time
}

// Expand resolves inputs into sources: directories into their article
// files (sorted), "-" into the articles, URLs or JSONL records on stdin,
// feeds into their items. An input that cannot be expanded yields one
// Source with Err set, so the caller reports it and goes on.
// TODO(extraction issue): stdin detection, JSONL, feeds, gzip.
func (l *Loader) Expand(ctx context.Context, inputs []string) []Source {
	var out []Source
	for _, in := range inputs {
		switch {
		case in == "-":
			out = append(out, l.expandStdin()...)
		case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
			out = append(out, Source{ID: in, URL: in})
		default:
			fi, err := os.Stat(in)
			if err != nil {
				out = append(out, Source{ID: in, Err: fmt.Errorf("open %s: %w", in, err)})
				continue
			}
			if fi.IsDir() {
				ents, _ := os.ReadDir(in)
				for _, e := range ents {
					if !e.IsDir() {
						p := filepath.Join(in, e.Name())
						out = append(out, Source{ID: p, Path: p})
					}
				}
				continue
			}
			out = append(out, Source{ID: in, Path: in})
		}
	}
	return out
}

// Load reads one source into an article.
func (l *Loader) Load(ctx context.Context, s Source) (*Article, error) {
	if s.Err != nil {
		return nil, s.Err
	}
	if s.Inline != nil {
		return s.Inline, nil
	}
	if s.URL != "" {
		return nil, fmt.Errorf("fetch %s: not implemented yet", s.URL)
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", s.Path, err)
	}
	defer f.Close()
	var a *Article
	if strings.HasSuffix(s.Path, ".txt") || strings.HasSuffix(s.Path, ".md") {
		b, err := io.ReadAll(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", s.Path, err)
		}
		a, err = FromText(string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Path, err)
		}
	} else {
		a, err = Extract(f, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Path, err)
		}
	}
	a.ID = s.ID
	return a, nil
}

// expandStdin reads JSONL article records from stdin.
// TODO(extraction issue): detect single articles and URL lists too.
func (l *Loader) expandStdin() []Source {
	var out []Source
	sc := bufio.NewScanner(l.Stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rec struct {
			ID, URL, Title, Text, HTML, Dateline string
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			out = append(out, Source{ID: fmt.Sprintf("stdin:%d", n), Err: fmt.Errorf("stdin:%d: %w", n, err)})
			continue
		}
		a, err := FromText(rec.Text)
		if err != nil {
			out = append(out, Source{ID: rec.ID, Err: fmt.Errorf("%s: %w", rec.ID, err)})
			continue
		}
		a.ID, a.URL, a.Title, a.Dateline = rec.ID, rec.URL, rec.Title, rec.Dateline
		out = append(out, Source{ID: rec.ID, Inline: a})
	}
	return out
}
