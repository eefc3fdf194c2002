// Package region decides which part of the world an article is about: a
// primary country (ISO 3166 alpha-2), the other countries it names, and the
// briefing section (region) they map to through a Taxonomy.
//
// It imports article only.
package region
