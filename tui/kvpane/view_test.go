package kvpane

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/kv"
)

// The pane at 100×30, a projector's terminal, and at 60×24, half a
// terminal beside a lesson, in both languages: the servers with their
// values and versions, the wall of a partition, the timeline's bars with
// their marks, the counters, the knobs and the verdict.
func TestPaneGolden(t *testing.T) {
	events := func(n int) func(*kv.Sim) bool {
		return func(s *kv.Sim) bool { return s.Events() >= n }
	}
	cut := func(n int) func(*kv.Sim) bool {
		return func(s *kv.Sim) bool { return s.Events() >= n && len(s.Snapshot().Cut) > 0 }
	}
	for _, c := range []struct {
		name, lang, scenario string
		w, h                 int
		until                func(*kv.Sim) bool
	}{
		{"one_one_100x30", "en", "one-one", 100, 30, events(60)},
		{"one_one_pt_60x24", "pt-BR", "one-one", 60, 24, events(60)},
		{"ap_partition_60x24", "en", "ap-partition", 60, 24, cut(11)},
		{"ap_partition_pt_100x30", "pt-BR", "ap-partition", 100, 30, cut(12)},
		{"cp_partition_pt_60x24", "pt-BR", "cp-partition", 60, 24, cut(80)},
		{"version_vectors_100x30", "en", "version-vectors", 100, 30, events(120)},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newPane(t, c.lang, c.w, c.h, c.scenario)
			press(m, "space") // paused: the verdict is asked for at once
			for i := 0; !c.until(m.sim); i++ {
				if i == 2000 || !m.sim.Step() {
					t.Fatal("the run ended before the view to keep")
				}
			}
			m.refresh()
			m.play.Clock = m.snap.Now
			settle(m)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// Pausing asks for the verdict in a command; until it reports, the pane
// says it is checking; on one-one the command's verdict is no.
func TestVerdictCommand(t *testing.T) {
	m := newPane(t, "en", 100, 30, "one-one")
	run(m, 60)
	m.verdict.running = false
	c := m.check(m.verdict.asked.Add(2 * checkEvery))
	if c == nil {
		t.Fatal("no verdict command for a changed history")
	}
	if !strings.Contains(screen(m), "linearizable: checking…") {
		t.Errorf("while checking:\n%s", screen(m))
	}
	msg, ok := c().(verdictMsg)
	if !ok {
		t.Fatalf("the command gave %T", msg)
	}
	if msg.v.Result != kv.NotLinearizable {
		t.Fatalf("one-one: %v", msg.v.Result)
	}
	m.Update(msg)
	if !strings.Contains(screen(m), "linearizable: no: ") {
		t.Errorf("after the verdict:\n%s", screen(m))
	}
	if m.check(m.verdict.asked.Add(2*checkEvery)) != nil {
		t.Error("a second check of the same history")
	}
}

// texts are the sentences the pane wraps, as they read whole: the
// status's knobs, the last event, the verdict, the scenario's point, the
// legend.
func texts(m *Model) []string {
	p := m.Com.Printer
	out := []string{m.knobSummary(), m.legendText()}
	if ev := m.snap.Last; ev != nil {
		out = append(out, p.T("#%d at %s:", ev.N, p.Duration(ev.At))+" "+ev.Said(p))
	}
	if v, _ := m.currentVerdict(); v != nil {
		out = append(out, v.Line(p))
	}
	if sc := m.current(); sc != nil && m.snap.Script {
		out = append(out, sc.About(p))
	}
	return out
}

// wholeOrCut checks how text shows on the screen, if its start does: on
// consecutive lines, whole, or cut where a line ends with "…" — never
// stopping short without one, and never with a piece missing.
func wholeOrCut(screen []string, text string) (ok bool, where string) {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	want := norm(text)
	head := []rune(want)[:min(14, len([]rune(want)))]
	for i, l := range screen {
		at := strings.Index(l, string(head))
		if at < 0 {
			continue
		}
		got := ""
		for j := i; j < len(screen); j++ {
			piece := strings.TrimSpace(screen[j])
			if j == i {
				piece = strings.TrimSpace(l[at:])
			}
			cut := strings.HasSuffix(piece, "…")
			piece = strings.TrimSuffix(piece, "…")
			if got == "" {
				got = piece
			} else {
				got += " " + piece
			}
			got = norm(got)
			switch {
			case got == want || strings.HasPrefix(got, want+" "): // whole, other parts after it
				return true, ""
			case !strings.HasPrefix(want, got) && !strings.HasPrefix(want, strings.TrimRight(got, " ")):
				return false, strings.Join(screen[i:j+1], "\n")
			case cut:
				return true, "" // cut, and said so
			}
		}
		return false, strings.Join(screen[i:], "\n")
	}
	return true, "" // not shown at all: the height gave it no room
}

// At the sizes a student meets (80×24 and 60×15 terminals: the pane beside
// the lesson, zoomed, and the sizes themselves), in both languages, with
// the knobs open, the partition chooser, the challenge strip with its
// hints and a challenge met, every text the pane wraps shows whole or cut
// with "…", the verdict is always there, and the knob being turned is in
// sight.
func TestPaneCutsTextsWithEllipsis(t *testing.T) {
	sizes := [][2]int{{38, 21}, {78, 21}, {80, 24}, {58, 10}, {58, 11}, {60, 15}, {34, 10}}
	for _, lang := range []string{"pt-BR", "en"} {
		for _, size := range sizes {
			w, h := size[0], size[1]
			m := newPane(t, lang, w, h, "")
			check := func(state string) {
				t.Helper()
				settle(m)
				lines := strings.Split(screen(m), "\n")
				for _, text := range texts(m) {
					if ok, where := wholeOrCut(lines, text); !ok {
						t.Errorf("%s %d×%d %s: %q cut without …:\n%s\n--- the pane:\n%s", lang, w, h, state, text, where, strings.Join(lines, "\n"))
					}
				}
				verdict := "linearizable: "
				if lang == "pt-BR" {
					verdict = "linearizável: "
				}
				if !strings.Contains(screen(m), verdict) {
					t.Errorf("%s %d×%d %s: no verdict:\n%s", lang, w, h, state, screen(m))
				}
				if name := []rune(knobList[m.knob].name(m.Com.Printer)); m.knobs && !strings.Contains(screen(m), "▸ "+string(name[:8])) {
					t.Errorf("%s %d×%d %s: the chosen knob is out of sight:\n%s", lang, w, h, state, screen(m))
				}
			}
			for i := range len(m.scenarios) + 1 {
				press(m, "space")
				run(m, 30+7*i)
				check("scenario " + strconv.Itoa(i))
				press(m, "o")
				for k := range knobList {
					if k%3 == 0 || k == len(knobList)-1 {
						check("knob " + strconv.Itoa(k))
					}
					press(m, "down")
				}
				press(m, "esc", "p", "3")
				check("chooser")
				press(m, "esc", "C")
				check("strip")
				press(m, "H", "H", "H")
				check("hints")
				press(m, "C", "C", "C", "space", "c")
			}
			// A challenge met, its card open.
			press(m, "space", "p", "3", "enter", "3", "g")
			execute(m, m.SyncChallenges())
			press(m, "C")
			if !strings.Contains(screen(m), "✓") {
				t.Fatalf("%s %d×%d: no challenge met:\n%s", lang, w, h, screen(m))
			}
			check("met")
			// The server cut off and selected stays in sight: the wall
			// gives up its line first, the ┃ marks the side.
			if !strings.Contains(screen(m), "┃▸ n3") {
				t.Errorf("%s %d×%d: the server cut off is out of sight:\n%s", lang, w, h, screen(m))
			}
		}
	}
}

// apart reports the first place where a wrap parted a number from its
// unit: a line ending in a digit and the next starting with "ms".
func apart(lines []string) (string, bool) {
	for i := 1; i < len(lines); i++ {
		prev := strings.TrimRight(ansi.Strip(lines[i-1]), " …┃│")
		next := strings.TrimLeft(ansi.Strip(lines[i]), " ┃│")
		if prev != "" && prev[len(prev)-1] >= '0' && prev[len(prev)-1] <= '9' && strings.HasPrefix(next, "ms") {
			return ansi.Strip(lines[i-1]) + "⏎" + ansi.Strip(lines[i]), true
		}
	}
	return "", false
}

// A number keeps its unit at every width the pane takes, in both
// languages: the verdict's times ("at 1 ms"), a knob's sentence ("is now
// 500 ms off"), the challenge's hint ("+500 ms") and the scenario's words
// ("100 ms fast") wrap before the number, never between it and "ms".
func TestNumbersKeepTheirUnits(t *testing.T) {
	for _, lang := range []string{"en", "pt-BR"} {
		m := newPane(t, lang, 100, 30, "one-one")
		press(m, "space") // paused: the check runs at once
		run(m, 40)
		settle(m)
		m.do(kv.Action{Op: kv.OpSetSkew, Server: 1, Value: 500})
		m.refresh()
		for w := minWidth; w <= 120; w++ {
			for name, lines := range map[string][]string{
				"verdict": m.verdictLines(w), "sentence": m.sentenceLines(w),
			} {
				if where, bad := apart(lines); bad {
					t.Fatalf("%s, %d columns, the %s: %q", lang, w, name, where)
				}
			}
		}
		lww := newPane(t, lang, 100, 30, "lww-skew")
		for w := minWidth; w <= 120; w++ {
			lww.SetSize(w, 30)
			if where, bad := apart(strings.Split(screen(lww), "\n")); bad {
				t.Fatalf("%s, %d columns, lww-skew: %q", lang, w, where)
			}
		}
		press(lww, "C", "C", "C", "H", "H", "H") // the lost-update challenge, its hints shown
		for w := minWidth; w <= 120; w++ {
			lww.SetSize(w, 30)
			if where, bad := apart(strings.Split(screen(lww), "\n")); bad {
				t.Fatalf("%s, %d columns, the challenges: %q", lang, w, where)
			}
		}
	}
}
