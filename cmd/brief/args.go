package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/brief-news/brief/internal/textsafe"
)

// callError is a usage error found while reading the command line: an
// unknown command or flag, or a flag value urfave/cli could not parse. It
// is a usage error (exit 2), and runEnv shows the usage of the command it
// names under the one-line message.
type callError struct {
	err  error
	path string       // "brief summarize"
	cmd  *cli.Command // nil: the app itself
	app  *cli.App
}

func (e callError) Error() string { return e.err.Error() }
func (e callError) Unwrap() error { return usageError{e.err} }

// normalizeArgs checks the command path and the flags of args against
// app's commands before urfave/cli parses them, and reorders the tokens
// so urfave/cli reads them as meant:
//
//   - global flags (--db, --config, -v) may appear after the command; they
//     are moved in front of it;
//   - a command's flags may follow its inputs
//     (`brief briefing examples/ -f pdf -o x.pdf`); they are moved in front
//     of them, and the inputs go after "--" (everything after a "--" given
//     by the user stays an input).
//
// An unknown command or flag is a callError naming the closest match.
func normalizeArgs(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	var global, path, local, positional []string
	rest := args[1:]
	flags := app.Flags
	cmds := app.Commands
	var cmd *cli.Command
	names := []string{app.Name}
	// The command path (command, subcommand…), with flags in between.
	for len(rest) > 0 {
		tok := rest[0]
		if tok == "--" {
			break
		}
		if isFlagToken(tok) {
			n, isGlobal, err := checkFlag(app, cmd, flags, rest, names)
			if err != nil {
				return nil, err
			}
			if isGlobal || cmd == nil {
				global = append(global, rest[:n]...)
			} else {
				local = append(local, rest[:n]...)
			}
			rest = rest[n:]
			continue
		}
		if len(cmds) == 0 && cmd != nil {
			break // a leaf command: the rest are its inputs
		}
		next := findCommand(cmds, tok)
		if next == nil {
			if tok == "help" || tok == "h" {
				// "brief help archive list" is "brief archive list --help";
				// the commands it names must exist ("brief help summarise").
				hcmds, hnames, hparent := cmds, names, cmd
				var named []string
				for _, t := range rest[1:] {
					if isFlagToken(t) {
						break
					}
					next := findCommand(hcmds, t)
					if next == nil {
						return nil, unknownCommand(app, hparent, hnames, t, hcmds)
					}
					named = append(named, t)
					hcmds, hnames, hparent = next.Subcommands, append(slices.Clip(hnames), next.Name), next
				}
				if len(named) > 0 {
					return append(append(append(append([]string{args[0]}, global...), path...), named...), "--help"), nil
				}
				// urfave/cli's help command takes the rest as it is.
				return append(append(append(append([]string{args[0]}, global...), path...), local...), rest...), nil
			}
			return nil, unknownCommand(app, cmd, names, tok, cmds)
		}
		if len(local) > 0 {
			// Flags of the parent command stay with it.
			path = append(path, local...)
			local = nil
		}
		path = append(path, tok)
		names = append(names, next.Name)
		rest = rest[1:]
		cmd = next
		flags, cmds = cmd.Flags, cmd.Subcommands
	}
	for len(rest) > 0 {
		tok := rest[0]
		if tok == "--" {
			positional = append(positional, rest[1:]...)
			break
		}
		if isFlagToken(tok) {
			n, isGlobal, err := checkFlag(app, cmd, flags, rest, names)
			if err != nil {
				return nil, err
			}
			if isGlobal {
				global = append(global, rest[:n]...)
			} else {
				local = append(local, rest[:n]...)
			}
			rest = rest[n:]
			continue
		}
		positional = append(positional, tok)
		rest = rest[1:]
	}
	out := append([]string{args[0]}, global...)
	out = append(out, path...)
	out = append(out, local...)
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out, nil
}

func isFlagToken(s string) bool {
	return len(s) > 1 && s[0] == '-' && s != "--"
}

// checkFlag looks the flag at rest[0] up among the command's flags, then
// the app's (global) flags. It returns how many tokens the flag takes (1,
// or 2 when it needs a value not given with "="), and whether it is a
// global flag.
func checkFlag(app *cli.App, cmd *cli.Command, flags []cli.Flag, rest []string, names []string) (int, bool, error) {
	name, _, hasValue := strings.Cut(strings.TrimLeft(rest[0], "-"), "=")
	if name == "help" || name == "h" || (cmd == nil && name == "version") {
		return 1, cmd == nil, nil
	}
	isGlobal := false
	f := lookupFlag(flags, name)
	if f == nil && cmd != nil {
		f = lookupFlag(app.Flags, name)
		isGlobal = f != nil
	}
	if f == nil {
		var candidates []string
		for _, fl := range append(slices.Clip(flags), app.Flags...) {
			candidates = append(candidates, fl.Names()...)
		}
		shown := rest[0]
		if hasValue {
			shown = "--" + name
		}
		if textsafe.Line(shown) != shown {
			// Quoted, so that a name with control characters does not
			// read as the flag it resembles once they are removed.
			shown = strconv.Quote(shown)
		}
		msg := fmt.Sprintf("unknown flag %s for %s", shown, strings.Join(names, " "))
		if s := closest(name, candidates); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", dashes(s))
		}
		return 0, false, callError{err: fmt.Errorf("%s", msg), path: strings.Join(names, " "), cmd: cmd, app: app}
	}
	if _, isBool := f.(*cli.BoolFlag); isBool || hasValue {
		return 1, isGlobal, nil
	}
	if len(rest) < 2 {
		return 0, false, callError{err: fmt.Errorf("flag %s needs a value", rest[0]), path: strings.Join(names, " "), cmd: cmd, app: app}
	}
	return 2, isGlobal, nil
}

func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func lookupFlag(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

func unknownCommand(app *cli.App, parent *cli.Command, names []string, tok string, cmds []*cli.Command) error {
	var candidates []string
	for _, c := range cmds {
		if !c.Hidden {
			candidates = append(candidates, c.Name)
		}
	}
	msg := fmt.Sprintf("unknown command %q for %s", tok, strings.Join(names, " "))
	if s := closest(tok, candidates); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += fmt.Sprintf(" (commands: %s)", strings.Join(candidates, ", "))
	}
	return callError{err: fmt.Errorf("%s", msg), path: strings.Join(names, " "), cmd: parent, app: app}
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.Name == name || slices.Contains(c.Aliases, name) {
			return c
		}
	}
	return nil
}

// closest returns the candidate nearest to s: within an edit distance of
// 2 (1 for short names), or the only one s is a prefix of. "" when none
// is close.
func closest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := editDistance(s, c)
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if len(s) <= 3 {
		limit = 1
	}
	if bestD <= limit {
		return best
	}
	var prefixed []string
	for _, c := range candidates {
		if len(s) >= 2 && strings.HasPrefix(c, s) {
			prefixed = append(prefixed, c)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, counting a
// swap of two neighbouring letters as one edit.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// writeUsage writes a command's usage line and its options (the app's when
// cmd is nil) to w.
func writeUsage(w io.Writer, app *cli.App, path string, cmd *cli.Command) {
	flags := app.Flags
	argsUsage := "COMMAND [options] [arguments...]"
	var subs []*cli.Command
	if cmd != nil {
		for _, sc := range cmd.Subcommands {
			if sc.Name != "help" { // urfave/cli's own
				subs = append(subs, sc)
			}
		}
		flags = cmd.Flags
		switch {
		case len(subs) > 0:
			argsUsage = "COMMAND [options]"
		case cmd.ArgsUsage != "":
			argsUsage = "[options] " + cmd.ArgsUsage
		default:
			argsUsage = "[options]"
		}
	}
	fmt.Fprintf(w, "usage: %s %s\n", path, argsUsage)
	if len(subs) > 0 {
		fmt.Fprintln(w, "commands:")
		tw := tabwriter.NewWriter(w, 0, 4, 3, ' ', 0)
		for _, sc := range subs {
			fmt.Fprintf(tw, "   %s\t%s\n", sc.Name, sc.Usage)
		}
		tw.Flush()
	}
	if cmd == nil {
		fmt.Fprintln(w, "commands:")
		tw := tabwriter.NewWriter(w, 0, 4, 3, ' ', 0)
		for _, sc := range app.Commands {
			if sc.Name == "help" {
				continue
			}
			fmt.Fprintf(tw, "   %s\t%s\n", sc.Name, sc.Usage)
		}
		tw.Flush()
	}
	if len(flags) > 0 {
		fmt.Fprintln(w, "options:")
		tw := tabwriter.NewWriter(w, 0, 4, 3, ' ', 0)
		for _, f := range flags {
			fmt.Fprintf(tw, "   %s\n", f)
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "run '%s --help' for more\n", path)
}

// withUsageErrors makes every command turn urfave/cli's flag parsing
// errors (a bad value, a missing value) into callErrors, instead of
// printing its help to stdout.
func withUsageErrors(app *cli.App) {
	app.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
		return callError{err: err, path: app.Name, app: app}
	}
	var walk func(path string, cmds []*cli.Command)
	walk = func(path string, cmds []*cli.Command) {
		for _, cmd := range cmds {
			p := path + " " + cmd.Name
			cmd.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
				return callError{err: err, path: p, cmd: cmd, app: app}
			}
			walk(p, cmd.Subcommands)
		}
	}
	walk(app.Name, app.Commands)
}

// flagsNamed returns the flags of flags named names, so that a command
// shows (and takes) only the flags it reads.
func flagsNamed(flags []cli.Flag, names ...string) []cli.Flag {
	var out []cli.Flag
	for _, f := range flags {
		if slices.ContainsFunc(f.Names(), func(n string) bool { return slices.Contains(names, n) }) {
			out = append(out, f)
		}
	}
	return out
}
