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
// quotes and cfg.Takeaways takeaways, and a region from the taxonomy; and
// so that every string in it is safe to print (see Clean).
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
	CleanDigest(d)
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
			d.Warn(WarnRegionIgnored, fmt.Sprintf("%q is not in the taxonomy", d.Region))
		}
		d.Region = region.Global
	}
	if d.Countries == nil {
		d.Countries = []string{}
	}
	if d.Warnings == nil {
		d.Warnings = []Warning{}
	}
}

// VerifyQuotes holds every quote in d to the article, in place:
//
//   - its text must occur in the article after normalization (quotation
//     marks, apostrophes, dashes, whitespace and case; see Normalize), where
//     an ellipsis may join fragments that each occur, in order. A text that
//     only nearly occurs (a few words changed, added or left out) is
//     replaced by the exact source span and marked "repaired"; any other is
//     dropped;
//   - its speaker, if any, must be named in the article, or it is dropped;
//   - its role must occur in the article near the speaker's name, or the
//     role alone is dropped.
//
// Kept quotes are marked "verified" (or "repaired"). Every drop is
// counted in d.Warnings: "quote_dropped: …" for a quote, "role_dropped: …"
// for a role.
func VerifyQuotes(a *article.Article, d *Digest) {
	if len(d.Quotes) == 0 {
		return
	}
	body := a.Text()
	src := Normalize(a.Title + "\n" + body)
	var idx *wordIndex
	kept := d.Quotes[:0]
	for _, q := range d.Quotes {
		status := "verified"
		if !containsQuote(src, q.Text) {
			if idx == nil {
				idx = newWordIndex(body)
			}
			span, ok := idx.nearest(q.Text)
			if !ok {
				d.Warn(WarnQuoteDropped, fmt.Sprintf("not in article: %q", clip(q.Text, 60)))
				continue
			}
			q.Text = span
			q.Paragraph = strings.Count(body[:strings.Index(body, span)], "\n\n")
			status = "repaired"
		}
		if q.Speaker != "" && !strings.Contains(src, Normalize(q.Speaker)) {
			d.Warn(WarnQuoteDropped, fmt.Sprintf("speaker %q not in article", clip(q.Speaker, 40)))
			continue
		}
		if q.Role != "" && !roleNearName(src, q.Role, q.Speaker) {
			d.Warn(WarnRoleDropped, fmt.Sprintf("%q not given for %q in article", clip(q.Role, 40), clip(q.Speaker, 40)))
			q.Role = ""
		}
		if q.Status != "repaired" {
			q.Status = status
		}
		kept = append(kept, q)
	}
	d.Quotes = kept
}

// roleNear is how close, in bytes of normalized text, a role must stand
// to a mention of its speaker: right after the name ("Mike O'Sullivan, a
// geopolitical analyst") or right before it ("press secretary Josh
// Earnest"), with little between.
const roleNear = 60

// roleNearName reports whether role occurs in the normalized source next
// to a mention of the speaker (the full name or its last word), so a role
// given once stays with later mentions ("O'Sullivan further adds"), but the
// role of someone else nearby does not. Without a speaker, occurring is
// enough.
func roleNearName(src, role, speaker string) bool {
	r := Normalize(role)
	if r == "" {
		return false
	}
	names := []string{}
	if n := Normalize(speaker); n != "" {
		names = append(names, n)
		if f := strings.Fields(n); len(f) > 1 {
			names = append(names, f[len(f)-1])
		}
	}
	for off := 0; ; {
		i := strings.Index(src[off:], r)
		if i < 0 {
			return false
		}
		at := off + i
		if len(names) == 0 {
			return true
		}
		before := src[max(0, at-roleNear):at]
		after := src[at+len(r) : min(len(src), at+len(r)+roleNear)]
		for _, n := range names {
			// the name stands just before the role, or just after it
			if strings.Contains(before, n) || strings.Contains(after, n) {
				return true
			}
		}
		off = at + len(r)
	}
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

// wordIndex maps the words of an article to their byte spans, for finding
// the source span nearest to a quote that is not verbatim.
type wordIndex struct {
	text  string
	words []string // normalized words
	spans [][2]int // byte spans in text
	at    map[string][]int
}

func foldRune(r rune) rune {
	switch r {
	case '’', '‘', '`', '´', '′':
		return '\''
	}
	return unicode.ToLower(r)
}

// wordsOf splits s into normalized words (letters, digits and inner
// apostrophes) with their byte spans.
func wordsOf(s string) ([]string, [][2]int) {
	var ws []string
	var sp [][2]int
	start := -1
	var b strings.Builder
	flush := func(end int) {
		if start >= 0 {
			w := strings.Trim(b.String(), "'")
			if w != "" {
				ws = append(ws, w)
				sp = append(sp, [2]int{start, end})
			}
		}
		start = -1
		b.Reset()
	}
	for i, r := range s {
		r = foldRune(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' && start >= 0 {
			if start < 0 {
				start = i
			}
			b.WriteRune(r)
			continue
		}
		flush(i)
	}
	flush(len(s))
	return ws, sp
}

func newWordIndex(text string) *wordIndex {
	ws, sp := wordsOf(text)
	x := &wordIndex{text: text, words: ws, spans: sp, at: map[string][]int{}}
	for i, w := range ws {
		x.at[w] = append(x.at[w], i)
	}
	return x
}

// minRepairWords is the shortest quote that may be repaired: shorter ones
// are too easy to match by chance.
const minRepairWords = 5

// repairSimilarity is the least word-level similarity (longest common
// subsequence over the longer length) for a repair.
const repairSimilarity = 0.8

// nearest returns the exact source text closest to quote when it differs
// only slightly: most words the same, in the same order.
func (x *wordIndex) nearest(quote string) (string, bool) {
	if strings.Contains(quote, "…") || strings.Contains(quote, "...") {
		return "", false
	}
	qw, _ := wordsOf(quote)
	n := len(qw)
	if n < minRepairWords {
		return "", false
	}
	// each shared word votes for an alignment (source index - quote index)
	votes := map[int]int{}
	for j, w := range qw {
		for _, i := range x.at[w] {
			votes[i-j]++
		}
	}
	best, bestVotes := 0, 0
	for d, v := range votes {
		// a few inserted or dropped words shift the alignment a little
		sum := v
		for k := 1; k <= 3; k++ {
			sum += votes[d-k] + votes[d+k]
		}
		if sum > bestVotes || sum == bestVotes && d < best {
			best, bestVotes = d, sum
		}
	}
	if float64(bestVotes) < repairSimilarity*float64(n) {
		return "", false
	}
	lo, hi := max(0, best-3), min(len(x.words), best+n+3)
	if lo >= hi {
		return "", false
	}
	// trim the window to the first and last words the quote shares with it
	a, b := lcsBounds(x.words[lo:hi], qw)
	if a < 0 {
		return "", false
	}
	win := x.words[lo+a : lo+b+1]
	l := lcs(win, qw)
	if float64(l) < repairSimilarity*float64(max(len(win), n)) {
		return "", false
	}
	start, end := x.spans[lo+a][0], x.spans[lo+b][1]
	span := x.text[start:end]
	if strings.Contains(span, "\n\n") {
		return "", false // a quote does not run across paragraphs here
	}
	return span, true
}

// lcs returns the length of the longest common subsequence of a and b.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// lcsBounds returns the indexes in win of the first and last words that
// start and end a longest common subsequence with q, or -1.
func lcsBounds(win, q []string) (int, int) {
	first, last := -1, -1
	// the window's first word that matches one of the quote's first words,
	// and its last word that matches one of the quote's last words
	head := map[string]bool{}
	tail := map[string]bool{}
	for k := 0; k < len(q) && k < 3; k++ {
		head[q[k]] = true
		tail[q[len(q)-1-k]] = true
	}
	for i, w := range win {
		if head[w] {
			first = i
			break
		}
	}
	for i := len(win) - 1; i >= 0; i-- {
		if tail[win[i]] {
			last = i
			break
		}
	}
	if first < 0 || last < first {
		return -1, -1
	}
	return first, last
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
