// Package briefing assembles digested articles into a daily briefing:
// near-duplicate articles merged into stories, stories grouped into region
// sections in taxonomy order and ordered by salience, an "At a glance"
// summary, and the inputs that failed listed as skipped sources.
//
// Build is pure and offline. WriteJSON writes the stable JSON form
// (SCHEMA.md). The other renderers live in subpackages (markdown, html,
// pdf); this package imports none of them, and never a summarize backend,
// the store or the network.
package briefing
