// Command floor is a hello-world Bubble Tea v2 program: the floor that
// distlab's start-up, idle CPU and key latency are measured against. It
// draws one line in the alternate screen, shows the last key pressed (so a
// key's frame can be timed) and quits on q or ctrl+c. -fps sets the
// renderer's frame rate, to compare at distlab's own.
package main

import (
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct{ last string }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		}
		m.last = k.String()
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView(fmt.Sprintf("hello, world · last key: %s", m.last))
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 0, "frames a second (0: Bubble Tea's default)")
	flag.Parse()
	var opts []tea.ProgramOption
	if *fps > 0 {
		opts = append(opts, tea.WithFPS(*fps))
	}
	if _, err := tea.NewProgram(model{}, opts...).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
