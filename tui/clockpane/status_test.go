package clockpane

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The status line keeps each of its parts whole on one line at any width
// it fits in, in both languages: "axis: physical clocks" never becomes
// "axis: physical" over "clocks".
func TestStatusPartsStayWhole(t *testing.T) {
	for _, lang := range []string{"en", "pt-BR"} {
		for _, sc := range []string{"receive-before-send", "partition", ""} {
			for w := 40; w <= 140; w++ {
				m := newPane(t, lang, w, 24)
				choose(t, m, sc)
				toEnd(m)
				run, p := m.sim.Run(), m.Com.Printer
				parts := append(settings(run, p), p.T("axis: %s", p.T("physical clocks")), p.T("%d/%d events", len(run.Events), len(m.full.Events)))
				lines := m.statusLines(run, w, 10)
				for i, l := range lines {
					lines[i] = ansi.Strip(l)
				}
				for _, part := range parts {
					if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, part) }) {
						t.Fatalf("%s %q at %d cells: %q is not whole:\n%s", lang, sc, w, part, strings.Join(lines, "\n"))
					}
				}
			}
		}
	}
}

// Beside the lesson on an 80×24 terminal (38×21), where each part whole
// takes more lines than words wrapped did, the status still ends with
// whether the run plays and how fast. (A random run's settings in
// Portuguese, and the partition's four clocks, need five lines and end in
// "…", as their three wrapped lines did before.)
func TestNarrowStatusSaysPlayState(t *testing.T) {
	for _, tc := range []struct{ lang, scenario, want string }{
		{"en", "receive-before-send", "paused 4 ev/s"},
		{"en", "partition", "paused 4 ev/s"},
		{"en", "", "paused 4 ev/s"},
		{"pt-BR", "receive-before-send", "pausado 4 ev/s"},
		{"pt-BR", "concurrent", "pausado 4 ev/s"},
	} {
		m := newPane(t, tc.lang, 38, 21)
		choose(t, m, tc.scenario)
		toEnd(m)
		if s := screen(m); !strings.Contains(s, tc.want) {
			t.Errorf("%s %q: no %q:\n%s", tc.lang, tc.scenario, tc.want, s)
		}
	}
}
