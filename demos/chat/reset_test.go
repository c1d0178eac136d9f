package chat

import (
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"distlab/demos/locale"
)

// A class runs a failover, then R: the demo is as it started — every node
// up and thawed, fast links, bots unpaused at their first rate and as
// many as at start, each watching client back on its own node under its
// own nick with an empty screen, and the chat going on.
func TestResetPutsTheDemoBack(t *testing.T) {
	t.Parallel()
	d, err := StartDemo(DemoConfig{Bots: 2, BotRate: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	nodes := d.Nodes()
	if err := d.Kill(0); err != nil { // you and bot1 fail over
		t.Fatal(err)
	}
	if err := d.ToggleFreeze(1); err != nil {
		t.Fatal(err)
	}
	d.SetLinks(LinksVerySlow)
	d.SetBotRate(20)
	if err := d.AddBot(); err != nil {
		t.Fatal(err)
	}
	d.SetPaused(true)
	eventually(t, "you to fail over to n3", func() bool { return d.Views()[0].Node() == LocalAddr(nodes[2].Addr()) })

	began := time.Now()
	if err := d.Reset(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Reset took %v", time.Since(began))
	for _, n := range nodes {
		if st := n.Stats(); !st.Up || st.Frozen {
			t.Errorf("after Reset: %s up %v, frozen %v", st.ID, st.Up, st.Frozen)
		}
	}
	if d.Links() != LinksFast {
		t.Errorf("links %d after Reset", d.Links())
	}
	d.mu.Lock()
	paused := d.paused
	d.mu.Unlock()
	if n, rate := d.Bots(); n != 2 || rate != 5 || paused {
		t.Errorf("after Reset: %d bots at %v msg/s, paused %v; want 2 at 5, running", n, rate, paused)
	}
	for i, v := range d.Views() {
		if got, want := v.Node(), LocalAddr(nodes[i].Addr()); got != want {
			t.Errorf("%s on %s after Reset, want %s (n%d)", v.Name(), got, want, i+1)
		}
		if len(v.Notices()) != 0 {
			t.Errorf("%s still shows the old failover: %v", v.Name(), v.Notices())
		}
	}
	d.mu.Lock()
	for i, b := range d.bots {
		if got, want := b.client.Node(), LocalAddr(nodes[i%len(nodes)].Addr()); got != want {
			t.Errorf("bot%d on %s after Reset, want %s", i+1, got, want)
		}
	}
	d.mu.Unlock()
	// The screens start again: each client greeted under its own nick,
	// and the bots counting from 1, seen everywhere.
	for _, v := range d.Views() {
		eventually(t, v.Name()+" to see bot2's first message", func() bool {
			lines, _ := v.Lines(viewLines)
			return strings.Contains(strings.Join(lines, "\n"), "bot2@n2: message 1 from bot2")
		})
		lines, _ := v.Lines(viewLines)
		screen := strings.Join(lines, "\n")
		if !strings.Contains(screen, "*** you are now "+v.Name()) || strings.Contains(screen, "is taken") {
			t.Errorf("%s did not get its nick back:\n%s", v.Name(), screen)
		}
		if strings.Contains(screen, "message 1 from bot3") || strings.Contains(screen, "lost: looking") {
			t.Errorf("%s shows lines from before Reset:\n%s", v.Name(), screen)
		}
	}
}

// A demo closed refuses a reset; Close after a reset leaves nothing
// running (TestMain checks for leaks).
func TestResetAfterClose(t *testing.T) {
	d, err := StartDemo(DemoConfig{Bots: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Reset(); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if err := d.Reset(); err != ErrClosed {
		t.Fatalf("Reset after Close: %v", err)
	}
}

// The notices a view keeps are found in both languages, both plural
// forms, and nothing else is taken for one.
func TestConnectionNotices(t *testing.T) {
	for _, l := range locale.Langs {
		p := locale.For(l)
		for _, c := range []struct {
			line    string
			trouble bool
		}{
			{notice(p, "connection to %s lost: looking for another node", "127.0.0.1:4000"), true},
			{notice(p, "no word from %s for %s: taking it for dead, looking for another node", "127.0.0.1:4000", p.Duration(3e9)), true},
			{notice(p, "reconnected to %s; %d unacknowledged messages sent again", "127.0.0.1:4001", 1), false},
			{notice(p, "reconnected to %s; %d unacknowledged messages sent again", "127.0.0.1:4001", 1234), false},
			{notice(p, "node %s is shutting down: goodbye", "n1"), true},
			{notice(p, "%d messages sent while you were away are older than what %s keeps: you will not see them", 1, "n2"), true},
		} {
			if trouble, ok := connectionNotice(c.line); !ok || trouble != c.trouble {
				t.Errorf("%s: %q: notice %v, trouble %v", l, c.line, ok, trouble)
			}
		}
		for _, line := range []string{
			notice(p, "welcome to %s, %s. Type to chat; /help for commands.", "n1", "ana"),
			notice(p, "you are now %s", "ana"),
			"bot1@n1: " + p.T("message %d from bot%s", 3, "1"),
			"mallory@n1: *** connection to 127.0.0.1:4000 lost: looking for another node", // a user's words are no notice
		} {
			if _, ok := connectionNotice(line); ok {
				t.Errorf("%s: %q taken for a connection notice", l, line)
			}
		}
	}
	v := &View{}
	for i := range 5 {
		v.add("bot1@n1: hi")
		if i == 1 || i == 3 {
			v.add(notice(nil, "connection to %s lost: looking for another node", "x"))
		}
	}
	v.add(notice(nil, "reconnected to %s; %d unacknowledged messages sent again", "y", 0))
	got := v.Notices()
	if len(got) != keptNotices || got[0].Line != 6 || !got[0].Trouble || got[1].Line != 8 || got[1].Trouble {
		t.Fatalf("kept %+v; want lines 6 (lost) and 8 (reconnected)", got)
	}
}

// A node whose port was taken while it was down cannot come back: Reset
// says so in its error, and still puts back the rest — the other nodes
// up, the clients connected, the bots chatting — without waiting for the
// missing node.
func TestResetWithAPortTaken(t *testing.T) {
	d, err := StartDemo(DemoConfig{Bots: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	addr := d.Nodes()[0].Addr()
	if err := d.Kill(0); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("%s taken meanwhile: %v", addr, err)
	}
	accepting := make(chan struct{})
	go func() { // whatever took the port hangs up on the clients that try it
		defer close(accepting)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	defer func() { ln.Close(); <-accepting }()
	began := time.Now()
	err = d.Reset()
	if !errors.Is(err, ErrPortInUse) || !strings.Contains(locale.For(locale.English).Err(err), "restart n1") {
		t.Fatalf("Reset with n1's port taken: %v", err)
	}
	if took := time.Since(began); took >= settleWithin {
		t.Errorf("Reset waited %v for a node that could not come back", took)
	}
	if n, _ := d.Bots(); n != 2 {
		t.Errorf("%d bots after Reset", n)
	}
	for i, v := range d.Views() {
		if v.Node() == "" {
			t.Errorf("view %d not connected after Reset", i)
		}
	}
}
