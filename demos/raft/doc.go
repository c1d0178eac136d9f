// Package raft is the consensus demo's engine: a cluster of 3 to 7 nodes,
// each a RawNode of etcd's raft library (go.etcd.io/raft/v3) with its own
// storage and a small replicated key-value store (Store) that applies
// committed entries. The network is the engine's own: every message a
// node's Ready hands out is data in flight, which the engine delivers,
// delays, drops, duplicates or reorders; partitions are sets of nodes that
// cannot reach each other; nodes crash (volatile state lost, what was
// persisted kept) and restart. A run is deterministic: the same seed and
// actions give the same history, event for event, because the engine, not
// etcd's crypto-random timer, decides when each node's election timeout
// fires. Raft's safety properties are checked after every event.
//
// The same package runs one node over real TCP (Node) for a classroom's
// laptops, with the same Store.
package raft
