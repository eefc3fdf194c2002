package briefing_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
)

// TestWriteJSON checks the fields SCHEMA.md documents.
func TestWriteJSON(t *testing.T) {
	b := briefing.Build(briefingtest.Entries(), briefingtest.Skipped(), briefing.Options{Date: briefingtest.Day})
	var buf bytes.Buffer
	if err := briefing.WriteJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `\u003c`) {
		t.Error("JSON escapes HTML characters")
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if got := doc["schema_version"]; got != float64(1) {
		t.Errorf("schema_version = %v, want 1", got)
	}
	requireKeys(t, "briefing", doc, "title", "date", "at_a_glance", "sections", "skipped")
	glance := doc["at_a_glance"].(map[string]any)
	requireKeys(t, "at_a_glance", glance, "articles", "stories", "skipped", "regions", "top")
	requireKeys(t, "top[0]", glance["top"].([]any)[0].(map[string]any), "title", "site", "url", "sources", "section", "section_index", "story_index")
	sec := doc["sections"].([]any)[0].(map[string]any)
	requireKeys(t, "sections[0]", sec, "name", "stories")
	story := sec["stories"].([]any)[0].(map[string]any)
	requireKeys(t, "story", story, "article", "digest", "also_reported_by")
	requireKeys(t, "also_reported_by[0]", story["also_reported_by"].([]any)[0].(map[string]any), "title", "site", "url", "published")
	requireKeys(t, "skipped[0]", doc["skipped"].([]any)[0].(map[string]any), "source", "reason")

	var back briefing.Briefing
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if got, want := len(back.Sections[0].Stories[0].AlsoReportedBy), 2; got != want {
		t.Errorf("decoded story has %d other sources, want %d", got, want)
	}
}

func TestWriteJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := briefing.WriteJSON(&buf, briefing.Build(nil, nil, briefing.Options{})); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"sections": []`, `"skipped": []`, `"regions": []`, `"top": []`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("empty briefing JSON lacks %s:\n%s", want, buf.String())
		}
	}
}

func requireKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks %q", what, k)
		}
	}
}
