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
			&cli.IntFlag{Name: "jobs", Value: 1, Hidden: true},
		}, summarizerFlags(false)...),
		Action: func(c *cli.Context) error {
			switch f := c.String("format"); f {
			case "", "text", "json":
			default:
				return usagef("models: unknown format %q (want text or json)", f)
			}
			name := c.String("backend")
			row, err := summarize.Lookup(name)
			if err != nil {
				return usageError{err}
			}
			if !row.Model {
				return usagef("backend %q has no models", name)
			}
			lo, err := resolveModel(c, e)
			if err != nil {
				return err
			}
			cfg := summarize.Config{Model: c.String("model"), Logger: e.logger}
			lc, err := modelConfig(e, row, &cfg, lo)
			if err != nil {
				return err
			}
			l, err := llm.OpenLister(name, cfg)
			if err != nil {
				return usageError{err}
			}
			ctx, cancel := context.WithTimeout(c.Context, max(lc.RequestTimeout, time.Minute))
			defer cancel()
			models, err := l.Models(ctx)
			if err != nil {
				return err
			}
			if c.String("format") == "json" {
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
		},
	}
}
