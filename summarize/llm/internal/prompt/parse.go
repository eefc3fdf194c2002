package prompt

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Answer is a model's answer as parsed, before it is checked against the
// article.
type Answer struct {
	Takeaways []string
	Quotes    []AnswerQuote
	Country   string
	Countries []string
	Region    string
}

// AnswerQuote is one quote in an answer: a candidate's id, or text the
// model copied out.
type AnswerQuote struct {
	ID, Speaker, Role, Text string
	// Translation is the quote in the briefing's language, if the model
	// gave one.
	Translation string
}

// ErrNoJSON is returned by Parse when a reply holds no JSON object.
var ErrNoJSON = errors.New("prompt: no JSON object in the reply")

var (
	thinkRe  = regexp.MustCompile(`(?s)<think(?:ing)?>.*?</think(?:ing)?>`)
	commaRe  = regexp.MustCompile(`,(\s*[}\]])`)
	bulletRe = regexp.MustCompile(`^\s*(?:[-*•]|\d+[.)])\s+`)
)

// maxObjects bounds the JSON objects Parse tries in one reply.
const maxObjects = 64

// Parse reads an answer from a model's reply. It is tolerant of what
// models do around JSON: reasoning in <think> tags, Markdown fences,
// prose before or after, trailing commas, a single string where a list
// belongs, other key spellings. It fails when no JSON object with
// takeaways can be found. Its time is linear in the reply's length: the
// brackets are matched in one pass, and the objects it tries to decode
// add up to a few times the reply.
func Parse(reply string) (*Answer, error) {
	reply = thinkRe.ReplaceAllString(reply, "")
	ends := matchBraces(reply)
	budget := 4*len(reply) + 1<<20 // bytes the decoder may be given in all
	tried := 0
	var firstErr error
	for i := 0; i < len(reply) && tried < maxObjects && budget > 0; i++ {
		if reply[i] != '{' {
			continue
		}
		end := int(ends[i])
		if end == -2 {
			continue
		}
		if end < 0 {
			// An object that never closes: perhaps the answer was cut
			// off. Nothing after i can close either.
			if firstErr == nil {
				firstErr = errors.New("prompt: the JSON object in the reply is not closed (answer cut off?)")
			}
			break
		}
		tried++
		budget -= end - i
		obj, err := decodeObject(reply[i:end])
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		ans, ok := fromObject(obj)
		if ok {
			return ans, nil
		}
		// An object without takeaways may be nested inside the answer
		// (e.g. a quote); keep scanning from inside it.
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, ErrNoJSON
}

// matchBraces returns, for each '{' of s, the index just past the '}'
// that closes it: -1 when it never closes, -2 when a ']' closes it. Other
// indexes hold 0. Strings are skipped from the first '{' on; one pass.
func matchBraces(s string) []int32 {
	ends := make([]int32, len(s))
	var stack []int
	inStr, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
			continue
		}
		switch c {
		case '"':
			if len(stack) > 0 {
				inStr = true
			}
		case '{', '[':
			stack = append(stack, i)
		case '}', ']':
			if len(stack) == 0 {
				continue
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if s[open] != '{' {
				continue
			}
			if c == '}' {
				ends[open] = int32(i + 1)
			} else {
				ends[open] = -2
			}
		}
	}
	for _, open := range stack {
		if s[open] == '{' {
			ends[open] = -1
		}
	}
	return ends
}

func decodeObject(s string) (map[string]any, error) {
	var obj map[string]any
	err := json.Unmarshal([]byte(s), &obj)
	if err == nil {
		return obj, nil
	}
	if !strings.Contains(s, ",") {
		return nil, fmt.Errorf("prompt: reply is not valid JSON: %w", err)
	}
	fixed := commaRe.ReplaceAllString(s, "$1")
	if err2 := json.Unmarshal([]byte(fixed), &obj); err2 == nil {
		return obj, nil
	}
	return nil, fmt.Errorf("prompt: reply is not valid JSON: %w", err)
}

// field returns the value of the first key of obj that matches one of
// names, ignoring case, "_", "-" and spaces.
func field(obj map[string]any, names ...string) (any, bool) {
	for _, n := range names {
		for k, v := range obj {
			if squash(k) == n {
				return v, true
			}
		}
	}
	return nil, false
}

func squash(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', ' ':
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

func fromObject(obj map[string]any) (*Answer, bool) {
	// An answer wrapped in one more object ({"digest": {...}}).
	if len(obj) == 1 {
		for _, v := range obj {
			if inner, ok := v.(map[string]any); ok {
				if ans, ok := fromObject(inner); ok {
					return ans, true
				}
			}
		}
	}
	tv, ok := field(obj, "takeaways", "keytakeaways", "takeaway", "keypoints", "points", "bullets", "summary")
	if !ok {
		return nil, false
	}
	ans := &Answer{Takeaways: strList(tv, true)}
	if qv, ok := field(obj, "quotes", "quotations", "keyquotes", "expertquotes"); ok {
		ans.Quotes = quoteList(qv)
	}
	if cv, ok := field(obj, "country", "primarycountry", "countrycode", "maincountry"); ok {
		ans.Country = str(cv)
	}
	if cv, ok := field(obj, "countries", "countrycodes"); ok {
		ans.Countries = strList(cv, false)
	}
	if rv, ok := field(obj, "region", "section"); ok {
		ans.Region = str(rv)
	}
	return ans, true
}

// str returns v as a trimmed string ("" for non-strings, except numbers).
func str(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case float64:
		return strings.TrimSpace(fmt.Sprint(t))
	case map[string]any:
		if x, ok := field(t, "text", "code", "name", "value"); ok {
			return str(x)
		}
	}
	return ""
}

// strList reads a list of strings; a single string becomes a list, split
// into lines when lines is set (a bulleted block).
func strList(v any, lines bool) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(bulletRe.ReplaceAllString(s, ""))
		if s != "" {
			out = append(out, s)
		}
	}
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			add(str(x))
		}
	case string:
		if lines {
			for _, l := range strings.Split(t, "\n") {
				add(l)
			}
		} else {
			for _, p := range strings.Split(t, ",") {
				add(p)
			}
		}
	}
	return out
}

func quoteList(v any) []AnswerQuote {
	items, ok := v.([]any)
	if !ok {
		return nil
	}
	var out []AnswerQuote
	for _, it := range items {
		switch t := it.(type) {
		case string:
			if s := strings.TrimSpace(t); s != "" {
				out = append(out, AnswerQuote{Text: s})
			}
		case map[string]any:
			var q AnswerQuote
			if x, ok := field(t, "id", "quoteid", "candidateid", "candidate"); ok {
				q.ID = str(x)
			}
			if x, ok := field(t, "speaker", "name", "who", "person", "attribution", "by"); ok {
				q.Speaker = str(x)
			}
			if x, ok := field(t, "role", "title", "affiliation", "position"); ok {
				q.Role = str(x)
			}
			if x, ok := field(t, "text", "quote", "quotation", "statement"); ok {
				q.Text = str(x)
			}
			if x, ok := field(t, "translation", "translated"); ok {
				q.Translation = str(x)
			}
			if q.ID != "" || q.Text != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// maxTakeawayChars is the longest takeaway an answer may hold; the
// prompt asks for at most 30 words.
const maxTakeawayChars = 500

// Validate reports what makes an answer unusable, in words fit for a
// repair request, or nil.
func (a *Answer) Validate() error {
	if len(a.Takeaways) == 0 {
		return errors.New(`"takeaways" is missing or empty`)
	}
	for i, t := range a.Takeaways {
		if len(t) > maxTakeawayChars {
			return fmt.Errorf("takeaway %d is %d characters long; each must be one sentence of at most 30 words", i+1, len(t))
		}
	}
	return nil
}
