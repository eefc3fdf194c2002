package briefing

import (
	"encoding/json"
	"io"
)

// SchemaVersion is the version of the JSON briefing format. It changes only
// when a field is renamed or removed.
const SchemaVersion = 1

// WriteJSON writes b as indented JSON with "schema_version".
func WriteJSON(w io.Writer, b *Briefing) error {
	v := struct {
		SchemaVersion int `json:"schema_version"`
		*Briefing
	}{SchemaVersion, b}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
