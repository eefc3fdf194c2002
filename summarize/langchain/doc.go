// Package langchain is the summarizer backend for Ollama and Anthropic,
// through github.com/tmc/langchaingo's llms/ollama and llms/anthropic
// packages (and no other part of langchaingo). It registers two backends,
// "ollama" and "anthropic".
//
// For Ollama it asks for one context window (num_ctx) for the whole run,
// fitted to the run's largest request when the run's articles are known
// ahead (llm.Sizer), else the model's window, and never above what
// /api/show reports, so the server does not reload the model between
// requests; it streams answers under an idle timeout.
// Before the first request it checks the model (Ollama /api/show,
// Anthropic /v1/models/ID). langchaingo
// reports HTTP failures as text; this package maps them to the typed
// errors of package llm from the status its HTTP client captured and,
// failing that, from the text. It imports summarize and summarize/llm,
// never another backend.
package langchain
