package pdf_test

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
	"github.com/brief-news/brief/briefing/pdf"
)

var update = flag.Bool("update", false, "rewrite golden files")

// render writes the briefing of es as an uncompressed PDF dated
// briefingtest.Day and returns it with the warnings it gave.
func render(t *testing.T, es []briefing.Entry, skipped []briefing.Skipped, opts pdf.Options) ([]byte, []string) {
	t.Helper()
	b := briefing.Build(es, skipped, briefing.Options{Date: briefingtest.Day})
	var warnings []string
	opts.Now, opts.Uncompressed = briefingtest.Day, true
	if opts.FontDirs == nil {
		// Goldens must not depend on the fonts installed here.
		opts.FontDirs = []string{}
	}
	opts.Warn = func(msg string) { warnings = append(warnings, msg) }
	var buf bytes.Buffer
	if err := pdf.Write(&buf, b, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes(), warnings
}

// pdftotext extracts the text of a PDF with poppler's pdftotext, skipping
// the test when it is not installed.
func pdftotext(t *testing.T, doc []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func golden(t *testing.T, name string, got string) {
	t.Helper()
	briefingtest.Golden(t, name, []byte(got), *update)
}

// pdfString is how fpdf writes s into an uncompressed content stream with
// a UTF-8 font: UTF-16BE, with \, ( and ) escaped.
func pdfString(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range []byte{byte(u >> 8), byte(u)} {
			if c == '\\' || c == '(' || c == ')' {
				b = append(b, '\\')
			}
			b = append(b, c)
		}
	}
	return b
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name    string
		entries []briefing.Entry
		skipped []briefing.Skipped
	}{
		{"sample", briefingtest.Entries(), briefingtest.Skipped()},
		{"hostile", briefingtest.Hostile(), nil},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := render(t, tt.entries, tt.skipped, pdf.Options{})
			again, _ := render(t, tt.entries, tt.skipped, pdf.Options{})
			if !bytes.Equal(doc, again) {
				t.Error("two renderings with the same Now differ")
			}
			// Every story's title starts a line of the document.
			b := briefing.Build(tt.entries, tt.skipped, briefing.Options{})
			for _, sec := range b.Sections {
				if !bytes.Contains(doc, pdfString(sec.Name)) {
					t.Errorf("stream lacks section %q", sec.Name)
				}
				for _, st := range sec.Stories {
					words := strings.Fields(st.Headline())
					head := strings.Join(words[:min(2, len(words))], " ")
					if !bytes.Contains(doc, pdfString(head)) {
						t.Errorf("stream lacks title %q", head)
					}
				}
			}
			golden(t, tt.name+".golden.txt", pdftotext(t, doc))
		})
	}
}

func TestWriteStructure(t *testing.T) {
	doc, _ := render(t, briefingtest.Entries(), briefingtest.Skipped(), pdf.Options{})
	for _, want := range []string{
		"/Outlines",
		"/URI (https://harbourherald.example/2026/11/24/rotterdam-dockworkers-walk-out)",
		"/URI (https://lowlandsdaily.example/news/rotterdam-port-strike)",
		"/CreationDate (D:20261124000000",
		"/FontFile2",
	} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("document lacks %q", want)
		}
	}
	for _, bookmark := range []string{"Europe", "Skipped sources", "Kenya's central bank holds key rate at 9.5% as inflation eases"} {
		if !bytes.Contains(doc, append([]byte{0xfe, 0xff}, pdfString(bookmark)...)) {
			t.Errorf("document lacks bookmark %q", bookmark)
		}
	}
	// The picture of the day: one filled rectangle per country (NL, BE,
	// BR, JP, KE) and one for the story placed in none, Europe's NL bar
	// twice as long as its BE bar.
	bars := regexp.MustCompile(`(?m)^[\d.]+ [\d.]+ ([\d.]+) -[\d.]+ re B$`).FindAllSubmatch(doc, -1)
	if len(bars) != 6 {
		t.Errorf("found %d bars in the picture of the day, want 6", len(bars))
	} else if nl, be := string(bars[0][1]), string(bars[1][1]); nl != "249.45" || be != "124.73" {
		t.Errorf("Europe's bars are %s and %s pt long, want 249.45 and 124.73 (2:1)", nl, be)
	}
	text := pdftotext(t, doc)
	// The strike story shows, under its second source, the fact only
	// that source reports; at a glance leads each region with its story.
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Also reported by Continental Wire, Lowlands Daily • Continental Wire: The union wants a 7% wage increase",
		"At a glance Europe 3",
		"EUROPE Rotterdam dockworkers walk out, halting container traffic at Europe's biggest port Thousands of dockworkers",
		"AFRICA Kenya's central bank holds key rate at 9.5% as inflation eases The Central Bank of Kenya",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("text lacks %q:\n%s", want, flat)
		}
	}
	pages := regexp.MustCompile(`Page (\d+) of (\d+)`).FindAllStringSubmatch(text, -1)
	if len(pages) < 2 {
		t.Fatalf("found %d page footers, want several", len(pages))
	}
	for i, m := range pages {
		if want := strconv.Itoa(i + 1); m[1] != want || m[2] != pages[len(pages)-1][1] {
			t.Errorf("footer %d = %q, want Page %s of %s", i, m[0], want, pages[len(pages)-1][1])
		}
	}
}

func TestWriteReplacesUndrawable(t *testing.T) {
	doc, warnings := render(t, briefingtest.Hostile(), nil, pdf.Options{})
	if len(warnings) != 1 {
		t.Fatalf("warnings = %q, want one", warnings)
	}
	for _, want := range []string{"U+1F389", "U+6771", "--font", "no font covers Han, characters beyond U+FFFF (emoji)"} {
		if !strings.Contains(warnings[0], want) {
			t.Errorf("warning %q lacks %q", warnings[0], want)
		}
	}
	text := pdftotext(t, doc)
	for _, want := range []string{"Fans cheer \uFFFD in Tōkyō; \uFFFD welcomes Nguyễn Thị Minh Khai, Ελλάδα and Москва", "Mixed \uFFFD family emoji"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	_, warnings = render(t, briefingtest.Entries(), nil, pdf.Options{})
	if len(warnings) != 0 {
		t.Errorf("drawable text gave warnings %q", warnings)
	}
}

// TestWriteEscapes checks that markup, Markdown and template syntax in
// article text print as themselves.
func TestWriteEscapes(t *testing.T) {
	es := briefingtest.Hostile()
	es[1].Article.Title = "Page {nb} of \x01nb\x01 {{nb}}"
	doc, _ := render(t, es, []briefing.Skipped{{Source: "<evil>.html", Reason: "*bad* {{.Err}}"}}, pdf.Options{})
	text := strings.Join(strings.Fields(pdftotext(t, doc)), " ")
	for _, want := range []string{
		`<script>alert("x")</script> *Bold* [link](http://x) {{.Title}} # not a heading`,
		`<b>Evil</b> & Co`,
		`Takeaway with <img src=x onerror=alert(1)> and **stars** and {{template "x"}}.`,
		`“We said "<b>no</b>" and [meant](it) {{end}}”`,
		`— Dr. <i>Who</i>, head of *things*`,
		`Page {nb} of nb {{nb}}`, // the page-count alias in a title stays inert
		`<evil>.html *bad* {{.Err}}`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

// TestWriteScripts renders Chinese, Russian, Greek and Arabic articles
// with the fonts installed on the machine and no option: every title,
// takeaway and quote comes out, in logical order, with nothing replaced.
// It skips when the fonts are not installed, except in CI (CI set), whose
// script installs them.
func TestWriteScripts(t *testing.T) {
	for _, font := range []string{"NotoNaskhArabic-Regular.ttf", "DroidSansFallbackFull.ttf"} {
		if !installed(font) {
			if os.Getenv("CI") != "" {
				t.Fatalf("font %s not installed in CI: .ci/run installs fonts-noto-core and fonts-droid-fallback", font)
			}
			t.Skipf("font %s not installed (Debian: fonts-noto-core, fonts-droid-fallback)", font)
		}
	}
	es := briefingtest.Scripts()
	doc, warnings := render(t, es, nil, pdf.Options{FontDirs: pdf.DefaultFontDirs()})
	if len(warnings) != 0 {
		t.Errorf("warnings = %q, want none", warnings)
	}
	text := pdftotext(t, doc)
	if strings.ContainsRune(text, '\uFFFD') {
		t.Errorf("text has replaced characters:\n%s", text)
	}
	// pdftotext gives Arabic back in logical order as presentation forms,
	// wrapped in direction marks; NFKC turns the forms into letters. Where
	// it puts punctuation and spaces next to digits in right-to-left lines
	// is its own guess: compare letters and digits only.
	letters := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, norm.NFKC.String(s))
	}
	flat := letters(text)
	for _, e := range es {
		wants := []string{e.Article.Title, e.Article.Site, e.Digest.Quotes[0].Speaker, e.Digest.Quotes[0].Text}
		wants = append(wants, e.Digest.Takeaways...)
		for _, want := range wants {
			if !strings.Contains(flat, letters(want)) {
				t.Errorf("text lacks %q:\n%s", want, text)
			}
		}
	}
}

// installed reports whether a font file of that name is in the default
// font directories.
func installed(name string) bool {
	for _, dir := range pdf.DefaultFontDirs() {
		found := false
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && d.Name() == name {
				found = true
				return filepath.SkipAll
			}
			return nil
		})
		if found {
			return true
		}
	}
	return false
}

// TestWriteFindsFonts puts DejaVu Sans under a name no rule knows in a
// font directory of its own: the scan of that directory finds it for
// Arabic, which Liberation lacks (Liberation draws the Hebrew), and the
// warning names only the script it lacks too.
func TestWriteFindsFonts(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	ttf, err := os.ReadFile(dejavu)
	if err != nil {
		t.Skip("DejaVu Sans not installed (Debian: fonts-dejavu-core)")
	}
	dir := filepath.Join(t.TempDir(), "fonts", "misc")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "unknown-face.ttf"), ttf, 0o644); err != nil {
		t.Fatal(err)
	}
	es := briefingtest.Entries()
	es[0].Article.Title = "Rotterdam: שביתה בנמל and إضراب في الميناء; 港口罢工"
	doc, warnings := render(t, es, nil, pdf.Options{FontDirs: []string{filepath.Dir(dir), filepath.Join(dir, "missing")}})
	if len(warnings) != 1 || !strings.Contains(warnings[0], "no font covers Han:") {
		t.Errorf("warnings = %q, want one naming Han alone", warnings)
	}
	// Only the font in dir can have drawn the Arabic.
	text := norm.NFKC.String(pdftotext(t, doc))
	for _, want := range []string{"שביתה", "בנמל", "إضراب", "الميناء"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

// TestWriteSkipsRestrictedFont installs a copy of DejaVu Sans whose
// licence bits (OS/2 fsType) forbid embedding: it is passed over (fpdf
// would print an error on standard output and embed it all the same), the
// Arabic it could draw is replaced and the warning names Arabic. As
// --font, it is an error.
func TestWriteSkipsRestrictedFont(t *testing.T) {
	ttf, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
	if err != nil {
		t.Skip("DejaVu Sans not installed (Debian: fonts-dejavu-core)")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := 12 + 16*i
		if string(ttf[rec:rec+4]) == "OS/2" {
			off := binary.BigEndian.Uint32(ttf[rec+8:])
			binary.BigEndian.PutUint16(ttf[off+8:], 0x0002) // restricted licence
		}
	}
	dir := t.TempDir()
	restricted := filepath.Join(dir, "restricted.ttf")
	if err := os.WriteFile(restricted, ttf, 0o644); err != nil {
		t.Fatal(err)
	}
	es := briefingtest.Entries()
	es[0].Article.Title = "Rotterdam: إضراب"
	doc, warnings := render(t, es, nil, pdf.Options{FontDirs: []string{dir}})
	if len(warnings) != 1 || !strings.Contains(warnings[0], "no font covers Arabic") {
		t.Errorf("warnings = %q, want one naming Arabic", warnings)
	}
	if text := pdftotext(t, doc); !strings.Contains(text, "Rotterdam: \uFFFD") {
		t.Errorf("text lacks the title with its Arabic replaced:\n%s", text)
	}
	b := briefing.Build(es, nil, briefing.Options{})
	if err := pdf.Write(&bytes.Buffer{}, b, pdf.Options{FontPath: restricted}); err == nil || !strings.Contains(err.Error(), "licence") {
		t.Errorf("Write with a restricted --font = %v, want a licence error", err)
	}
}

// TestWriteSurvivesBrokenFont installs a copy of DejaVu Sans whose first
// glyph locations point past its end: it reads as a font with Arabic, but
// fpdf fails to embed it. The document is made again without installed
// fonts; the warnings name the font, then Arabic.
func TestWriteSurvivesBrokenFont(t *testing.T) {
	ttf, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
	if err != nil {
		t.Skip("DejaVu Sans not installed (Debian: fonts-dejavu-core)")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := 12 + 16*i
		if string(ttf[rec:rec+4]) == "loca" {
			off := binary.BigEndian.Uint32(ttf[rec+8:])
			for j := off + 4; j < off+64; j++ {
				ttf[j] = 0xff
			}
		}
	}
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.ttf")
	if err := os.WriteFile(broken, ttf, 0o644); err != nil {
		t.Fatal(err)
	}
	es := briefingtest.Entries()
	es[0].Article.Title = "Rotterdam: إضراب"
	doc, warnings := render(t, es, nil, pdf.Options{FontDirs: []string{dir}})
	if len(warnings) != 2 || !strings.Contains(warnings[0], broken+" could not be embedded") || !strings.Contains(warnings[1], "no font covers Arabic") {
		t.Errorf("warnings = %q, want one naming %s, then one naming Arabic", warnings, broken)
	}
	if text := pdftotext(t, doc); !strings.Contains(text, "Rotterdam: \uFFFD") {
		t.Errorf("text lacks the title with its Arabic replaced:\n%s", text)
	}
}

func TestWriteFontPath(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(dejavu); err != nil {
		t.Skip("DejaVu Sans not installed")
	}
	doc, warnings := render(t, briefingtest.Hostile(), nil, pdf.Options{FontPath: dejavu})
	if len(warnings) != 1 || strings.Contains(warnings[0], "U+1EC5") {
		t.Errorf("warnings = %q, want one without U+1EC5 (ễ), which DejaVu has", warnings)
	}
	if text := pdftotext(t, doc); !strings.Contains(text, "Nguyễn Thị") {
		t.Errorf("text lacks Nguyễn Thị drawn with the extra font:\n%s", text)
	}
}

func TestWriteBadFont(t *testing.T) {
	dir := t.TempDir()
	notFont := filepath.Join(dir, "not.ttf")
	if err := os.WriteFile(notFont, []byte("this is not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := briefing.Build(briefingtest.Entries(), nil, briefing.Options{})
	for _, path := range []string{notFont, filepath.Join(dir, "missing.ttf")} {
		if err := pdf.Write(&bytes.Buffer{}, b, pdf.Options{FontPath: path}); err == nil {
			t.Errorf("Write with FontPath %s: no error", path)
		}
	}
}

func TestWriteHandMadeBriefing(t *testing.T) {
	if err := pdf.Write(&bytes.Buffer{}, nil, pdf.Options{}); err == nil {
		t.Error("Write(nil briefing): no error")
	}
	b := &briefing.Briefing{Sections: []briefing.Section{{Name: "Europe", Stories: []briefing.Story{{}}}}}
	if err := pdf.Write(&bytes.Buffer{}, b, pdf.Options{}); err != nil {
		t.Errorf("Write(story without article or digest) = %v, want a document", err)
	}
}

// FuzzWrite puts arbitrary text in every field a renderer draws: the
// document must come out, whatever the text. Installed fonts are looked
// for in one directory holding DejaVu Sans, when it is installed, so that
// fallback, shaping and right-to-left runs are exercised at a fuzzing
// pace (scanning every installed font for each input is slow).
func FuzzWrite(f *testing.F) {
	dirs := []string{}
	if ttf, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); err == nil {
		dir := f.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "DejaVuSans.ttf"), ttf, 0o644); err != nil {
			f.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	for _, s := range []string{"", "plain", "\x00\xff\xfe", "😀👨‍👩‍👧", "東京 中文", "(unbalanced \\ parens", "\x01nb\x01", "مرحبا بالعالم 2026 — שָׁלוֹם, «BBC» لا", "हिन्दी ქართული Ἀθῆναι", strings.Repeat("W", 400)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		es := briefingtest.Hostile()
		es[0].Article.Title = s
		es[0].Article.Site = s
		es[0].Digest.Takeaways = []string{s}
		es[0].Digest.Quotes[0].Text = s
		es[0].Digest.Quotes[0].Speaker = s
		b := briefing.Build(es, []briefing.Skipped{{Source: s, Reason: s}}, briefing.Options{Title: s})
		if err := pdf.Write(&bytes.Buffer{}, b, pdf.Options{FontDirs: dirs}); err != nil {
			t.Fatalf("Write: %v", err)
		}
	})
}
