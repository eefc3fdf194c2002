// Package prompt builds the requests brief's LLM backends send and reads
// the answers back: the prompt (prompt.tmpl, embedded, overridable), the
// JSON schema of the answer, a tolerant parser for what models return,
// token estimates, and the plan that splits a long article into
// paragraph-aligned parts and combines their digests.
//
// It is used through package llm, the runtime the provider adapters share,
// and imports article, region and summarize only; it never imports a
// provider SDK and never sends anything itself: backends pass a Send
// function.
package prompt
