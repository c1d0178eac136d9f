// Package chat is the chat cluster demo's engine: real TCP nodes that
// netcat can talk to, grown into a cluster with relaying, heartbeats and
// client failover. It has no UI: the TUI pane, the `distlab chat` commands
// and the tests drive the same code.
//
// A Node listens on TCP and serves each connection with its own reader and
// writer goroutines. The protocol is plain lines, so `nc HOST PORT` chats
// at once; lines starting with "/" are commands (/nick, /who, /nodes, /me,
// /help, /quit). The distlab Client speaks a superset (/hello with a
// secret, /msg with a sequence number, acknowledgements once a peer has
// the message, /since for what it missed) that lets it fail over to
// another node without losing or repeating a message (protocol.go).
//
// Every line that arrives from the network is cleaned (Clean) before it is
// broadcast, and clients clean again before they display.
package chat
