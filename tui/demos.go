package tui

// KnownDemo reports whether a lesson may name demo id in its front matter.
// No demo is registered yet: each demo registers itself here when its pane
// exists, so a lesson can never point at a demo the app cannot open.
func KnownDemo(id string) bool { return false }
