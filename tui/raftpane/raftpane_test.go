package raftpane

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/raft"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// newPane is a pane at size w×h in lang; it animates only when a test
// hands it frames.
func newPane(t testing.TB, lang string, w, h int) *Model {
	t.Helper()
	com := &common.Common{Styles: theme.New(theme.Dark)}
	com.SetLang(locale.Match(lang))
	m := New(demo.Env{Com: com, Demo: Demo(), ID: 7, Instance: 1})
	m.SetSize(w, h)
	return m
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(panetest.Key(k))
	}
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

// play hands the pane frames a tenth of a second apart for d of real time.
func play(m *Model, d time.Duration) {
	now := time.Unix(1000, 0)
	m.Frame(now)
	for t := time.Duration(0); t < d; t += 100 * time.Millisecond {
		now = now.Add(100 * time.Millisecond)
		m.Frame(now)
	}
}

// stepUntil steps by hand until cond holds, at most n events.
func stepUntil(t testing.TB, m *Model, n int, cond func(raft.Snapshot) bool) {
	t.Helper()
	for range n {
		if cond(m.snap) {
			return
		}
		press(m, "right")
	}
	if !cond(m.snap) {
		t.Fatalf("not reached in %d events:\n%s", n, screen(m))
	}
}

// leader is the id of a node that leads, 0 for none.
func leader(s raft.Snapshot) uint64 {
	for _, n := range s.Nodes {
		if n.Role == raft.Leader {
			return n.ID
		}
	}
	return 0
}

// Every size gives exactly that many lines of that many cells, from 1×1
// up, in every scenario, the free run and both languages; a pane too small
// for the cluster says so.
func TestPaneSizes(t *testing.T) {
	for _, lang := range []string{"en", "pt-BR"} {
		m := newPane(t, lang, 100, 30)
		for range len(m.scenarios) + 1 {
			stepUntil(t, m, 400, func(s raft.Snapshot) bool { return s.Events >= 120 })
			panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m})
			press(m, "c")
		}
	}
	m := newPane(t, "en", 20, 6)
	if s := screen(m); !strings.Contains(s, "Enlarge") {
		t.Fatalf("a 20×6 pane does not ask for more room:\n%s", s)
	}
}

// → makes one event, ← takes it back: the run is the one it was, and the
// display clock is the event's time.
func TestStepAndStepBack(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	stepUntil(t, m, 100, func(s raft.Snapshot) bool { return s.Events >= 20 })
	before := screen(m)
	n := m.snap.Events
	press(m, "right")
	if m.snap.Events != n+1 || m.play.Clock != m.snap.Now || !m.Paused() {
		t.Fatalf("→ made %d events (clock %v, event at %v, paused %v)", m.snap.Events-n, m.play.Clock, m.snap.Now, m.Paused())
	}
	press(m, "left")
	if m.snap.Events != n {
		t.Fatalf("← left %d events, want %d", m.snap.Events, n)
	}
	if after := screen(m); after != before {
		t.Fatalf("← did not bring back the screen:\n%s\nwant\n%s", after, before)
	}
	for range n + 3 { // back to the start, and no further
		press(m, "left")
	}
	if m.snap.Events != 0 || !strings.Contains(screen(m), "Nothing has happened yet") {
		t.Fatalf("back at the start: %d events\n%s", m.snap.Events, screen(m))
	}
}

// k crashes the selected node and restarts it; the screen says so.
func TestCrashAndRestart(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	stepUntil(t, m, 300, func(s raft.Snapshot) bool { return leader(s) != 0 })
	id := leader(m.snap)
	press(m, strconv.FormatUint(id, 10))
	if m.selected != id {
		t.Fatalf("selected n%d, want n%d", m.selected, id)
	}
	press(m, "k")
	if m.node(id).Role != raft.Down {
		t.Fatalf("k did not crash n%d: %v", id, m.node(id).Role)
	}
	s := screen(m)
	if !strings.Contains(s, "▶ "+raft.Name(id)+"  ✗ crashed") || !strings.Contains(s, raft.Name(id)+" crashes.") {
		t.Fatalf("the crash does not show:\n%s", s)
	}
	for _, k := range []string{"w", "g"} { // a request to a crashed node is refused aloud
		press(m, k)
		if !strings.Contains(screen(m), raft.Name(id)+" is down: a crashed node takes no requests") {
			t.Fatalf("%s on crashed %s said nothing:\n%s", k, raft.Name(id), screen(m))
		}
	}
	press(m, "k")
	if r := m.node(id).Role; r != raft.Follower {
		t.Fatalf("k did not restart n%d as a follower: %v", id, r)
	}
	if s := screen(m); !strings.Contains(s, raft.Name(id)+" restarts from its disk") {
		t.Fatalf("the restart does not show:\n%s", s)
	}
	press(m, "7")
	if m.selected != id || !strings.Contains(screen(m), "This cluster has 5 nodes.") {
		t.Fatalf("7 selected n%d or said nothing:\n%s", m.selected, screen(m))
	}
}

// p opens the chooser: digits choose the nodes to cut off (shown in the
// prompt and the table), enter cuts, esc gives up; while it is open the
// pane captures the keys. h heals.
func TestPartitionChooser(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	stepUntil(t, m, 300, func(s raft.Snapshot) bool { return leader(s) != 0 })
	press(m, "p")
	if !m.Capturing() || !strings.Contains(screen(m), "Partition: press the numbers") {
		t.Fatalf("p opened no chooser:\n%s", screen(m))
	}
	press(m, "1", "3", "3", "2")
	if !slices.Equal(m.choosing.Side(), []uint64{1, 2}) {
		t.Fatalf("chose %v, want [1 2]", m.choosing.Side())
	}
	s := screen(m)
	if !strings.Contains(s, "cut off n1, n2 from the rest") || !strings.Contains(s, "✂ n1") || !strings.Contains(s, "✂ n2") {
		t.Fatalf("the choice does not show:\n%s", s)
	}
	if h := m.KeyMap().ShortHelp(); len(h) != 3 || h[1].Help().Key != "enter" {
		t.Fatalf("the help bar does not show the chooser's keys: %v", h)
	}
	press(m, "esc")
	if m.Capturing() || m.snap.Partition != nil {
		t.Fatal("esc did not cancel the chooser")
	}
	press(m, "p", "enter")
	if !strings.Contains(screen(m), "Cut off at least one node") || !m.Capturing() {
		t.Fatalf("enter with nothing chosen:\n%s", screen(m))
	}
	press(m, "4", "5", "enter")
	if m.Capturing() || !slices.Equal(m.snap.Partition, []int{0, 0, 0, 1, 1}) {
		t.Fatalf("partition %v", m.snap.Partition)
	}
	s = screen(m)
	if !strings.Contains(s, "✂ partition: messages between the sides are lost") || !strings.Contains(s, "The network splits: {n1,n2,n3} | {n4,n5}") {
		t.Fatalf("the partition does not show:\n%s", s)
	}
	// The sides are apart: n4 and n5 below the wall.
	lines := strings.Split(s, "\n")
	at := func(prefix string) int {
		return slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(strings.TrimLeft(l, " ▶"), prefix) })
	}
	if wall := at("╌"); !(at("n3 ") < wall && wall < at("n4 ") && wall < at("n5 ")) {
		t.Fatalf("the wall is not between the sides:\n%s", s)
	}
	press(m, "h")
	if m.snap.Partition != nil || !strings.Contains(screen(m), "The partition heals") {
		t.Fatalf("h did not heal:\n%s", screen(m))
	}
	press(m, "h")
	if !strings.Contains(screen(m), "no partition to heal") {
		t.Fatalf("h on a whole network says nothing:\n%s", screen(m))
	}
}

// c goes through the scenarios in order, then the free run, then back to
// the first; each starts from its beginning with its own nodes.
func TestScenarioCycle(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	p := m.Com.Printer
	var seen []string
	for range len(raft.Scenarios()) + 2 {
		title := p.T("Free run")
		if sc := m.current(); sc != nil {
			title = sc.Title(p)
			if len(m.snap.Nodes) != sc.Nodes {
				t.Errorf("%s runs on %d nodes, want %d", sc.Name, len(m.snap.Nodes), sc.Nodes)
			}
		}
		if m.snap.Events != 0 || !strings.HasPrefix(strings.TrimSpace(screen(m)), title) {
			t.Fatalf("%q does not start at its beginning under its title:\n%s", title, screen(m))
		}
		seen = append(seen, title)
		press(m, "right", "c")
	}
	want := []string{}
	for _, sc := range raft.Scenarios() {
		want = append(want, sc.Title(p))
	}
	want = append(want, p.T("Free run"), raft.Scenarios()[0].Title(p))
	if !slices.Equal(seen, want) {
		t.Fatalf("c went %q, want %q", seen, want)
	}
	// A free run's size is the student's: [ and ].
	for m.current() != nil {
		press(m, "c")
	}
	press(m, "]", "]", "]")
	if len(m.snap.Nodes) != 7 || !strings.Contains(screen(m), "A cluster has 3 to 7 nodes.") {
		t.Fatalf("] three times from 5: %d nodes\n%s", len(m.snap.Nodes), screen(m))
	}
	press(m, "c", "[")
	if !strings.Contains(screen(m), "A scenario sets its own nodes") {
		t.Fatalf("[ on a scenario says nothing:\n%s", screen(m))
	}
}

// Playing moves the display clock at the speed, and makes exactly the
// events due by it; paused, nothing moves and the pane does not animate.
func TestPlayAtSpeed(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	if !m.Animating() || m.play.Rate() != 0.05 {
		t.Fatalf("a new pane does not play at 0.05× (animating %v, %v×)", m.Animating(), m.play.Rate())
	}
	play(m, 2*time.Second) // 100 ms of the run
	if m.play.Clock < 99*time.Millisecond || m.play.Clock > 101*time.Millisecond {
		t.Fatalf("2 s at 0.05× moved the clock to %v", m.play.Clock)
	}
	if at, ok := m.sim.NextAt(); !ok || at <= m.play.Clock || m.snap.Now > m.play.Clock {
		t.Fatalf("events due are not made, or made early: next at %v, last at %v, clock %v", at, m.snap.Now, m.play.Clock)
	}
	press(m, "+", "+", "+", "+", "+", "+")
	if m.play.Rate() != 1 {
		t.Fatalf("+ stops at %v×", m.play.Rate())
	}
	press(m, "space")
	if m.Animating() {
		t.Fatal("a paused pane animates")
	}
	clock, events := m.play.Clock, m.snap.Events
	if changed, _ := m.Frame(time.Unix(2000, 0)); changed || m.play.Clock != clock || m.snap.Events != events {
		t.Fatal("a frame moved a paused run")
	}
	if !strings.Contains(screen(m), "⏸ paused (speed 1×)") {
		t.Fatalf("no paused state in the status:\n%s", screen(m))
	}
}

// Flights show their kind, their sender and receiver, and what will
// become of them: a message dropped with d, one a partition cuts.
func TestFlightsShowTheirFate(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	stepUntil(t, m, 300, func(s raft.Snapshot) bool { return leader(s) != 0 && len(s.Flights) > 2 })
	f := m.snap.Flights[0]
	press(m, "d")
	if s := screen(m); !strings.Contains(s, raft.Name(f.From)+" ") || !strings.Contains(s, f.Label) || !strings.Contains(s, "✗ dropped") {
		t.Fatalf("the message to drop does not show:\n%s", s)
	}
	press(m, "p", "1", "enter", "w")
	stepUntil(t, m, 100, func(s raft.Snapshot) bool {
		return slices.ContainsFunc(s.Flights, func(f raft.FlightView) bool { return f.Cut })
	})
	if s := screen(m); !strings.Contains(s, "✂ cut") {
		t.Fatalf("no cut message shows:\n%s", s)
	}
}
