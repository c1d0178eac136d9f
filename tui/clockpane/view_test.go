package clockpane

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/clocks"
	"distlab/demos/locale"
	"distlab/tui/theme"
)

// choose loads the named scenario ("" for the random run).
func choose(t *testing.T, m *Model, name string) {
	t.Helper()
	for i, sc := range m.scenarios {
		if sc == name {
			m.scenario = i
			m.reset()
			return
		}
	}
	t.Fatalf("no scenario %q", name)
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

// The pane at 80×24, the size of a terminal's default window, after the
// fixes: the whole small run in the table with its true times, the
// scenario's own clocks in the status line, the labeled diagram.
func TestPaneGolden80x24(t *testing.T) {
	t.Run("receive_before_send", func(t *testing.T) {
		m := newPane(t, "en", 80, 24)
		toEnd(m)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("partition_pt", func(t *testing.T) {
		m := newPane(t, "pt-BR", 80, 24)
		choose(t, m, "partition")
		toEnd(m)
		press(m, "down", "down", "enter", "down", "down", "down")
		golden.RequireEqual(t, screen(m))
	})
}

// The status line shows what each run really uses: a scenario's own
// clocks and delays, whatever the skew, loss and delay keys were set to;
// a random run's seed and the bounds its clocks and network are drawn in.
func TestStatusShowsTheRunsParameters(t *testing.T) {
	m := newPane(t, "en", 200, 40)
	for _, info := range clocks.Scenarios() {
		choose(t, m, info.Name)
		toEnd(m)
		run := m.sim.Run()
		status := strings.Join(strings.Fields(screen(m)), " ")
		var offs []string
		for i, pr := range run.Procs {
			offs = append(offs, procName(i)+" "+signed(pr.Offset, m.Com.Printer))
		}
		want := "clocks " + strings.Join(offs, ", ") + " · delay " + m.Com.Printer.Duration(run.Cfg.DelayMin)
		if !strings.Contains(status, want) {
			t.Errorf("%s: no %q in the status:\n%s", info.Name, want, screen(m))
		}
		if strings.Contains(status, "skew") || strings.Contains(status, "loss") {
			t.Errorf("%s: the status shows the random run's settings:\n%s", info.Name, screen(m))
		}
	}
	choose(t, m, "receive-before-send")
	if s := screen(m); !strings.Contains(s, "clocks a +40ms, b +5ms · delay 6ms ·") {
		t.Errorf("receive-before-send: want a +40ms, b +5ms, 6ms:\n%s", s)
	}
	// The skew, loss and delay keys leave a scenario alone and say why.
	before := m.sim.Run().Procs
	press(m, "k")
	if s := screen(m); !strings.Contains(s, "this scenario sets its own events, clocks and delays") {
		t.Errorf("k on a scenario says nothing:\n%s", s)
	}
	if m.skew != 0 || m.sim.Run().Procs[0] != before[0] {
		t.Errorf("k changed a scenario's clocks: skew setting %d", m.skew)
	}
	press(m, "right")
	if s := screen(m); strings.Contains(s, "this scenario sets") {
		t.Errorf("the notice outlives the next key:\n%s", s)
	}

	choose(t, m, "")
	press(m, "k", "o", "y")
	s := screen(m)
	for _, w := range []string{"random · seed 1 · skew ≤20ms · drift ≤2% · loss 10% · delay 20ms–200ms", "0/40 events"} {
		if !strings.Contains(s, w) {
			t.Errorf("random run: no %q in\n%s", w, s)
		}
	}
	if cfg := m.sim.Run().Cfg; cfg.Skew != 20e6 || cfg.Loss != 0.1 || cfg.DelayMax != 200e6 {
		t.Errorf("the run does not use what the status shows: %+v", cfg)
	}
	m.Com.SetLang(locale.Portuguese)
	if s := screen(m); !strings.Contains(s, "aleatório · semente 1 · desvio ≤20ms · deriva ≤2% · perda 10% · atraso 20ms–200ms") {
		t.Errorf("pt-BR random run status:\n%s", s)
	}
}

// tableRow is the table's line for the event labeled label, "" if the
// table does not show it.
func tableRow(s, label string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, " "+label+" ") && strings.Contains(l, "ms") {
			return l
		}
	}
	return ""
}

// The table has a true-time column beside the physical one; a pane too
// narrow for both shows the time of the axis, and keeps L and the vector.
func TestTableTrueTime(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	toEnd(m)
	row := tableRow(screen(m), "a2") // sent at 10 ms, stamped 50 ms by a's clock
	if !strings.Contains(row, " 10.000ms ") || !strings.Contains(row, " 50.000ms ") || !strings.Contains(row, "[2 0]") {
		t.Fatalf("a2's row: %q", row)
	}
	choose(t, m, "lamport-not-causal") // lesson 7, step 3: a1 at 20 ms, c2 at 10 ms
	toEnd(m)
	s := screen(m)
	if a1, c2 := tableRow(s, "a1"), tableRow(s, "c2"); !strings.Contains(a1, " 20.000ms ") || !strings.Contains(c2, " 10.000ms ") {
		t.Errorf("true times: a1 %q, c2 %q", a1, c2)
	}

	m.SetSize(40, 30) // beside the lesson
	choose(t, m, "receive-before-send")
	toEnd(m)
	row = tableRow(screen(m), "a2")
	if !strings.Contains(row, "50.000ms") || strings.Contains(row, "10.000ms") || !strings.Contains(row, "[2 0]") {
		t.Errorf("narrow, physical axis: %q", row)
	}
	press(m, "a", "a") // Lamport, then true time
	row = tableRow(screen(m), "a2")
	if !strings.Contains(row, "10.000ms") || strings.Contains(row, "50.000ms") || !strings.Contains(row, "[2 0]") {
		t.Errorf("narrow, true-time axis: %q", row)
	}
}

// firstRow is the label of the table's first row.
func firstRow(m *Model) string {
	g := m.geometry()
	return m.sim.Run().Events[g.tableFrom].Label
}

// The table scrolls with pgup/pgdn and the wheel, says which rows it shows,
// follows the newest event again at the bottom, and brings the selected
// event into view.
func TestTableScrolls(t *testing.T) {
	m := newPane(t, "en", 120, 30)
	choose(t, m, "")
	toEnd(m)
	g := m.geometry()
	n := len(m.sim.Run().Events)
	if g.tableRows < 3 || g.tableRows >= n {
		t.Fatalf("table of %d rows for %d events", g.tableRows, n)
	}
	if g.tableFrom != n-g.tableRows {
		t.Fatalf("the table does not end at the newest event: from %d", g.tableFrom)
	}
	where := fmt.Sprintf("%d–%d of %d · pgup/pgdn", n-g.tableRows+1, n, n)
	if s := screen(m); !strings.Contains(s, where) {
		t.Errorf("no %q in the header:\n%s", where, s)
	}
	press(m, "pgup")
	if from := m.geometry().tableFrom; from != n-g.tableRows-(g.tableRows-1) {
		t.Errorf("pgup: from %d", from)
	}
	for range n {
		press(m, "pgup")
	}
	if firstRow(m) != "a1" && m.geometry().tableFrom != 0 {
		t.Errorf("pgup to the top: first row %s", firstRow(m))
	}
	if s := screen(m); !strings.Contains(s, fmt.Sprintf("1–%d of %d", g.tableRows, n)) {
		t.Errorf("top of the table:\n%s", s)
	}
	m.Update(tea.MouseWheelMsg{X: 10, Y: 20, Button: tea.MouseWheelDown})
	if from := m.geometry().tableFrom; from != 3 {
		t.Errorf("wheel down: from %d, want 3", from)
	}
	for range n {
		press(m, "pgdown")
	}
	if !m.tableFollow || m.geometry().tableFrom != n-g.tableRows {
		t.Errorf("pgdn to the bottom does not follow the run: from %d", m.geometry().tableFrom)
	}
	// A scrolled table follows the run no more; a selection brings it back.
	press(m, "pgup", "pgup", "down") // selects the first event
	if m.selected != 0 || m.geometry().tableFrom != 0 {
		t.Errorf("selecting event 0: from %d", m.geometry().tableFrom)
	}
	press(m, "up") // wraps to the newest
	if g := m.geometry(); m.selected != n-1 || g.tableFrom+g.tableRows < n {
		t.Errorf("selecting the newest: from %d", g.tableFrom)
	}
}

// A duplicate delivery has the same glyph, ◎, in the diagram and in the
// table, and so does every other event.
func TestGlyphsAgree(t *testing.T) {
	m := newPane(t, "en", 120, 30)
	choose(t, m, "duplicate-delivery")
	toEnd(m)
	run := m.sim.Run()
	g := m.geometry()
	c := draw(run, run.Events, g.l, 120, g.diagramH, m.opts(run))
	row := rows(run.Cfg.Procs, g.diagramH)
	s := screen(m)
	dups := 0
	for _, e := range run.Events {
		glyph := c.at(g.l.x(e), row(e.Proc)).r
		if glyph != symbol(e) {
			t.Errorf("%s: %q in the diagram, want %q", e.Label, glyph, symbol(e))
		}
		if tr := tableRow(s, e.Label); !strings.Contains(tr, string(glyph)+" "+procName(e.Proc)) {
			t.Errorf("%s: the table says %q, the diagram %q", e.Label, tr, glyph)
		}
		if e.Dup {
			dups++
			if glyph != '◎' {
				t.Errorf("%s is a duplicate drawn %q", e.Label, glyph)
			}
		}
	}
	if dups != 1 {
		t.Fatalf("%d duplicates in duplicate-delivery", dups)
	}
}

// The diagram takes the height it is given: its process lines spread from
// the top to the bottom of it, and it gets most of a tall pane.
func TestDiagramUsesHeight(t *testing.T) {
	for _, c := range []struct {
		scenario string
		w, h     int
	}{{"receive-before-send", 80, 24}, {"", 80, 24}, {"", 118, 38}, {"partition", 118, 38}, {"", 198, 46}} {
		m := newPane(t, "en", c.w, c.h)
		choose(t, m, c.scenario)
		toEnd(m)
		g := m.geometry()
		procs := m.sim.Run().Cfg.Procs
		if g.diagramH < c.h/2-2 {
			t.Errorf("%q %dx%d: the diagram has %d of %d rows", c.scenario, c.w, c.h, g.diagramH, c.h)
		}
		lines := strings.Split(screen(m), "\n")[:g.diagramH]
		first, last := -1, -1
		for i, l := range lines {
			if strings.HasPrefix(l, procName(0)+" ") {
				first = i
			}
			if strings.HasPrefix(l, procName(procs-1)+" ") {
				last = i
			}
		}
		if first > 1 || last < g.diagramH-2 {
			t.Errorf("%q %dx%d: process lines at rows %d..%d of %d:\n%s", c.scenario, c.w, c.h, first, last, g.diagramH, strings.Join(lines, "\n"))
		}
	}
	for procs := 2; procs <= clocks.MaxProcs; procs++ { // and whatever the count
		for h := procs; h <= 60; h++ {
			row := rows(procs, h)
			for p := 0; p < procs; p++ {
				if y := row(p); y < 0 || y >= h || (p > 0 && y <= row(p-1)) {
					t.Fatalf("%d processes, %d rows: process %d on row %d", procs, h, p, y)
				}
			}
			if h >= 2*procs+1 && (row(0) != 1 || row(procs-1) != h-2) {
				t.Fatalf("%d processes, %d rows: from row %d to %d", procs, h, row(0), row(procs-1))
			}
		}
	}
}

// Messages are continuous lines: every cell between a send and its receive
// holds part of the line.
func TestMessagesAreContinuous(t *testing.T) {
	m := newPane(t, "en", 118, 38)
	toEnd(m)
	run := m.sim.Run()
	g := m.geometry()
	c := draw(run, run.Events, g.l, 118, g.diagramH, m.opts(run))
	row := rows(run.Cfg.Procs, g.diagramH)
	for _, e := range run.Events {
		if e.Kind != clocks.Send {
			continue
		}
		recv := run.Events[run.Messages[e.Msg].Receives[0]]
		for y := row(e.Proc) + 1; y < row(recv.Proc); y++ { // a → b: downwards
			found := false
			for x := range c.w {
				found = found || isBraille(c.at(x, y).r)
			}
			if !found {
				t.Errorf("%s → %s: nothing drawn on row %d", e.Label, recv.Label, y)
			}
		}
	}
	// Every event is labeled in a diagram with room for it.
	s := strings.Join(strings.Split(screen(m), "\n")[:g.diagramH], "\n")
	for _, e := range run.Events {
		if !strings.Contains(s, e.Label) {
			t.Errorf("%s is not labeled:\n%s", e.Label, s)
		}
	}
}

// R puts the run back at its start: the same scenario and seed, no event
// done, nothing selected, playing; and the help lists it.
func TestReset(t *testing.T) {
	m := newPane(t, "en", 120, 30)
	choose(t, m, "")
	press(m, "r") // a random run, seed 2
	toEnd(m)
	press(m, "down", "enter", "down", "pgup", "R")
	if m.cfg.Seed != 2 || m.scenarios[m.scenario] != "" || m.sim.Len() != 0 || m.selected != -1 || m.pinned != -1 {
		t.Errorf("R on a random run: seed %d, scenario %q, %d events, selected %d, pinned %d",
			m.cfg.Seed, m.scenarios[m.scenario], m.sim.Len(), m.selected, m.pinned)
	}
	press(m, "c", "c", "c", "r") // lamport-not-causal; r does nothing to a scenario
	if m.cfg.Seed != 2 {
		t.Errorf("r changed a scenario's seed to %d", m.cfg.Seed)
	}
	toEnd(m)
	press(m, "down", "enter", "down", "a", "pgup")
	scenario, seed, axisBefore := m.scenario, m.cfg.Seed, m.axis
	press(m, "R")
	if m.sim.Len() != 0 || m.selected != -1 || m.pinned != -1 || !m.Animating() || !m.tableFollow {
		t.Errorf("after R: %d events, selected %d, pinned %d, animating %v", m.sim.Len(), m.selected, m.pinned, m.Animating())
	}
	if m.scenario != scenario || m.cfg.Seed != seed || m.axis != axisBefore {
		t.Errorf("R changed the scenario (%d → %d), the seed (%d → %d) or the axis", scenario, m.scenario, seed, m.cfg.Seed)
	}
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "Lamport order is not causality") || !strings.Contains(s, "0/7 events") || !strings.Contains(s, "playing 4 ev/s") {
		t.Errorf("after R:\n%s", s)
	}
	found := false
	for _, col := range m.KeyMap().FullHelp() {
		for _, b := range col {
			found = found || b.Help().Key == "R" && b.Help().Desc == "reset demo"
		}
	}
	if !found {
		t.Error("R is not in the pane's help")
	}
}

// A click on an event selects it: the click and the drawing share one
// geometry.
func TestClickSelects(t *testing.T) {
	m := newPane(t, "en", 118, 38)
	toEnd(m)
	run := m.sim.Run()
	g := m.geometry()
	row := rows(run.Cfg.Procs, g.diagramH)
	for _, e := range run.Events {
		m.Update(tea.MouseClickMsg{X: g.l.x(e), Y: row(e.Proc), Button: tea.MouseLeft})
		if m.selected != e.ID {
			t.Errorf("a click on %s selects %d", e.Label, m.selected)
		}
	}
}

// The legend names each color the diagram and the table use, in that
// color, in both languages.
func TestLegendColors(t *testing.T) {
	for lang, words := range map[string][]string{
		"en":    {"selected", "pinned", "past", "future", "concurrent", "back in time"},
		"pt-BR": {"escolhido", "fixado", "passado", "futuro", "concorrente", "volta no tempo"},
	} {
		m := newPane(t, lang, 200, 40)
		inks := inkStyles(m.Com.Styles)
		legend := m.legend()
		for _, th := range []theme.Theme{theme.Dark, theme.Light, theme.HighContrast} {
			seen := map[string]ink{}
			themed := inkStyles(theme.New(th))
			for _, k := range []ink{inkSelected, inkPinned, inkPast, inkFuture, inkConcurrent, inkBackward} {
				if other, dup := seen[themed[k].Render("x")]; dup {
					t.Fatalf("theme %v: inks %d and %d look the same", th, other, k)
				}
				seen[themed[k].Render("x")] = k
			}
		}
		for i, k := range []ink{inkSelected, inkPinned, inkPast, inkFuture, inkConcurrent, inkBackward} {
			if want := inks[k].Render(words[i]); !strings.Contains(legend, want) {
				t.Errorf("%s: %q is not in its color in the legend %q", lang, words[i], legend)
			}
		}
		if !strings.Contains(screen(m), ansi.Strip(legend)) {
			t.Errorf("%s: the legend is not on the screen:\n%s", lang, screen(m))
		}
	}
}
