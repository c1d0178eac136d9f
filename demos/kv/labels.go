package kv

import (
	"slices"

	"distlab/demos/locale"
)

// Label is the mode's name: "CP", "AP".
func (m Mode) Label(p *locale.Printer) string {
	if m == AP {
		return "AP"
	}
	return "CP"
}

// About is what the mode does without a quorum.
func (m Mode) About(p *locale.Printer) string {
	if m == AP {
		return p.T("without a quorum, answer with the replicas reached")
	}
	return p.T("without a quorum, refuse")
}

// Label is the rule's name.
func (c Conflicts) Label(p *locale.Printer) string {
	if c == VV {
		return p.T("version vectors")
	}
	return p.T("last writer wins")
}

// Label is the way's name.
func (s Session) Label(p *locale.Printer) string {
	switch s {
	case Sticky:
		return p.T("sticky")
	case Token:
		return p.T("token")
	}
	return p.T("off")
}

// label names a message: "n1 → n3 write x = 4".
func (m *message) label(p *locale.Printer) string {
	route := Name(m.from) + " → " + Name(m.to)
	vals := ValuesText(values(m.vs))
	switch m.kind {
	case mWrite:
		return p.T("%s write %s = %s", route, m.key, vals)
	case mWriteAck:
		return p.T("%s acknowledgement", route)
	case mRead:
		return p.T("%s read %s", route, m.key)
	case mReadReply:
		return p.T("%s answer %s = %s", route, m.key, vals)
	case mRepair:
		return p.T("%s repair %s = %s", route, m.key, vals)
	case mRepairAck:
		return p.T("%s repair acknowledgement", route)
	}
	return p.T("%s hinted handoff %s = %s", route, m.key, vals)
}

// Label is the message's label, for the pane's list of messages in flight.
func (f Flight) Label(p *locale.Printer) string { return f.msg.label(p) }

// storeSaid is the sentence of a replica storing a write, a repair or a
// handoff: what it keeps, and why. What happened is read from what the
// replica held before the message (before) against what the message
// brought (in): a replica that had seen all of in already keeps what it
// had, and says whether it had in itself (a repair or a handoff that
// changes nothing) or something newer (a write discarded by LWW, or one
// its version vector covers).
func (e *engine) storeSaid(m *message, before, after []Version) func(p *locale.Printer) string {
	conflicts := e.cfg.Conflicts
	in := clone(m.vs)
	was, now, got := ValuesText(values(before)), ValuesText(values(after)), ValuesText(values(in))
	known := coversAll(conflicts, before, in) // nothing in the message is news to the replica
	same := known && holdsAll(before, in)     // it holds the very versions the message brought
	hintFor, kind, to, key := m.hintFor, m.kind, m.to, m.key
	return func(p *locale.Printer) string {
		n := Name(to)
		switch {
		case same && kind == mRepair:
			return p.T("%s already has %s = %s: nothing to repair", n, key, was)
		case same && kind == mHandoff:
			return p.T("%s already has %s = %s: the spare's copy changes nothing", n, key, was)
		case same:
			return p.T("%s already has %s = %s", n, key, was)
		case known && conflicts == VV:
			return p.T("%s keeps %s = %s: its version vector already covers %s's", n, key, was, got)
		case known:
			return p.T("%s keeps %s = %s: its stamp is newer than %s's", n, key, was, got)
		case len(after) > 1:
			return p.T("%s keeps %s = %s: concurrent versions, siblings", n, key, now)
		case hintFor != 0:
			return p.T("%s stores %s = %s for %s, with a hint to hand it back", n, key, now, Name(hintFor))
		case kind == mRepair:
			return p.T("%s is repaired: %s = %s, it had %s", n, key, now, was)
		case kind == mHandoff:
			return p.T("%s gets %s = %s back from a spare", n, key, now)
		}
		return p.T("%s stores %s = %s", n, key, now)
	}
}

// holdsAll reports whether vs holds each version of fs itself, not only
// something newer.
func holdsAll(vs, fs []Version) bool {
	for _, f := range fs {
		if f.Op != 0 && !slices.ContainsFunc(vs, func(v Version) bool { return v.Op == f.Op }) {
			return false
		}
	}
	return true
}
