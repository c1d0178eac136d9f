package serve

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"distlab/demos/class"
)

// The class over real SSH: three students sign in (two with keys, one
// with the code), the roster has them; the instructor leads to lesson 2
// and the following students' screens go there; a live question of that
// lesson reaches all three, each answers with their keys, and the tally
// counts three; a student who leaves is marked gone.
func TestClassOverSSH(t *testing.T) {
	hub := class.New(time.Now)
	ts := startServer(t, "", func(c *Config) {
		c.NewApp = ClassApps(hub, nil)
	})
	var terms []*term
	for i, name := range []string{"Ana", "Bruno", "Caio"} {
		auth := withCode(testCode)
		if i < 2 {
			auth = withKey(newKey(t))
		}
		c, err := dial(t, ts.Addr(), "student", auth)
		if err != nil {
			t.Fatal(err)
		}
		tm := open(t, c, 100, 30, english, true)
		tm.waitFor("What name should the class see?")
		tm.keys(name + "\r")
		tm.waitFor(inTheApp)
		terms = append(terms, tm)
	}
	if r := hub.Roster(); len(r) != 3 || r[2].Name != "Caio" || hub.Present() != 3 {
		t.Fatalf("roster %+v", r)
	}
	second := course().Lessons("en")[1]
	hub.Lead(class.Position{Lesson: second.ID})
	for _, tm := range terms {
		tm.waitFor("2. " + second.Title)
	}
	q := second.Quiz[0]
	seq := hub.Ask(second.ID, q.ID, len(q.Options))
	for _, tm := range terms {
		tm.waitFor("Live question")
		switch q.Kind {
		case "number":
			tm.keys("6.4\r")
		default:
			tm.keys("a\r")
		}
		tm.waitFor("Answer sent")
	}
	asked, _ := hub.Asked()
	if asked.Seq != seq || asked.Tally.Answered != 3 {
		t.Fatalf("tally %+v", asked.Tally)
	}
	hub.Reveal(seq)
	for _, tm := range terms {
		tm.waitFor("The class's answers: 3")
	}
	terms[2].keys("\x1b")
	terms[2].waitFor("▶ 1 ") // the lesson's demo bar: the question is hidden (and esc is not read with the q)
	terms[2].quit()
	if r := hub.Roster(); r[2].Sessions != 0 || hub.Present() != 2 {
		t.Fatalf("after Caio left: %+v", r[2])
	}
	if !strings.Contains(ts.log.String(), "Caio") {
		t.Fatalf("the log names no one:\n%s", ts.log.String())
	}
}

// A session with the instructor's key gets the instructor's app: it is on
// no roster, and its lead moves the students.
func TestInstructorKey(t *testing.T) {
	hub := class.New(time.Now)
	prof := newKey(t)
	keys, err := InstructorKeys(append([]byte("# the instructor\n\n"), gossh.MarshalAuthorizedKey(prof.PublicKey())...))
	if err != nil || len(keys) != 1 {
		t.Fatalf("keys %v, %v", keys, err)
	}
	if _, err := InstructorKeys([]byte("# nothing\n")); err == nil {
		t.Fatal("a file without a key was read")
	}
	ts := startServer(t, "", func(c *Config) { c.NewApp = InstructorApps(hub, nil, keys, "127.0.0.1:2222") })
	student, _ := dialTerm(t, ts, withKey(newKey(t)), "Ana")
	teacher, _ := dialTerm(t, ts, withKey(prof), "Prof")
	if r := hub.Roster(); len(r) != 1 || r[0].Name != "Ana" {
		t.Fatalf("roster %+v: the instructor is no student", r)
	}
	teacher.keys("n")
	student.waitFor("2. " + course().Lessons("en")[1].Title)
}

// dialTerm signs in with auth and, asked for a name, gives it.
func dialTerm(t *testing.T, ts *testServer, auth []gossh.AuthMethod, name string) (*term, error) {
	t.Helper()
	c, err := dial(t, ts.Addr(), "student", auth)
	if err != nil {
		t.Fatal(err)
	}
	tm := open(t, c, 100, 30, english, true)
	tm.waitFor("What name should the class see?")
	tm.keys(name + "\r")
	tm.waitFor(inTheApp)
	return tm, nil
}

// A session with an instructor's key is asked no name (the entry greeted
// the instructor with "What name should the class see?") and claims none:
// a student can then be called what the instructor typed before.
func TestInstructorKeyAsksNoName(t *testing.T) {
	hub := class.New(time.Now)
	prof := newKey(t)
	keys, err := InstructorKeys(gossh.MarshalAuthorizedKey(prof.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, "", func(c *Config) {
		c.Instructors = keys
		c.NewApp = InstructorApps(hub, nil, keys, "127.0.0.1:2222")
	})
	c, err := dial(t, ts.Addr(), "prof", withKey(prof))
	if err != nil {
		t.Fatal(err)
	}
	teacher := open(t, c, 100, 30, english, true)
	teacher.waitFor(inTheApp)
	if s := teacher.screen(); strings.Contains(s, "What name") {
		t.Fatalf("the instructor was asked a name:\n%s", s)
	}
	teacher.keys("W")
	teacher.waitFor("Class · 0 in")
	dialTerm(t, ts, withKey(newKey(t)), "instructor")
	if r := hub.Roster(); len(r) != 1 || r[0].Name != "instructor" {
		t.Fatalf("roster %+v", r)
	}
}
