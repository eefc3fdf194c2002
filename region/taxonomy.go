package region

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Global is the section for stories with no place evidence.
const Global = "Global"

// Section is one region of a taxonomy: a name and its member countries.
type Section struct {
	Name      string   `json:"name" yaml:"name"`
	Countries []string `json:"countries" yaml:"countries"`
}

// Taxonomy maps countries to briefing sections. Sections are listed in
// briefing order; Focus countries get a section of their own, shown first.
type Taxonomy struct {
	Sections []Section `json:"sections" yaml:"sections"`
	// Focus lists countries (alpha-2) promoted to their own sections.
	Focus []string `json:"focus,omitempty" yaml:"focus,omitempty"`
}

// Order returns the section names in briefing order: focus countries
// first, then the sections, then Global.
func (t *Taxonomy) Order() []string {
	var out []string
	for _, c := range t.Focus {
		out = append(out, CountryName(c))
	}
	for _, s := range t.Sections {
		out = append(out, s.Name)
	}
	return append(out, Global)
}

// Has reports whether name is a section of t (Global included).
func (t *Taxonomy) Has(name string) bool {
	return slices.Contains(t.Order(), name)
}

// RegionOf returns the section for an alpha-2 country code, or "" when the
// code is in no section.
func (t *Taxonomy) RegionOf(country string) string {
	if slices.Contains(t.Focus, country) {
		return CountryName(country)
	}
	if t.isDefault() {
		c, _ := gaz().country(country)
		return c.region
	}
	for _, s := range t.Sections {
		if slices.Contains(s.Countries, country) {
			return s.Name
		}
	}
	return ""
}

// isDefault reports whether t is the taxonomy Default returns: its
// sections are the default ones, sharing their lists, so that RegionOf
// can answer from the gazetteer.
func (t *Taxonomy) isDefault() bool {
	g := gaz()
	if len(t.Focus) != 0 || len(t.Sections) != len(g.sections) {
		return false
	}
	for i, s := range t.Sections {
		d := g.sections[i]
		if s.Name != d.Name || len(s.Countries) != len(d.Countries) || len(d.Countries) > 0 && &s.Countries[0] != &d.Countries[0] {
			return false
		}
	}
	return true
}

// section returns the section of t named name (case-insensitive), or
// Global when t has none. It maps a region word of the default taxonomy
// ("European") onto a custom taxonomy.
func (t *Taxonomy) section(name string) string {
	for _, s := range t.Sections {
		if strings.EqualFold(s.Name, name) {
			return s.Name
		}
	}
	return Global
}

// Default returns the default five-region taxonomy, in briefing order:
// Europe, Americas, Asia-Pacific, Middle East, Africa. It follows the UN
// M49 regions with these changes: Europe takes Turkey, Cyprus, Georgia,
// Armenia and Azerbaijan; the Middle East is M49 Western Asia without
// those five, plus Egypt and Iran; Asia-Pacific is the rest of Asia plus
// Oceania. Antarctica is in no section.
//
// Each call returns a new Taxonomy, cheaply: the sections' country lists
// are shared and clipped, so appending to one copies it, but changing an
// element in place would change every caller's; clone a list first.
func Default() *Taxonomy {
	g := gaz()
	t := &Taxonomy{Sections: make([]Section, len(g.sections))}
	for i, s := range g.sections {
		t.Sections[i] = Section{Name: s.Name, Countries: slices.Clip(s.Countries)}
	}
	return t
}

// CountryName returns the English short name for an alpha-2 code, or the
// code itself when unknown.
func CountryName(code string) string {
	if c, ok := gaz().country(code); ok {
		return c.name
	}
	return code
}

// Countries returns every alpha-2 code Detect knows, in table order.
func Countries() []string {
	g := gaz()
	out := make([]string, len(g.countries))
	for i, c := range g.countries {
		out[i] = c.code
	}
	return out
}

// Normalize returns a copy of t with names trimmed and country codes
// trimmed and upper-cased, so "my" in a config file means Malaysia.
func (t *Taxonomy) Normalize() *Taxonomy {
	out := &Taxonomy{}
	for _, s := range t.Sections {
		n := Section{Name: strings.TrimSpace(s.Name)}
		for _, c := range s.Countries {
			n.Countries = append(n.Countries, strings.ToUpper(strings.TrimSpace(c)))
		}
		out.Sections = append(out.Sections, n)
	}
	for _, c := range t.Focus {
		out.Focus = append(out.Focus, strings.ToUpper(strings.TrimSpace(c)))
	}
	return out
}

// Validate reports every problem in t: a section with no name or named
// Global, two sections with the same name, an unknown country code (codes
// are upper-case ISO 3166 alpha-2), a country in two sections, a focus
// country listed twice or whose name is also a section's.
func (t *Taxonomy) Validate() error {
	var errs []error
	g := gaz()
	known := func(c string) bool { _, ok := g.country(c); return ok }
	names := map[string]bool{}
	home := map[string]string{}
	for i, s := range t.Sections {
		label := fmt.Sprintf("section %d", i+1)
		if s.Name != "" {
			label = fmt.Sprintf("section %q", s.Name)
		}
		switch key := strings.ToLower(s.Name); {
		case strings.TrimSpace(s.Name) == "":
			errs = append(errs, fmt.Errorf("region: %s: no name", label))
		case strings.EqualFold(s.Name, Global):
			errs = append(errs, fmt.Errorf("region: %s: %q is reserved for stories with no place", label, Global))
		case names[key]:
			errs = append(errs, fmt.Errorf("region: %s: duplicate section", label))
		default:
			names[key] = true
		}
		for _, c := range s.Countries {
			switch {
			case !known(c):
				errs = append(errs, fmt.Errorf("region: %s: unknown country code %q (want ISO 3166 alpha-2, upper case)", label, c))
			case home[c] == s.Name:
				errs = append(errs, fmt.Errorf("region: %s: country %s listed twice", label, c))
			case home[c] != "":
				errs = append(errs, fmt.Errorf("region: %s: country %s is already in section %q", label, c, home[c]))
			default:
				home[c] = s.Name
			}
		}
	}
	focus := map[string]bool{}
	for _, c := range t.Focus {
		switch {
		case !known(c):
			errs = append(errs, fmt.Errorf("region: focus: unknown country code %q (want ISO 3166 alpha-2, upper case)", c))
		case focus[c]:
			errs = append(errs, fmt.Errorf("region: focus: country %s listed twice", c))
		case names[strings.ToLower(CountryName(c))]:
			errs = append(errs, fmt.Errorf("region: focus: country %s has the name of a section", c))
		default:
			focus[c] = true
		}
	}
	return errors.Join(errs...)
}
