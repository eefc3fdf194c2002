package pdf

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationmonoregular"
)

func TestShapeArabic(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"latin unchanged", "Rotterdam", "Rotterdam"},
		// ب joins both sides: initial, medial, final.
		{"beh beh beh", "ببب", "\uFE91\uFE92\uFE90"},
		// د joins only the letter before: the ب after it starts anew.
		{"beh dal beh", "بدب", "\uFE91\uFEAA\uFE8F"},
		// لا becomes one ligature, final after a joining letter.
		{"lam alef", "لا", "\uFEFB"},
		{"beh lam alef", "بلا", "\uFE91\uFEFC"},
		// A mark between letters does not break the join.
		{"marks", "بَب", "\uFE91\u064E\uFE90"},
		{"words apart", "بب بب", "\uFE91\uFE90 \uFE91\uFE90"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shapeArabic(tt.in); got != tt.want {
				t.Errorf("shapeArabic(%q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

func TestVisual(t *testing.T) {
	tests := []struct{ in, want string }{
		{"אבג", "גבא"},
		{"אב,", ",בא"},
		{"א2026ב", "ב2026א"},
		{"א1,500ב", "ב1,500א"},
		{"בַּית", "תיבַּ"}, // marks stay on their letter
		{"«אב»", "«בא»"},   // guillemets and brackets face the text
		{"(א)", "(א)"},
	}
	for _, tt := range tests {
		if got := visual(tt.in); got != tt.want {
			t.Errorf("visual(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVisualLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"left to right", "no change here", "no change here"},
		{"right to left", "אבג דה וז", "זו הד גבא"},
		{"latin inside", "אב BBC News גד", "דג BBC News בא"},
		{"hebrew inside", "Mayor אב גד said", "Mayor דג בא said"},
		{"number inside", "אב 50 גד", "דג 50 בא"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := visualLine(tt.in); got != tt.want {
				t.Errorf("visualLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIndicOrder(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"latin unchanged", "Kolkata", "Kolkata"},
		{"devanagari i", "कि", "िक"},               // ि goes before क
		{"devanagari cluster", "स्थिति", "िस्थित"}, // स्थ is one cluster
		{"bengali e", "বে", "েব"},
		{"bengali o splits", "কো", "েকা"},
		{"sign alone", "ি", "ি"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := indicOrder(tt.in); got != tt.want {
				t.Errorf("indicOrder(%q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

func TestScriptOf(t *testing.T) {
	for r, want := range map[rune]string{'a': "Latin", '東': "Han", 'ب': "Arabic", 'ж': "Cyrillic", 'λ': "Greek", 'क': "Devanagari", 'ა': "Georgian", '€': "Common"} {
		if got := scriptOf(r); got != want {
			t.Errorf("scriptOf(%q) = %q, want %q", r, got, want)
		}
	}
}

func TestTrueType(t *testing.T) {
	if _, err := trueType([]byte("OTTO" + strings.Repeat("\x00", 20))); err == nil {
		t.Error("trueType(CFF font): no error")
	}
	if _, err := trueType([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\xff\xff\xff\xff")); err == nil {
		t.Error("trueType(collection with a bad offset): no error")
	}
}

// TestTrueTypeCollection wraps an embedded font in a one-font collection
// and checks that the font comes back out whole.
func TestTrueTypeCollection(t *testing.T) {
	ttf := liberationmonoregular.TTF
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	ttc := append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), ttf...)
	for i := range n {
		rec := 16 + 12 + 16*i
		binary.BigEndian.PutUint32(ttc[rec+8:], binary.BigEndian.Uint32(ttc[rec+8:])+16)
	}
	out, err := trueType(ttc)
	if err != nil {
		t.Fatalf("trueType(collection): %v", err)
	}
	fc, err := newFace("x", "", out)
	if err != nil {
		t.Fatalf("newFace(extracted): %v", err)
	}
	if !fc.has('Ж') || fc.has('東') {
		t.Error("extracted font lost its character map")
	}
}
