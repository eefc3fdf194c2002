package summarize_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

type fixed struct{ d summarize.Digest }

func (f fixed) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	d := f.d
	return &d, nil
}

func TestRegistry(t *testing.T) {
	summarize.Register(summarize.Backend{Name: "test-fixed", Description: "a canned digest", New: func(summarize.Config) (summarize.Summarizer, error) {
		return fixed{summarize.Digest{Takeaways: []string{"a", "b", "c", "d"}, Region: "Atlantis"}}, nil
	}})
	if !slices.Contains(summarize.Names(), "test-fixed") {
		t.Fatalf("Names() = %v, want it to list test-fixed", summarize.Names())
	}
	if !slices.IsSorted(summarize.Names()) {
		t.Errorf("Names() = %v, not sorted", summarize.Names())
	}
	if b, err := summarize.Lookup("test-fixed"); err != nil || b.Description != "a canned digest" {
		t.Errorf("Lookup(test-fixed) = %+v, %v; want its row", b, err)
	}
	s, err := summarize.Open("test-fixed", summarize.Config{Takeaways: 2})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Summarize(context.Background(), &article.Article{Paragraphs: []string{"x"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(d.Takeaways); got != 2 {
		t.Errorf("takeaways = %d, want capped at 2", got)
	}
	if d.Region != "Global" {
		t.Errorf("region = %q, want Global for a region outside the taxonomy", d.Region)
	}

	_, err = summarize.Open("no-such-backend", summarize.Config{})
	if !errors.Is(err, summarize.ErrUnknownBackend) || !strings.Contains(err.Error(), "test-fixed") {
		t.Errorf("Open(unknown) error = %v, want ErrUnknownBackend listing the known backends", err)
	}
}

func TestRegisterPanics(t *testing.T) {
	f := func(summarize.Config) (summarize.Summarizer, error) { return fixed{}, nil }
	summarize.Register(summarize.Backend{Name: "test-dup", New: f})
	for _, tt := range []struct {
		name    string
		backend string
		factory summarize.Factory
	}{
		{"empty name", "", f},
		{"nil factory", "test-nil", nil},
		{"duplicate", "test-dup", f},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%q) did not panic", tt.backend)
				}
			}()
			summarize.Register(summarize.Backend{Name: tt.backend, New: tt.factory})
		})
	}
}

func TestCancelledContext(t *testing.T) {
	s, err := summarize.Open("test-dup", summarize.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Summarize(ctx, &article.Article{}); err != context.Canceled {
		t.Errorf("Summarize(cancelled) error = %v, want context.Canceled", err)
	}
}
