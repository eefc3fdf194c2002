package textsafe_test

import (
	"testing"

	"github.com/brief-news/brief/internal/textsafe"
)

func TestClean(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"plain", "Port expansion in Mombasa", "Port expansion in Mombasa"},
		{"newline and tab kept", "one\ntwo\tthree", "one\ntwo\tthree"},
		{"ANSI colour", "\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"OSC 8 fake link", "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07", "]8;;https://evil.example" + "click]8;;"},
		{"OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07", "]52;c;cm0gLXJmIH4="},
		{"carriage return", "safe\roverwritten", "safeoverwritten"},
		{"C1 CSI", "a\u009b31mb", "a31mb"},
		{"DEL and NUL", "a\x7fb\x00c", "abc"},
		{"bidi override", "invoice\u202Egpj.exe", "invoicegpj.exe"},
		{"bidi isolate", "\u2067abc\u2069", "abc"},
		{"marks", "a\u200Eb\u200Fc\u061Cd", "abcd"},
		{"zero width", "pay\u200Bpal\uFEFF\u2060", "paypal"},
		{"ZWJ after ASCII", "pay\u200Dpal", "paypal"},
		{"ZWNJ in Persian kept", "می\u200Cخواهم", "می\u200Cخواهم"},
		{"emoji ZWJ kept", "👩\u200D💻", "👩\u200D💻"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"accents kept", "Zürich, São Paulo, 東京", "Zürich, São Paulo, 東京"},
	} {
		if got := textsafe.Clean(tt.in); got != tt.want {
			t.Errorf("%s: Clean(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestLine(t *testing.T) {
	if got, want := textsafe.Line("drop/\x1b[2Jnotes\n.txt\t"), "drop/[2Jnotes .txt "; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "a\x1bb", "\u202e", "\xff\xfe", "x\u200dy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := textsafe.Clean(s)
		if textsafe.Clean(c) != c {
			t.Errorf("Clean is not idempotent on %q", s)
		}
		for _, r := range c {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Errorf("Clean(%q) kept %U", s, r)
			}
		}
	})
}

func BenchmarkCleanClean(b *testing.B) {
	s := "The project will be financed by a consortium of regional banks and is expected to open in 2029, officials said — “this changes what Mombasa can be”."
	for b.Loop() {
		textsafe.Clean(s)
	}
}
