package chatpane

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/charmbracelet/x/ansi"
	"go.uber.org/goleak"

	"distlab/demos/chat"
	"distlab/demos/chat/chattest"
	"distlab/demos/locale"
)

// row is node id's row of the cluster map on screen.
func row(screen, id string) string {
	for _, l := range strings.Split(screen, "\n") {
		if f := strings.Fields(l); len(f) > 1 && (f[0] == id || f[0] == "›" && f[1] == id) {
			return l
		}
	}
	return ""
}

// A bot removed while the demo is paused shows at once in the status line
// and, once its node sees it leave, in its node's clients: the paused
// pane keeps sampling for a while after a key, then stops.
func TestPausedRemoveBot(t *testing.T) {
	defer goleak.VerifyNone(t)
	m := start(t, locale.English)
	defer m.Close()
	at := time.Unix(1000, 0)
	frames(t, m, &at, "bot2 on n2", func(s string) bool { return strings.Contains(row(s, "n2"), "2 clients") })
	press(m, "space")
	if m.Animating() {
		t.Fatal("a paused pane animates")
	}
	run(t, m, press(m, "d")[0]) // bot2, the newest, on n2
	if s := ansi.Strip(m.View()); !strings.Contains(s, "1 bot ×") {
		t.Fatalf("the status still counts two bots:\n%s", s)
	}
	if !m.Animating() {
		t.Fatal("paused, the pane does not sample what d did")
	}
	frames(t, m, &at, "n2 to count one client less", func(s string) bool { return strings.Contains(row(s, "n2"), "1 client ·") })
	for range 70 { // settleFor of frames
		at = at.Add(100 * time.Millisecond)
		m.Frame(at)
	}
	if m.Animating() {
		t.Fatal("paused, the pane samples on and on")
	}
}

// R puts the demo back as it started, with the real engine: after a
// crash, a freeze, very slow links and a pause, every node is up, each
// client on its own node, the links fast, the bots running, no old notice
// pinned.
func TestResetKey(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		m := startMem(t, locale.English)
		defer m.Close()
		run(t, m, press(m, "c")[0]) // n1, where you are
		press(m, "down")
		run(t, m, press(m, "f")[0]) // n2, where ana is
		press(m, "S", "space")
		memFrames(t, m, "you to fail over", func(s string) bool { return strings.Contains(s, "▎*** reconnected to") })
		if done := run(t, m, press(m, "R")[0]); done.Err != nil {
			t.Fatal(done.Err)
		}
		if m.Paused() || !m.Animating() || m.selected != 0 {
			t.Fatalf("after R: paused %v, animating %v, node %d selected", m.Paused(), m.Animating(), m.selected+1)
		}
		memFrames(t, m, "the demo as it started", func(s string) bool {
			return strings.Contains(s, "n1 ● up") && strings.Contains(s, "n2 ● up") && strings.Contains(s, "n3 ● up") &&
				strings.Contains(s, " you@n1 ") && strings.Contains(s, " ana@n2 ") && strings.Contains(s, " bruno@n3 ") &&
				strings.Contains(s, "2 bots × 0.5 msg/s · slow links off") && !strings.Contains(s, "paused") &&
				!strings.Contains(s, "▎") && strings.Contains(s, "bot1@n1: message 1 from")
		})
		for i, n := range m.cluster.Nodes() {
			if st := n.Stats(); !st.Up || st.Frozen {
				t.Errorf("n%d after R: up %v, frozen %v", i+1, st.Up, st.Frozen)
			}
		}
		if m.cluster.Links() != chat.LinksFast {
			t.Error("slow links after R")
		}
	})
}

// R is in the pane's help, in both languages.
func TestResetInHelp(t *testing.T) {
	for l, want := range map[locale.Lang]string{locale.English: "reset demo", locale.Portuguese: "reiniciar a demonstração"} {
		m := newPane(l)
		found := false
		for _, col := range m.KeyMap().FullHelp() {
			for _, b := range col {
				found = found || b.Help().Key == "R" && b.Help().Desc == want
			}
		}
		if !found {
			t.Errorf("%s: no R %q in the help", l, want)
		}
	}
}

// Each node's msg/s is what its own clients send: with bot1 on n1 and
// bot2 on n2 posting 4 a second each, n1 and n2 read about 4 and n3,
// with no bot, 0 — not every node the cluster's total.
func TestRatePerNode(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		m := startMem(t, locale.English)
		defer m.Close()
		press(m, "]", "]", "]") // 0.5 → 4 msg/s a bot
		figure := regexp.MustCompile(`(\d+\.\d) msg/s from its clients`)
		rate := func(s, id string) float64 {
			f := figure.FindStringSubmatch(row(s, id))
			if f == nil {
				return -1
			}
			x, _ := strconv.ParseFloat(f[1], 64)
			return x
		}
		about4 := func(r float64) bool { return r >= 3 && r <= 5 }
		memFrames(t, m, "n1 and n2 to read about 4 msg/s", func(s string) bool { return about4(rate(s, "n1")) && about4(rate(s, "n2")) })
		s := ansi.Strip(m.View())
		if r1, r2, r3 := rate(s, "n1"), rate(s, "n2"), rate(s, "n3"); r1 < 3 || r1 > 5 || r2 < 3 || r2 > 5 || r3 != 0 {
			t.Fatalf("rates n1 %.1f, n2 %.1f, n3 %.1f; want about 4, 4, 0:\n%s", r1, r2, r3, s)
		}
	})
}

// With the real engine: crash the node "you" is on while the bots post 8
// lines a second each; seconds later, long after those lines scrolled
// past, the notices of the failover are still pinned under "you".
func TestFailoverNoticesStayInView(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		m := startMem(t, locale.English)
		defer m.Close()
		m.SetSize(80, 24)
		press(m, "]", "]", "]", "]")
		run(t, m, press(m, "c")[0]) // n1, where you are
		pinned := func(s string) bool {
			lines := strings.Split(s, "\n")
			for i, l := range lines {
				if strings.HasPrefix(l, " you@n2 ") || strings.HasPrefix(l, " you@n3 ") {
					return i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ▎*** connection to n1") && strings.Contains(s, "▎*** reconnected to n")
				}
			}
			return false
		}
		memFrames(t, m, "the failover pinned", pinned)
		_, before := m.cluster.Views()[0].Lines(0)
		memFrames(t, m, "40 more lines under you", func(string) bool {
			_, total := m.cluster.Views()[0].Lines(0)
			return total > before+40
		})
		if s := ansi.Strip(m.View()); !pinned(s) {
			t.Fatalf("the notices scrolled away:\n%s", s)
		}
	})
}

// startMem is start on an in-memory network (chattest.Net), for a test
// inside a synctest bubble: the cluster runs on the bubble's fake time,
// so heartbeats, failovers and rate windows cost no real seconds, and
// synctest.Test fails if anything is left running after the pane closed.
func startMem(t *testing.T, l locale.Lang) *Model {
	t.Helper()
	m := newPane(l)
	mem := chattest.NewNet()
	m.startDemo = func(cfg chat.DemoConfig) (*chat.Demo, error) {
		cfg.Listen, cfg.Dial = mem.Listen, mem.Dial
		return chat.StartDemo(cfg)
	}
	m.Update(m.Init()())
	if m.cluster == nil {
		t.Fatalf("the cluster did not start: %v", m.Err())
	}
	t.Cleanup(m.Close)
	return m
}

// memFrames plays frames 100 ms of fake time apart, each once the cluster
// has done all it can meanwhile, until the screen satisfies cond; it gives
// up after a minute of fake time.
func memFrames(t *testing.T, m *Model, what string, cond func(screen string) bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); ; {
		time.Sleep(100 * time.Millisecond)
		synctest.Wait()
		m.Frame(time.Now())
		if s := ansi.Strip(m.View()); cond(s) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("not in a minute: %s in:\n%s", what, ansi.Strip(m.View()))
		}
	}
}
