package tui

import (
	"distlab/tui/chatpane"
	"distlab/tui/clockpane"
	"distlab/tui/demo"
	"distlab/tui/scalepane"
)

// DemoOptions are settings of the demos given on the command line.
type DemoOptions struct {
	ChatHost string // where the chat demo's nodes listen; default 127.0.0.1
}

// Demos is the registry of the demos the app ships. Each demo adds its
// pane here; a lesson may only name demos that are in it, so the product
// never offers a demo that does not run.
func Demos(opts ...DemoOptions) *demo.Registry {
	var o DemoOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.ChatHost == "" {
		o.ChatHost = "127.0.0.1"
	}
	return demo.NewRegistry(chatpane.Demo(o.ChatHost), clockpane.Demo(), scalepane.Demo())
}

// KnownDemo reports whether a lesson may name demo id.
func KnownDemo(id string) bool { return Demos().Known(id) }
