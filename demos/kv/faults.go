package kv

import (
	"maps"
	"slices"
	"strings"
	"time"

	"distlab/demos/locale"
)

// partition cuts side off from the rest of the servers.
func (e *engine) partition(side []int, scripted bool) {
	side = slices.Sorted(slices.Values(side))
	e.cut = side
	e.lab.studentCut = e.lab.studentCut || !scripted
	names := names(side)
	e.event(Event{Kind: PartitionEv, Scripted: scripted, Said: func(p *locale.Printer) string {
		return p.T("partition: %s cut off from the other servers", names)
	}})
}

// heal ends the partition; spares start handing hints back.
func (e *engine) heal(scripted bool) {
	if e.cut == nil {
		return
	}
	e.cut = nil
	e.event(Event{Kind: HealEv, Scripted: scripted, Said: func(p *locale.Printer) string {
		return p.T("the partition heals: every server reaches every other")
	}})
	e.scheduleHandoffs()
}

// crash stops a server: what it stores survives, what it coordinates
// fails, messages to it are lost.
func (e *engine) crash(id int, scripted bool) {
	if id < 1 || id >= len(e.servers) || !e.servers[id].up {
		return
	}
	s := e.servers[id]
	s.up = false
	e.lab.studentCut = e.lab.studentCut || !scripted
	e.event(Event{Kind: CrashEv, Server: id, Scripted: scripted, Said: func(p *locale.Printer) string {
		return p.T("%s crashes: its stored values survive, what it coordinates fails", Name(id))
	}})
	for _, opID := range slices.Sorted(maps.Keys(s.coords)) {
		e.respond(s.coords[opID], func(p *locale.Printer) string { return p.T("%s crashed", Name(id)) })
	}
}

// restart brings a crashed server back with what it stored.
func (e *engine) restart(id int, scripted bool) {
	if id < 1 || id >= len(e.servers) || e.servers[id].up {
		return
	}
	e.servers[id].up = true
	e.event(Event{Kind: RestartEv, Server: id, Scripted: scripted, Said: func(p *locale.Printer) string {
		return p.T("%s restarts with what it had stored", Name(id))
	}})
	e.scheduleHandoffs()
}

// scheduleHandoffs has every spare with hints try handing them back soon.
func (e *engine) scheduleHandoffs() {
	for _, s := range e.servers[1:] {
		if len(s.hints) > 0 {
			e.schedule(&item{kind: itemHandoff, id: s.id, at: e.now + 10*time.Millisecond})
		}
	}
}

// handoff is a spare handing its hints back to the replicas it can reach
// now (hinted handoff).
func (e *engine) handoff(id int) bool {
	s := e.servers[id]
	var kept, sent []hint
	for _, h := range s.hints {
		if e.reach(id, h.For) {
			sent = append(sent, h)
			e.send(&message{kind: mHandoff, from: id, to: h.For, key: h.Key, vs: []Version{h.V}})
		} else {
			kept = append(kept, h)
		}
	}
	s.hints = kept
	if len(sent) == 0 {
		return false
	}
	n := len(sent)
	e.event(Event{Kind: Handoff, Server: id, Said: func(p *locale.Printer) string {
		return p.T("%s hands %d hinted writes back to their replicas", Name(id), n)
	}})
	return true
}

// knob changes a setting, from the next operation on.
func (e *engine) knob(a Action) {
	c := &e.cfg
	v := a.Value
	var text func(p *locale.Printer) string
	switch a.Op {
	case OpSetR:
		if v < 1 || v > c.N || v == c.R {
			return
		}
		c.R = v
		text = func(p *locale.Printer) string { return p.T("R = %d from the next read on", v) }
	case OpSetW:
		if v < 1 || v > c.N || v == c.W {
			return
		}
		c.W = v
		text = func(p *locale.Printer) string { return p.T("W = %d from the next write on", v) }
	case OpSetMode:
		m := Mode(v)
		if m != CP && m != AP || m == c.Mode {
			return
		}
		c.Mode = m
		text = func(p *locale.Printer) string { return p.T("mode %s: %s", m.Label(p), m.About(p)) }
	case OpSetConflicts:
		k := Conflicts(v)
		if k != LWW && k != VV || k == c.Conflicts {
			return
		}
		c.Conflicts = k
		text = func(p *locale.Printer) string { return p.T("conflicts: %s", k.Label(p)) }
	case OpSetReadRepair:
		on := v != 0
		if on == c.ReadRepair {
			return
		}
		c.ReadRepair = on
		text = func(p *locale.Printer) string {
			if on {
				return p.T("read repair on: a read writes what it found newest back to W replicas before answering")
			}
			return p.T("read repair off")
		}
	case OpSetReadYourWrites, OpSetMonotonicReads:
		s := Session(v)
		if !validSession(s) {
			return
		}
		ryw := a.Op == OpSetReadYourWrites
		if ryw && s == c.ReadYourWrites || !ryw && s == c.MonotonicReads {
			return
		}
		if ryw {
			c.ReadYourWrites = s
		} else {
			c.MonotonicReads = s
		}
		text = func(p *locale.Printer) string {
			if ryw {
				return p.T("read your writes: %s", s.Label(p))
			}
			return p.T("monotonic reads: %s", s.Label(p))
		}
	case OpSetLoss:
		if v < 0 || v > 100 || float64(v)/100 == c.Loss {
			return
		}
		c.Loss = float64(v) / 100
		text = func(p *locale.Printer) string { return p.T("the network loses %d%% of messages", v) }
	case OpSetSkew:
		id := a.Server
		if id < 1 || id >= len(e.servers) {
			return
		}
		for len(c.Skew) < id {
			c.Skew = append(c.Skew, 0)
		}
		d := time.Duration(v) * time.Millisecond
		if c.Skew[id-1] == d {
			return
		}
		c.Skew[id-1] = d
		if !a.Scripted {
			e.lab.studentSkew = true
		}
		text = func(p *locale.Printer) string { return p.T("%s's clock is now %d\u00a0ms off", Name(id), v) }
	default:
		return
	}
	e.event(Event{Kind: KnobEv, Scripted: a.Scripted, Said: text})
}

func names(ids []int) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = Name(id)
	}
	return strings.Join(s, ", ")
}
