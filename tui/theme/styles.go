package theme

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
)

// Styles is every style the UI uses, for one theme.
type Styles struct {
	Theme   Theme
	Palette Palette

	// Header and footer.
	Header, HeaderCourse, HeaderLesson, HeaderMeta lipgloss.Style
	Status, StatusWarn, StatusError                lipgloss.Style

	// Pane frames: border colors, and the title written into the top edge.
	Border, BorderFocused       lipgloss.Style
	PaneTitle, PaneTitleFocused lipgloss.Style

	// Catalog.
	Item, ItemSelected, ItemNumber, ItemCurrent lipgloss.Style
	ReadMark, Unread, Summary                   lipgloss.Style
	FilterPrompt, FilterText, Empty             lipgloss.Style

	// Input is every text field: filters and the chat line.
	Input textinput.Styles

	// Problems list and the "please enlarge" screen.
	ProblemPath, ProblemMsg, Title, Enlarge lipgloss.Style

	Help    help.Styles
	Glamour ansi.StyleConfig
}

// New builds the Styles of theme t.
func New(t Theme) *Styles {
	p := palette(t)
	base := lipgloss.NewStyle().Foreground(p.Fg).Background(p.Bg)
	s := &Styles{Theme: t, Palette: p}
	s.Header = base.Padding(0, 1)
	s.HeaderCourse = base.Foreground(p.Primary).Bold(true)
	s.HeaderLesson = base.Bold(true)
	s.HeaderMeta = base.Foreground(p.Subtle)
	s.Status = base.Foreground(p.Subtle)
	s.StatusWarn = base.Foreground(p.Warning).Bold(true)
	s.StatusError = base.Foreground(p.Error).Bold(true)

	s.Border = base.Foreground(p.Border)
	s.BorderFocused = base.Foreground(p.Primary).Bold(true)
	s.PaneTitle = base.Foreground(p.Subtle)
	s.PaneTitleFocused = base.Foreground(p.Primary).Bold(true)

	s.Item = base
	s.ItemSelected = base.Background(p.Selection).Bold(true)
	s.ItemNumber = base.Foreground(p.Subtle)
	s.ItemCurrent = base.Foreground(p.Accent).Bold(true)
	s.ReadMark = base.Foreground(p.Success)
	s.Unread = base.Foreground(p.Subtle)
	s.Summary = base.Foreground(p.Subtle).Italic(t != HighContrast)
	s.FilterPrompt = base.Foreground(p.Accent).Bold(true)
	s.FilterText = base
	s.Empty = base.Foreground(p.Subtle)
	field := textinput.StyleState{Prompt: s.FilterPrompt, Text: s.FilterText, Placeholder: s.Status, Suggestion: s.Status}
	s.Input = textinput.Styles{Focused: field, Blurred: field, Cursor: textinput.CursorStyle{Color: p.Primary}}

	s.ProblemPath = base.Foreground(p.Error).Bold(true)
	s.ProblemMsg = base
	s.Title = base.Foreground(p.Primary).Bold(true)
	s.Enlarge = base.Foreground(p.Warning).Bold(true)

	key := base.Foreground(p.Accent).Bold(t == HighContrast)
	desc := base.Foreground(p.Subtle)
	sep := base.Foreground(p.Border)
	s.Help = help.Styles{
		Ellipsis: desc, ShortKey: key, ShortDesc: desc, ShortSeparator: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep,
	}
	s.Glamour = glamourStyle(t, p)
	return s
}
