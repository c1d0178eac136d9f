package scalepane

import (
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/scale"
)

// units draws a side's cores or nodes on one line of a column cw cells
// wide, between a space and a margin: a bar per unit showing how busy it is, ✗ when
// down. When there are more units than fit, each bar stands for a group
// of them (their mean; ✗ if one is down) and the line says how many: a
// 64-core machine takes one line, as an 8-node cluster does, so the two
// columns' figures stay level.
func (m *Model) units(c *scale.SideSnapshot, cw int) string {
	p := m.Com.Printer
	us := c.Units
	note := func(g int) string {
		if c.Side == scale.ScaleOut {
			return p.T("%d nodes a bar", g)
		}
		return p.T("%d cores a bar", g)
	}
	width := max(cw-2, 1)
	g, label := 1, ""
	if len(us) > width { // the smallest group that fits with its note
		g = 0
		for k := 2; k <= len(us) && g == 0; k++ {
			if (len(us)+k-1)/k+1+ansi.StringWidth(note(k)) <= width {
				g, label = k, " "+note(k)
			}
		}
		if g == 0 { // too narrow for the note: bars only
			g = (len(us) + width - 1) / width
		}
	}
	var b strings.Builder
	b.WriteByte(' ')
	for i := 0; i < len(us); i += g {
		b.WriteString(bar(us[i:min(i+g, len(us))]))
	}
	return b.String() + m.Com.Styles.Status.Render(label)
}

// bar is one cell for a group of units: their mean utilisation as a
// bar, "·" when idle, ✗ if any of them is down.
func bar(group []scale.Unit) string {
	const bars = " ▁▂▃▄▅▆▇█"
	rs := []rune(bars)
	sum := 0.0
	for _, u := range group {
		if !u.Up {
			return "✗"
		}
		sum += u.Util
	}
	i := int(math.Round(sum / float64(len(group)) * float64(len(rs)-1)))
	r := rs[min(max(i, 0), len(rs)-1)]
	if r == ' ' {
		return "·"
	}
	return string(r)
}
