package prompt

import "encoding/json"

// Schema returns the JSON schema of an answer, in the strict form OpenAI's
// structured outputs accept: every property required, no others allowed.
// regions become the enum of "region".
func Schema(regions []string) json.RawMessage {
	str := map[string]any{"type": "string"}
	strs := map[string]any{"type": "array", "items": str}
	s := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"takeaways", "quotes", "country", "countries", "region"},
		"properties": map[string]any{
			"takeaways": strs,
			"quotes": map[string]any{
				"type": "array",
				"items": map[string]any{
					"type":                 "object",
					"additionalProperties": false,
					"required":             []string{"id", "speaker", "role", "text", "translation"},
					"properties": map[string]any{
						"id": str, "speaker": str, "role": str, "text": str, "translation": str,
					},
				},
			},
			"country":   str,
			"countries": strs,
			"region":    map[string]any{"type": "string", "enum": regions},
		},
	}
	b, err := json.Marshal(s)
	if err != nil {
		// Marshalling maps of strings cannot fail.
		return json.RawMessage(`{"type":"object"}`)
	}
	return b
}
