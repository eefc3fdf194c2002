// Package llm is the runtime every model backend shares: its settings
// (Config, DefaultConfig, carried in summarize.Config.Settings), the
// Runtime a backend is built on (the prompt, one structured request per
// article or per part, the server probe that stops a run on a bad key or
// model, the checks on answers: grounded takeaways, truncated prompts,
// capped bodies), the Caller with typed errors, retries, a limiter and a
// meter with prices, request previews, request logs and cache-key parts.
// Its internal/prompt package holds prompt.tmpl (embedded), the answer's
// JSON schema and the linear, tolerant parser.
//
// Providers (summarize/openai, summarize/langchain) speak their SDK and
// pass a Send function; they import this package and summarize, never
// each other. This package imports article, region, summarize and
// internal/textsafe; it never imports a provider or an SDK.
package llm
