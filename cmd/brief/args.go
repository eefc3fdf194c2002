package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// intersperse moves a command's flags in front of its arguments, so that
// `brief briefing examples/ -f pdf -o x.pdf` works like
// `brief briefing -f pdf -o x.pdf examples/`. urfave/cli stops parsing
// flags at the first argument; users and the docs put them anywhere.
// Everything after "--" stays an argument.
func intersperse(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	flags := app.Flags
	cmds := app.Commands
	// Global flags and the command path (command, subcommand…).
	for len(rest) > 0 {
		tok := rest[0]
		if isFlagToken(tok) {
			n := flagTokens(flags, rest)
			out = append(out, rest[:n]...)
			rest = rest[n:]
			continue
		}
		cmd := findCommand(cmds, tok)
		if cmd == nil {
			break
		}
		out = append(out, tok)
		rest = rest[1:]
		flags, cmds = cmd.Flags, cmd.Subcommands
		if len(cmds) == 0 {
			break
		}
	}
	var positional []string
	for len(rest) > 0 {
		tok := rest[0]
		if tok == "--" {
			positional = append(positional, rest[1:]...)
			break
		}
		if isFlagToken(tok) {
			n := flagTokens(flags, rest)
			out = append(out, rest[:n]...)
			rest = rest[n:]
			continue
		}
		positional = append(positional, tok)
		rest = rest[1:]
	}
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out
}

func isFlagToken(s string) bool {
	return len(s) > 1 && s[0] == '-' && s != "--"
}

// flagTokens returns how many tokens the flag at rest[0] takes: 1, or 2
// when it needs a value and none was given with "=".
func flagTokens(flags []cli.Flag, rest []string) int {
	name := strings.TrimLeft(rest[0], "-")
	if strings.Contains(name, "=") {
		return 1
	}
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if _, isBool := f.(*cli.BoolFlag); isBool || len(rest) < 2 {
				return 1
			}
			return 2
		}
	}
	if name == "help" || name == "h" {
		return 1
	}
	return 1
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.Name == name {
			return c
		}
		for _, a := range c.Aliases {
			if a == name {
				return c
			}
		}
	}
	return nil
}
