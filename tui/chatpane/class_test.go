package chatpane

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"go.uber.org/goleak"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/theme"
)

// classPane is a pane in language l on the class's cluster as share says,
// started.
func classPane(t *testing.T, l locale.Lang, share *chat.Share) *Model {
	t.Helper()
	m := seatPane(l, share)
	m.SetSize(100, 30)
	m.Focus(true)
	m.Update(m.Init()())
	if m.engine() == nil {
		t.Fatalf("no cluster: %v", m.Err())
	}
	return m
}

// seatPane is a pane in language l on the class's cluster as share says,
// not started; its id is 7, as run expects.
func seatPane(l locale.Lang, share *chat.Share) *Model {
	return New(demo.Env{Com: common.New(theme.New(theme.Dark), l), Demo: Demo(), ID: 7, Instance: 1, SharedChat: share}, "127.0.0.1")
}

var youAt = regexp.MustCompile(`you@(n\d)`)

// The instructor's pane and a student's on one class cluster: the
// student's pane shows the class's nodes and the student's own client,
// refuses the keys that would change the nodes, and shows its client fail
// over when the instructor crashes the node it is on. Closing the panes
// closes the seat only; the class's Close ends the rest.
func TestClassPanes(t *testing.T) {
	defer goleak.VerifyNone(t)
	class, err := chat.StartClass(chat.DemoConfig{You: "prof"})
	if err != nil {
		t.Fatal(err)
	}
	defer class.Close()
	teacher := classPane(t, locale.English, &chat.Share{Class: class, Owner: true})
	student := classPane(t, locale.English, &chat.Share{Class: class, Nick: "Ana Paula"})
	if _, mine := teacher.ChallengeCount(); mine == 0 {
		t.Fatal("the instructor's pane has no challenges")
	}
	if _, theirs := student.ChallengeCount(); theirs != 0 {
		t.Fatalf("the student's pane has %d challenges", theirs)
	}
	at := time.Unix(1000, 0)
	s := ansi.Strip(student.View())
	for _, want := range []string{"the class's cluster (the instructor controls its nodes)", "n1 ● up", " ana@n2 ", "join from another terminal: nc 127.0.0.1 "} {
		if !strings.Contains(s, want) {
			t.Fatalf("no %q in the student's pane:\n%s", want, s)
		}
	}
	if strings.Contains(s, "bruno@") {
		t.Fatalf("the student's pane has more than one watching client:\n%s", s)
	}
	node := youAt.FindStringSubmatch(s)
	if node == nil {
		t.Fatalf("no you@ column:\n%s", s)
	}

	// The student's keys: the line goes out under their name; c, a, s and
	// R are refused, and nothing changes.
	press(student, "i", "h", "i", "enter", "esc")
	frames(t, teacher, &at, "the instructor to see Ana's line", func(s string) bool { return strings.Contains(s, "Ana_Paula@"+node[1]+": hi") })
	for _, k := range []string{"c", "a", "s", "R", "]"} {
		done := run(t, student, press(student, k)[0])
		if !errors.Is(done.Err, chat.ErrNotOwner) {
			t.Fatalf("%s on a seat: %v", k, done.Err)
		}
	}
	if s := ansi.Strip(student.View()); !strings.Contains(s, "n1 ● up") || !strings.Contains(s, "2 bots × 0.5") || !strings.Contains(s, "slow links off") {
		t.Fatalf("a student's key changed the cluster:\n%s", s)
	}
	for _, b := range student.KeyMap().ShortHelp() {
		if b.Help().Key == "c" {
			t.Fatal("the student's help offers to crash a node")
		}
	}

	// The instructor crashes the student's node.
	for range node[1][1] - '1' {
		press(teacher, "down")
	}
	if done := run(t, teacher, press(teacher, "c")[0]); done.Err != nil {
		t.Fatal(done.Err)
	}
	frames(t, student, &at, "the student's client to fail over", func(s string) bool {
		m := youAt.FindStringSubmatch(s)
		return m != nil && m[1] != node[1] && strings.Contains(s, node[1]+" ✗ DOWN") &&
			strings.Contains(s, "▎*** connection to "+node[1]+" lost") && strings.Contains(s, "▎*** reconnected to n")
	})

	student.Close()
	if class.Seats() != 0 {
		t.Fatalf("%d seats after the student's pane closed", class.Seats())
	}
	teacher.Close()
	if !class.Demo().Nodes()[0].Stats().Up {
		t.Fatal("the instructor's pane closed the class's cluster")
	}
}

// A student's pane at 80×24, as the golden files keep it, in both
// languages: the class's nodes (the student's node crashed by the
// instructor), the line that says whose they are, "you" failed over with
// both notices pinned, beside ana, the instructor's watching client; the
// help names only the keys a student has.
func TestSeatGolden(t *testing.T) {
	for _, l := range locale.Langs {
		t.Run(string(l), func(t *testing.T) {
			m := seatPane(l, &chat.Share{Nick: "Ana"})
			m.SetSize(80, 24)
			m.Focus(true)
			f := failoverPane(l, 80, 24)
			m.seat, m.join, m.snap, m.rates = new(chat.Seat), f.join, f.snap, f.rates // drawn from the snapshot only
			m.snap.views = m.snap.views[:2]
			var help []string
			for _, b := range m.KeyMap().ShortHelp() {
				help = append(help, b.Help().Key+" "+b.Help().Desc)
			}
			golden.RequireEqual(t, ansi.Strip(m.View())+"\n\nhelp: "+strings.Join(help, " · "))
		})
	}
}

// Before its seat is taken, a student's pane says it is joining.
func TestSeatJoining(t *testing.T) {
	m := seatPane(locale.Portuguese, &chat.Share{Nick: "Ana"})
	m.SetSize(60, 10)
	m.Started(nil)
	if s := ansi.Strip(m.View()); !strings.Contains(s, "entrando no cluster da turma…") {
		t.Fatalf("%s", s)
	}
}

// A student who reads Portuguese in an English class: the node speaks to
// their client in Portuguese, and the bots' lines read in it, on their
// screen only; the instructor's stays English.
func TestSeatSpeaksItsReadersLanguage(t *testing.T) {
	defer goleak.VerifyNone(t)
	class, err := chat.StartClass(chat.DemoConfig{You: "prof"})
	if err != nil {
		t.Fatal(err)
	}
	defer class.Close()
	teacher := classPane(t, locale.English, &chat.Share{Class: class, Owner: true})
	defer teacher.Close()
	bia := classPane(t, locale.Portuguese, &chat.Share{Class: class, Nick: "Bia"})
	defer bia.Close()
	at := time.Unix(1000, 0)
	frames(t, bia, &at, "Bia welcomed and a bot's line, in Portuguese", func(s string) bool {
		return strings.Contains(s, "boas-vindas ao n") && strings.Contains(s, "seu apelido agora é Bia") && strings.Contains(s, "do bot")
	})
	// Her own column, the left half: ana's beside it is the instructor's
	// watching client, whose notices are in the class's language.
	var mine []string
	for _, l := range strings.Split(ansi.Strip(bia.View()), "\n") {
		mine = append(mine, ansi.Truncate(l, 50, ""))
	}
	if s := strings.Join(mine, "\n"); strings.Contains(s, "welcome to") || strings.Contains(s, "you are now") || regexp.MustCompile(`message \d+ from bot`).MatchString(s) ||
		strings.Count(s, "boas-vindas ao") != 1 {
		t.Fatalf("English or a second welcome on Bia's screen:\n%s", s)
	}
	frames(t, teacher, &at, "the bots in English on the instructor's screen", func(s string) bool {
		return regexp.MustCompile(`message \d+ from bot`).MatchString(s) && !strings.Contains(s, "do bot")
	})
}
