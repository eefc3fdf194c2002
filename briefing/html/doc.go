// Package html renders a briefing as an HTML document meant for email:
// inline styles, tables for layout, no scripts and no external resources.
// It uses html/template, so every value is escaped for its context; the
// default template is templates/briefing.html.tmpl and Options.Template
// overrides it.
//
// It imports briefing and templates only; never a summarize backend.
package html
