package common

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// NewInput is a one-line text field (a filter, the chat line) as the panes
// use it: a bubbles textinput whose cursor stands still, since a blinking
// one would keep a timer running; with no ctrl+v, since terminals deliver a
// paste as tea.PasteMsg, which the field takes, while its clipboard command
// would shell out; and styled by the theme (InputView restyles it).
func (c *Common) NewInput() textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.KeyMap.Paste = key.Binding{}
	in.SetStyles(c.Styles.Input)
	return in
}

// InputView draws in after prompt in exactly w cells, with the theme and
// words of the moment: the pane keeps the field's text and cursor, Common
// how it looks. A text too long for w scrolls to keep the cursor in view.
func (c *Common) InputView(in textinput.Model, prompt string, w int) string {
	in.Prompt = prompt
	in.SetStyles(c.Styles.Input)
	in.SetWidth(max(w-ansi.StringWidth(prompt)-1, 1)) // the cursor's cell
	in.SetCursor(in.Position())                       // scroll for this width
	return FitLine(in.View(), w)
}

// UpdateLimited hands a key or a paste to in, whose CharLimit cuts what
// goes past it, and reports whether something typed was left out, so
// that the field can say so as it happens.
func UpdateLimited(in textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd, bool) {
	typed := 0
	switch msg := msg.(type) {
	case tea.PasteMsg:
		typed = utf8.RuneCountInString(msg.Content)
	case tea.KeyPressMsg:
		typed = utf8.RuneCountInString(msg.Text)
	}
	before := utf8.RuneCountInString(in.Value())
	in, cmd := in.Update(msg)
	return in, cmd, typed > 0 && in.CharLimit > 0 && before+typed > in.CharLimit
}
