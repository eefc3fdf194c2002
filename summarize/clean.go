package summarize

import "github.com/brief-news/brief/internal/textsafe"

// Clean returns s safe to print on a terminal and in every output format
// (see internal/textsafe): invalid UTF-8 becomes U+FFFD; control
// characters (terminal escapes among them), bidirectional overrides and
// invisible characters are removed; tabs and line breaks become spaces.
func Clean(s string) string { return textsafe.Line(s) }

// CleanDigest applies Clean to every string of d: what a backend wrote,
// or what an imported archive row holds.
func CleanDigest(d *Digest) {
	for i, t := range d.Takeaways {
		d.Takeaways[i] = Clean(t)
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		q.Text, q.Speaker, q.Role, q.Kind, q.Translation = Clean(q.Text), Clean(q.Speaker), Clean(q.Role), Clean(q.Kind), Clean(q.Translation)
	}
	d.Country, d.Region, d.RegionEvidence = Clean(d.Country), Clean(d.Region), Clean(d.RegionEvidence)
	d.Backend, d.Model = Clean(d.Backend), Clean(d.Model)
	for i, c := range d.Countries {
		d.Countries[i] = Clean(c)
	}
	for i, w := range d.Warnings {
		d.Warnings[i] = Warning{Code: Clean(w.Code), Detail: Clean(w.Detail)}
	}
}
