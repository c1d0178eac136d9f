//go:build !unix

package main

// onResize does nothing where there is no SIGWINCH: the chat client's
// console is plain lines there (see openConsole).
func onResize(func()) (stop func()) { return func() {} }
