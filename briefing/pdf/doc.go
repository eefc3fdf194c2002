// Package pdf renders a briefing as a PDF document with fpdf.
//
// Text is set in Liberation Serif (SIL Open Font License 1.1), embedded,
// which draws Latin, Greek, Cyrillic and Hebrew with true hyphens, dashes and
// punctuation. Characters it lacks are drawn, run by run, with a font
// installed on the machine that covers their script, found in
// fontconfig's usual directories (DefaultFontDirs) with no option: Noto
// (Debian fonts-noto-core) for Arabic, Hebrew, Devanagari and most other
// scripts, Droid Sans Fallback or WenQuanYi (fonts-droid-fallback,
// fonts-wqy-*) for Chinese, Japanese and Korean. Only TrueType outlines can
// be embedded: .ttf files and TrueType collections (.ttc); CFF fonts such
// as Noto CJK are passed over. Arabic is shaped into its contextual forms
// and right-to-left text is set in visual order (bidi.go).
//
// The document opens with the title, date, counts and an "At a glance"
// summary, then has one section per region (each a bookmark), one block
// per story (linked title, source line, takeaways, quotes, other sources)
// and the skipped sources; every page has a "Page N of M" footer.
// Characters no font can draw are replaced by U+FFFD and reported once
// through Options.Warn, naming their scripts; they never fail the document.
//
// The package imports briefing and the article and summarize types, never
// a backend; it never reads the clock (Options.Now dates the document) and
// writes nothing but the document.
package pdf
