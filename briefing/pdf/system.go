package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// DefaultFontDirs returns the directories fontconfig searches by default
// on Linux and the BSDs, in its order: the user's fonts
// ($XDG_DATA_HOME/fonts, ~/.local/share/fonts, ~/.fonts), then each
// $XDG_DATA_DIRS entry's fonts (default /usr/local/share and /usr/share),
// and the X11 and macOS system folders. Directories that do not exist are
// kept; they are skipped when read.
func DefaultFontDirs() []string {
	var dirs []string
	home, _ := os.UserHomeDir()
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		dirs = append(dirs, filepath.Join(x, "fonts"))
	} else if home != "" {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"))
	}
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".fonts"))
	}
	data := os.Getenv("XDG_DATA_DIRS")
	if data == "" {
		data = "/usr/local/share:/usr/share"
	}
	for _, d := range filepath.SplitList(data) {
		if d != "" {
			dirs = append(dirs, filepath.Join(d, "fonts"))
		}
	}
	dirs = append(dirs, "/usr/X11R6/lib/X11/fonts", "/Library/Fonts", "/System/Library/Fonts")
	return slices.Compact(dirs)
}

// systemFonts finds installed fonts that cover a script the embedded
// faces lack. It lists the font directories once, when first needed, and
// opens a font file only to read its character map or, for the font it
// chooses, its bytes.
type systemFonts struct {
	dirs   []string
	listed bool
	files  []string          // TrueType files and collections, sorted
	byName map[string]string // lower-case base name → path
	tried  map[string]bool   // path → found unusable
	faces  map[string]*face  // path → loaded face
	// hopeless holds the scripts a full scan found no font for.
	hopeless map[string]bool
}

func newSystemFonts(dirs []string) *systemFonts {
	return &systemFonts{dirs: dirs, tried: map[string]bool{}, faces: map[string]*face{}, hopeless: map[string]bool{}}
}

func (sf *systemFonts) list() {
	if sf.listed {
		return
	}
	sf.listed = true
	sf.byName = map[string]string{}
	for _, dir := range sf.dirs {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			name := strings.ToLower(d.Name())
			if !strings.HasSuffix(name, ".ttf") && !strings.HasSuffix(name, ".ttc") {
				return nil
			}
			if _, dup := sf.byName[name]; !dup {
				sf.byName[name] = path
				sf.files = append(sf.files, path)
			}
			return nil
		})
	}
	slices.Sort(sf.files)
}

// preferred lists font file names known to cover a script well, best
// first, for the Debian packages that carry them (fonts-noto-core,
// fonts-droid-fallback, fonts-wqy-microhei, fonts-wqy-zenhei,
// fonts-dejavu-core). Noto's per-script files are tried for every script.
func preferred(script string, bold bool) []string {
	weight := "regular"
	if bold {
		weight = "bold"
	}
	s := strings.ToLower(script)
	names := []string{
		"notoserif" + s + "-" + weight + ".ttf", "notosans" + s + "-" + weight + ".ttf",
		"notonaskh" + s + "-" + weight + ".ttf",
		"notoserif" + s + "-regular.ttf", "notosans" + s + "-regular.ttf", "notonaskh" + s + "-regular.ttf",
	}
	switch script {
	case "Han", "Hiragana", "Katakana", "Bopomofo", "Hangul":
		names = append(names, "droidsansfallbackfull.ttf", "droidsansfallback.ttf", "wqy-microhei.ttc", "wqy-zenhei.ttc",
			"nanumgothic.ttf", "unbatang.ttf", "ukai.ttc", "uming.ttc")
	case "Greek", "Cyrillic", "Latin", "Armenian", "Georgian", "Hebrew", "Arabic":
		names = append(names, "notoserif-"+weight+".ttf", "notoserif-regular.ttf")
	}
	if bold {
		names = append(names, "dejavusans-bold.ttf")
	}
	return append(names, "dejavusans.ttf", "freeserif.ttf", "freesans.ttf")
}

// find returns a face for r from the installed fonts, or nil. It tries
// the fonts preferred for r's script, then every font file, once per
// script.
func (sf *systemFonts) find(r rune, bold bool, family string) *face {
	sf.list()
	script := scriptOf(r)
	for _, name := range preferred(script, bold) {
		if path, ok := sf.byName[name]; ok {
			if fc := sf.try(path, r, family); fc != nil {
				return fc
			}
		}
	}
	if sf.hopeless[script] {
		return nil
	}
	for _, path := range sf.files {
		if fc := sf.try(path, r, family); fc != nil {
			return fc
		}
	}
	sf.hopeless[script] = true
	return nil
}

// try loads the font at path as a face when it has r. A file that cannot
// be used (not TrueType outlines, unreadable) is not tried again.
func (sf *systemFonts) try(path string, r rune, family string) *face {
	if fc, ok := sf.faces[path]; ok {
		if fc.has(r) {
			return fc
		}
		return nil
	}
	if sf.tried[path] {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		sf.tried[path] = true
		return nil
	}
	defer f.Close()
	var font *sfnt.Font
	if strings.HasSuffix(strings.ToLower(path), ".ttc") {
		c, err := sfnt.ParseCollectionReaderAt(f)
		if err == nil {
			font, err = c.Font(0)
		}
		if err != nil {
			sf.tried[path] = true
			return nil
		}
	} else if font, err = sfnt.ParseReaderAt(f); err != nil {
		sf.tried[path] = true
		return nil
	}
	var buf sfnt.Buffer
	if g, err := font.GlyphIndex(&buf, r); err != nil || g == 0 {
		return nil
	}
	sf.tried[path] = true
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	if data, err = trueType(data); err != nil {
		return nil
	}
	fc, err := newFace(family, "", data)
	if err != nil || !fc.has(r) {
		return nil
	}
	fc.path = path
	sf.faces[path] = fc
	return fc
}

// trueType returns a font file fpdf can embed: a TrueType font as is, the
// first font of a TrueType collection (.ttc) as a font file of its own.
// Fonts with PostScript (CFF) outlines are refused: fpdf cannot subset
// them.
func trueType(data []byte) ([]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("short font file")
	}
	if string(data[:4]) == "ttcf" {
		if len(data) < 16 || binary.BigEndian.Uint32(data[8:]) == 0 {
			return nil, errors.New("empty font collection")
		}
		off := binary.BigEndian.Uint32(data[12:])
		return extract(data, off)
	}
	switch binary.BigEndian.Uint32(data) {
	case 0x00010000, 0x74727565: // version 1.0, "true"
	default:
		return nil, errors.New("not a TrueType font")
	}
	if !hasTable(data, 0, "glyf") {
		return nil, errors.New("no TrueType outlines")
	}
	if !embeddable(data, 0) {
		return nil, errors.New("licence forbids embedding")
	}
	return data, nil
}

// embeddable reports whether the font's licence bits (OS/2 fsType) allow
// embedding it in a document. fpdf prints a message on standard output
// for fonts that forbid it: they must never reach it.
func embeddable(data []byte, off uint32) bool {
	rec, found, ok := findTable(data, off, "OS/2")
	if !ok {
		return false
	}
	if !found {
		return true
	}
	at := uint64(binary.BigEndian.Uint32(data[rec+8:]))
	if at+10 > uint64(len(data)) {
		return false
	}
	fsType := binary.BigEndian.Uint16(data[at+8:])
	return fsType != 0x0002 && fsType&0x0300 == 0
}

// hasTable reports whether the font whose table directory starts at off
// has the table tag.
func hasTable(data []byte, off uint32, tag string) bool {
	_, found, ok := findTable(data, off, tag)
	return ok && found
}

// findTable looks up tag in the table directory that starts at off and
// returns its record's offset. ok is false when the directory is cut
// short before the tag was found.
func findTable(data []byte, off uint32, tag string) (rec uint64, found, ok bool) {
	if uint64(off)+12 > uint64(len(data)) {
		return 0, false, false
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	for i := range n {
		rec = uint64(off) + 12 + uint64(i)*16
		if rec+16 > uint64(len(data)) {
			return 0, false, false
		}
		if string(data[rec:rec+4]) == tag {
			return rec, true, true
		}
	}
	return 0, false, true
}

// extract copies the font whose table directory starts at off in a
// collection into a standalone font file.
func extract(data []byte, off uint32) ([]byte, error) {
	if uint64(off)+12 > uint64(len(data)) {
		return nil, errors.New("bad collection offset")
	}
	if v := binary.BigEndian.Uint32(data[off:]); v != 0x00010000 && v != 0x74727565 {
		return nil, errors.New("collection font is not TrueType")
	}
	if !hasTable(data, off, "glyf") {
		return nil, errors.New("no TrueType outlines")
	}
	if !embeddable(data, off) {
		return nil, errors.New("licence forbids embedding")
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	head := 12 + 16*n
	out := make([]byte, head, len(data)/2)
	copy(out, data[off:off+12])
	for i := range n {
		rec := uint64(off) + 12 + uint64(i)*16
		if rec+16 > uint64(len(data)) {
			return nil, errors.New("truncated table directory")
		}
		to := uint64(binary.BigEndian.Uint32(data[rec+8:]))
		length := uint64(binary.BigEndian.Uint32(data[rec+12:]))
		if to+length > uint64(len(data)) {
			return nil, fmt.Errorf("table %q out of range", data[rec:rec+4])
		}
		copy(out[12+16*i:], data[rec:rec+8]) // tag, checksum
		binary.BigEndian.PutUint32(out[12+16*i+8:], uint32(len(out)))
		binary.BigEndian.PutUint32(out[12+16*i+12:], uint32(length))
		out = append(out, data[to:to+length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// scripts are checked first, in this order, when naming a rune's script;
// the rest of unicode.Scripts follow in name order.
var commonScripts = []string{"Latin", "Han", "Arabic", "Cyrillic", "Greek", "Hebrew", "Hiragana", "Katakana", "Hangul", "Devanagari", "Thai", "Bengali", "Tamil"}

// scriptOf names the Unicode script of r; symbols, emoji and punctuation
// are "Common".
func scriptOf(r rune) string {
	for _, s := range commonScripts {
		if unicode.Is(unicode.Scripts[s], r) {
			return s
		}
	}
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return "Common"
}
