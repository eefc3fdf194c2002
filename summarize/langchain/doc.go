// Package langchain is the summarizer backend for Ollama and Anthropic,
// through github.com/tmc/langchaingo's llms/ollama and llms/anthropic
// packages (and no other part of langchaingo). It registers two backends,
// "ollama" and "anthropic".
//
// For Ollama it sets the context window (num_ctx) from each prompt's size,
// so a long article is not cut off at the server's default. langchaingo
// reports HTTP failures as text; this package maps them to the typed
// errors of package summarize from the status its HTTP client captured
// and, failing that, from the text. It imports summarize and its internal
// prompt package, never another backend.
package langchain
