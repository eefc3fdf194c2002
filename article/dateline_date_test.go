package article

import (
	"testing"
	"time"
)

func TestDatelineDate(t *testing.T) {
	now := time.Date(2026, 11, 25, 6, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, dateline string
		now            time.Time
		want           string // YYYY-MM-DD, or "" for none
	}{
		{"month day", "SANTIAGO, Nov 24", now, "2026-11-24"},
		{"full month and agency", "LONDON, March 3 (Reuters)", now, "2026-03-03"},
		{"day month", "Caracas, 26 feb", now, "2026-02-26"},
		{"tomorrow in another zone is this year", "TOKYO, Nov 26", now, "2026-11-26"},
		{"later in the year is last year", "PARIS, Dec 20", now, "2025-12-20"},
		{"place only", "KUALA LUMPUR", now, ""},
		{"no month", "SOWETO, South Africa", now, ""},
		{"impossible day", "LIMA, Nov 31", now, ""},
		{"no clock", "SANTIAGO, Nov 24", time.Time{}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := DatelineDate(tt.dateline, tt.now)
			s := ""
			if ok {
				s = got.Format("2006-01-02")
			}
			if s != tt.want {
				t.Errorf("DatelineDate(%q) = %q, want %q", tt.dateline, s, tt.want)
			}
		})
	}
}

func TestTextFileTakesDatelineDate(t *testing.T) {
	now := time.Date(2026, 11, 25, 6, 0, 0, 0, time.UTC)
	text := "Copper workers vote to strike\n\nSANTIAGO, Nov 24 (Meridian Wire) - Workers at a copper mine voted to strike on Tuesday after wage talks broke down.\n"
	a, err := articleFromBytes([]byte(text), ".txt", nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Published.Format("2006-01-02"); got != "2026-11-24" {
		t.Errorf("Published = %s, want 2026-11-24 (from the dateline %q)", got, a.Dateline)
	}
	if a.Sources["published"] != "heuristic" {
		t.Errorf("Sources[published] = %q, want heuristic", a.Sources["published"])
	}
}
