package kv

import (
	"container/heap"

	"distlab/demos/locale"
)

// advance takes the queue's next item: a message arrives or is lost, a
// timeout fires, a client issues an operation, a spare hands hints back.
// It reports whether there was an item; whether it made an event shows in
// the events.
func (e *engine) advance() bool {
	if len(e.queue) == 0 {
		return false
	}
	it := heap.Pop(&e.queue).(*item)
	e.now = max(e.now, it.at)
	switch it.kind {
	case itemMsg:
		e.arrive(it)
	case itemTimeout:
		e.timeout(it.id, it.op)
	case itemThink:
		e.thinkDone(it.id)
	case itemHandoff:
		e.handoff(it.id)
	}
	return true
}

// arrive delivers a message, or loses it: a partition or a crashed
// server between, or the network's loss.
func (e *engine) arrive(it *item) bool {
	m := it.msg
	if it.lost || !e.reach(m.from, m.to) {
		why := lossReason(e, it)
		e.event(Event{Kind: Lose, Server: m.to, Op: m.op, Said: func(p *locale.Printer) string {
			return p.T("%s lost: %s", m.label(p), why(p))
		}})
		return true
	}
	to := e.servers[m.to]
	switch m.kind {
	case mWrite, mRepair, mHandoff:
		before := to.store[m.key]
		to.store[m.key] = merge(e.cfg.Conflicts, before, m.vs...)
		if m.hintFor != 0 {
			to.hints = append(to.hints, hint{For: m.hintFor, Key: m.key, V: m.vs[0]})
		}
		now := to.store[m.key]
		e.event(Event{Kind: Deliver, Server: m.to, Op: m.op, Said: e.storeSaid(m, before, now)})
		switch m.kind {
		case mWrite:
			e.send(&message{kind: mWriteAck, from: m.to, to: m.from, op: m.op, key: m.key})
		case mRepair:
			e.send(&message{kind: mRepairAck, from: m.to, to: m.from, op: m.op, key: m.key})
		}
	case mRead:
		vs := clone(to.store[m.key])
		e.event(Event{Kind: Deliver, Server: m.to, Op: m.op, Said: func(p *locale.Printer) string {
			return p.T("%s answers the read of %s: %s", Name(m.to), m.key, ValuesText(values(vs)))
		}})
		e.send(&message{kind: mReadReply, from: m.to, to: m.from, op: m.op, key: m.key, vs: vs})
	case mWriteAck, mReadReply, mRepairAck:
		return e.reply(m)
	}
	return true
}

func lossReason(e *engine, it *item) func(p *locale.Printer) string {
	m := it.msg
	switch {
	case !e.servers[m.to].up:
		return func(p *locale.Printer) string { return p.T("%s is down", Name(m.to)) }
	case !e.servers[m.from].up:
		return func(p *locale.Printer) string { return p.T("%s is down", Name(m.from)) }
	case !e.reach(m.from, m.to):
		return func(p *locale.Printer) string { return p.T("the partition") }
	}
	return func(p *locale.Printer) string { return p.T("the network dropped it") }
}

// reply is a coordinator hearing back from a replica.
// A reply after the operation ended changes nothing and makes no event.
func (e *engine) reply(m *message) bool {
	s := e.servers[m.to]
	k := s.coords[m.op]
	if k == nil {
		return false
	}
	op := k.op
	switch m.kind {
	case mWriteAck:
		k.replied[m.from] = nil
		got, need := len(k.replied), k.need
		if got < need || k.local && !hasReply(k, m.to) {
			e.event(Event{Kind: Deliver, Server: m.to, Op: op.ID, Said: func(p *locale.Printer) string {
				return p.T("%s has %d of %d acknowledgements for %s = %d", Name(m.to), got, need, op.Key, op.Value)
			}})
			return true
		}
		e.respond(k, nil)
	case mReadReply:
		k.replied[m.from] = m.vs
		k.merged = merge(e.cfg.Conflicts, k.merged, m.vs...)
		got, need := len(k.replied), k.need
		if got < need || k.local && !hasReply(k, m.to) || !coversAll(e.cfg.Conflicts, k.merged, k.token) {
			if got >= need && got == len(k.targets) {
				if e.cfg.Mode == CP {
					e.respond(k, func(p *locale.Printer) string {
						return p.T("no replica it reached has what c%d saw before", op.Client)
					})
					return true
				}
			} else {
				e.event(Event{Kind: Deliver, Server: m.to, Op: op.ID, Said: func(p *locale.Printer) string {
					return p.T("%s has %d of %d answers for the read of %s", Name(m.to), got, need, op.Key)
				}})
				return true
			}
		}
		if e.cfg.ReadRepair && k.repair == nil && e.writeBack(k, m.to) {
			return true
		}
		e.respond(k, nil)
	case mRepairAck:
		if !k.repair[m.from] {
			return false
		}
		delete(k.repair, m.from)
		if k.repairNeed--; k.repairNeed > 0 {
			left := k.repairNeed
			e.event(Event{Kind: Deliver, Server: m.to, Op: op.ID, Said: func(p *locale.Printer) string {
				return p.T("%s waits for %d more repairs", Name(m.to), left)
			}})
			return true
		}
		e.respond(k, nil)
	}
	return true
}

// writeBack is read repair as ABD's second phase: before a read answers,
// what it found newest is written back to the replicas not known to hold
// it, and the read waits until W replicas do (as many as it reaches, under
// AP), so no later read quorum can miss it. It reports whether the read
// waits. Its sentence, said whenever a repair is sent, tells the replicas
// that answered with something older (behind) from the ones that have not
// answered yet, which may hold it already, and whether the read answers
// at once (W replicas hold what it found already) or waits: what they do
// with the repair is their own sentence.
func (e *engine) writeBack(k *coord, srv int) bool {
	op := k.op
	k.repair = map[int]bool{}
	holders, behind, silent := 0, 0, 0
	for _, id := range k.targets {
		vs, answered := k.replied[id]
		if answered && coversAll(e.cfg.Conflicts, vs, k.merged) {
			holders++
			continue
		}
		if answered {
			behind++
		} else {
			silent++
		}
		k.repair[id] = true
		e.send(&message{kind: mRepair, from: srv, to: id, op: op.ID, key: op.Key, vs: clone(k.merged)})
	}
	need := min(op.W, len(k.targets))
	k.repairNeed = need - holders
	wait := k.repairNeed > 0
	if behind+silent == 0 {
		return wait
	}
	// A repair sent is announced even when the read does not wait for it:
	// otherwise its replica's "nothing to repair" or "is repaired" comes
	// later in the log with nothing before it that sent it.
	vals := ValuesText(values(k.merged))
	e.event(Event{Kind: Deliver, Server: srv, Op: op.ID, Said: func(p *locale.Printer) string {
		var to string
		switch {
		case behind > 0 && silent > 0:
			to = p.T("%s and %s", p.T("repairs %d replicas behind", behind), p.T("writes it to %d more that have not answered", silent))
		case behind > 0:
			to = p.T("repairs %d replicas behind", behind)
		default:
			to = p.T("writes it to %d replicas that have not answered", silent)
		}
		if !wait {
			return p.T("%s read %s = %s; enough replicas hold it, so it answers at once, and it still %s", Name(srv), op.Key, vals, to)
		}
		return p.T("%s read %s = %s; before answering it %s", Name(srv), op.Key, vals, to)
	}})
	return wait
}

func hasReply(k *coord, id int) bool { _, ok := k.replied[id]; return ok }

// timeout is a coordinator giving up on an operation still in progress.
func (e *engine) timeout(srv, opID int) bool {
	k := e.servers[srv].coords[opID]
	if k == nil {
		return false
	}
	got, need := len(k.replied), k.need
	quorum := k.op.R
	if k.op.Put {
		quorum = k.op.W
	}
	if targets, _ := e.targets(srv); len(targets) < quorum {
		k.op.NoQuorum = true // a partition or a crash since it began cut the quorum off
	}
	e.respond(k, func(p *locale.Printer) string {
		return p.T("timed out with %d of %d answers", got, need)
	})
	return true
}
