package extractive

import (
	"context"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
)

// Name is the backend's registered name.
const Name = "extractive"

func init() {
	summarize.Register(summarize.Backend{Name: Name, Description: "offline: ranked sentences and rule-based quotes, no key, no network",
		New: func(cfg summarize.Config) (summarize.Summarizer, error) { return New(cfg) }})
}

// Backend is the extractive summarizer.
type Backend struct {
	cfg summarize.Config
}

var _ summarize.Summarizer = (*Backend)(nil)

// New returns an extractive backend. cfg.Method "lead" selects the Lead-N
// baseline for takeaways instead of the ranker.
func New(cfg summarize.Config) (*Backend, error) {
	return &Backend{cfg: cfg}, nil
}

// Summarize digests a without any network access.
func (b *Backend) Summarize(ctx context.Context, a *article.Article) (*summarize.Digest, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := b.cfg.TakeawayCount()
	all := Quotes(a)
	quotes := Select(all, b.cfg.MaxQuotes)
	if len(quotes) == 0 && b.cfg.MaxQuotes > 0 {
		quotes = mixedFallback(all, a.Language)
	}
	var takeaways []string
	if b.cfg.Method == "lead" {
		takeaways = Lead(a, n)
	} else {
		// A takeaway that repeats a quote shown below it says nothing new.
		shown := make([]string, len(quotes))
		for i, q := range quotes {
			shown[i] = q.Text
		}
		takeaways = TakeawaysBesides(a, n, shown)
	}
	reg := region.Detect(a, b.cfg.TaxonomyOrDefault())
	return &summarize.Digest{
		Takeaways:      takeaways,
		Quotes:         quotes,
		Country:        reg.Country,
		Countries:      reg.Countries,
		Region:         reg.Region,
		RegionEvidence: reg.Evidence,
		Backend:        Name,
	}, nil
}
