package llm

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
)

// redacted replaces a credential in errors, warnings and log lines.
const redacted = "[redacted]"

// redactor hides a backend's credentials (Config.APIKey, and a user name
// or password in Config.BaseURL) from what the backend says: a provider or
// proxy may repeat the key it was sent in an error message, which would
// then reach stderr, digest warnings, JSON output and the archive. A nil
// *redactor hides nothing.
type redactor struct{ r *strings.Replacer }

// newRedactor returns the redactor for cfg's credentials, nil when it has
// none. Each credential is also hidden in the base64 forms it is sent in
// (HTTP basic authentication).
func newRedactor(cfg Config) *redactor {
	var secrets []string
	add := func(s string) {
		if len(s) >= 4 { // shorter ones would redact ordinary words
			secrets = append(secrets, s, base64.StdEncoding.EncodeToString([]byte(s)))
		}
	}
	add(cfg.APIKey)
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.User != nil {
		name := u.User.Username()
		if pass, ok := u.User.Password(); ok {
			add(pass)
			add(name + ":" + pass)
		} else {
			add(name) // a token given as the user name
		}
	}
	if len(secrets) == 0 {
		return nil
	}
	// Longest first, so a credential is hidden whole before any part of it.
	slices.SortFunc(secrets, func(a, b string) int { return len(b) - len(a) })
	var pairs []string
	for _, s := range slices.Compact(secrets) {
		pairs = append(pairs, s, redacted)
	}
	return &redactor{r: strings.NewReplacer(pairs...)}
}

func (r *redactor) string(s string) string {
	if r == nil {
		return s
	}
	return r.r.Replace(s)
}

// err returns err with its message redacted; errors.Is and errors.As still
// see the original chain.
func (r *redactor) err(err error) error {
	if r == nil || err == nil {
		return err
	}
	msg := err.Error()
	if red := r.r.Replace(msg); red != msg {
		return &redactedError{msg: red, err: err}
	}
	return err
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// logger returns l with its messages and attributes redacted.
func (r *redactor) logger(l *slog.Logger) *slog.Logger {
	if r == nil || l == nil {
		return l
	}
	return slog.New(&redactHandler{h: l.Handler(), r: r})
}

// redactHandler redacts records before handing them on.
type redactHandler struct {
	h slog.Handler
	r *redactor
}

func (h *redactHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.h.Enabled(ctx, l) }

func (h *redactHandler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, h.r.string(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.h.Handle(ctx, out)
}

func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.r.string(v.String()))
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.Any(a.Key, h.r.err(err))
		}
		s := fmt.Sprint(v.Any())
		if red := h.r.string(s); red != s {
			return slog.String(a.Key, red)
		}
	case slog.KindGroup:
		var as []any
		for _, g := range v.Group() {
			as = append(as, h.attr(g))
		}
		return slog.Group(a.Key, as...)
	}
	return slog.Attr{Key: a.Key, Value: v}
}

func (h *redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	red := make([]slog.Attr, len(as))
	for i, a := range as {
		red[i] = h.attr(a)
	}
	return &redactHandler{h: h.h.WithAttrs(red), r: h.r}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{h: h.h.WithGroup(name), r: h.r}
}
