package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tQuote // a whole quotation-mark segment, masked
)

// token is a word, a punctuation mark, or a masked quote segment.
type token struct {
	kind       tokKind
	start, end int    // byte offsets in the paragraph
	text       string // the word or mark; "" for a quote
	lower      string // lowercase text
	seg        int    // segment index, for tQuote
	upper      bool   // a word starting with an uppercase letter
}

// para is one paragraph, tokenized with its quotes masked.
type para struct {
	text  string
	segs  []segment
	toks  []token
	sents [][2]int // token ranges [from, to)
	lang  string   // "fr", "de", "es" or "pt" when the article is in one of them, else ""
	// attrs holds the sentences that are only the attribution of the
	// quote closing the sentence before: “Y?” Trump said, smiling.
	attrs map[int]bool
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$' || r == '%' || r == '@' || r == '#' || r == '&'
}

// inWordMark reports whether r, straight after a letter, stays in the
// word: a combining accent ("Jose\u0301") or a Latin-1 symbol or control
// of mis-decoded text ("FranÃ\u0083Â§ois"), never a quotation mark or
// Spanish opening punctuation.
func inWordMark(r rune) bool {
	if unicode.Is(unicode.Mn, r) {
		return true
	}
	return r >= 0x80 && r <= 0xBF && r != '«' && r != '»' && r != '¡' && r != '¿' && r != '\u00a0' && r != '·'
}

// tokenize splits p.text into tokens, one tQuote token per segment.
func (p *para) tokenize() {
	s := p.text
	si := 0
	p.toks = make([]token, 0, len(s)/5)
	// one lowercase copy of the paragraph serves every word, when folding
	// keeps byte offsets
	low := strings.ToLower(s)
	if len(low) != len(s) {
		low = ""
	}
	for i := 0; i < len(s); {
		if si < len(p.segs) && i >= p.segs[si].start {
			sg := p.segs[si]
			if p.nickname(sg) {
				// Marcia "Cia" Price: a word of the name, no quote
				t := p.text[sg.start:sg.end]
				p.toks = append(p.toks, token{kind: tWord, start: sg.start, end: sg.end, text: t, lower: strings.ToLower(t), upper: true})
			} else {
				p.toks = append(p.toks, token{kind: tQuote, start: sg.start, end: sg.end, seg: si})
			}
			i = sg.end
			si++
			continue
		}
		if c := s[i]; c == ' ' {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			p.toks = append(p.toks, token{kind: tPunct, start: i, end: i + w, text: s[i : i+w], lower: s[i : i+w]})
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			if si < len(p.segs) && j >= p.segs[si].start {
				break
			}
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) || inWordMark(r2) {
				j += w2
				continue
			}
			if r2 == ',' && thousands(s, j) {
				j++ // a thousands separator: "2,000 residents"
				continue
			}
			// inner apostrophes, hyphens and decimal points: O'Sullivan, co-founder, 4.5
			if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				if j+w2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if isWordRune(r3) && (si >= len(p.segs) || j+w2 < p.segs[si].start) {
						j += w2
						continue
					}
				}
			}
			break
		}
		word := s[i:j]
		lw := ""
		if low != "" {
			lw = low[i:j]
		} else {
			lw = strings.ToLower(word)
		}
		p.toks = append(p.toks, token{kind: tWord, start: i, end: j, text: word, lower: lw, upper: unicode.IsUpper(r)})
		i = j
	}
}

// thousands reports whether the comma at s[j] separates thousands in a
// number: a digit before it and exactly three after it ("2,000").
func thousands(s string, j int) bool {
	if j == 0 || j+3 >= len(s) || s[j-1] < '0' || s[j-1] > '9' {
		return false
	}
	for k := j + 1; k <= j+3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return j+4 >= len(s) || s[j+4] < '0' || s[j+4] > '9'
}

// nickname reports whether segment sg holds a nickname inside a name:
// one capitalized word in marks between two capitalized words, as in
// Marcia "Cia" Price or Earvin “Magic” Johnson.
func (p *para) nickname(sg segment) bool {
	if sg.open || sg.contd || sg.in1-sg.in0 > 16 || sg.start < 2 || sg.end+2 > len(p.text) {
		return false
	}
	in := p.text[sg.in0:sg.in1]
	r, _ := utf8.DecodeRuneInString(in)
	if !unicode.IsUpper(r) || strings.IndexFunc(in, func(c rune) bool { return !unicode.IsLetter(c) && c != '.' && c != '-' }) >= 0 {
		return false
	}
	if p.text[sg.start-1] != ' ' || p.text[sg.end] != ' ' {
		return false
	}
	b, _ := utf8.DecodeLastRuneInString(p.text[:sg.start-1])
	a, _ := utf8.DecodeRuneInString(p.text[sg.end+1:])
	if !unicode.IsLetter(b) || !unicode.IsUpper(a) {
		return false
	}
	// the word before is capitalized: the first name
	w := strings.LastIndexFunc(p.text[:sg.start-1], func(c rune) bool { return !unicode.IsLetter(c) })
	f, _ := utf8.DecodeRuneInString(p.text[w+1:])
	return unicode.IsUpper(f)
}

// quoteEndsSentence reports whether segment g's text ends with terminal
// punctuation.
func (p *para) quoteEndsSentence(g int) bool {
	sg := p.segs[g]
	inner := strings.TrimRight(p.text[sg.in0:sg.in1], " '’\"”)")
	if inner == "" {
		return false
	}
	switch inner[len(inner)-1] {
	case '.', '!', '?':
		return true
	}
	return strings.HasSuffix(inner, "…")
}

// startsSentence reports whether token t can begin a sentence.
func startsSentence(t token) bool {
	switch t.kind {
	case tQuote:
		return true
	case tWord:
		if t.upper {
			return true
		}
		r, _ := utf8.DecodeRuneInString(t.text)
		return unicode.IsDigit(r)
	}
	switch t.text {
	case "(", "[", "—", "―", "-":
		return true
	}
	return false
}

// split divides the tokens into sentences. A period inside a quote never
// ends a sentence; a quote that ends with terminal punctuation does when
// an uppercase word or another quote follows.
func (p *para) split() {
	p.sents = p.sents[:0]
	from := 0
	n := len(p.toks)
	for i := 0; i < n; i++ {
		t := p.toks[i]
		end := false
		switch t.kind {
		case tPunct:
			switch t.text {
			case ".", "!", "?", "…":
				if i+1 == n {
					end = true
					break
				}
				nx := p.toks[i+1]
				if nx.kind == tPunct && (nx.text == ")" || nx.text == "]") {
					break
				}
				if !startsSentence(nx) {
					break
				}
				if t.text == "." && i > 0 {
					pw := p.toks[i-1]
					if pw.kind == tWord && pw.end == t.start && (abbreviations[pw.text] || utf8.RuneCountInString(pw.text) == 1 && pw.upper) {
						break
					}
					if p.lang == "de" && pw.kind == tWord && pw.end == t.start && ordinalDay(pw.text) && deMonths[nx.lower] {
						break // "am 30. März": a German date
					}
				}
				end = true
			}
		case tQuote:
			if i > from && p.dashNameBefore(i) {
				// “A.” ― Sonya Herridge “B.” ― Pamela Padilla
				p.sents = append(p.sents, [2]int{from, i})
				from = i
			}
			if i+1 < n && p.quoteEndsSentence(t.seg) {
				nx := p.toks[i+1]
				if nx.kind == tQuote || nx.kind == tWord && nx.upper && !speechVerbs[nx.lower] {
					end = true
				}
			}
		}
		if end {
			p.sents = append(p.sents, [2]int{from, i + 1})
			from = i + 1
		}
	}
	if from < n {
		p.sents = append(p.sents, [2]int{from, n})
	}
}

// dashNameBefore reports whether quote token i follows a dash attribution
// of an earlier quote: “A.” ― Name “B.”
func (p *para) dashNameBefore(i int) bool {
	k := i - 1
	for k >= 0 && (p.isNameTok(k) || p.isPunct(k, ".")) {
		k--
	}
	if k == i-1 || k < 1 || !p.isPunct(k, "―—–") {
		return false
	}
	return p.toks[k-1].kind == tQuote
}
