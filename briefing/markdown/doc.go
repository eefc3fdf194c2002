// Package markdown renders a briefing as Markdown through text/template.
// The default template is templates/briefing.md.tmpl; Options.Template
// overrides it.
//
// Templates see the *briefing.Briefing and the functions of Funcs. Every
// piece of text that comes from an article must go through md (or url for
// link targets): it makes the text inert, so a title holding "*", "[",
// "<script>" or "{{" prints as those characters.
//
// It imports briefing and templates only; never a summarize backend.
package markdown
