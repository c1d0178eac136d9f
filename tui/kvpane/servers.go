package kvpane

import (
	"strings"

	"distlab/demos/kv"
	"distlab/tui/common"
)

// serverLines are the servers, one a line: the ones in reach first, then,
// under a wall, the ones the partition cut off. Each shows whether it is
// up, what it stores for each key and with which version, the hints it
// keeps for others, and its clock skew.
func (m *Model) serverLines(w int) []string {
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
		return near
	}
	s, p := m.Com.Styles, m.Com.Printer
	label := " " + p.T("partition: no message crosses") + " "
	if w < 60 {
		label = " " + p.T("partition") + " "
	}
	wall := s.StatusWarn.Render(" ┃" + strings.Repeat("━", 2) + label + strings.Repeat("━", max(w-len([]rune(label))-5, 0)))
	return append(append(near, wall), far...)
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
	return common.Ellipsis(b.String(), w)
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
