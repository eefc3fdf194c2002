// Package region decides which part of the world an article is about: a
// primary country (ISO 3166 alpha-2), the other countries it is about, and
// the briefing section (region) they map to through a Taxonomy.
//
// # Gazetteer
//
// The place tables (data/countries.tsv and data/places.tsv, written for
// brief) hold every ISO 3166-1 country and territory (plus Kosovo,
// XK) with its English names, common variants and historic names ("Burma",
// "Zaire", "Soviet Union", "West Germany"), demonyms, capital and major
// cities; US states with their AP and postal abbreviations ("N.J.", "Ill.",
// "Calif.", "NJ"); Canadian provinces and Australian states; national
// institutions ("Bank of England", "Bundesbank", "Securities and Exchange
// Commission") and movements that act in one country ("Taliban",
// "Hezbollah"); the adjectives of nationality of German, French and
// Spanish, which those languages write in lower case and which count only
// in a text in another language than English ("el investigador chileno",
// "die ukrainische Armee"); currencies; region words ("European", "Latin
// America", "Pan American Health Organization"); and
// phrases that contain a place name but name no place ("Gulf of Mexico",
// "Dutch auction", "guinea pig"). data/towns.tsv adds some 27,000 towns
// and cities below country level, generated from GeoNames (CC BY 4.0)
// through the world-cities list by internal/towngen (see data/README.md);
// a town counts less than a hand-written city. Matching is a hash-table lookup per
// capitalised word (and per word that may start a currency) over a
// tokenized text, longest phrase first; nothing is compiled per article.
//
// The tables are parsed once, at development time, into Go source
// (gazetteer_table.go), so that brief pays nothing to build them when it
// starts. After editing data/*.tsv, run
//
//	go test ./region -run TestGazetteerTable -update
//
// which the test without -update checks was done.
//
// # Evidence
//
// See Detect for the ladder: page metadata, then the dateline, then places
// in the title, lead and body, then the site's country, region words, the
// time zone of the times given, the exchange of a stock symbol ("<COKE>")
// the language of the text where one country holds most of its speakers
// (German, French, not English or Spanish) and, last, the country of a
// business, national or local outlet whose domain names none ("cnbc.com").
// With none of these the answer is Global: Detect never defaults to a
// country.
//
// # Default taxonomy
//
// Five sections follow the UN M49 regions, adjusted for a daily briefing:
//
//   - Europe: M49 Europe (Russia included) plus Turkey, Cyprus, Georgia,
//     Armenia and Azerbaijan, which European desks usually cover;
//   - Middle East: M49 Western Asia without those five (the Gulf states,
//     Iraq, the Levant, Israel and Palestine, Yemen) plus Egypt and Iran,
//     which news desks file with the region;
//   - Africa: the rest of M49 Africa, Libya included;
//   - Americas: M49 Americas;
//   - Asia-Pacific: the rest of M49 Asia (Central, South, East and
//     South-east Asia) plus Oceania.
//
// Antarctica is in no section, so a story about it is Global. A Taxonomy
// from a config file (the "regions:" section, with "sections" and "focus")
// replaces the default; Validate reports its mistakes.
//
// Package region imports article only.
package region
