package article

import (
	"regexp"
	"strings"
	"unicode"
)

// Foreign matter: lines that a CMS puts inside the article's container but
// that are not the article — reading-time labels, "More on X:" leads into
// link lists, newsletter and subscription promos, syndication and
// copyright notes, comment policies. They are recognised by what they say,
// in the common languages of the web, and only as short paragraphs, so a
// story that discusses newsletters keeps its sentences.

var (
	// readingTime matches "4 Min Read", "Lesezeit: 3 Minuten", "5 minutes de lecture".
	readingTime = regexp.MustCompile(`(?i)^(?:(?:ca\.\s*)?\d+\s*(?:-\s*\d+\s*)?(?:min\.?|mins|minutes?|minuten|minutos|minuti)\s*(?:read|reading|lesezeit|lesen|de lecture|de lectura|di lettura)?|(?:lesezeit|lesedauer|reading time|read time|temps de lecture|tiempo de lectura|tempo di lettura|czas czytania)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min\.?|mins|minutes?|minuten|minutos|minuti)?)\.?$`)
	// seeAlso matches a label that leads into a list of other stories.
	seeAlso = regexp.MustCompile(`(?i)^(?:more on|more from|more about|more in|more stories|related stories|related articles|related coverage|related content|recommended|you may also like|you might also like|read next|read more about|also read|see also|mehr zu|mehr zum|mehr themen|mehr aus|mehr von|mehr über|weitere artikel|weitere themen|weiterlesen|lesen sie auch|lesen sie mehr|auch interessant|(?:das|dies|das thema|dieser artikel) könnte (?:sie|dich|euch) (?:auch )?interessieren|passend zum thema|zum thema|verwandte artikel|ähnliche artikel|à lire aussi|lire aussi|voir aussi|sur le même sujet|ver también|lee también|leer más|te puede interesar|notas relacionadas|noticias relacionadas|artículos relacionados|leggi anche|potrebbe interessarti|articoli correlati|czytaj też|czytaj także|zobacz też|zobacz także|lees ook|meer over|läs också|les også|læs også|verwandte themen(?:bereiche)?|weiterführende(?:r)? links?|weitere informationen zum thema|alle artikel zu|upcoming events|kommende (?:events|termine|veranstaltungen)|further reading|external links?)\b[^.!?]{0,60}$`)
	// promoLine matches promos, syndication, copyright and comment-policy
	// notes.
	promoLine = regexp.MustCompile(`(?i)(?:sign up for (?:our|the) .{0,40}newsletter|subscribe to (?:our|the) .{0,40}newsletter|newsletter abonnieren|zum newsletter anmelden|für unseren newsletter|abonnez-vous à (?:notre|la) newsletter|inscrivez-vous à (?:notre|la) newsletter|suscríbete a (?:nuestro|el) (?:newsletter|boletín)|iscriviti alla (?:nostra )?newsletter|to view the full story|to continue reading|already a subscriber|subscribe now to|this (?:post|article|story|piece) (?:was )?(?:originally|first) (?:appeared|published)|(?:originally|first) (?:appeared|published) (?:on|in|at) [^.]{0,60}\.?$|dieser (?:artikel|beitrag|text) erschien zuerst|der beitrag erschien zuerst|is the copyrighted property of|written permission must be obtained|all rights reserved\.?$|alle rechte vorbehalten\.?$|tous droits réservés\.?$|todos los derechos reservados\.?$|comments are moderated|email address will not be published|(?:log ?in|sign in|register) to (?:post a )?comment|you must be logged in to post a comment|um kommentare zu schreiben|registrieren sie sich und halten sie sich an|zapraszamy (?:też )?do subskrypcji|der beitrag wurde am .{5,60} veröffentlicht und wurde unter|this entry was posted (?:on|in) .{5,80} (?:bookmark|follow|responses)|war (?:der|dieser) artikel (?:hilfreich|nützlich)|was this article helpful|möchten sie (?:den|diesen) artikel teilen|share this (?:article|story|post)(?: on| with|:|$))`)
)

// commentsHead matches the heading that opens a comment section.
var commentsHead = regexp.MustCompile(`(?i)^(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze|reacties|leave a (?:reply|comment)|post a comment|add a comment|join the (?:conversation|discussion)|schreibe(?:n sie)? einen kommentar|kommentar schreiben|laisser un commentaire|deja un comentario|lascia un commento|dodaj komentarz)(?:\s*\(\d+\))?\s*:?$`)

// cutComments ends the article at a comment section's heading in its last
// half: what follows is the readers', or the form to join them.
func cutComments(ps []para) []para {
	for i := len(ps) / 2; i < len(ps); i++ {
		if i > 0 && ps[i].runes <= 40 && commentsHead.MatchString(strings.TrimSpace(ps[i].text)) {
			return ps[:i]
		}
	}
	return ps
}

// trimTail drops one-word lines left at the end of the text ("drukuj",
// "RIRM", "Print"): buttons and labels, not sentences.
func trimTail(ps []para) []para {
	for len(ps) > 1 {
		t := ps[len(ps)-1].text
		if ps[len(ps)-1].runes > 12 || strings.ContainsAny(t, " .!?") || strings.IndexFunc(t, unicode.IsLetter) < 0 {
			break
		}
		ps = ps[:len(ps)-1]
	}
	return ps
}

// serverError matches a PHP warning printed into the page.
var serverError = regexp.MustCompile(`^(?:Warning|Notice|Deprecated|Strict Standards|Fatal error|Parse error): .{5,300} in /.{3,200} on line \d+`)

// foreignLine reports a short paragraph that is page furniture rather than
// article text.
func foreignLine(p para) bool {
	if p.runes > 600 {
		return false
	}
	if serverError.MatchString(p.text) {
		return true
	}
	if p.runes > 300 {
		return false
	}
	t := strings.TrimSpace(strings.Trim(p.text, "»›>•·|-–— "))
	if p.runes <= 80 && (strings.ContainsAny(t, "0123456789") && readingTime.MatchString(t) || seeAlso.MatchString(strings.TrimRight(t, ":…. "))) {
		return true
	}
	return promoHint(t) && promoLine.MatchString(t)
}

// promoCues are words one of which every promoLine match contains; most
// paragraphs hold none, and the costly pattern is then not tried.
var promoCues = []string{
	"newsletter", "full story", "continue reading", "subscri", "originally", "first appeared",
	"first published", "erschien", "copyright", "permission", "reserv", "rechte", "comment",
	"kommentar", "email address", "artikel", "article", "log in", "login", "sign in", "register",
	"registrieren", "subskrypcji", "beitrag", "entry was posted",
}

// promoHint reports whether t contains one of the promoCues.
func promoHint(t string) bool {
	l := strings.ToLower(t)
	for _, c := range promoCues {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

// dropRepeats removes a paragraph that repeats text found near it in the
// article (within 20 paragraphs): a pull-quote set off from the body, or a
// box printed twice. Only paragraphs long enough to be sure of are
// compared.
func dropRepeats(ps []para) []para {
	if len(ps) < 3 {
		return ps
	}
	keys := make([]string, len(ps))
	for i, p := range ps {
		if p.runes >= 40 {
			keys[i] = normalizeKey(p.text)
		}
	}
	out := ps[:0]
	for i, p := range ps {
		k := keys[i]
		dup := false
		if len(k) >= 40 {
			// A pull-quote sits near the paragraph it repeats.
			for j := max(0, i-20); j < min(len(keys), i+21); j++ {
				o := keys[j]
				if j == i || len(o) < len(k) {
					continue
				}
				// A repeat of a longer paragraph, or the second copy of an
				// equal one.
				if len(o) > len(k) && strings.Contains(o, k) || o == k && j < i {
					dup = true
					break
				}
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}
