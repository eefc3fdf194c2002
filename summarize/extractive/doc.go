// Package extractive is brief's offline default backend: it picks key
// takeaways by ranking the article's own sentences, finds quotes and their
// speakers with rules, and detects the region with the gazetteer. It needs
// no network and no key, and is deterministic.
//
// It registers itself as "extractive".
package extractive
