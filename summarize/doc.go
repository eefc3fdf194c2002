// Package summarize defines the digest of an article (takeaways, quotes,
// region) and the Summarizer interface that every backend implements.
//
// Backends register by name, like database/sql drivers, and Open wraps each
// one in the checks that hold for all of them: quotes must occur in the
// article, takeaways are capped, the region belongs to the taxonomy. This
// package imports article and region only; it never imports a backend.
package summarize
