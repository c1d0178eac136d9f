package raftpane

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/raft"
	"distlab/tui/theme"
)

// choose loads the named scenario, "" for the free run.
func choose(t testing.TB, m *Model, name string) {
	t.Helper()
	for range len(m.scenarios) + 1 {
		if sc := m.current(); (sc == nil && name == "") || (sc != nil && sc.Name == name) {
			return
		}
		press(m, "c")
	}
	t.Fatalf("no scenario %q", name)
}

// The pane at 100×30, a projector's terminal, and at 80×24, a terminal's
// default window: the leader's star, the aligned logs with the committed
// entries, the messages in flight with their kinds, the sentence, the
// verdict and the scenario's point while it runs.
func TestPaneGolden(t *testing.T) {
	t.Run("first_election_100x30", func(t *testing.T) {
		m := newPane(t, "en", 100, 30)
		stepUntil(t, m, 300, func(s raft.Snapshot) bool { return s.Events >= 45 })
		golden.RequireEqual(t, screen(m))
	})
	t.Run("minority_leader_80x24", func(t *testing.T) {
		m := newPane(t, "en", 80, 24)
		choose(t, m, raft.MinorityLeader)
		stepUntil(t, m, 400, func(s raft.Snapshot) bool { return s.Partition != nil && s.Events >= 60 })
		golden.RequireEqual(t, screen(m))
	})
	t.Run("log_repair_pt_100x30", func(t *testing.T) {
		m := newPane(t, "pt-BR", 100, 30)
		choose(t, m, raft.LogRepair)
		stepUntil(t, m, 600, func(s raft.Snapshot) bool { return s.Events >= 110 })
		golden.RequireEqual(t, screen(m))
	})
	t.Run("chooser_80x24", func(t *testing.T) {
		m := newPane(t, "en", 80, 24)
		choose(t, m, "")
		press(m, "]", "]")
		stepUntil(t, m, 300, func(s raft.Snapshot) bool { return leader(s) != 0 && s.Events >= 40 })
		press(m, "p", "2", "6")
		golden.RequireEqual(t, screen(m))
	})
}

// The bug of Figure 8 is caught: the verdict turns to the violation, in
// the theme's error colour.
func TestViolationShows(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	choose(t, m, raft.Figure8)
	press(m, "b")
	if !strings.Contains(screen(m), "bug: commits old-term entries by counting") {
		t.Fatalf("the bug is not in the status:\n%s", screen(m))
	}
	stepUntil(t, m, 400, func(s raft.Snapshot) bool { return s.Violation != nil })
	s := screen(m)
	if !strings.Contains(s, "safety: violated: Leader Completeness violated at event") {
		t.Fatalf("the violation does not show:\n%s", s)
	}
	red, _, _ := strings.Cut(theme.New(theme.Dark).StatusError.Render("\x00"), "\x00")
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.Contains(ansi.Strip(l), "safety: violated") && !strings.Contains(l, red+"safety") {
			t.Fatalf("the violation is not in the error colour: %q", l)
		}
	}
}

// pt-BR: every word the pane writes is Portuguese.
func TestPortuguese(t *testing.T) {
	m := newPane(t, "pt-BR", 100, 30)
	stepUntil(t, m, 300, func(s raft.Snapshot) bool { return leader(s) != 0 && s.Events >= 40 })
	s := screen(m)
	for _, w := range []string{"Primeira eleição", "5 nós", "semente 1", "evento 40", "pausado (velocidade 0,05×)",
		"★ líder", "○ seguidor", "mandato 1", "voto n", "rede: ", "segurança: ok", "verificações", "desafios: 0 de 4 feitos"} {
		if !strings.Contains(s, w) {
			t.Errorf("no %q in\n%s", w, s)
		}
	}
	for _, w := range []string{"leader", "follower", "term ", "network", "checks", "paused"} {
		if strings.Contains(s, w) {
			t.Errorf("English %q in\n%s", w, s)
		}
	}
}

// Every text the pane shows in fewer lines than it takes ends its last
// line shown with "…": the sentence, the verdict, the scenario's point,
// the clients and the legend, at the sizes the pane gets in a 60×15 and
// an 80×24 terminal (zoomed, or beside the lesson) and a few more, in
// both languages, through scenarios, a crash and the partition chooser.
func TestCutTextEndsWithEllipsis(t *testing.T) {
	cut := 0
	for _, lang := range []string{"pt-BR", "en"} {
		for _, size := range [][2]int{{58, 12}, {38, 20}, {78, 21}, {36, 10}, {48, 14}, {98, 27}} {
			for _, sc := range []string{raft.MinorityLeader, raft.LogRepair, ""} {
				m := newPane(t, lang, size[0], size[1])
				choose(t, m, sc)
				for _, events := range []int{1, 30, 61, 120} {
					stepUntil(t, m, 400, func(s raft.Snapshot) bool { return s.Events >= events })
					if events == 61 {
						press(m, "1", "k")
					}
					cut += checkCuts(t, m, lang, size)
					if events == 120 {
						press(m, "p")
						cut += checkCuts(t, m, lang, size)
						press(m, "esc")
					}
				}
			}
		}
	}
	if cut == 0 {
		t.Fatal("no text was cut at any size: the test checks nothing")
	}
}

// checkCuts finds each of the pane's texts on its screen and fails when
// one shows in fewer lines than it has without a "…" at the end; it
// returns how many were cut.
func checkCuts(t *testing.T, m *Model, lang string, size [2]int) int {
	t.Helper()
	shown := strings.Split(screen(m), "\n")
	cut := 0
	blocks := map[string][]string{"sentence": m.cache.sentence, "verdict": m.cache.verdict, "about": m.cache.about,
		"clients": m.cache.clients, "legend": m.cache.legend}
	for name, block := range blocks {
		if len(block) == 0 {
			continue
		}
		first := strings.TrimRight(ansi.Strip(block[0]), " ")
		at := slices.IndexFunc(shown, func(l string) bool { return strings.TrimRight(l, " ") == first })
		if at < 0 {
			// Its first line is not there whole: the text was cut after it,
			// on that line.
			at = slices.IndexFunc(shown, func(l string) bool {
				l = strings.TrimSuffix(strings.TrimRight(l, " "), "…")
				return len(l) > 1 && strings.HasPrefix(first, l)
			})
			if at < 0 {
				continue // left out whole, for want of room
			}
		}
		n := 0
		for n < len(block) && at+n < len(shown) && strings.TrimRight(shown[at+n], " ") == strings.TrimRight(ansi.Strip(block[n]), " ") {
			n++
		}
		if n == len(block) {
			continue
		}
		cut++
		last := shown[at+max(n, 1)-1]
		if n < len(block) && at+n < len(shown) && strings.HasSuffix(strings.TrimRight(shown[at+n], " "), "…") {
			last = shown[at+n] // the line where it was cut, with its mark
		}
		if !strings.HasSuffix(strings.TrimRight(last, " "), "…") {
			t.Errorf("%s %dx%d, event %d: the %s shows %d of its %d lines, the last without …: %q\n%s",
				lang, size[0], size[1], m.snap.Events, name, n, len(block), last, screen(m))
		}
	}
	return cut
}

// The words for one thing are one: in Portuguese space is "rodar/pausar"
// and the run is "rodando" or "pausado"; the free run is a title like the
// scenarios'; the digits' help names the cluster's nodes, 1-5 for five,
// in the help bar and in the partition chooser's.
func TestOneWordEach(t *testing.T) {
	m := newPane(t, "pt-BR", 100, 30)
	if got := m.KeyMap().ShortHelp()[0].Help().Key; got != "espaço" {
		t.Errorf("space's name in the help: %q, want espaço", got)
	}
	if got := m.KeyMap().ShortHelp()[0].Help().Desc; got != "rodar/pausar" {
		t.Errorf("space's help: %q, want rodar/pausar", got)
	}
	play(m, time.Second)
	if s := screen(m); !strings.Contains(s, "▶ rodando a") {
		t.Errorf("the run playing is not rodando:\n%s", s)
	}
	choose(t, m, "")
	if s := screen(m); !strings.HasPrefix(strings.TrimSpace(s), "Execução livre · 5 nós") {
		t.Errorf("the free run's title:\n%s", s)
	}
	for _, n := range []int{5, 7, 3} {
		for len(m.snap.Nodes) != n {
			if len(m.snap.Nodes) < n {
				press(m, "]")
			} else {
				press(m, "[")
			}
		}
		want := "1-" + strconv.Itoa(n)
		helpKeys := func() []string {
			var out []string
			for _, b := range m.KeyMap().ShortHelp() {
				out = append(out, b.Help().Key)
			}
			return out
		}
		if got := helpKeys(); !slices.Contains(got, want) || slices.Contains(got, "1-7") && n != 7 {
			t.Errorf("%d nodes: the help's keys %q, want %s", n, got, want)
		}
		press(m, "p")
		if got := helpKeys(); got[0] != want {
			t.Errorf("%d nodes, choosing a partition: the help's keys %q, want %s first", n, got, want)
		}
		press(m, "esc")
	}
}
