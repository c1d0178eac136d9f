package chat

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"distlab/demos/locale"
)

// startClass is a class's cluster on loopback, closed with the test.
func startClass(t *testing.T) *Class {
	t.Helper()
	c, err := StartClass(DemoConfig{You: "prof"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// joinSeat opens a seat for name, closed with the test.
func joinSeat(t *testing.T, c *Class, name string) *Seat {
	t.Helper()
	s, err := c.Join(name, locale.English)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// nodeOf is the index of the node seat s's client is on, -1 while it
// fails over.
func nodeOf(c *Class, s *Seat) int {
	at := s.Views()[0].Node()
	for i, n := range c.Demo().Nodes() {
		if at != "" && LocalAddr(n.Addr()) == at {
			return i
		}
	}
	return -1
}

// shownIn is how many of v's last lines hold text.
func shownIn(v *View, text string) int {
	lines, _ := v.Lines(viewLines)
	n := 0
	for _, l := range lines {
		if strings.Contains(l, text) {
			n++
		}
	}
	return n
}

// One cluster, three seats: each student's client is on the least loaded
// node under their name; the instructor crashes the node one of them is
// on, which fails over, and the lines it sent around the crash reach the
// other two exactly once; an nc from outside is in the same chat.
func TestClassSeats(t *testing.T) {
	c := startClass(t)
	d := c.Demo()
	d.SetPaused(true) // the bots say nothing: every line is the test's
	eventually(t, "the bots on n1 and n2", func() bool {
		return d.Nodes()[0].Stats().Clients == 2 && d.Nodes()[1].Stats().Clients == 2 && d.Nodes()[2].Stats().Clients == 1
	})
	ana := joinSeat(t, c, "Ana Paula")
	if got := nodeOf(c, ana); got != 2 {
		t.Fatalf("Ana on n%d, not on n3, the least loaded", got+1)
	}
	caio, dora := joinSeat(t, c, "Caio"), joinSeat(t, c, "Dora")
	if ana.Nick() != "Ana_Paula" || caio.Nick() != "Caio" || c.Seats() != 3 {
		t.Fatalf("nicks %q %q, %d seats", ana.Nick(), caio.Nick(), c.Seats())
	}
	// The instructor's watching client is the seat's second column.
	if vs := dora.Views(); len(vs) != 2 || vs[1] != d.Views()[1] {
		t.Fatalf("a seat's views: %d", len(vs))
	}
	eventually(t, "everyone to hold their nick", func() bool {
		var who string
		for _, e := range d.Roster() {
			who += " " + e.Nick
		}
		return strings.Contains(who, "Ana_Paula") && strings.Contains(who, "Caio") && strings.Contains(who, "Dora")
	})

	victim := nodeOf(c, caio)
	for k := range 5 {
		caio.Say(fmt.Sprintf("caio line %d", k))
	}
	if err := d.Kill(victim); err != nil {
		t.Fatal(err)
	}
	for k := 5; k < 8; k++ {
		caio.Say(fmt.Sprintf("caio line %d", k))
	}
	eventually(t, "Caio on another node", func() bool { n := nodeOf(c, caio); return n >= 0 && n != victim })
	eventually(t, "Caio's failover notices", func() bool {
		ns := caio.Views()[0].Notices()
		return len(ns) == 2 && ns[0].Trouble && strings.Contains(ns[1].Text, "reconnected to")
	})
	for _, s := range []*Seat{ana, dora} {
		eventually(t, s.Nick()+" to see Caio's lines", func() bool { return shownIn(s.Views()[0], "Caio@") >= 8 })
	}
	for _, s := range []*Seat{ana, dora} {
		for k := range 8 {
			if n := shownIn(s.Views()[0], fmt.Sprintf("caio line %d", k)); n != 1 {
				t.Errorf("%s saw caio line %d %d times", s.Nick(), k, n)
			}
		}
	}
	if n := shownIn(caio.Views()[0], "caio line 7"); n != 1 {
		t.Errorf("Caio sees his own line %d times", n)
	}

	// Someone with nc on a node that is up is in the same chat.
	up := (victim + 1) % 3
	nc := dialRaw(t, d.Nodes()[up].Addr())
	nc.send("/nick zoe\nhello from outside\n")
	for _, s := range []*Seat{ana, caio, dora} {
		eventually(t, s.Nick()+" to see zoe", func() bool { return shownIn(s.Views()[0], "zoe@") == 1 })
	}
}

// A seat's controls are refused with ErrNotOwner and change nothing.
func TestSeatControlsRefused(t *testing.T) {
	c := startClass(t)
	s := joinSeat(t, c, "Ana")
	if s.Nick() != "Ana2" { // the instructor's watching client is ana
		t.Fatalf("nick %q", s.Nick())
	}
	calls := map[string]func() error{
		"Kill":         func() error { return s.Kill(0) },
		"Restart":      func() error { return s.Restart(0) },
		"ToggleFreeze": func() error { return s.ToggleFreeze(1) },
		"AddBot":       s.AddBot,
		"RemoveBot":    s.RemoveBot,
		"Reset":        s.Reset,
		"SetLinks":     func() error { return s.SetLinks(LinksVerySlow) },
		"SetBotRate":   func() error { return s.SetBotRate(50) },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrNotOwner) {
			t.Errorf("%s: %v", name, err)
		}
	}
	d := c.Demo()
	for i, n := range d.Nodes() {
		if st := n.Stats(); !st.Up || st.Frozen {
			t.Errorf("n%d: up %v, frozen %v", i+1, st.Up, st.Frozen)
		}
	}
	if bots, rate := d.Bots(); bots != 2 || rate != 0.5 || d.Links() != LinksFast {
		t.Errorf("bots %d at %.1f, links %v", bots, rate, d.Links())
	}
	if got := locale.For(locale.Portuguese).Err(ErrNotOwner); got != "chat: só o professor controla os nós da turma" {
		t.Errorf("pt-BR: %q", got)
	}
}

// Closing a seat ends its client only: the cluster and the other seats go
// on; closing the class ends everything, and a seat asked for after that
// is refused. Nothing is left running.
func TestSeatClose(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, err := StartClass(DemoConfig{})
	if err != nil {
		t.Fatal(err)
	}
	clients := func() int {
		n := 0
		for _, node := range c.Demo().Nodes() {
			n += node.Stats().Clients
		}
		return n
	}
	eventually(t, "the demo's clients", func() bool { return clients() == 5 })
	var seats []*Seat
	for _, name := range []string{"Ana", "Bruno", "Caio"} {
		s, err := c.Join(name, locale.English)
		if err != nil {
			t.Fatal(err)
		}
		seats = append(seats, s)
	}
	eventually(t, "three more clients", func() bool { return clients() == 8 })
	seats[0].Close()
	seats[0].Close() // twice does nothing
	eventually(t, "one client less", func() bool { return clients() == 7 })
	if c.Seats() != 2 || seats[0].Views()[0].Node() != "" {
		t.Fatalf("%d seats; the closed one on %q", c.Seats(), seats[0].Views()[0].Node())
	}
	seats[1].Say("still here")
	eventually(t, "Caio to hear Bruno", func() bool { return shownIn(seats[2].Views()[0], "still here") == 1 })
	c.Close()
	c.Close()
	for _, n := range c.Demo().Nodes() {
		if st := n.Stats(); st.Up || st.Goroutines != 0 {
			t.Errorf("after Close: %+v", st)
		}
	}
	if _, err := c.Join("Dora", locale.English); !errors.Is(err, ErrClosed) {
		t.Fatalf("a seat after Close: %v", err)
	}
	seats[2].Close() // after the class: nothing left to do
}

// A display name becomes a nick as nicks are cleaned, numbered when taken.
func TestSeatNicks(t *testing.T) {
	for name, want := range map[string]string{
		"Ana Paula":                     "Ana_Paula",
		"  maria@home:1 ":               "mariahome1",
		"/root":                         "root",
		"a very long display name here": "a_very_long_disp",
		"\x1b[31mred\x1b[0m":            "red",
		"@@@":                           "student",
		"bot1":                          "bot110", // bot12…bot19 are bots too
		"You":                           "You2",
	} {
		c := &Class{demo: &Demo{views: []*View{{name: "you"}, {name: "ana"}}}, seats: map[*Seat]struct{}{}}
		if got := c.freeNickLocked(name, locale.English); got != want {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
	c := &Class{demo: &Demo{}, seats: map[*Seat]struct{}{}}
	for _, want := range []string{"Ana", "Ana2", "Ana3"} {
		nick := c.freeNickLocked("Ana", locale.English)
		if nick != want {
			t.Fatalf("%q, want %q", nick, want)
		}
		c.seats[&Seat{view: &View{name: nick}}] = struct{}{}
	}
	if got := c.freeNickLocked("", locale.Portuguese); got != "aluno" {
		t.Errorf("pt-BR: %q", got)
	}
}
