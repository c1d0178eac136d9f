package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// letterOn is the letter the quiz on screen shows text under.
func letterOn(t *testing.T, screen, text string) string {
	t.Helper()
	m := regexp.MustCompile(`([a-f])\) ` + regexp.QuoteMeta(text)).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("%q is not on screen:\n%s", text, screen)
	}
	return m[1]
}

// TestE2EQuiz answers a quiz question wrong, then right after a retry, in
// the real app in a real terminal; after a restart the course map shows
// the question counted, and so does distlab progress.
func TestE2EQuiz(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	state := filepath.Join(t.TempDir(), "state.json")
	app := "env DISTLAB_STATE=" + state + " " + distlabBin + " --lang en --theme dark --lesson 1"
	tm.start(100, 30, app)
	tm.waitFor("What Is a Distributed System?")
	tm.keys("Q")
	right := "Independence let one node fail on its own"
	s := tm.waitFor("1 of 6", right)
	wrong := letterOn(t, s, "Coherence held")
	tm.keys(wrong, "Enter")
	s = tm.waitFor("✗ Not quite: the answer is " + letterOn(t, s, right))
	if !strings.Contains(s, "Nothing was hidden") {
		t.Fatalf("the wrong option's why is not shown:\n%s", s)
	}
	tm.keys("r")
	// The cursor on a), which an answered question does not show: the
	// letters read now are the new shuffle's.
	s = tm.waitFor("▸ ( ) a)")
	tm.keys(letterOn(t, s, right), "Enter")
	tm.waitFor("✓ Right.")
	tm.keys("Escape")
	tm.waitFor("page down") // the lesson's keys again: the quiz is closed
	tm.keys("q")
	tm.waitExit()

	tm.start(100, 30, app)
	tm.waitFor("What Is a Distributed System?")
	tm.keys("M")
	s = tm.waitFor("Course map")
	row := regexp.MustCompile(`1 +What Is a Distributed System\? +· +1/6`)
	if !row.MatchString(s) {
		t.Fatalf("the course map does not count the question:\n%s", s)
	}
	tm.keys("q")
	tm.waitExit()

	cmd := exec.Command(distlabBin, "progress", "--lang", "en")
	cmd.Env = append(os.Environ(), "DISTLAB_STATE="+state)
	out, err := cmd.CombinedOutput()
	if err != nil || !regexp.MustCompile(`1 +What Is a Distributed System\? +- +1/6`).Match(out) {
		t.Fatalf("distlab progress (%v):\n%s", err, out)
	}
}
