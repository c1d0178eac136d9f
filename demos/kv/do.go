package kv

import (
	"slices"
	"time"

	"distlab/demos/locale"
)

// do takes an action; false if it made no event.
func (e *engine) do(a Action) bool {
	n := len(e.events)
	switch a.Op {
	case OpStep:
		e.step()
	case OpPut, OpGet:
		e.clientOp(a)
	case OpPartition:
		e.partition(a.Side, a.Scripted)
	case OpHeal:
		e.heal(a.Scripted)
	case OpCrash:
		e.crash(a.Server, a.Scripted)
	case OpRestart:
		e.restart(a.Server, a.Scripted)
	default:
		e.knob(a)
	}
	return len(e.events) > n
}

// step lets the next thing happen: a scripted or configured action
// first, then the queue's next item.
func (e *engine) step() {
	for {
		if len(e.pending) == 0 {
			e.pollScript()
			e.pollCuts()
		}
		if len(e.pending) > 0 {
			a := e.pending[0]
			e.pending = e.pending[1:]
			if e.do(a) {
				return
			}
			continue
		}
		n := len(e.events)
		if !e.advance() || len(e.events) > n {
			return
		}
	}
}

// pollCuts queues the Config's partitions that are due.
func (e *engine) pollCuts() {
	for i := 0; i < len(e.cuts); i++ {
		c := e.cuts[i]
		switch {
		case c.FromOp >= 0 && len(e.ops) >= c.FromOp:
			e.pending = append(e.pending, Action{Op: OpPartition, Side: c.Side, Scripted: true})
			e.cuts[i].FromOp = -1
			return
		case c.FromOp < 0 && c.ToOp > 0 && len(e.ops) >= c.ToOp:
			e.pending = append(e.pending, Action{Op: OpHeal, Scripted: true})
			e.cuts = slices.Delete(e.cuts, i, i+1)
			return
		}
	}
}

// clientOp is an operation the student or a script asks for.
func (e *engine) clientOp(a Action) {
	c := e.idleClient(a.Client)
	if c == nil {
		return
	}
	key := a.Key
	if key == "" {
		key = e.cfg.Keys[0]
	}
	srv := a.Server
	if srv < 1 || srv >= len(e.servers) {
		srv = e.coordinator(c, a.Op == OpPut)
	}
	e.start(c, a.Op == OpPut, key, srv, a.Scripted, !a.Scripted)
}

// idleClient is client id if it is idle, or the first idle client for 0.
func (e *engine) idleClient(id int) *client {
	if id >= 1 && id < len(e.clients) {
		if e.clients[id].busy == nil {
			return e.clients[id]
		}
		return nil
	}
	for _, c := range e.clients[1:] {
		if c.busy == nil {
			return c
		}
	}
	return nil
}

// start invokes an operation and says so.
func (e *engine) start(c *client, put bool, key string, srv int, scripted, student bool) {
	if student && e.now <= e.lastEnd {
		// The student acts after the answer they saw, not at its instant:
		// a millisecond on, unless something is due now.
		if it := e.next(); it == nil || it.at > e.now {
			e.now += time.Millisecond
		}
	}
	op := e.invoke(c, put, key, srv, scripted, student)
	if op.Status != Pending {
		return // refused at once: its event says so
	}
	kind := opText(op)
	q, qn, n := "R", op.R, op.N
	if put {
		q, qn = "W", op.W
	}
	e.event(Event{Kind: Invoke, Server: srv, Client: c.id, Op: op.ID, Scripted: scripted, Said: func(p *locale.Printer) string {
		return p.T("%s: %s through %s (%s = %d of %d)", ClientName(c.id), kind(p), Name(srv), q, qn, n)
	}})
}

// thinkDone is a client's think time ending: it issues its next
// operation, a read or a write of a random key, unless it is busy or the
// run's operations are all issued.
func (e *engine) thinkDone(id int) bool {
	c := e.clients[id]
	c.thinking = false
	if e.cfg.Ops != Unlimited && e.invoked >= e.cfg.Ops || c.busy != nil {
		return false // its operation's end starts its next think
	}
	if len(e.pending) > 0 || e.script != nil {
		return false // the script has the stage; its end starts the clients again
	}
	e.invoked++
	put := e.rng.IntN(2) == 0
	key := e.cfg.Keys[e.rng.IntN(len(e.cfg.Keys))]
	e.start(c, put, key, e.coordinator(c, put), false, false)
	return true
}
