package prompt

import "strings"

// contextWindows lists known models' context windows by name prefix,
// longest prefixes first within a family. For Ollama the figure is what
// brief asks the server to allocate at most (num_ctx), kept modest
// because the server reserves memory for all of it.
var contextWindows = map[string][]struct {
	prefix string
	tokens int
}{
	"openai": {
		{"gpt-4.1", 1047576}, {"gpt-5", 400000}, {"gpt-4o", 128000}, {"gpt-4-turbo", 128000},
		{"o1", 200000}, {"o3", 200000}, {"o4", 200000}, {"gpt-4", 8192}, {"gpt-3.5-turbo", 16385},
		{"claude", 200000}, {"llama-3", 131072}, {"llama3", 131072}, {"mistral", 32768},
		{"mixtral", 32768}, {"qwen", 32768}, {"gemma", 8192}, {"deepseek", 65536},
	},
	"anthropic": {{"claude", 200000}},
	"ollama": {
		{"llama3.1", 32768}, {"llama3.2", 32768}, {"llama3.3", 32768}, {"llama3", 8192}, {"llama2", 4096},
		{"qwen", 32768}, {"mistral", 32768}, {"mixtral", 32768}, {"gemma3", 32768}, {"gemma", 8192},
		{"phi4", 16384}, {"phi3", 4096}, {"deepseek", 32768},
	},
}

// DefaultContextTokens is the context assumed for a model brief does not
// know.
const DefaultContextTokens = 8192

// ContextTokens returns the context window brief plans for with the given
// backend and model: the known model's, else DefaultContextTokens.
// Provider prefixes such as "openai/" (OpenRouter) are ignored.
func ContextTokens(backend, model string) int {
	m := strings.ToLower(model)
	if i := strings.LastIndexByte(m, '/'); i >= 0 {
		m = m[i+1:]
	}
	best, bestLen := DefaultContextTokens, 0
	for _, w := range contextWindows[backend] {
		if strings.HasPrefix(m, w.prefix) && len(w.prefix) > bestLen {
			best, bestLen = w.tokens, len(w.prefix)
		}
	}
	return best
}
