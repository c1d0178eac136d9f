package tui

// Rect is a rectangle of cells on the screen.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the cell (x, y) is inside r.
func (r Rect) Contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// The smallest screen the app draws; below it a message asks for more room.
const (
	MinWidth  = 60
	MinHeight = 15
)

// Layout is where each part of the screen goes.
type Layout struct {
	TooSmall bool
	Header   Rect // one line: course, lesson, language, scroll
	Sidebar  Rect // the lesson list (W = 0 when hidden)
	Main     Rect // the reader, or the problems list
	Status   Rect // one line of messages (H = 0 when there are none)
	Footer   Rect // key help: one line, more for full help
}

// Arrange computes the layout of a w×h screen. It is a pure function of its
// arguments so that it can be tested as pictures.
func Arrange(w, h, footerLines int, status, sidebar bool) Layout {
	if w < MinWidth || h < MinHeight {
		return Layout{TooSmall: true}
	}
	footerLines = min(max(footerLines, 1), h/3)
	l := Layout{Header: Rect{0, 0, w, 1}}
	bottom := h - footerLines
	l.Footer = Rect{0, bottom, w, footerLines}
	if status {
		bottom--
		l.Status = Rect{0, bottom, w, 1}
	}
	body := Rect{0, 1, w, bottom - 1}
	if sidebar {
		sw := min(max(w*28/100, 24), 40)
		l.Sidebar = Rect{0, body.Y, sw, body.H}
		body.X, body.W = sw, w-sw
	}
	l.Main = body
	return l
}
