package llm

import (
	"strings"
)

// Prices are US dollars per million tokens for models whose list price
// is public (checked 2026-11); a config file's prices: section, in the
// same unit, takes precedence. Check your provider's current list: these
// figures only feed cost estimates and --max-cost.
var Prices = map[string]Price{
	"gpt-4o-mini":             {Input: 0.15, Output: 0.60},
	"gpt-4o":                  {Input: 2.50, Output: 10},
	"gpt-4.1":                 {Input: 2, Output: 8},
	"gpt-4.1-mini":            {Input: 0.40, Output: 1.60},
	"gpt-4.1-nano":            {Input: 0.10, Output: 0.40},
	"gpt-5":                   {Input: 1.25, Output: 10},
	"gpt-5-mini":              {Input: 0.25, Output: 2},
	"gpt-5-nano":              {Input: 0.05, Output: 0.40},
	"claude-haiku-4-5":        {Input: 1, Output: 5},
	"claude-sonnet-4-5":       {Input: 3, Output: 15},
	"claude-opus-4-1":         {Input: 15, Output: 75},
	"claude-3-5-haiku-latest": {Input: 0.80, Output: 4},
}

// PriceOf returns the price of model: from table first, then Prices. A
// model name with a date suffix ("claude-haiku-4-5-20251001") takes its
// family's price. local backends cost nothing. nil means unknown.
func PriceOf(model string, local bool, table map[string]Price) *Price {
	if local {
		return &Price{}
	}
	for _, t := range []map[string]Price{table, Prices} {
		if p, ok := t[model]; ok {
			return &p
		}
	}
	best := ""
	for name := range Prices {
		if strings.HasPrefix(model, name+"-") && len(name) > len(best) {
			best = name
		}
	}
	if best != "" {
		p := Prices[best]
		return &p
	}
	return nil
}
