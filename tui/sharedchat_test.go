package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"go.uber.org/goleak"

	"distlab/demos/chat"
)

// chatApp is an app in language lang with the chat demo open and focused
// beside the first lesson, on the class's cluster as share says.
func chatApp(t *testing.T, lang string, share *chat.Share) *Model {
	t.Helper()
	m := New(Config{Load: embedded, Lang: lang, Source: "test", Demos: Demos(), Demo: "chat", SharedChat: share})
	m.com.Tick = holdTicks
	t.Cleanup(m.Close)
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	return m
}

// framesUntil plays the app's frame clock, in real time (the cluster's
// sockets take it), until its screen satisfies cond.
func framesUntil(t *testing.T, m *Model, what string, cond func(string) bool) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); !cond(screen(m)); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %s in:\n%s", what, screen(m))
		}
		time.Sleep(10 * time.Millisecond)
		send(t, m, frameMsg{time.Now()})
	}
}

var seatAt = regexp.MustCompile(`(?:you|você)@(n\d)`)

// Two apps share the class's one chat cluster: the student's pane is a
// client of it under their name, whose keys cannot touch the nodes; the
// instructor crashes the node the student is on, and the student's pane
// shows their own client fail over. The apps' Close leaves the cluster to
// the server, which closes it.
func TestSharedChat(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2.runClock")) // glamour's, not the chat's
	class, err := chat.StartClass(chat.DemoConfig{You: "prof"})
	if err != nil {
		t.Fatal(err)
	}
	defer class.Close()
	teacher := chatApp(t, "en", &chat.Share{Class: class, Owner: true})
	student := chatApp(t, "pt-BR", &chat.Share{Class: class, Nick: "Bia"})
	defer teacher.Close() // before the class closes and the leak check
	defer student.Close()

	s := screen(student)
	if !strings.Contains(s, "o cluster da turma (o professor controla os nós)") {
		t.Fatalf("the student's pane does not say whose cluster it is:\n%s", s)
	}
	at := seatAt.FindStringSubmatch(s)
	if at == nil {
		t.Fatalf("no column of the student's own client:\n%s", s)
	}
	node := at[1]
	press(t, student, "c")
	if s := screen(student); !strings.Contains(s, "só o professor controla os nós da turma") || !strings.Contains(s, "n1 ● no ar") {
		t.Fatalf("the student's c was not refused in the status line:\n%s", s)
	}
	press(t, student, "i", "o", "l", "á", "enter", "esc")
	framesUntil(t, teacher, "the instructor to see Bia's line", func(s string) bool { return strings.Contains(s, "Bia@"+node+": olá") })

	for range node[1] - '1' {
		press(t, teacher, "down")
	}
	press(t, teacher, "c") // the harness runs the Kill to its end
	if s := screen(teacher); !strings.Contains(s, node+" ✗ DOWN") {
		t.Fatalf("the instructor's c did not crash %s:\n%s", node, s)
	}
	framesUntil(t, student, "the student's client to fail over", func(s string) bool {
		now := seatAt.FindStringSubmatch(s)
		return now != nil && now[1] != node && strings.Contains(s, node+" ✗ FORA") &&
			strings.Contains(s, "▎*** conexão com "+node) && strings.Contains(s, "▎*** reconectado a n")
	})

	student.Close()
	teacher.Close()
	if class.Seats() != 0 || !class.Demo().Nodes()[(node[1]-'1'+1)%3].Stats().Up {
		t.Fatalf("after the apps closed: %d seats, the cluster down", class.Seats())
	}
}

// A student's lesson does not offer the chat demo's challenges in a
// served class: their pane is a seat on the class's cluster, where they
// cannot crash a node, and has no challenge strip; the demo's label said
// ◇0/3 all the same. The instructor's, who owns the cluster, still counts
// them.
func TestSeatCountsNoChallenges(t *testing.T) {
	for _, c := range []struct {
		owner bool
		want  bool
	}{{false, false}, {true, true}} {
		m := New(Config{Load: embedded, Lang: "en", Source: "test", Demos: Demos(), SharedChat: &chat.Share{Owner: c.owner, Nick: "Bia"}})
		m.com.Tick = holdTicks
		run(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
		s := screen(m)
		if !strings.Contains(s, "chat cluster") {
			t.Fatalf("the first lesson shows no chat demo:\n%s", s)
		}
		if got := strings.Contains(s, "◇0/3"); got != c.want {
			t.Errorf("owner %v: challenge count shown %v, want %v:\n%s", c.owner, got, c.want, s)
		}
		m.Close()
	}
}
