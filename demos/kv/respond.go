package kv

import (
	"distlab/demos/locale"
)

// Counters are what a student watches over a run.
type Counters struct {
	Ops         int // operations invoked
	OK          int // answered
	Refused     int // refused or given up without effect
	Unknown     int // writes given up on that may have taken effect
	StaleReads  int // reads that missed what a completed operation had seen before they began
	LostUpdates int // acknowledged writes that lose to a write that finished before they began (LWW)
	Siblings    int // reads that returned more than one value
	RYW         int // reads that missed their client's own write
	MR          int // reads that missed what their client had read before
}

// refuse ends an operation before anything was sent: it had no effect.
func (e *engine) refuse(op *opRecord, why func(p *locale.Printer) string) {
	op.Status, op.Return, op.Why = Refused, e.now, why
	e.count.Refused++
	e.done(op)
	kind := opText(op)
	e.event(Event{Kind: Respond, Server: op.Server, Client: op.Client, Op: op.ID, Said: func(p *locale.Printer) string {
		return p.T("%s: %s refused: %s", ClientName(op.Client), kind(p), why(p))
	}})
}

// respond ends an operation its coordinator worked on: answered (why
// nil), or given up.
func (e *engine) respond(k *coord, why func(p *locale.Printer) string) {
	op := k.op
	delete(e.servers[op.Server].coords, op.ID)
	op.Return = e.now
	kind := opText(op)
	if why != nil {
		op.Why = why
		if op.Put {
			op.Status = Unknown
			e.count.Unknown++
		} else {
			op.Status = Refused
			e.count.Refused++
		}
		e.done(op)
		e.event(Event{Kind: Respond, Server: op.Server, Client: op.Client, Op: op.ID, Said: func(p *locale.Printer) string {
			if op.Put {
				return p.T("%s: %s given up: %s; some replicas may keep it", ClientName(op.Client), kind(p), why(p))
			}
			return p.T("%s: %s given up: %s", ClientName(op.Client), kind(p), why(p))
		}})
		return
	}
	op.Status = OK
	e.count.OK++
	c := e.clients[op.Client]
	if op.Put {
		if e.cfg.Conflicts == LWW && len(op.written) > 0 {
			if w, _ := winner(op.written); lwwLess(op.Result[0], w) {
				op.Lost = true
				e.count.LostUpdates++
			}
		}
		c.lastWrite[op.Key] = merge(e.cfg.Conflicts, c.lastWrite[op.Key], op.Result...)
		e.fresh = append(e.fresh, completion{at: e.now, key: op.Key, vs: clone(op.Result), write: true})
	} else {
		op.Result = clone(k.merged)
		if !coversAll(e.cfg.Conflicts, op.Result, op.known) {
			op.Stale = true
			e.count.StaleReads++
		}
		if len(op.Result) > 1 {
			op.Siblings = true
			e.count.Siblings++
		}
		if !coversAll(e.cfg.Conflicts, op.Result, c.lastWrite[op.Key]) {
			op.RYW = true
			e.count.RYW++
		}
		if !coversAll(e.cfg.Conflicts, op.Result, c.lastRead[op.Key]) {
			op.MR = true
			e.count.MR++
		}
		c.lastRead[op.Key] = clone(op.Result)
		e.fresh = append(e.fresh, completion{at: e.now, key: op.Key, vs: clone(op.Result)})
	}
	e.done(op)
	e.event(Event{Kind: Respond, Server: op.Server, Client: op.Client, Op: op.ID, Said: e.answerSaid(op)})
}

// done frees the operation's client for its next one.
func (e *engine) done(op *opRecord) {
	c := e.clients[op.Client]
	e.lastEnd = e.now
	if c.busy == op {
		c.busy = nil
	}
	if e.cfg.Ops != 0 && e.script == nil && (e.cfg.Ops == Unlimited || e.invoked < e.cfg.Ops) {
		e.think(c.id)
	}
	e.lab.opDone(e, op)
}

// opText names an operation: "write x = 4", "read x".
func opText(op *opRecord) func(p *locale.Printer) string {
	if op.Put {
		return func(p *locale.Printer) string { return p.T("write %s = %d", op.Key, op.Value) }
	}
	return func(p *locale.Printer) string { return p.T("read %s", op.Key) }
}

// answerSaid is the sentence of an answered operation, with what was
// wrong with it.
func (e *engine) answerSaid(op *opRecord) func(p *locale.Printer) string {
	vals := ValuesText(values(op.Result))
	var lostTo Version
	if op.Lost {
		lostTo, _ = winner(op.written)
	}
	var missed Version
	if op.Stale {
		for _, f := range op.known {
			if !covers(e.cfg.Conflicts, op.Result, f) {
				missed = f
				break
			}
		}
	}
	return func(p *locale.Printer) string {
		c := ClientName(op.Client)
		switch {
		case op.Lost:
			return p.T("%s: write %s = %d done, but its stamp %s is older than %s = %d's %s, which finished first: the update is lost", c, op.Key, op.Value, op.Result[0].StampText(), op.Key, lostTo.Value, lostTo.StampText())
		case op.Put:
			return p.T("%s: write %s = %d done", c, op.Key, op.Value)
		case op.Stale:
			return p.T("%s: read %s → %s, stale: %s = %d was seen before the read began", c, op.Key, vals, op.Key, missed.Value)
		case op.Siblings:
			return p.T("%s: read %s → %s: siblings, concurrent writes the client must merge", c, op.Key, vals)
		case op.RYW:
			return p.T("%s: read %s → %s, missing its own write", c, op.Key, vals)
		case op.MR:
			return p.T("%s: read %s → %s, older than what it read before", c, op.Key, vals)
		}
		return p.T("%s: read %s → %s", c, op.Key, vals)
	}
}
