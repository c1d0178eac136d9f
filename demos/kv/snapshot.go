package kv

import (
	"slices"
	"time"

	"distlab/demos/locale"
)

// Snapshot is a run at one moment, for the pane to draw: plain values, no
// reference into the engine.
type Snapshot struct {
	Now      time.Duration
	Knobs    Config
	Servers  []ServerView // server 1 first
	Clients  []ClientView // client 1 first
	Ops      []OpView     // every operation so far, oldest first
	Cut      []int        // the servers cut off, nil for none
	Flights  []Flight     // messages in flight, soonest first
	Counters Counters
	Last     *Event // the last event, nil before the first
	Script   bool   // a scenario's script is still playing
}

// ServerView is one server.
type ServerView struct {
	ID     int
	Up     bool
	Spare  bool // a sloppy quorum's spare, not a replica of the keys
	Cut    bool // on the cut-off side of the partition
	Skew   time.Duration
	Keys   []KeyView
	Hints  int // writes it keeps for other replicas
	Coords int // operations it is coordinating
}

// KeyView is what a server stores for a key: one version, or siblings.
type KeyView struct {
	Key      string
	Versions []Version // empty: the initial value 0
}

// ClientView is one client.
type ClientView struct {
	ID   int
	Home int // its server under sticky sessions
	Busy int // the operation in progress, 0 for none
}

// OpView is one operation as the timeline draws it.
type OpView struct {
	ID, Client, Server int
	Put                bool
	Key                string
	Value              int   // a write's value
	Values             []int // what a read returned
	Invoke, Return     time.Duration
	Status             Status
	Stale, Lost        bool
	Siblings, RYW, MR  bool
	Why                func(p *locale.Printer) string // why it was refused or given up, nil if answered
}

// Flight is a message in flight.
type Flight struct {
	From, To int
	Op       int
	SentAt   time.Duration
	At       time.Duration // when it arrives, or is lost
	msg      *message
}

// Snapshot is the run as it is now.
func (s *Sim) Snapshot() Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.eng
	snap := Snapshot{Now: e.now, Knobs: e.cfg, Cut: slices.Clone(e.cut), Counters: e.count, Script: e.script != nil}
	snap.Knobs.Skew = slices.Clone(e.cfg.Skew)
	for _, sv := range e.servers[1:] {
		v := ServerView{ID: sv.id, Up: sv.up, Spare: sv.id > e.cfg.N, Cut: slices.Contains(e.cut, sv.id), Skew: e.skew(sv.id), Hints: len(sv.hints), Coords: len(sv.coords)}
		for _, k := range e.cfg.Keys {
			v.Keys = append(v.Keys, KeyView{Key: k, Versions: clone(sv.store[k])})
		}
		snap.Servers = append(snap.Servers, v)
	}
	for _, c := range e.clients[1:] {
		cv := ClientView{ID: c.id, Home: c.home}
		if c.busy != nil {
			cv.Busy = c.busy.ID
		}
		snap.Clients = append(snap.Clients, cv)
	}
	snap.Ops = make([]OpView, len(e.ops))
	for i, op := range e.ops {
		snap.Ops[i] = op.view()
	}
	for _, it := range e.queue {
		if it.kind == itemMsg && it.msg.from != it.msg.to {
			m := it.msg
			snap.Flights = append(snap.Flights, Flight{From: m.from, To: m.to, Op: m.op, SentAt: m.sentAt, At: it.at, msg: m})
		}
	}
	slices.SortFunc(snap.Flights, func(a, b Flight) int { return int(a.At - b.At) })
	if len(e.events) > 0 {
		ev := e.events[len(e.events)-1]
		snap.Last = &ev
	}
	return snap
}

func (op *opRecord) view() OpView {
	v := OpView{ID: op.ID, Client: op.Client, Server: op.Server, Put: op.Put, Key: op.Key, Value: op.Value,
		Invoke: op.Invoke, Return: op.Return, Status: op.Status, Stale: op.Stale, Lost: op.Lost,
		Siblings: op.Siblings, RYW: op.RYW, MR: op.MR, Why: op.Why}
	if !op.Put && op.Status == OK {
		v.Values = values(op.Result)
	}
	return v
}

// Text is the operation as the verdict names it: "write x = 2",
// "read x → 1".
func (o OpView) Text(p *locale.Printer) string {
	if o.Put {
		return p.T("write %s = %d", o.Key, o.Value)
	}
	if o.Status != OK {
		return p.T("read %s", o.Key)
	}
	return p.T("read %s → %s", o.Key, ValuesText(o.Values))
}
