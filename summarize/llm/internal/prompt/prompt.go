package prompt

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
)

// The lines that enclose the article data in a user message.
const (
	BeginData = "BEGIN ARTICLE DATA"
	EndData   = "END ARTICLE DATA"
)

// DefaultQuotes is how many quotes the prompt asks for when
// Options.MaxQuotes is 0 (no cap).
const DefaultQuotes = 5

// maxCandidates bounds the candidate quotes offered in one request.
const maxCandidates = 40

// DefaultTemplate is the prompt, prompt.tmpl; --prompt-template
// redefines its blocks.
//
//go:embed prompt.tmpl
var DefaultTemplate string

// blockNames are the templates a prompt template may define.
var blockNames = []string{"system", "user", "combine", "repair"}

// Options configure a Builder. Zero values mean the defaults noted.
type Options struct {
	// Template overrides blocks of prompt.tmpl; "" uses it as is.
	Template string
	// Takeaways is how many takeaways to ask for; 0 means 3.
	Takeaways int
	// MaxQuotes caps the quotes asked for; 0 means DefaultQuotes.
	MaxQuotes int
	// Taxonomy gives the regions; nil means region.Default().
	Taxonomy *region.Taxonomy
	// ContextTokens is the model's context window; 0 means 8192.
	ContextTokens int
	// MaxOutputTokens is the room kept for the answer; 0 means an amount
	// from the takeaways and quotes asked for.
	MaxOutputTokens int
	// Candidates finds candidate quotes; nil offers none.
	Candidates func(*article.Article) []summarize.Quote
	// Language is the language takeaways and roles are written in; ""
	// means the article's.
	Language string
	// Logger receives an Info line when an article is split; nil discards.
	Logger *slog.Logger
	// Learn, if set, is told the context a server turned out to have
	// when it cut a prompt, so that later articles are planned for it.
	Learn func(contextTokens int)
	// Record, if set, is given every request sent for an article, with
	// the reply or the error, and how long it took.
	Record func(a *article.Article, req Request, reply Reply, err error, took time.Duration)
}

// Builder renders requests and reads answers. It is safe for concurrent
// use.
type Builder struct {
	tmpl    *template.Template
	opts    Options
	tax     *region.Taxonomy
	schema  json.RawMessage
	regions []string
	logger  *slog.Logger
}

// New parses the prompt template (the default, with Options.Template's
// blocks on top) and checks that every block renders.
func New(o Options) (*Builder, error) {
	if o.Takeaways <= 0 {
		o.Takeaways = summarize.DefaultTakeaways
	}
	if o.MaxQuotes <= 0 {
		o.MaxQuotes = DefaultQuotes
	}
	if o.ContextTokens <= 0 {
		o.ContextTokens = 8192
	}
	if o.MaxOutputTokens <= 0 {
		o.MaxOutputTokens = max(1024, 400+150*o.Takeaways+120*o.MaxQuotes)
	}
	b := &Builder{opts: o, tax: o.Taxonomy, logger: o.Logger}
	if b.tax == nil {
		b.tax = region.Default()
	}
	if b.logger == nil {
		b.logger = slog.New(slog.DiscardHandler)
	}
	b.regions = b.tax.Order()
	b.schema = Schema(b.regions)
	t, err := parseTemplates(o.Template)
	if err != nil {
		return nil, err
	}
	b.tmpl = t
	// Render every block once so that a broken override fails at start.
	for _, name := range blockNames {
		if _, err := b.render(name, Data{Parts: 2, Part: 1, Data: "{}", Problem: "example"}); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func parseTemplates(override string) (*template.Template, error) {
	funcs := template.FuncMap{"join": strings.Join}
	t, err := template.New("prompt.tmpl").Funcs(funcs).Parse(DefaultTemplate)
	if err != nil {
		return nil, fmt.Errorf("prompt template: %w", err)
	}
	if override == "" {
		return t, nil
	}
	probe, err := template.New("override").Funcs(funcs).Parse(override)
	if err != nil {
		return nil, fmt.Errorf("prompt template: %w", err)
	}
	defines := false
	for _, name := range blockNames {
		if probe.Lookup(name) != nil {
			defines = true
		}
	}
	if !defines {
		return nil, fmt.Errorf("prompt template: defines none of the blocks %s", strings.Join(blockNames, ", "))
	}
	if _, err := t.New("override").Parse(override); err != nil {
		return nil, fmt.Errorf("prompt template: %w", err)
	}
	return t, nil
}

// Data is what the template blocks see.
type Data struct {
	// Takeaways and MaxQuotes are how many of each to ask for.
	Takeaways, MaxQuotes int
	// Regions are the taxonomy's sections, Global last.
	Regions []string
	// Schema is the answer's JSON schema.
	Schema string
	// Data is the JSON block with the article (or part digests).
	Data string
	// Part and Parts number the parts of a split article (Parts 1: whole).
	Part, Parts int
	// HasCandidates is true when the data lists candidate quotes.
	HasCandidates bool
	// Problem says what was wrong with the answer (repair block only).
	Problem string
	// Language is the language to write takeaways and roles in; "" means
	// the article's own.
	Language string
}

func (b *Builder) render(name string, d Data) (string, error) {
	d.Takeaways, d.MaxQuotes, d.Regions, d.Schema = b.opts.Takeaways, b.opts.MaxQuotes, b.regions, string(b.schema)
	d.Language = b.opts.Language
	var buf bytes.Buffer
	if err := b.tmpl.ExecuteTemplate(&buf, name, d); err != nil {
		return "", fmt.Errorf("prompt template %s: %w", name, err)
	}
	return strings.TrimSpace(buf.String()), nil
}

// Block is the JSON data given to the model between BeginData and EndData.
type Block struct {
	Title      string      `json:"title,omitempty"`
	Site       string      `json:"site,omitempty"`
	Published  string      `json:"published,omitempty"`
	Dateline   string      `json:"dateline,omitempty"`
	Paragraphs []Paragraph `json:"paragraphs,omitempty"`
	// PartDigests holds the parts' answers when combining a split article.
	PartDigests []PartDigest `json:"part_digests,omitempty"`
	Candidates  []Candidate  `json:"candidate_quotes"`
	Want        Want         `json:"want"`
}

// Paragraph is one paragraph of the article, with its id ("P1", …).
type Paragraph struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// index is the paragraph's position in the article.
	index int
}

// Candidate is a quote the model may pick by id.
type Candidate struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Speaker   string `json:"speaker,omitempty"`
	Role      string `json:"role,omitempty"`
	Paragraph string `json:"paragraph,omitempty"`
	quote     summarize.Quote
}

// PartDigest is the answer for one part of a split article.
type PartDigest struct {
	Part      int      `json:"part"`
	Takeaways []string `json:"takeaways"`
	Countries []string `json:"countries,omitempty"`
	Quotes    []string `json:"quote_ids,omitempty"`
}

// Want repeats in the data how many takeaways and quotes are asked for.
type Want struct {
	Takeaways int `json:"takeaways"`
	MaxQuotes int `json:"max_quotes"`
}

// ParseBlock finds the data block in a user message (for fake servers
// and tests).
func ParseBlock(msg string) (*Block, bool) {
	i := strings.Index(msg, BeginData+"\n")
	if i < 0 {
		return nil, false
	}
	rest := msg[i+len(BeginData)+1:]
	j := strings.LastIndex(rest, "\n"+EndData)
	if j < 0 {
		return nil, false
	}
	var b Block
	if err := json.Unmarshal([]byte(rest[:j]), &b); err != nil {
		return nil, false
	}
	return &b, true
}

// encodeBlock writes b as JSON with one paragraph, quote or part digest a
// line: readable, and cheaper in tokens than indenting every field.
// json.Marshal escapes "<", ">" and "&", so article text cannot imitate
// markup around the block, and newlines, so it cannot end the block.
func encodeBlock(b *Block) (string, error) {
	var out strings.Builder
	out.WriteString("{")
	first := true
	field := func(name string, v any) error {
		raw, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("encode article data: %w", err)
		}
		if !first {
			out.WriteString(",")
		}
		first = false
		fmt.Fprintf(&out, "\n %q: %s", name, raw)
		return nil
	}
	list := func(name string, n int, item func(i int) any) error {
		if !first {
			out.WriteString(",")
		}
		first = false
		fmt.Fprintf(&out, "\n %q: [", name)
		for i := range n {
			raw, err := json.Marshal(item(i))
			if err != nil {
				return fmt.Errorf("encode article data: %w", err)
			}
			if i > 0 {
				out.WriteString(",")
			}
			out.WriteString("\n  ")
			out.Write(raw)
		}
		if n > 0 {
			out.WriteString("\n ")
		}
		out.WriteString("]")
		return nil
	}
	for _, f := range []struct{ name, v string }{{"title", b.Title}, {"site", b.Site}, {"published", b.Published}, {"dateline", b.Dateline}} {
		if f.v != "" {
			if err := field(f.name, f.v); err != nil {
				return "", err
			}
		}
	}
	var err error
	if len(b.Paragraphs) > 0 {
		err = errors.Join(err, list("paragraphs", len(b.Paragraphs), func(i int) any { return b.Paragraphs[i] }))
	}
	if len(b.PartDigests) > 0 {
		err = errors.Join(err, list("part_digests", len(b.PartDigests), func(i int) any { return b.PartDigests[i] }))
	}
	err = errors.Join(err, list("candidate_quotes", len(b.Candidates), func(i int) any { return b.Candidates[i] }))
	err = errors.Join(err, field("want", b.Want))
	if err != nil {
		return "", err
	}
	out.WriteString("\n}")
	return out.String(), nil
}

func (b *Builder) baseBlock(a *article.Article) Block {
	blk := Block{Title: a.Title, Site: a.Site, Dateline: a.Dateline,
		Want: Want{Takeaways: b.opts.Takeaways, MaxQuotes: b.opts.MaxQuotes}}
	if !a.Published.IsZero() {
		blk.Published = a.Published.Format("2006-01-02")
	}
	return blk
}

// digestRequest asks for the digest of paras (a part when parts > 1).
func (b *Builder) digestRequest(a *article.Article, paras []Paragraph, cands []Candidate, part, parts int) (Request, error) {
	blk := b.baseBlock(a)
	blk.Paragraphs = paras
	blk.Candidates = cands
	if blk.Candidates == nil {
		blk.Candidates = []Candidate{}
	}
	purpose := "digest"
	if parts > 1 {
		purpose = fmt.Sprintf("part %d/%d", part, parts)
	}
	return b.request(purpose, "user", &blk, Data{Part: part, Parts: parts})
}

// combineRequest asks for the digest of a split article from its parts'.
func (b *Builder) combineRequest(a *article.Article, parts []PartDigest, cands []Candidate, total int) (Request, error) {
	blk := b.baseBlock(a)
	blk.PartDigests = parts
	blk.Candidates = cands
	if blk.Candidates == nil {
		blk.Candidates = []Candidate{}
	}
	return b.request("combine", "combine", &blk, Data{Part: 0, Parts: total})
}

func (b *Builder) request(purpose, block string, blk *Block, d Data) (Request, error) {
	data, err := encodeBlock(blk)
	if err != nil {
		return Request{}, err
	}
	d.Data = data
	d.HasCandidates = len(blk.Candidates) > 0
	sys, err := b.render("system", d)
	if err != nil {
		return Request{}, err
	}
	user, err := b.render(block, d)
	if err != nil {
		return Request{}, err
	}
	msgs := []Message{{Role: "system", Content: sys}, {Role: "user", Content: user}}
	return Request{Purpose: purpose, Messages: msgs, Estimate: b.estimate(msgs)}, nil
}

// repairRequest continues req with the unusable reply and a request to
// answer again.
func (b *Builder) repairRequest(req Request, reply, problem string) (Request, error) {
	text, err := b.render("repair", Data{Problem: problem, Parts: 1})
	if err != nil {
		return Request{}, err
	}
	msgs := append(slices.Clone(req.Messages),
		Message{Role: "assistant", Content: reply},
		Message{Role: "user", Content: text})
	return Request{Purpose: req.Purpose + " (repair)", Messages: msgs, Estimate: b.estimate(msgs)}, nil
}

func (b *Builder) estimate(msgs []Message) Estimate {
	return Estimate{PromptTokens: EstimateTokens(msgs), MaxOutputTokens: b.opts.MaxOutputTokens}
}

// EstimateTokens estimates the prompt tokens of msgs: a quarter of their
// bytes (for English text about a token per four characters; for scripts
// with multi-byte letters it errs high, which is the safe side), plus a
// few tokens of framing per message.
func EstimateTokens(msgs []Message) int {
	n := 3
	for _, m := range msgs {
		n += 4 + (len(m.Content)+3)/4
	}
	return n
}

// MaxOutputTokens is the room the builder keeps for an answer.
func (b *Builder) MaxOutputTokens() int { return b.opts.MaxOutputTokens }

// ContextTokens is the context window the builder plans for.
func (b *Builder) ContextTokens() int { return b.opts.ContextTokens }

// candidates numbers the article's candidate quotes Q1, Q2, …
func (b *Builder) candidates(a *article.Article) []Candidate {
	if b.opts.Candidates == nil {
		return nil
	}
	qs := b.opts.Candidates(a)
	var out []Candidate
	for _, q := range qs {
		if strings.TrimSpace(q.Text) == "" {
			continue
		}
		if len(out) == maxCandidates {
			break
		}
		c := Candidate{ID: fmt.Sprintf("Q%d", len(out)+1), Text: q.Text, Speaker: q.Speaker, Role: q.Role, quote: q}
		if q.Paragraph >= 0 && q.Paragraph < len(a.Paragraphs) {
			c.Paragraph = paragraphID(q.Paragraph)
		}
		out = append(out, c)
	}
	return out
}

func paragraphID(i int) string { return fmt.Sprintf("P%d", i+1) }

// paragraphs numbers the article's non-empty paragraphs.
func paragraphs(a *article.Article) []Paragraph {
	var out []Paragraph
	for i, p := range a.Paragraphs {
		if strings.TrimSpace(p) == "" {
			continue
		}
		out = append(out, Paragraph{ID: paragraphID(i), Text: p, index: i})
	}
	return out
}
