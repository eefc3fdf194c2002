// Package briefingtest provides briefing inputs for tests and benchmarks
// of briefing and its renderers: a realistic day of articles written for
// this project, articles with hostile text, and synthetic days of any size.
//
// It is for tests only: no production code imports it.
package briefingtest
