package markdown

import (
	"fmt"
	"io"
	"strings"
	"text/template"
	"time"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/templates"
)

// DefaultTemplate is the name of the default template in templates.FS.
const DefaultTemplate = "briefing.md.tmpl"

// Options configures Write.
type Options struct {
	// Template is template text to use instead of the default.
	Template string
}

// Funcs returns the functions templates may call:
//
//	md     escapes Markdown control characters and HTML in text
//	url    returns a link target safe inside (…), or "" when it is not an
//	       http, https or mailto URL
//	date   formats a time as "2 Jan 2006", "" when zero
//	attrib joins a quote's speaker and role: "Speaker, role"
//	quoted returns a quote's text in quotation marks (briefing.Quoted)
//	inc    adds one to an int (1-based numbering)
//	clip   cuts text to one line of at most n characters (briefing.Clip)
func Funcs() template.FuncMap {
	return template.FuncMap{
		"clip":   briefing.Clip,
		"inc":    func(i int) int { return i + 1 },
		"md":     Escape,
		"url":    URL,
		"date":   date,
		"attrib": briefing.Attribution,
		"quoted": briefing.Quoted,
	}
}

// Write renders b as Markdown to w.
func Write(w io.Writer, b *briefing.Briefing, opts Options) error {
	text := opts.Template
	if text == "" {
		raw, err := templates.FS.ReadFile(DefaultTemplate)
		if err != nil {
			return fmt.Errorf("markdown: %w", err)
		}
		text = string(raw)
	}
	t, err := template.New("briefing").Funcs(Funcs()).Parse(text)
	if err != nil {
		return fmt.Errorf("markdown: parse template: %w", err)
	}
	if err := t.Execute(w, b); err != nil {
		return fmt.Errorf("markdown: render: %w", err)
	}
	return nil
}

var escaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "#", `\#`, "|", `\|`, "~", `\~`,
	"{", `\{`, "}", `\}`,
)

// Escape makes s inert in Markdown: characters that would start emphasis,
// links, code, headings, tables, strikethrough, HTML or entities are
// escaped; line breaks and runs of spaces become one space; a leading
// "-", "+", "=" or "1." that could start a list or underline a heading is
// escaped too.
func Escape(s string) string {
	s = escaper.Replace(strings.Join(strings.Fields(s), " "))
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=':
		return `\` + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// URL returns u percent-encoded where Markdown would misread it (spaces,
// brackets, parentheses, quotes, angle brackets), or "" when u is not an
// absolute http, https or mailto URL.
func URL(u string) string {
	p, ok := briefing.SafeLink(u)
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, c := range []byte(p.String()) {
		switch {
		case c <= ' ' || c >= 0x7f || strings.IndexByte("()<>[]\"'`\\{}|", c) >= 0:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}
