package tui

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
)

// TestSoak throws thousands of random keys, clicks, wheel turns and resizes
// (down to 1×1) at the app. Nothing may panic, and every frame must be
// exactly the terminal's size.
func TestSoak(t *testing.T) {
	t.Parallel() // its own app; the test demos keep no state between instances
	soak(t, 1, func(*Model) {})
}

// TestSoakWorkspace is the same with four panes open: the lesson and three
// demos, which the keys zoom, close, reopen and present beside.
func TestSoakWorkspace(t *testing.T) {
	t.Parallel()
	soak(t, 2, func(m *Model) {
		press(t, m, "1", "D", "enter", "D", "enter")
		if m.Panes() != 4 {
			t.Fatalf("%d panes", m.Panes())
		}
	})
}

// TestSoakLearning soaks the real course with the quiz, the course map,
// the answers key and the challenge strips' keys in the mix, a quiz open
// at the start.
func TestSoakLearning(t *testing.T) {
	t.Parallel()
	soakWith(t, 3, embedded, []string{"Q", "M", "a", "r", "C", "H", "c", "e", "f", "5", "0", ",", "Q", "a"}, func(m *Model) {
		press(t, m, "1", "Q")
		if !hasOverlay[quizOverlay](m) {
			t.Fatal("no quiz")
		}
	})
}

// TestSoakChallenges soaks the real demos — a chat cluster on real
// sockets, the clocks, scale — open beside lesson 7 and 2 and their
// challenge strips, with the strips' keys and the demos' own in the mix.
func TestSoakChallenges(t *testing.T) {
	t.Parallel()
	demos := Demos()
	// Not e: the scale demo's real measurement runs for seconds, and the
	// soak runs every command to its end before the next key.
	soakN(t, 4, 2000, embedded, []string{"C", "H", "C", "H", "c", "r", "f", "a", "s", "k", "R", "x", "2", "3"}, func(m *Model) {
		m.cfg.Demos = demos                                                         // the registry the app ships, challenges and all
		press(t, m, "M", "down", "enter", "1")                                      // lesson 2 and scale
		press(t, m, "M", "down", "down", "down", "down", "down", "enter", "1", "2") // lesson 7: clocks, chat
		if m.Panes() < 3 {
			t.Fatalf("%d panes", m.Panes())
		}
	})
}

func soak(t *testing.T, seed uint64, setup func(*Model)) {
	soakWith(t, seed, fixtureWithProblem(t), nil, setup)
}

// uiSoakSteps is the steps of a soak with no demo running (fewer under
// the race detector: see race_test.go).
var uiSoakSteps = 5000

func soakWith(t *testing.T, seed uint64, load func() *lessons.Catalog, extra []string, setup func(*Model)) {
	soakN(t, seed, uiSoakSteps, load, extra, setup)
}

// soakN is soakWith with n steps (a tenth in -short mode).
func soakN(t *testing.T, seed uint64, n int, load func() *lessons.Catalog, extra []string, setup func(*Model)) {
	if testing.Short() {
		n /= 10
	}
	keys := []string{"j", "k", "up", "down", "pgup", "pgdown", "home", "end", "g", "G", "u", "d",
		"space", "b", "enter", "esc", "tab", "shift+tab", "n", "p", "L", "T", "?", "!", "/", "x",
		"backspace", "é", "1", "2", "l", "q", "z", "<", ">", "D", "P", "N", "left", "right",
		"ctrl+left", "ctrl+right", "ctrl+up", "ctrl+down"}
	keys = append(keys, extra...)
	sizes := [][2]int{{1, 1}, {2, 1}, {10, 5}, {59, 14}, {60, 15}, {61, 16}, {80, 24}, {100, 30}, {200, 60}}
	rng := rand.New(rand.NewPCG(seed, 2))
	m := newApp(t, load, "en", 100, 30)
	setup(m)
	w, h := 100, 30
	// Most lines of a frame are the lines of the frame before (borders, the
	// help bar, text a key did not move): measuring each distinct line once
	// keeps the check on every line of every frame and halves the soak.
	widths := map[string]int{}
	for i := range n {
		switch r := rng.IntN(100); {
		case r < 8:
			s := sizes[rng.IntN(len(sizes))]
			if rng.IntN(3) == 0 { // and some sizes nobody planned for
				s = [2]int{1 + rng.IntN(220), 1 + rng.IntN(70)}
			}
			w, h = s[0], s[1]
			send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		case r < 14:
			send(t, m, tea.MouseClickMsg{X: rng.IntN(w + 2), Y: rng.IntN(h + 2), Button: tea.MouseLeft})
		case r < 20:
			b := tea.MouseWheelUp
			if rng.IntN(2) == 0 {
				b = tea.MouseWheelDown
			}
			send(t, m, tea.MouseWheelMsg{X: rng.IntN(w), Y: rng.IntN(h), Button: b})
		case r < 23:
			send(t, m, frameMsg{time.Now()}) // a tick of the frame clock
		default:
			send(t, m, keyMsg(keys[rng.IntN(len(keys))]))
		}
		screen := m.Render()
		if fresh := freshRender(m); fresh != screen { // what was kept must be what would be drawn
			t.Fatalf("step %d at %d×%d: the screen kept differs from one drawn afresh\nkept:\n%s\nfresh:\n%s", i, w, h, ansi.Strip(screen), ansi.Strip(fresh))
		}
		lines := strings.Split(screen, "\n")
		if len(lines) != h {
			t.Fatalf("step %d at %d×%d: %d lines", i, w, h, len(lines))
		}
		for j, l := range lines {
			got, ok := widths[l]
			if !ok {
				got = ansi.StringWidth(l)
				widths[l] = got
			}
			if got != w {
				t.Fatalf("step %d at %d×%d: line %d is %d wide: %q", i, w, h, j, got, ansi.Strip(l))
			}
		}
	}
}

// freshRender draws m's screen with every kept drawing dropped.
func freshRender(m *Model) string {
	m.dirtyAll()
	m.screen = composed{}
	return m.Render()
}
