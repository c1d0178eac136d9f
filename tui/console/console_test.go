package console

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"go.uber.org/goleak"

	"distlab/demos/locale"
	"distlab/demos/present"
	"distlab/tui/common"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func newConsole(t *testing.T, lang string) (*Model, *present.Server) {
	t.Helper()
	dir, err := os.MkdirTemp("", "dlc")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "present.sock")
	srv, err := present.Listen(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	com := common.New(theme.New(theme.Dark), locale.Match(lang))
	com.Tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	m := New(com, path)
	t.Cleanup(m.Close)
	m.Update(tea.WindowSizeMsg{Width: 90, Height: 24})
	return m, srv
}

// step runs cmd and hands its message back to the console, once.
func step(m *Model, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	_, next := m.Update(cmd())
	return next
}

// The console shows the slide the projector shows, its notes, the next
// slide and the time presenting, in the console's language, and its keys
// reach the app as commands.
func TestConsoleShowsAndDrives(t *testing.T) {
	m, srv := newConsole(t, "pt-BR")
	since := time.Date(2026, 12, 2, 14, 0, 0, 0, time.Local)
	srv.Publish(present.State{Presenting: true, Since: since, Lesson: "Relógios", Slide: 3, Slides: 12,
		Title: "Lamport", Notes: []string{"Pergunte: quem veio antes?"}, Demo: "ordenação de relógios",
		Next: "Vetores", NextBody: []string{"• um contador por processo"}})
	follow := step(m, m.attach()) // attached: follow the states
	step(m, follow)
	m.now = since.Add(65*time.Minute + 7*time.Second)
	s := m.Render()
	for _, want := range []string{"slide 3/12", "1:05:07", "Agora: Lamport", "Pergunte: quem veio antes?",
		"abre ao lado: ordenação de relógios", "Próximo: Vetores", "• um contador por processo", "Relógios"} {
		if !strings.Contains(s, want) {
			t.Errorf("the console lacks %q:\n%s", want, s)
		}
	}
	for k, op := range map[string]present.Op{"right": present.Next, "backspace": present.Prev, "b": present.BlankToggle,
		"w": present.WhiteToggle, "d": present.Demo, "G": present.Last, "home": present.First} {
		step(m, m.key(panetest.Key(k)))
		select {
		case got := <-srv.Commands():
			if got.Op != op {
				t.Errorf("%s sent %q, want %q", k, got.Op, op)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s sent nothing", k)
		}
	}
}

// A blank projector shows on the console; b there asks the app to toggle
// it, the app deciding on what it shows then.
func TestConsoleBlank(t *testing.T) {
	m, srv := newConsole(t, "en")
	srv.Publish(present.State{Presenting: true, Slide: 1, Slides: 2, Blank: true, White: true})
	step(m, step(m, m.attach()))
	if s := m.Render(); !strings.Contains(s, "SCREEN BLANK (white)") {
		t.Fatalf("no blank on the console:\n%s", s)
	}
	step(m, m.key(panetest.Key("b")))
	select {
	case got := <-srv.Commands():
		if got.Op != present.BlankToggle {
			t.Fatalf("b sent %q", got.Op)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("b sent nothing")
	}
}

// With no app presenting, the console says so and tries again; a tiny
// terminal gets a message, not a panic.
func TestConsoleWaits(t *testing.T) {
	m, srv := newConsole(t, "en")
	srv.Close()
	step(m, m.attach())
	if s := m.Render(); !strings.Contains(s, "no distlab is presenting on this machine") || !strings.Contains(s, "distlab --presenter") {
		t.Fatalf("waiting:\n%s", s)
	}
	m.Update(tea.WindowSizeMsg{Width: 10, Height: 3})
	if s := ansi.Strip(m.Render()); !strings.HasPrefix(s, "Please enl") || len(strings.Split(s, "\n")) != 3 {
		t.Fatalf("tiny:\n%q", s)
	}
	m.Update(tea.WindowSizeMsg{Width: 29, Height: 10})
	if s := ansi.Strip(m.Render()); !strings.Contains(s, "q quits") {
		t.Fatalf("too small, and q is not said:\n%s", s)
	}
}

// The console keeps the roster: who is in the demos, since when, how many
// messages each sent, and the joins and leaves as they happen.
func TestConsoleRoster(t *testing.T) {
	m, srv := newConsole(t, "en")
	at := time.Date(2026, 12, 2, 9, 15, 0, 0, time.Local)
	zoe := present.Student{Nick: "zoe", Node: "n2", Since: at, Sent: 3}
	srv.Publish(present.State{Presenting: true, Slide: 1, Slides: 2, Roster: []present.Student{zoe}})
	follow := step(m, m.attach())
	follow = step(m, follow)
	srv.Publish(present.State{Presenting: true, Slide: 1, Slides: 2, Roster: []present.Student{{Nick: "ana", Node: "n1", Since: at}}})
	step(m, follow)
	s := ansi.Strip(m.Render())
	for _, want := range []string{"Students in the demos: 1", "ana  n1  since 09:15  0 messages", "zoe left n2", "ana joined n1"} {
		if !strings.Contains(s, want) {
			t.Errorf("the console lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "zoe joined") {
		t.Errorf("the first roster is no join:\n%s", s)
	}
}

// A live question's answers show on the console as they come, as bars,
// the right option marked, and the console says what the class sees; r
// shows the class the results. Without a question, r is not offered.
func TestConsoleLiveQuestion(t *testing.T) {
	for _, lang := range []string{"en", "pt-BR"} {
		m, srv := newConsole(t, lang)
		q := &present.Question{Text: "Which clock orders causally related events?", Answered: 5, Right: 3, Present: 7, Open: true,
			Options: []present.Option{{Text: "Physical clocks", Votes: 2}, {Text: "Lamport clocks", Votes: 3, Right: true}, {Text: "None", Votes: 0}}}
		srv.Publish(present.State{Presenting: true, Slide: 1, Slides: 2, Title: "Lamport", Question: q})
		step(m, step(m, m.attach()))
		s := ansi.Strip(m.Render())
		want := map[string][]string{
			"en":    {"Live question: Which clock", "5 answers · 7 in the class now · answers open", "the class sees the count only (r shows the results)", "b) Lamport clocks"},
			"pt-BR": {"Pergunta ao vivo: Which clock", "5 respostas · 7 na turma agora · respostas abertas", "a turma vê só a contagem (r mostra os resultados)", "Sem notas para este slide.", "b) Lamport clocks"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: no %q in:\n%s", lang, w, s)
			}
		}
		var bars []int
		for _, l := range strings.Split(s, "\n") {
			if strings.Contains(l, ") ") && strings.Contains(l, "clocks") || strings.Contains(l, "c) None") {
				bars = append(bars, strings.Count(l, "█"))
				if strings.Contains(l, "Lamport") != strings.Contains(l, "✓") {
					t.Errorf("%s: the right option's mark: %q", lang, l)
				}
			}
		}
		if len(bars) != 3 || bars[1] <= bars[0] || bars[0] == 0 || bars[2] != 0 {
			t.Errorf("%s: bars %v, want three growing with the votes (2, 3, 0):\n%s", lang, bars, s)
		}
		// r asks the app to show the class the results.
		step(m, m.key(panetest.Key("r")))
		select {
		case got := <-srv.Commands():
			if got.Op != present.Reveal {
				t.Errorf("r sent %q", got.Op)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("r sent nothing")
		}
	}
}

// r is offered (and sent) only while a live question waits for its
// results to be shown.
func TestConsoleRevealOnlyWithAQuestion(t *testing.T) {
	m, srv := newConsole(t, "en")
	srv.Publish(present.State{Presenting: true, Slide: 1, Slides: 2, Title: "Lamport"})
	step(m, step(m, m.attach()))
	if m.keys.Reveal.Enabled() || strings.Contains(ansi.Strip(m.Render()), "show the class the results") {
		t.Fatal("r offered with no live question")
	}
	step(m, m.key(panetest.Key("r")))
	select {
	case got := <-srv.Commands():
		t.Fatalf("r sent %q with no question", got.Op)
	case <-time.After(100 * time.Millisecond):
	}
}

// Notes taller than the console's room scroll with ↓ and ↑, on the
// console alone (the app is sent nothing); the last line says how much is
// left; a new slide's notes start at the top.
func TestConsoleNotesScroll(t *testing.T) {
	m, srv := newConsole(t, "en")
	var long []string
	for i := range 40 {
		long = append(long, fmt.Sprintf("note %02d", i))
	}
	srv.Publish(present.State{Presenting: true, Since: time.Now(), Lesson: "Clocks", Slide: 3, Slides: 12, Title: "Lamport", Notes: long})
	follow := step(m, m.attach())
	follow = step(m, follow)
	if s := m.Render(); !strings.Contains(s, "note 00") || !strings.Contains(s, "more lines of notes: ↓") || strings.Contains(s, "note 39") {
		t.Fatalf("the top of long notes:\n%s", s)
	}
	for range 100 {
		step(m, m.key(panetest.Key("down")))
	}
	if s := m.Render(); strings.Contains(s, "note 00") || !strings.Contains(s, "note 39") || !strings.Contains(s, "go on above: ↑") {
		t.Fatalf("the end of long notes:\n%s", s)
	}
	select {
	case c := <-srv.Commands():
		t.Fatalf("scrolling the notes sent the app %q", c.Op)
	default:
	}
	srv.Publish(present.State{Presenting: true, Since: time.Now(), Lesson: "Clocks", Slide: 4, Slides: 12, Title: "Vectors", Notes: long})
	step(m, follow)
	if s := m.Render(); !strings.Contains(s, "note 00") {
		t.Fatalf("a new slide's notes do not start at the top:\n%s", s)
	}
}

// footer is the console's last line, without colors.
func footer(m *Model) string {
	rows := strings.Split(ansi.Strip(m.Render()), "\n")
	return rows[len(rows)-1]
}

// The help bar fits whole at 80 and 100 columns, in both languages, and
// always names ? and q; ? shows every key of the console with its long
// words (r, g/G, ↑/↓ among them), whether it acts now or not, and esc or ?
// brings the notes back. The footer was cut with "…" at 100 columns and
// there was no ? at all.
func TestConsoleHelp(t *testing.T) {
	for _, c := range []struct {
		lang  string
		bar   []string
		keys  []string
		close string
	}{
		{"en", []string{"→/space forward", "← back", "? help", "q quit", "b black", "w white", "d demo"},
			[]string{"→/space", "next slide", "g/home", "first slide", "G/end", "last slide", "show the class the results", "↓/j", "notes down", "↑/k", "notes up", "? ", "q "}, "esc/? close"},
		{"pt-BR", []string{"→/espaço avançar", "← voltar", "? ajuda", "q sair", "b preta", "w branca", "d demo"},
			[]string{"→/espaço", "próximo slide", "primeiro slide", "último slide", "mostrar os resultados à turma", "notas abaixo", "notas acima"}, "esc/? fechar"},
	} {
		for _, w := range []int{80, 100} {
			m, srv := newConsole(t, c.lang)
			m.Update(tea.WindowSizeMsg{Width: w, Height: 24})
			srv.Publish(present.State{Presenting: true, Slide: 3, Slides: 12, Title: "Lamport", Demo: "clocks", Next: "Vectors"})
			step(m, step(m, m.attach()))
			f := footer(m)
			for _, want := range c.bar {
				if !strings.Contains(f, want) {
					t.Errorf("%s at %d columns: the help bar lacks %q: %q", c.lang, w, want, f)
				}
			}
			if strings.Contains(f, "…") {
				t.Errorf("%s at %d columns: the help bar is cut: %q", c.lang, w, f)
			}
			step(m, m.key(panetest.Key("?")))
			s := ansi.Strip(m.Render())
			for _, want := range c.keys {
				if !strings.Contains(s, want) {
					t.Errorf("%s: the keys' screen lacks %q:\n%s", c.lang, want, s)
				}
			}
			if f := footer(m); !strings.Contains(f, c.close) {
				t.Errorf("%s: the keys' screen does not say how to close it: %q", c.lang, f)
			}
			step(m, m.key(panetest.Key("esc")))
			if s := ansi.Strip(m.Render()); !strings.Contains(s, "Lamport") {
				t.Errorf("%s: esc did not bring the notes back:\n%s", c.lang, s)
			}
		}
	}
}

// The help bar offers only keys that act: on the first slide no ← or g,
// on the last no → or G, no d when the slide opens no demo, no slide keys
// at all while no app is presenting; a blank screen makes every slide key
// act (it brings the slide back). A key not offered sends nothing.
func TestConsoleOffersOnlyKeysThatAct(t *testing.T) {
	m, srv := newConsole(t, "en")
	srv.Publish(present.State{Presenting: true, Slide: 1, Slides: 2, Title: "First"})
	follow := step(m, step(m, m.attach()))
	if f := footer(m); strings.Contains(f, "←") || strings.Contains(f, "d demo") || !strings.Contains(f, "→/space") {
		t.Errorf("on the first slide, with no demo: %q", f)
	}
	step(m, m.key(panetest.Key("left")))
	step(m, m.key(panetest.Key("d")))
	select {
	case got := <-srv.Commands():
		t.Fatalf("a key not offered sent %q", got.Op)
	case <-time.After(100 * time.Millisecond):
	}
	srv.Publish(present.State{Presenting: true, Slide: 2, Slides: 2, Title: "Last", Demo: "clocks"})
	follow = step(m, follow)
	if f := footer(m); strings.Contains(f, "→") || !strings.Contains(f, "← back") || !strings.Contains(f, "d demo") {
		t.Errorf("on the last slide, with a demo: %q", f)
	}
	srv.Publish(present.State{Presenting: true, Slide: 2, Slides: 2, Title: "Last", Blank: true})
	follow = step(m, follow)
	if f := footer(m); !strings.Contains(f, "→/space") || !strings.Contains(f, "← back") {
		t.Errorf("on a blank screen every slide key brings the slide back: %q", f)
	}
	srv.Close() // the app went away
	if batch, ok := step(m, follow)().(tea.BatchMsg); ok {
		for _, c := range batch { // the old client closed, a new attach tried
			if c != nil {
				c()
			}
		}
	}
	if f := footer(m); strings.Contains(f, "→") || strings.Contains(f, "←") || strings.Contains(f, "black") || !strings.Contains(f, "? help") {
		t.Errorf("with no app presenting: %q", f)
	}
}

// The console speaks the app's language: the notes and titles come in it
// (the app's L switches it), and the console's words follow.
func TestConsoleFollowsTheAppsLanguage(t *testing.T) {
	m, srv := newConsole(t, "en")
	srv.Publish(present.State{Presenting: true, Slide: 1, Slides: 2, Title: "Objetivos", Next: "Relógios", Lang: "pt-BR"})
	step(m, step(m, m.attach()))
	s := ansi.Strip(m.Render())
	for _, want := range []string{"Agora: Objetivos", "Próximo: Relógios", "? ajuda", "q sair"} {
		if !strings.Contains(s, want) {
			t.Errorf("the console does not speak the app's Portuguese: no %q in\n%s", want, s)
		}
	}
	if strings.Contains(s, "Now:") || strings.Contains(s, "quit") {
		t.Errorf("the console mixes languages:\n%s", s)
	}
}
