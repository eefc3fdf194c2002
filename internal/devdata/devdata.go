// Package devdata finds the shared evaluation data (../shared beside the
// repository) for the tests and benchmarks that measure brief on it. It
// imports only the standard library, so any package's tests may use it.
package devdata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data directory: $BRIEF_SHARED when set, else
// "shared" beside the repository root (the directory holding go.mod), or
// one level further up for a git worktree. It skips tb when there is
// none, so tests that need the data pass on a machine without it.
func Dir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("BRIEF_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root not found")
		}
		dir = parent
	}
	for _, up := range []string{"..", filepath.Join("..", "..")} {
		shared := filepath.Join(dir, up, "shared")
		if _, err := os.Stat(filepath.Join(shared, "evaldata")); err == nil {
			return shared
		}
	}
	tb.Skip("shared evaluation data not present")
	return ""
}

// Path returns a file under the shared evaluation data, evaldata/rel
// (slash-separated), or skips tb when the data is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	return filepath.Join(Dir(tb), "evaldata", filepath.FromSlash(rel))
}
