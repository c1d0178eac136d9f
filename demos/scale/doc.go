// Package scale is the engine of the scale-up vs scale-out demo: the
// Universal Scalability Law, availability and cost arithmetic, a
// discrete-event simulation of both ways of growing a service under the
// same offered load, and real workers that burn CPU over TCP so the
// comparison can be measured on a laptop or across a classroom. It has no
// UI: the TUI pane, the `distlab scale` commands and the tests drive the
// same code.
//
// # Model
//
// Model is the Universal Scalability Law,
//
//	X(N) = γN / (1 + α(N−1) + βN(N−1))
//
// with γ the throughput of one unit (core or node), α the contention
// (the serial fraction; Amdahl's law is β = 0) and β the crosstalk or
// coherency cost that makes throughput fall past the peak
// N* = sqrt((1−α)/β). γ/α is the ceiling no N reaches. Presets holds an
// ideal model, a contention-only one and a published fit.
//
// Availability and cost are arithmetic on stated assumptions: a machine
// that is up a fraction a of the time; n replicas, 1−(1−a)^n, in series
// with a load balancer; and a price per hour that grows faster than the
// number of cores (CostModel). The cost figures are an assumption the
// student can change, not a price list.
//
// # Simulation
//
// Demo runs two simulated services side by side, fed by the same Poisson
// arrivals: "scale up" is one machine whose k cores share one bounded
// queue; "scale out" is n one-core nodes, each with its own bounded queue,
// behind a load balancer (round robin or least loaded). Each side's
// capacity follows its Model: the per-core (per-node) service rate is
// X(k)/k, so k busy cores serve X(k) requests a second. The machine has a
// largest size, the physical ceiling; nodes can keep being added.
//
// Crashing the machine is a total outage until it is repaired (after
// MTTR, or at once by Repair); crashing a node loses its queue and 1/n of
// the capacity, and until the balancer's next health check it keeps
// sending requests there, which fail.
//
// The simulation has its own event queue and clock (time.Duration since
// the start) and draws from math/rand/v2 PCG generators seeded from
// Config.Seed, never the wall clock: the same Config and the same calls
// give the same numbers. A pane advances it in small steps (Demo.Tick on a
// frame tick) and draws Demo.Snapshot.
//
// # Challenges
//
// Challenges lists the demo's three challenges (find the load where scale
// up saturates; grow scale out past N* and serve less; lose a node, busy,
// and turn no one away). A Demo checks them as it simulates, from steady
// measurement windows — full windows that began after the last change of
// load, size, model, policy, crash or repair — and latches the ones met
// in a challenge.Log (Demo.Done), with what it measured.
//
// # Real mode
//
// Worker answers a line holding a number with the hex SHA-256 digest of a
// block derived from it, hashed Rounds times (Work). RunBench starts local
// worker processes (scale up: one with GOMAXPROCS=N; scale out: N with
// GOMAXPROCS=1), adds remote ones, spreads requests over them round robin
// and reports throughput and latency percentiles beside the model's
// prediction.
package scale
