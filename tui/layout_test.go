package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// boxes draws a layout as ASCII boxes, each labelled: H header, S sidebar,
// 1-4 panes, T status, F footer. Cells no rectangle covers stay '.', and
// any cell two rectangles cover becomes '#'.
func boxes(l Layout, w, h int) string {
	grid := make([][]rune, h)
	owner := make([][]int, h)
	for y := range grid {
		grid[y] = []rune(strings.Repeat(".", w))
		owner[y] = make([]int, w)
	}
	n := 0
	draw := func(r Rect, label string) {
		if r.Empty() {
			return
		}
		n++
		for y := r.Y; y < r.Y+r.H; y++ {
			for x := r.X; x < r.X+r.W; x++ {
				if owner[y][x] != 0 {
					grid[y][x] = '#'
					continue
				}
				owner[y][x] = n
				c := ' '
				switch {
				case (y == r.Y || y == r.Y+r.H-1) && (x == r.X || x == r.X+r.W-1):
					c = '+'
				case y == r.Y || y == r.Y+r.H-1:
					c = '-'
				case x == r.X || x == r.X+r.W-1:
					c = '|'
				}
				if r.H == 1 {
					c = '='
				}
				grid[y][x] = c
			}
		}
		lx, ly := r.X+min(2, r.W-1), r.Y+r.H/2
		for i, c := range label {
			if lx+i < r.X+r.W-1 {
				grid[ly][lx+i] = c
			}
		}
	}
	draw(l.Header, "H")
	draw(l.Sidebar, "S")
	for i, r := range l.Panes {
		draw(r, fmt.Sprint(i+1))
	}
	draw(l.Status, "T")
	draw(l.Footer, "F")
	rows := make([]string, h)
	for y := range grid {
		rows[y] = string(grid[y])
	}
	return strings.Join(rows, "\n")
}

func TestLayoutGolden(t *testing.T) {
	sizes := [][2]int{{200, 60}, {100, 30}, {MinWidth, MinHeight}}
	for n := 1; n <= MaxPanes; n++ {
		for _, sz := range sizes {
			name := fmt.Sprintf("%s_%dx%d", TilingFor(n), sz[0], sz[1])
			t.Run(strings.ReplaceAll(name, "+", "_"), func(t *testing.T) {
				l := Arrange(sz[0], sz[1], Options{Footer: 1, Status: true, Sidebar: true, Panes: n, Split: 0.5, Zoom: -1})
				pic := boxes(l, sz[0], sz[1])
				if strings.ContainsAny(pic, ".#") {
					t.Fatalf("gaps or overlaps:\n%s", pic)
				}
				golden.RequireEqual(t, pic)
			})
		}
	}
	t.Run("zoom_100x30", func(t *testing.T) {
		l := Arrange(100, 30, Options{Footer: 1, Sidebar: true, Panes: 4, Split: 0.5, Zoom: 2})
		golden.RequireEqual(t, boxes(l, 100, 30))
	})
	t.Run("presenter_split_70_100x30", func(t *testing.T) {
		l := Arrange(100, 30, Options{Footer: 2, Sidebar: false, Panes: 3, Split: 0.7, Zoom: -1})
		golden.RequireEqual(t, boxes(l, 100, 30))
	})
}

// Every size from the minimum up is covered exactly once, whatever the
// panes, split and zoom; below the minimum the layout says so.
func TestArrangeCoversTheScreen(t *testing.T) {
	t.Parallel()
	for w := MinWidth; w <= 240; w += 11 {
		for h := MinHeight; h <= 80; h += 7 {
			for n := 1; n <= MaxPanes; n++ {
				for _, split := range []float64{0, 0.2, 0.5, 0.8, 1} {
					for zoom := -1; zoom < n; zoom++ {
						o := Options{Footer: 1 + (w+h)%5, Status: h%2 == 0, Sidebar: w%2 == 0, Panes: n, Split: split, Zoom: zoom}
						l := Arrange(w, h, o)
						if p := boxes(l, w, h); strings.ContainsAny(p, ".#") {
							t.Fatalf("%dx%d %+v: gaps or overlaps:\n%s", w, h, o, p)
						}
						for i, r := range l.Panes {
							if (zoom < 0 || i == zoom) && (r.W < minColumn || r.H < 3) {
								t.Fatalf("%dx%d %+v: pane %d is %+v", w, h, o, i, r)
							}
						}
					}
				}
			}
		}
	}
	for _, s := range [][2]int{{0, 0}, {1, 1}, {59, 40}, {200, 14}} {
		if !Arrange(s[0], s[1], Options{Panes: 2}).TooSmall {
			t.Errorf("%v should be too small", s)
		}
	}
}

func TestNeighbor(t *testing.T) {
	l := Arrange(100, 30, Options{Footer: 1, Sidebar: true, Panes: 4, Zoom: -1})
	rects := append([]Rect{l.Sidebar}, l.Panes...) // 0 sidebar, 1..4 panes (grid: 1 2 / 3 4)
	cases := []struct {
		from int
		d    Direction
		want int
	}{
		{1, Right, 2}, {1, Down, 3}, {1, Left, 0}, {1, Up, -1},
		{4, Left, 3}, {4, Up, 2}, {3, Left, 0}, {2, Right, -1}, {0, Right, 1},
	}
	for _, c := range cases {
		if got := Neighbor(rects, c.from, c.d); got != c.want {
			t.Errorf("Neighbor(from %d, %v) = %d, want %d", c.from, c.d, got, c.want)
		}
	}
}
