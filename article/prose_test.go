package article_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

// A file or stdin that is not an article is refused by the loader, with
// an error naming the input, whatever the file is called.
func TestNotAnArticle(t *testing.T) {
	dir := t.TempDir()
	passwd := "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n" +
		"bin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\n" +
		"www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\n"
	services := strings.Repeat("ftp 21/tcp\nssh 22/tcp # SSH Remote Login Protocol\ntelnet 23/tcp\nsmtp 25/tcp mail\ndomain 53/tcp # Domain Name Server\nhttp 80/tcp www # WorldWideWeb HTTP\n", 4)
	csv := "region,country,rate,date\nAfrica,Nigeria,27.25,2026-11-24\nEurope,Germany,2.50,2026-11-20\nAsia,Japan,0.75,2026-11-19\nAmericas,Chile,5.00,2026-11-18\n"
	log := strings.Repeat("2026-11-24 06:00:01 status installed libc6:amd64 2.36-9\n2026-11-24 06:00:02 configure tzdata:all 2026a-1 <none>\n", 20)
	story := "Chile's copper miners end strike\n\nSANTIAGO, Nov 24 - Workers at the Escondida mine voted on Monday to end a nine-day strike, the union said, after the operator raised its bonus offer.\n\n" +
		"\"We got most of what we asked for,\" said union leader Marta Rojas. Output should be back to normal by the weekend, the company said.\n"
	for _, tt := range []struct {
		name, file, body string
		ok               bool
	}{
		{"password file", "passwd", passwd, false},
		{"services table", "services", services, false},
		{"csv named .txt", "rates.txt", csv, false},
		{"log", "dpkg.log", log, false},
		{"go source", "main.go", "package main\n\n// main prints a greeting.\nfunc main() { println(\"hello, world.\") }\n", false},
		{"yaml", "config.yaml", "backend: extractive\ntakeaways: 3\n", false},
		{"too short", "note.txt", "Harbour reopens.\n", false},
		{"story without extension", "story", story, true},
		{"story .txt", "story.txt", story, true},
		{"page saved as .php", "index.php", "<html><body><article><p>" + strings.Repeat("The harbour reopened on Monday after repairs, the port authority said. ", 4) + "</p></article></body></html>", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			writeFile(t, p, []byte(tt.body))
			l := &article.Loader{}
			srcs := l.Expand(context.Background(), []string{p})
			if len(srcs) != 1 {
				t.Fatalf("Expand(%s) gave %d sources, want 1", p, len(srcs))
			}
			_, err := l.Load(context.Background(), srcs[0])
			switch {
			case tt.ok && err != nil:
				t.Errorf("Load(%s): %v, want an article", tt.file, err)
			case !tt.ok && err == nil:
				t.Errorf("Load(%s) read an article, want it refused", tt.file)
			case !tt.ok && (!errors.Is(err, article.ErrNoContent) || !strings.Contains(err.Error(), p) || strings.Contains(err.Error(), "\n")):
				t.Errorf("Load(%s) error %q, want one line naming the input and matching ErrNoContent", tt.file, err)
			}
		})
	}
	// Stdin is held to the same rule.
	l := &article.Loader{Stdin: strings.NewReader(passwd)}
	srcs := l.Expand(context.Background(), []string{"-"})
	if len(srcs) != 1 {
		t.Fatalf("Expand(-) gave %d sources", len(srcs))
	}
	if _, err := l.Load(context.Background(), srcs[0]); !errors.Is(err, article.ErrNotProse) {
		t.Errorf("Load(stdin passwd) = %v, want ErrNotProse", err)
	}
}

// TestEndlessFileInput: a file that never ends (/dev/zero named on the
// command line) stops at the input limit, with an error that says so in
// a file's terms.
func TestEndlessFileInput(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	l := &article.Loader{}
	srcs := l.Expand(context.Background(), []string{"/dev/zero"})
	if len(srcs) != 1 {
		t.Fatalf("Expand(/dev/zero) gave %d sources", len(srcs))
	}
	_, err := l.Load(context.Background(), srcs[0])
	if !errors.Is(err, article.ErrTooLarge) {
		t.Fatalf("Load(/dev/zero) = %v, want ErrTooLarge", err)
	}
	if got, want := err.Error(), "read /dev/zero: article: input too large: over 64 MiB"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
}

// TestJSONLRecordErrors: a JSONL line of the wrong shape is reported in
// the record's terms (the field and the type wanted), naming the line,
// and the good records around it still load.
func TestJSONLRecordErrors(t *testing.T) {
	body := "The harbour reopened on Monday after repairs to the main quay, the port authority said. Ships had queued outside for days."
	in := `{"id":"a","text":["one","two"]}` + "\n" + `[1,2]` + "\n" + `"just a string"` + "\n" +
		`{"id":7,"title":"Harbour","text":"` + body + `"}` + "\n"
	l := &article.Loader{Stdin: strings.NewReader(in)}
	var errs []string
	var ids []string
	for s := range l.Sources(context.Background(), []string{"-"}) {
		a, err := l.Load(context.Background(), s)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, a.ID)
	}
	want := []string{
		`stdin:1: bad JSON record: field "text": want a string, got array`,
		`stdin:2: bad JSON record: want a JSON object, got array`,
		`stdin:3: bad JSON record: want a JSON object, got string`,
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
	if len(ids) != 1 || ids[0] != "7" {
		t.Errorf("loaded %q, want the record with id 7", ids)
	}
}

// TestOtherURLSchemes: an input that is a URL of a scheme brief does not
// fetch says so, rather than that no such file exists.
func TestOtherURLSchemes(t *testing.T) {
	l := &article.Loader{}
	for _, in := range []string{"ftp://example.com/story.html", "file:///etc/passwd", "gopher://example.com/1"} {
		srcs := l.Expand(context.Background(), []string{in})
		if len(srcs) != 1 {
			t.Fatalf("Expand(%s) gave %d sources", in, len(srcs))
		}
		_, err := l.Load(context.Background(), srcs[0])
		scheme, _, _ := strings.Cut(in, ":")
		if want := "read " + in + ": " + scheme + " is not a scheme brief fetches (http, https)"; err == nil || err.Error() != want {
			t.Errorf("Load(%s) = %v, want %q", in, err, want)
		}
	}
}

// terminalReader reads like a terminal: its text, then one end of input
// (Ctrl-D), after which a read would wait for more typing (here: more
// text, which must not be read).
type terminalReader struct {
	parts []string // text, or "" for one end of input
}

func (r *terminalReader) Read(p []byte) (int, error) {
	if len(r.parts) == 0 {
		return 0, io.EOF
	}
	if r.parts[0] == "" { // Ctrl-D
		r.parts = r.parts[1:]
		return 0, io.EOF
	}
	n := copy(p, r.parts[0])
	if r.parts[0] = r.parts[0][n:]; r.parts[0] == "" {
		r.parts = r.parts[1:]
	}
	return n, nil
}

// TestStdinEndsAtFirstEOF: stdin ends at the first end of input, as one
// Ctrl-D on a terminal gives; nothing typed after it is read.
func TestStdinEndsAtFirstEOF(t *testing.T) {
	story := "Harbour reopens\n\nThe harbour reopened on Monday after repairs to the main quay, the port authority said. Ships had queued outside for days.\n"
	r := &terminalReader{parts: []string{story, "", "TYPED AFTER CTRL-D. This must not be read by anyone at all, ever."}}
	l := &article.Loader{Stdin: r}
	var texts []string
	for s := range l.Sources(context.Background(), []string{"-"}) {
		a, err := l.Load(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, a.Text())
	}
	if len(texts) != 1 || strings.Contains(texts[0], "TYPED AFTER") || !strings.Contains(texts[0], "harbour reopened") {
		t.Errorf("stdin read as %q, want the text before the first end of input", texts)
	}
}
