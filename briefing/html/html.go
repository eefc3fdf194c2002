package html

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/templates"
)

// DefaultTemplate is the name of the default template in templates.FS.
const DefaultTemplate = "briefing.html.tmpl"

// Options configures Write.
type Options struct {
	// Template is template text to use instead of the default.
	Template string
}

// Funcs returns the functions templates may call:
//
//	url    returns u when it is an absolute http, https or mailto URL,
//	       else "" (so a template links only to those)
//	attrib joins a quote's speaker and role: "Speaker, role"
//	quoted returns a quote's text in quotation marks (briefing.Quoted)
//	clip   cuts text to one line of at most n characters (briefing.Clip)
//	chart  draws the picture of the day from a briefing.Glance as inline
//	       SVG (Chart)
func Funcs() template.FuncMap {
	return template.FuncMap{
		"clip":   briefing.Clip,
		"chart":  Chart,
		"url":    URL,
		"attrib": briefing.Attribution,
		"quoted": briefing.Quoted,
	}
}

// Write renders b as HTML to w.
func Write(w io.Writer, b *briefing.Briefing, opts Options) error {
	text := opts.Template
	if text == "" {
		raw, err := templates.FS.ReadFile(DefaultTemplate)
		if err != nil {
			return fmt.Errorf("html: %w", err)
		}
		text = string(raw)
	}
	t, err := template.New("briefing").Funcs(Funcs()).Parse(text)
	if err != nil {
		return fmt.Errorf("html: parse template: %w", err)
	}
	if err := t.Execute(w, b); err != nil {
		return fmt.Errorf("html: render: %w", err)
	}
	return nil
}

// URL returns u trimmed when it is an absolute http, https or mailto URL,
// else "".
func URL(u string) string {
	if _, ok := briefing.SafeLink(u); !ok {
		return ""
	}
	return strings.TrimSpace(u)
}
