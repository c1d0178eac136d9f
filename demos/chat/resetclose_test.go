package chat

import (
	"errors"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"distlab/demos/locale"
)

// R, then the pane closed at once: Close does not wait out Reset's wait
// for a cluster that will not settle (here n3, back with another key,
// links with no one), and leaves nothing running. Real time, not a
// synctest bubble: a Close stuck on Reset's mutex would not count as
// waiting there, so fake time would never reach the end of Reset's wait
// and the test would hang instead of failing.
func TestCloseDuringReset(t *testing.T) {
	d, err := StartDemo(DemoConfig{Bots: -1})
	if err != nil {
		t.Fatal(err)
	}
	n3 := d.Nodes()[2]
	if err := d.Kill(2); err != nil {
		t.Fatal(err)
	}
	n3.cfg.Key = NewKey() // down, so nothing of it reads the key meanwhile
	reset := make(chan error, 1)
	go func() { reset <- d.Reset() }()
	eventually(t, "Reset to bring n3 back", func() bool { return n3.Stats().Up })
	began := time.Now()
	d.Close()
	if took := time.Since(began); took > settleWithin/2 {
		t.Errorf("Close took %v during a Reset", took)
	}
	if err := <-reset; !errors.Is(err, ErrClosed) {
		t.Errorf("Reset cut short by Close: %v, want ErrClosed", err)
	}
	goleak.VerifyNone(t)
}

// After L, R brings you back under your name in the language of the
// moment; a line you typed while R replaced your client reaches the
// others.
func TestResetSpeaksTheLanguageOfNow(t *testing.T) {
	d, err := StartDemo(DemoConfig{Bots: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.SetLang(locale.Portuguese)
	you := locale.For(locale.Portuguese).T("you")
	if you == "you" {
		t.Fatal(`"you" has no Portuguese`)
	}
	// What you type while your client is being replaced (as Reset does
	// between closing the old one and dialing the new).
	old := d.views[0].setClient(nil)
	old.Close()
	d.Say("said during the reset")
	if err := d.Reset(); err != nil {
		t.Fatal(err)
	}
	if got := d.Views()[0].Name(); got != you {
		t.Errorf("after Reset in Portuguese, you are %q, want %q", got, you)
	}
	ana := d.Views()[1]
	eventually(t, "ana to see what you said during the reset", func() bool {
		lines, _ := ana.Lines(viewLines)
		return strings.Contains(strings.Join(lines, "\n"), you+"@n1: said during the reset")
	})
}
