package locale

import (
	"fmt"
	"strings"
)

// Error is an error whose words are a message: Error() is English, and a
// Printer prints it in its language (T does, for an argument that is or
// wraps one). Engines return these for what a person should read.
type Error struct {
	format string
	args   []any
}

// Errorf makes an Error; %w marks a wrapped error as in fmt.Errorf (the
// message's key has %v in its place). Go vet checks the verbs.
func Errorf(format string, args ...any) error {
	if false {
		_ = fmt.Errorf(format, args...) // lets vet check callers' verbs
	}
	return &Error{format: strings.ReplaceAll(format, "%w", "%v"), args: args}
}

// Error is the English text.
func (e *Error) Error() string { return (*Printer)(nil).T(e.format, e.args...) }

// Localize prints the error in p's language; wrapped errors that are
// Errors are printed in it too.
func (e *Error) Localize(p *Printer) string {
	args := make([]any, len(e.args))
	for i, a := range e.args {
		if err, ok := a.(error); ok {
			a = p.Err(err)
		}
		args[i] = a
	}
	return p.T(e.format, args...)
}

// Unwrap returns the errors among the arguments, for errors.Is and As.
func (e *Error) Unwrap() []error {
	var out []error
	for _, a := range e.args {
		if err, ok := a.(error); ok {
			out = append(out, err)
		}
	}
	return out
}

// Err is err in p's language: err printed by p when it is an Error (or
// another Localizer), else err's own text — a system's error, which the
// engines wrap in an Error when a person should read it.
func (p *Printer) Err(err error) string {
	if err == nil {
		return ""
	}
	err = systemError(err)
	if l, ok := err.(Localizer); ok {
		return l.Localize(p)
	}
	return err.Error()
}

// systemError is err in words when it is one of the system's errors
// about a file or the network that FileError or NetError say; otherwise
// err.
func systemError(err error) error {
	if fe := FileError(err); fe != err {
		return fe
	}
	return NetError(err)
}
