package serve

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"distlab/demos/locale"
)

// Ending Serve's context ends the class as ctrl+c or SIGTERM of distlab
// serve does: Serve returns only once every session was told (the goodbye
// on the main screen, after the app left the alt screen), its progress
// saved (no temporary file left beside it) and its leaving logged; Stopped
// counts what happened, and names a save that failed. Serve returned as
// soon as the library stopped accepting, and the process exited under the
// sessions.
func TestServeReturnsOnceEverySessionIsTold(t *testing.T) {
	t.Parallel()
	ts := startServer(t, "", nil)
	second := course().Lessons("en")[1]
	pia, piaApp := enter(t, ts, withKey(newKey(t)), "Pia")
	pia.keys("n")
	pia.waitFor(second.Title)
	rui, _ := enter(t, ts, withCode(testCode), "Rui")
	ugo, ugoApp := enter(t, ts, withKey(newKey(t)), "Ugo")
	ugoApp.failSave.Store(true)
	c, err := dial(t, ts.Addr(), "student", withCode(testCode))
	if err != nil {
		t.Fatal(err)
	}
	entering := open(t, c, 100, 30, english, true) // on the entry screen: nothing to save
	entering.waitFor("What name should the class see?")

	ts.stop()
	if err := ts.served(); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	log := ts.log.String() // as Serve returned, before anything else
	for _, name := range []string{"Pia", "Rui", "Ugo"} {
		if !strings.Contains(log, name+" left after ") {
			t.Errorf("no line for %s in the log when Serve returned:\n%s", name, log)
		}
	}
	if n := strings.Count(log, "(server stopped)"); n != 3 {
		t.Errorf("%d sessions logged as ended by the stop, want 3:\n%s", n, log)
	}
	r := ts.Stopped()
	if r.Sessions != 4 || r.Told != 4 || r.Saved != 2 || len(r.Failed) != 1 || r.Failed[0].Name != "Ugo" {
		t.Fatalf("Stopped = %+v, want 4 sessions told, 2 saved, Ugo's save failed", r)
	}
	for _, pattern := range []string{".state-*", ".name-*"} {
		if left, _ := filepath.Glob(filepath.Join(ts.dir, "students", pattern)); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	}
	if st := ts.state(t, piaApp.ss.ID); st.LastLesson != second.ID {
		t.Errorf("Pia's progress: %+v, want lesson %s", st, second.ID)
	}
	for _, c := range []struct {
		name string
		tm   *term
		want string
	}{
		{"Pia", pia, "The class server is stopping. Your progress is saved"},
		{"Rui", rui, "The class server is stopping. Your progress is saved"},
		{"Ugo", ugo, "The class server is stopping. Your progress could not be saved on the server: tell your teacher."},
		{"the student entering", entering, "The class server is stopping."},
	} {
		_ = c.tm.wait()
		out := c.tm.output()
		left, bye := strings.LastIndex(out, "\x1b[?1049l"), strings.LastIndex(out, c.want)
		if left < 0 || bye < left {
			t.Errorf("%s: the goodbye (at %d) does not follow leaving the alt screen (at %d): %q", c.name, bye, left, out[max(len(out)-300, 0):])
		}
		if !strings.Contains(c.tm.screen(), c.want) {
			t.Errorf("%s: the goodbye is not on the screen:\n%s", c.name, c.tm.screen())
		}
	}
}

// What the instructor reads once the class has ended, in both languages,
// with plurals, and a save that failed named.
func TestStopReportLines(t *testing.T) {
	en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
	failed := StopReport{Sessions: 3, Told: 2, Saved: 1, Failed: []StopFailure{{Name: "Ugo", Err: errSaveFailed}}}
	for _, c := range []struct {
		r    StopReport
		p    *locale.Printer
		want []string
	}{
		{StopReport{}, en, []string{"stopped: no session was open"}},
		{StopReport{}, pt, []string{"parado: nenhuma sessão estava aberta"}},
		{StopReport{Sessions: 1, Told: 1, Saved: 1}, en, []string{"stopped: 1 session was told the class ended; the progress of 1 student is saved"}},
		{StopReport{Sessions: 2, Told: 2}, en, []string{"stopped: 2 sessions were told the class ended"}},
		{StopReport{Sessions: 1, Told: 1, Saved: 1}, pt, []string{"parado: 1 sessão foi avisada do fim da aula; o progresso de 1 aluno está salvo"}},
		{failed, en, []string{"stopped: 2 of 3 sessions were told the class ended; the progress of 1 student is saved",
			"  the progress of Ugo was NOT saved: no space left on device"}},
		{failed, pt, []string{"parado: 2 de 3 sessões foram avisadas do fim da aula; o progresso de 1 aluno está salvo",
			"  o progresso de Ugo NÃO foi salvo: no space left on device"}},
	} {
		if got := c.r.Lines(c.p); !slices.Equal(got, c.want) {
			t.Errorf("%+v in %s:\n got %q\nwant %q", c.r, c.p.Lang(), got, c.want)
		}
	}
}
