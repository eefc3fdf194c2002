package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/store"
	"github.com/brief-news/brief/summarize"
)

// clock is a settable time source for Options.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func openTest(t testing.TB, c *clock) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "brief.db")
	opts := store.Options{}
	if c != nil {
		opts.Now = c.now
	}
	s, err := store.Open(context.Background(), path, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func art(id, url, title string, paras ...string) *article.Article {
	return &article.Article{ID: id, URL: url, Title: title, Site: "Example News", Paragraphs: paras}
}

func dig(backend, model, region string) *summarize.Digest {
	return &summarize.Digest{Takeaways: []string{"A takeaway."}, Region: region, Backend: backend, Model: model,
		Countries: []string{}, Warnings: []summarize.Warning{}}
}

func TestOpenCreatesPrivateFileAndIsReopenable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data", "brief.db")
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := s.Save(ctx, art("a", "", "T", "Body one."), nil); err != nil {
		t.Fatalf("Save: %v", err)
	}
	s.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("database mode = %v, want 0600", got)
	}
	s, err = store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.List(ctx, store.Query{})
	if err != nil || len(got) != 1 {
		t.Fatalf("List after reopen = %d entries, %v; want 1", len(got), err)
	}
}

func TestSaveDedupes(t *testing.T) { eachStore(t, testSaveDedupes) }

func testSaveDedupes(t *testing.T, b backend) {
	ctx := context.Background()
	tests := []struct {
		name        string
		first, then *article.Article
		wantCreated bool
	}{
		{"same link", art("a", "https://example.com/x", "T", "Old text."), art("b", "https://EXAMPLE.com:443/x?utm_source=feed#top", "T2", "New text."), false},
		{"same text no links", art("a.html", "", "T", "Same  body\ntext."), art("a.html", "", "T", "Same body text."), false},
		{"same text, link added later", art("a.html", "", "T", "Same body."), art("https://e.com/a", "https://e.com/a", "T", "Same body."), false},
		{"same text, different links", art("1", "https://one.com/a", "T", "Wire copy."), art("2", "https://two.com/a", "T", "Wire copy."), true},
		{"different text", art("a", "", "T", "One."), art("b", "", "T", "Two."), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := b.open(t, nil)
			first, err := s.Save(ctx, tt.first, dig("extractive", "", "Europe"))
			if err != nil || !first.Created {
				t.Fatalf("first Save = %+v, %v", first, err)
			}
			then, err := s.Save(ctx, tt.then, dig("extractive", "", "Asia"))
			if err != nil {
				t.Fatalf("second Save: %v", err)
			}
			if then.Created != tt.wantCreated {
				t.Errorf("second Save Created = %v, want %v", then.Created, tt.wantCreated)
			}
			all, err := s.List(ctx, store.Query{})
			if err != nil {
				t.Fatal(err)
			}
			want := 1
			if tt.wantCreated {
				want = 2
			}
			if len(all) != want {
				t.Fatalf("List = %d entries, want %d", len(all), want)
			}
			if !tt.wantCreated {
				if then.ID != first.ID {
					t.Errorf("updated ID = %d, want %d", then.ID, first.ID)
				}
				if got := all[0].Digest.Region; got != "Asia" {
					t.Errorf("digest region after update = %q, want Asia (the newer digest)", got)
				}
				if got, want := all[0].Article.Text(), tt.then.Text(); got != want {
					t.Errorf("text after update = %q, want %q", got, want)
				}
				if first := tt.first.Link(); first != "" && all[0].Article.Link() != first {
					t.Errorf("link after update = %q, want the first seen %q", all[0].Article.Link(), first)
				}
			}
		})
	}
}

func TestSaveKeepsAddedAndLinkOnUpdate(t *testing.T) { eachStore(t, testSaveKeepsAddedAndLinkOnUpdate) }

func testSaveKeepsAddedAndLinkOnUpdate(t *testing.T, b backend) {
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	s := b.open(t, c)
	if _, err := s.Save(ctx, art("u", "https://e.com/a", "T", "Body."), nil); err != nil {
		t.Fatal(err)
	}
	c.set(c.now().Add(5 * time.Hour))
	saved, err := s.Save(ctx, art("copy.html", "", "T", "Body."), nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Get(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC); !e.Added.Equal(want) {
		t.Errorf("Added = %v, want the first save %v", e.Added, want)
	}
	if !e.Updated.Equal(c.now()) {
		t.Errorf("Updated = %v, want %v", e.Updated, c.now())
	}
	if got := e.Article.URL; got != "https://e.com/a" {
		t.Errorf("URL after re-adding a copy without one = %q, want it kept", got)
	}
	if e.Source != "copy.html" {
		t.Errorf("Source = %q, want the latest input copy.html", e.Source)
	}
}

func TestListByDay(t *testing.T) { eachStore(t, testListByDay) }

func testListByDay(t *testing.T, b backend) {
	ctx := context.Background()
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	c := &clock{}
	s := b.open(t, c)
	day := time.Date(2026, 3, 10, 0, 0, 0, 0, tokyo)
	add := func(id string, published, added time.Time) {
		t.Helper()
		c.set(added)
		a := art(id, "", id, "Text of "+id+".")
		a.Published = published
		if _, err := s.Save(ctx, a, dig("extractive", "", "Asia")); err != nil {
			t.Fatal(err)
		}
	}
	add("published-in-day", day.Add(23*time.Hour+59*time.Minute), day.Add(48*time.Hour))
	add("published-day-before", day.Add(-time.Minute), day.Add(2*time.Hour))
	add("unknown-added-in-day", time.Time{}, day.Add(time.Hour))
	add("unknown-added-next-day", time.Time{}, day.Add(24*time.Hour))
	add("published-at-midnight", day, day.Add(-48*time.Hour))

	got, err := s.List(ctx, store.Query{From: day, To: day.AddDate(0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range got {
		ids = append(ids, e.Article.ID)
	}
	want := []string{"published-at-midnight", "unknown-added-in-day", "published-in-day"}
	if fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("List(day) = %v, want %v", ids, want)
	}
}

func TestListPicksDigest(t *testing.T) { eachStore(t, testListPicksDigest) }

func testListPicksDigest(t *testing.T, b backend) {
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s := b.open(t, c)
	a := art("a", "", "T", "Body.")
	for _, d := range []*summarize.Digest{dig("openai", "gpt-x", "Europe"), dig("extractive", "", "Asia"), dig("openai", "gpt-y", "Africa")} {
		c.set(c.now().Add(time.Minute))
		if _, err := s.Save(ctx, a, d); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		backend, model, want string
	}{
		{"", "", "Africa"},
		{"extractive", "", "Asia"},
		{"openai", "", "Africa"},
		{"openai", "gpt-x", "Europe"},
		{"anthropic", "", "Africa"},
	}
	for _, tt := range tests {
		got, err := s.List(ctx, store.Query{Backend: tt.backend, Model: tt.model})
		if err != nil || len(got) != 1 {
			t.Fatalf("List: %d, %v", len(got), err)
		}
		if got[0].Digest.Region != tt.want {
			t.Errorf("List(backend %q, model %q) digest region = %q, want %q", tt.backend, tt.model, got[0].Digest.Region, tt.want)
		}
	}
}

func TestDelete(t *testing.T) { eachStore(t, testDelete) }

func testDelete(t *testing.T, b backend) {
	ctx := context.Background()
	s := b.open(t, nil)
	saved, err := s.Save(ctx, art("a", "", "T", "Body."), dig("extractive", "", "Asia"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, saved.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := s.Delete(ctx, saved.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second Delete err = %v, want ErrNotFound", err)
	}
	if _, err := s.Get(ctx, saved.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get after Delete err = %v, want ErrNotFound", err)
	}
	// The digest went with it: re-adding starts clean.
	again, err := s.Save(ctx, art("a", "", "T", "Body."), nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Get(ctx, again.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Digest != nil {
		t.Errorf("digest after delete and re-add = %+v, want none", e.Digest)
	}
}

func TestSkipped(t *testing.T) { eachStore(t, testSkipped) }

func testSkipped(t *testing.T, b backend) {
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)}
	s := b.open(t, c)
	if err := s.RecordSkipped(ctx, "bad.html", "no readable content"); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordSkipped(ctx, "later.html", "timeout"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Skipped(ctx, time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC))
	if err != nil || len(got) != 2 {
		t.Fatalf("Skipped = %v, %v; want 2", got, err)
	}
	if _, err := s.Save(ctx, art("later.html", "", "T", "Now it works."), nil); err != nil {
		t.Fatal(err)
	}
	got, err = s.Skipped(ctx, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Source != "bad.html" || got[0].Reason != "no readable content" {
		t.Errorf("Skipped after later.html succeeded = %+v, want only bad.html", got)
	}
}

func TestDigestCache(t *testing.T) { eachStore(t, testDigestCache) }

func testDigestCache(t *testing.T, b backend) {
	s := b.open(t, nil)
	if _, ok := s.GetDigest("k"); ok {
		t.Fatal("GetDigest on empty cache reported a hit")
	}
	if err := s.PutDigest("k", dig("openai", "m", "Europe")); err != nil {
		t.Fatal(err)
	}
	if err := s.PutDigest("k", dig("openai", "m", "Asia")); err != nil {
		t.Fatal(err)
	}
	d, ok := s.GetDigest("k")
	if !ok || d.Region != "Asia" || d.Model != "m" {
		t.Errorf("GetDigest = %+v, %v; want the last digest put", d, ok)
	}
}

func TestExportImportRoundTrip(t *testing.T) { eachStore(t, testExportImportRoundTrip) }

func testExportImportRoundTrip(t *testing.T, b backend) {
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 4, 1, 8, 0, 0, 123456789, time.UTC)}
	src := b.open(t, c)
	pub := time.Date(2026, 3, 31, 22, 15, 0, 0, time.FixedZone("", 2*3600))
	a1 := art("https://e.com/1", "https://e.com/1", "Ports <expand> & “grow”", "First paragraph.", "Second paragraph.")
	a1.Published, a1.Dateline, a1.Sources = pub, "LAGOS", map[string]string{"title": "jsonld"}
	a2 := art("two.txt", "", "Second", "Another body.")
	if _, err := src.Save(ctx, a1, dig("extractive", "", "Africa")); err != nil {
		t.Fatal(err)
	}
	c.set(c.now().Add(time.Hour))
	if _, err := src.Save(ctx, a1, dig("openai", "gpt-x", "Africa")); err != nil {
		t.Fatal(err)
	}
	d2, _ := src.Save(ctx, a2, dig("extractive", "", "Global"))
	mid, _ := src.Save(ctx, art("gone", "", "Gone", "Deleted body."), nil)
	if err := src.Delete(ctx, mid.ID); err != nil {
		t.Fatal(err)
	}
	a3 := art("three", "", "Third", "Third body.")
	if _, err := src.Save(ctx, a3, nil); err != nil {
		t.Fatal(err)
	}
	if err := src.RecordSkipped(ctx, "bad.html", "article: no readable content"); err != nil {
		t.Fatal(err)
	}
	if err := src.PutDigest("cache-key", dig("openai", "gpt-x", "Europe")); err != nil {
		t.Fatal(err)
	}

	var first bytes.Buffer
	if err := src.Export(ctx, &first); err != nil {
		t.Fatalf("Export: %v", err)
	}
	dst := b.open(t, nil)
	st, err := dst.Import(ctx, bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if st != (store.ImportStats{Articles: 3, Skipped: 1, Cached: 1}) {
		t.Errorf("Import stats = %+v, want 3 articles, 1 skipped, 1 cached", st)
	}
	var second bytes.Buffer
	if err := dst.Export(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("export after import differs:\nfirst:\n%s\nsecond:\n%s", first.String(), second.String())
	}
	// Importing again into the same archive changes nothing.
	if _, err := dst.Import(ctx, bytes.NewReader(first.Bytes())); err != nil {
		t.Fatal(err)
	}
	var third bytes.Buffer
	if err := dst.Export(ctx, &third); err != nil {
		t.Fatal(err)
	}
	if first.String() != third.String() {
		t.Errorf("second import changed the archive:\n%s", third.String())
	}
	e, err := dst.Get(ctx, d2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Article.Title != "Second" {
		t.Errorf("imported article %d title = %q, want Second (IDs kept)", d2.ID, e.Article.Title)
	}
	all, _ := dst.List(ctx, store.Query{})
	if !all[0].Article.Published.Equal(pub) || all[0].Article.Sources["title"] != "jsonld" {
		t.Errorf("imported article lost metadata: %+v", all[0].Article)
	}
}

func TestImportRejectsGarbage(t *testing.T) { eachStore(t, testImportRejectsGarbage) }

func testImportRejectsGarbage(t *testing.T, b backend) {
	ctx := context.Background()
	tests := []struct{ name, in, want string }{
		{"not json", "{\"kind\":\"brief-archive\",\"version\":1}\nnot json\n", "line 2"},
		{"unknown kind", `{"kind":"pizza"}`, "unknown record kind"},
		{"newer version", `{"kind":"brief-archive","version":9}`, "newer"},
		{"article without article", `{"kind":"article","id":3}`, "without article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := b.open(t, nil)
			_, err := s.Import(ctx, strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Import(%q) err = %v, want it to mention %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestConcurrentWritersLandEverything(t *testing.T) {
	eachStore(t, testConcurrentWritersLandEverything)
}

func testConcurrentWritersLandEverything(t *testing.T, b backend) {
	ctx := context.Background()
	path := b.newLoc(t)
	const writers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each writer opens its own archive, as separate processes would.
			s, err := store.OpenArchive(ctx, path, store.Options{})
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			for i := range each {
				// Every writer also saves the shared articles 0..4.
				for _, id := range []string{fmt.Sprintf("w%d-%d", w, i), fmt.Sprintf("shared-%d", i%5)} {
					if _, err := s.Save(ctx, art(id, "", id, "Body of "+id+"."), dig("extractive", "", "Asia")); err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s, err := store.OpenArchive(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.List(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(all), writers*each+5; got != want {
		t.Errorf("articles after concurrent saves = %d, want %d", got, want)
	}
}

func TestNormalizeLink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://Example.COM/a/b?x=1&utm_source=rss#frag", "https://example.com/a/b?x=1"},
		{"http://example.com:80", "http://example.com/"},
		{"https://user:pw@example.com:8443/p?fbclid=1", "https://example.com:8443/p"},
		{"  examples/file.html ", "examples/file.html"},
		{"", ""},
		{"https://[::1]:443/x", "https://[::1]/x"},
	}
	for _, tt := range tests {
		if got := store.NormalizeLink(tt.in); got != tt.want {
			t.Errorf("NormalizeLink(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) { eachStore(t, testCheck) }

func testCheck(t *testing.T, b backend) {
	ctx := context.Background()
	loc := b.newLoc(t)
	s := b.openAt(t, loc, nil)
	if _, err := s.Save(ctx, art("a", "", "T", "Body."), dig("extractive", "", "Asia")); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("Check of a sound archive: %v", err)
	}
	// Damage it behind the store's back: a digest whose article is gone.
	b.raw(t, loc, b.orphan)
	if err := s.Check(ctx); err == nil || !strings.Contains(err.Error(), "without an article") {
		t.Errorf("Check with an orphan digest = %v, want it reported", err)
	}
}

func TestOpenRejectsNewerSchema(t *testing.T) { eachStore(t, testOpenRejectsNewerSchema) }

func testOpenRejectsNewerSchema(t *testing.T, b backend) {
	ctx := context.Background()
	loc := b.newLoc(t)
	s, err := store.OpenArchive(ctx, loc, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Pretend a future brief migrated the archive.
	b.raw(t, loc, b.setVersion99)
	if s, err := store.OpenArchive(ctx, loc, store.Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		if err == nil {
			s.Close()
		}
		t.Errorf("Open of a newer schema: err = %v, want a 'newer' error", err)
	}
}

// BenchmarkList1000 measures selecting a day of 1,000 archived articles
// with their digests.
func BenchmarkList1000(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) { benchmarkList1000(b, be) })
	}
}

func benchmarkList1000(b *testing.B, be backend) {
	ctx := context.Background()
	day := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	c := &clock{t: day}
	s := be.open(b, c)
	for i := range 1000 {
		c.set(day.Add(time.Duration(i) * time.Minute))
		paras := []string{fmt.Sprintf("Paragraph one of story %d, long enough to look like news text about a port and a policy.", i),
			"Paragraph two adds context, quotes and numbers, as a real story would.", "Paragraph three closes it."}
		if _, err := s.Save(ctx, art(fmt.Sprint(i), fmt.Sprintf("https://e.example/%d", i), fmt.Sprint("Story ", i), paras...), dig("extractive", "", "Europe")); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		got, err := s.List(ctx, store.Query{From: day, To: day.AddDate(0, 0, 1)})
		if err != nil || len(got) != 1000 {
			b.Fatalf("List = %d, %v", len(got), err)
		}
	}
}

func TestSQLiteLocationIsItsPath(t *testing.T) {
	s := openTest(t, nil)
	if s.Location() != s.Path() || !filepath.IsAbs(s.Path()) || s.ReadOnly() {
		t.Errorf("Location %q, Path %q, ReadOnly %v; want the same absolute path, writable", s.Location(), s.Path(), s.ReadOnly())
	}
}
