package kvpane

import (
	"strings"

	"distlab/demos/kv"
)

// serverLines are the servers, one a line: the ones in reach first, then,
// under a wall, the ones the partition cut off. Each shows whether it is
// up, what it stores for each key and with which version, the hints it
// keeps for others, and its clock skew.
func (m *Model) serverLines(w int) []string {
	lines, _ := m.serverRows(w)
	return lines
}

// serverRows are serverLines, with the index of the wall (-1 for none).
func (m *Model) serverRows(w int) (lines []string, wall int) {
	var near, far []string
	for _, sv := range m.snap.Servers {
		l := m.serverLine(sv, w)
		if sv.Cut {
			far = append(far, l)
		} else {
			near = append(near, l)
		}
	}
	if len(far) == 0 {
		return near, -1
	}
	s, p := m.Com.Styles, m.Com.Printer
	label := " " + p.T("partition: no message crosses") + " "
	if w < 60 {
		label = " " + p.T("partition") + " "
	}
	line := s.StatusWarn.Render(" ┃" + strings.Repeat("━", 2) + label + strings.Repeat("━", max(w-len([]rune(label))-5, 0)))
	return append(append(near, line), far...), len(near)
}

// serversIn are the server lines in at most n: the wall goes first, as
// the ┃ before each server cut off still shows the partition, then the
// servers at the end, the last one kept ending with "…".
func (m *Model) serversIn(w, n int) []string {
	lines, wall := m.serverRows(w)
	if len(lines) > n && wall >= 0 {
		lines = append(lines[:wall:wall], lines[wall+1:]...)
	}
	return clip(lines, n, w)
}

func (m *Model) serverLine(sv kv.ServerView, w int) string {
	s, p := m.Com.Styles, m.Com.Printer
	mark := "  "
	if sv.ID == m.selected {
		mark = "▸ "
	}
	wallMark := " "
	if sv.Cut {
		wallMark = "┃"
	}
	name := kv.Name(sv.ID)
	var b strings.Builder
	b.WriteString(s.StatusWarn.Render(wallMark))
	switch {
	case !sv.Up:
		b.WriteString(s.StatusError.Render(mark + name + " ✗ " + p.T("crashed")))
	case sv.ID == m.selected:
		b.WriteString(s.ItemCurrent.Render(mark + name + " ●"))
	default:
		b.WriteString(s.Item.Render(mark + name + " ●"))
	}
	if sv.Spare {
		b.WriteString(s.Status.Render(" " + p.T("spare")))
	}
	for _, k := range sv.Keys {
		b.WriteString("  " + m.keyText(k, len(m.snap.Servers)))
	}
	if sv.Hints > 0 {
		b.WriteString(s.StatusWarn.Render("  " + p.T("%d hints", sv.Hints)))
	}
	if sv.Skew != 0 {
		b.WriteString(s.StatusWarn.Render("  " + p.T("clock %s", skewText(sv.Skew))))
	}
	return fit(b.String(), w)
}

// keyText is what a server stores for a key: "x = 3 t=120ms@n1", siblings
// "x = 1 | 2 [1,0,0] [0,1,0]", and 0 before any write.
func (m *Model) keyText(k kv.KeyView, servers int) string {
	s := m.Com.Styles
	if len(k.Versions) == 0 {
		return s.Item.Render(k.Key+" = 0") + s.Status.Render(" –")
	}
	vals := make([]int, len(k.Versions))
	var versions []string
	for i, v := range k.Versions {
		vals[i] = v.Value
		if m.snap.Knobs.Conflicts == kv.VV {
			versions = append(versions, v.VVText(servers))
		} else {
			versions = append(versions, v.StampText())
		}
	}
	value := s.Item.Render(k.Key + " = " + kv.ValuesText(vals))
	if len(vals) > 1 {
		value = s.StatusWarn.Render("∥ " + k.Key + " = " + kv.ValuesText(vals))
	}
	return value + s.Status.Render(" "+strings.Join(versions, " "))
}
