package kvpane

import (
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/kv"
)

// history names a run's history as the checker sees it: which run, how
// many operations, how many of them ended.
type history struct {
	sim      *kv.Sim
	ops, end int
}

func (m *Model) history() history {
	h := history{sim: m.sim, ops: len(m.snap.Ops)}
	for _, o := range m.snap.Ops {
		if o.Status != kv.Pending {
			h.end++
		}
	}
	return h
}

// verdictState is the verdict shown and the check under way, if any.
type verdictState struct {
	shown   history // what the verdict is of
	v       *kv.Verdict
	running bool
	asked   time.Time // when the last check started
}

// verdictMsg brings a check's verdict back to the pane.
type verdictMsg struct {
	pane int
	of   history
	v    kv.Verdict
}

// PaneID is the pane that asked.
func (m verdictMsg) PaneID() int { return m.pane }

// check asks Porcupine for the verdict on the history as it is now, in a
// command, when it changed since the last verdict: at once while paused,
// at most once a checkEvery while playing. One check runs at a time.
func (m *Model) check(now time.Time) tea.Cmd {
	if m.sim == nil || m.verdict.running {
		return nil
	}
	h := m.history()
	if m.verdict.v != nil && h == m.verdict.shown {
		return nil
	}
	if m.Animating() && now.Sub(m.verdict.asked) < checkEvery {
		return nil
	}
	m.verdict.running, m.verdict.asked = true, now
	ops, pane := m.snap.Ops, m.PaneID() // the snapshot's own copy: the engine never touches it
	return func() tea.Msg { return verdictMsg{pane: pane, of: h, v: kv.Check(ops, checkTimeout)} }
}

// done takes a verdict in; one of a run no longer shown is dropped.
func (v *verdictState) done(msg verdictMsg) {
	v.running = false
	v.shown, v.v = msg.of, &msg.v
}

// current is the verdict of the run shown, nil before its first; stale
// reports that the history moved on since.
func (m *Model) currentVerdict() (v *kv.Verdict, stale bool) {
	if m.verdict.v == nil || m.verdict.shown.sim != m.sim {
		return nil, true
	}
	return m.verdict.v, m.verdict.shown != m.history()
}

// exportedMsg says where the export went, or why it failed.
type exportedMsg struct {
	pane int
	path string
	err  error
}

// PaneID is the pane that exported.
func (m exportedMsg) PaneID() int { return m.pane }

// export writes the history as Porcupine's HTML, in a command, to a file
// in the working folder named after the run. A served class's pane does
// not write on the server's disk.
func (m *Model) export() tea.Cmd {
	if m.served {
		m.notice = m.Com.T("In a served class the export would land on the server's disk: run distlab kv run --export-html on your own machine.")
		return nil
	}
	name := "free"
	if sc := m.current(); sc != nil {
		name = sc.Name
	}
	path := fmt.Sprintf("kv-%s-%d.html", name, m.seed)
	ops, pane := m.snap.Ops, m.PaneID()
	return func() tea.Msg {
		f, err := os.Create(path)
		if err == nil {
			err = kv.ExportHTML(ops, f, 5*time.Second)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		return exportedMsg{pane: pane, path: path, err: err}
	}
}

func (m *Model) exported(msg exportedMsg) {
	if msg.err != nil {
		m.notice = m.Com.T("The export failed: %s", m.Com.Printer.Err(msg.err))
		return
	}
	m.notice = m.Com.T("Wrote the history to %s: open it in a browser (Porcupine's view).", msg.path)
}
