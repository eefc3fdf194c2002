package llm

import (
	"encoding/json"
	"strconv"

	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm/internal/prompt"
)

// CacheKeyParts are what a model digest depends on besides the article,
// the backend and the model (see summarize.CacheKey): server, prompt,
// takeaways and quotes asked for, context, taxonomy, language, sampling
// and the grounding policy. A change to any of them asks the model again.
func CacheKeyParts(sc summarize.Config, c Config) []string {
	tax, _ := json.Marshal(sc.TaxonomyOrDefault())
	seed, ok := c.seed()
	if !ok {
		seed = -1
	}
	return []string{
		"llm-digest-v2", c.BaseURL, prompt.DefaultTemplate, c.PromptTemplate,
		strconv.Itoa(sc.TakeawayCount()), strconv.Itoa(sc.MaxQuotes), strconv.Itoa(c.ContextTokens), string(tax),
		sc.Language, strconv.FormatFloat(c.Temperature, 'g', -1, 64), strconv.Itoa(seed), strconv.FormatBool(c.KeepUngrounded),
	}
}
