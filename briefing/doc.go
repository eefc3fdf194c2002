// Package briefing assembles digested articles into a daily briefing:
// grouped into region sections in taxonomy order, ordered within each
// section, with the inputs that failed listed as skipped sources.
//
// Build is pure. Renderers live in subpackages (markdown, pdf, html); this
// package never imports a summarize backend.
package briefing
