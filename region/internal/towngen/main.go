// Command towngen writes region/data/towns.tsv, the towns and cities below
// country level that the region gazetteer adds to its hand-written tables,
// from the world-cities list (datasets/world-cities on GitHub, derived from
// GeoNames, CC BY 4.0: every place of 15,000 people or more).
//
//	go run ./region/internal/towngen -cities world-cities.csv -words /usr/share/dict/words > region/data/towns.tsv
//
// A town is kept only when its name can be trusted alone: it names one
// place in one country in the list, has five letters or more, is not a
// word of the English word list in any case ("Reading", "Mobile",
// "Jackson"), and is not already a phrase of data/countries.tsv or
// data/places.tsv (those readings are written by hand). It is a
// development tool: brief never runs it.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	cities := flag.String("cities", "", "world-cities.csv (name,country,subcountry,geonameid)")
	words := flag.String("words", "/usr/share/dict/words", "English word list, one a line")
	dataDir := flag.String("data", "region/data", "directory of countries.tsv and places.tsv")
	flag.Parse()
	if err := run(*cities, *words, *dataDir, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "towngen:", err)
		os.Exit(1)
	}
}

func run(citiesPath, wordsPath, dataDir string, stdout, stderr io.Writer) error {
	countries, err := os.ReadFile(dataDir + "/countries.tsv")
	if err != nil {
		return fmt.Errorf("read countries: %w", err)
	}
	places, err := os.ReadFile(dataDir + "/places.tsv")
	if err != nil {
		return fmt.Errorf("read places: %w", err)
	}
	codeOf := map[string]string{} // folded country name → code
	known := map[string]bool{}    // folded phrases of the hand tables
	for _, line := range strings.Split(string(countries), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 6 {
			continue
		}
		for _, n := range append([]string{f[2]}, strings.Split(f[3], "|")...) {
			codeOf[fold(n)] = f[0]
		}
		for _, col := range f[2:] {
			for _, p := range strings.Split(col, "|") {
				known[fold(p)] = true
			}
		}
	}
	for _, line := range strings.Split(string(places), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 && line[0] != '#' {
			for _, p := range strings.Split(f[2], "|") {
				known[fold(p)] = true
			}
		}
	}
	// A few names the list spells its own way.
	for name, code := range map[string]string{
		"united states": "US", "united kingdom": "GB", "russia": "RU", "south korea": "KR", "north korea": "KP",
		"czech republic": "CZ", "ivory coast": "CI", "macedonia": "MK", "swaziland": "SZ", "cape verde": "CV",
		"bolivia": "BO", "venezuela": "VE", "iran": "IR", "syria": "SY", "laos": "LA", "vietnam": "VN",
		"tanzania": "TZ", "moldova": "MD", "palestinian territory": "PS", "taiwan": "TW", "brunei": "BN",
		"democratic republic of the congo": "CD", "republic of the congo": "CG", "micronesia": "FM",
		"u.s. virgin islands": "VI", "british virgin islands": "VG", "bosnia and herzegovina": "BA",
		"east timor": "TL", "myanmar": "MM", "reunion": "RE", "curacao": "CW",
		"congo, the democratic republic of the": "CD", "palestine, state of": "PS", "sint maarten (dutch part)": "SX",
		"taiwan, province of china": "TW", "tanzania, united republic of": "TZ", "falkland islands (malvinas)": "FK",
		"iran, islamic republic of": "IR", "korea, republic of": "KR", "saint martin (french part)": "MF",
		"virgin islands, u.s.": "VI", "micronesia, federated states of": "FM", "holy see (vatican city state)": "VA",
		"bolivia, plurinational state of": "BO", "korea, democratic people's republic of": "KP",
		"moldova, republic of": "MD", "venezuela, bolivarian republic of": "VE",
	} {
		if _, ok := codeOf[name]; !ok {
			codeOf[name] = code
		}
	}
	dict := map[string]bool{}
	wf, err := os.Open(wordsPath)
	if err != nil {
		return fmt.Errorf("read words: %w", err)
	}
	defer wf.Close()
	sc := bufio.NewScanner(wf)
	for sc.Scan() {
		dict[fold(sc.Text())] = true
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read words: %w", err)
	}

	cf, err := os.Open(citiesPath)
	if err != nil {
		return fmt.Errorf("read cities: %w", err)
	}
	defer cf.Close()
	rows, err := csv.NewReader(cf).ReadAll()
	if err != nil {
		return fmt.Errorf("read cities: %w", err)
	}
	where := map[string]map[string]bool{} // folded name → codes
	spelled := map[string]string{}        // folded name → first spelling
	unknown := map[string]bool{}
	for _, r := range rows[1:] {
		if len(r) < 2 {
			continue
		}
		code := codeOf[fold(r[1])]
		if code == "" {
			unknown[r[1]] = true
			continue
		}
		k := fold(r[0])
		if where[k] == nil {
			where[k] = map[string]bool{}
			spelled[k] = r[0]
		}
		where[k][code] = true
	}
	for u := range unknown {
		fmt.Fprintf(stderr, "towngen: no code for country %q\n", u)
	}
	byCode := map[string][]string{}
	for k, codes := range where {
		name := spelled[k]
		if len(codes) != 1 || known[k] || dict[k] || utf8.RuneCountInString(k) < 5 || !usable(name) {
			continue
		}
		for c := range codes {
			byCode[c] = append(byCode[c], "!^"+name)
		}
	}
	codes := make([]string, 0, len(byCode))
	for c := range byCode {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	w := bufio.NewWriter(stdout)
	fmt.Fprintln(w, "# Towns and cities below country level, generated by region/internal/towngen from")
	fmt.Fprintln(w, "# datasets/world-cities (GitHub; data from GeoNames, www.geonames.org, licensed CC BY 4.0):")
	fmt.Fprintln(w, "# places of 15,000 people or more whose name is unique in the list, five letters or")
	fmt.Fprintln(w, "# longer, not an English word and not already in countries.tsv or places.tsv. Do not")
	fmt.Fprintln(w, "# edit by hand; see data/README.md. Same columns as places.tsv.")
	for _, c := range codes {
		ns := byCode[c]
		slices.Sort(ns)
		fmt.Fprintf(w, "%s\ttown\t%s\n", c, strings.Join(ns, "|"))
	}
	return w.Flush()
}

// usable reports whether a name can be a phrase of the gazetteer: it
// starts with an upper-case letter and holds only letters, spaces,
// hyphens, apostrophes and periods, and no "|".
func usable(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" -'.’", r) {
			return false
		}
	}
	return true
}

// fold lowercases s and drops the flags of a phrase ("!^Georgia").
// Accents are kept: the gazetteer folds them when it reads the tables.
func fold(s string) string {
	return strings.ToLower(strings.TrimLeft(strings.TrimSpace(s), "?^!="))
}
