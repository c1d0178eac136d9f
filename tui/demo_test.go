package tui

import (
	"distlab/tui/demo"
	"distlab/tui/demo/demotest"
)

// testDemos holds the test-only demo: no real demo may be faked in the
// product, but the workspace needs one to be tested. It is plugged in as
// every demo is, with one registry line.
var testDemos = demo.NewRegistry(demotest.Demo())
