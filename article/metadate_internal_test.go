package article

import (
	"testing"
	"time"
)

func TestOnDay(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tt := range []struct {
		name, moment, day string
		want              string // the day onDay puts the moment on, "" when it refuses
	}{
		{"an evening in the Americas", "2019-11-19T03:30:00Z", "2019-11-18T00:00:00Z", "2019-11-18"},
		{"a morning in Asia", "2019-11-18T20:00:00Z", "2019-11-19T00:00:00Z", "2019-11-19"},
		{"UTC-12 is no one's newsroom", "2019-11-19T11:45:59Z", "2019-11-18T00:00:00Z", ""},
		{"two days apart", "2019-11-19T11:45:59Z", "2019-11-17T00:00:00Z", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := onDay(utc(tt.moment), utc(tt.day))
			day := ""
			if ok {
				day = got.Format("2006-01-02")
			}
			if day != tt.want {
				t.Errorf("onDay(%s, %s) = %q, want %q", tt.moment, tt.day, day, tt.want)
			}
		})
	}
}
