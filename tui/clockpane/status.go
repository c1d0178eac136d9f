package clockpane

import (
	"strconv"
	"strings"
	"time"

	"distlab/demos/clocks"
	"distlab/demos/locale"
)

// statusLine is the run's settings as the run really uses them and its
// progress; or, until the next key, where the last export went or why a
// key did nothing.
func (m *Model) statusLine(run *clocks.Run) string {
	s, p := m.Com.Styles, m.Com.Printer
	switch {
	case m.exported != nil:
		return s.Status.Render(p.T("exported %s (ShiViz) and %s (JSON Lines)", m.exported.shiviz, m.exported.jsonl))
	case m.fixedNotice:
		return s.StatusWarn.Render(p.T("this scenario sets its own events, clocks and delays: seed, skew, loss and delay apply to random runs (c until \"random\")"))
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
	return s.Status.Render(p.T("%s · %s · axis: %s · %d/%d events · %s %.0f ev/s",
		name, settings(run, p), axisName, len(run.Events), len(m.full.Events), state, speeds[m.speed]))
}

// settings is what decides the run: a scenario's own clocks and delays, or
// a random run's seed and the bounds its clocks and network are drawn in.
func settings(run *clocks.Run, p *locale.Printer) string {
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
		return p.T("seed %s · skew %s · drift %s · loss %.0f%% · delay %s",
			strconv.FormatUint(cfg.Seed, 10), skew, drift, cfg.Loss*100, delay)
	}
	offsets := make([]string, len(run.Procs))
	drift := false
	for i, pr := range run.Procs {
		offsets[i] = procName(i) + " " + signed(pr.Offset, p)
		drift = drift || pr.DriftPPM != 0
	}
	if drift { // no scenario drifts today; if one did, it would say so
		return p.T("clocks %s, drifting · delay %s", strings.Join(offsets, ", "), delay)
	}
	return p.T("clocks %s · delay %s", strings.Join(offsets, ", "), delay)
}

// signed is an offset with its sign: +40ms, -1ms, 0s.
func signed(d time.Duration, p *locale.Printer) string {
	if d > 0 {
		return "+" + p.Duration(d)
	}
	return p.Duration(d)
}
