package chatpane

import (
	"errors"
	"fmt"
	"net"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"go.uber.org/goleak"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// newPane is a pane in language l, not started.
func newPane(l locale.Lang) *Model {
	m := New(demo.Env{Com: common.New(theme.New(theme.Dark), l), Demo: Demo(), ID: 7, Instance: 1}, "127.0.0.1")
	m.SetSize(100, 30)
	return m
}

// start builds a pane in language l and runs its start command; the test
// closes it, and then nothing of it may be left running.
func start(t *testing.T, l locale.Lang) *Model {
	t.Helper()
	m := newPane(l)
	if m.Animating() {
		t.Fatal("animating before the cluster started")
	}
	m.Update(m.Init()())
	if m.cluster == nil {
		t.Fatalf("the cluster did not start: %v", m.Err())
	}
	t.Cleanup(m.Close)
	return m
}

func press(m *Model, keys ...string) []tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range keys {
		if cmd := m.Update(panetest.Key(k)); cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	return cmds
}

// run runs a key's engine call as Bubble Tea would, hands the result to
// the pane, and returns it.
func run(t *testing.T, m *Model, cmd tea.Cmd) common.DoneMsg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	done, ok := cmd().(common.DoneMsg)
	if !ok || done.Pane != 7 {
		t.Fatalf("the command returned %#v, want a DoneMsg for pane 7", done)
	}
	m.Update(done)
	return done
}

// frames plays frames of the app's clock, 100 ms apart from at, until the
// screen satisfies cond (the cluster's sockets take real time).
func frames(t *testing.T, m *Model, at *time.Time, what string, cond func(screen string) bool) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; { // generous: -race on two loaded cores is slow
		*at = at.Add(100 * time.Millisecond)
		m.Frame(*at)
		if s := ansi.Strip(m.View()); cond(s) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %s in:\n%s", what, ansi.Strip(m.View()))
		}
		time.Sleep(10 * time.Millisecond) // the cluster's pace, not the frames'
	}
}

func TestPaneDrivesTheCluster(t *testing.T) {
	defer goleak.VerifyNone(t)
	m := start(t, locale.English)
	defer m.Close() // before the leak check
	if !m.Animating() {
		t.Fatal("a started pane does not animate")
	}
	at := time.Unix(1000, 0)
	screen := ansi.Strip(m.View())
	for _, want := range []string{"n1 ● up", "n2 ● up", "n3 ● up", "join from another terminal: nc 127.0.0.1 ", "you@n1"} {
		if !strings.Contains(screen, want) {
			t.Fatalf("no %q in:\n%s", want, screen)
		}
	}
	press(m, "i", "h", "i", "space", "a", "l", "l", "enter", "esc")
	if m.Capturing() {
		t.Fatal("esc did not stop typing")
	}
	frames(t, m, &at, "ana to see what you said", func(s string) bool { return strings.Contains(s, "you@n1: hi all") })

	done := run(t, m, press(m, "c")[0]) // crash n1, where you are
	if done.Err != nil {
		t.Fatal(done.Err)
	}
	if s := ansi.Strip(m.View()); !strings.Contains(s, "n1 ✗ DOWN") {
		t.Fatalf("n1 not down once Kill returned:\n%s", s)
	}
	frames(t, m, &at, "you failed over", func(s string) bool {
		return !strings.Contains(s, " you@n1 ") && !strings.Contains(s, "you@…")
	})
	if done := run(t, m, press(m, "r")[0]); done.Err != nil {
		t.Fatal(done.Err)
	}
	if s := ansi.Strip(m.View()); !strings.Contains(s, "n1 ● up") {
		t.Fatalf("n1 not up once Restart returned:\n%s", s)
	}
	cmds := press(m, "a", "s")
	if len(cmds) != 1 {
		t.Fatalf("%d commands for a and s; want one, AddBot's", len(cmds))
	}
	if done := run(t, m, cmds[0]); done.Err != nil {
		t.Fatal(done.Err)
	}
	if s := ansi.Strip(m.View()); !strings.Contains(s, "3 bots") || !strings.Contains(s, "slow links ON") {
		t.Fatalf("no third bot or slow links:\n%s", s)
	}
	press(m, "space")
	if m.Animating() || !strings.Contains(ansi.Strip(m.View()), "paused") {
		t.Fatal("a paused pane animates")
	}
	press(m, "space")
	if !m.Animating() {
		t.Fatal("a resumed pane does not animate")
	}
}

// Engine calls run as commands, and their errors come back in the
// reader's language for the root's status line.
func TestCommandErrorsInTheReadersLanguage(t *testing.T) {
	defer goleak.VerifyNone(t)
	m := start(t, locale.Portuguese)
	defer m.Close()
	press(m, "down") // n2
	if done := run(t, m, press(m, "c")[0]); done.Err != nil {
		t.Fatal(done.Err)
	}
	addr := m.cluster.Nodes()[1].Addr()
	ln, err := net.Listen("tcp", addr) // something takes n2's port while it is down
	if err != nil {
		t.Fatal(err)
	}
	done := run(t, m, press(m, "r")[0])
	ln.Close()
	_, port, _ := net.SplitHostPort(addr)
	if !errors.Is(done.Err, chat.ErrPortInUse) {
		t.Fatalf("restart on a taken port: %v", done.Err)
	}
	if got, want := m.Com.Printer.Err(done.Err), "religar n2: porta "+port+" em uso"; got != want {
		t.Fatalf("the status line would say %q, want %q", got, want)
	}
	if got, want := locale.For(locale.English).Err(done.Err), "restart n2: port "+port+" in use"; got != want {
		t.Fatalf("in English %q, want %q", got, want)
	}
	for range 2 { // the demo starts with two bots
		if done := run(t, m, press(m, "d")[0]); done.Err != nil {
			t.Fatal(done.Err)
		}
	}
	done = run(t, m, press(m, "d")[0])
	if got := m.Com.Printer.Err(done.Err); got != "chat: nenhum robô para remover" {
		t.Fatalf("removing a bot that is not there: %q", got)
	}
}

// Frame reports a change only when what the pane draws changed.
func TestFrameReportsChanges(t *testing.T) {
	defer goleak.VerifyNone(t)
	m := start(t, locale.English)
	defer m.Close()
	m.cluster.SetPaused(true) // the bots say nothing
	at := time.Unix(1000, 0)
	m.Frame(at)
	m.cluster.Say("ping")
	at = at.Add(100 * time.Millisecond)
	frames(t, m, &at, "the line on every screen", func(s string) bool { return strings.Count(s, "you@n1: ping") == 3 }) // yours (shown as sent) and the others
	// Quiet now: the rates settle to zero, and once the cluster's own
	// goroutines (timers, the ack's round trip) have come and gone — real
	// time, however the frames' clock runs — frames change nothing. A frame
	// that says it changed nothing draws what the last one drew.
	for range 60 {
		at = at.Add(100 * time.Millisecond)
		m.Frame(at)
	}
	for quiet, deadline := 0, time.Now().Add(15*time.Second); quiet < 10; time.Sleep(10 * time.Millisecond) {
		at = at.Add(100 * time.Millisecond)
		before := ansi.Strip(m.View())
		changed, _ := m.Frame(at)
		switch after := ansi.Strip(m.View()); {
		case !changed && after != before:
			t.Fatalf("a frame said the pane did not change, but it did:\n%s\nthen\n%s", before, after)
		case changed:
			quiet = 0
		default:
			quiet++
		}
		if time.Now().After(deadline) {
			t.Fatalf("a quiet cluster still changes the pane:\n%s", before)
		}
	}
	m.cluster.Say("pong")
	frames(t, m, &at, "the next line", func(s string) bool { return strings.Contains(s, "you@n1: pong") })
}

// A pane closed before its start command ran, or while it runs, leaves
// nothing running once Close returns.
func TestCloseWhileStarting(t *testing.T) {
	defer goleak.VerifyNone(t)

	m := newPane(locale.English)
	cmd := m.Init()
	m.Close()
	if msg := cmd(); msg != nil {
		t.Fatalf("a closed pane's start returned %#v", msg)
	}

	m = newPane(locale.English)
	starting, release := make(chan struct{}), make(chan struct{})
	m.startDemo = func(cfg chat.DemoConfig) (*chat.Demo, error) {
		close(starting)
		<-release
		return chat.StartDemo(cfg)
	}
	cmd = m.Init()
	var wg sync.WaitGroup
	var msg tea.Msg
	wg.Go(func() { msg = cmd() })
	<-starting
	closed := make(chan struct{})
	wg.Go(func() { m.Close(); close(closed) })
	for !m.start.isClosed() { // Close has begun: now let the start go on
		runtime.Gosched()
	}
	select {
	case <-closed:
		t.Fatal("Close returned while the cluster was starting")
	default:
	}
	close(release)
	<-closed
	goleak.VerifyNone(t) // at once: Close waited for the cluster to go
	wg.Wait()
	if msg != nil {
		t.Fatalf("the start of a closed pane returned %#v", msg)
	}
}

func (h *handoff) isClosed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.closed
}

// Every size down to 1×1 draws exactly the size asked.
func TestPaneSizes(t *testing.T) {
	defer goleak.VerifyNone(t)
	m := start(t, locale.English)
	defer m.Close()
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

// With --chat-port, a pane's nodes listen on the port and the next ones,
// and a second pane 10 further, so an instructor can write the addresses
// on the board before class.
func TestFixedPorts(t *testing.T) {
	free := func() int {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		return ln.Addr().(*net.TCPAddr).Port
	}
	base := free()
	for seat, want := range map[int]int{0: base, 1: base + 10} {
		var got chat.DemoConfig
		m := New(demo.Env{Com: common.New(theme.New(theme.Dark), locale.English), Demo: Demo(), ID: 7, Instance: 5, Seat: seat, Port: base}, "127.0.0.1")
		m.startDemo = func(cfg chat.DemoConfig) (*chat.Demo, error) { got = cfg; return nil, errors.New("not started") }
		m.Init()()
		if got.Port != want {
			t.Errorf("seat %d: nodes from port %d, want %d", seat, got.Port, want)
		}
	}
	d, err := chat.StartDemo(chat.DemoConfig{Host: "127.0.0.1", Port: base, Bots: -1})
	if err != nil {
		t.Skipf("port %d taken meanwhile: %v", base, err)
	}
	defer d.Close()
	for i, n := range d.Nodes() {
		if want := net.JoinHostPort("127.0.0.1", strconv.Itoa(base+i)); n.Addr() != want {
			t.Errorf("node %d at %s, want %s", i+1, n.Addr(), want)
		}
	}
}

// With --chat-host 0.0.0.0 the node rows name the addresses people join
// at, never 0.0.0.0, and each client's column names its node.
func TestWildcardHostRows(t *testing.T) {
	m := New(demo.Env{Com: common.New(theme.New(theme.Dark), locale.English), Demo: Demo(), ID: 7, Instance: 1}, "0.0.0.0")
	m.SetSize(100, 30)
	m.Update(m.Init()())
	if m.cluster == nil {
		t.Fatalf("the cluster did not start: %v", m.Err())
	}
	t.Cleanup(m.Close)
	m.sample()
	for _, n := range m.snap.nodes {
		if strings.HasPrefix(n.Addr, "0.0.0.0") {
			t.Errorf("node %s shown at %s", n.ID, n.Addr)
		}
	}
	for i, v := range m.snap.views {
		if want := fmt.Sprintf("n%d", i+1); v.node != want {
			t.Errorf("client %s shown on node %q, want %s", v.name, v.node, want)
		}
	}
	if s := ansi.Strip(m.View()); strings.Contains(s, "0.0.0.0") {
		t.Errorf("the pane shows 0.0.0.0:\n%s", s)
	}
}

// s turns slow links on and off; S, very slow ones, whose status says the
// heartbeat timeout is passed.
func TestLinkSpeedKeys(t *testing.T) {
	m := start(t, locale.English)
	for _, c := range []struct {
		key    string
		want   chat.LinkSpeed
		status string
	}{
		{"s", chat.LinksSlow, "slow links ON (150–450 ms)"},
		{"s", chat.LinksFast, "slow links off"},
		{"S", chat.LinksVerySlow, "very slow links (0.3–3.3 s > 1 s timeout)"},
		{"s", chat.LinksSlow, "slow links ON"},
		{"S", chat.LinksVerySlow, "very slow links"},
		{"S", chat.LinksFast, "slow links off"},
	} {
		press(m, c.key)
		if got := m.cluster.Links(); got != c.want {
			t.Fatalf("after %s: links %d, want %d", c.key, got, c.want)
		}
		m.sample()
		if s := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(s, c.status) {
			t.Fatalf("after %s the pane does not say %q:\n%s", c.key, c.status, s)
		}
	}
}
