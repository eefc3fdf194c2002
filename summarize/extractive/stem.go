package extractive

// This file holds a Porter (1980) stemmer for English, used to match word
// forms when ranking sentences ("attacks", "attacked", "attacking" → "attack").
// It works in place on a lowercase ASCII byte slice; words with other bytes are
// returned unchanged, which is the right thing for non-English text too.

// stemWord returns the Porter stem of the lowercase word w. Words of up to
// two letters and words containing non-ASCII-letter bytes are returned as is.
func stemWord(w string) string {
	var buf [48]byte
	b := stemBytes(append(buf[:0], w...))
	if string(b) == w {
		return w
	}
	return string(b)
}

// stemBytes stems the lowercase word in b in place and returns the stem,
// which may use b's spare capacity. Words of up to two letters and words
// containing non-ASCII-letter bytes are returned as is.
func stemBytes(b []byte) []byte {
	if len(b) <= 2 || len(b) > 40 {
		return b
	}
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return b
		}
	}
	s := stemmer{b: b}
	s.step1a()
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	return s.b
}

// stemmer is the working state of one stemWord call.
type stemmer struct {
	b []byte
}

// cons reports whether b[i] is a consonant in Porter's sense.
func (s *stemmer) cons(i int) bool {
	switch s.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !s.cons(i-1)
	}
	return true
}

// measure returns m, the number of VC sequences in b[:n].
func (s *stemmer) measure(n int) int {
	m := 0
	prevVowel := false
	for i := 0; i < n; i++ {
		c := s.cons(i)
		if c && prevVowel {
			m++
		}
		prevVowel = !c
	}
	return m
}

// hasVowel reports whether b[:n] contains a vowel.
func (s *stemmer) hasVowel(n int) bool {
	for i := 0; i < n; i++ {
		if !s.cons(i) {
			return true
		}
	}
	return false
}

// doubleCons reports whether b[:n] ends in a double consonant.
func (s *stemmer) doubleCons(n int) bool {
	return n >= 2 && s.b[n-1] == s.b[n-2] && s.cons(n-1)
}

// cvc reports whether b[:n] ends consonant-vowel-consonant where the last
// consonant is not w, x or y (hop, but not snow).
func (s *stemmer) cvc(n int) bool {
	if n < 3 {
		return n == 2 && !s.cons(0) && s.cons(1)
	}
	if !s.cons(n-3) || s.cons(n-2) || !s.cons(n-1) {
		return false
	}
	switch s.b[n-1] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

func (s *stemmer) ends(suffix string) bool {
	n := len(s.b)
	if n < len(suffix) || s.b[n-1] != suffix[len(suffix)-1] {
		return false
	}
	return string(s.b[n-len(suffix):]) == suffix
}

// setTo replaces the last k bytes with r.
func (s *stemmer) setTo(k int, r string) {
	s.b = append(s.b[:len(s.b)-k], r...)
}

func (s *stemmer) step1a() {
	switch {
	case s.ends("sses"):
		s.setTo(2, "")
	case s.ends("ies"):
		if len(s.b) == 4 {
			s.setTo(1, "")
		} else {
			s.setTo(2, "")
		}
	case s.ends("ss"):
	case s.ends("s"):
		s.setTo(1, "")
	}
}

func (s *stemmer) step1b() {
	switch {
	case s.ends("ied"):
		if len(s.b) == 4 {
			s.setTo(1, "")
		} else {
			s.setTo(2, "")
		}
		return
	case s.ends("eed"):
		if s.measure(len(s.b)-3) > 0 {
			s.setTo(1, "")
		}
		return
	}
	switch {
	case s.ends("ed") && s.hasVowel(len(s.b)-2):
		s.setTo(2, "")
	case s.ends("ing") && s.hasVowel(len(s.b)-3):
		s.setTo(3, "")
	default:
		return
	}
	n := len(s.b)
	switch {
	case s.ends("at"), s.ends("bl"), s.ends("iz"):
		s.b = append(s.b, 'e')
	case s.doubleCons(n) && s.b[n-1] != 'l' && s.b[n-1] != 's' && s.b[n-1] != 'z':
		s.b = s.b[:n-1]
	case s.measure(n) == 1 && s.cvc(n):
		s.b = append(s.b, 'e')
	}
}

func (s *stemmer) step1c() {
	n := len(s.b)
	if n > 2 && s.b[n-1] == 'y' && s.cons(n-2) {
		s.b[n-1] = 'i'
	}
}

// stemRule is one suffix rewrite of steps 2–4.
type stemRule struct {
	suffix, repl string
}

var stemStep2 = [...]stemRule{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
	{"izer", "ize"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
	{"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
	{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"},
	{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}, {"fulli", "ful"}, {"logi", "log"},
}

var stemStep3 = [...]stemRule{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

var stemStep4 = [...]string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
	"ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
}

// rules applies the first rule whose suffix matches when the stem before it
// has measure > 0; a matching rule whose condition fails ends the step.
func (s *stemmer) rules(rs []stemRule) bool {
	for _, r := range rs {
		if s.ends(r.suffix) {
			if s.measure(len(s.b)-len(r.suffix)) > 0 {
				s.setTo(len(r.suffix), r.repl)
				return true
			}
			return false
		}
	}
	return false
}

func (s *stemmer) step2() {
	s.rules(stemStep2[:])
}

func (s *stemmer) step3() {
	s.rules(stemStep3[:])
}

func (s *stemmer) step4() {
	for _, suf := range stemStep4 {
		if !s.ends(suf) {
			continue
		}
		n := len(s.b) - len(suf)
		if s.measure(n) > 1 && (suf != "ion" || (n > 0 && (s.b[n-1] == 's' || s.b[n-1] == 't'))) {
			s.b = s.b[:n]
		}
		return
	}
}

func (s *stemmer) step5() {
	n := len(s.b)
	if s.b[n-1] == 'e' {
		m := s.measure(n - 1)
		if m > 1 || (m == 1 && !s.cvc(n-1)) {
			s.b = s.b[:n-1]
			n--
		}
	}
	if n > 1 && s.b[n-1] == 'l' && s.b[n-2] == 'l' && s.measure(n) > 1 {
		s.b = s.b[:n-1]
	}
}
