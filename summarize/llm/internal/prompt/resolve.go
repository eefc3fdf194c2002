package prompt

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize"
)

// source is an article prepared for checking quotes against it.
type source struct {
	a     *article.Article
	whole string   // normalized title and text
	paras []string // normalized paragraphs
}

func newSource(a *article.Article) *source {
	s := &source{a: a, whole: summarize.Normalize(a.Title + "\n" + a.Text())}
	for _, p := range a.Paragraphs {
		s.paras = append(s.paras, summarize.Normalize(p))
	}
	return s
}

func (s *source) has(text string) bool {
	n := summarize.Normalize(text)
	return n != "" && strings.Contains(s.whole, n)
}

// locate returns the paragraph holding text, or -1.
func (s *source) locate(text string) int {
	n := summarize.Normalize(text)
	if n == "" {
		return -1
	}
	for i, p := range s.paras {
		if strings.Contains(p, n) {
			return i
		}
	}
	// A quote joined with an ellipsis: find its first fragment.
	first := strings.TrimSpace(strings.Split(strings.ReplaceAll(n, "…", "..."), "...")[0])
	if first != "" && first != n {
		for i, p := range s.paras {
			if strings.Contains(p, first) {
				return i
			}
		}
	}
	return -1
}

// near reports whether name, or its last word, occurs in the paragraphs
// around para (two before to one after). A speaker is usually named
// there; one named only far away is likely the wrong one.
func (s *source) near(name string, para int) bool {
	if para < 0 {
		return s.has(name)
	}
	n := summarize.Normalize(name)
	words := strings.Fields(n)
	if len(words) == 0 {
		return false
	}
	last := strings.Trim(words[len(words)-1], ".,;:'\"")
	for i := max(0, para-2); i <= para+1 && i < len(s.paras); i++ {
		if strings.Contains(s.paras[i], n) || (len([]rune(last)) >= 3 && containsWord(s.paras[i], last)) {
			return true
		}
	}
	return false
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		before := j == 0 || !isWordByte(s[j-1])
		after := end == len(s) || !isWordByte(s[end])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 0x80 || b == '-' || unicode.IsLetter(rune(b)) || unicode.IsDigit(rune(b))
}

func sameName(a, b string) bool {
	na, nb := summarize.Normalize(a), summarize.Normalize(b)
	return na != "" && nb != "" && (na == nb || strings.Contains(na, nb) || strings.Contains(nb, na))
}

// normalizeID accepts "Q3", "q3", "3" and "[Q3]".
func normalizeID(id string) string {
	id = strings.ToUpper(strings.Trim(strings.TrimSpace(id), "[]()#"))
	if id != "" && strings.IndexFunc(id, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return "Q" + id
	}
	return id
}

// resolveQuotes turns an answer's quotes into quotes of the article: a
// quote picked by id takes its text from the article (the candidate), a
// quote written out is kept only when it occurs in the article, and every
// speaker must be named in the article near the quote. Everything dropped
// or corrected is described in the returned warnings.
func resolveQuotes(src *source, cands []Candidate, answer []AnswerQuote) (quotes []summarize.Quote, warnings []string) {
	byID := map[string]*Candidate{}
	for i := range cands {
		byID[cands[i].ID] = &cands[i]
	}
	seen := map[string]bool{}
	for _, aq := range answer {
		c := byID[normalizeID(aq.ID)]
		if c == nil && aq.Text != "" {
			c = matchCandidate(cands, aq.Text)
		}
		var q summarize.Quote
		candSpeaker, candRole := "", ""
		switch {
		case c != nil:
			q = c.quote
			candSpeaker, candRole = c.quote.Speaker, c.quote.Role
		case aq.Text != "":
			text, ok := aq.Text, src.has(aq.Text)
			if !ok {
				text, ok = verifiedText(src, aq.Text)
			}
			if !ok {
				warnings = append(warnings, fmt.Sprintf("quote_dropped: not in article: %q", clip(aq.Text, 60)))
				continue
			}
			q = summarize.Quote{Text: text, Paragraph: src.locate(text)}
		default:
			warnings = append(warnings, fmt.Sprintf("quote_dropped: unknown quote id %q", clip(aq.ID, 20)))
			continue
		}
		key := summarize.Normalize(q.Text)
		if seen[key] {
			continue
		}
		speaker, w := pickSpeaker(src, aq.Speaker, candSpeaker, q.Paragraph)
		warnings = append(warnings, w...)
		if speaker == "" {
			warnings = append(warnings, fmt.Sprintf("quote_dropped: no speaker named in the article for %q", clip(q.Text, 60)))
			continue
		}
		q.Speaker = speaker
		q.Role = candRole
		if r := strings.TrimSpace(aq.Role); r != "" {
			if src.has(r) {
				q.Role = r
			} else {
				warnings = append(warnings, fmt.Sprintf("role_dropped: %q not in article", clip(r, 40)))
			}
		}
		if q.Paragraph < 0 {
			q.Paragraph = 0
		}
		if tr := strings.TrimSpace(aq.Translation); tr != "" && summarize.Normalize(tr) != key {
			q.Translation = tr
		}
		seen[key] = true
		quotes = append(quotes, q)
	}
	return quotes, warnings
}

// verifiedText returns the text summarize.VerifyQuotes keeps for a quote
// not found verbatim: the same text when it is fragments of the article
// joined by an ellipsis, or the article's own span when it is a near miss.
// ok is false when VerifyQuotes drops it.
func verifiedText(src *source, text string) (string, bool) {
	d := &summarize.Digest{Quotes: []summarize.Quote{{Text: text}}}
	summarize.VerifyQuotes(src.a, d)
	if len(d.Quotes) != 1 {
		return "", false
	}
	return d.Quotes[0].Text, true
}

// matchCandidate finds the candidate a written-out quote is, if any.
func matchCandidate(cands []Candidate, text string) *Candidate {
	n := summarize.Normalize(text)
	if len(n) < 12 {
		return nil
	}
	for i := range cands {
		cn := summarize.Normalize(cands[i].Text)
		if cn == n || strings.Contains(cn, n) || strings.Contains(n, cn) {
			return &cands[i]
		}
	}
	return nil
}

// pickSpeaker decides who said a quote from the model's answer and the
// candidate's attribution.
func pickSpeaker(src *source, model, cand string, para int) (string, []string) {
	model = strings.TrimSpace(model)
	if model == "" || (cand != "" && sameName(model, cand)) {
		if model != "" && src.has(model) {
			return model, nil
		}
		return cand, nil
	}
	ok := src.has(model) && src.near(model, para)
	if ok {
		return model, nil
	}
	why := "is not named in the article"
	if src.has(model) {
		why = "is not named near the quote"
	}
	if cand != "" {
		return cand, []string{fmt.Sprintf("speaker_corrected: %q %s; using %q", clip(model, 40), why, clip(cand, 40))}
	}
	return "", []string{fmt.Sprintf("speaker_dropped: %q %s", clip(model, 40), why)}
}

// countryCode reads a country from an answer: an alpha-2 code, or a
// country name the taxonomy knows. "" when it is neither.
func countryCode(s string, tax *region.Taxonomy) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	up := strings.ToUpper(s)
	switch up {
	case "UK":
		return "GB"
	case "EL":
		return "GR"
	}
	if len(up) == 2 && up[0] >= 'A' && up[0] <= 'Z' && up[1] >= 'A' && up[1] <= 'Z' {
		return up
	}
	codes := append([]string(nil), tax.Focus...)
	for _, sec := range tax.Sections {
		codes = append(codes, sec.Countries...)
	}
	for _, c := range codes {
		if strings.EqualFold(region.CountryName(c), s) {
			return c
		}
	}
	return ""
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
