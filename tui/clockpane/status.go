package clockpane

import (
	"strconv"
	"strings"
	"time"

	"distlab/demos/clocks"
	"distlab/demos/locale"
	"distlab/tui/common"
)

// statusLines are the run's settings as the run really uses them and its
// progress, at most maxLines lines w cells wide, each part whole on its
// line ("axis: physical clocks" is never split in two); or, until the next
// key, where the last export went or why a key did nothing.
func (m *Model) statusLines(run *clocks.Run, w, maxLines int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	switch {
	case m.exported != nil:
		return common.WrapLines(s.Status.Render(p.T("exported %s (ShiViz) and %s (JSON Lines)", m.exported.shiviz, m.exported.jsonl)), w, maxLines)
	case m.fixedNotice:
		return common.WrapLines(s.StatusWarn.Render(p.T("this scenario sets its own events, clocks and delays: seed, skew, loss and delay apply to random runs (c until \"random\")")), w, maxLines)
	}
	name := p.T("random")
	if sc := m.scenarios[m.scenario]; sc != "" {
		name = m.infos[sc].TitleIn(p)
	}
	axisName := [...]string{p.T("true time"), p.T("physical clocks"), p.T("Lamport time")}[m.axis]
	state := p.T("paused")
	if m.Animating() {
		state = p.T("playing")
	}
	parts := append([]string{name}, settings(run, p)...)
	parts = append(parts, p.T("axis: %s", axisName), p.T("%d/%d events", len(run.Events), len(m.full.Events)),
		p.T("%s %.0f ev/s", state, speeds[m.speed]))
	lines := common.Pack(w-1, "", "", " · ", parts...) // WrapLines starts each line with a space
	for i, l := range lines {
		lines[i] = s.Status.Render(l)
	}
	return common.WrapLines(strings.Join(lines, "\n"), w, maxLines)
}

// settings is what decides the run, part by part: a scenario's own clocks
// and delays, or a random run's seed and the bounds its clocks and network
// are drawn in.
func settings(run *clocks.Run, p *locale.Printer) []string {
	cfg := run.Cfg
	delay := p.Duration(cfg.DelayMin)
	if cfg.DelayMax != cfg.DelayMin {
		delay += "–" + p.Duration(cfg.DelayMax)
	}
	if cfg.Scenario == "" {
		// Each process's offset and drift are drawn up to these bounds.
		skew, drift := p.Duration(cfg.Skew), p.T("%.0f%%", cfg.DriftPPM/1e4)
		if cfg.Skew > 0 {
			skew = "≤" + skew
		}
		if cfg.DriftPPM > 0 {
			drift = "≤" + drift
		}
		return []string{p.T("seed %s", strconv.FormatUint(cfg.Seed, 10)), p.T("skew %s", skew),
			p.T("drift %s", drift), p.T("loss %.0f%%", cfg.Loss*100), p.T("delay %s", delay)}
	}
	offsets := make([]string, len(run.Procs))
	drift := false
	for i, pr := range run.Procs {
		offsets[i] = procName(i) + " " + signed(pr.Offset, p)
		drift = drift || pr.DriftPPM != 0
	}
	if drift { // no scenario drifts today; if one did, it would say so
		return []string{p.T("clocks %s, drifting", strings.Join(offsets, ", ")), p.T("delay %s", delay)}
	}
	return []string{p.T("clocks %s", strings.Join(offsets, ", ")), p.T("delay %s", delay)}
}

// signed is an offset with its sign: +40ms, -1ms, 0s.
func signed(d time.Duration, p *locale.Printer) string {
	if d > 0 {
		return "+" + p.Duration(d)
	}
	return p.Duration(d)
}
