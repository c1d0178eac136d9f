package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/class"
	"distlab/lessons"
	"distlab/tui/quiz"
)

// classApp is an app in a served class, as a student (member) or the
// instructor (hub). Its wait on the class is ended at once: the harness
// runs commands to their end, so the test delivers the class's news
// itself (news).
func classApp(t *testing.T, lang string, member *class.Member, hub *class.Hub) *Model {
	t.Helper()
	m := New(Config{Load: embedded, Lang: lang, Source: "test", Demos: testDemos, Class: member, Hub: hub, QuizSeed: 3})
	m.com.Tick = holdTicks
	close(m.classDone)
	t.Cleanup(m.Close)
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

func news(t *testing.T, ms ...*Model) {
	for _, m := range ms {
		send(t, m, classMsg{})
	}
}

// The instructor leads: a following student goes to the lesson and the
// slide the instructor presents; one who steps out (F) stays where they
// are; the roster shows both, who follows, and where they are.
func TestClassFollow(t *testing.T) {
	hub := class.New(time.Now)
	ana, bruno := hub.Join("a", "Ana"), hub.Join("b", "Bruno")
	teacher := classApp(t, "en", nil, hub)
	sa, sb := classApp(t, "pt-BR", ana, nil), classApp(t, "en", bruno, nil)
	press(t, sb, "F") // Bruno steps out
	press(t, teacher, "n", "P", "right", "right")
	news(t, sa, sb)
	if sa.Lesson() != "scalability" || sa.Mode() != Presenting {
		t.Fatalf("Ana, following: lesson %q, mode %v", sa.Lesson(), sa.Mode())
	}
	if i, _ := sa.reader.Slide(); i != 2 {
		t.Fatalf("Ana on slide %d, the instructor on 2", i)
	}
	if sb.Lesson() == "scalability" || sb.Mode() == Presenting {
		t.Fatalf("Bruno stepped out but moved: %q %v", sb.Lesson(), sb.Mode())
	}
	press(t, teacher, "W")
	s := screen(teacher)
	if !strings.Contains(s, "Class · 2 in") || !strings.Contains(s, "Ana") || !strings.Contains(s, "2. Scalability · 3") || !strings.Contains(s, "Bruno") {
		t.Fatalf("the roster:\n%s", s)
	}
	press(t, sb, "F") // back in: Bruno goes where the instructor is
	news(t, sb)
	if sb.Lesson() != "scalability" {
		t.Fatalf("Bruno following again is on %q", sb.Lesson())
	}
}

// A live question from the lesson's quiz: three students answer, the
// instructor's screen counts them as they come, and the reveal shows the
// class's bars to every student, with the verdict held until then.
func TestClassLiveQuestion(t *testing.T) {
	hub := class.New(time.Now)
	teacher := classApp(t, "en", nil, hub)
	var students []*Model
	for i, name := range []string{"Ana", "Bruno", "Caio"} {
		students = append(students, classApp(t, "en", hub.Join(string(rune('a'+i)), name), nil))
	}
	press(t, teacher, "A", "enter") // lesson 1's first question
	news(t, students...)
	for i, s := range students {
		o, ok := s.top().(liveOverlay)
		if !ok {
			t.Fatalf("student %d has no live question:\n%s", i, screen(s))
		}
		// The first two answer right, the third wrong.
		l := s.reader.Lesson()
		for k, opt := range o.q.Shown() {
			if l.Quiz[0].Options[opt].Correct == (i < 2) {
				press(t, s, string(rune('a'+k)), "enter")
				break
			}
		}
		if !strings.Contains(screen(s), "Answer sent") || strings.Contains(screen(s), "Right.") {
			t.Fatalf("student %d before the reveal:\n%s", i, screen(s))
		}
	}
	news(t, teacher)
	if s := screen(teacher); !strings.Contains(s, "3 answers · 3 in the class now") || strings.Contains(s, "██") {
		t.Fatalf("the instructor before the reveal:\n%s", s)
	}
	// The console, on the instructor's own screen, has the answers as they
	// come: two on the right option, one on a wrong one.
	q := teacher.consoleState().Question
	if q == nil || q.Answered != 3 || q.Right != 2 || q.Revealed || !q.Open || q.Present != 3 {
		t.Fatalf("the console's question before the reveal: %+v", q)
	}
	right, wrong := 0, 0
	for _, o := range q.Options {
		if o.Right {
			right += o.Votes
		} else {
			wrong += o.Votes
		}
	}
	if right != 2 || wrong != 1 {
		t.Fatalf("the options' votes: %+v", q.Options)
	}
	press(t, teacher, "r")
	news(t, students...)
	if s := screen(students[2]); !strings.Contains(s, "The class's answers: 3 · right: 2") || !strings.Contains(s, "Not quite") {
		t.Fatalf("a student after the reveal:\n%s", s)
	}
	if s := screen(teacher); !strings.Contains(s, "██") {
		t.Fatalf("the instructor's bars:\n%s", s)
	}
	if q := teacher.consoleState().Question; q == nil || !q.Revealed {
		t.Fatalf("the console's question after the reveal: %+v", q)
	}
	press(t, teacher, "esc")
	news(t, students...)
	if q := teacher.consoleState().Question; q != nil {
		t.Fatalf("the question ended, still on the console: %+v", q)
	}
	if _, live := students[0].top().(liveOverlay); live {
		t.Fatal("the question ended, still on a student's screen")
	}
	_ = quiz.LiveResults{}
}

// A broadcast reaches every student's status line, control characters
// taken out.
func TestClassBroadcast(t *testing.T) {
	hub := class.New(time.Now)
	teacher := classApp(t, "en", nil, hub)
	s := classApp(t, "pt-BR", hub.Join("a", "Ana"), nil)
	press(t, teacher, "B")
	send(t, teacher, tea.PasteMsg{Content: "break: back at 10:15\x1b[2J"})
	press(t, teacher, "enter")
	news(t, s)
	if sc := screen(s); !strings.Contains(sc, "📣 break: back at 10:15") || strings.Contains(sc, "\x1b[2J") {
		t.Fatalf("the broadcast:\n%s", sc)
	}
}

// The instructor's join banner shows the ssh command in a served class,
// the class code, and how many are in.
func TestClassJoinBanner(t *testing.T) {
	hub := class.New(time.Now)
	hub.Join("a", "Ana")
	m := New(Config{Load: embedded, Lang: "pt-BR", Source: "test", Demos: testDemos, Hub: hub, JoinSSH: "192.168.0.7:2222", JoinCode: "kx7-m2p"})
	m.com.Tick = holdTicks
	close(m.classDone)
	t.Cleanup(m.Close)
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	press(t, m, "J")
	s := screen(m)
	for _, want := range []string{"Entre no curso", "ssh -p 2222 192.168.0.7", "sem chave SSH? o código da turma é kx7-m2p", "no curso: 1 aluno"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q:\n%s", want, s)
		}
	}
}

// A student who hides the live question (esc) is not asked again when the
// class changes; the results bring it back, with the answer they gave.
func TestClassLiveQuestionHidden(t *testing.T) {
	hub := class.New(time.Now)
	teacher := classApp(t, "en", nil, hub)
	s := classApp(t, "en", hub.Join("a", "Ana"), nil)
	press(t, teacher, "A", "enter")
	news(t, s)
	o := s.top().(liveOverlay)
	l := s.reader.Lesson()
	right := ""
	for k, opt := range o.q.Shown() {
		if l.Quiz[0].Options[opt].Correct {
			right = string(rune('a' + k))
		}
	}
	press(t, s, right, "enter", "esc")
	if _, live := s.top().(liveOverlay); live {
		t.Fatal("esc did not hide the question")
	}
	hub.Broadcast("hello") // any news
	news(t, s)
	if _, live := s.top().(liveOverlay); live {
		t.Fatal("the hidden question came back before the results")
	}
	press(t, teacher, "r")
	news(t, s)
	if sc := screen(s); !strings.Contains(sc, "Right.") || !strings.Contains(sc, "The class's answers: 1") {
		t.Fatalf("the results with the answer given:\n%s", sc)
	}
	press(t, s, "esc")
	hub.Broadcast("again")
	news(t, s)
	if _, live := s.top().(liveOverlay); live {
		t.Fatal("the results, hidden, came back")
	}
}

// The roster fits the screen: on 80 columns every column with a space
// before it, on 60 the place and the idle time only; long names cut with
// "…", never run into the next column.
func TestClassRosterFits(t *testing.T) {
	hub := class.New(time.Now)
	a := hub.Join("a", "Ana Beatriz Nascimento da Silva")
	a.Report(class.Position{Lesson: "what-is-a-distributed-system"}, 2, 6)
	hub.Join("b", "Bruno")
	for _, c := range []struct {
		w, h  int
		wants []string
	}{
		{80, 24, []string{"Turma · 2 presentes", " seguindo ", " questionário", "Ana Beatriz Nascim… 1. O que é", "2/6"}},
		{60, 15, []string{"Turma · 2 presentes", "Ana Beatriz Na… 1. O que é", "Bruno"}},
	} {
		m := New(Config{Load: embedded, Lang: "pt-BR", Source: "test", Demos: testDemos, Hub: hub})
		m.com.Tick = holdTicks
		close(m.classDone)
		run(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: c.w, Height: c.h})
		press(t, m, "W")
		s := screen(m)
		for _, want := range c.wants {
			if !strings.Contains(s, want) {
				t.Errorf("%d×%d: missing %q:\n%s", c.w, c.h, want, s)
			}
		}
		m.Close()
	}
}

// A student who comes in late, or again after losing the connection, is
// where the class is: at the instructor's lesson, in front of the open
// question; a broadcast sent before they came is not shown as news; one
// who had stepped out is still out, and F brings them back in.
func TestClassLateStudent(t *testing.T) {
	hub := class.New(time.Now)
	teacher := classApp(t, "en", nil, hub)
	press(t, teacher, "n") // the instructor leads to lesson 2
	press(t, teacher, "B")
	send(t, teacher, tea.PasteMsg{Content: "before you came"})
	press(t, teacher, "enter", "A", "enter")
	late := classApp(t, "en", hub.Join("a", "Ana"), nil)
	news(t, late) // the one the join sends
	if late.Lesson() != "scalability" {
		t.Fatalf("the late student is on %q, the instructor on scalability", late.Lesson())
	}
	if _, live := late.top().(liveOverlay); !live {
		t.Fatalf("the late student does not see the open question:\n%s", screen(late))
	}
	if sc := screen(late); strings.Contains(sc, "before you came") {
		t.Fatalf("an old broadcast shown as news:\n%s", sc)
	}

	press(t, teacher, "esc") // the question ends: F is not typed into it
	out := hub.Join("b", "Bruno")
	out.Follow(false)
	out.Leave()
	again := classApp(t, "en", hub.Join("b", "Bruno"), nil) // reconnected
	press(t, again, "F")
	if sc := screen(again); !strings.Contains(sc, "following the instructor again") {
		t.Fatalf("F of a student who had stepped out, after reconnecting:\n%s", sc)
	}
}

// The live question on the instructor's screen (the projector) shows each
// option whole, over the screen's width: they were cut with "…" at the
// width of the lesson pane beside the lesson list.
func TestClassLiveQuestionOptionsWhole(t *testing.T) {
	hub := class.New(time.Now)
	teacher := classApp(t, "en", nil, hub)
	var lesson lessons.Lesson
	at := -1
	for _, l := range teacher.course.Lessons("en") {
		for i, q := range l.Quiz {
			for _, o := range q.Options {
				if n := len([]rune(o.Text)); n > 80 && n < 150 && at < 0 {
					lesson, at = l, i
				}
			}
		}
	}
	if at < 0 {
		t.Skip("no question with an option of 80 to 150 characters")
	}
	run(t, teacher, teacher.openLesson(lesson.ID))
	press(t, teacher, "A")
	for range at {
		press(t, teacher, "down")
	}
	press(t, teacher, "enter")
	sc := screen(teacher)
	flat := strings.Join(strings.Fields(strings.ReplaceAll(sc, "┃", " ")), " ")
	for _, o := range lesson.Quiz[at].Options {
		if text := strings.Join(strings.Fields(strings.ReplaceAll(o.Text, "`", "")), " "); !strings.Contains(flat, text) {
			t.Errorf("option %q not whole on the instructor's screen:\n%s", text, sc)
		}
	}
}

// The console's r (present.Reveal) shows the class the results of the
// live question on the projector, as the projector's r does; with none
// there it does nothing.
func TestRevealFromTheConsole(t *testing.T) {
	hub := class.New(time.Now)
	teacher := classApp(t, "en", nil, hub)
	teacher.revealLive() // no question: nothing to show
	if _, asked := hub.Asked(); asked {
		t.Fatal("a question asked by revealing none")
	}
	press(t, teacher, "A", "enter")
	if q, _ := hub.Asked(); q.Revealed {
		t.Fatal("revealed before the console asked")
	}
	teacher.revealLive()
	if q, _ := hub.Asked(); !q.Revealed {
		t.Fatal("the console's r did not show the results")
	}
}

// bar is the app's help bar, its last line.
func bar(m *Model) string {
	rows := strings.Split(screen(m), "\n")
	return rows[len(rows)-1]
}

// The help bars offer only keys that act now: the instructor's s while the
// answers are open, r until the results are shown (both stayed after use);
// a student's ↑/↓ only when the answer is taller than its box (offered
// when everything fit).
func TestClassHelpOffersOnlyKeysThatAct(t *testing.T) {
	hub := class.New(time.Now)
	teacher := classApp(t, "en", nil, hub)
	s := classApp(t, "en", hub.Join("a", "Ana"), nil)
	press(t, teacher, "A", "enter")
	if b := bar(teacher); !strings.Contains(b, "r show the results") || !strings.Contains(b, "s stop the answers") {
		t.Fatalf("a question just asked: %q", b)
	}
	press(t, teacher, "s")
	if b := bar(teacher); strings.Contains(b, "s stop") || !strings.Contains(b, "r show the results") {
		t.Fatalf("answers stopped: %q", b)
	}
	news(t, s)
	press(t, teacher, "r")
	if b := bar(teacher); strings.Contains(b, "r show") || strings.Contains(b, "s stop") || !strings.Contains(b, "esc end the question") {
		t.Fatalf("results shown: %q", b)
	}
	news(t, s)
	if _, ok := s.top().(liveOverlay); !ok {
		t.Fatalf("the student has no question:\n%s", screen(s))
	}
	if b := bar(s); strings.Contains(b, "scroll") {
		t.Errorf("on 100×30 the results fit, yet ↑/↓ is offered: %q\n%s", b, screen(s))
	}
	send(t, s, tea.WindowSizeMsg{Width: 60, Height: 16})
	if b := bar(s); !strings.Contains(b, "↑/↓ scroll") {
		t.Errorf("on 60×16 the results do not fit, and ↑/↓ is not offered: %q\n%s", b, screen(s))
	}
}

// The roster keeps a blank cell before its right border, on a wide screen
// and a narrow one, with long places and idle times (the idle column
// touched the frame); ? over it lists the roster's keys, not the lesson's
// (n/p, the demos, the quiz act nowhere under it).
func TestClassRosterMarginAndHelp(t *testing.T) {
	hub := class.New(func() time.Time { return time.Now().Add(-13*time.Hour - 14*time.Minute - 15*time.Second) }) // idle "13h14m15s"
	a := hub.Join("a", "Ana Beatriz Nascimento da Silva")
	a.Report(class.Position{Lesson: "consistency-models-and-cap", Presenting: true, Slide: 12}, 2, 6)
	b := hub.Join("b", "Bruno")
	b.Leave()
	for _, c := range []struct {
		w    int
		lang string
	}{{60, "en"}, {60, "pt-BR"}, {71, "pt-BR"}, {72, "en"}, {80, "pt-BR"}, {100, "en"}, {120, "pt-BR"}} {
		w := c.w
		m := New(Config{Load: embedded, Lang: c.lang, Source: "test", Demos: testDemos, Hub: hub})
		m.com.Tick = holdTicks
		close(m.classDone)
		run(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: w, Height: 24})
		press(t, m, "W")
		for _, l := range strings.Split(screen(m), "\n") {
			r := []rune(strings.TrimRight(l, " "))
			if len(r) < 3 || r[len(r)-1] != '┃' || r[0] != '┃' {
				continue
			}
			if r[len(r)-2] != ' ' {
				t.Errorf("%s, %d columns: a roster row touches the border: %q", c.lang, w, l)
			}
		}
		if c.lang == "en" && w == 100 {
			press(t, m, "?")
			s := screen(m)
			if !strings.Contains(s, "esc/W") || strings.Contains(s, "next/prev lesson") || strings.Contains(s, "open demo") {
				t.Errorf("? over the roster lists other keys than the roster's:\n%s", s)
			}
		}
		m.Close()
	}
}
