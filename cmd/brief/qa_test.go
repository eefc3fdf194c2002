package main

import (
	"strings"
	"testing"
)

func TestUnknownBackendSuggests(t *testing.T) {
	for _, tt := range []struct {
		backend string
		want    string
		notWant string
	}{
		{"opnai", `did you mean "openai"?`, "forgotten import"},
		{"extractiv", `did you mean "extractive"?`, "forgotten import"},
		{"gemini", "unknown backend (want one of ", "did you mean"},
		{"gemini", "extractive, ollama, openai", "forgotten import"},
	} {
		t.Run(tt.backend, func(t *testing.T) {
			_, errs, code := brief(t, "", "summarize", "--backend", tt.backend, "-")
			if code != exitUsage {
				t.Errorf("exit = %d, want %d; stderr: %s", code, exitUsage, errs)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, errs)
			}
			if strings.Contains(errs, tt.notWant) {
				t.Errorf("stderr has %q:\n%s", tt.notWant, errs)
			}
		})
	}
}
