package kv

import (
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
// handoff: what it keeps, and why.
func (e *engine) storeSaid(m *message, before, after []Version) func(p *locale.Printer) string {
	in := m.vs
	was, now := ValuesText(values(before)), ValuesText(values(after))
	kept := coversAll(e.cfg.Conflicts, after, in)
	hintFor := m.hintFor
	kind := m.kind
	conflicts := e.cfg.Conflicts
	return func(p *locale.Printer) string {
		n := Name(m.to)
		switch {
		case !kept && conflicts == VV:
			return p.T("%s keeps %s = %s: its version vector already covers %s's", n, m.key, was, ValuesText(values(in)))
		case !kept:
			return p.T("%s keeps %s = %s: its stamp is newer than %s's", n, m.key, was, ValuesText(values(in)))
		case len(after) > 1:
			return p.T("%s keeps %s = %s: concurrent versions, siblings", n, m.key, now)
		case hintFor != 0:
			return p.T("%s stores %s = %s for %s, with a hint to hand it back", n, m.key, now, Name(hintFor))
		case kind == mRepair:
			return p.T("%s is repaired: %s = %s", n, m.key, now)
		case kind == mHandoff:
			return p.T("%s gets %s = %s back from a spare", n, m.key, now)
		}
		return p.T("%s stores %s = %s", n, m.key, now)
	}
}
