package tui

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"distlab/tui/theme"
)

// countingModel counts the program's View calls and the screens the app
// composed anew for them.
type countingModel struct {
	*Model
	views, composed atomic.Int64
	last            string
}

func (c *countingModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := c.Model.Update(msg)
	return c, cmd
}

func (c *countingModel) View() tea.View {
	c.views.Add(1)
	v := c.Model.View()
	if v.Content != c.last {
		c.composed.Add(1)
		c.last = v.Content
	}
	return v
}

// writes counts what the renderer writes to the terminal.
type writes struct {
	mu     sync.Mutex
	n      int
	frames int // writes: each flush of a changed frame is one
}

func (w *writes) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n += len(p)
	w.frames++
	return len(p), nil
}

// BenchmarkThreeDemosFrames runs the real program (renderer and all, on a
// discarded terminal) with the chat, clock and scale demos beside a lesson
// at 200×60 for three seconds, and reports how often Bubble Tea asked for
// the view, how often the app composed a new screen, and how often the
// renderer wrote: an unchanged screen must cost no composition, and
// compositions must not outnumber what reaches the terminal.
func BenchmarkThreeDemosFrames(b *testing.B) {
	for b.Loop() {
		m := New(Config{Load: embedded, Lang: "en", Theme: theme.Dark, Source: "bench", Demos: Demos()})
		c := &countingModel{Model: m}
		out := &writes{}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		p := tea.NewProgram(c, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(out), tea.WithWindowSize(200, 60),
			tea.WithColorProfile(colorprofile.TrueColor), tea.WithFPS(FrameRate), tea.WithoutSignals())
		done := make(chan struct{})
		go func() { defer close(done); _, _ = p.Run() }()
		time.Sleep(500 * time.Millisecond)
		for _, k := range []string{"D", "enter", "D", "down", "enter", "D", "down", "down", "enter"} {
			p.Send(keyMsg(k))
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(500 * time.Millisecond)
		if m.Panes() != 4 {
			b.Fatalf("%d panes", m.Panes())
		}
		v0, c0 := c.views.Load(), c.composed.Load()
		out.mu.Lock()
		w0 := out.frames
		out.mu.Unlock()
		const window = 3 * time.Second
		time.Sleep(window)
		v1, c1 := c.views.Load(), c.composed.Load()
		out.mu.Lock()
		w1 := out.frames
		out.mu.Unlock()
		p.Quit()
		<-done
		cancel()
		m.Close()
		s := window.Seconds()
		b.ReportMetric(float64(v1-v0)/s, "views/s")
		b.ReportMetric(float64(c1-c0)/s, "composed/s")
		b.ReportMetric(float64(w1-w0)/s, "writes/s")
	}
}
