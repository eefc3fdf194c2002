// Package templates holds brief's default output templates, embedded in
// the binary. Users override them with --template.
package templates

import "embed"

// FS holds the default templates: briefing.md.tmpl (Markdown) and the others
// added by renderers.
//
//go:embed *.tmpl
var FS embed.FS
