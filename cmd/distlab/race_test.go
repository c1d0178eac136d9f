//go:build race

package main

// The tests run under the race detector: the end-to-end binaries are built
// with it too (see buildFlags).
func init() { buildFlags = append(buildFlags, "-race") }
