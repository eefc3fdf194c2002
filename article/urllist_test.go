package article_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

// TestExpandURLListFile checks that a .txt file of URLs given as an input
// expands into its URLs, the way a list on stdin does, with each junk line
// reported by its line number, while a text article stays an article.
func TestExpandURLListFile(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "urls.txt")
	text := "# morning reading\nhttps://news.example/a\n\nnot a url\nhttps://news.example/b\nftp://files.example/c\n"
	if err := os.WriteFile(list, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	story := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(story, []byte("Harbour reopens\n\nThe harbour reopened on Monday after repairs, officials said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range (&article.Loader{}).Expand(context.Background(), []string{list, story}) {
		switch {
		case s.Err != nil:
			got = append(got, "error "+s.ID+": "+s.Err.Error())
		case s.URL != "":
			got = append(got, "url "+s.URL)
		default:
			got = append(got, "file "+s.Path)
		}
	}
	want := []string{
		"url https://news.example/a",
		"error " + list + ":4: " + list + ":4: not a URL: \"not a url\"",
		"url https://news.example/b",
		"error " + list + ":6: " + list + ":6: not a URL: \"ftp://files.example/c\"",
		"file " + story,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Expand(urls.txt, story.txt) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
