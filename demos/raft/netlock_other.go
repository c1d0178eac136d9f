//go:build (!unix && !windows) || aix

package raft

import "os"

// lockFile does not lock where the system offers neither flock nor
// LockFileEx to this package: there, only the ports a node binds before it
// opens its folder keep a second node with the same --id out of it.
func lockFile(*os.File) error { return nil }
