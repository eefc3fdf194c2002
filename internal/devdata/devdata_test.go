package devdata

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDirFromEnvironment(t *testing.T) {
	d := t.TempDir()
	t.Setenv("BRIEF_SHARED", d)
	if got := Dir(t); got != d {
		t.Errorf("Dir = %q, want $BRIEF_SHARED %q", got, d)
	}
	if got, want := Path(t, "regions/dev.jsonl"), filepath.Join(d, "evaldata", "regions", "dev.jsonl"); got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
}

func TestDirBesideRoot(t *testing.T) {
	t.Setenv("BRIEF_SHARED", "")
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	sub := filepath.Join(repo, "pkg")
	for _, d := range []string{sub, filepath.Join(root, "shared", "evaldata")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	if got, want := Dir(t), filepath.Join(repo, "..", "shared"); got != want {
		t.Errorf("Dir = %q, want %q", got, want)
	}
}
