package region

import (
	"slices"
	"strings"
	"testing"
)

func TestGazetteerTables(t *testing.T) {
	g, err := parseGazetteer(countriesTSV, placesTSV)
	if err != nil {
		t.Fatalf("parseGazetteer: %v", err)
	}
	if n := len(g.countries); n < 249 {
		t.Errorf("len(countries) = %d, want at least 249 (ISO 3166-1)", n)
	}
	for _, c := range g.countries {
		if c.region != "" && !slices.Contains([]string{"Europe", "Americas", "Asia-Pacific", "Middle East", "Africa"}, c.region) {
			t.Errorf("country %s: region %q is not a default section", c.code, c.region)
		}
	}
}

func TestParseGazetteerErrors(t *testing.T) {
	for _, tt := range []struct{ name, countries, places string }{
		{"short countries line", "MY\tAsia-Pacific\tMalaysia\n", ""},
		{"duplicate code", "MY\tAsia-Pacific\tMalaysia\t\t\t\nMY\tAsia-Pacific\tMalaysia\t\t\t\n", ""},
		{"unknown kind", "MY\tAsia-Pacific\tMalaysia\t\t\t\n", "MY\tvillage\tKampung\n"},
		{"unknown country", "MY\tAsia-Pacific\tMalaysia\t\t\t\n", "QQ\tcity\tNowhere\n"},
		{"empty phrase", "MY\tAsia-Pacific\tMalaysia\t\t\t\n", "MY\tcity\t--\n"},
	} {
		if _, err := parseGazetteer(tt.countries, tt.places); err == nil {
			t.Errorf("parseGazetteer(%s) = nil error, want one", tt.name)
		}
	}
}

func TestTokenize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"The U.S.-Japan talks", []string{"the", "us", "japan", "talks"}},
		{"Venezuela's debt", []string{"venezuela", "debt"}},
		{"N'DJAMENA, Chad", []string{"n'djamena", "chad"}},
		{"São Paulo’s Bogotá", []string{"sao", "paulo", "bogota"}},
		{"Clifton, N.J., said", []string{"clifton", "nj", "said"}},
		{"W. Germany", []string{"w", "germany"}},
		{"St. Louis", []string{"st", "louis"}},
		{"3.5 pct", []string{"35", "pct"}},
	} {
		tk := tokenize(tt.in, nil)
		var got []string
		for i := range tk.toks {
			got = append(got, tk.norm(i))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	tk := tokenize("Rates rose. Jordan said,\n    Amman, in Clifton,\nN.J.", nil)
	flags := func(i int) [4]bool {
		k := tk.toks[i]
		return [4]bool{k.is(fCap), k.is(fSent), k.is(fComma), k.is(fPara)}
	}
	for _, tt := range []struct {
		i    int
		want [4]bool // cap, sent, comma, para
	}{{0, [4]bool{true, true, false, true}}, {1, [4]bool{}}, {2, [4]bool{true, true, false, false}}, {4, [4]bool{true, true, false, true}}, {7, [4]bool{true, false, true, false}}} {
		if got := flags(tt.i); got != tt.want {
			t.Errorf("token %d %q flags = %v, want %v", tt.i, tk.norm(tt.i), got, tt.want)
		}
	}
}

func TestSplitDateline(t *testing.T) {
	for _, tt := range []struct{ in, place, rest string }{
		{"KUALA LUMPUR — The bank", "KUALA LUMPUR", "The bank"},
		{"WASHINGTON, Feb 26 - The", "WASHINGTON, Feb 26", "The"},
		{"LONDON (Reuters) - Shares", "LONDON", " Shares"},
		{"TORONTO, Ont. - Sales", "TORONTO, Ont.", "Sales"},
		{"[EUROPE] Ministers", "EUROPE", " Ministers"},
		{"The European Community (EC) yesterday - x", "", ""},
		{"Shares rose - a lot", "", ""},
		{"", "", ""},
	} {
		place, n := splitDateline(tt.in)
		if place != tt.place || (n > 0 && tt.in[n:] != tt.rest) {
			t.Errorf("splitDateline(%q) = %q, rest %q; want %q, rest %q", tt.in, place, tt.in[n:], tt.place, tt.rest)
		}
	}
}

// TestNoLowerRuns checks what tokens.read relies on to fold runs of
// lower-case words: no phrase has three words in a row that are written
// in lower case.
func TestNoLowerRuns(t *testing.T) {
	for _, table := range []string{countriesTSV, placesTSV} {
		for _, line := range strings.Split(table, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			for _, col := range strings.Split(line, "\t")[1:] {
				for _, p := range strings.Split(col, "|") {
					run := 0
					for _, w := range strings.FieldsFunc(strings.TrimLeft(p, "?^!="), func(r rune) bool { return r == ' ' || r == '-' }) {
						if w[0] >= 'a' && w[0] <= 'z' {
							run++
						} else {
							run = 0
						}
						if run >= 3 {
							t.Errorf("phrase %q has three lower-case words in a row", p)
						}
					}
				}
			}
		}
	}
}

func TestFoldLowerRuns(t *testing.T) {
	g := gaz()
	for _, tt := range []struct {
		in        string
		wantToks  int
		wantWords int
	}{
		// "disclosed by the" folds into "not"; "of the" inside the
		// phrase stays two tokens.
		{"Terms were not disclosed by the Department of the Treasury", 7, 10},
		// "that sales rose in" folds into "said"; a currency starts a
		// phrase, so it stands alone, and so does the word after it.
		{"it said that sales rose in yen terms", 4, 8},
		{"Lagos", 1, 1},
	} {
		var tk tokens
		tk.read(tt.in, g, false)
		if len(tk.toks) != tt.wantToks || tk.words != tt.wantWords {
			t.Errorf("read(%q): %d tokens, %d words; want %d, %d", tt.in, len(tk.toks), tk.words, tt.wantToks, tt.wantWords)
		}
	}
	// A text set without capitals is not folded.
	var tk tokens
	in := "the minister flew to kuala lumpur from jakarta on monday for talks"
	tk.read(in, g, false)
	if len(tk.toks) != 12 {
		t.Errorf("read(%q): %d tokens, want 12", in, len(tk.toks))
	}
}
