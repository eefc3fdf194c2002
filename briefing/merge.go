package briefing

import (
	"strings"

	"github.com/brief-news/brief/summarize"
)

// What a merged story keeps from its other sources. The story shows its
// richest digest; from each other source, most detailed first, it adds
// the takeaways that carry a fact the reader has not seen yet, and the
// quotes of speakers not yet quoted. A takeaway carries a new fact when
// it has a name or number not in what is shown (the shown digest's
// takeaways and quotes, and what was added before it) and enough of its
// content words are new too, or when most of its content words are new.
// So "37 ships were waiting" from a third outlet adds nothing, while "the
// union wants a 7% wage increase" from the second does.
const (
	extraTakeaways = 2    // new-fact takeaways kept per other source
	extraQuotes    = 1    // new-speaker quotes kept per other source
	newWithName    = 0.6  // share of new content words, with a new name or number
	newWords       = 0.75 // share of new content words, without one
	newWordsMin    = 4    // and at least this many new content words
)

// known is what a story already shows: the hashes of its names and
// numbers and of its content-word stems, and its speakers.
type known struct {
	names, stems map[uint64]bool
	speakers     map[string]bool
	tz           tokenizer
}

func newKnown(d *summarize.Digest) *known {
	k := &known{names: map[uint64]bool{}, stems: map[uint64]bool{}, speakers: map[string]bool{}}
	for _, t := range d.Takeaways {
		k.add(t)
	}
	for _, q := range d.Quotes {
		k.add(q.Text)
		k.addSpeaker(q.Speaker)
	}
	return k
}

func (k *known) add(text string) {
	for _, h := range appendNames(nil, text) {
		k.names[h] = true
	}
	_, stems := k.tz.appendWords(nil, nil, text)
	for _, h := range stems {
		k.stems[h] = true
	}
}

func (k *known) addSpeaker(s string) {
	if s = speakerKey(s); s != "" {
		k.speakers[s] = true
	}
}

// speakerKey is a speaker's name as compared: lower case, single spaces.
func speakerKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// novel reports whether text carries a fact k lacks.
func (k *known) novel(text string) bool {
	newName := false
	for _, h := range appendNames(nil, text) {
		if !k.names[h] {
			newName = true
			break
		}
	}
	_, stems := k.tz.appendWords(nil, nil, text)
	stems = sortedUnique(stems)
	if len(stems) == 0 {
		return false
	}
	fresh := 0
	for _, h := range stems {
		if !k.stems[h] {
			fresh++
		}
	}
	share := float64(fresh) / float64(len(stems))
	return newName && share >= newWithName || fresh >= newWordsMin && share >= newWords
}

// additions fills in what each other source of a story adds to the
// digest shown: srcs and their digests are in the same order.
func additions(shown *summarize.Digest, srcs []Source, digests []*summarize.Digest) {
	k := newKnown(shown)
	for i, d := range digests {
		for _, t := range d.Takeaways {
			if len(srcs[i].Takeaways) == extraTakeaways {
				break
			}
			if strings.TrimSpace(t) != "" && k.novel(t) {
				srcs[i].Takeaways = append(srcs[i].Takeaways, t)
				k.add(t)
			}
		}
		for _, q := range d.Quotes {
			if len(srcs[i].Quotes) == extraQuotes {
				break
			}
			key := speakerKey(q.Speaker)
			if key == "" || k.speakers[key] || strings.TrimSpace(q.Text) == "" {
				continue
			}
			srcs[i].Quotes = append(srcs[i].Quotes, q)
			k.addSpeaker(q.Speaker)
			k.add(q.Text)
		}
	}
}
