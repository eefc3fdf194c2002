// Package pdf renders a briefing as a PDF document with fpdf and the Go
// TrueType fonts, embedded.
//
// The document opens with the title, date, counts and an "At a glance"
// summary, then has one section per region (each a bookmark), one block
// per story (linked title, source line, takeaways, quotes, other sources)
// and the skipped sources; every page has a "Page N of M" footer.
// Characters the fonts cannot draw are replaced by U+FFFD and reported
// once through Options.Warn; they never fail the document.
//
// The package imports briefing and the article and summarize types, never
// a backend; it never reads the clock (Options.Now dates the document) and
// writes nothing but the document.
package pdf
