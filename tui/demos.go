package tui

import (
	"distlab/tui/chatpane"
	"distlab/tui/clockpane"
	"distlab/tui/demo"
	"distlab/tui/kvpane"
	"distlab/tui/raftpane"
	"distlab/tui/scalepane"
)

// Demos is the registry of the demos the app ships, one line each. A
// lesson may only name demos that are in it, so the product never offers a
// demo that does not run. Which lesson teaches a demo is the lessons' to
// say, not the registry's: the first whose demos list starts with it
// (lessons.Catalog.Teaching), beside which `distlab demo ID` opens it.
// Adding a demo: see README, "Adding a demo".
func Demos() *demo.Registry {
	return demo.NewRegistry(
		chatpane.Demo(),
		clockpane.Demo(),
		scalepane.Demo(),
		raftpane.Demo(),
		kvpane.Demo(),
	)
}

// KnownDemo reports whether a lesson may name demo id.
func KnownDemo(id string) bool { return Demos().Known(id) }
