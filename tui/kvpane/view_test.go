package kvpane

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/kv"
)

// The pane at 100×30, a projector's terminal, and at 60×24, half a
// terminal beside a lesson, in both languages: the servers with their
// values and versions, the wall of a partition, the timeline's bars with
// their marks, the counters, the knobs and the verdict.
func TestPaneGolden(t *testing.T) {
	events := func(n int) func(*kv.Sim) bool {
		return func(s *kv.Sim) bool { return s.Events() >= n }
	}
	cut := func(n int) func(*kv.Sim) bool {
		return func(s *kv.Sim) bool { return s.Events() >= n && len(s.Snapshot().Cut) > 0 }
	}
	for _, c := range []struct {
		name, lang, scenario string
		w, h                 int
		until                func(*kv.Sim) bool
	}{
		{"one_one_100x30", "en", "one-one", 100, 30, events(60)},
		{"one_one_pt_60x24", "pt-BR", "one-one", 60, 24, events(60)},
		{"ap_partition_60x24", "en", "ap-partition", 60, 24, cut(11)},
		{"ap_partition_pt_100x30", "pt-BR", "ap-partition", 100, 30, cut(12)},
		{"cp_partition_pt_60x24", "pt-BR", "cp-partition", 60, 24, cut(80)},
		{"version_vectors_100x30", "en", "version-vectors", 100, 30, events(120)},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newPane(t, c.lang, c.w, c.h, c.scenario)
			press(m, "space") // paused: the verdict is asked for at once
			for i := 0; !c.until(m.sim); i++ {
				if i == 2000 || !m.sim.Step() {
					t.Fatal("the run ended before the view to keep")
				}
			}
			m.refresh()
			m.play.Clock = m.snap.Now
			settle(m)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// Pausing asks for the verdict in a command; until it reports, the pane
// says it is checking; on one-one the command's verdict is no.
func TestVerdictCommand(t *testing.T) {
	m := newPane(t, "en", 100, 30, "one-one")
	run(m, 60)
	m.verdict.running = false
	c := m.check(m.verdict.asked.Add(2 * checkEvery))
	if c == nil {
		t.Fatal("no verdict command for a changed history")
	}
	if !strings.Contains(screen(m), "linearizable: checking…") {
		t.Errorf("while checking:\n%s", screen(m))
	}
	msg, ok := c().(verdictMsg)
	if !ok {
		t.Fatalf("the command gave %T", msg)
	}
	if msg.v.Result != kv.NotLinearizable {
		t.Fatalf("one-one: %v", msg.v.Result)
	}
	m.Update(msg)
	if !strings.Contains(screen(m), "linearizable: no: ") {
		t.Errorf("after the verdict:\n%s", screen(m))
	}
	if m.check(m.verdict.asked.Add(2*checkEvery)) != nil {
		t.Error("a second check of the same history")
	}
}
