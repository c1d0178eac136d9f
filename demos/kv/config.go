package kv

import (
	"math"
	"slices"
	"strconv"
	"time"

	"distlab/demos/locale"
)

// Mode is what a coordinator does when it cannot reach its quorum.
type Mode int

// The modes.
const (
	// CP refuses an operation without a quorum: consistency before
	// availability.
	CP Mode = iota
	// AP answers with what it has: availability before consistency.
	AP
)

// String is the mode as the command line writes it: "cp", "ap".
func (m Mode) String() string {
	if m == AP {
		return "ap"
	}
	return "cp"
}

// Conflicts is how replicas order concurrent writes.
type Conflicts int

// The conflict rules.
const (
	// LWW is last-writer-wins: the larger (timestamp, writer) wins, the
	// timestamp read from the coordinator's physical clock, skew and all.
	LWW Conflicts = iota
	// VV is version vectors: concurrent writes are kept side by side as
	// siblings until a client writes with the context it read.
	VV
)

// String is the rule as the command line writes it: "lww", "vv".
func (c Conflicts) String() string {
	if c == VV {
		return "vv"
	}
	return "lww"
}

// Session is how a session guarantee is kept, if at all.
type Session int

// The ways of keeping a guarantee.
const (
	// Off keeps nothing: violations are counted.
	Off Session = iota
	// Sticky sends all of a client's operations to one coordinator (its
	// home server), which is always in its own quorum.
	Sticky
	// Token has the client carry a version token; a coordinator answers a
	// read only with a result at least as new as the token.
	Token
)

// String is the way as the command line writes it: "off", "sticky",
// "token".
func (s Session) String() string {
	switch s {
	case Sticky:
		return "sticky"
	case Token:
		return "token"
	}
	return "off"
}

// Cut is a partition the run makes by itself: Side (server ids) is cut
// off from the rest once FromOp operations have been invoked, and heals
// once ToOp have (0: it never heals).
type Cut struct {
	Side         []int
	FromOp, ToOp int
}

// Limits and defaults.
const (
	MinN            = 3
	MaxN            = 5
	DefaultN        = 3
	MaxClients      = 6
	DefaultClients  = 3
	MaxKeys         = 3
	Spares          = 2 // the extra servers of a sloppy quorum
	DefaultDelayMin = 5 * time.Millisecond
	DefaultDelayMax = 25 * time.Millisecond
	DefaultTimeout  = 300 * time.Millisecond
	DefaultThinkMin = 20 * time.Millisecond
	DefaultThinkMax = 120 * time.Millisecond
	// Unlimited as Config.Ops: the clients never stop.
	Unlimited = -1
)

// Config is what a run depends on; with the same Config and the same
// actions a run is the same, event for event. Zero values take the
// defaults: N 3, R and W a majority of N, 3 clients, key "x", CP, LWW,
// strict quorums, no read repair, no session guarantee, delays 5–25 ms,
// timeout 300 ms, no skew, no loss, no workload.
type Config struct {
	N    int // replicas of every key, MinN..MaxN
	R, W int // read and write quorums, 1..N
	Seed uint64

	Clients int      // 1..MaxClients
	Keys    []string // 1..MaxKeys distinct keys

	Mode       Mode
	Conflicts  Conflicts
	Sloppy     bool // sloppy quorums with hinted handoff: N+Spares servers
	ReadRepair bool

	ReadYourWrites Session
	MonotonicReads Session

	// Skew is each server's physical clock offset (index 0 is server 1),
	// which LWW timestamps carry; missing entries are 0.
	Skew []time.Duration

	DelayMin, DelayMax time.Duration // a message's delay, drawn per message
	Loss               float64       // probability that a message is lost
	Timeout            time.Duration // a coordinator gives up on its quorum after this

	// Ops is how many operations the clients issue on their own, in all,
	// each after a think time drawn from ThinkMin..ThinkMax: 0 for none
	// (operations come from Do and the scenario), Unlimited for no end.
	Ops                int
	ThinkMin, ThinkMax time.Duration

	Partitions []Cut // partitions the run makes by itself

	Scenario string // a scenario's name, "" for a free run
}

// Knobs names the store's settings, each a part of a phrase: "N = 3, R =
// 2, W = 2", the mode, the conflict rule, then those of sloppy quorums,
// read repair and the session guarantees that are on. The pane's
// summary and kv run's header both start with them.
func (c Config) Knobs(p *locale.Printer) []string {
	parts := []string{"N = " + strconv.Itoa(c.N) + ", R = " + strconv.Itoa(c.R) + ", W = " + strconv.Itoa(c.W), c.Mode.Label(p), c.Conflicts.Label(p)}
	if c.Sloppy {
		parts = append(parts, p.T("sloppy quorums"))
	}
	if c.ReadRepair {
		parts = append(parts, p.T("read repair"))
	}
	if c.ReadYourWrites != Off {
		parts = append(parts, p.T("read your writes: %s", c.ReadYourWrites.Label(p)))
	}
	if c.MonotonicReads != Off {
		parts = append(parts, p.T("monotonic reads: %s", c.MonotonicReads.Label(p)))
	}
	return parts
}

// Servers is how many servers the cluster has: N, or N+Spares with sloppy
// quorums. Server ids run from 1.
func (c Config) Servers() int {
	c = c.withDefaults()
	if c.Sloppy {
		return c.N + Spares
	}
	return c.N
}

// withDefaults fills the zero fields that have a default; a scenario's
// settings come first.
func (c Config) withDefaults() Config {
	if sc, ok := FindScenario(c.Scenario); ok && sc.setup != nil {
		seed, name := c.Seed, c.Scenario
		c = sc.setup()
		c.Seed, c.Scenario = seed, name
	}
	if c.N == 0 {
		c.N = DefaultN
	}
	if c.R == 0 {
		c.R = c.N/2 + 1
	}
	if c.W == 0 {
		c.W = c.N/2 + 1
	}
	if c.Clients == 0 {
		c.Clients = DefaultClients
	}
	if len(c.Keys) == 0 {
		c.Keys = []string{"x"}
	}
	if c.DelayMin == 0 && c.DelayMax == 0 {
		c.DelayMin, c.DelayMax = DefaultDelayMin, DefaultDelayMax
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.ThinkMin == 0 && c.ThinkMax == 0 {
		c.ThinkMin, c.ThinkMax = DefaultThinkMin, DefaultThinkMax
	}
	c.Keys = slices.Clone(c.Keys)
	c.Skew = slices.Clone(c.Skew)
	c.Partitions = slices.Clone(c.Partitions)
	return c
}

// Validate reports a Config the engine cannot run, in the user's words.
func (c Config) Validate() error {
	if c.Scenario != "" {
		if _, ok := FindScenario(c.Scenario); !ok {
			return locale.Errorf("no scenario %q (distlab kv scenarios lists them)", c.Scenario)
		}
	}
	c = c.withDefaults()
	servers := c.Servers()
	switch {
	case c.N < MinN || c.N > MaxN:
		return locale.Errorf("a key has %d to %d replicas, not %d", MinN, MaxN, c.N)
	case c.R < 1 || c.R > c.N:
		return locale.Errorf("R is between 1 and N (%d), not %d", c.N, c.R)
	case c.W < 1 || c.W > c.N:
		return locale.Errorf("W is between 1 and N (%d), not %d", c.N, c.W)
	case c.Clients < 1 || c.Clients > MaxClients:
		return locale.Errorf("there are 1 to %d clients, not %d", MaxClients, c.Clients)
	case len(c.Keys) > MaxKeys:
		return locale.Errorf("at most %d keys, not %d", MaxKeys, len(c.Keys))
	case c.Mode != CP && c.Mode != AP:
		return locale.Errorf("the mode is cp or ap")
	case c.Conflicts != LWW && c.Conflicts != VV:
		return locale.Errorf("conflicts are resolved by lww or vv")
	case !validSession(c.ReadYourWrites) || !validSession(c.MonotonicReads):
		return locale.Errorf("a session guarantee is off, sticky or token")
	case len(c.Skew) > servers:
		return locale.Errorf("%d clock skews for %d servers", len(c.Skew), servers)
	case c.DelayMin < 0 || c.DelayMin > c.DelayMax:
		return locale.Errorf("a message's delay %s..%s: the minimum is at least 0 and at most the maximum", c.DelayMin.String(), c.DelayMax.String())
	case !(c.Loss >= 0 && c.Loss <= 1) || math.IsNaN(c.Loss):
		return locale.Errorf("the loss is a probability between 0 and 1, not %g", c.Loss)
	case c.Timeout <= 0:
		return locale.Errorf("the timeout is positive")
	case c.Ops < Unlimited:
		return locale.Errorf("the clients' operations are 0 or more (or unlimited), not %d", c.Ops)
	case c.ThinkMin < 0 || c.ThinkMin > c.ThinkMax:
		return locale.Errorf("a think time %s..%s: the minimum is at least 0 and at most the maximum", c.ThinkMin.String(), c.ThinkMax.String())
	}
	seen := map[string]bool{}
	for _, k := range c.Keys {
		if !validKey(k) {
			return locale.Errorf("a key is 1 to 8 letters or digits, not %q", k)
		}
		if seen[k] {
			return locale.Errorf("key %q given twice", k)
		}
		seen[k] = true
	}
	for _, cut := range c.Partitions {
		if err := validSide(cut.Side, servers); err != nil {
			return err
		}
		if cut.FromOp < 0 || (cut.ToOp != 0 && cut.ToOp <= cut.FromOp) {
			return locale.Errorf("a partition starts at an operation and heals at a later one, not %d..%d", cut.FromOp, cut.ToOp)
		}
	}
	return nil
}

func validSession(s Session) bool { return s == Off || s == Sticky || s == Token }

func validKey(k string) bool {
	if len(k) < 1 || len(k) > 8 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// validSide checks a partition's side: servers of the cluster, some but
// not all of them, each once.
func validSide(side []int, servers int) error {
	if len(side) == 0 || len(side) >= servers {
		return locale.Errorf("a partition cuts off 1 to %d of the %d servers, not %d", servers-1, servers, len(side))
	}
	seen := map[int]bool{}
	for _, id := range side {
		if id < 1 || id > servers || seen[id] {
			return locale.Errorf("a partition's side names servers 1 to %d, each once", servers)
		}
		seen[id] = true
	}
	return nil
}
