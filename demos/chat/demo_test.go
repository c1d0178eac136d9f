package chat

import (
	"errors"
	"net"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"distlab/demos/locale"
)

func TestDemo(t *testing.T) {
	d, err := StartDemo(DemoConfig{Bots: 2, BotRate: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		d.Close()
		// Close returned: nothing of the demo runs any more. No pause
		// before looking.
		for _, n := range d.Nodes() {
			if st := n.Stats(); st.Up || st.Goroutines != 0 {
				t.Errorf("after Close: %+v", st)
			}
		}
		goleak.VerifyNone(t)
	}()
	eventually(t, "the views to see the bots", func() bool {
		for _, v := range d.Views() {
			if _, total := v.Lines(10); total < 5 {
				return false
			}
		}
		return true
	})
	d.Say("hello class")
	eventually(t, "ana and bruno to see you", func() bool {
		a, _ := d.Views()[1].Lines(50)
		b, _ := d.Views()[2].Lines(50)
		return strings.Contains(strings.Join(a, "\n"), "you@n1: hello class") && strings.Contains(strings.Join(b, "\n"), "you@n1: hello class")
	})
	// You see your own line too, once: the node does not echo it, the
	// demo shows it as sent.
	if mine, _ := d.Views()[0].Lines(50); strings.Count(strings.Join(mine, "\n"), "you@n1: hello class") != 1 {
		t.Fatalf("your own view: %q", mine)
	}
	d.Say("/who")
	if mine, _ := d.Views()[0].Lines(50); strings.Contains(strings.Join(mine, "\n"), "you@n1: /who") {
		t.Fatalf("a command was echoed as a chat line: %q", mine)
	}
	if err := d.Kill(0); err != nil { // you are on n1
		t.Fatal(err)
	}
	eventually(t, "you back on a live node", func() bool { n := d.Views()[0].Node(); return n != "" && n != d.Nodes()[0].Addr() })
	if d.Nodes()[0].Stats().Up {
		t.Fatal("killed node reports up")
	}
	if err := d.Restart(0); err != nil {
		t.Fatal(err)
	}
	d.SetLinks(LinksSlow)
	if err := d.AddBot(); err != nil {
		t.Fatal(err)
	}
	if n, _ := d.Bots(); n != 3 {
		t.Fatalf("%d bots", n)
	}
	if err := d.RemoveBot(); err != nil {
		t.Fatal(err)
	}
	d.SetPaused(true)
}

// The demo's controls say what went wrong, in values the UI can tell
// apart.
func TestDemoErrors(t *testing.T) {
	d, err := StartDemo(DemoConfig{Bots: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Kill(7); !errors.Is(err, ErrNoSuchNode) {
		t.Fatalf("kill of node 7 of 3: %v", err)
	}
	if err := d.RemoveBot(); !errors.Is(err, ErrNoBot) {
		t.Fatalf("remove bot with none: %v", err)
	}
	if err := d.Kill(1); err != nil {
		t.Fatal(err)
	}
	if err := d.ToggleFreeze(1); !errors.Is(err, ErrNodeDown) {
		t.Fatalf("freeze of a dead node: %v", err)
	}
	// Something takes n2's port while it is down.
	addr := d.Nodes()[1].Addr()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	err = d.Restart(1)
	ln.Close()
	var pe *PortInUseError
	_, port, _ := net.SplitHostPort(addr)
	if !errors.Is(err, ErrPortInUse) || !errors.As(err, &pe) || pe.Node != "n2" || pe.Port != port {
		t.Fatalf("restart on a taken port: %v", err)
	}
	if want := "restart n2: port " + port + " in use"; err.Error() != want {
		t.Fatalf("restart error %q, want %q", err, want)
	}
	if got, want := locale.For(locale.Portuguese).Err(err), "religar n2: porta "+port+" em uso"; got != want {
		t.Fatalf("restart error in Portuguese %q, want %q", got, want)
	}
	if err := d.Restart(1); err != nil {
		t.Fatalf("restart once the port is free: %v", err)
	}
	if err := d.ToggleFreeze(1); err != nil || !d.Nodes()[1].Frozen() {
		t.Fatalf("freeze: %v", err)
	}
	if err := d.ToggleFreeze(1); err != nil || d.Nodes()[1].Frozen() {
		t.Fatalf("thaw: %v", err)
	}
	d.Close()
	d.Close() // a second Close waits for the first and returns
	if err := d.AddBot(); !errors.Is(err, ErrClosed) {
		t.Fatalf("add bot to a closed demo: %v", err)
	}
}
