package kv

import (
	"slices"
	"time"

	"distlab/demos/locale"
)

// Status is where an operation stands.
type Status int

// The statuses.
const (
	Pending Status = iota
	OK             // answered
	Refused        // refused or given up without effect: no quorum, a session guarantee unmet, a read that timed out
	Unknown        // a write given up on that may have taken effect: some replicas may store it
)

// opRecord is one client operation, from invocation to response.
type opRecord struct {
	ID       int
	Client   int
	Put      bool
	Key      string
	Value    int // a write's value
	Server   int // its coordinator
	Invoke   time.Duration
	Return   time.Duration
	Status   Status
	Result   []Version // what a read returned, or the version a write made
	Scripted bool
	Student  bool
	R, W, N  int // the quorums when it was invoked

	Stale, Lost, Siblings, RYW, MR bool
	Why                            func(p *locale.Printer) string // why it was refused or given up
	// NoQuorum marks an operation refused or given up because its
	// coordinator could not reach R (or W) replicas: a partition or
	// crashes in the way, not its own crash nor a session's token.
	NoQuorum bool

	known   []Version // what completed operations had seen when it was invoked
	written []Version // what completed writes had written when it was invoked
}

// coord is an operation its coordinator is working on.
type coord struct {
	op      *opRecord
	targets []int
	need    int
	replied map[int][]Version // server → what it answered
	merged  []Version
	token   []Version    // what a read must cover: the session's token
	repair  map[int]bool // servers a read repairs, waiting for their acks
	// repairNeed is how many of them must acknowledge before the read
	// answers: enough that W replicas hold what it returns.
	repairNeed int
	local      bool // the coordinator's own reply is required (sticky sessions)
}

// invoke starts an operation of a client's at a coordinator, or refuses
// it at once.
func (e *engine) invoke(c *client, put bool, key string, srv int, scripted, student bool) *opRecord {
	e.settle()
	op := &opRecord{ID: len(e.ops) + 1, Client: c.id, Put: put, Key: key, Server: srv, Invoke: e.now,
		Scripted: scripted, Student: student, R: e.cfg.R, W: e.cfg.W, N: e.cfg.N,
		known: clone(e.known[key]), written: clone(e.written[key])}
	e.ops = append(e.ops, op)
	e.count.Ops++
	c.busy = op
	if put {
		e.values++
		op.Value = e.values
	}
	s := e.servers[srv]
	if !s.up {
		e.refuse(op, func(p *locale.Printer) string { return p.T("%s is down", Name(srv)) })
		return op
	}
	need := e.cfg.R
	if put {
		need = e.cfg.W
	}
	targets, hints := e.targets(srv)
	if len(targets) < need {
		reached := len(targets)
		if e.cfg.Mode == CP || reached == 0 {
			q, qn := "R", need
			if put {
				q = "W"
			}
			op.NoQuorum = true
			e.refuse(op, func(p *locale.Printer) string {
				return p.T("%s reaches %d of %d replicas, %s = %d", Name(srv), reached, e.cfg.N, q, qn)
			})
			return op
		}
		need = reached
	}
	sticky := e.stickyFor(put)
	if sticky && srv != c.home {
		// a sticky session always uses its home; the caller chose it
		sticky = false
	}
	k := &coord{op: op, targets: targets, need: need, replied: map[int][]Version{}, local: sticky && slices.Contains(targets, srv)}
	s.coords[op.ID] = k
	if put {
		v := Version{Value: op.Value, Op: op.ID, Stamp: e.now + e.skew(srv), Writer: srv}
		ctx := joinAll(c.lastRead[key])
		s.counter = max(s.counter, ctx[srv-1]) + 1
		ctx[srv-1] = s.counter
		v.VV = ctx
		op.Result = []Version{v}
		for i, t := range targets {
			e.send(&message{kind: mWrite, from: srv, to: t, op: op.ID, key: key, vs: []Version{v}, hintFor: hints[i]})
		}
	} else {
		if e.cfg.ReadYourWrites == Token {
			k.token = append(k.token, c.lastWrite[key]...)
		}
		if e.cfg.MonotonicReads == Token {
			k.token = append(k.token, c.lastRead[key]...)
		}
		for _, t := range targets {
			e.send(&message{kind: mRead, from: srv, to: t, op: op.ID, key: key})
		}
	}
	e.schedule(&item{kind: itemTimeout, id: srv, op: op.ID, at: e.now + e.cfg.Timeout})
	return op
}

// targets are the servers a coordinator sends an operation to: the key's
// replicas it can reach; with sloppy quorums, the first N servers it can
// reach, each spare with a hint for a replica it stands in for.
func (e *engine) targets(srv int) (targets, hints []int) {
	var missing []int
	for id := 1; id <= e.cfg.N; id++ {
		if e.reach(srv, id) {
			targets, hints = append(targets, id), append(hints, 0)
		} else {
			missing = append(missing, id)
		}
	}
	if !e.cfg.Sloppy {
		return targets, hints
	}
	for id := e.cfg.N + 1; id < len(e.servers) && len(missing) > 0; id++ {
		if e.reach(srv, id) {
			targets, hints = append(targets, id), append(hints, missing[0])
			missing = missing[1:]
		}
	}
	return targets, hints
}

// stickyFor reports whether an operation's session guarantee sends it to
// the client's home server.
func (e *engine) stickyFor(put bool) bool {
	return e.cfg.ReadYourWrites == Sticky || !put && e.cfg.MonotonicReads == Sticky
}

// coordinator is where a client sends an operation: its home under a
// sticky session, otherwise a replica of the key drawn at random among
// those up (any replica if none is).
func (e *engine) coordinator(c *client, put bool) int {
	if e.stickyFor(put) {
		return c.home
	}
	var up []int
	for id := 1; id <= e.cfg.N; id++ {
		if e.servers[id].up {
			up = append(up, id)
		}
	}
	if len(up) == 0 {
		return 1 + e.rng.IntN(e.cfg.N)
	}
	return up[e.rng.IntN(len(up))]
}

func (e *engine) skew(srv int) time.Duration {
	if srv-1 < len(e.cfg.Skew) {
		return e.cfg.Skew[srv-1]
	}
	return 0
}

func clone(vs []Version) []Version { return append([]Version(nil), vs...) }
