package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/class"
)

// keyQuits reports whether the key makes the app quit: the commands it
// returns are run to their end, looking for tea.Quit.
func keyQuits(t *testing.T, m *Model, k string) bool {
	t.Helper()
	_, cmd := m.Update(keyMsg(k))
	queue := []tea.Cmd{cmd}
	quit := false
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.QuitMsg:
			quit = true
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	return quit
}

// endingApp is the instructor's app in distlab serve's own terminal,
// whose quitting ends the class.
func endingApp(t *testing.T, lang string, hub *class.Hub) *Model {
	t.Helper()
	m := New(Config{Load: embedded, Lang: lang, Source: "test", Demos: testDemos, Hub: hub, EndsClass: true})
	m.com.Tick = holdTicks
	close(m.classDone)
	t.Cleanup(m.Close)
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

// q in the app whose quitting ends the class asks first, saying how many
// students are connected; n or esc keeps teaching, a second q, ctrl+c or y
// ends it. In Portuguese too. An instructor's app over SSH (quitting ends
// only that session) quits at once.
func TestEndClassAsksFirst(t *testing.T) {
	hub := class.New(time.Now)
	hub.Join("a", "Ana")
	hub.Join("b", "Bruno")
	m := endingApp(t, "en", hub)
	if !strings.Contains(screen(m), "q end the class") {
		t.Errorf("the help bar does not say q ends the class:\n%s", screen(m))
	}
	if keyQuits(t, m, "q") {
		t.Fatal("q ended the class without asking")
	}
	s := screen(m)
	for _, want := range []string{"End the class?", "2 students are connected", "y/q end the class", "n/esc keep teaching"} {
		if !strings.Contains(s, want) {
			t.Errorf("the question lacks %q:\n%s", want, s)
		}
	}
	if keyQuits(t, m, "n") || strings.Contains(screen(m), "End the class?") {
		t.Fatalf("n did not keep teaching:\n%s", screen(m))
	}
	if keyQuits(t, m, "q") || !keyQuits(t, m, "q") {
		t.Fatal("q, q did not end the class")
	}
	m = endingApp(t, "en", hub)
	if keyQuits(t, m, "ctrl+c") || keyQuits(t, m, "esc") || keyQuits(t, m, "ctrl+c") || !keyQuits(t, m, "y") {
		t.Fatal("ctrl+c asks, esc keeps teaching, y ends it")
	}

	one := class.New(time.Now)
	one.Join("a", "Ana")
	pt := endingApp(t, "pt-BR", one)
	keyQuits(t, pt, "q")
	s = screen(pt)
	for _, want := range []string{"Encerrar a aula?", "1 aluno está conectado", "encerrar a aula", "continuar a aula"} {
		if !strings.Contains(s, want) {
			t.Errorf("a pergunta não tem %q:\n%s", want, s)
		}
	}
	if !keyQuits(t, pt, "q") {
		t.Fatal("q, q did not end the class in Portuguese")
	}

	over := classApp(t, "en", nil, hub) // an instructor's session over SSH
	if !keyQuits(t, over, "q") {
		t.Fatal("an instructor's SSH session asked before quitting: only its own session ends")
	}
}

// The screen that asks for a bigger terminal says the one key that acts
// there, q, and what it does: quit, or end the class in distlab serve's
// own terminal (which still asks first). In both languages.
func TestTooSmallSaysQ(t *testing.T) {
	m := newApp(t, embedded, "pt-BR", 50, 12)
	if s := screen(m); !strings.Contains(s, "q sai") {
		t.Errorf("the small screen does not say q quits:\n%s", s)
	}
	hub := class.New(time.Now)
	hub.Join("a", "Ana")
	e := endingApp(t, "en", hub)
	send(t, e, tea.WindowSizeMsg{Width: 50, Height: 12})
	if s := screen(e); !strings.Contains(s, "q ends the class") {
		t.Errorf("the instructor's small screen does not say q ends the class:\n%s", s)
	}
	if keyQuits(t, e, "q") {
		t.Fatal("q on a small screen ended the class without asking")
	}
	if s := strings.Join(strings.Fields(screen(e)), " "); !strings.Contains(s, "End the class? y/q end the class · n/esc keep teaching") {
		t.Errorf("the question is not on the small screen:\n%s", screen(e))
	}
	if !keyQuits(t, e, "q") {
		t.Error("on a small screen q asks before ending the class, and a second q ends it")
	}
}
