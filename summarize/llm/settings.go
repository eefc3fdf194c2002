package llm

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"time"
)

// Kind is the type of a Setting's value.
type Kind int

// Kinds of Setting values.
const (
	KindString Kind = iota
	KindInt
	KindFloat
	KindDuration
	KindBool
)

// Setting describes one model setting a command offers: cmd/brief makes
// a flag of each (see Settings), and ResolveOptions reads them all.
type Setting struct {
	// Name is the flag's name; Usage its help, in which a `WORD` names
	// the value.
	Name  string
	Usage string
	// Default is the value when nothing sets it: a string, int, float64,
	// time.Duration or bool as Kind says, or nil for none (the zero value,
	// or the backend's own default when Key names a config key).
	Default any
	// DefaultText replaces the default shown in help, if set.
	DefaultText string
	// Env is the environment variable that sets it, if any.
	Env string
	// Key is the key of a backend's config section that sets it when
	// neither the flag nor Env does, if any (see Given).
	Key  string
	Kind Kind
	set  func(o *Options, v string) error
}

// Options are the model settings of a command, resolved from flags,
// environment and defaults by ResolveOptions. Model, BaseURL,
// ContextTokens and Temperature are zero (nil) when not given: Given
// then takes them from the backend's environment and config sections.
type Options struct {
	// Model is the summarizer's --model when given (it is declared with
	// --backend, not in Settings).
	Model, BaseURL, Language string
	RPM, TPM, MaxRetries     int
	ContextTokens, Seed      int
	RequestTimeout           time.Duration
	IdleTimeout, Deadline    time.Duration
	// Stream is StreamAuto, StreamAlways or StreamNever; Fallback is
	// FallbackAuto, FallbackAlways or FallbackNever.
	Stream, Fallback string
	Temperature      *float64
	MaxFallback      float64
	MaxCost          float64
	// PromptTemplate is the template file's path; Given reads it.
	PromptTemplate       string
	NoCache, LogRequests bool
	KeepUngrounded       bool
	// DryRun prints the requests instead of sending them.
	DryRun bool
	// Conns is how many requests may run at once (see Given.Conns), and
	// Batch sends them through a batch API; the caller sets both.
	Conns int
	Batch bool
}

func setString(f func(*Options) *string) func(*Options, string) error {
	return func(o *Options, v string) error { *f(o) = v; return nil }
}

func setInt(f func(*Options) *int) func(*Options, string) error {
	return func(o *Options, v string) (err error) { *f(o), err = strconv.Atoi(v); return err }
}

func setFloat(f func(*Options) *float64) func(*Options, string) error {
	return func(o *Options, v string) (err error) { *f(o), err = strconv.ParseFloat(v, 64); return err }
}

func setDuration(f func(*Options) *time.Duration) func(*Options, string) error {
	return func(o *Options, v string) (err error) { *f(o), err = time.ParseDuration(v); return err }
}

func setBool(f func(*Options) *bool) func(*Options, string) error {
	return func(o *Options, v string) (err error) { *f(o), err = strconv.ParseBool(v); return err }
}

// Settings returns the model settings, in the order of brief's help.
func Settings() []Setting {
	return []Setting{
		{Name: "base-url", Usage: "server `URL` for model backends (default: the backend's own variable, see brief backends)", Env: "BRIEF_BASE_URL", Key: "base_url",
			set: setString(func(o *Options) *string { return &o.BaseURL })},
		{Name: "language", Usage: "write takeaways and roles in `LANG` (e.g. de, French); quotes stay verbatim", Env: "BRIEF_LANGUAGE",
			set: setString(func(o *Options) *string { return &o.Language })},
		{Name: "rpm", Kind: KindInt, Default: 0, Usage: "at most `N` model requests a minute (0 = no limit)", Env: "BRIEF_RPM",
			set: setInt(func(o *Options) *int { return &o.RPM })},
		{Name: "tpm", Kind: KindInt, Default: 0, Usage: "at most `N` model tokens a minute (0 = no limit)", Env: "BRIEF_TPM",
			set: setInt(func(o *Options) *int { return &o.TPM })},
		{Name: "max-retries", Kind: KindInt, Default: DefaultMaxRetries, Usage: "retries of a model request after 429, 5xx and resets (0 = none)", Env: "BRIEF_MAX_RETRIES",
			set: setInt(func(o *Options) *int { return &o.MaxRetries })},
		{Name: "context-tokens", Kind: KindInt, Usage: "the model's context window in tokens, and Ollama's num_ctx; longer articles are summarized in parts",
			DefaultText: "what the server reports, else known per model, else 8192; Ollama's num_ctx fits the largest request when the inputs are files",
			Env:         "BRIEF_CONTEXT_TOKENS", Key: "context_tokens",
			set: setInt(func(o *Options) *int { return &o.ContextTokens })},
		{Name: "request-timeout", Kind: KindDuration, Default: 5 * time.Minute, Usage: "longest wait for one model answer (not retried)", Env: "BRIEF_REQUEST_TIMEOUT",
			set: setDuration(func(o *Options) *time.Duration { return &o.RequestTimeout })},
		{Name: "idle-timeout", Kind: KindDuration, Default: DefaultIdleTimeout, Usage: "longest pause in a streamed answer; a slower one is given up, not asked again", Env: "BRIEF_IDLE_TIMEOUT",
			set: setDuration(func(o *Options) *time.Duration { return &o.IdleTimeout })},
		{Name: "stream", Default: StreamAuto, Usage: "stream answers: auto (Ollama, and servers on this machine or a private network), always, never", Env: "BRIEF_STREAM",
			set: setString(func(o *Options) *string { return &o.Stream })},
		{Name: "deadline", Kind: KindDuration, Default: time.Duration(0), Usage: "stop asking the model after `DURATION` for the whole run; later articles get the offline digest", Env: "BRIEF_DEADLINE",
			set: setDuration(func(o *Options) *time.Duration { return &o.Deadline })},
		{Name: "temperature", Kind: KindFloat, Usage: "sampling temperature (0 = most repeatable)", Env: "BRIEF_TEMPERATURE", Key: "temperature",
			set: func(o *Options, v string) error {
				t, err := strconv.ParseFloat(v, 64)
				o.Temperature = &t
				return err
			}},
		{Name: "seed", Kind: KindInt, Default: 0, Usage: "seed sent where the server takes one (0 = brief's default, -1 = none)", Env: "BRIEF_SEED",
			set: setInt(func(o *Options) *int { return &o.Seed })},
		{Name: "no-cache", Kind: KindBool, Usage: "call the model even when the archive holds a digest for the same input and settings",
			set: setBool(func(o *Options) *bool { return &o.NoCache })},
		{Name: "fallback", Default: FallbackAuto, Usage: "offline digest when the model fails: auto (per article; a bad key or model stops the run), always, never", Env: "BRIEF_FALLBACK",
			set: setString(func(o *Options) *string { return &o.Fallback })},
		{Name: "no-fallback", Kind: KindBool, Usage: "same as --fallback never",
			set: func(o *Options, v string) error {
				never, err := strconv.ParseBool(v)
				if never {
					o.Fallback = FallbackNever
				}
				return err
			}},
		{Name: "max-fallback", Kind: KindFloat, Default: 20.0, Usage: "exit 1 when more than `PERCENT` of the articles got the offline digest", Env: "BRIEF_MAX_FALLBACK",
			set: setFloat(func(o *Options) *float64 { return &o.MaxFallback })},
		{Name: "log-requests", Kind: KindBool, Usage: "keep every model request and reply in the archive (see brief archive requests)", Env: "BRIEF_LOG_REQUESTS",
			set: setBool(func(o *Options) *bool { return &o.LogRequests })},
		{Name: "keep-ungrounded", Kind: KindBool, Usage: "keep, marked, a model's takeaway whose numbers, dates or names are not in the article (default: drop it)",
			set: setBool(func(o *Options) *bool { return &o.KeepUngrounded })},
		{Name: "dry-run", Kind: KindBool, Usage: "print the model requests and token estimates for each input, and call nothing",
			set: setBool(func(o *Options) *bool { return &o.DryRun })},
		{Name: "max-cost", Kind: KindFloat, Default: 0.0, Usage: "stop making model requests once the run would cost more than `USD`", Env: "BRIEF_MAX_COST",
			set: setFloat(func(o *Options) *float64 { return &o.MaxCost })},
		{Name: "prompt-template", Usage: "`FILE` redefining blocks of the prompt (system, user, combine, repair)", Env: "BRIEF_PROMPT_TEMPLATE",
			set: setString(func(o *Options) *string { return &o.PromptTemplate })},
	}
}

// ResolveOptions resolves every setting of Settings: flag returns a
// flag's value and whether the command line gave it, getenv reads the
// settings' Env (nil reads none). A setting is the flag's value if given,
// else its Env's if set, else its Default. model is the summarizer's
// --model, read the same way from flag. A value that does not parse, or
// is out of range, is an error naming the flag.
func ResolveOptions(flag func(name string) (string, bool), getenv func(string) string) (Options, error) {
	if flag == nil {
		flag = func(string) (string, bool) { return "", false }
	}
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	var o Options
	if v, ok := flag("model"); ok {
		o.Model = v
	}
	// no-fallback comes after fallback in the table, so that it wins.
	for _, s := range Settings() {
		v, ok := flag(s.Name)
		if !ok && s.Env != "" {
			v = getenv(s.Env)
			ok = v != ""
		}
		if !ok && s.Default != nil {
			v, ok = fmt.Sprint(s.Default), true
		}
		if !ok {
			continue
		}
		if err := s.set(&o, v); err != nil {
			return o, fmt.Errorf("--%s %q: %w", s.Name, v, err)
		}
	}
	switch {
	case o.MaxRetries < 0:
		return o, errors.New("--max-retries must be 0 or more")
	case o.RPM < 0 || o.TPM < 0:
		return o, errors.New("--rpm and --tpm must be 0 (no limit) or more")
	case o.ContextTokens < 0:
		return o, errors.New("--context-tokens must be positive")
	case !slices.Contains([]string{"", StreamAuto, StreamAlways, StreamNever}, o.Stream):
		return o, fmt.Errorf("--stream %q: want auto, always or never", o.Stream)
	case !slices.Contains([]string{FallbackAuto, FallbackAlways, FallbackNever}, o.Fallback):
		return o, fmt.Errorf("--fallback %q: want auto, always or never", o.Fallback)
	}
	return o, nil
}

// Given returns what Resolve needs to resolve o for one backend: files
// are the config file's layers for it, strongest first; they set Model,
// BaseURL, ContextTokens and Temperature where o does not (after the
// backend's own environment variable for the server). It reads the
// prompt template's file with read (nil: os.ReadFile). Getenv and Prices
// are the caller's to set.
func (o Options) Given(files []Layer, read func(path string) ([]byte, error)) (Given, error) {
	g := Given{
		Flags: Layer{Model: o.Model, BaseURL: o.BaseURL, ContextTokens: o.ContextTokens, Temperature: o.Temperature},
		Files: files, Conns: o.Conns, MaxRetries: o.MaxRetries, RequestTimeout: o.RequestTimeout, IdleTimeout: o.IdleTimeout,
		RPM: o.RPM, TPM: o.TPM, Seed: o.Seed, KeepUngrounded: o.KeepUngrounded, MaxCost: o.MaxCost, Batch: o.Batch, Stream: o.Stream,
	}
	if o.PromptTemplate != "" {
		if read == nil {
			read = os.ReadFile
		}
		raw, err := read(o.PromptTemplate)
		if err != nil {
			return g, fmt.Errorf("--prompt-template: %w", err)
		}
		g.PromptTemplate = string(raw)
	}
	return g, nil
}

// Run returns the RunOptions of o for a run that starts at now.
func (o Options) Run(now time.Time) RunOptions {
	r := RunOptions{Fallback: o.Fallback, MaxFallback: o.MaxFallback, Batch: o.Batch}
	if o.Deadline > 0 {
		r.Deadline = now.Add(o.Deadline)
	}
	return r
}
