package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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

// createTemp makes the temporary file that becomes path once renamed over
// it, in path's folder (a rename does not cross file systems), readable
// as a file os.Create makes would be. Its errors are about path: that the
// folder is missing, read-only or full, or that path is a folder.
func createTemp(path string) (*os.File, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, &fs.PathError{Op: "create", Path: path, Err: syscall.EISDIR}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = &fs.PathError{Op: "create", Path: path, Err: pe.Err}
		}
		return nil, err
	}
	_ = f.Chmod(0o644) // CreateTemp makes it the owner's alone
	return f, nil
}
