package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// configFile writes the harness's default config file.
func (h *harness) configFile(text string) string {
	h.t.Helper()
	return writeTestFile(h.t, filepath.Join(h.vars["XDG_CONFIG_HOME"], "brief", "config.yaml"), text)
}

func TestConfigInit(t *testing.T) {
	h := newHarness(t)
	path := strings.TrimSpace(h.mustRun(0, "", "config", "path"))
	if want := filepath.Join(h.vars["XDG_CONFIG_HOME"], "brief", "config.yaml"); path != want {
		t.Errorf("config path = %q, want %q", path, want)
	}
	h.mustRun(0, "", "config", "init")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("config mode = %v, want 0600", fi.Mode().Perm())
	}
	cfg, err := parseConfig(raw)
	if err != nil {
		t.Fatalf("the written config does not parse: %v\n%s", err, raw)
	}
	if cfg.Backend != "extractive" || cfg.Regions != nil {
		t.Errorf("written config = %+v, want the defaults", cfg)
	}
	// With the written file in place brief behaves as with none.
	out := h.mustRun(0, jsonlArticle(t, "r", "", "Rail", railStory...), "summarize", "-f", "jsonl", "-")
	if !strings.Contains(out, `"region":"Europe"`) {
		t.Errorf("summarize with the default config:\n%s", out)
	}
	if code, _, errs := h.run("", "config", "init"); code != exitUsage || !strings.Contains(errs, "exists") {
		t.Errorf("second config init: exit %d, stderr %q; want a refusal", code, errs)
	}
	h.mustRun(0, "", "config", "init", "--force")
	// The commented examples parse when uncommented.
	for _, ex := range []string{configExampleRegions, configExamplePrices, configExampleBackends()} {
		if !strings.Contains(string(raw), commentOut(ex)) {
			t.Errorf("config lacks the commented example:\n%s", ex)
		}
		if _, err := parseConfig([]byte(ex)); err != nil {
			t.Errorf("example does not parse: %v\n%s", err, ex)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown key", "backnd: openai\n", "config.yaml: line 1: unknown key backnd\n"},
		{"wrong types", "jobs: many\ntakeaways: [1]\nsmtp: 3\n", `config.yaml: line 1: want a number, got text "many"; line 2: want a number, got a list; line 3: want a mapping of keys, got a number "3"` + "\n"},
		{"negative takeaways", "takeaways: -3\n", "config.yaml: takeaways: must be at least 1\n"},
		{"too many jobs", "jobs: 100000\n", "config.yaml: jobs: 100000: want 1 to 64 articles at once\n"},
		{"not yaml", "backend: [\n", "config"},
		{"bad country", "regions:\n  sections:\n    - name: X\n      countries: [Kenya]\n", "unknown country code"},
		{"duplicate section", "regions:\n  sections:\n    - name: X\n    - name: X\n", "duplicate section"},
		{"negative price", "prices:\n  m: {prompt_per_1k: -1}\n", "negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.configFile(tt.text)
			code, _, errs := h.run("", "archive", "list")
			if code != exitUsage || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d mentioning %q", code, errs, exitUsage, tt.want)
			}
		})
	}
	h := newHarness(t)
	if code, _, errs := h.run("", "--config", filepath.Join(h.dir, "missing.yaml"), "backends"); code != exitUsage {
		t.Errorf("--config naming a missing file: exit %d, stderr %q; want %d", code, errs, exitUsage)
	}
}

func TestConfigPrecedence(t *testing.T) {
	in := jsonlArticle(t, "r", "", "Rail", railStory...)
	tests := []struct {
		name     string
		file     string
		env      string // BRIEF_BACKEND
		flag     string // --backend
		wantCode int
	}{
		{"file applies", "backend: nosuch\n", "", "", exitUsage},
		{"env beats file", "backend: nosuch\n", "extractive", "", exitOK},
		{"flag beats env", "backend: extractive\n", "nosuch", "extractive", exitOK},
		{"flag beats file", "backend: extractive\n", "", "nosuch", exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.configFile(tt.file)
			t.Setenv("BRIEF_BACKEND", tt.env) // urfave/cli reads flag environment variables itself
			if tt.env == "" {
				os.Unsetenv("BRIEF_BACKEND")
			}
			args := []string{"summarize", "-f", "jsonl", "-"}
			if tt.flag != "" {
				args = append(args, "--backend", tt.flag)
			}
			code, _, errs := h.run(in, args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, errs)
			}
			if tt.wantCode == exitUsage && !strings.Contains(errs, "nosuch") {
				t.Errorf("stderr %q does not name the backend", errs)
			}
		})
	}
}

func TestConfigBriefingSettings(t *testing.T) {
	h := newHarness(t)
	outDir := filepath.Join(h.dir, "briefings")
	h.configFile(`timezone: America/Los_Angeles
output_dir: ` + outDir + `
formats: [md, json]
db: ` + filepath.Join(h.dir, "from-config.db") + `
regions:
  focus: [ke]
  sections:
    - name: Europe
      countries: [DE, FR]
    - name: Elsewhere
      countries: [JP, BR, NG]
`)
	h.db = "" // let the config name the database
	if _, err := time.LoadLocation("America/Los_Angeles"); err != nil {
		t.Skip("no time zone data")
	}
	// 2026-03-11 03:00 UTC is still the 10th in Los Angeles.
	h.clock.set(time.Date(2026, 3, 11, 3, 0, 0, 0, time.UTC))
	out := h.runNoDB(0, jsonlArticle(t, "p", "https://harbour-times.example/kenya-port", "Kenya to double Mombasa port capacity", portStory...)+
		jsonlArticle(t, "q", "", "Earthquake shakes northern Japan", quakeStory...), "add", "-")
	if !strings.Contains(out, "Kenya · Kenya to double") || !strings.Contains(out, "Elsewhere · Earthquake") {
		t.Errorf("add with configured regions:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(h.dir, "from-config.db")); err != nil {
		t.Errorf("config db not used: %v", err)
	}
	h.runNoDB(0, "", "briefing", "--date", "2026-03-10")
	raw, err := os.ReadFile(filepath.Join(outDir, "briefing-2026-03-10.json"))
	if err != nil {
		t.Fatalf("briefing with configured output_dir and formats: %v", err)
	}
	if _, err := os.Stat(filepath.Join(outDir, "briefing-2026-03-10.md")); err != nil {
		t.Errorf("md not written: %v", err)
	}
	var b jsonBriefing
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	var sections []string
	for _, s := range b.Sections {
		sections = append(sections, s.Name)
	}
	if want := []string{"Kenya", "Elsewhere"}; !slices.Equal(sections, want) {
		t.Errorf("sections = %v, want %v (focus country first)", sections, want)
	}
	// A flag still wins over the file: -o FILE, -f md.
	one := filepath.Join(h.dir, "one.md")
	h.runNoDB(0, "", "briefing", "--date", "2026-03-10", "-o", one, "-f", "md")
	if _, err := os.Stat(one); err != nil {
		t.Errorf("-o beside a configured output_dir: %v", err)
	}
}

// runNoDB is mustRun without the harness's --db.
func (h *harness) runNoDB(want int, stdin string, args ...string) string {
	h.t.Helper()
	saved := h.db
	h.db = ""
	defer func() { h.db = saved }()
	return h.mustRun(want, stdin, args...)
}

func TestExampleConfigParses(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "config.yaml"))
	if err != nil {
		t.Skip("no examples/config.yaml:", err)
	}
	cfg, err := parseConfig(raw)
	if err != nil {
		t.Fatalf("examples/config.yaml: %v", err)
	}
	if cfg.Regions == nil || len(cfg.Regions.Sections) == 0 || len(cfg.SMTP.To) == 0 || len(cfg.Prices) == 0 {
		t.Errorf("examples/config.yaml parsed to %+v, want regions, smtp.to and prices", cfg)
	}
}

// TestConfigTimezoneBeatsTZ: TZ is the system's default zone, not a brief
// setting, so the config file's timezone wins over it (BRIEF_TZ does not).
func TestConfigTimezoneBeatsTZ(t *testing.T) {
	if _, err := time.LoadLocation("Asia/Tokyo"); err != nil {
		t.Skip("no time zone data")
	}
	h := newHarness(t)
	h.configFile("timezone: Asia/Tokyo\n")
	t.Setenv("TZ", "America/Los_Angeles")
	t.Setenv("BRIEF_TZ", "")
	os.Unsetenv("BRIEF_TZ")
	// 2026-03-10 20:00 UTC is the 11th in Tokyo, the 10th in Los Angeles.
	h.clock.set(time.Date(2026, 3, 10, 20, 0, 0, 0, time.UTC))
	h.mustRun(0, jsonlArticle(t, "r", "", "Rail", railStory...), "add", "-")
	if got := h.mustRun(0, "", "archive", "list", "--date", "2026-03-11", "-f", "jsonl"); strings.Count(got, "\n") != 1 {
		t.Errorf("list --date 2026-03-11 with timezone Asia/Tokyo in the config and TZ set: %q, want the article", got)
	}
	t.Setenv("BRIEF_TZ", "America/Los_Angeles")
	if got := h.mustRun(0, "", "archive", "list", "--date", "2026-03-10", "-f", "jsonl"); strings.Count(got, "\n") != 1 {
		t.Errorf("BRIEF_TZ does not win over the config file: %q", got)
	}
}

func TestConfigPrices(t *testing.T) {
	cfg, err := parseConfig([]byte("prices:\n  gpt-x: {prompt_per_1k: 0.00015, completion_per_1k: 0.0006}\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := (&env{cfg: cfg}).priceTable()["gpt-x"]
	// 1,000 prompt and 1,000 completion tokens cost one unit of each.
	if cost := got.Cost(1000, 1000); math.Abs(cost-0.00075) > 1e-12 {
		t.Errorf("cost of 1k+1k tokens = %g, want 0.00075 (prices are per 1,000 tokens)", cost)
	}
	if (&env{}).priceTable() != nil {
		t.Error("priceTable without a config is not nil")
	}
}

// TestConfigCommandWithBrokenFile: brief config path and config init
// --force work when the config file does not parse (they are how a user
// finds and replaces it); other commands still refuse it.
func TestConfigCommandWithBrokenFile(t *testing.T) {
	h := newHarness(t)
	path := h.configFile("tiemzone: UTC\n")
	if got := strings.TrimSpace(h.mustRun(0, "", "config", "path")); got != path {
		t.Errorf("config path = %q, want %q", got, path)
	}
	h.mustRun(0, "", "config", "init", "--force")
	if raw, _ := os.ReadFile(path); strings.Contains(string(raw), "tiemzone") {
		t.Error("config init --force left the broken file")
	}
	h.configFile("tiemzone: UTC\n")
	if code, _, errs := h.run("", "archive", "list"); code != exitUsage || !strings.Contains(errs, "unknown key tiemzone") {
		t.Errorf("archive list with a broken config: exit %d, stderr %q; want %d", code, errs, exitUsage)
	}
}
