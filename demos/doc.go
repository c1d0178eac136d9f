// Package demos is the home of distlab's demo engines, one package per demo
// (chat, clocks, scale). Engines are plain Go: they run real sockets,
// goroutines and clocks, keep their state behind a mutex and expose
// snapshots; they never import Bubble Tea or Lip Gloss. The same engine
// serves a TUI pane, a headless CLI command and the tests.
package demos
