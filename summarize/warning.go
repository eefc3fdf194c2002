package summarize

import (
	"encoding/json"
	"strings"
)

// Warning codes: what a check dropped or changed in a digest, or why the
// digest is not the chosen backend's own.
const (
	// WarnQuoteDropped: a quote did not occur in the article, or its
	// speaker is not named there.
	WarnQuoteDropped = "quote_dropped"
	// WarnRoleDropped: a speaker's role is not given in the article.
	WarnRoleDropped = "role_dropped"
	// WarnRegionIgnored: the backend's region is not in the taxonomy.
	WarnRegionIgnored = "region_ignored"
	// WarnFallback: the model failed and the fallback backend wrote the
	// digest (an offline digest).
	WarnFallback = "llm_fallback"
	// WarnUsageEstimated: the server reported no token counts.
	WarnUsageEstimated = "usage_estimated"
	// WarnTakeawayUngrounded: a takeaway names a number, date or name the
	// article does not hold.
	WarnTakeawayUngrounded = "takeaway_ungrounded"
	// WarnPromptTruncated: the server read far fewer prompt tokens than
	// were sent, so it cut the article.
	WarnPromptTruncated = "prompt_truncated"
	// WarnAnswerCut: the model's answer hit the output limit.
	WarnAnswerCut = "answer_cut"
)

// Warning is one thing a digest's checks dropped or changed. In JSON it
// is the single string "code: detail", as it always was.
type Warning struct {
	Code   string
	Detail string
}

// Warnf returns the warning code with its detail.
func Warnf(code, detail string) Warning { return Warning{Code: code, Detail: detail} }

// String returns "code: detail", or whichever of the two is set.
func (w Warning) String() string {
	if w.Code == "" {
		return w.Detail
	}
	if w.Detail == "" {
		return w.Code
	}
	return w.Code + ": " + w.Detail
}

// MarshalJSON writes the warning as its String.
func (w Warning) MarshalJSON() ([]byte, error) { return json.Marshal(w.String()) }

// UnmarshalJSON reads "code: detail" (see ParseWarning).
func (w *Warning) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*w = ParseWarning(s)
	return nil
}

// ParseWarning splits "code: detail" into a Warning; a string without a
// code-like prefix (lower-case letters and "_") is all detail.
func ParseWarning(s string) Warning {
	code, detail, ok := strings.Cut(s, ":")
	if !ok {
		code, detail = s, ""
	}
	if code == "" || strings.ContainsFunc(code, func(r rune) bool { return !(r == '_' || r >= 'a' && r <= 'z') }) {
		return Warning{Detail: s}
	}
	return Warning{Code: code, Detail: strings.TrimSpace(detail)}
}

// Has reports whether d carries a warning with the given code.
func (d *Digest) Has(code string) bool {
	for _, w := range d.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

// Count returns how many of d's warnings have the given code.
func (d *Digest) Count(code string) int {
	n := 0
	for _, w := range d.Warnings {
		if w.Code == code {
			n++
		}
	}
	return n
}

// Warn appends a warning to d.
func (d *Digest) Warn(code, detail string) {
	d.Warnings = append(d.Warnings, Warning{Code: code, Detail: detail})
}
