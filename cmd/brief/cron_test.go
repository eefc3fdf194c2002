package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// exampleCommand returns the brief arguments of the scheduled command in
// an examples/cron file, with the home directory replaced by home.
func exampleCommand(t *testing.T, name, home string) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "cron", name))
	if err != nil {
		t.Fatalf("examples/cron/%s: %v", name, err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name != "crontab" && !strings.HasPrefix(line, "ExecStart=") {
			continue
		}
		line = strings.NewReplacer(`"`, "", "$HOME", home, "%h", home).Replace(line)
		fields := strings.Fields(line)
		for i, f := range fields {
			if strings.HasSuffix(f, "/brief") {
				var args []string
				for _, a := range fields[i+1:] {
					if strings.HasPrefix(a, "2>") || a == ";" {
						break
					}
					args = append(args, a)
				}
				return args
			}
		}
	}
	t.Fatalf("examples/cron/%s: no brief command found", name)
	return nil
}

// TestCronExamples runs the crontab line and the systemd service's command
// against an archive and mailpit, so the examples keep working.
func TestCronExamples(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data")
	}
	mp := startMailpit(t, "--smtp-auth-allow-insecure")
	for i, name := range []string{"crontab", "brief-briefing.service"} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			args := exampleCommand(t, name, h.dir)
			h.configFile("smtp:\n  url: smtp://analyst@" + mp.smtpAddr + "\n  from: brief@example.org\n  to: [desk@example.org]\n  insecure: true\n")
			h.vars["BRIEF_SMTP_PASSWORD"] = "secret"
			h.clock.set(time.Date(2026, 3, 10, 15, 0, 0, 0, berlin))
			h.mustRun(0, jsonlArticle(t, "r", "", "Germany funds Baltic high-speed line", railStory...), "add", "-")
			h.clock.set(time.Date(2026, 3, 11, 6, 30, 0, 0, berlin))
			h.mustRun(0, "", args...)
			for _, ext := range []string{"pdf", "md"} {
				if _, err := os.Stat(filepath.Join(h.dir, "briefings", "briefing-2026-03-10."+ext)); err != nil {
					t.Errorf("%s: %v", ext, err)
				}
			}
			if got := len(mp.waitMessages(t, i+1)); got != i+1 {
				t.Errorf("mailpit holds %d messages after run %d, want %d", got, i+1, i+1)
			}
		})
	}
}
