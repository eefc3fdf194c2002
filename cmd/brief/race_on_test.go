//go:build race

package main

// raceEnabled reports a build with the race detector, which multiplies
// memory use: memory bounds are not checked then.
const raceEnabled = true
