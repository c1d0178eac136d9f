package locale

import (
	"errors"
	"io/fs"
	"syscall"
)

// FileError is err, an operating system's error about a file (an
// *fs.PathError, as os.Open, os.Create and os.ReadFile return), said in
// the reader's language when its cause is a common one: the file or folder
// does not exist, permission is denied, it is a folder, it exists already,
// a part of its path is not a folder, the file system is read-only or
// full. The path stays as the system gave it; the operation ("open",
// "stat") is left out, since the caller says what it was doing:
//
//	locale.Errorf("export: %w", locale.FileError(err))
//	// "export: /nonexistent/x.log: no such file or folder"
//	// "exportar: /nonexistent/x.log: arquivo ou pasta inexistente"
//
// errors.Is and errors.As see through it (fs.ErrNotExist, the
// *fs.PathError). Any other error, and nil, is returned as it is: one that
// only wraps a file's error has words of its own to keep.
func FileError(err error) error {
	pe, ok := err.(*fs.PathError)
	if !ok {
		return err
	}
	for _, cause := range fileCauses {
		if errors.Is(pe.Err, cause) {
			return &fileError{cause: cause, path: pe.Path, err: err}
		}
	}
	return err
}

// fileCauses are the causes FileError says in words, in the order it
// tries them (fileError.say has each one's words).
var fileCauses = []error{
	fs.ErrNotExist, fs.ErrPermission, fs.ErrExist,
	syscall.EISDIR, syscall.ENOTDIR, syscall.EROFS, syscall.ENOSPC,
}

// fileError is a file's error in words; see FileError.
type fileError struct {
	cause error // one of fileCauses
	path  string
	err   error // the system's
}

func (e *fileError) Error() string              { return e.say(nil) }
func (e *fileError) Localize(p *Printer) string { return e.say(p) }
func (e *fileError) Unwrap() error              { return e.err }

func (e *fileError) say(p *Printer) string {
	switch e.cause {
	case fs.ErrNotExist:
		return p.T("%s: no such file or folder", e.path)
	case fs.ErrPermission:
		return p.T("%s: permission denied", e.path)
	case fs.ErrExist:
		return p.T("%s: already exists", e.path)
	case syscall.EISDIR:
		return p.T("%s: is a folder", e.path)
	case syscall.ENOTDIR:
		return p.T("%s: a part of the path is not a folder", e.path)
	case syscall.EROFS:
		return p.T("%s: the file system is read-only", e.path)
	}
	return p.T("%s: no space left on the device", e.path)
}
