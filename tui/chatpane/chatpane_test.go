package chatpane

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"go.uber.org/goleak"

	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/i18n"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// start builds a pane whose frames are held (the test sends them) and runs
// its start command.
func start(t *testing.T) (*Model, *int) {
	t.Helper()
	armed := 0
	com := &common.Common{Styles: theme.New(theme.Dark), Text: i18n.For("en"),
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { armed++; return nil }}
	m := New(demo.Env{Com: com, ID: 7, Instance: 1}, "127.0.0.1")
	m.SetSize(100, 30)
	msg := m.Init()()
	m.Update(msg)
	if m.demo == nil {
		t.Fatalf("the cluster did not start: %v", m.err)
	}
	return m, &armed
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(panetest.Key(k))
	}
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestPaneDrivesTheCluster(t *testing.T) {
	defer goleak.VerifyNone(t)
	m, armed := start(t)
	defer func() {
		d := m.demo
		m.Close()
		d.Close() // Close stops it in the background; wait here for the leak check
		time.Sleep(50 * time.Millisecond)
	}()
	if *armed != 0 {
		t.Fatal("ticking before it is visible")
	}
	m.SetVisible(true)
	if *armed != 1 {
		t.Fatal("not ticking while visible")
	}
	screen := func() string { m.Update(frameMsg{id: 7}); return ansi.Strip(m.View()) }
	for _, want := range []string{"n1 ● up", "n2 ● up", "n3 ● up", "join from another terminal: nc 127.0.0.1", "you@n1"} {
		if !strings.Contains(screen(), want) {
			t.Fatalf("no %q in:\n%s", want, screen())
		}
	}
	press(m, "i", "h", "i", " ", "a", "l", "l", "enter", "esc")
	if m.Capturing() {
		t.Fatal("esc did not stop typing")
	}
	eventually(t, "ana to see what you said", func() bool { return strings.Contains(screen(), "you@n1: hi all") })
	press(m, "c") // crash n1, where you are
	eventually(t, "n1 down and you failed over", func() bool {
		s := screen()
		ok := strings.Contains(s, "n1 ✗ DOWN") && !strings.Contains(s, " you@n1 ") && !strings.Contains(s, "you@…")
		return ok
	})
	press(m, "r")
	eventually(t, "n1 back", func() bool { return strings.Contains(screen(), "n1 ● up") })
	press(m, "a", "s")
	eventually(t, "a third bot and slow links", func() bool {
		s := screen()
		return strings.Contains(s, "3 bots") && strings.Contains(s, "slow links ON")
	})
	press(m, "space")
	before := *armed
	m.Update(frameMsg{id: 7})
	if *armed != before {
		t.Fatal("a paused pane keeps ticking")
	}
	m.SetVisible(false)
	press(m, "space") // resume while hidden: still no tick
	if *armed != before {
		t.Fatal("a hidden pane ticks")
	}
}

// Every size down to 1×1 draws exactly the size asked.
func TestPaneSizes(t *testing.T) {
	defer goleak.VerifyNone(t)
	m, _ := start(t)
	defer func() { d := m.demo; m.Close(); d.Close(); time.Sleep(50 * time.Millisecond) }()
	m.Update(frameMsg{id: 7})
	panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m})
}

func TestOutOfOrder(t *testing.T) {
	views := []viewSnap{
		{lines: []string{"10:00:00 a@n1: 1", "10:00:01 b@n2: 2", "10:00:02 c@n3: 3"}},
		{lines: []string{"10:00:00 b@n2: 2", "10:00:01 a@n1: 1", "10:00:02 c@n3: 3"}},
		{lines: []string{"10:00:00 a@n1: 1", "10:00:01 b@n2: 2", "*** notice"}},
	}
	got := outOfOrder(views)
	if !got[1]["a@n1: 1"] || !got[1]["b@n2: 2"] || got[1]["c@n3: 3"] || len(got[2]) != 0 {
		t.Fatalf("marks %v", got)
	}
}
