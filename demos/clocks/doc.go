// Package clocks is the clock ordering demo's engine: a deterministic
// discrete-event simulation of a few processes that do local events and
// exchange messages over an unreliable network, with three clocks on every
// process — a physical clock (skewed and drifting), a Lamport clock and a
// vector clock. It has no UI: the TUI pane, the `distlab clocks` commands
// and the tests drive the same code.
//
// A run is decided by its Config alone (math/rand/v2 PCG seeded from
// Config.Seed; never the wall clock), so the same Config always gives the
// same events. Run simulates a whole run at once; Sim goes step by step and
// steps back by replaying the run from the start.
//
// Causality (happened-before, concurrency, causal past and future) is
// computed from the run's graph — each process's order of events plus an
// edge from every send to each receive of its message — and never from the
// clocks, so the clocks' properties can be tested against it:
//
//	a → b  ⇒  L(a) < L(b)          (Lamport clocks respect causality)
//	a → b  ⇔  V(a) < V(b)          (vector clocks capture it exactly)
//
// Named scenarios (Scenarios) are hand-placed runs, each built to show one
// thing for sure: a receive stamped before its send, two concurrent events,
// a Lamport order that is not causality, a lost message, a duplicate
// delivery, a partition.
//
// Runs export to ShiViz (Run.WriteShiViz, for its default parser) and to JSON
// Lines (Run.WriteJSONL); WriteReport prints the event table and the anomalies
// as the CLI shows them.
package clocks
