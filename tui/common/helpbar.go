package common

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// HelpBar is h's one-line help for k in w cells: as many of the enabled
// keys as fit whole, then h's ellipsis if some were left out. Bubbles'
// own ShortHelpView adds the item that overflows when the ellipsis would
// not fit after the ones before it, and the bar came out cut mid-item
// ("→/space next slide •", "? help" and "q quit" gone with no "…"); this
// one keeps room for the ellipsis.
func HelpBar(h help.Model, k help.KeyMap, w int) string {
	var items []string
	for _, b := range k.ShortHelp() {
		if b.Enabled() {
			items = append(items, helpItem(h, b))
		}
	}
	if len(items) == 0 {
		return ""
	}
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	tail := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	sepW, tailW := lipgloss.Width(sep), lipgloss.Width(tail)
	widths := make([]int, len(items))
	total := 0
	for i, it := range items {
		widths[i] = lipgloss.Width(it)
		if i > 0 {
			total += sepW
		}
		total += widths[i]
	}
	if total <= w {
		return strings.Join(items, sep)
	}
	var b strings.Builder
	used := 0
	for i, it := range items {
		add := widths[i]
		if i > 0 {
			add += sepW
		}
		if used+add+tailW > w {
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(it)
		used += add
	}
	if used+tailW <= w {
		b.WriteString(tail)
	}
	return b.String()
}

// helpItem is one key of the bar: its keys and what it does.
func helpItem(h help.Model, b key.Binding) string {
	return h.Styles.ShortKey.Inline(true).Render(b.Help().Key) + " " + h.Styles.ShortDesc.Inline(true).Render(b.Help().Desc)
}
