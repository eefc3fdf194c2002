package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"

	// Backends register themselves with summarize; cmd/brief alone
	// imports them, and names none of them elsewhere.
	_ "github.com/brief-news/brief/summarize/extractive"
	_ "github.com/brief-news/brief/summarize/langchain"
	_ "github.com/brief-news/brief/summarize/openai"
)

// backendStatus is one line of brief backends.
type backendStatus struct {
	Name         string `json:"name"`
	Description  string `json:"description"`
	DefaultModel string `json:"default_model"`
	Configured   bool   `json:"configured"`
	Note         string `json:"note"`
}

// listBackends writes each registered backend, its default model and
// whether it is configured. It reads only whether variables are set and
// never prints their values.
func listBackends(w io.Writer, getenv func(string) string, format string) error {
	var rows []backendStatus
	for _, b := range summarize.Backends() {
		row := backendStatus{Name: b.Name, Description: b.Description, DefaultModel: b.DefaultModel}
		if row.DefaultModel == "" {
			row.DefaultModel = "-"
		}
		switch {
		case !b.Model:
			row.Configured, row.Note = true, "offline, needs no key"
		case b.KeyEnv != "" && getenv(b.KeyEnv) != "":
			row.Configured, row.Note = true, b.KeyEnv+" is set"
		case b.KeyEnv != "" && b.BaseURLEnv != "" && getenv(b.BaseURLEnv) != "":
			row.Configured, row.Note = true, b.BaseURLEnv+" is set (a server that may need no key)"
		case b.KeyEnv != "":
			row.Note = "set " + b.KeyEnv
		case b.BaseURLEnv != "" && getenv(b.BaseURLEnv) != "":
			row.Configured, row.Note = true, b.BaseURLEnv+" is set"
		case b.BaseURLEnv != "":
			row.Note = "set " + b.BaseURLEnv + " (else " + b.DefaultBaseURL + " is tried)"
		default:
			row.Configured, row.Note = true, "needs no key"
		}
		rows = append(rows, row)
	}
	if format == "json" {
		return writeJSONIndent(w, rows)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "BACKEND\tDEFAULT MODEL\tCONFIGURED")
	for _, r := range rows {
		yes := "no"
		if r.Configured {
			yes = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s: %s\n", r.Name, r.DefaultModel, yes, r.Note)
	}
	return tw.Flush()
}

// modelsOptions are brief models' options.
type modelsOptions struct {
	Format string // text or json
	// Backend is a model backend (summarize.Backend.Model).
	Backend summarize.Backend
	LLM     llm.Options
}

// resolveModels reads and checks brief models' options.
func resolveModels(c *cli.Context, e *env) (modelsOptions, error) {
	o := modelsOptions{Format: c.String("format")}
	switch o.Format {
	case "", "text", "json":
	default:
		return o, usagef("models: unknown format %q (want text or json)", o.Format)
	}
	name := c.String("backend")
	var err error
	if o.Backend, err = summarize.Lookup(name); err != nil {
		return o, usageError{err}
	}
	if !o.Backend.Model {
		return o, usagef("backend %q has no models", name)
	}
	o.LLM, err = resolveModel(c, e)
	return o, err
}

// runModels is brief models: the models the backend's server offers,
// one a line or as JSON.
func runModels(ctx context.Context, e *env, o modelsOptions) error {
	cfg := summarize.Config{Model: o.LLM.Model, Logger: e.logger}
	lc, err := modelConfig(e, o.Backend, &cfg, o.LLM)
	if err != nil {
		return err
	}
	l, err := llm.OpenLister(o.Backend.Name, cfg)
	if err != nil {
		return usageError{err}
	}
	ctx, cancel := context.WithTimeout(ctx, max(lc.RequestTimeout, time.Minute))
	defer cancel()
	models, err := l.Models(ctx)
	if err != nil {
		return err
	}
	if o.Format == "json" {
		if models == nil {
			models = []llm.ModelInfo{}
		}
		return writeJSONIndent(e.stdout, models)
	}
	for _, m := range models {
		line := m.Name
		if m.ContextTokens > 0 {
			line += fmt.Sprintf("\tcontext %d", m.ContextTokens)
		}
		fmt.Fprintln(e.stdout, line)
	}
	return nil
}

// modelsFlagNames are the flags brief models reads: the backend and its
// server (a model named picks the config file's settings for it).
var modelsFlagNames = []string{"backend", "model", "base-url", "request-timeout"}

func modelsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "models",
		Usage: "list the models the backend's server offers",
		Description: `Asks the server of --backend (with its --base-url and key, as brief summarize
would) which models it offers.

Examples:
   brief models -b ollama
   brief models -b openai --base-url http://127.0.0.1:8000/v1`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: text or json"},
		}, flagsNamed(summarizerFlags(false), modelsFlagNames...)...),
		Action: func(c *cli.Context) error {
			o, err := resolveModels(c, e)
			if err != nil {
				return err
			}
			return runModels(c.Context, e, o)
		},
	}
}
