package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"go.uber.org/goleak"

	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/demo/demotest"
)

// pluginDemos are the shipped demos and the test-only one.
var pluginDemos = demo.NewRegistry(append(Demos().All(), demotest.Demo())...)

// A demo is a plugin: the test-only demo lives in its own folder
// (tui/demo/demotest) and is plugged in by one registry line, here beside
// the shipped demos. Registry, picker, demo bar, 1–9, help bar, close,
// zoom, the status line for a failed engine call and the language switch
// all work with nothing else edited.
func TestDemoIsAPlugin(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2.runClock"))
	reg := pluginDemos // one registry line beside the shipped demos
	m := New(Config{Load: fixture, Lang: "en", Source: "test", Demos: reg})
	m.com.Tick = holdTicks
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	defer m.Close()

	if !reg.Known(demotest.ID) {
		t.Fatal("the registry does not know the plugged-in demo")
	}
	if !strings.Contains(screen(m), "▶ 1 ticker") { // the lesson's demo bar
		t.Fatalf("no demo bar naming the plugin:\n%s", screen(m))
	}
	press(t, m, "D")
	if s := screen(m); !strings.Contains(s, "A goroutine that counts.") || !strings.Contains(s, "chat cluster") {
		t.Fatalf("the picker does not list the plugin beside the shipped demos:\n%s", s)
	}
	press(t, m, "esc", "1") // the lesson's first demo, by its number
	if m.Focused() != demotest.ID || m.Panes() != 2 {
		t.Fatalf("1 opened %q (%d panes)", m.Focused(), m.Panes())
	}
	if s := screen(m); !strings.Contains(s, "space pause") || !strings.Contains(s, "r reset") {
		t.Fatalf("the help bar lacks the plugin's keys:\n%s", s)
	}
	press(t, m, "space", "r") // a paused counter refuses a reset: the engine call's error shows
	if s := screen(m); !strings.Contains(s, "a paused counter cannot be reset") {
		t.Fatalf("the failed engine call is not in the status line:\n%s", s)
	}
	press(t, m, "z")
	if !m.zoom || len(m.layout.Panes) != 2 || m.layout.Panes[0].W != 0 {
		t.Fatal("zoom did not give the plugin the workspace")
	}
	press(t, m, "L")
	if s := screen(m); !strings.Contains(s, "contador") || !strings.Contains(s, "pausar") || !strings.Contains(s, "pausado") {
		t.Fatalf("the plugin did not switch language:\n%s", s)
	}
	if s := screen(m); !strings.Contains(s, "um contador pausado não pode ser zerado") {
		t.Fatalf("the status line did not follow the language:\n%s", s)
	}
	tk := tickers(m)[0]
	press(t, m, "z", "x")
	if m.Panes() != 1 || !tk.Closed() {
		t.Fatal("x did not close the plugin and release its engine")
	}
}

// No pane key collides with an app key: a pane owns lowercase letters,
// digits, arrows and some symbols; the app keeps the rest, and a pane
// that bound one of them would never see it.
func TestPaneKeysDoNotCollideWithAppKeys(t *testing.T) {
	reg := pluginDemos
	m := newApp(t, fixture, "en", 200, 60)
	app := map[string]bool{}
	for _, b := range m.keys.All() {
		for _, k := range b.Keys() {
			app[k] = true
		}
	}
	check := func(name string, p common.Pane) {
		for _, col := range p.KeyMap().FullHelp() {
			for _, b := range col {
				for _, k := range b.Keys() {
					if app[k] {
						t.Errorf("%s binds %q (%s), an app key", name, k, b.Help().Desc)
					}
				}
			}
		}
	}
	check("lesson list", m.list)
	check("reader", m.reader)
	for _, d := range reg.All() {
		p := d.New(demo.Env{Com: m.com, Demo: d, ID: 1000, Instance: 1, Host: "127.0.0.1"})
		check(d.ID, p)
		if c, ok := p.(common.Closer); ok {
			c.Close()
		}
	}
}

// A text field's own words are in both languages: the checker of messages
// finds none missing among those registered.
func TestMessagesHaveBothLanguages(t *testing.T) {
	if p := locale.Problems(); len(p) > 0 {
		t.Fatalf("messages with problems:\n%s", strings.Join(p, "\n"))
	}
	if !slices.ContainsFunc(locale.Messages(), func(msg locale.Message) bool { return msg.Key == "leave presenter" }) {
		t.Fatal("the root's messages are not registered")
	}
}

// Panes of one demo are numbered by the order they were opened and a
// number is never given twice, even after a close.
func TestInstanceNumbersAreNeverReused(t *testing.T) {
	m := newApp(t, fixture, "en", 160, 40)
	press(t, m, "D", "enter", "D", "enter") // ticker, ticker #2
	for m.Focused() != "ticker" || tickers(m)[0] != m.slots[m.focus].pane {
		press(t, m, "tab")
	}
	press(t, m, "x", "D", "enter") // close the first, open another
	var titles []string
	for _, tk := range tickers(m) {
		titles = append(titles, tk.Title())
	}
	if len(titles) != 2 || titles[0] == titles[1] || titles[1] != "ticker #3" {
		t.Fatalf("titles %q", titles)
	}
}

// On a terminal too small to show anything, a field that types keeps its
// keys: q quits only when nothing is typing.
func TestTooSmallKeepsTyping(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "shift+tab", "/", "c")
	send(t, m, tea.WindowSizeMsg{Width: 50, Height: 12})
	if _, cmd := m.Update(keyMsg("q")); cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while the filter was typing")
		}
	}
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "esc")
	send(t, m, tea.WindowSizeMsg{Width: 50, Height: 12})
	if _, cmd := m.Update(keyMsg("q")); cmd == nil {
		t.Fatal("q did not quit on a too-small screen")
	}
}

// Seats, unlike instance numbers, come back: a pane closed and opened again
// sits where it sat (the chat demo's fixed ports follow the seat).
func TestSeatsComeBack(t *testing.T) {
	m := newApp(t, fixture, "en", 160, 40)
	press(t, m, "D", "enter", "D", "enter") // ticker (seat 0), ticker #2 (seat 1)
	seats := func() (out []int) {
		for _, s := range m.slots {
			if s.kind == demoSlot {
				out = append(out, s.seat)
			}
		}
		return out
	}
	if got := seats(); !slices.Equal(got, []int{0, 1}) {
		t.Fatalf("seats %v, want [0 1]", got)
	}
	for m.Focused() != "ticker" || tickers(m)[0] != m.slots[m.focus].pane {
		press(t, m, "tab")
	}
	press(t, m, "x", "D", "enter") // close seat 0, open another: it takes seat 0
	if got := seats(); !slices.Equal(got, []int{1, 0}) {
		t.Fatalf("seats %v after closing the first and opening one, want [1 0]", got)
	}
}
