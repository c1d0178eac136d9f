package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
)

// takeApp is the next app the server built.
func (ts *testServer) takeApp(t *testing.T) *spyApp {
	t.Helper()
	select {
	case a := <-ts.apps:
		return a
	case <-time.After(20 * time.Second):
		t.Fatal("no app was built")
		return nil
	}
}

// A student with a key meets the entry screen, types a name, and gets the
// app on a real PTY at their window's size; a resize reaches the app.
func TestSessionShowsTheApp(t *testing.T) {
	ts := startServer(t, "", nil)
	key := newKey(t)
	c, err := dial(t, ts.Addr(), "student", withKey(key))
	if err != nil {
		t.Fatal(err)
	}
	tm := open(t, c, 100, 30, english, true)
	tm.waitFor("What name should the class see?")
	tm.keys("Ana Lima\r")
	tm.waitFor(inTheApp)
	app := ts.takeApp(t)
	if app.ss.Name != "Ana Lima" || app.ss.Fingerprint == "" || !strings.HasPrefix(app.ss.ID, "k") || app.ss.Lang != "en" {
		t.Fatalf("session %q %q %q %q", app.ss.Name, app.ss.Fingerprint, app.ss.ID, app.ss.Lang)
	}
	if err := tm.await(func() bool { return app.lastSize() == tea.WindowSizeMsg{Width: 100, Height: 30} }, 10*time.Second); err != nil {
		t.Fatalf("the app's size is %+v, want 100×30", app.lastSize())
	}
	tm.resize(120, 40)
	if err := tm.await(func() bool { return app.lastSize() == tea.WindowSizeMsg{Width: 120, Height: 40} }, 10*time.Second); err != nil {
		t.Fatalf("the resize did not reach the app: %+v", app.lastSize())
	}
	// The frame is redrawn at the new size: the key help on the 40th row,
	// not the 30th (a renderer left at 100×30 cuts the 120×40 frame).
	if err := tm.await(func() bool { return strings.Contains(row(tm.screen(), 39), inTheApp) }, 20*time.Second); err != nil {
		t.Fatalf("the frame was not redrawn at 120×40: %v; the screen:\n%s", err, tm.screen())
	}
	// Two resizes at once: the last one wins, on the app and on the screen.
	tm.resize(90, 28)
	tm.resize(80, 24)
	if err := tm.await(func() bool {
		return app.lastSize() == tea.WindowSizeMsg{Width: 80, Height: 24} && strings.Contains(row(tm.screen(), 23), inTheApp)
	}, 20*time.Second); err != nil {
		t.Fatalf("after two resizes the app's size is %+v, want 80×24; the screen:\n%s", app.lastSize(), tm.screen())
	}
	if got := readFile(t, filepath.Join(ts.dir, "students", app.ss.ID+".name.json")); !strings.Contains(got, `"Ana Lima"`) || !strings.Contains(got, app.ss.Fingerprint) {
		t.Fatalf("name file: %q", got)
	}
}

// row is the screen's row i (from 0), "" past its end.
func row(screen string, i int) string {
	if rows := strings.Split(screen, "\n"); i < len(rows) {
		return rows[i]
	}
	return ""
}

// Portuguese from the client's LANG: the entry and the app speak it.
func TestSessionSpeaksTheClientsLanguage(t *testing.T) {
	ts := startServer(t, "", nil)
	c, err := dial(t, ts.Addr(), "student", withKey(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	tm := open(t, c, 100, 30, map[string]string{"LANG": "pt_BR.UTF-8"}, true)
	tm.waitFor("Que nome a turma deve ver?")
	tm.keys("Bia\r")
	tm.waitFor(course().Lessons("pt-BR")[0].Title)
}

// A client that names no language chooses it on entry.
func TestSessionAsksTheLanguage(t *testing.T) {
	ts := startServer(t, "", nil)
	c, err := dial(t, ts.Addr(), "student", withCode(testCode))
	if err != nil {
		t.Fatal(err)
	}
	tm := open(t, c, 100, 30, nil, true)
	tm.waitFor("Choose your language:")
	tm.keys("\x1b[B") // down: Português
	tm.waitFor("Escolha seu idioma:")
	tm.keys("\r")
	tm.waitFor("Que nome a turma deve ver?")
	tm.keys("Caio\r")
	tm.waitFor(course().Lessons("pt-BR")[0].Title)
	if app := ts.takeApp(t); app.ss.Lang != "pt-BR" || app.ss.Fingerprint != "" || !strings.HasPrefix(app.ss.ID, "n") {
		t.Fatalf("session %q %q %q", app.ss.Lang, app.ss.Fingerprint, app.ss.ID)
	}
}

// The host key is made on first run, owner-only in an owner-only folder,
// and the same key comes back on the next run.
func TestHostKeyKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "distlab", "ssh_host_ed25519_key")
	a, err := LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, %v", fi.Mode().Perm(), err)
	}
	if di, err := os.Stat(filepath.Dir(path)); err != nil || di.Mode().Perm() != 0o700 {
		t.Fatalf("key folder mode %v, %v", di.Mode().Perm(), err)
	}
	b, err := LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if fingerprint(a.PublicKey()) != fingerprint(b.PublicKey()) {
		t.Fatal("a second run made another key")
	}
	if a.PublicKey().Type() != "ssh-ed25519" {
		t.Fatalf("key type %s", a.PublicKey().Type())
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a key others can read: %v", err)
	}
}

// The entry's first frame, drawn before the program has delivered the
// window's size, is already in the middle of the session's window: it was
// drawn in the top left corner, then moved (seen over OpenSSH).
func TestEntryFirstFrameCentered(t *testing.T) {
	g := newGate(&Session{}, newEntry(locale.English, false, "", "student"), true, nil, 100, 30)
	lines := strings.Split(g.View().Content, "\n")
	if len(lines) != 30 {
		t.Fatalf("the first frame has %d lines, the window 30:\n%s", len(lines), g.View().Content)
	}
	for i, l := range lines {
		if strings.Contains(l, "Welcome to the class") {
			if i < 10 || !strings.HasPrefix(l, "          ") {
				t.Fatalf("the question is on line %d, at %q: not in the middle", i, l)
			}
			return
		}
	}
	t.Fatalf("no question on the first frame:\n%s", g.View().Content)
}

// At 30×8 the entry still asks its question whole, with the field and the
// keys (the blank lines and then the title give way); the question and the
// field were cut off. In both languages.
func TestEntryFitsASmallScreen(t *testing.T) {
	for lang, want := range map[locale.Lang][]string{
		locale.English:    {"Welcome to the class!", "What name should the class see?", "enter confirm · esc leave"},
		locale.Portuguese: {"Boas-vindas à turma!", "Que nome a turma deve ver?", "enter confirmar · esc sair"},
	} {
		e := newEntry(lang, false, "", "student")
		e.Init()
		view := ansi.Strip(e.View(30, 8))
		lines := strings.Split(view, "\n")
		if len(lines) != 8 {
			t.Fatalf("%s: %d lines at 30×8:\n%s", lang, len(lines), view)
		}
		flat := strings.Join(strings.Fields(view), " ")
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: at 30×8 the entry lacks %q:\n%s", lang, w, view)
			}
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > 30 {
				t.Errorf("%s: a line wider than the screen: %q", lang, l)
			}
		}
		if !strings.Contains(view, ">") { // the field's prompt
			t.Errorf("%s: no name field at 30×8:\n%s", lang, view)
		}
	}
}

// The name field stops at maxName characters as they are typed or pasted,
// and says so then (it was said only on enter, after typing on).
func TestNameLimitedWhileTyping(t *testing.T) {
	e := newEntry(locale.Portuguese, false, "", "student")
	e.Init()
	e.Update(tea.PasteMsg{Content: strings.Repeat("a", 30)})
	if n := len(e.name.Value()); n != maxName {
		t.Fatalf("the field kept %d characters of a paste of 30, want %d", n, maxName)
	}
	if !strings.Contains(ansi.Strip(e.View(80, 24)), "Um nome tem no máximo 24 caracteres.") {
		t.Fatalf("the limit is not said as it is reached:\n%s", ansi.Strip(e.View(80, 24)))
	}
	e.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	if strings.Contains(ansi.Strip(e.View(80, 24)), "no máximo") {
		t.Fatal("the limit is still said under it")
	}
	e.Update(tea.KeyPressMsg{Code: 'b', Text: "b"}) // the 24th: fits
	e.Update(tea.KeyPressMsg{Code: 'c', Text: "c"}) // the 25th: left out, and said
	if v := e.name.Value(); len(v) != maxName || !strings.HasSuffix(v, "b") || !strings.Contains(ansi.Strip(e.View(80, 24)), "no máximo 24") {
		t.Fatalf("typing past the limit: %q\n%s", v, ansi.Strip(e.View(80, 24)))
	}
}
