package prompt

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
)

// Reply is what a model returned for one request.
type Reply struct {
	Text  string
	Usage summarize.Usage
	// UsageEstimated is true when the server reported no token counts and
	// Usage holds estimates.
	UsageEstimated bool
	// Cut is true when the answer stopped at the output limit
	// (finish_reason "length").
	Cut bool
}

// Send sends one request to the model and returns its reply. Backends
// implement it with their SDK, inside a summarize.Caller.
type Send func(ctx context.Context, req Request) (Reply, error)

// minPartTokens is the least room for article text that makes splitting
// worthwhile; below it the context is too small for the prompt.
const minPartTokens = 200

// session is one article's trip through the model.
type session struct {
	b         *Builder
	a         *article.Article
	src       *source
	send      Send
	usage     summarize.Usage
	estimated bool
	truncated string // what the server cut, "" if nothing
	warnings  []summarize.Warning
}

// Run makes the digest of a: one request when the prompt fits the
// context, else one per paragraph-aligned part and one to combine them.
// An answer that is not usable JSON gets one repair request. Run never
// cuts article text: a paragraph too long for a part is split at
// sentence ends, and a context too small for that is an error.
func (b *Builder) Run(ctx context.Context, a *article.Article, send Send) (*summarize.Digest, error) {
	s := &session{b: b, a: a, src: newSource(a), send: send}
	cands := b.candidates(a)
	limit := b.opts.ContextTokens
	parts, err := b.split(a, cands, limit)
	if err != nil {
		return nil, err
	}
	var ans *Answer
	var final []Candidate
	if len(parts) == 1 {
		req, err := b.digestRequest(a, parts[0], candidatesIn(cands, parts[0]), 1, 1)
		if err != nil {
			return nil, err
		}
		ans, err = s.ask(ctx, req)
		var cle *ContextLengthError
		if errors.As(err, &cle) {
			// The server counts more tokens than the estimate: plan
			// again for what it says it takes, or for two thirds.
			smaller := req.Estimate.PromptTokens*2/3 + b.opts.MaxOutputTokens
			if cle.Limit > 0 && cle.Limit < smaller {
				smaller = cle.Limit * 9 / 10
			}
			b.logger.Info("prompt too long for the model; splitting the article", "id", a.ID, "context", smaller, "err", err)
			if parts, err = b.split(a, cands, smaller); err != nil {
				return nil, err
			}
			if len(parts) == 1 {
				return nil, cle
			}
		} else if err != nil {
			return nil, err
		}
		final = cands
	}
	if len(parts) > 1 {
		b.logger.Info("article longer than the model's context: summarizing in parts, then combining",
			"id", a.ID, "parts", len(parts), "context_tokens", limit)
		ans, final, err = s.parts(ctx, parts, cands)
		var cle *ContextLengthError
		if errors.As(err, &cle) && cle.Limit > 0 && cle.Limit < limit {
			// A part was too long for the server's real context: plan
			// all parts again, once, for what it reported.
			smaller := cle.Limit * 9 / 10
			b.logger.Info("part too long for the model; splitting again", "id", a.ID, "context", smaller, "err", err)
			if parts, err = b.split(a, cands, smaller); err != nil {
				return nil, err
			}
			ans, final, err = s.parts(ctx, parts, cands)
		}
		if err != nil {
			return nil, err
		}
	}
	return s.digest(ans, final), nil
}

// parts digests each part, then combines the parts' digests.
func (s *session) parts(ctx context.Context, parts [][]Paragraph, cands []Candidate) (*Answer, []Candidate, error) {
	var digests []PartDigest
	var picked []Candidate
	pickedIDs := map[string]bool{}
	for i, p := range parts {
		pc := candidatesIn(cands, p)
		req, err := s.b.digestRequest(s.a, p, pc, i+1, len(parts))
		if err != nil {
			return nil, nil, err
		}
		ans, err := s.ask(ctx, req)
		if err != nil {
			return nil, nil, fmt.Errorf("part %d/%d: %w", i+1, len(parts), err)
		}
		pd := PartDigest{Part: i + 1, Takeaways: ans.Takeaways}
		for _, c := range ans.Countries {
			if code := countryCode(c, s.b.tax); code != "" && !slices.Contains(pd.Countries, code) {
				pd.Countries = append(pd.Countries, code)
			}
		}
		if code := countryCode(ans.Country, s.b.tax); code != "" && !slices.Contains(pd.Countries, code) {
			pd.Countries = append([]string{code}, pd.Countries...)
		}
		qs, warns := resolveQuotes(s.src, pc, ans.Quotes)
		s.warnings = append(s.warnings, parseWarnings(warns)...)
		for _, q := range qs {
			c := candidateFor(pc, q)
			if c.ID == "" {
				c.ID = fmt.Sprintf("F%d", len(picked)+1)
			}
			if pickedIDs[c.ID] {
				continue
			}
			pickedIDs[c.ID] = true
			pd.Quotes = append(pd.Quotes, c.ID)
			picked = append(picked, c)
		}
		digests = append(digests, pd)
	}
	ans, err := s.combine(ctx, digests, picked, len(parts))
	return ans, picked, err
}

// candidateFor returns the candidate q was resolved from, with the
// speaker and role as resolved, or a new candidate for a written-out quote.
func candidateFor(cands []Candidate, q summarize.Quote) Candidate {
	for _, c := range cands {
		if c.quote.Text == q.Text {
			c.Speaker, c.Role, c.quote = q.Speaker, q.Role, q
			return c
		}
	}
	c := Candidate{Text: q.Text, Speaker: q.Speaker, Role: q.Role, quote: q}
	if q.Paragraph >= 0 {
		c.Paragraph = paragraphID(q.Paragraph)
	}
	return c
}

// combine asks for the digest of the whole article from its parts'
// digests. When they do not fit one request, groups of them are combined
// first.
func (s *session) combine(ctx context.Context, digests []PartDigest, cands []Candidate, total int) (*Answer, error) {
	req, err := s.b.combineRequest(s.a, digests, cands, total)
	if err != nil {
		return nil, err
	}
	if s.b.fits(req) || len(digests) <= 2 {
		return s.ask(ctx, req)
	}
	half := len(digests) / 2
	var merged []PartDigest
	for _, group := range [][]PartDigest{digests[:half], digests[half:]} {
		ans, err := s.combine(ctx, group, cands, total)
		if err != nil {
			return nil, err
		}
		pd := PartDigest{Part: group[0].Part, Takeaways: ans.Takeaways}
		if c := countryCode(ans.Country, s.b.tax); c != "" {
			pd.Countries = []string{c}
		}
		for _, q := range ans.Quotes {
			pd.Quotes = append(pd.Quotes, normalizeID(q.ID))
		}
		merged = append(merged, pd)
	}
	return s.combine(ctx, merged, cands, total)
}

// ask sends req and parses the reply, with one repair request when the
// reply is not a usable answer.
func (s *session) ask(ctx context.Context, req Request) (*Answer, error) {
	reply, err := s.sendOne(ctx, req)
	if err != nil {
		return nil, err
	}
	ans, perr := parseValid(reply.Text)
	if perr == nil {
		return ans, nil
	}
	if reply.Cut {
		// The answer ran out of room: ask again with twice the room,
		// rather than repair a cut answer with the same limit.
		longer := req
		longer.Purpose += " (longer answer)"
		longer.Estimate.MaxOutputTokens *= 2
		s.b.logger.Info("model answer cut at the output limit; asking with more room", "id", s.a.ID, "purpose", req.Purpose, "max_tokens", longer.Estimate.MaxOutputTokens)
		if reply, err = s.sendOne(ctx, longer); err != nil {
			return nil, err
		}
		if ans, perr = parseValid(reply.Text); perr == nil {
			return ans, nil
		}
		if reply.Cut {
			return nil, &ResponseError{Err: fmt.Errorf("%s: answer cut at %d tokens twice: %w", req.Purpose, longer.Estimate.MaxOutputTokens, perr)}
		}
	}
	s.b.logger.Info("model answer unusable; asking once more", "id", s.a.ID, "purpose", req.Purpose, "problem", perr)
	rreq, err := s.b.repairRequest(req, clip(reply.Text, 4000), perr.Error())
	if err != nil {
		return nil, err
	}
	reply, err = s.sendOne(ctx, rreq)
	if err != nil {
		return nil, err
	}
	ans, perr2 := parseValid(reply.Text)
	if perr2 != nil {
		return nil, &ResponseError{Err: fmt.Errorf("%s: %w (after one repair request; first: %v)", req.Purpose, perr2, perr)}
	}
	return ans, nil
}

func parseValid(text string) (*Answer, error) {
	ans, err := Parse(text)
	if err != nil {
		return nil, err
	}
	if err := ans.Validate(); err != nil {
		return nil, err
	}
	return ans, nil
}

func (s *session) sendOne(ctx context.Context, req Request) (Reply, error) {
	start := time.Now()
	reply, err := s.send(ctx, req)
	if s.b.opts.Record != nil {
		s.b.opts.Record(s.a, req, reply, err, time.Since(start))
	}
	if err == nil {
		s.b.logger.Debug("model reply", "id", s.a.ID, "purpose", req.Purpose, "prompt_tokens", reply.Usage.PromptTokens,
			"completion_tokens", reply.Usage.CompletionTokens, "cut", reply.Cut, "text", clip(reply.Text, 4000))
	}
	s.usage.Calls += max(reply.Usage.Calls, 1)
	s.usage.PromptTokens += reply.Usage.PromptTokens
	s.usage.CompletionTokens += reply.Usage.CompletionTokens
	if err == nil && reply.UsageEstimated {
		s.estimated = true
	}
	if err == nil && !reply.UsageEstimated && truncatedPrompt(reply.Usage.PromptTokens, req.Estimate.PromptTokens) {
		// The server read far less than was sent: it cut the prompt to
		// its context, and the answer is about a part of the article at
		// best. Plan again for what it read.
		s.truncated = fmt.Sprintf("the server read %d of about %d prompt tokens", reply.Usage.PromptTokens, req.Estimate.PromptTokens)
		if s.b.opts.Learn != nil {
			s.b.opts.Learn(reply.Usage.PromptTokens)
		}
		return reply, &ContextLengthError{Limit: reply.Usage.PromptTokens, Err: errors.New(s.truncated + " (its context is smaller than brief planned for; set --context-tokens)")}
	}
	return reply, err
}

// truncatedPrompt reports a server that read far fewer prompt tokens
// than the estimate of what was sent: under 60%, and 512 or more short.
// Estimates are bytes/4; real tokenizers count about as many for English
// and more for most other scripts.
func truncatedPrompt(read, sent int) bool {
	return read > 0 && read*5 < sent*3 && sent-read >= 512
}

// digest assembles the digest from the final answer.
func (s *session) digest(ans *Answer, cands []Candidate) *summarize.Digest {
	tax := s.b.tax
	quotes, warns := resolveQuotes(s.src, cands, ans.Quotes)
	d := &summarize.Digest{
		Takeaways: ans.Takeaways,
		Quotes:    quotes,
		Usage:     s.usage,
		Warnings:  append(s.warnings, parseWarnings(warns)...),
		Countries: []string{},
	}
	if d.Quotes == nil {
		d.Quotes = []summarize.Quote{}
	}
	country := countryCode(ans.Country, tax)
	for _, c := range append([]string{country}, ans.Countries...) {
		if code := countryCode(c, tax); code != "" && !slices.Contains(d.Countries, code) {
			d.Countries = append(d.Countries, code)
		}
	}
	if country == "" && len(d.Countries) > 0 {
		country = d.Countries[0]
	}
	if country != "" {
		d.Country = country
		d.RegionEvidence = "model: " + region.CountryName(country)
		d.Region = tax.RegionOf(country)
	} else {
		// No country from the model: the gazetteer's evidence decides.
		det := region.Detect(s.a, tax)
		d.Country, d.Region, d.RegionEvidence = det.Country, det.Region, det.Evidence
		if len(det.Countries) > 0 {
			d.Countries = det.Countries
		}
	}
	if d.Region == "" || d.Region == region.Global {
		proposed := strings.TrimSpace(ans.Region)
		switch {
		case proposed == "" || proposed == region.Global:
		case tax.Has(proposed):
			d.Region = proposed
			d.RegionEvidence = "model region"
		default:
			d.Warn(summarize.WarnRegionIgnored, fmt.Sprintf("%q is not in the taxonomy", clip(proposed, 40)))
		}
	}
	if d.Region == "" {
		d.Region = region.Global
	}
	if s.estimated {
		d.Warn(summarize.WarnUsageEstimated, "the server reported no token counts")
	}
	if s.truncated != "" {
		d.Warn(summarize.WarnPromptTruncated, s.truncated+"; the article was sent again in parts")
	}
	if d.Warnings == nil {
		d.Warnings = []summarize.Warning{}
	}
	return d
}

// fits reports whether req leaves room for the answer in the context.
func (b *Builder) fits(req Request) bool {
	return req.Estimate.PromptTokens+b.opts.MaxOutputTokens <= b.usable(b.opts.ContextTokens)
}

// usable is the part of a context window brief plans to fill: a tenth is
// kept back because the estimate is only an estimate.
func (b *Builder) usable(context int) int { return context * 9 / 10 }

// split divides a's paragraphs into parts whose requests fit a context of
// limit tokens; one part when the whole article fits.
func (b *Builder) split(a *article.Article, cands []Candidate, limit int) ([][]Paragraph, error) {
	paras := paragraphs(a)
	if len(paras) == 0 {
		return nil, fmt.Errorf("prompt: article has no text")
	}
	whole, err := b.digestRequest(a, paras, candidatesIn(cands, paras), 1, 1)
	if err != nil {
		return nil, err
	}
	room := b.usable(limit) - b.opts.MaxOutputTokens
	if whole.Estimate.PromptTokens <= room {
		return [][]Paragraph{paras}, nil
	}
	empty, err := b.digestRequest(a, nil, nil, 1, 2)
	if err != nil {
		return nil, err
	}
	avail := room - empty.Estimate.PromptTokens
	if avail < minPartTokens {
		return nil, &ContextLengthError{Limit: limit, Err: fmt.Errorf(
			"a context of %d tokens leaves %d for article text after the prompt and answer; need at least %d",
			limit, max(avail, 0), minPartTokens)}
	}
	var parts [][]Paragraph
	var cur []Paragraph
	used := 0
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, cur)
			cur, used = nil, 0
		}
	}
	for _, p := range paras {
		for _, piece := range splitLong(p, avail/2) {
			cost := paraCost(piece) + candidatesCost(cands, piece)
			if used+cost > avail {
				flush()
			}
			cur = append(cur, piece)
			used += cost
		}
	}
	flush()
	return parts, nil
}

// paraCost estimates a paragraph's tokens in the data block.
func paraCost(p Paragraph) int { return (len(p.Text)+len(p.ID)+40)/4 + 1 }

func candidatesCost(cands []Candidate, p Paragraph) int {
	n := 0
	for _, c := range cands {
		if c.Paragraph == p.ID {
			n += (len(c.Text)+len(c.Speaker)+len(c.Role)+80)/4 + 1
		}
	}
	return n
}

var sentenceEnd = regexp.MustCompile(`[.!?…]["'”’)]*\s+`)

// splitLong splits a paragraph longer than budget tokens at sentence
// ends (and, for a single sentence longer than that, at spaces), keeping
// the paragraph's id on every piece.
func splitLong(p Paragraph, budget int) []Paragraph {
	if paraCost(p) <= budget {
		return []Paragraph{p}
	}
	var sentences []string
	rest := p.Text
	for {
		loc := sentenceEnd.FindStringIndex(rest)
		if loc == nil {
			break
		}
		sentences = append(sentences, rest[:loc[1]])
		rest = rest[loc[1]:]
	}
	if rest != "" {
		sentences = append(sentences, rest)
	}
	maxChars := max(budget*4-len(p.ID)-40, 200)
	var out []Paragraph
	var cur strings.Builder
	emit := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			out = append(out, Paragraph{ID: p.ID, Text: t, index: p.index})
		}
		cur.Reset()
	}
	for _, s := range sentences {
		for len(s) > maxChars {
			cut := strings.LastIndexByte(s[:maxChars], ' ')
			if cut <= 0 {
				cut = maxChars
				for cut < len(s) && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
					cut++
				}
			}
			emit()
			cur.WriteString(s[:cut])
			emit()
			s = s[cut:]
		}
		if cur.Len()+len(s) > maxChars {
			emit()
		}
		cur.WriteString(s)
	}
	emit()
	return out
}

// candidatesIn returns the candidates in the given paragraphs.
func candidatesIn(cands []Candidate, paras []Paragraph) []Candidate {
	if len(cands) == 0 {
		return nil
	}
	ids := map[string]bool{}
	for _, p := range paras {
		ids[p.ID] = true
	}
	var out []Candidate
	for _, c := range cands {
		if c.Paragraph == "" || ids[c.Paragraph] {
			out = append(out, c)
		}
	}
	return out
}

// Preview returns the requests Run would send for a, without sending
// anything. For a split article the combining request depends on the
// parts' answers; it is shown with empty part digests.
func (b *Builder) Preview(a *article.Article) ([]Request, error) {
	cands := b.candidates(a)
	parts, err := b.split(a, cands, b.opts.ContextTokens)
	if err != nil {
		return nil, err
	}
	var reqs []Request
	for i, p := range parts {
		req, err := b.digestRequest(a, p, candidatesIn(cands, p), i+1, len(parts))
		if err != nil {
			return nil, err
		}
		reqs = append(reqs, req)
	}
	if len(parts) > 1 {
		var pds []PartDigest
		for i := range parts {
			pds = append(pds, PartDigest{Part: i + 1, Takeaways: []string{"(answer of part " + fmt.Sprint(i+1) + ")"}})
		}
		req, err := b.combineRequest(a, pds, nil, len(parts))
		if err != nil {
			return nil, err
		}
		reqs = append(reqs, req)
	}
	return reqs, nil
}

// parseWarnings turns "code: detail" strings into warnings.
func parseWarnings(ss []string) []summarize.Warning {
	var out []summarize.Warning
	for _, s := range ss {
		out = append(out, summarize.ParseWarning(s))
	}
	return out
}
