package kvpane

import (
	"charm.land/bubbles/v2/key"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/kv"
	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

func newPane(t testing.TB, lang string, w, h int, start string) *Model {
	t.Helper()
	com := &common.Common{Styles: theme.New(theme.Dark)}
	com.SetLang(locale.Match(lang))
	m := New(demo.Env{Com: com, Demo: Demo(), ID: 9, Instance: 1, Start: start})
	m.SetSize(w, h)
	return m
}

func press(m *Model, keys ...string) (cmds []tea.Cmd) {
	for _, k := range keys {
		if c := m.Update(panetest.Key(k)); c != nil {
			cmds = append(cmds, c)
		}
	}
	return cmds
}

// execute runs a command and hands its messages to the pane, batches
// included, as the app would.
func execute(m *Model, c tea.Cmd) {
	if c == nil {
		return
	}
	switch msg := c().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			execute(m, c)
		}
	case nil:
	default:
		m.Update(msg)
	}
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

// settle runs the verdict check the pane asks for, as the app would (a
// check the keys asked for, whose command the test dropped, is forgotten).
func settle(m *Model) {
	m.verdict.running = false
	if c := m.check(time.Unix(1000, 0)); c != nil {
		m.Update(c())
	}
}

// run steps the run to its end (at most n events) by hand.
func run(m *Model, n int) {
	for range n {
		if !m.sim.Step() {
			break
		}
	}
	m.refresh()
	m.play.Clock = m.snap.Now
}

// Every size gives exactly that many lines of that many cells, from 1×1
// up, for every scenario and the free run, in both languages; a pane too
// small says so.
func TestPaneSizes(t *testing.T) {
	for _, lang := range []string{"en", "pt-BR"} {
		m := newPane(t, lang, 100, 30, "")
		for range len(m.scenarios) + 1 {
			run(m, 80)
			for _, size := range [][2]int{{1, 1}, {20, 5}, {33, 9}, {34, 10}, {38, 20}, {60, 24}, {100, 30}, {200, 60}} {
				m.SetSize(size[0], size[1])
				lines := strings.Split(screen(m), "\n")
				if len(lines) != size[1] {
					t.Fatalf("%s %v: %d lines", lang, size, len(lines))
				}
				for _, l := range lines {
					if ansi.StringWidth(l) != size[0] {
						t.Fatalf("%s %v: a line of %d cells: %q", lang, size, ansi.StringWidth(l), l)
					}
				}
			}
			m.SetSize(20, 5)
			if !strings.Contains(screen(m), "×") {
				t.Errorf("%s: a tiny pane does not say to enlarge it:\n%s", lang, screen(m))
			}
			m.SetSize(100, 30)
			press(m, "c")
		}
	}
}

// The one-one scenario draws what lesson 9 asks the student to find: the
// stale read marked in the timeline, the counter, and the verdict naming
// the operations — in both languages.
func TestStaleReadIsShown(t *testing.T) {
	for _, c := range []struct{ lang, stale, verdict string }{
		{"en", "1 stale read ", "linearizable: no: read x → 0 at"},
		{"pt-BR", "1 leitura desatualizada ", "linearizável: não: leitura x → 0 iniciada em"},
	} {
		m := newPane(t, c.lang, 120, 40, "one-one")
		press(m, "space") // pause: the check runs at once
		run(m, 40)
		settle(m)
		got := screen(m)
		if !strings.Contains(got, "r→0!") || !strings.Contains(got, c.stale) || !strings.Contains(got, c.verdict) {
			t.Errorf("%s:\n%s", c.lang, got)
		}
	}
}

// A partition chosen with p and digits is drawn as a wall with the cut-off
// server under it; a read through it under CP is refused, which meets the
// unavailable challenge; h heals.
func TestPartitionChooser(t *testing.T) {
	m := newPane(t, "en", 120, 40, "quorum")
	press(m, "space", "p", "3")
	if !strings.Contains(screen(m), "cut off n3 from the rest") {
		t.Fatalf("chooser:\n%s", screen(m))
	}
	press(m, "enter", "3", "g")
	got := screen(m)
	wall := strings.Index(got, "partition: no message crosses")
	if wall < 0 || strings.Index(got, "▸ n3") < wall || !strings.Contains(got, "1 refused") {
		t.Fatalf("after the cut:\n%s", got)
	}
	if !m.lab.Met(kv.ChallengeUnavailable) {
		t.Error("a refusal under CP after the student's cut did not meet kv/unavailable")
	}
	press(m, "h")
	if strings.Contains(screen(m), "partition: no message crosses") {
		t.Errorf("healed, still a wall:\n%s", screen(m))
	}
}

// The knobs panel turns what the run can change as it goes (R here) and
// starts a new free run for what it cannot (N); esc closes it.
func TestKnobsPanel(t *testing.T) {
	m := newPane(t, "en", 120, 40, "quorum")
	press(m, "space", "o")
	if !m.Capturing() || !strings.Contains(screen(m), "R, read quorum") {
		t.Fatalf("panel:\n%s", screen(m))
	}
	press(m, "down", "left") // R 2 → 1
	if m.snap.Knobs.R != 1 || !strings.Contains(screen(m), "R = 1 from the next read on") {
		t.Fatalf("R: %d\n%s", m.snap.Knobs.R, screen(m))
	}
	press(m, "up", "right") // N 3 → 4: a new free run
	if m.current() != nil || m.snap.Knobs.N != 4 || len(m.snap.Servers) != 4 || m.snap.Knobs.R != 1 {
		t.Fatalf("N: scenario %v, %+v", m.current(), m.snap.Knobs)
	}
	press(m, "esc")
	if m.Capturing() {
		t.Error("esc left the panel open")
	}
}

// Stepping back restores the screen the step left.
func TestStepBackRestoresTheView(t *testing.T) {
	m := newPane(t, "en", 120, 40, "ap-partition")
	press(m, "space")
	for range 15 {
		press(m, "right")
	}
	before := screen(m)
	press(m, "right", "right", "left", "left")
	if got := screen(m); got != before {
		t.Errorf("after two steps and two back:\n%s\nwant\n%s", got, before)
	}
}

// E writes Porcupine's page next to the program and says where; a served
// class's pane refuses, as the server's disk is not the student's.
func TestExport(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	m := newPane(t, "en", 120, 40, "one-one")
	run(m, 40)
	cmds := press(m, "E")
	if len(cmds) == 0 {
		t.Fatal("E gave no command")
	}
	for _, c := range cmds {
		execute(m, c)
	}
	b, err := os.ReadFile(filepath.Join(dir, "kv-one-one-1.html"))
	if err != nil || !strings.Contains(string(b), "<html") || !strings.Contains(screen(m), "Wrote the history to kv-one-one-1.html") {
		t.Fatalf("export: %v\n%s", err, screen(m))
	}
	m.served = true
	press(m, "E")
	if !strings.Contains(screen(m), "served class") {
		t.Errorf("served:\n%s", screen(m))
	}
}

// The digits' help names the store's servers (1-3 for three), in the
// help bar and in the partition chooser's, and the free run is a title.
func TestDigitsNameTheServers(t *testing.T) {
	m := newPane(t, "en", 100, 30, "")
	keysOf := func(km interface{ ShortHelp() []key.Binding }) []string {
		var out []string
		for _, b := range km.ShortHelp() {
			out = append(out, b.Help().Key)
		}
		return out
	}
	n := len(m.snap.Servers)
	want := "1-" + strconv.Itoa(n)
	if got := keysOf(m.KeyMap()); !slices.Contains(got, want) || slices.Contains(got, "1-7") {
		t.Errorf("%d servers: the help's keys %q, want %s", n, got, want)
	}
	press(m, "p")
	if !m.choosing.IsOpen() {
		t.Fatal("p opened no partition chooser")
	}
	if got := keysOf(m.KeyMap()); !slices.Contains(got, want) {
		t.Errorf("%d servers: the chooser's keys %q, want %s", n, got, want)
	}
}
