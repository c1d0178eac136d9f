package clockpane

import (
	"testing"

	"distlab/demos/clocks"
)

// However far the diagram scrolls, on every axis, the process names stay
// where they are: a lost message's ✗ whose end has scrolled off the left
// is not drawn over them.
func TestScrollKeepsProcessNames(t *testing.T) {
	for _, sc := range []string{"lost-message", "partition"} {
		for _, a := range []axis{axisTrue, axisPhysical, axisLamport} {
			m := newPane(t, "en", 80, 24)
			choose(t, m, sc)
			toEnd(m)
			m.axis = a
			run := m.sim.Run()
			g := m.geometry()
			row := rows(run.Cfg.Procs, g.diagramH)
			lost := 0
			for _, e := range run.Events {
				if e.Kind == clocks.Send && e.Lost {
					lost++
				}
			}
			if lost == 0 {
				t.Fatalf("%s: no lost message", sc)
			}
			for scroll := 0; scroll < 400; scroll++ {
				l := g.l
				l.scroll = scroll
				c := draw(run, run.Events, l, 80, g.diagramH, m.opts(run))
				for p := range run.Cfg.Procs {
					if got := string(c.at(0, row(p)).r); got != procName(p) {
						t.Fatalf("%s, axis %d, scrolled %d: %q where process %s's name is", sc, a, scroll, got, procName(p))
					}
				}
			}
		}
	}
}
