package tui

import (
	"image/color"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"distlab/lessons"
)

var ansiWhite = color.RGBA{R: 255, G: 255, B: 255, A: 255}

// fixtureWithProblem is the test course plus one file without a title.
func fixtureWithProblem(t *testing.T) func() *lessons.Catalog {
	t.Helper()
	mfs := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/course"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("testdata/course"), p)
		mfs[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	mfs["en/03-bad.md"] = &fstest.MapFile{Data: []byte("---\nid: bad\n# no title here\norder: 3\n---\nbody\n")}
	return func() *lessons.Catalog {
		return lessons.Load(mfs, lessons.Options{Prefix: "course", KnownDemo: testDemos.Known})
	}
}
