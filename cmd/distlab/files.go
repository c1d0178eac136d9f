package main

import (
	"io/fs"
	"os"
	"syscall"

	"distlab/demos/locale"
)

// exportError is err, met creating or writing the export file path, in
// the CLI's language: a file's common errors in words (locale.FileError),
// which name the path themselves.
func exportError(g *globals, path string, err error) error {
	if fe := locale.FileError(err); fe != err {
		return g.errorf("export: %w", fe)
	}
	return g.errorf("export %s: %w", path, err)
}

// openInput opens the file name for reading. A folder is refused here,
// as reading it would be (EISDIR), rather than on the first read, deep in
// a parser's error.
func openInput(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, locale.FileError(err)
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, locale.FileError(&fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR})
	}
	return f, nil
}
