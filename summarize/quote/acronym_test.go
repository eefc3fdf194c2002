package quote

import "testing"

func TestAcronym(t *testing.T) {
	for _, tt := range []struct {
		in                string
		acronym, compound bool
		spelled           bool
	}{
		{"DOSB", true, false, false},
		{"AfD", true, false, false},
		{"Welskop", false, false, false},
		{"US-Nachrichtensender", false, true, false},
		{"FPÖ-Kultursprecher", false, true, false},
		{"Welskop-Deffaa", false, false, false},
		{"Frank-Walter", false, false, false},
		{"US-UN", false, false, false},
		{"Deutsche Olympische Sportbund (DOSB)", false, false, true},
		{"Gwen Moore (D-Wis.)", false, false, false},
	} {
		if got := acronym(tt.in); got != tt.acronym {
			t.Errorf("acronym(%q) = %v, want %v", tt.in, got, tt.acronym)
		}
		if got := acronymCompound(tt.in); got != tt.compound {
			t.Errorf("acronymCompound(%q) = %v, want %v", tt.in, got, tt.compound)
		}
		if got := spelledAcronym(tt.in); got != tt.spelled {
			t.Errorf("spelledAcronym(%q) = %v, want %v", tt.in, got, tt.spelled)
		}
	}
}
