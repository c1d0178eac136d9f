package locale

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A file's common errors are said in the reader's language, the path as it
// is, and errors.Is still sees the cause.
func TestFileError(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "x.log")
	_, errMissing := os.Create(missing)
	_, errDir := os.Create(dir)
	for _, c := range []struct {
		err    error
		en, pt string
		is     error
	}{
		{errMissing, missing + ": no such file or folder", missing + ": arquivo ou pasta inexistente", fs.ErrNotExist},
		{errDir, dir + ": is a folder", dir + ": é uma pasta", syscall.EISDIR},
		{&fs.PathError{Op: "open", Path: "/etc/shadow", Err: syscall.EACCES}, "/etc/shadow: permission denied", "/etc/shadow: permissão negada", fs.ErrPermission},
		{&fs.PathError{Op: "mkdir", Path: "/tmp", Err: syscall.EEXIST}, "/tmp: already exists", "/tmp: já existe", fs.ErrExist},
		{&fs.PathError{Op: "open", Path: "/etc/passwd/x", Err: syscall.ENOTDIR}, "/etc/passwd/x: a part of the path is not a folder", "/etc/passwd/x: uma parte do caminho não é uma pasta", syscall.ENOTDIR},
	} {
		err := FileError(c.err)
		if got := err.Error(); got != c.en {
			t.Errorf("%v: English %q, want %q", c.err, got, c.en)
		}
		if got := For(Portuguese).Err(err); got != c.pt {
			t.Errorf("%v: Portuguese %q, want %q", c.err, got, c.pt)
		}
		wrapped := Errorf("test: restart %s: %w", "n2", err)
		if got, want := For(Portuguese).Err(wrapped), "teste: religar n2: "+c.pt; got != want {
			t.Errorf("wrapped: %q, want %q", got, want)
		}
		var pe *fs.PathError
		if !errors.Is(wrapped, c.is) || !errors.As(wrapped, &pe) {
			t.Errorf("%v: errors.Is(%v) or errors.As(*fs.PathError) no longer sees it", c.err, c.is)
		}
	}
	other := errors.New("something else")
	if FileError(other) != other || FileError(nil) != nil {
		t.Error("an error that is not a file's is not returned as it is")
	}
	if context := Errorf("test: restart %s: %w", "n2", errMissing); FileError(context) != context {
		t.Error("an error wrapping a file's lost its own words")
	}
	odd := &fs.PathError{Op: "read", Path: "/dev/x", Err: syscall.EIO}
	if FileError(odd) != error(odd) {
		t.Error("a file's error of another cause is not returned as it is")
	}
}

// A file's error given to T as it is, not through FileError (the lesson
// loader cannot import this package), is said in the reader's language
// all the same.
func TestTSaysFileErrors(t *testing.T) {
	err := &fs.PathError{Op: "stat", Path: "/nonexist", Err: fs.ErrNotExist}
	if got := For(Portuguese).T("%v", err); got != "/nonexist: arquivo ou pasta inexistente" {
		t.Errorf("pt-BR: %q", got)
	}
	if got := For(English).T("load: %v", err); got != "load: /nonexist: no such file or folder" {
		t.Errorf("en: %q", got)
	}
	other := errors.New("stat /x: something else")
	if got := For(Portuguese).T("%v", other); got != other.Error() {
		t.Errorf("another error changed: %q", got)
	}
}
