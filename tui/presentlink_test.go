package tui

import (
	"os"
	"path/filepath"
	"testing"

	"distlab/demos/present"
)

// A console's commands act as the projector's keys: a toggle blanks or
// brings back what the app shows now; with the screen blank or the join
// banner up, a slide key only brings the slide back; commands from a link
// the app let go, or while not presenting, do nothing. The commands'
// follow-ups (the next wait on the link) are not run: the test hands the
// messages in itself.
func TestConsoleCommands(t *testing.T) {
	dir, err := os.MkdirTemp("", "dlt")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	srv, err := present.Listen(filepath.Join(dir, "p.sock"))
	if err != nil {
		t.Fatal(err)
	}
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "P")
	m.link = srv // as linked does, without the wait on the link
	do := func(op present.Op) { m.Update(consoleMsg{srv, present.Command{Op: op}}) }
	slide := func() int { i, _ := m.reader.Slide(); return i }

	do(present.Next)
	if slide() != 1 {
		t.Fatalf("next: slide %d", slide()+1)
	}
	do(present.BlankToggle)
	if b, w := m.Blanked(); !b || w {
		t.Fatal("blank-toggle did not blank")
	}
	do(present.Next)
	if b, _ := m.Blanked(); b || slide() != 1 {
		t.Fatalf("next on a blank screen: blank %v, slide %d", b, slide()+1)
	}
	do(present.WhiteToggle)
	if b, w := m.Blanked(); !b || !w { // the console's w: it was black
		t.Fatalf("white-toggle: blank %v, white %v; want a white screen", b, w)
	}
	if st := m.consoleState(); !st.Blank || !st.White {
		t.Fatalf("the console is told blank %v, white %v; want white", st.Blank, st.White)
	}
	do(present.WhiteToggle)
	if b, _ := m.Blanked(); b {
		t.Fatal("white-toggle twice left the screen blank")
	}
	m.overlays = append(m.overlays, joinOverlay{})
	do(present.Prev)
	if hasOverlay[joinOverlay](m) || slide() != 1 {
		t.Fatalf("prev under the join banner: banner %v, slide %d", hasOverlay[joinOverlay](m), slide()+1)
	}
	if st := m.consoleState(); st.Slide != 2 || st.Slides != 3 || st.Next == "" {
		t.Fatalf("console state %+v", st)
	}
	m.Update(consoleMsg{nil, present.Command{Op: present.Next}}) // a link let go
	if slide() != 1 {
		t.Fatal("a stale link's command acted")
	}
	press(t, m, "P")
	m.link = srv
	do(present.Next)
	if slide() != 1 {
		t.Fatal("a command acted while not presenting")
	}
	m.link = nil
	srv.Close()
}
