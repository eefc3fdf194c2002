package briefingtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Golden compares got with testdata/<top-level test>/<name>, or rewrites
// that file when update is set (the renderers' -update flag). A mismatch
// fails the test with the first line that differs.
func Golden(t testing.TB, name string, got []byte, update bool) {
	t.Helper()
	path := filepath.Join("testdata", strings.Split(t.Name(), "/")[0], name)
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := firstDiff(string(raw), string(got)); d != "" {
		t.Errorf("%s differs from the golden file %s", path, d)
	}
}

// firstDiff describes the first line where want and got differ, or "".
func firstDiff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	at := func(lines []string, i int) string {
		if i < len(lines) {
			return lines[i]
		}
		return "(end of file)"
	}
	for i := range max(len(w), len(g)) {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			return fmt.Sprintf("from line %d:\n  want: %q\n  got:  %q", i+1, at(w, i), at(g, i))
		}
	}
	return ""
}
