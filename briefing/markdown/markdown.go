// Package markdown renders a briefing as Markdown through text/template.
// The default template is templates/briefing.md.tmpl; Options.Template
// overrides it.
package markdown

import (
	"fmt"
	"io"
	"strings"
	"text/template"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/templates"
)

// Options configures Write.
type Options struct {
	// Template is template text to use instead of the default.
	Template string
}

// Funcs are the functions templates may call: md escapes Markdown control
// characters; meta formats "site · date · byline" for a story.
var Funcs = template.FuncMap{
	"md":   Escape,
	"meta": Meta,
}

// Write renders b as Markdown to w.
func Write(w io.Writer, b *briefing.Briefing, opts Options) error {
	text := opts.Template
	if text == "" {
		raw, err := templates.FS.ReadFile("briefing.md.tmpl")
		if err != nil {
			return fmt.Errorf("markdown: %w", err)
		}
		text = string(raw)
	}
	t, err := template.New("briefing").Funcs(Funcs).Parse(text)
	if err != nil {
		return fmt.Errorf("markdown: parse template: %w", err)
	}
	if err := t.Execute(w, b); err != nil {
		return fmt.Errorf("markdown: render: %w", err)
	}
	return nil
}

// Meta returns the "site · date · byline" line for a story.
func Meta(s briefing.Story) string {
	a := s.Article
	var parts []string
	if a.Site != "" {
		parts = append(parts, a.Site)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2 Jan 2006"))
	}
	if a.Byline != "" {
		parts = append(parts, a.Byline)
	}
	return Escape(strings.Join(parts, " · "))
}

var escaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`,
)

// Escape makes s inert in Markdown: characters that would start emphasis,
// links, code, headings or HTML are escaped, and newlines become spaces.
func Escape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return escaper.Replace(s)
}
