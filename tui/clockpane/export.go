package clockpane

import (
	"os"
	"path/filepath"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/clocks"
	"distlab/demos/locale"
	"distlab/tui/common"
)

// exportedMsg reports an export written: the files' absolute paths.
type exportedMsg struct {
	pane          int
	shiviz, jsonl string
}

// PaneID is the pane that exported.
func (e exportedMsg) PaneID() int { return e.pane }

// export writes the run so far as a ShiViz log and as JSON Lines in the
// current folder, in a command: files are IO. Success comes back as an
// exportedMsg, failure as a common.DoneMsg with the error (as demo.Base.Do
// reports one), which the root shows in the status line.
func (m *Model) export() tea.Cmd {
	run, id := m.sim.Run(), m.PaneID()
	base := "distlab-clocks-" + strconv.FormatUint(m.cfg.Seed, 10)
	return func() tea.Msg {
		shiviz, jsonl, err := exportFiles(run, base)
		if err != nil {
			return common.DoneMsg{Pane: id, Err: err}
		}
		return exportedMsg{id, shiviz, jsonl}
	}
}

// exportFiles writes base.shiviz.log and base.jsonl and returns their
// absolute paths.
func exportFiles(run *clocks.Run, base string) (shiviz, jsonl string, err error) {
	shiviz, jsonl = base+".shiviz.log", base+".jsonl"
	write := func(name string, f func(*os.File) error) error {
		out, err := os.Create(name)
		if err == nil {
			err = f(out)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return locale.Errorf("export %s: %w", name, err)
		}
		return nil
	}
	if err := write(shiviz, func(f *os.File) error { return run.WriteShiViz(f) }); err != nil {
		return "", "", err
	}
	if err := write(jsonl, func(f *os.File) error { return run.WriteJSONL(f) }); err != nil {
		return "", "", err
	}
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	return abs(shiviz), abs(jsonl), nil
}
