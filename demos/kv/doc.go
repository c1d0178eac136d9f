// Package kv is the replicated store demo's engine: a key-value store
// whose every key lives on N replicas (3 to 5), clients that read and
// write it concurrently through a coordinator, and a simulated network
// with delays, loss, partitions and crashes. The knobs are the ones the
// literature names: read and write quorums R and W, strict or sloppy
// quorums (with hinted handoff), read repair, conflict resolution by
// last-writer-wins on skewed physical clocks or by version vectors with
// siblings, CP or AP behaviour under a partition, and the session
// guarantees read-your-writes and monotonic reads.
//
// Every operation is recorded with its invocation and response times, and
// the history is checked for linearizability with Porcupine
// (github.com/anishathalye/porcupine); a violation is explained by naming
// the operations involved, and the history can be exported as Porcupine's
// HTML visualization. Counters follow what a student watches: refusals,
// stale reads, lost updates, siblings, session violations.
//
// A run is single-threaded and deterministic: the same Config and the same
// actions make the same events, so Sim steps back by replay, like the
// raft demo's. Nothing here imports a user interface.
package kv
