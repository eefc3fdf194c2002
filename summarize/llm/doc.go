// Package llm is the runtime every model backend shares: its settings
// (Config, DefaultConfig, carried in summarize.Config.Settings), the
// Runtime a backend is built on (the prompt, one structured request per
// article or per part, the server probe that stops a run on a bad key or
// model, the checks on answers: grounded takeaways, truncated prompts,
// capped bodies), the Caller with typed errors, retries, a limiter and a
// meter with prices, request previews, request logs and cache-key parts;
// the table of model settings a command offers (Settings: name, help,
// default, environment variable, config key), ResolveOptions, which
// reads them from a flag lookup and the environment into Options, and
// Resolve, which adds a backend's environment variables and the config
// file and makes a Config; OpenRun and Session, which wrap a backend for
// one command (cache, deadline, fallback, the usage line, closing, the
// run's verdict, and sizing the context window to local inputs); one
// context window per run (Sizer); streamed answers with an
// idle timeout (WatchIdle); and the batch contract (Batcher,
// BatchSession) a backend with a batch API implements.
// Its internal/prompt package holds prompt.tmpl (embedded), the answer's
// JSON schema and the linear, tolerant parser.
//
// Providers (summarize/openai, summarize/langchain) speak their SDK and
// pass a Send function; they import this package and summarize, never
// each other. This package imports article, region, summarize,
// internal/textsafe and internal/origin; it never imports a provider or
// an SDK.
package llm
