package chat

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// startChallengeDemo is a demo on loopback TCP whose nodes have all
// linked up, closed with the test.
func startChallengeDemo(t *testing.T, cfg DemoConfig) *Demo {
	t.Helper()
	d, err := StartDemo(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	eventually(t, "the mesh", func() bool {
		for _, n := range d.Nodes() {
			if n.Stats().Peers < len(d.Nodes())-1 {
				return false
			}
		}
		return true
	})
	return d
}

// how is what the demo says the student did to meet id, in l; "" while
// it is not met. It asks through Done, as the pane does on every frame.
func how(d *Demo, id string, l locale.Lang) string {
	for _, r := range d.Done() {
		if r.ID == id {
			return r.How(locale.For(l))
		}
	}
	return ""
}

// shownTimes is how many of view v's lines end in ": text".
func shownTimes(v *View, text string) int {
	lines, _ := v.Lines(viewLines)
	n := 0
	for _, l := range lines {
		if strings.HasSuffix(l, ": "+text) {
			n++
		}
	}
	return n
}

// failedOver waits until your client is on a node other than n1's, and
// ana and bruno were shown each of lines once.
func failedOver(t *testing.T, d *Demo, lines ...string) {
	t.Helper()
	gone := d.Nodes()[0].Addr()
	eventually(t, "you on another node, your lines shown", func() bool {
		if at := d.Views()[0].Node(); at == "" || at == LocalAddr(gone) {
			return false
		}
		for _, v := range d.Views()[1:] {
			for _, l := range lines {
				if shownTimes(v, l) != 1 {
					return false
				}
			}
		}
		return true
	})
}

func TestChallengesListed(t *testing.T) {
	list := Challenges()
	if len(list) < 3 {
		t.Fatalf("%d challenges, want at least 3", len(list))
	}
	predict := map[locale.Lang]string{locale.English: "Predict: ", locale.Portuguese: "Preveja: "}
	for _, l := range locale.Langs {
		p := locale.For(l)
		for _, c := range list {
			if c.Demo() != "chat" || !strings.HasPrefix(c.Goal(p), predict[l]) {
				t.Errorf("%s %s: demo %q, goal %q", l, c.ID, c.Demo(), c.Goal(p))
			}
			if n := len(c.Hints(p)); n < 2 || n > 3 {
				t.Errorf("%s %s: %d hints", l, c.ID, n)
			}
			if len([]rune(c.Explain(p))) > 158 {
				t.Errorf("%s %s: the explanation is longer than two lines at 80 columns: %q", l, c.ID, c.Explain(p))
			}
		}
	}
}

// Crash the node you are on right after typing, bots talking, slow links
// holding your lines unacknowledged: each reaches ana and bruno once, and
// the demo says so from its own records.
func TestLoseNothing(t *testing.T) {
	t.Parallel()
	d := startChallengeDemo(t, DemoConfig{Bots: 2, BotRate: 5})
	d.SetLinks(LinksSlow) // an ack takes 300–900 ms: the crash comes first
	for _, l := range []string{"one", "two", "three"} {
		d.Say(l)
	}
	if err := d.Kill(0); err != nil {
		t.Fatal(err)
	}
	eventually(t, "lose-nothing met", func() bool { return how(d, LoseNothing, locale.English) != "" })
	if got, want := how(d, LoseNothing, locale.English), "n1 crashed with 3 of your 3 recent lines unacked; each reached ana and bruno exactly once."; got != want {
		t.Errorf("how:\n got %q\nwant %q", got, want)
	}
	if got, want := how(d, LoseNothing, locale.Portuguese), "O n1 caiu com 3 de 3 linhas suas sem confirmação; todas chegaram uma só vez a ana e bruno."; got != want {
		t.Errorf("how in Portuguese:\n got %q\nwant %q", got, want)
	}
	for _, v := range d.Views()[1:] { // what their screens show, apart from the demo's records
		for _, l := range []string{"one", "two", "three"} {
			if n := shownTimes(v, l); n != 1 {
				t.Errorf("%s shows %q %d times", v.Name(), l, n)
			}
		}
	}
	if n := d.Views()[0].current().Pending(); n != 0 {
		t.Errorf("%d of your lines still unacknowledged", n)
	}
}

// Near misses: a crash that is not of your node, with the bots quiet,
// with nothing typed, or once a peer has your line (the reviewer's try:
// one line typed, acked, then the crash; nothing was sent again, nothing
// deduplicated) is no test of your lines.
func TestLoseNothingNearMisses(t *testing.T) {
	two := []string{"one", "two"}
	for _, c := range []struct {
		name  string
		quiet bool // the bots paused
		lines []string
		acked bool // the crash waits for your lines' acks
		crash int
	}{
		{"another node", false, two, false, 1},
		{"bots quiet", true, two, false, 0},
		{"nothing typed", false, nil, false, 0},
		{"line acked", false, []string{"one"}, true, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d := startChallengeDemo(t, DemoConfig{Bots: 2, BotRate: 5})
			d.SetPaused(c.quiet)
			for _, l := range c.lines {
				d.Say(l)
			}
			if c.acked {
				eventually(t, "your lines acked", func() bool { return d.Views()[0].current().Pending() == 0 })
			}
			if err := d.Kill(c.crash); err != nil {
				t.Fatal(err)
			}
			if c.crash == 0 {
				failedOver(t, d, c.lines...)
			} else {
				ana := d.Views()[1]
				eventually(t, "ana on another node, your lines shown", func() bool {
					at := ana.Node()
					return at != "" && at != LocalAddr(d.Nodes()[1].Addr()) && shownTimes(ana, "one") == 1 && shownTimes(d.Views()[2], "two") == 1
				})
			}
			if got := how(d, LoseNothing, locale.English); got != "" {
				t.Fatalf("met: %q", got)
			}
		})
	}
}

// Slow links, chatty bots, and you typing line after line: two clients
// are shown one of your lines and a bot's in opposite orders, which their
// screens confirm.
func TestTwoOrders(t *testing.T) {
	t.Parallel()
	d := startChallengeDemo(t, DemoConfig{Bots: 2, BotRate: 4})
	d.SetLinks(LinksSlow)
	n := 0
	eventually(t, "two-orders met", func() bool {
		if n++; n%5 == 0 { // a line every 50 ms or so
			d.Say(fmt.Sprintf("line %d", n/5))
		}
		return how(d, TwoOrders, locale.English) != ""
	})
	got := how(d, TwoOrders, locale.English)
	m := regexp.MustCompile(`^(ana|bruno) saw “(.+)” before “(.+)”; (ana|bruno) saw them the other way round\.$`).FindStringSubmatch(got)
	if m == nil || m[1] == m[4] || !strings.HasPrefix(m[2], "line ") && !strings.HasPrefix(m[3], "line ") {
		t.Fatalf("how: %q", got)
	}
	view := func(name string) *View {
		i := slices.IndexFunc(d.Views(), func(v *View) bool { return v.Name() == name })
		return d.Views()[i]
	}
	at := func(v *View, text string) int {
		lines, _ := v.Lines(viewLines)
		return slices.IndexFunc(lines, func(l string) bool { return strings.HasSuffix(l, ": "+text) })
	}
	first, second := view(m[1]), view(m[4])
	if a, b := at(first, m[2]), at(first, m[3]); a < 0 || b < 0 || a > b {
		t.Errorf("%s's screen: %q at %d, %q at %d", m[1], m[2], a, m[3], b)
	}
	if a, b := at(second, m[2]), at(second, m[3]); a < 0 || b < 0 || a < b {
		t.Errorf("%s's screen: %q at %d, %q at %d", m[4], m[2], a, m[3], b)
	}
	pt := how(d, TwoOrders, locale.Portuguese)
	if want := "; " + m[4]; !strings.Contains(pt, " viu “"+m[2]+"” antes de “"+m[3]+"”"+want+" viu as duas na ordem inversa.") {
		t.Errorf("how in Portuguese: %q", pt)
	}
}

// Near misses: one sender's lines, however slow the links, reach every
// client in the order sent; two bots' lines race, but you had no part in
// it.
func TestTwoOrdersNearMisses(t *testing.T) {
	t.Run("one sender", twoOrdersOneSender)
	t.Run("bots only", twoOrdersBotsOnly)
}

func twoOrdersOneSender(t *testing.T) {
	t.Parallel()
	d := startChallengeDemo(t, DemoConfig{Bots: -1})
	d.SetLinks(LinksSlow)
	var lines []string
	for i := range 30 {
		lines = append(lines, "line "+strings.Repeat("I", i+1))
		d.Say(lines[i])
	}
	eventually(t, "ana and bruno shown every line", func() bool {
		for _, v := range d.Views()[1:] {
			if shownTimes(v, lines[len(lines)-1]) != 1 {
				return false
			}
		}
		return true
	})
	if got := how(d, TwoOrders, locale.English); got != "" {
		t.Fatalf("met with one sender: %q", got)
	}
}

func twoOrdersBotsOnly(t *testing.T) {
	t.Parallel()
	d := startChallengeDemo(t, DemoConfig{Bots: 2, BotRate: 4})
	d.SetLinks(LinksSlow)
	eventually(t, "ana and bruno shown two bots' lines in opposite orders", func() bool {
		a, _ := d.Views()[1].Lines(viewLines)
		b, _ := d.Views()[2].Lines(viewLines)
		return disagree(a, b)
	})
	if got := how(d, TwoOrders, locale.English); got != "" {
		t.Fatalf("met by the bots alone: %q", got)
	}
}

// disagree reports whether two screens show two chat lines in opposite
// orders.
func disagree(a, b []string) bool {
	at := map[string]int{}
	for i, l := range a {
		if len(l) > 9 && l[2] == ':' {
			at[l[9:]] = i
		}
	}
	last := -1
	for _, l := range b {
		if len(l) <= 9 || l[2] != ':' {
			continue
		}
		i, ok := at[l[9:]]
		if !ok {
			continue
		}
		if i < last {
			return true
		}
		last = i
	}
	return false
}

// Freeze ana's node: her client's timeout takes it for dead, and the demo
// says so.
func TestDeclaredDead(t *testing.T) {
	t.Parallel()
	d := startChallengeDemo(t, DemoConfig{Bots: -1})
	if err := d.ToggleFreeze(1); err != nil {
		t.Fatal(err)
	}
	eventually(t, "declared-dead met", func() bool { return how(d, DeclaredDead, locale.English) != "" })
	if got, want := how(d, DeclaredDead, locale.English), "ana heard nothing from n2 for 3s and took it for dead, yet it was only frozen."; got != want {
		t.Errorf("how:\n got %q\nwant %q", got, want)
	}
	if got, want := how(d, DeclaredDead, locale.Portuguese), "ana ficou sem sinal do n2 por 3s e o deu como morto, mas ele só estava congelado."; got != want {
		t.Errorf("how in Portuguese:\n got %q\nwant %q", got, want)
	}
	if n := d.Views()[1].Notices(); len(n) == 0 || !strings.Contains(n[0].Text, "no word from") {
		t.Errorf("ana's notices: %+v", n)
	}
}

// Near misses: a node crashed is reported by its sockets, not a timeout;
// a node frozen for less than the clients' silence is not taken for dead.
func TestDeclaredDeadNearMisses(t *testing.T) {
	t.Parallel()
	met := func(d *Demo) func() bool { return func() bool { return how(d, DeclaredDead, locale.English) != "" } }
	t.Run("crashed", func(t *testing.T) {
		t.Parallel()
		d := startChallengeDemo(t, DemoConfig{Bots: -1})
		if err := d.Kill(1); err != nil {
			t.Fatal(err)
		}
		ana := d.Views()[1]
		eventually(t, "ana on another node", func() bool { at := ana.Node(); return at != "" && at != LocalAddr(d.Nodes()[1].Addr()) })
		if within(4*time.Second, met(d)) { // longer than the clients' silence
			t.Fatalf("met by a crash: %q", how(d, DeclaredDead, locale.English))
		}
	})
	t.Run("thawed in time", func(t *testing.T) {
		t.Parallel()
		d := startChallengeDemo(t, DemoConfig{Bots: -1})
		if err := d.ToggleFreeze(1); err != nil {
			t.Fatal(err)
		}
		if within(500*time.Millisecond, met(d)) { // well under the 3 s of silence, counted from the last pong
			t.Fatal("met before the silence was over")
		}
		if err := d.ToggleFreeze(1); err != nil {
			t.Fatal(err)
		}
		if within(4*time.Second, met(d)) {
			t.Fatalf("met by a short freeze: %q", how(d, DeclaredDead, locale.English))
		}
		if at := d.Views()[1].Node(); at != LocalAddr(d.Nodes()[1].Addr()) {
			t.Errorf("ana left n2 for %q", at)
		}
	})
}

// A challenge met stays met through a Reset, with its sentence, and an
// engine that never ran (the pane's screen tests draw one) has met none.
func TestChallengesLatch(t *testing.T) {
	t.Parallel()
	if done := new(Demo).Done(); len(done) != 0 {
		t.Fatalf("a demo never started: %v", done)
	}
	d := startChallengeDemo(t, DemoConfig{Bots: -1})
	if err := d.ToggleFreeze(1); err != nil {
		t.Fatal(err)
	}
	eventually(t, "declared-dead met", func() bool { return how(d, DeclaredDead, locale.English) != "" })
	if err := d.Reset(); err != nil {
		t.Fatal(err)
	}
	if got := how(d, DeclaredDead, locale.English); !strings.HasPrefix(got, "ana heard nothing from n2") {
		t.Fatalf("after Reset: %q", got)
	}
	var _ challenge.Checker = d
}
