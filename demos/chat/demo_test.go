package chat

import (
	"strings"
	"testing"
	"time"
)

func TestDemo(t *testing.T) {
	d, err := StartDemo(DemoConfig{Bots: 2, BotRate: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
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
	d.Kill(0) // you are on n1
	eventually(t, "you back on a live node", func() bool { n := d.Views()[0].Node(); return n != "" && n != d.Nodes()[0].Addr() })
	if d.Nodes()[0].Stats().Up {
		t.Fatal("killed node reports up")
	}
	if err := d.Restart(0); err != nil {
		t.Fatal(err)
	}
	d.SetSlowLinks(true)
	d.AddBot()
	if n, _ := d.Bots(); n != 3 {
		t.Fatalf("%d bots", n)
	}
	d.RemoveBot()
	d.SetPaused(true)
	time.Sleep(50 * time.Millisecond)
}
