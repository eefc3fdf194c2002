package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
	"gopkg.in/yaml.v3"

	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm"
)

// fileConfig is $XDG_CONFIG_HOME/brief/config.yaml. Every key is optional;
// an empty value means "not set". Values apply only to flags the user did
// not set on the command line or through the environment: flags >
// environment > file > defaults.
type fileConfig struct {
	Backend   string   `yaml:"backend"`
	Model     string   `yaml:"model"`
	BaseURL   string   `yaml:"base_url"`
	DB        string   `yaml:"db"`
	TimeZone  string   `yaml:"timezone"`
	OutputDir string   `yaml:"output_dir"`
	Formats   []string `yaml:"formats"`
	Takeaways int      `yaml:"takeaways"`
	MaxQuotes *int     `yaml:"max_quotes"`
	Jobs      int      `yaml:"jobs"`
	// Regions replaces the default region taxonomy.
	Regions *region.Taxonomy `yaml:"regions"`
	SMTP    struct {
		URL  string `yaml:"url"`
		From string `yaml:"from"`
		// To is where --mail sends the briefing (--mail-to overrides).
		To       []string `yaml:"to"`
		Insecure bool     `yaml:"insecure"`
	} `yaml:"smtp"`
	// Prices maps a model name to its price, for cost reports.
	Prices map[string]price `yaml:"prices"`
	// Backends holds settings per model backend (backends: {ollama:
	// {model: …}}); they apply when that backend runs.
	Backends map[string]backendSection `yaml:"backends"`
}

// backendSection is one backend's settings in the config file. Flags and
// environment variables win over it.
type backendSection struct {
	Model         string   `yaml:"model"`
	BaseURL       string   `yaml:"base_url"`
	ContextTokens int      `yaml:"context_tokens"`
	Temperature   *float64 `yaml:"temperature"`
}

// price is a model's price in US dollars per million tokens, the unit
// of provider price lists (llm.Price). The per-1,000 keys of earlier
// versions are still read.
type price struct {
	Input           float64 `yaml:"input"`
	Output          float64 `yaml:"output"`
	PromptPer1K     float64 `yaml:"prompt_per_1k"`
	CompletionPer1K float64 `yaml:"completion_per_1k"`
}

// configPath returns --config, else $XDG_CONFIG_HOME/brief/config.yaml,
// else ~/.config/brief/config.yaml. explicit reports whether the user
// named the file (then it must exist).
func configPath(c *cli.Context, e *env) (path string, explicit bool) {
	if p := c.String("config"); p != "" {
		return p, true
	}
	if d := e.getenv("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "brief", "config.yaml"), false
	}
	if h := e.getenv("HOME"); h != "" {
		return filepath.Join(h, ".config", "brief", "config.yaml"), false
	}
	return "", false
}

// loadConfig reads the config file; a missing default file is no config.
// Errors are usage errors (exit 2).
func loadConfig(c *cli.Context, e *env) (*fileConfig, error) {
	path, explicit := configPath(c, e)
	if path == "" {
		return &fileConfig{}, nil
	}
	raw, err := readOptionFile(path, maxConfigSize)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !explicit {
			return &fileConfig{}, nil
		}
		return nil, usagef("config: %v", err)
	}
	cfg, err := parseConfig(raw)
	if err != nil {
		return nil, usagef("config %s: %v", path, err)
	}
	return cfg, nil
}

// parseConfig decodes and checks a config file. Unknown keys are errors,
// so a misspelt key does not silently do nothing.
func parseConfig(raw []byte) (*fileConfig, error) {
	cfg := &fileConfig{}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(err)
	}
	if cfg.Takeaways < 0 {
		return nil, errors.New("takeaways: must be at least 1")
	}
	if cfg.Jobs < 0 || cfg.Jobs > maxJobs {
		return nil, fmt.Errorf("jobs: %d: want 1 to %d articles at once", cfg.Jobs, maxJobs)
	}
	if cfg.Regions != nil {
		if err := checkTaxonomy(cfg.Regions); err != nil {
			return nil, fmt.Errorf("regions: %w", err)
		}
	}
	for model, p := range cfg.Prices {
		if p.PromptPer1K < 0 || p.CompletionPer1K < 0 || p.Input < 0 || p.Output < 0 {
			return nil, fmt.Errorf("prices: %s: negative price", model)
		}
	}
	if cfg.MaxQuotes != nil && *cfg.MaxQuotes < 0 {
		return nil, errors.New("max_quotes: must be 0 (no limit) or more")
	}
	return cfg, nil
}

// yamlTypeErr matches one of yaml.v3's type errors, which name Go types.
var yamlTypeErr = regexp.MustCompile(`^(line \d+): (?:field (\S+) not found in type \S+|cannot unmarshal !!(\w+)(?: ` + "`" + `([^` + "`" + `]*)` + "`" + `)? into (.+))$`)

// yamlError says a config file's type errors in the file's terms ("line
// 3: unknown key tiemzone", "line 1: want int, got string "many"")
// rather than Go's, the first three of them.
func yamlError(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err
	}
	var msgs []string
	for _, m := range te.Errors {
		if sm := yamlTypeErr.FindStringSubmatch(m); sm != nil {
			switch {
			case sm[2] != "":
				m = fmt.Sprintf("%s: unknown key %s", sm[1], sm[2])
			default:
				want := sm[5]
				switch {
				case strings.HasPrefix(want, "struct") || strings.HasPrefix(want, "main.") || strings.HasPrefix(want, "map["):
					want = "a mapping of keys"
				case strings.HasPrefix(want, "[]"):
					want = "a list"
				case strings.HasPrefix(want, "int") || strings.HasPrefix(want, "uint") || strings.HasPrefix(want, "float"):
					want = "a number"
				case want == "string":
					want = "text"
				case want == "bool":
					want = "true or false"
				}
				got := map[string]string{"str": "text", "seq": "a list", "map": "a mapping", "int": "a number", "float": "a number", "bool": "true or false"}[sm[3]]
				if got == "" {
					got = sm[3]
				}
				if sm[4] != "" {
					got += fmt.Sprintf(" %q", sm[4])
				}
				m = fmt.Sprintf("%s: want %s, got %s", sm[1], want, got)
			}
		}
		msgs = append(msgs, m)
	}
	if len(msgs) > 3 {
		msgs = append(msgs[:3], fmt.Sprintf("and %d more", len(msgs)-3))
	}
	return errors.New(strings.Join(msgs, "; "))
}

// checkTaxonomy normalizes t in place (trimmed names, upper-case codes)
// and reports every problem region.Validate finds.
func checkTaxonomy(t *region.Taxonomy) error {
	if len(t.Sections) == 0 && len(t.Focus) == 0 {
		return errors.New("no sections")
	}
	*t = *t.Normalize()
	return t.Validate()
}

// taxonomy returns the configured taxonomy, or nil for the default.
func (e *env) taxonomy() *region.Taxonomy {
	if e.cfg == nil {
		return nil
	}
	return e.cfg.Regions
}

// priceTable returns the config file's prices as llm.Price values (US
// dollars per million tokens), or nil when it has none.
func (e *env) priceTable() map[string]llm.Price {
	if e.cfg == nil || len(e.cfg.Prices) == 0 {
		return nil
	}
	t := make(map[string]llm.Price, len(e.cfg.Prices))
	for model, p := range e.cfg.Prices {
		in, out := p.Input, p.Output
		if in == 0 && out == 0 {
			in, out = p.PromptPer1K*1000, p.CompletionPer1K*1000
		}
		t[model] = llm.Price{Input: in, Output: out}
	}
	return t
}

// modelLayers returns the config file's model settings for backend
// name, strongest first: its section for the backend, then its top-level
// model and base_url unless the file picks another backend.
func (e *env) modelLayers(name string) []llm.Layer {
	if e.cfg == nil {
		return nil
	}
	sec := e.cfg.Backends[name]
	files := []llm.Layer{{Model: sec.Model, BaseURL: sec.BaseURL, ContextTokens: sec.ContextTokens, Temperature: sec.Temperature}}
	if e.cfg.Backend == "" || e.cfg.Backend == name {
		files = append(files, llm.Layer{Model: e.cfg.Model, BaseURL: e.cfg.BaseURL})
	}
	return files
}

// flagValues returns the config values for a command's flags, by flag
// name. Slices give one value per element.
func (cfg *fileConfig) flagValues(command string) map[string][]string {
	v := map[string][]string{}
	set := func(flag, val string) {
		if val != "" {
			v[flag] = []string{val}
		}
	}
	// model and base_url are applied per backend (see modelLayers), so
	// that environment variables win over them and they do not leak to
	// another backend.
	set("backend", cfg.Backend)
	set("tz", cfg.TimeZone)
	set("smtp-url", cfg.SMTP.URL)
	set("mail-from", cfg.SMTP.From)
	if cfg.SMTP.Insecure {
		set("smtp-insecure", "true")
	}
	if cfg.Takeaways > 0 {
		set("takeaways", strconv.Itoa(cfg.Takeaways))
	}
	if cfg.MaxQuotes != nil {
		set("max-quotes", strconv.Itoa(*cfg.MaxQuotes))
	}
	if cfg.Jobs > 0 {
		set("jobs", strconv.Itoa(cfg.Jobs))
	}
	// Output directory and formats are the briefing's only: summarize -o
	// names a file.
	if command == "briefing" {
		if cfg.OutputDir != "" {
			set("output", strings.TrimSuffix(expandHome(cfg.OutputDir), "/")+"/")
		}
		if len(cfg.Formats) > 0 {
			v["format"] = cfg.Formats
		}
	}
	return v
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, p[1:])
		}
	}
	return p
}

// applyConfig sets each flag of the running command that the user left
// unset to the config file's value.
func applyConfig(c *cli.Context, e *env) error {
	if e.cfg == nil || c.Command == nil {
		return nil
	}
	for name, vals := range e.cfg.flagValues(c.Command.Name) {
		if !hasFlag(c.Command.Flags, name) || c.IsSet(name) {
			continue
		}
		for _, val := range vals {
			if err := c.Set(name, val); err != nil {
				return usagef("config: %s: %v", name, err)
			}
		}
		if e.fromConfig == nil {
			e.fromConfig = map[string]bool{}
		}
		e.fromConfig[name] = true
	}
	return nil
}

func hasFlag(flags []cli.Flag, name string) bool {
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			return true
		}
	}
	return false
}

// withConfig makes every command (and subcommand) apply the config file
// before its own Before and Action run. A command without subcommands has
// parsed the whole command line by then, which it reports to e.parsed.
func withConfig(e *env, cmds []*cli.Command) {
	for _, cmd := range cmds {
		before := cmd.Before
		leaf := len(cmd.Subcommands) == 0
		cmd.Before = func(c *cli.Context) error {
			if err := applyConfig(c, e); err != nil {
				return err
			}
			if leaf && e.parsed != nil {
				e.parsed()
			}
			if before != nil {
				return before(c)
			}
			return nil
		}
		withConfig(e, cmd.Subcommands)
	}
}

// loadConfigBefore is the app's Before step: it reads the config file and
// applies its database path.
// brief config itself does not read the file: config path and config
// init --force must work when the file is broken, to find and replace it.
func loadConfigBefore(c *cli.Context, e *env) error {
	if c.Args().First() == "config" {
		e.cfg = &fileConfig{}
		return nil
	}
	cfg, err := loadConfig(c, e)
	if err != nil {
		return err
	}
	e.cfg = cfg
	if cfg.DB != "" && !c.IsSet("db") {
		if err := c.Set("db", expandHome(cfg.DB)); err != nil {
			return usagef("config: db: %v", err)
		}
	}
	return nil
}

func configCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "config",
		Usage: "write or locate the config file",
		Description: `The config file is YAML at $XDG_CONFIG_HOME/brief/config.yaml (or --config).
Command-line flags win over environment variables, which win over the file.

Examples:
   brief config init          write a commented config file to edit
   brief config path          print where brief looks for it`,
		Subcommands: []*cli.Command{
			{
				Name:  "init",
				Usage: "write a commented config file (refuses to overwrite without --force)",
				Flags: []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "overwrite an existing file"}},
				Action: func(c *cli.Context) error {
					path, _ := configPath(c, e)
					if path == "" {
						return usagef("config init: neither XDG_CONFIG_HOME nor HOME is set (use --config PATH)")
					}
					if _, err := os.Stat(path); err == nil && !c.Bool("force") {
						return usagef("config init: %s exists (use --force to overwrite)", path)
					}
					if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
						return fmt.Errorf("config init: %w", err)
					}
					if err := e.withOutput(path, func(w io.Writer) error {
						_, err := io.WriteString(w, defaultConfigText())
						return err
					}); err != nil {
						return fmt.Errorf("config init: %w", err)
					}
					if err := os.Chmod(path, 0o600); err != nil {
						return fmt.Errorf("config init: %w", err)
					}
					fmt.Fprintf(e.stderr, "brief: wrote %s\n", path)
					return nil
				},
			},
			{
				Name:  "path",
				Usage: "print the config file's path",
				Action: func(c *cli.Context) error {
					path, _ := configPath(c, e)
					if path == "" {
						return usagef("config path: neither XDG_CONFIG_HOME nor HOME is set")
					}
					_, err := fmt.Fprintln(e.stdout, path)
					return err
				},
			},
		},
	}
}

// configExampleRegions and configExamplePrices are the commented examples
// in the config file; the tests check that they parse when uncommented.
const configExampleRegions = `regions:
  focus: [KE, NG]            # countries with a section of their own, shown first
  sections:                  # the other sections, in briefing order (Global comes last)
    - name: Europe
      countries: [GB, FR, DE, IT, ES, PL, UA]
    - name: Americas
      countries: [US, CA, MX, BR, AR, CL]
    - name: Asia-Pacific
      countries: [CN, JP, IN, ID, AU, SG, MY]
    - name: Middle East
      countries: [IL, IR, SA, AE, TR, EG]
    - name: Africa
      countries: [ZA, ET, GH, TZ]
`

const configExamplePrices = `prices:                      # US dollars per million tokens, as on price lists
  gpt-4.1-mini: {input: 0.40, output: 1.60}
  "llama3.1:8b": {input: 0, output: 0}
`

// configExampleBackends is the commented example of per-backend
// settings: one line per registered model backend, with its default model
// (and its default server for local ones).
func configExampleBackends() string {
	var b strings.Builder
	b.WriteString("backends:                    # settings per backend; flags and environment win\n")
	for _, row := range summarize.Backends() {
		if !row.Model {
			continue
		}
		fmt.Fprintf(&b, "  %s: {", row.Name)
		if row.DefaultModel != "" {
			fmt.Fprintf(&b, "model: %q, ", row.DefaultModel)
		}
		if row.Local && row.DefaultBaseURL != "" {
			fmt.Fprintf(&b, "base_url: %q, context_tokens: 8192, ", row.DefaultBaseURL)
		}
		b.WriteString("temperature: 0}\n")
	}
	return b.String()
}

// providerEnv lists the environment variables the registered backends
// read: their keys (key true) or their servers.
func providerEnv(key bool) string {
	var names []string
	for _, row := range summarize.Backends() {
		if v := row.BaseURLEnv; key {
			v = row.KeyEnv
			if v != "" {
				names = append(names, v)
			}
		} else if v != "" {
			names = append(names, v)
		}
	}
	return strings.Join(names, ", ")
}

func commentOut(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if line != "" {
			b.WriteString("# " + line)
		}
	}
	return b.String()
}

// defaultConfigText is what brief config init writes: every setting at its
// default (an empty value means "not set"), with comments.
func defaultConfigText() string {
	return `# brief configuration (YAML). Precedence: command-line flags, then environment
# variables (BRIEF_*, and the backends' keys:
# ` + providerEnv(true) + `), then this file, then the defaults.
# An empty value means "not set". API keys and the SMTP password belong in the
# environment, not here.

# Summarizer backend (see: brief backends). extractive is offline and needs no key.
backend: extractive
# Model and server for the backend above; empty means the backend's default.
# They apply to that backend only; the environment wins over base_url:
# ` + providerEnv(false) + `.
# Other backends: see backends: below.
model: ""
base_url: ""
# Takeaways per article; quotes per article (0 = every quote found, with its confidence);
# articles processed at once.
# takeaways: 3
# max_quotes: 3
# jobs: 4

# Archive database; empty means $XDG_DATA_HOME/brief/brief.db.
db: ""
# Time zone for --date (an IANA name such as Europe/Berlin); empty means the system's.
timezone: ""
# brief briefing writes DIR/briefing-YYYY-MM-DD.<ext> here when -o is not given,
# in these formats (md, json, pdf, html) when -f is not given.
output_dir: ""
formats: []

# Mail delivery: brief briefing --mail-to ADDR, or --mail to the "to" list. The
# password is read from BRIEF_SMTP_PASSWORD. STARTTLS is required unless insecure.
smtp:
  url: ""                    # smtp://user@host:587, or smtps://user@host:465
  from: ""                   # sender address; empty means user@host
  to: []                     # recipients for --mail
  insecure: false

# Region sections of the briefing. Uncomment to replace the built-in taxonomy.
` + commentOut(configExampleRegions) + `
# Per-backend settings. Uncomment and adjust.
` + commentOut(configExampleBackends()) + `
# Model prices. Uncomment and adjust.
` + commentOut(configExamplePrices)
}
