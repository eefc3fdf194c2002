// Package quote finds the quotes in an article and attributes each to its
// speaker, with the speaker's role when the article gives one.
//
// Scan runs in stages, each in its own file: find the quote spans
// (marks.go, token.go), find each one's attribution (scan.go, reported.go,
// intl.go), resolve the speaker (speaker.go; org.go: an organisation's
// name whole, never a place or a piece of it; resolve.go: pronouns and
// quotes standing alone, never carried across a new attribution, a
// descriptor subject such as "The finance minister said" being one;
// coref.go: surnames and definite descriptors to the full name, never to
// a person whose stated position differs, and a surname the article
// misspells by one letter to the name it introduced), resolve the role
// (role.go: a whole noun phrase or nothing) and score it (confidence.go:
// how the speaker was found, capped by what it is).
//
// Within a stage the work is split into small named steps, each with a
// table test in stages_test.go, so that a new rule goes into one of them:
// the cue before a quote (cueBefore: speechCueAt, verbCueAt, frameCueAt,
// intlCueAt, intlVerbCueAt), the attribution after it (postAttr:
// intlPostAttr, subjectVerbAfter), the speaker phrase after a verb
// (npAfter: npHead, descPhrase, spokespersonOf, whoRole, appositiveAfter,
// skipParens; intlAfter: intlSpeakerStart, intlDescAfter, nameInDesc,
// groupHeadIn, nameAfterDesc, intlNameAfter) and the resolution of every
// unit (resolve: fullestRoles, resolveUnit, corefer, carryRoles, score).
//
// Scan is rule-based and offline: it finds quotation-mark spans in every
// common style (" “ ” ‘ ’ « » „ ‹ ›), joins a quote split by its attribution
// ("“X,” she said. “Y.”"), carries a quote whose opening mark has no closing
// mark into the next paragraph, skips scare quotes and titles, and finds
// reported speech ("X said that …", "according to X"). Quoted text is masked
// before sentences are split, so a period inside a quote never cuts off its
// attribution. Pronoun speakers are resolved to the nearest compatible named
// mention earlier in the article ("it" only to the organisation or text that
// spoke just before); a quote standing alone takes the speaker of the quote
// before it, or else, with less confidence, the person its own paragraph is
// about, or the person named first by reported speech closing the
// paragraph before; a quote signed "― Name" at the end of its line is
// that person's; a quote under a heading in capitals that names a voice
// ("JANET BARBOZA: …") is that voice's, and never the voice before the
// heading; "the statement continued" is the words of whoever issued it;
// descriptive speakers ("a campaign spokesman") are kept
// as written, and the person of a body speaks rather than the body ("A
// spokesperson for the Foreign Office", "Omar Lamrani, a senior analyst
// at Stratfor, the Texas-based firm, told", "David Reay from Edinburgh
// University"); roles come only from the article and stay with the speaker across later
// mentions. Photo captions left in the text and a headline repeated as the
// first paragraph are no part of the scan. French, German, Spanish and
// Portuguese attributions are read where their structure matches the
// English rules ("« … », a déclaré X", "„…“, sagte sie", "según X"); in an
// article whose language is French, German, Spanish or Portuguese
// (intlverbs.go) the rules of that language apply as well: speech verbs
// only it has ("dice"), a subject left out ("«…», remató."), role nouns
// and roles between commas, Romance and German descriptors, German word
// order and capitalized nouns, dates and quoted subheadings.
//
// DESIGN places the quote rules inside summarize/extractive. They live in
// their own package instead, so that the LLM backends can use the scanner's
// candidates too (for example to give a model the quotes to attribute, or to
// repair a speaker); summarize/extractive only glues Scan into its digest.
// This is a deliberate departure from DESIGN's layout.
//
// The package imports article and summarize only; it must never import a
// backend.
package quote
