package summarize

import (
	"context"
	"log/slog"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
)

// Quote is a statement quoted in an article, attributed to a speaker.
type Quote struct {
	// Text is the quoted words exactly as the article prints them.
	Text string `json:"text"`
	// Speaker is the person or organisation quoted, as named in the article.
	Speaker string `json:"speaker"`
	// Role is the speaker's role or title as the article gives it, if any.
	Role string `json:"role,omitempty"`
	// Paragraph is the index of the paragraph the quote starts in.
	Paragraph int `json:"paragraph"`
	// Kind is "direct" (in quotation marks), "mixed" (a reported clause
	// with a quoted fragment) or "reported" (no quotation marks).
	Kind string `json:"kind,omitempty"`
	// Status is "verified" when Text occurs in the article as given, or
	// "repaired" when it was replaced by the closest exact source span.
	Status string `json:"status,omitempty"`
	// Translation is a model's rendering of Text in the briefing's
	// language (--language); Text itself always stays verbatim.
	Translation string `json:"translation,omitempty"`
	// Confidence is how sure the backend is of Speaker, from 0 to 1: near
	// 1 for a person named in the quote's own attribution, lower for a
	// speaker carried from the context, an organisation or no speaker.
	// It is 0 when the backend gives none.
	Confidence float64 `json:"confidence,omitempty"`
}

// Usage counts model calls and tokens spent on one digest.
type Usage struct {
	Calls            int `json:"calls,omitempty"`
	PromptTokens     int `json:"prompt_tokens,omitempty"`
	CompletionTokens int `json:"completion_tokens,omitempty"`
}

// Digest is what a backend makes of one article.
type Digest struct {
	Takeaways []string `json:"takeaways"`
	Quotes    []Quote  `json:"quotes"`
	// Country is the primary country (ISO 3166 alpha-2), "" if none.
	Country string `json:"country,omitempty"`
	// Countries lists every country the article is about, primary first.
	Countries []string `json:"countries"`
	// Region is the briefing section, from the taxonomy ("Global" if none).
	Region string `json:"region"`
	// RegionEvidence says which evidence decided the region.
	RegionEvidence string `json:"region_evidence,omitempty"`
	Backend        string `json:"backend"`
	Model          string `json:"model,omitempty"`
	Usage          Usage  `json:"usage,omitzero"`
	// Warnings records what the checks dropped or changed, and why a
	// digest is not the backend's own (see Warning).
	Warnings []Warning `json:"warnings"`
}

// Summarizer turns an article into a digest. Implementations must honour
// ctx cancellation and return an error wrapping ctx.Err() when cancelled.
type Summarizer interface {
	Summarize(ctx context.Context, a *article.Article) (*Digest, error)
}

// Config is what every backend factory receives. Zero values are valid and
// mean "backend default".
type Config struct {
	// Model names the model; "" picks the backend's default.
	Model string
	// Takeaways is how many takeaways to write; 0 means 3.
	Takeaways int
	// MaxQuotes caps the quotes in a digest; 0 means no limit.
	MaxQuotes int
	// Taxonomy maps countries to regions; nil means region.Default().
	Taxonomy *region.Taxonomy
	// Language is the language takeaways and roles are written in, as a
	// BCP 47 tag or an English name ("de", "German"); "" means the
	// article's own. Quotes always stay verbatim.
	Language string
	// Logger receives debug traces; nil discards them.
	Logger *slog.Logger
	// Method selects an alternative algorithm where a backend has several
	// (the extractive backend knows "lead" for the Lead-N baseline).
	Method string
	// Settings holds a backend's own settings: a model backend takes an
	// llm.Config here. nil means the backend's defaults.
	Settings any
}

// DefaultTakeaways is the number of takeaways when Config.Takeaways is 0.
const DefaultTakeaways = 3

// TakeawayCount returns the configured number of takeaways.
func (c Config) TakeawayCount() int {
	if c.Takeaways <= 0 {
		return DefaultTakeaways
	}
	return c.Takeaways
}

// TaxonomyOrDefault returns the configured taxonomy or region.Default().
func (c Config) TaxonomyOrDefault() *region.Taxonomy {
	if c.Taxonomy == nil {
		return region.Default()
	}
	return c.Taxonomy
}

// Log returns the configured logger, or one that discards everything.
func (c Config) Log() *slog.Logger {
	if c.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Logger
}
