package region

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestGazetteerTables(t *testing.T) {
	g, err := parseGazetteer(countriesTSV, placesTSV+townsTSV)
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
		{"phrase starting with a number", "MY\tAsia-Pacific\tMalaysia\t\t\t\n", "MY\tcity\t1Malaysia|1 Utama\n"},
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
		{"WASHINGTON,Feb 26 - The", "WASHINGTON,Feb 26", "The"},
		{"  OSLO — Rates", "OSLO", "Rates"},
		{"3M CO - Net", "3M CO", "Net"},
		{"São Paulo (Reuters) - Shares", "São Paulo", " Shares"},
		{"Élysée sources said - x", "", ""},
		{"the market fell - x", "", ""},
		{"ISLAMABAD: Prime Minister", "ISLAMABAD", " Prime Minister"},
		{"NEW DELHI, Nov 25: The", "NEW DELHI, Nov 25", " The"},
		{"Note: figures are rounded", "", ""},
		{"Berlin (dpa) - Die Regierung", "Berlin", " Die Regierung"},
		{"Frankfurt/Main (dpa/lhe) - Die Polizei", "Frankfurt/Main", " Die Polizei"},
		{"Santiago, 4 may (EFE).- El gobierno", "Santiago, 4 may", " El gobierno"},
		{"Bogotá (EFE). El presidente", "Bogotá", "El presidente"},
		{"MADRID, 4 (EUROPA PRESS) El Gobierno", "MADRID, 4", "El Gobierno"},
		{"LIMA.- El Congreso", "LIMA", "El Congreso"},
		{"Paris (sic) is big", "", ""},
		{"Apple (AAPL) rose 3%", "", ""},
		{"", "", ""},
	} {
		place, n := splitDateline(tt.in)
		if place != tt.place || (n > 0 && tt.in[n:] != tt.rest) {
			t.Errorf("splitDateline(%q) = %q, rest %q; want %q, rest %q", tt.in, place, tt.in[n:], tt.place, tt.rest)
		}
	}
}

// TestWordRuns checks the eight-bytes-at-a-time word readers against a
// byte-by-byte reading, on random strings of the bytes that matter.
func TestWordRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abmz09AMZ .,'-\x80\xc3\xa9\xff\x7f`{/:@["
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		for i := range len(s) {
			// lowerRun: lower-case letters and digits.
			j, letter := i, false
			for ; j < len(s) && ('a' <= s[j] && s[j] <= 'z' || '0' <= s[j] && s[j] <= '9'); j++ {
				letter = letter || s[j] >= 'a'
			}
			if gj, gl, gh := lowerRun(s, i); gj != j || gl != letter || gh != wordHash(s[i:j]) {
				t.Fatalf("lowerRun(%q, %d) = %d, %v, %x; want %d, %v, %x", s, i, gj, gl, gh, j, letter, wordHash(s[i:j]))
			}
			// asciiWord: letters in any case and digits, lower-cased.
			j = i
			for ; j < len(s) && isAlnum(s[j]); j++ {
			}
			var arena []byte
			tok, h, ok := asciiWord(s, i, &arena)
			if want := j > i && j-i <= 255 && plainEnd(s, i, j); ok != want {
				t.Fatalf("asciiWord(%q, %d) ok = %v, want %v", s, i, ok, want)
			}
			if !ok {
				continue
			}
			norm := strings.ToLower(s[i:j])
			if int(tok.end) != j || string(arena) != norm || h != wordHash(norm) {
				t.Fatalf("asciiWord(%q, %d) = end %d, %q, %x; want %d, %q, %x", s, i, tok.end, arena, h, j, norm, wordHash(norm))
			}
		}
	}
}

func TestClockZone(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Update July 3rd, 8:05AM ET: Added a tweet.", "ET"},
		{"The game starts at 9:24 pm PST on Sunday.", "PST"},
		{"Doors open 9 p.m. EST.", "EST"},
		{"Markets open at 10.30am AEST.", "AEST"},
		{"The vote closes at 15:00 CT.", "CT"},
		{"He scored 2 ET goals.", ""},
		{"Watch ET and CT scans.", ""},
		{"It is 9:30 CET in Paris.", ""},
		{"At 8:05AM ETA the plane lands.", ""},
	} {
		if got := clockZone(tt.in); got != tt.want {
			t.Errorf("clockZone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
