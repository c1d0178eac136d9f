package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// session is one more terminal on the same private tmux server as tm.
type session struct {
	tm   *tmux
	name string
}

func (tm *tmux) session(name string, w, h int, cmd string) session {
	tm.run("new-session", "-d", "-s", name, "-x", itoa(w), "-y", itoa(h), cmd)
	return session{tm, name}
}

func (s session) screen() string { return s.tm.run("capture-pane", "-p", "-t", s.name) }

func (s session) keys(keys ...string) {
	s.tm.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// waitFor polls the screen until test holds.
func (s session) waitFor(what string, test func(string) bool) string {
	s.tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var sc string
	for time.Now().Before(deadline) {
		if sc = s.screen(); test(sc) {
			return sc
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.tm.t.Fatalf("%s never showed %s; last screen:\n%s", s.name, what, sc)
	return ""
}

func (s session) waitShows(want string) string {
	s.tm.t.Helper()
	return s.waitFor(strings.TrimSpace(want), func(sc string) bool { return strings.Contains(sc, want) })
}

// The console, in a second terminal, follows the presenting app and drives
// it: the slide either one turns shows on both; b on the console blanks the
// projector, and a key on the projector brings it back; a second
// presenting app is told that the console follows the first; when the app
// stops presenting the console says so and waits.
func TestE2EConsole(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	dir := t.TempDir()
	env := "env DISTLAB_RUNTIME_DIR=" + filepath.Join(dir, "run") + " DISTLAB_STATE=" + filepath.Join(dir, "state.json") + " "
	tm.start(100, 30, env+distlabBin+" --lang en --presenter --lesson time-consistency-failures")
	app := session{tm, "e2e"}
	app.waitShows("1/")
	con := tm.session("con", 100, 30, env+distlabBin+" --lang en console")
	con.waitShows("slide 1/")
	con.waitShows("Now: ")
	con.waitShows("Next: ")

	con.keys("Right")
	app.waitShows("▶ 2/")
	con.waitShows("slide 2/")
	app.keys("Right")
	con.waitShows("slide 3/")

	con.keys("b")
	app.waitFor("a blank screen", func(sc string) bool { return strings.TrimSpace(sc) == "" })
	con.waitShows("SCREEN BLANK")
	app.keys("x") // any key brings the slide back, and turns nothing
	app.waitShows("▶ 3/")
	con.waitFor("the blank gone", func(sc string) bool { return !strings.Contains(sc, "SCREEN BLANK") })

	second := tm.session("second", 100, 30, env+"DISTLAB_STATE="+filepath.Join(dir, "second.json")+" "+distlabBin+" --lang en --presenter --lesson time-consistency-failures")
	second.waitShows("another distlab is presenting on this machine")
	second.keys("q")

	app.keys("P")
	con.waitShows("no distlab is presenting on this machine")
	app.keys("P") // presenting again: the console finds it again
	con.waitShows("slide 3/")
	con.keys("q")
	deadline := time.Now().Add(10 * time.Second)
	for exec.Command("tmux", "-S", tm.sock, "has-session", "-t", "con").Run() == nil {
		if time.Now().After(deadline) {
			t.Fatalf("the console did not quit:\n%s", con.screen())
		}
		time.Sleep(100 * time.Millisecond)
	}
	app.keys("q")
	tm.waitExit()
}
