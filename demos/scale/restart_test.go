package scale

import (
	"reflect"
	"testing"
)

// Restart undoes every key: after a run of crashes, resizes, a new load,
// policy and model, the demo replays exactly what a new one does.
func TestRestart(t *testing.T) {
	fresh := script(newDemo(t, func(c *Config) { c.Seed = 42 }))

	d := newDemo(t, func(c *Config) { c.Seed = 42 })
	start := d.Config()
	script(d)
	d.Crash(ScaleUp)
	d.SetSpeed(7)
	if reflect.DeepEqual(d.Config(), start) {
		t.Fatal("the script changed no setting")
	}
	d.Restart()
	if got := d.Config(); !reflect.DeepEqual(got, start) {
		t.Fatalf("settings after Restart:\n%+v\nwant\n%+v", got, start)
	}
	s := d.Snapshot()
	if s.Now != 0 || s.Up.State != Running || s.Out.State != Running || s.Up.Totals != (Totals{}) || len(s.Up.History) != 0 {
		t.Fatalf("not back at the start: now %v, %v/%v, totals %+v", s.Now, s.Up.State, s.Out.State, s.Up.Totals)
	}
	if again := script(d); !reflect.DeepEqual(again, fresh) {
		t.Fatal("after Restart the same steps gave another run")
	}
}
