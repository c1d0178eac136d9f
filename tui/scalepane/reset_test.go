package scalepane

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/scale"
)

// R puts the demo back as it opened, so a class can run a step twice:
// after load, sizes, a crash, a preset, the balancer, a pause, the other
// side and a real measurement, the screen is the one a new pane shows.
func TestResetKey(t *testing.T) {
	fresh := newPane(t, 100, 30)
	run(fresh, 20)

	m := newPane(t, 100, 30)
	fakeBench(m, 2)
	run(m, 40)
	press(m, "up", "up", "+", "+", "c", "right", "+", "c", "m", "]", "}", "b")
	measure(m)
	press(m, "space")
	if m.real == nil || m.snap.Load == fresh.snap.Load || m.side != scale.ScaleOut || !m.Paused() {
		t.Fatal("the keys changed nothing")
	}
	press(m, "R")
	if m.Paused() || m.side != scale.ScaleUp || m.real != nil || m.fail != nil || m.run != nil {
		t.Fatalf("after R: paused %v, side %v, measurement %v", m.Paused(), m.side, m.real)
	}
	if got, want := m.sim.Config(), fresh.sim.Config(); !reflect.DeepEqual(got, want) {
		t.Fatalf("settings after R:\n%+v\nwant\n%+v", got, want)
	}
	if m.snap.Now != 0 || m.snap.Up.State != scale.Running || m.snap.Out.State != scale.Running {
		t.Fatalf("after R: %v simulated, %v / %v", m.snap.Now, m.snap.Up.State, m.snap.Out.State)
	}
	run(m, 20) // the same 2 s as the new pane: the same screen
	if got, want := ansi.Strip(m.View()), ansi.Strip(fresh.View()); got != want {
		t.Errorf("after R and 2 s:\n%s\na new pane after 2 s:\n%s", got, want)
	}
}

// R while real workers run drops their result: the screen stays as reset.
func TestResetDropsMeasurementInProgress(t *testing.T) {
	m := newPane(t, 100, 30)
	fakeBench(m, 2)
	cmd := m.Update(press1("e"))
	press(m, "R")
	if m.run == nil {
		t.Fatal("R forgot the run in progress: Close would not wait for its workers")
	}
	msg := cmd()
	if !msg.(realMsg).run.dropped {
		t.Fatal("the run was not dropped")
	}
	m.Update(msg)
	if m.run != nil || m.real != nil || strings.Contains(ansi.Strip(m.View()), "real, measured") {
		t.Errorf("a dropped measurement shows:\n%s", ansi.Strip(m.View()))
	}
}

// R is in the pane's help, in both languages.
func TestResetInHelp(t *testing.T) {
	for lang, want := range map[locale.Lang]string{locale.English: "reset demo", locale.Portuguese: "reiniciar a demonstração"} {
		m := newPaneIn(t, lang, 100, 30)
		found := false
		for _, col := range m.KeyMap().FullHelp() {
			for _, b := range col {
				if b.Help().Key == "R" && b.Help().Desc == want {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no R %q in the help", lang, want)
		}
	}
}
