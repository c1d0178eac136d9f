package tui

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/banner"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/demo/demotest"
	"distlab/tui/theme"
)

// joinable is the test demo with chat nodes a class could join.
type joinable struct {
	*demotest.Model
	nodes *[]common.JoinNode
}

func (j joinable) JoinNodes() []common.JoinNode { return *j.nodes }

func (j joinable) Roster() []common.RosterEntry {
	var out []common.RosterEntry
	for _, n := range *j.nodes {
		for i := range n.Clients {
			out = append(out, common.RosterEntry{Nick: n.Name + "-s" + strconv.Itoa(i+1), Node: n.Name})
		}
	}
	return out
}

// J shows where to join, over the whole screen: the least loaded node's
// address in block letters and as commands, every node below it, a QR
// code beside it; it follows the clients as they join, says when only this
// machine can join, and any key closes it. With nothing to join, J says so.
func TestJoinBanner(t *testing.T) {
	nodes := []common.JoinNode{
		{Name: "n1", Addr: "192.0.2.7:7001", Up: true, Clients: 3},
		{Name: "n2", Addr: "192.0.2.7:7002", Up: true, Clients: 1},
		{Name: "n3", Addr: "192.0.2.7:7003", Up: false},
	}
	reg := demo.NewRegistry(demo.Demo{ID: demotest.ID, New: func(env demo.Env) common.Pane {
		return joinable{demotest.New(env), &nodes}
	}})
	m := New(Config{Load: fixture, Lang: "en", Theme: theme.Dark, Source: "test", Demos: reg})
	m.com.Tick = holdTicks
	t.Cleanup(m.Close)
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "J")
	if hasOverlay[joinOverlay](m) || !strings.Contains(screen(m), "no chat demo is running") {
		t.Fatalf("J with no demo:\n%s", screen(m))
	}
	press(t, m, "1", "J")
	s := ansi.Strip(m.Render())
	for _, want := range []string{"Join the chat", "nc 192.0.2.7 7002", "distlab chat client 192.0.2.7 7002",
		"▶ n2  192.0.2.7:7002 · 1 client", "n1  192.0.2.7:7001 · 3 clients", "n3  192.0.2.7:7003 · ✗ DOWN",
		"┏━┓ ┏━┓ ┏━┓ ┏━┓", "▀▀▀▀", "in: 4 students — n1-s1, n1-s2, n1-s3, n2-s1"} {
		if !strings.Contains(s, want) {
			t.Errorf("the banner lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Lessons") || strings.Contains(s, "only this machine") {
		t.Errorf("the banner does not cover the screen, or warns wrongly:\n%s", s)
	}
	nodes[1].Clients = 5 // students joined n2: n1 is the least loaded now
	send(t, m, joinTickMsg{m.joinSeq})
	if s := ansi.Strip(m.Render()); !strings.Contains(s, "nc 192.0.2.7 7001") || !strings.Contains(s, "▶ n1") {
		t.Fatalf("the banner did not follow the clients:\n%s", s)
	}
	nodes = []common.JoinNode{{Name: "n1", Addr: "127.0.0.1:7001", Up: true}}
	send(t, m, joinTickMsg{m.joinSeq})
	if s := ansi.Strip(m.Render()); !strings.Contains(s, "only this machine can join") {
		t.Fatalf("no warning for a loopback address:\n%s", s)
	}
	press(t, m, "q") // any key closes it, q too: it does not quit
	if hasOverlay[joinOverlay](m) {
		t.Fatal("a key left the banner up")
	}
}

// The QR code (banner.QR) is the library's modules, black on white, two a line, with a
// quiet zone, in the fixed colours of the 256.
func TestQRLines(t *testing.T) {
	qr := banner.QR("192.0.2.7:7002")
	if len(qr) == 0 {
		t.Fatal("no QR code")
	}
	w := qrWidth(qr)
	if len(qr) != (w+1)/2 || w < 21+4 {
		t.Fatalf("%d lines of %d cells", len(qr), w)
	}
	if !strings.Contains(qr[0], "38;5;231;48;5;231m") || !strings.Contains(strings.Join(qr, ""), "38;5;16;48;5;16m") {
		t.Fatalf("colours: %q", qr[1])
	}
}
