package scalepane

import (
	"context"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"

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

// R while real workers run drops their result: the screen stays as reset,
// with no "measuring…" while the dropped run stops its workers.
func TestResetDropsMeasurementInProgress(t *testing.T) {
	m := newPane(t, 100, 30)
	fakeBench(m, 2)
	cmd := m.Update(press1("e"))
	press(m, "R")
	if s := ansi.Strip(m.View()); strings.Contains(s, "measuring") {
		t.Errorf("after R the pane still says it measures:\n%s", s)
	}
	if len(m.draining) != 1 {
		t.Fatal("R forgot the run in progress: Close would not wait for its workers")
	}
	m.Update(cmd())
	if m.run != nil || m.real != nil || len(m.draining) != 0 || strings.Contains(ansi.Strip(m.View()), "real, measured") {
		t.Errorf("a dropped measurement shows:\n%s", ansi.Strip(m.View()))
	}
}

// After R, e starts a new measurement at once, while the dropped one is
// still stopping its workers: the new one loads its own only when those
// are gone, its result is shown and the dropped one's is not, and Close
// waits for both.
func TestMeasureAgainWhileDroppedRunDrains(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newPane(t, 100, 30)
		m.cpus = 2
		var benches atomic.Int32
		release := make(chan struct{}) // the dropped run's workers go
		m.bench = func(ctx context.Context, plan scale.BenchPlan) (*scale.BenchReport, error) {
			if benches.Add(1) == 1 {
				<-ctx.Done()
				<-release
				return nil, ctx.Err()
			}
			return fakeReport(plan, 2), nil
		}
		results := make(chan tea.Msg, 2)
		first := m.Update(press1("e"))
		go func() { results <- first() }()
		synctest.Wait()
		press(m, "R")
		second := m.Update(press1("e"))
		if second == nil {
			t.Fatal("e started nothing while the dropped run drains")
		}
		if s := ansi.Strip(m.View()); !strings.Contains(s, "measuring real workers") {
			t.Errorf("the new measurement does not show:\n%s", s)
		}
		go func() { results <- second() }()
		synctest.Wait()
		if n := benches.Load(); n != 1 {
			t.Fatalf("%d benches run while the dropped one's workers are still up", n)
		}
		close(release)
		for range 2 {
			m.Update(<-results)
		}
		if benches.Load() != 2 || len(m.draining) != 0 || m.run != nil {
			t.Fatalf("%d benches, %d draining, run %v", benches.Load(), len(m.draining), m.run)
		}
		if s := ansi.Strip(m.View()); !strings.Contains(s, "real, measured") {
			t.Errorf("the new measurement's result is not shown:\n%s", s)
		}

		// Close with one dropped and one running waits for both.
		m.bench = func(ctx context.Context, _ scale.BenchPlan) (*scale.BenchReport, error) {
			<-ctx.Done()
			time.Sleep(time.Second) // the workers take a moment to go
			return nil, ctx.Err()
		}
		var ended atomic.Int32
		runCmd := func(cmd tea.Cmd) {
			go func() { cmd(); ended.Add(1) }()
			synctest.Wait()
		}
		runCmd(m.Update(press1("e")))
		press(m, "R")
		runCmd(m.Update(press1("e")))
		m.Close()
		synctest.Wait()
		if n := ended.Load(); n != 2 {
			t.Errorf("Close returned with %d of 2 measurements ended", n)
		}
	})
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
