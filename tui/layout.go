package tui

import "fmt"

// Rect is a rectangle of cells on the screen.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the cell (x, y) is inside r.
func (r Rect) Contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Empty reports whether r has no cells.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// The smallest screen the app draws; below it a message asks for more room.
const (
	MinWidth  = 60
	MinHeight = 15
	MaxPanes  = 4
	minColumn = 12 // narrowest column a split may leave
)

// Tiling is how the workspace arranges its panes; it follows their number.
type Tiling int

// The modes, one per pane count.
const (
	Single    Tiling = iota // one pane
	Columns                 // two side by side
	MainStack               // one left, two stacked right
	Grid                    // two by two
)

func (m Tiling) String() string {
	if m < Single || m > Grid {
		return fmt.Sprintf("Tiling(%d)", int(m))
	}
	return [...]string{"single", "columns", "main+stack", "grid"}[m]
}

// TilingFor is the tiling of n panes.
func TilingFor(n int) Tiling { return Tiling(min(max(n, 1), MaxPanes) - 1) }

// Options are the inputs of Arrange besides the screen size.
type Options struct {
	Footer  int     // lines of key help
	Status  bool    // a status line above the help
	Sidebar bool    // the lesson list on the left
	Panes   int     // panes in the workspace, 1 to 4
	Split   float64 // share of the workspace width for the left column
	Zoom    int     // index of the pane that fills the workspace, or -1
}

// Layout is where each part of the screen goes.
type Layout struct {
	TooSmall bool
	Tiling   Tiling
	Header   Rect   // one line: course, lesson, language, place
	Sidebar  Rect   // the lesson list (empty when hidden)
	Work     Rect   // the workspace, where the panes go
	Panes    []Rect // one per pane; empty for panes hidden by a zoom
	Status   Rect   // one line of messages (empty when there are none)
	Footer   Rect   // key help: one line, more for full help
}

// Arrange computes the layout of a w×h screen. It is a pure function of its
// arguments, tested as pictures.
func Arrange(w, h int, o Options) Layout {
	if w < MinWidth || h < MinHeight {
		return Layout{TooSmall: true}
	}
	n := min(max(o.Panes, 1), MaxPanes)
	l := Layout{Tiling: TilingFor(n), Header: Rect{0, 0, w, 1}}
	footer := min(max(o.Footer, 1), h/3)
	bottom := h - footer
	l.Footer = Rect{0, bottom, w, footer}
	if o.Status {
		bottom--
		l.Status = Rect{0, bottom, w, 1}
	}
	work := Rect{0, 1, w, bottom - 1}
	zoomed := o.Zoom >= 0 && o.Zoom < n
	if o.Sidebar && !zoomed {
		sw := min(max(w*28/100, 24), 40)
		l.Sidebar = Rect{work.X, work.Y, sw, work.H}
		work.X, work.W = sw, w-sw
	}
	l.Work = work
	l.Panes = make([]Rect, n)
	if zoomed {
		l.Panes[o.Zoom] = work
		return l
	}
	split := o.Split
	if split <= 0 || split >= 1 {
		split = 0.5
	}
	left := min(max(int(float64(work.W)*split+0.5), minColumn), work.W-minColumn)
	lcol := Rect{work.X, work.Y, left, work.H}
	rcol := Rect{work.X + left, work.Y, work.W - left, work.H}
	top := work.H / 2
	upper := func(r Rect) Rect { return Rect{r.X, r.Y, r.W, top} }
	lower := func(r Rect) Rect { return Rect{r.X, r.Y + top, r.W, r.H - top} }
	switch l.Tiling {
	case Single:
		l.Panes[0] = work
	case Columns:
		l.Panes[0], l.Panes[1] = lcol, rcol
	case MainStack:
		l.Panes[0], l.Panes[1], l.Panes[2] = lcol, upper(rcol), lower(rcol)
	case Grid:
		l.Panes[0], l.Panes[1], l.Panes[2], l.Panes[3] = upper(lcol), upper(rcol), lower(lcol), lower(rcol)
	}
	return l
}

// Direction is a way to move focus on the screen.
type Direction int

// The directions.
const (
	Left Direction = iota
	Right
	Up
	Down
)

// Neighbor returns the index of the rectangle next to rects[from] in
// direction d: among those lying wholly on that side, the one closest,
// preferring those that overlap it across the direction. -1 if none.
func Neighbor(rects []Rect, from int, d Direction) int {
	if from < 0 || from >= len(rects) {
		return -1
	}
	a := rects[from]
	best, bestScore := -1, 0
	for i, b := range rects {
		if i == from || b.Empty() {
			continue
		}
		var gap, overlap int
		switch d {
		case Left:
			gap, overlap = a.X-(b.X+b.W), span(a.Y, a.H, b.Y, b.H)
		case Right:
			gap, overlap = b.X-(a.X+a.W), span(a.Y, a.H, b.Y, b.H)
		case Up:
			gap, overlap = a.Y-(b.Y+b.H), span(a.X, a.W, b.X, b.W)
		case Down:
			gap, overlap = b.Y-(a.Y+a.H), span(a.X, a.W, b.X, b.W)
		}
		if gap < 0 {
			continue
		}
		score := gap*1000 - overlap
		if best < 0 || score < bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// span is how much [p, p+n) and [q, q+m) overlap.
func span(p, n, q, m int) int { return max(0, min(p+n, q+m)-max(p, q)) }
