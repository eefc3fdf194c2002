package quote

// reported finds reported speech without quotation marks in paragraph pi:
// "X said (that) …", "…, X said", "according to X, …", "…, according to X".
// Sentences that hold a quote were handled by direct.
func (s *scanner) reported(pi int) {
	p := &s.paras[pi]
	if len(p.segs) > 0 && p.segs[0].start == 0 && p.segs[0].open {
		return // inside a block quote
	}
	for _, sn := range p.sents {
		from, to := sn[0], sn[1]
		hasQuote := false
		for k := from; k < to; k++ {
			if p.toks[k].kind == tQuote {
				hasQuote = true
				break
			}
		}
		if hasQuote || to-from < 5 {
			continue
		}
		if u, ok := s.reportedIn(pi, from, to); ok {
			s.units = append(s.units, u)
		}
	}
}

func (s *scanner) reportedIn(pi, from, to int) (unit, bool) {
	p := &s.paras[pi]
	end := to
	for end > from && p.isPunct(end-1, ".!?") {
		end--
	}
	mk := func(a, b int, sp speaker) (unit, bool) {
		for a < b && p.isPunct(a, ",:;—") {
			a++
		}
		for b > a && p.isPunct(b-1, ",:;—") {
			b--
		}
		if b-a < 4 || words(p.span(a, b)) < 4 {
			return unit{}, false
		}
		return unit{para: pi, tok: a, kind: KindReported, spk: sp,
			parts: [][2]int{{p.toks[a].start, p.toks[b-1].end}}}, true
	}
	// According to X, …
	i := from
	if t, ok := p.word(i); ok && t.lower == "according" {
		if nt, ok := p.word(i + 1); ok && nt.lower == "to" {
			sp, e, ok := p.npAfter(i+2, end, pi)
			if ok && p.isPunct(e, ",") {
				return mk(e+1, end, sp)
			}
			return unit{}, false
		}
	}
	// …, according to X  |  …, X said
	for c := end - 1; c > from+3; c-- {
		if !p.isPunct(c, ",") {
			continue
		}
		if t, ok := p.word(c + 1); ok && t.lower == "according" {
			if nt, ok := p.word(c + 2); ok && nt.lower == "to" {
				if sp, e, ok := p.npAfter(c+3, end, pi); ok && e >= end-2 {
					return mk(from, c, sp)
				}
			}
		}
		if sp, e, ok := s.postAttr(pi, c+1, end); ok && e >= end-5 && sp.kind != spkNone {
			if v := p.toks[e-1]; v.kind == tWord && reportVerbs[v.lower] || sp.kind == spkName {
				return mk(from, c, sp)
			}
		}
		break
	}
	// X said (that) …
	for v := from + 1; v < end && v < from+20; v++ {
		t := p.toks[v]
		if t.kind != tWord {
			if p.isPunct(v, ";") {
				break
			}
			continue
		}
		if !reportVerbs[t.lower] {
			continue
		}
		sp, st, ok := p.npBefore(v-1, from, pi)
		if !ok {
			return unit{}, false
		}
		if st != from && !p.isPunct(st-1, ",") {
			return unit{}, false
		}
		c := v + 1
		if t.lower == "told" || t.lower == "tells" {
			// told reporters (that) …
			for k := c; k < end && k < c+5; k++ {
				if w, ok := p.word(k); ok && w.lower == "that" {
					c = k
					break
				}
			}
		}
		return mk(c, end, sp)
	}
	return unit{}, false
}
