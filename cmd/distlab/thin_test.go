package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command stays thin: one package, flags and wiring, in files short
// enough to read at a sitting. A line editor or any other reusable piece
// belongs in tui/ or demos/, where it is tested on its own; a file that
// grows past maxLines is split along a seam (root.go: the command tree,
// speak.go: cobra's help in the reader's language, usage.go: the usage
// text, cobraerr.go: cobra's and pflag's errors).
func TestCommandStaysThin(t *testing.T) {
	t.Parallel()
	const maxLines = 400
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch {
			case path == ".":
				return nil
			case d.Name() == "testdata":
				return filepath.SkipDir
			}
			// A package under cmd/distlab would be a library hiding in the
			// command.
			if has, _ := filepath.Glob(filepath.Join(path, "*.go")); len(has) > 0 {
				t.Errorf("%s: a Go package under cmd/distlab; move it to tui/ or demos/", path)
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if n := bytes.Count(b, []byte("\n")); n > maxLines {
			t.Errorf("%s has %d lines, more than %d: split it along a seam", path, n, maxLines)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
