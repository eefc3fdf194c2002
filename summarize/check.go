package summarize

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
)

// Checked wraps s so that every digest it returns keeps the contract:
// quotes occur in the article (see VerifyQuotes), at most cfg.MaxQuotes
// quotes and cfg.Takeaways takeaways, and a region from the taxonomy.
func Checked(s Summarizer, cfg Config) Summarizer {
	if c, ok := s.(*checked); ok {
		return c
	}
	return &checked{inner: s, cfg: cfg}
}

type checked struct {
	inner Summarizer
	cfg   Config
}

var _ Summarizer = (*checked)(nil)

func (c *checked) Summarize(ctx context.Context, a *article.Article) (*Digest, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, err := c.inner.Summarize(ctx, a)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, fmt.Errorf("summarize: backend returned no digest")
	}
	Enforce(a, d, c.cfg)
	return d, nil
}

// Enforce applies the contract to d in place: it verifies quotes against a,
// caps takeaways and quotes, drops empty takeaways and normalizes the
// region against the taxonomy. Dropped items are recorded in d.Warnings.
func Enforce(a *article.Article, d *Digest, cfg Config) {
	VerifyQuotes(a, d)
	var ts []string
	for _, t := range d.Takeaways {
		if t = strings.TrimSpace(t); t != "" {
			ts = append(ts, t)
		}
	}
	if n := cfg.TakeawayCount(); len(ts) > n {
		ts = ts[:n]
	}
	d.Takeaways = ts
	if d.Takeaways == nil {
		d.Takeaways = []string{}
	}
	if cfg.MaxQuotes > 0 && len(d.Quotes) > cfg.MaxQuotes {
		d.Quotes = d.Quotes[:cfg.MaxQuotes]
	}
	if d.Quotes == nil {
		d.Quotes = []Quote{}
	}
	tax := cfg.TaxonomyOrDefault()
	if d.Country != "" {
		if r := tax.RegionOf(d.Country); r != "" {
			d.Region = r
		}
	}
	if !tax.Has(d.Region) {
		if d.Region != "" {
			d.Warnings = append(d.Warnings, fmt.Sprintf("region_ignored: %q is not in the taxonomy", d.Region))
		}
		d.Region = region.Global
	}
	if d.Countries == nil {
		d.Countries = []string{}
	}
	if d.Warnings == nil {
		d.Warnings = []string{}
	}
}

// VerifyQuotes removes from d every quote whose text does not occur in the
// article after normalization (quotation marks, apostrophes, dashes,
// whitespace and case), and every quote whose speaker is not named in the
// article. A role that does not occur in the article is dropped. Each
// removal is counted in d.Warnings.
func VerifyQuotes(a *article.Article, d *Digest) {
	src := Normalize(a.Title + "\n" + a.Text())
	kept := d.Quotes[:0]
	for _, q := range d.Quotes {
		if !containsQuote(src, q.Text) {
			d.Warnings = append(d.Warnings, fmt.Sprintf("quote_dropped: not in article: %q", clip(q.Text, 60)))
			continue
		}
		if q.Speaker != "" && !strings.Contains(src, Normalize(q.Speaker)) {
			d.Warnings = append(d.Warnings, fmt.Sprintf("quote_dropped: speaker %q not in article", clip(q.Speaker, 40)))
			continue
		}
		if q.Role != "" && !strings.Contains(src, Normalize(q.Role)) {
			d.Warnings = append(d.Warnings, fmt.Sprintf("role_dropped: %q not in article", clip(q.Role, 40)))
			q.Role = ""
		}
		if q.Status == "" {
			q.Status = "verified"
		}
		kept = append(kept, q)
	}
	d.Quotes = kept
}

// containsQuote reports whether the normalized source holds quote. An
// ellipsis may join fragments that each occur, in order.
func containsQuote(src, quote string) bool {
	q := Normalize(quote)
	if strings.Trim(q, " .") == "" {
		return false
	}
	if strings.Contains(src, q) {
		return true
	}
	parts := strings.Split(strings.ReplaceAll(q, "…", "..."), "...")
	if len(parts) < 2 {
		return false
	}
	pos, found := 0, 0
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		i := strings.Index(src[pos:], p)
		if i < 0 {
			return false
		}
		pos += i + len(p)
		found++
	}
	return found > 0
}

// Normalize folds quotation marks, apostrophes and dashes to ASCII,
// collapses whitespace and lowercases s, for comparing quotes with their
// source. Leading and trailing punctuation that quoting adds or removes
// (quotation marks, commas, periods) is trimmed.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '“', '”', '„', '‟', '«', '»', '″', '‹', '›':
			r = '"'
		case '‘', '’', '‚', '‛', '′', '`', '´':
			r = '\''
		case '–', '—', '‒', '―', '−', '‐', '‑':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Trim(b.String(), "\"' ,.")
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
