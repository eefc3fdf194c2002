package article_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
)

const sampleHTML = `<html><head><title>Harbour cranes return</title></head><body>
<article><h1>Harbour cranes return</h1>
<p>The port authority said on Monday that the two cranes damaged in the storm are back in service, ending a month of delays for container ships.</p>
<p>Repairs cost less than expected, the authority said, because spare parts were already in the depot.</p></article></body></html>`

func writeFile(tb testing.TB, p string, b []byte) {
	tb.Helper()
	if err := os.WriteFile(p, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}

func gz(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func ids(srcs []article.Source) []string {
	var out []string
	for _, s := range srcs {
		out = append(out, s.ID)
	}
	return out
}

func TestExpandDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.html"), []byte(sampleHTML))
	writeFile(t, filepath.Join(dir, "a.txt"), []byte("Plain text article\n\nThe council approved the new harbour budget on Monday after a long debate.\n\nWork on the second quay starts in March, the mayor said."))
	writeFile(t, filepath.Join(dir, "c.html.gz"), gz(t, []byte(sampleHTML)))
	writeFile(t, filepath.Join(dir, "d.txt"), []byte("https://example.org/source\n\nA text article that opens with the address it came from. The ferry service resumed on Friday after a week of storms, the operator said."))
	writeFile(t, filepath.Join(dir, "notes.pdf"), []byte("%PDF-1.4"))
	writeFile(t, filepath.Join(dir, "image.png"), []byte{0x89, 'P', 'N', 'G'})
	writeFile(t, filepath.Join(dir, "config.yaml"), []byte("backend: extractive\n"))
	// Left out by name or content, though their extensions are articles'.
	writeFile(t, filepath.Join(dir, "README.md"), []byte("# Example articles\n\nThese pages were written for the tests."))
	writeFile(t, filepath.Join(dir, "readme.txt"), []byte("Read me first."))
	writeFile(t, filepath.Join(dir, "CHANGELOG.md"), []byte("## v1\n\nFirst release."))
	writeFile(t, filepath.Join(dir, "LICENSE.txt"), []byte("Permission is hereby granted."))
	writeFile(t, filepath.Join(dir, ".draft.html"), []byte(sampleHTML))
	writeFile(t, filepath.Join(dir, "urls.txt"), []byte("# where the articles came from\nhttps://example.org/a\n\nhttps://example.org/b\n"))
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	l := &article.Loader{}
	got := ids(l.Expand(context.Background(), []string{dir}))
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.html"), filepath.Join(dir, "c.html.gz"), filepath.Join(dir, "d.txt")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Expand(dir) = %q, want %q", got, want)
	}
	// Named on the command line, a file is read whatever its name.
	readme := filepath.Join(dir, "README.md")
	if srcs := l.Expand(context.Background(), []string{readme}); len(srcs) != 1 || srcs[0].Path != readme {
		t.Errorf("Expand(%q) = %+v, want the file itself", readme, srcs)
	}
	for _, s := range l.Expand(context.Background(), []string{dir}) {
		a, err := l.Load(context.Background(), s)
		if err != nil {
			t.Fatalf("Load(%s): %v", s.ID, err)
		}
		if a.ID != s.ID || len(a.Paragraphs) == 0 {
			t.Errorf("Load(%s) = id %q, %d paragraphs", s.ID, a.ID, len(a.Paragraphs))
		}
	}
}

func TestExpandBadInputs(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(empty, "x.pdf"), []byte("%PDF"))
	readmeOnly := filepath.Join(dir, "docs")
	if err := os.Mkdir(readmeOnly, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(readmeOnly, "README.md"), []byte("# Docs\n\nNothing to read here."))
	emptyFile := filepath.Join(dir, "empty.html")
	writeFile(t, emptyFile, nil)
	binFile := filepath.Join(dir, "bin.html")
	writeFile(t, binFile, []byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8})
	missing := filepath.Join(dir, "missing.html")

	l := &article.Loader{}
	for _, tt := range []struct {
		name, in, wantErr string
	}{
		{"dir without articles", empty, "no article files"},
		{"dir with only a README", readmeOnly, "no article files"},
		{"missing file", missing, "no such file"},
		{"empty file", emptyFile, "empty"},
		{"binary file", binFile, "binary"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srcs := l.Expand(context.Background(), []string{tt.in})
			if len(srcs) != 1 {
				t.Fatalf("Expand(%q) gave %d sources, want 1", tt.in, len(srcs))
			}
			_, err := l.Load(context.Background(), srcs[0])
			if err == nil {
				t.Fatalf("Load(%q) = nil error, want %q", tt.in, tt.wantErr)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.wantErr) || !strings.Contains(msg, tt.in) || strings.Contains(msg, "\n") {
				t.Errorf("Load(%q) error = %q, want one line naming the input and %q", tt.in, msg, tt.wantErr)
			}
		})
	}
}

func TestGzipByMagic(t *testing.T) {
	p := filepath.Join(t.TempDir(), "story.html") // gzipped, without .gz
	writeFile(t, p, gz(t, []byte(sampleHTML)))
	l := &article.Loader{}
	srcs := l.Expand(context.Background(), []string{p})
	a, err := l.Load(context.Background(), srcs[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbour cranes return" {
		t.Errorf("title = %q, want %q", a.Title, "Harbour cranes return")
	}
}

func loadStdin(t *testing.T, in string) ([]article.Source, []*article.Article, []error) {
	t.Helper()
	l := &article.Loader{Stdin: strings.NewReader(in)}
	srcs := l.Expand(context.Background(), []string{"-"})
	var arts []*article.Article
	var errs []error
	for _, s := range srcs {
		if s.URL != "" {
			arts, errs = append(arts, nil), append(errs, nil)
			continue
		}
		a, err := l.Load(context.Background(), s)
		arts, errs = append(arts, a), append(errs, err)
	}
	return srcs, arts, errs
}

func TestStdinHTML(t *testing.T) {
	_, arts, errs := loadStdin(t, "\n  "+sampleHTML)
	if len(arts) != 1 || errs[0] != nil {
		t.Fatalf("got %d articles, err %v", len(arts), errs)
	}
	if arts[0].ID != "-" || arts[0].Title != "Harbour cranes return" || len(arts[0].Paragraphs) != 2 {
		t.Errorf("got id %q title %q %d paragraphs, want -, Harbour cranes return, 2", arts[0].ID, arts[0].Title, len(arts[0].Paragraphs))
	}
}

func TestStdinText(t *testing.T) {
	in := "Ferry strike ends\n\nLONDON (Reuters) - Ferry crews voted to end\ntheir strike on Friday, the union said.\n    The vote was 212 to 40.\n\nServices resume on Monday."
	_, arts, errs := loadStdin(t, in)
	if len(arts) != 1 || errs[0] != nil {
		t.Fatalf("got %d articles, err %v", len(arts), errs)
	}
	a := arts[0]
	want := []string{
		"LONDON (Reuters) - Ferry crews voted to end their strike on Friday, the union said.",
		"The vote was 212 to 40.",
		"Services resume on Monday.",
	}
	if strings.Join(a.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs = %q, want %q", a.Paragraphs, want)
	}
	if a.Title != "Ferry strike ends" {
		t.Errorf("title = %q, want %q", a.Title, "Ferry strike ends")
	}
	if a.Dateline != "LONDON (Reuters)" {
		t.Errorf("dateline = %q, want %q", a.Dateline, "LONDON (Reuters)")
	}
}

func TestStdinURLs(t *testing.T) {
	srcs, _, _ := loadStdin(t, "# morning list\nhttps://a.example/one\n\nhttp://b.example/two\nnot a url\nftp://c.example/x\n")
	if len(srcs) != 4 {
		t.Fatalf("got %d sources, want 4: %+v", len(srcs), srcs)
	}
	if srcs[0].URL != "https://a.example/one" || srcs[1].URL != "http://b.example/two" {
		t.Errorf("URLs = %q, %q", srcs[0].URL, srcs[1].URL)
	}
	for i, line := range []string{"stdin:5", "stdin:6"} {
		s := srcs[2+i]
		if s.Err == nil || !strings.Contains(s.Err.Error(), line) {
			t.Errorf("source %d error = %v, want one naming %s", 2+i, s.Err, line)
		}
	}
}

func TestStdinJSONL(t *testing.T) {
	in := `{"id":"a1","title":"Given title","text":"First paragraph of the record.\n\nSecond one.","published":"2024-02-01","dateline":"NAIROBI"}
{"id":"a2", "text": broken
{"id":7,"html":"<html><body><article><p>A record that carries HTML rather than text, long enough to count as prose here.</p></article></body></html>","published":"2024-02-02T10:00:00Z"}
{"url":"https://example.org/story","title":"Fetched later"}
`
	srcs, arts, errs := loadStdin(t, in)
	if len(srcs) != 4 {
		t.Fatalf("got %d sources, want 4", len(srcs))
	}
	if errs[0] != nil || arts[0].ID != "a1" || arts[0].Title != "Given title" || arts[0].Dateline != "NAIROBI" || len(arts[0].Paragraphs) != 2 {
		t.Errorf("record 1 = %+v, %v", arts[0], errs[0])
	} else {
		if !arts[0].Published.Equal(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)) || arts[0].Sources["published"] != "input" || arts[0].Sources["title"] != "input" {
			t.Errorf("record 1 published = %v sources %v", arts[0].Published, arts[0].Sources)
		}
	}
	if errs[1] == nil || !strings.Contains(errs[1].Error(), "stdin:2") {
		t.Errorf("broken line error = %v, want one naming stdin:2", errs[1])
	}
	if errs[2] != nil || arts[2].ID != "7" || !strings.HasPrefix(arts[2].Text(), "A record that carries HTML") {
		t.Errorf("record 3 = %+v, %v", arts[2], errs[2])
	}
	if srcs[3].URL != "https://example.org/story" || srcs[3].ID != "stdin:4" {
		t.Errorf("record 4 = %+v, want a URL source", srcs[3])
	}
}

func TestJSONLFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "batch.jsonl.gz")
	writeFile(t, p, gz(t, []byte(`{"id":"x","text":"Only paragraph here."}`+"\nnot json\n")))
	l := &article.Loader{}
	srcs := l.Expand(context.Background(), []string{p})
	if len(srcs) != 2 || srcs[0].ID != "x" || srcs[1].Err == nil || !strings.Contains(srcs[1].Err.Error(), p+":2") {
		t.Fatalf("Expand(jsonl) = %+v", srcs)
	}
}

const sampleRSS = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Ledger</title><link>https://ledger.example.com/</link>
<item><title>New</title><link>https://ledger.example.com/new</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Old</title><link>https://ledger.example.com/old</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
<item><title>Undated</title><link>/undated</link></item>
</channel></rss>`

func TestFeedFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "feed.xml")
	writeFile(t, p, []byte(sampleRSS))
	for _, tt := range []struct {
		name  string
		since time.Time
		want  []string
	}{
		{"all", time.Time{}, []string{"https://ledger.example.com/new", "https://ledger.example.com/old", "https://ledger.example.com/undated"}},
		{"since", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), []string{"https://ledger.example.com/new", "https://ledger.example.com/undated"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := &article.Loader{Since: tt.since}
			got := ids(l.Expand(context.Background(), []string{p}))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Expand(feed) = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFromText(t *testing.T) {
	for _, tt := range []struct {
		name, in  string
		want      []string
		title     string
		dateline  string
		wantError bool
	}{
		{"blank lines", "One.\n\nTwo.", []string{"One.", "Two."}, "", "", false},
		{"hard wraps", "A line that\nwraps here.\n\nNext.", []string{"A line that wraps here.", "Next."}, "", "", false},
		{"indented break", "WASHINGTON, Feb 26 - Prices rose.\n    The adjusted figure fell.", []string{"WASHINGTON, Feb 26 - Prices rose.", "The adjusted figure fell."}, "", "WASHINGTON, Feb 26", false},
		{"bracket dateline", "[EUROPE] Talks resumed in Brussels.", []string{"[EUROPE] Talks resumed in Brussels."}, "", "EUROPE", false},
		{"em dash dateline", "KUALA LUMPUR — Rain fell.\n\nMore.", []string{"KUALA LUMPUR — Rain fell.", "More."}, "", "KUALA LUMPUR", false},
		{"no dateline in sentence", "Trump — who spoke late — left.", []string{"Trump — who spoke late — left."}, "", "", false},
		{"title line", "Rain returns\n\nIt rained.", []string{"It rained."}, "Rain returns", "", false},
		{"empty", " \n\n ", nil, "", "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := article.FromText(tt.in)
			if tt.wantError {
				if !errors.Is(err, article.ErrNoContent) {
					t.Fatalf("FromText(%q) error = %v, want ErrNoContent", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(a.Paragraphs, "|") != strings.Join(tt.want, "|") {
				t.Errorf("FromText(%q) paragraphs = %q, want %q", tt.in, a.Paragraphs, tt.want)
			}
			if a.Title != tt.title || a.Dateline != tt.dateline {
				t.Errorf("FromText(%q) title %q dateline %q, want %q %q", tt.in, a.Title, a.Dateline, tt.title, tt.dateline)
			}
		})
	}
}

func TestLoaderNow(t *testing.T) {
	p := filepath.Join(t.TempDir(), "tides.html")
	writeFile(t, p, []byte(datedPage))
	l := &article.Loader{Now: func() time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC) }}
	srcs := l.Expand(context.Background(), []string{p})
	a, err := l.Load(context.Background(), srcs[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2019, 3, 1, 8, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published = %v, want %v (the JSON-LD date is after Loader.Now)", a.Published, want)
	}
}
