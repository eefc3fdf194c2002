// Package summarizetest holds what every summarizer backend is tested
// with: the conformance suite Run, articles written for the tests, and
// fake HTTP servers that speak the OpenAI chat-completions API, the
// Ollama chat API and the Anthropic messages API, with switches for the
// faults real servers show (rate limits, server errors, resets, slow or
// malformed answers, paraphrased quotes, wrong speakers, context-length
// errors).
//
// It is for tests only: it imports testing and net/http/httptest, and no
// backend.
package summarizetest
