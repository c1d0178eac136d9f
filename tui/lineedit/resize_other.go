//go:build !unix

package lineedit

import "os"

// notifyResize follows nothing where there is no SIGWINCH: a Console is
// plain lines there (see Open).
func notifyResize() (ch chan os.Signal, stop func()) { return nil, func() {} }
