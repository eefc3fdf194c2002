package region

import "slices"

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
	for _, s := range t.Sections {
		if slices.Contains(s.Countries, country) {
			return s.Name
		}
	}
	return ""
}
