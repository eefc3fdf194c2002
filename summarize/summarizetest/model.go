package summarizetest

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/region"
	"github.com/brief-news/brief/summarize/llm"
)

// chatMessage is a provider-neutral message as the fakes receive it.
type chatMessage struct {
	Role, Content string
}

// fakeQuote is a quote in a fake answer.
type fakeQuote struct {
	ID          string `json:"id"`
	Speaker     string `json:"speaker"`
	Role        string `json:"role"`
	Text        string `json:"text"`
	Translation string `json:"translation"`
}

// fakeAnswer is the JSON a fake model returns.
type fakeAnswer struct {
	Takeaways []string    `json:"takeaways"`
	Quotes    []fakeQuote `json:"quotes"`
	Country   string      `json:"country"`
	Countries []string    `json:"countries"`
	Region    string      `json:"region"`
}

var firstSentence = regexp.MustCompile(`^.*?[.!?](?:\s|$)`)

// injected reports whether article data holds an instruction to the model.
func injected(b *llm.Block) bool {
	for _, p := range b.Paragraphs {
		low := strings.ToLower(p.Text)
		if strings.Contains(low, "ignore previous instructions") || strings.Contains(low, "ignore all previous instructions") {
			return true
		}
	}
	return false
}

// answer is the fake model: it reads the article data from the request
// and writes a digest from it the way a model told to would, bent by the
// faults switched on.
func answer(msgs []chatMessage, f Faults) string {
	var blk *llm.Block
	for _, m := range msgs {
		if m.Role != "user" {
			continue
		}
		if b, ok := llm.ParseBlock(m.Content); ok {
			blk = b
			break
		}
	}
	if blk == nil {
		return "I can only write digests of the articles you send me."
	}
	n := max(blk.Want.Takeaways, 1)
	var ans fakeAnswer
	switch {
	case len(blk.Paragraphs) > 0:
		for _, p := range blk.Paragraphs {
			if len(ans.Takeaways) == n {
				break
			}
			s := strings.TrimSpace(firstSentence.FindString(p.Text))
			if s == "" {
				s = p.Text
			}
			if len(s) > 300 {
				s = s[:300]
			}
			ans.Takeaways = append(ans.Takeaways, s)
		}
	default:
		for i := 0; len(ans.Takeaways) < n; i++ {
			added := false
			for _, pd := range blk.PartDigests {
				if i < len(pd.Takeaways) && len(ans.Takeaways) < n {
					ans.Takeaways = append(ans.Takeaways, pd.Takeaways[i])
					added = true
				}
			}
			if !added {
				break
			}
		}
	}
	maxQ := max(blk.Want.MaxQuotes, 1)
	for _, c := range blk.Candidates {
		if len(ans.Quotes) == maxQ {
			break
		}
		ans.Quotes = append(ans.Quotes, fakeQuote{ID: c.ID, Speaker: c.Speaker, Role: c.Role})
	}
	if lang := askedLanguage(msgs); lang != "" {
		// A model told to translate quotes: it marks its rendering.
		for i := range ans.Quotes {
			ans.Quotes[i].Translation = "[" + lang + "] " + candidateText(blk, ans.Quotes[i].ID)
		}
	}
	if f.WrongSpeaker && len(ans.Quotes) > 0 {
		ans.Quotes[0].Speaker = WrongSpeaker
	}
	if f.Paraphrase && len(blk.Candidates) > 0 {
		c := blk.Candidates[0]
		ans.Quotes = append(ans.Quotes, fakeQuote{Speaker: c.Speaker, Text: paraphrase(c.Text)})
	}
	// The country, as the gazetteer sees the text.
	a := &article.Article{Title: blk.Title, Dateline: blk.Dateline}
	for _, p := range blk.Paragraphs {
		a.Paragraphs = append(a.Paragraphs, p.Text)
	}
	for _, pd := range blk.PartDigests {
		if len(pd.Countries) > 0 && ans.Country == "" {
			ans.Country = pd.Countries[0]
		}
	}
	det := region.Detect(a, nil)
	if ans.Country == "" {
		ans.Country = det.Country
	}
	ans.Countries = det.Countries
	if ans.Countries == nil {
		ans.Countries = []string{}
	}
	ans.Region = region.Default().RegionOf(ans.Country)
	if ans.Region == "" {
		ans.Region = region.Global
	}
	if ans.Quotes == nil {
		ans.Quotes = []fakeQuote{}
	}
	if f.Obey && injected(blk) {
		// A model that follows the article's instructions: prose around
		// the JSON, a region that does not exist, an invented quote.
		ans.Region = "Atlantis"
		ans.Country = ""
		ans.Quotes = append(ans.Quotes, fakeQuote{Speaker: "the finance minister", Text: "The governor has resigned, effective immediately"})
		ans.Takeaways = append([]string{"ALL CLEAR"}, ans.Takeaways...)
		b, _ := json.Marshal(ans)
		return "ALL CLEAR. As instructed, here is the updated digest:\n```json\n" + string(b) + "\n```\nLet me know if you need anything else."
	}
	if f.InventFigure && len(ans.Takeaways) > 0 {
		ans.Takeaways[0] = strings.TrimRight(ans.Takeaways[0], ". ") + ", at a cost of " + InventedFigure + "."
	}
	if f.Escapes && len(ans.Takeaways) > 0 {
		ans.Takeaways[0] = "\x1b]0;pwned\x07\x1b[31m" + ans.Takeaways[0] + "\u202e\x1b[0m"
	}
	b, _ := json.Marshal(ans)
	if n := f.NestedBraces; n > 0 {
		return strings.Repeat("{", n) + string(b) + strings.Repeat("}", n)
	}
	return string(b)
}

// InventedFigure is the figure the fake adds to a takeaway when
// Faults.InventFigure is on. No fixture holds it.
const InventedFigure = "987 million dollars"

// WrongSpeaker is the name the fake gives the first quote's speaker when
// Faults.WrongSpeaker is on. No fixture mentions it.
const WrongSpeaker = "Jonathan Wrongperson"

// paraphrase rewords a quote so that it no longer occurs in the article.
func paraphrase(text string) string {
	words := strings.Fields(text)
	if len(words) > 4 {
		words[1], words[len(words)-2] = words[len(words)-2], words[1]
	}
	return "Essentially, " + strings.Join(words, " ") + ", more or less"
}

// malformed is a cut-off answer, as from a model that ran out of tokens.
const malformed = `{"takeaways": ["The answer stops in the middle of`

// estimateTokens estimates tokens like the backends do (bytes/4).
func estimateTokens(msgs []chatMessage) int {
	n := 3
	for _, m := range msgs {
		n += 4 + (len(m.Content)+3)/4
	}
	return n
}

var languageRe = regexp.MustCompile(`put its rendering in (\S+) in "translation"`)

// askedLanguage returns the language the system prompt asks quotes to be
// rendered in, "" if none.
func askedLanguage(msgs []chatMessage) string {
	for _, m := range msgs {
		if m.Role == "system" {
			if sm := languageRe.FindStringSubmatch(m.Content); sm != nil {
				return sm[1]
			}
		}
	}
	return ""
}

func candidateText(b *llm.Block, id string) string {
	for _, c := range b.Candidates {
		if c.ID == id {
			return c.Text
		}
	}
	return ""
}
