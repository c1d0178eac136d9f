package serve

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"distlab/tui/progress"
)

// enter opens a session as auth and, when asked, types name; it returns
// once the course is on screen.
func enter(t *testing.T, ts *testServer, auth []gossh.AuthMethod, name string) (*term, *spyApp) {
	t.Helper()
	c, err := dial(t, ts.Addr(), "student", auth)
	if err != nil {
		t.Fatal(err)
	}
	tm := open(t, c, 100, 30, english, true)
	if name != "" {
		tm.waitFor("What name should the class see?")
		tm.keys(name + "\r")
	}
	tm.waitFor(inTheApp)
	return tm, ts.takeApp(t)
}

// inTheApp is on the app's screen (its key help), not on the entry's.
const inTheApp = "? help"

// quit leaves the app with q and waits for the goodbye.
func (tm *term) quit() {
	tm.t.Helper()
	tm.keys("q")
	tm.waitFor("Your progress is saved")
	if err := tm.wait(); err != nil {
		tm.t.Fatalf("the session ended with %v", err)
	}
}

// state is a student's progress file.
func (ts *testServer) state(t *testing.T, id string) progress.State {
	t.Helper()
	st, err := progress.Read(filepath.Join(ts.dir, "students", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// A student with a key who comes back is not asked their name again and
// finds the lesson they left; the progress is one file on the server.
func TestReconnectResumes(t *testing.T) {
	ts := startServer(t, "", nil)
	key := newKey(t)
	second := course().Lessons("en")[1]
	tm, app := enter(t, ts, withKey(key), "Ana")
	tm.keys("n") // the next lesson
	tm.waitFor(second.Title)
	tm.quit()
	if log := ts.log.String(); !strings.Contains(log, "Ana left after") || !strings.Contains(log, "(the student quit)") {
		t.Fatalf("the log says why the session ended: %s", log)
	}
	if st := ts.state(t, app.ss.ID); st.LastLesson != second.ID {
		t.Fatalf("last lesson saved %q, want %q", st.LastLesson, second.ID)
	}
	tm2, app2 := enter(t, ts, withKey(key), "")
	if app2.ss.ID != app.ss.ID || app2.ss.Name != "Ana" {
		t.Fatalf("came back as %q %q, was %q Ana", app2.ss.ID, app2.ss.Name, app.ss.ID)
	}
	tm2.waitFor(second.Title)
	if strings.Contains(tm2.output(), "What name") {
		t.Fatal("a student with a key was asked the name again")
	}
}

// The server restarted on the same folders keeps the host key and the
// names: the student comes back as before.
func TestRestartKeepsStudents(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	key := newKey(t)
	var hostKey string
	func() {
		ts := startServer(t, dir, nil)
		hostKey = ts.HostKeyFingerprint()
		tm, _ := enter(t, ts, withKey(key), "Rui")
		tm.quit()
		if err := ts.Close(); err != nil {
			t.Fatal(err)
		}
	}()
	ts := startServer(t, dir, nil)
	if ts.HostKeyFingerprint() != hostKey {
		t.Fatal("the host key changed across a restart")
	}
	_, app := enter(t, ts, withKey(key), "")
	if app.ss.Name != "Rui" {
		t.Fatalf("name after a restart %q", app.ss.Name)
	}
}

// Two keys are two students, two progress files, named by the keys'
// hashes; no file is named after what a student typed.
func TestTwoKeysTwoFiles(t *testing.T) {
	ts := startServer(t, "", nil)
	tm1, a1 := enter(t, ts, withKey(newKey(t)), "../Eva")
	tm2, a2 := enter(t, ts, withKey(newKey(t)), "Zé")
	tm1.quit()
	tm2.quit()
	if a1.ss.ID == a2.ss.ID {
		t.Fatal("two keys, one id")
	}
	files, _ := filepath.Glob(filepath.Join(ts.dir, "students", "*.json"))
	var progressFiles []string
	for _, f := range files {
		base := filepath.Base(f)
		if !validID(strings.TrimSuffix(strings.TrimSuffix(base, ".json"), ".name")) {
			t.Errorf("a student file not named by an id: %s", base)
		}
		if !strings.HasSuffix(base, ".name.json") {
			progressFiles = append(progressFiles, base)
		}
	}
	if len(progressFiles) != 2 {
		t.Fatalf("progress files %v, want 2", progressFiles)
	}
	for _, a := range []*spyApp{a1, a2} {
		if fi, err := os.Stat(filepath.Join(ts.dir, "students", a.ss.ID+".json")); err != nil || fi.Size() == 0 {
			t.Fatalf("%s's progress: %v", a.ss.Name, err)
		}
	}
	var r record
	b, _ := os.ReadFile(filepath.Join(ts.dir, "students", a1.ss.ID+".name.json"))
	if err := json.Unmarshal(b, &r); err != nil || r.Name != "../Eva" || r.Key != a1.ss.Fingerprint {
		t.Fatalf("name file %s: %v", b, err)
	}
}

// A student without a key is the name they type: the same name comes back
// to the same progress, under the spelling they joined with (typing
// "dani" for "Dani" renamed them); while they are in, nobody else can be
// them; a name that looks like one a key holds is refused.
func TestCodeStudentsByName(t *testing.T) {
	ts := startServer(t, "", nil)
	tm, a := enter(t, ts, withCode(testCode), "Dani")
	c, err := dial(t, ts.Addr(), "student", withCode(testCode))
	if err != nil {
		t.Fatal(err)
	}
	other := open(t, c, 100, 30, english, true)
	other.waitFor("What name should the class see?")
	other.keys("DANI\r")
	other.waitFor("Someone is in the class as Dani right now")
	other.keys("\x1b") // esc: leave
	if err := other.wait(); err != nil {
		t.Fatalf("leaving from the entry: %v", err)
	}
	tm.quit()
	_, b := enter(t, ts, withCode(testCode), "dani")
	if b.ss.ID != a.ss.ID {
		t.Fatal("the same name came back as another student")
	}
	if b.ss.Name != "Dani" {
		t.Fatalf("typing dani renamed Dani to %q", b.ss.Name)
	}
	if got := readFile(t, filepath.Join(ts.dir, "students", a.ss.ID+".name.json")); !strings.Contains(got, `"Dani"`) {
		t.Fatalf("the name file: %s", got)
	}
	if n := strings.Count(ts.log.String(), "Dani joined from"); n != 2 {
		t.Fatalf("%d lines 'Dani joined' in the log, want 2:\n%s", n, ts.log.String())
	}
	_, _ = enter(t, ts, withKey(newKey(t)), "Lia")
	c, err = dial(t, ts.Addr(), "student", withCode(testCode))
	if err != nil {
		t.Fatal(err)
	}
	third := open(t, c, 100, 30, english, true)
	third.waitFor("What name should the class see?")
	third.keys("lia\r")
	third.waitFor("lia is taken: choose another name.")
}

// A name is filtered before any terminal shows it: escapes and controls
// are gone, a name of nothing printable is refused.
func TestNamesAreFiltered(t *testing.T) {
	name, key, why := cleanName("  Ana\x1b]0;pwned\x07 \x1b[31mLima\u202e ", nil)
	if why != "" || name != "Ana Lima" || key == "" {
		t.Fatalf("cleanName: %q %q %q", name, key, why)
	}
	if _, _, why := cleanName("\x1b[2J\x07", nil); why == "" {
		t.Fatal("a name of controls only was let in")
	}
	if _, _, why := cleanName(strings.Repeat("a", maxName+1), nil); why == "" {
		t.Fatal("a name too long was let in")
	}
	if _, k1, _ := cleanName("Ana", nil); k1 != nameKey("ANA") || k1 != nameKey("Аna") { // Cyrillic А
		t.Fatal("names that look alike must share a key")
	}
}

// The same key twice at once: the first session is closed (and saved),
// the second goes on.
func TestSecondSessionOfAKey(t *testing.T) {
	ts := startServer(t, "", nil)
	key := newKey(t)
	first, _ := enter(t, ts, withKey(key), "Ivo")
	second, _ := enter(t, ts, withKey(key), "")
	first.waitFor("You connected again from another terminal")
	if err := first.wait(); err != nil {
		var exit *gossh.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("the first session: %v", err)
		}
	}
	second.keys("n")
	second.waitFor(course().Lessons("en")[1].Title)
}

// An agent holding several keys: a new key offered before the one the
// student signed in with last time does not make them type the code, nor
// become someone else; a student whose keys are all new types the code
// once and is the first of them from then on.
func TestSeveralKeys(t *testing.T) {
	ts := startServer(t, "", nil)
	known := newKey(t)
	tm, first := enter(t, ts, withKey(known), "Ana")
	tm.quit()

	asked := 0
	code := gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
		asked++
		return []string{testCode}, nil
	})
	tm, again := enter(t, ts, []gossh.AuthMethod{gossh.PublicKeys(newKey(t), known), code}, "")
	tm.quit()
	if asked != 0 || again.ss.ID != first.ss.ID || again.ss.Name != "Ana" {
		t.Fatalf("with a new key first: asked the code %d times, signed in as %q (%s), want Ana (%s)", asked, again.ss.Name, again.ss.ID, first.ss.ID)
	}

	a, b := newKey(t), newKey(t)
	tm, bia := enter(t, ts, []gossh.AuthMethod{gossh.PublicKeys(a, b), code}, "Bia")
	tm.quit()
	if asked != 1 || bia.ss.Fingerprint != gossh.FingerprintSHA256(a.PublicKey()) {
		t.Fatalf("two new keys: asked the code %d times, signed in as %s, want the first key %s", asked, bia.ss.Fingerprint, gossh.FingerprintSHA256(a.PublicKey()))
	}
	tm, back := enter(t, ts, []gossh.AuthMethod{gossh.PublicKeys(a), code}, "")
	tm.quit()
	if asked != 1 || back.ss.ID != bia.ss.ID {
		t.Fatalf("Bia's first key again: asked %d times, id %s, want %s", asked, back.ss.ID, bia.ss.ID)
	}
}

// The instructor's own session, quitting, is logged as the instructor's
// ("the student quit" it said).
func TestInstructorQuitLogged(t *testing.T) {
	t.Parallel()
	prof := newKey(t)
	ts := startServer(t, "", func(c *Config) { c.Instructors = []string{fingerprint(prof.PublicKey())} })
	tm, _ := enter(t, ts, keyOnly(prof), "")
	tm.quit()
	log := ts.log.String()
	if !strings.Contains(log, "instructor left after") || !strings.Contains(log, "(the instructor quit)") || strings.Contains(log, "the student quit") {
		t.Fatalf("the log: %s", log)
	}
}
