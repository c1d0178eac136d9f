package chatpane

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/tui/common"
)

// failoverPane is a pane at w×h in language l drawing a fixed snapshot, no
// engine behind it: n1 crashed a moment ago, "you" failed over to n2 and
// pinned the two notices, the bots went on talking long after, slow links
// made bruno see a pair in another order than you.
func failoverPane(l locale.Lang, w, h int) *Model {
	m := newPane(l)
	m.SetSize(w, h)
	m.Focus(true)
	m.cluster = new(chat.Demo) // drawn from the snapshot only: nothing runs
	m.join = []string{"127.0.0.1:41001", "127.0.0.1:41002", "127.0.0.1:41003"}
	p := locale.For(l)
	lost := "*** " + p.T("connection to %s lost: looking for another node", "n1")
	back := "*** " + p.T("reconnected to %s; %d unacknowledged messages sent again", "n2", 1)
	chatter := func(from, to int, swap bool) []string {
		var out []string
		for i := from; i <= to; i++ {
			a := fmt.Sprintf("10:00:%02d bot1@n2: %s", i, p.T("message %d from bot%s", i, "1"))
			b := fmt.Sprintf("10:00:%02d bot2@n2: %s", i, p.T("message %d from bot%s", i, "2"))
			if swap && i == to {
				a, b = b, a
			}
			out = append(out, a, b)
		}
		return out
	}
	you := append([]string{lost, back}, chatter(1, 20, false)...)
	m.snap = snapshot{
		nodes: []nodeRow{
			{ID: "n1", Addr: m.join[0]},
			{ID: "n2", Addr: m.join[1], Up: true, Suspects: "n1", Clients: 4, Goroutines: 18, Relayed: 1234},
			{ID: "n3", Addr: m.join[2], Up: true, Suspects: "n1", Clients: 1, Goroutines: 9, Relayed: 1240},
		},
		views: []viewSnap{
			{name: "you", node: "n2", total: 100, lines: you,
				notices: []chat.Notice{{Text: lost, Line: 59, Trouble: true}, {Text: back, Line: 60}}},
			{name: "ana", node: "n2", total: 100, lines: chatter(1, 20, false)},
			{name: "bruno", node: "n3", total: 100, lines: chatter(1, 20, true)},
		},
		bots: 2, rate: 0.5, links: chat.LinksSlow,
	}
	m.rates.shown = []float64{0, 1, 0}
	return m
}

// The chat pane at 80×24 during a failover: every node row whole, the
// status in whole parts, both notices pinned under "you" however long the
// bots have talked since, and ≠ apart from the column before it.
func TestFailoverGolden(t *testing.T) {
	for _, l := range locale.Langs {
		t.Run(string(l), func(t *testing.T) {
			golden.RequireEqual(t, ansi.Strip(failoverPane(l, 80, 24).View()))
		})
	}
}

// A pinned notice stays under its column's header while lines pile up
// under it, at every size a student may have; it leaves the pin only for
// a newer one.
func TestNoticesStayPinned(t *testing.T) {
	for _, l := range locale.Langs {
		p := locale.For(l)
		lost := p.T("connection to %s lost: looking for another node", "n1")
		for _, sz := range [][2]int{{38, 20}, {80, 24}, {98, 26}, {198, 46}} {
			m := failoverPane(l, sz[0], sz[1])
			header := -1
			lines := strings.Split(ansi.Strip(m.View()), "\n")
			for i, line := range lines {
				if strings.Contains(line, "@n2 ") && strings.HasPrefix(strings.TrimSpace(line), p.T("you")+"@") {
					header = i
				}
			}
			if header < 0 {
				t.Fatalf("%s %v: no column for you:\n%s", l, sz, strings.Join(lines, "\n"))
			}
			pin := lines[header+1]
			if !strings.HasPrefix(pin, " ▎*** "+firstWords(lost, 2)) {
				t.Errorf("%s %v: under the header %q, want the lost connection:\n%s", l, sz, pin, strings.Join(lines, "\n"))
			}
			colW := sz[0] / min(3, max(sz[0]/26, 1))
			var col []string // the column of you, from its header down
			for _, line := range lines[header:] {
				col = append(col, ansi.Cut(line, 0, colW))
			}
			screen := strings.Join(strings.Fields(strings.ReplaceAll(strings.Join(col, " "), "▎", "")), " ")
			for _, want := range []string{lost, p.T("reconnected to %s; %d unacknowledged messages sent again", "n2", 1)} {
				if !strings.Contains(screen, want) {
					t.Errorf("%s %v: %q not shown whole", l, sz, want)
				}
			}
			if n := strings.Count(screen, firstWords(lost, 3)); n != 1 {
				t.Errorf("%s %v: the lost connection shows %d times, want once (pinned, not again among the lines)", l, sz, n)
			}
		}
	}
	// A newer notice takes the oldest's place.
	m := failoverPane(locale.English, 80, 24)
	v := &m.snap.views[0]
	again := "*** no word from n2 for 3s: taking it for dead, looking for another node"
	v.lines = append(v.lines, again)
	v.total++
	v.notices = []chat.Notice{v.notices[1], {Text: again, Line: v.total, Trouble: true}}
	screen := ansi.Strip(m.View())
	if strings.Contains(screen, "connection to") || !strings.Contains(screen, "▎*** no word from n2") {
		t.Fatalf("the newer notice did not replace the older:\n%s", screen)
	}
}

func firstWords(s string, n int) string {
	return strings.Join(strings.Fields(s)[:n], " ")
}

// No node row and no status line is ever cut in the middle of a word or a
// figure, at any width, in either language: what does not fit is left out
// whole.
func TestRowsNeverCut(t *testing.T) {
	figure := regexp.MustCompile(`\d+[.,]\d/s`)
	for _, l := range locale.Langs {
		p := locale.For(l)
		for w := 12; w <= 120; w++ {
			m := failoverPane(l, w, 30)
			m.snap.nodes = append(m.snap.nodes, nodeRow{ID: "n4", Addr: "127.0.0.1:41004", Up: true, Frozen: true, Clients: 12, Goroutines: 118})
			m.rates.shown = append(m.rates.shown, 10.5)
			for i, n := range m.snap.nodes {
				line, _ := m.nodeLine(i, n, figuresWide)
				row := strings.TrimRight(ansi.Strip(line), " ")
				if ansi.StringWidth(row) > w {
					t.Fatalf("%s w=%d: row %q is wider", l, w, row)
				}
				rate := strings.Replace(fmt.Sprintf("%.1f", m.rates.rate(i)), ".", p.Decimal(), 1)
				if n.Up && w >= 24 && !strings.Contains(row, rate) {
					t.Errorf("%s w=%d: %s's row %q has no rate %s", l, w, n.ID, row, rate)
				}
				last := row[strings.LastIndex(row, " ")+1:]
				if strings.ContainsAny(last, "0123456789") && !figure.MatchString(last) && !strings.HasPrefix(last, ":") &&
					!strings.HasPrefix(last, "127.") && !strings.HasPrefix(last, "⚠") && !strings.HasPrefix(last, "n") &&
					!strings.HasSuffix(last, "c") && !strings.HasSuffix(last, "g") {
					t.Errorf("%s w=%d: row %q ends in a cut figure", l, w, row)
				}
			}
			for _, links := range []chat.LinkSpeed{chat.LinksFast, chat.LinksSlow, chat.LinksVerySlow} {
				for _, paused := range []bool{false, true} {
					m.snap.links = links
					m.SetPaused(paused)
					lines := m.statusLines(w)
					text := strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, " "))), " ")
					words := []string{p.T("very slow links"), p.T("slow links ON"), p.T("slow links off")}[map[chat.LinkSpeed]int{chat.LinksVerySlow: 0, chat.LinksSlow: 1, chat.LinksFast: 2}[links]]
					if w >= 30 && (!strings.Contains(text, words) || paused && !strings.Contains(text, p.T("paused"))) {
						t.Errorf("%s w=%d links %d paused %v: status %q lacks %q", l, w, links, paused, text, words)
					}
					if len(lines) > 3 {
						t.Errorf("%s w=%d: %d status lines", l, w, len(lines))
					}
				}
			}
		}
	}
}

// The join hint never sends a student to a node that cannot answer: the
// selected node if it is up, otherwise the next one that is up and not
// frozen.
func TestJoinHintSkipsDownNodes(t *testing.T) {
	m := failoverPane(locale.English, 80, 24) // n1 down
	hint := func() string {
		for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
			if _, addr, ok := strings.Cut(l, "nc "); ok {
				return strings.TrimSpace(addr)
			}
		}
		return ""
	}
	for _, c := range []struct {
		selected int
		frozen   bool // n2
		want     string
	}{
		{0, false, "127.0.0.1 41002"}, // n1 is down: the next one
		{1, false, "127.0.0.1 41002"},
		{0, true, "127.0.0.1 41003"}, // n2 frozen too
		{2, false, "127.0.0.1 41003"},
	} {
		m.selected = c.selected
		m.snap.nodes[1].Frozen = c.frozen
		if got := hint(); got != c.want {
			t.Errorf("n%d selected, n2 frozen %v: nc %s, want nc %s", c.selected+1, c.frozen, got, c.want)
		}
	}
	for i := range m.snap.nodes {
		m.snap.nodes[i].Up = false
	}
	m.selected = 1
	if got := hint(); got != "127.0.0.1 41002" {
		t.Errorf("every node down: nc %s, want the selected one", got)
	}
}

// A pane too short for the full map and the clients' screens gives the
// screens the room: the map on one line, the join hint as its command;
// shorter still, a line says zoom shows them. At no height between is the
// pane without both (seen: two demos at 80×24 drew the map, the hint and
// no chat at all). The join command shows whole at every height it shows.
func TestShortPaneKeepsTheScreens(t *testing.T) {
	for _, l := range locale.Langs {
		p := locale.For(l)
		zoom := p.T("z: zoom to see the clients' screens")
		for _, w := range []int{38, 40, 60} {
			for h := 4; h <= 16; h++ {
				m := failoverPane(l, w, h)
				view := ansi.Strip(m.demoView(w, h))
				lines := strings.Split(view, "\n")
				if len(lines) != h {
					t.Fatalf("%s %d×%d: %d lines", l, w, h, len(lines))
				}
				screens := strings.Contains(view, p.T("you")+"@n2")
				hint := strings.Contains(view, strings.TrimSpace(common.FitLine(zoom, w-1)))
				if h >= 8 && !screens {
					t.Errorf("%s %d×%d: no client screens:\n%s", l, w, h, view)
				}
				if !screens && !hint && h >= 6 {
					t.Errorf("%s %d×%d: neither the screens nor the zoom hint:\n%s", l, w, h, view)
				}
				if strings.Contains(view, "nc ") && !strings.Contains(view, "nc 127.0.0.1 4100") {
					t.Errorf("%s %d×%d: the join command is cut:\n%s", l, w, h, view)
				}
			}
		}
	}
}
