package tui

import "distlab/tui/demo"

// Demos is the registry of the demos the app ships. Each demo issue adds
// its pane here; a lesson may only name demos that are in it, so the
// product never offers a demo that does not run.
func Demos() *demo.Registry {
	return demo.NewRegistry()
}

// KnownDemo reports whether a lesson may name demo id.
func KnownDemo(id string) bool { return Demos().Known(id) }
