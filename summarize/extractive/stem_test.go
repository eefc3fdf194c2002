package extractive

import "testing"

func TestStemWord(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		// Examples from Porter (1980).
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "tie"}, {"cats", "cat"},
		{"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"motoring", "motor"},
		{"sing", "sing"}, {"conflated", "conflat"}, {"troubled", "troubl"}, {"sized", "size"},
		{"hopping", "hop"}, {"falling", "fall"}, {"hissing", "hiss"}, {"failing", "fail"},
		{"filing", "file"}, {"happy", "happi"}, {"relational", "relat"}, {"conditional", "condit"},
		{"rational", "ration"}, {"digitizer", "digit"}, {"generalization", "gener"},
		{"hopeful", "hope"}, {"goodness", "good"}, {"revival", "reviv"}, {"allowance", "allow"},
		{"adjustment", "adjust"}, {"adoption", "adopt"}, {"controll", "control"}, {"roll", "roll"},
		// News words.
		{"attacks", "attack"}, {"attacked", "attack"}, {"attacking", "attack"},
		{"elections", "elect"}, {"president", "presid"},
		// Left alone.
		{"us", "us"}, {"x", "x"}, {"", ""}, {"2015", "2015"}, {"café", "café"}, {"éléphants", "éléphants"},
	} {
		if got := stemWord(tt.in); got != tt.want {
			t.Errorf("stemWord(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
