package chat

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// A node reports each client's arrival, nick change and departure, with
// how many it has after it, and its roster lists who is there, since when
// and how many messages each sent.
func TestPresenceAndRoster(t *testing.T) {
	events := make(chan Presence, 16)
	cfg := testConfig("n1")
	cfg.Presence = func(p Presence) { events <- p }
	n := startNode(t, cfg)
	next := func() Presence {
		t.Helper()
		select {
		case p := <-events:
			return p
		case <-time.After(5 * time.Second):
			t.Fatal("no presence")
		}
		return Presence{}
	}
	before := time.Now()
	a := dialRaw(t, n.Addr())
	if p := next(); p.Kind != Joined || p.Node != "n1" || p.Clients != 1 || p.Nick == "" || p.At.Before(before) {
		t.Fatalf("join: %+v", p)
	}
	a.send("/nick ana\n")
	a.expect("ana")
	if p := next(); p.Kind != Renamed || p.Nick != "ana" || p.Old == "" || p.Old == "ana" {
		t.Fatalf("rename: %+v", p)
	}
	b := dialRaw(t, n.Addr())
	if p := next(); p.Kind != Joined || p.Clients != 2 {
		t.Fatalf("second join: %+v", p)
	}
	a.send("hello\nagain\n")
	b.expect("again")
	r := n.Roster()
	if len(r) != 2 || r[0].Nick != "ana" || r[0].Sent != 2 || r[1].Sent != 0 || r[0].Since.After(r[1].Since) || r[0].Distlab {
		t.Fatalf("roster: %+v", r)
	}
	a.nc.Close()
	if p := next(); p.Kind != Left || p.Nick != "ana" || p.Clients != 1 {
		t.Fatalf("leave: %+v", p)
	}
	// Renaming to the nick held already is no change.
	b.send("/nick " + r[1].Nick + "\n")
	b.expect("you are now")
	b.nc.Close()
	if p := next(); p.Kind != Left || p.Nick != r[1].Nick || p.Clients != 0 {
		t.Fatalf("after a rename to the same nick, %+v (want its leave)", p)
	}
}

// The demo's roster holds every node's clients; its own (watching clients
// and bots) are marked, and a student who joins is not.
func TestDemoRoster(t *testing.T) {
	d, err := StartDemo(DemoConfig{Bots: 2, BotRate: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	// A client joins as a guest and takes its nick with its /hello: wait
	// for the nodes to have applied all five.
	eventually(t, "the demo's five clients, by their nicks", func() bool {
		r := d.Roster()
		return len(r) == 5 && !slices.ContainsFunc(r, func(e RosterEntry) bool { return !e.Demo })
	})
	s := dialRaw(t, d.Nodes()[1].Addr())
	s.send("/nick zoe\n")
	s.expect("zoe")
	var students, own []string
	for _, e := range d.Roster() {
		if e.Demo {
			own = append(own, e.Nick)
		} else {
			students = append(students, e.Nick+"@"+e.Node)
		}
	}
	if len(students) != 1 || students[0] != "zoe@n2" || len(own) != 5 {
		t.Fatalf("students %q, the demo's own %q", students, own)
	}
}

// A distlab client that loses its node goes to the least loaded of the
// others, as the cluster last told it: a class spreads over the nodes
// that are left instead of piling onto the next in the list.
func TestFailoverToLeastLoaded(t *testing.T) {
	c := testCluster(t, 3)
	n1, n2, n3 := c.Nodes[0], c.Nodes[1], c.Nodes[2]
	for range 3 { // n2 is busy, n3 idle
		dialRaw(t, n2.Addr())
	}
	eventually(t, "n1 to hear of n2's clients", func() bool {
		return strings.Contains(n1.membersLine(), n2.Addr()+"/3")
	})
	// The client lists n2 before n3, as a student would be told them.
	cl, _ := dialClient(t, "zoe", n1.Addr(), n2.Addr(), n3.Addr())
	eventually(t, "zoe on n1 with the loads", func() bool {
		if cl.Node() != n1.Addr() {
			return false
		}
		cl.mu.Lock()
		defer cl.mu.Unlock()
		return cl.loads[n2.Addr()] == 3
	})
	n1.Kill()
	eventually(t, "zoe to fail over", func() bool { return cl.Node() != n1.Addr() && cl.Node() != "" })
	if cl.Node() != n3.Addr() {
		t.Fatalf("zoe went to %s, not the idle n3 %s", cl.Node(), n3.Addr())
	}
}
