// Package prompt builds the requests brief's LLM backends send and reads
// the answers back: the prompt (templates/prompt.tmpl, overridable), the
// JSON schema of the answer, a tolerant parser for what models return,
// token estimates, and the plan that splits a long article into
// paragraph-aligned parts and combines their digests.
//
// It is shared by the provider adapters under summarize/ and imports
// article, region, summarize and templates only; it never imports a
// provider SDK and never sends anything itself: backends pass a Send
// function.
package prompt
