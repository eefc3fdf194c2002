// Package summarize is the contract of a digest: what one article comes
// to (Digest, Quote, typed Warning codes), the Summarizer interface every
// backend implements, the Config every backend receives, and the wrappers
// every backend passes: Checked (quotes verbatim, takeaways capped, the
// region from the taxonomy, strings made safe to print), Cached and
// Fallback.
//
// Backends register a row, like database/sql drivers (Register(Backend{
// Name, Description, DefaultModel, KeyEnv, BaseURLEnv, Local, Model,
// New})); cmd/brief reads their names, variables and defaults from the
// registry and names none itself. The runtime of model backends is in
// summarize/llm. This package imports article, region and
// internal/textsafe only; it never imports a backend.
package summarize
