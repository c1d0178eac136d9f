package serve

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"distlab/demos/locale"
	"distlab/tui/common"
)

// entry is the screen a student meets before the course: the language,
// when their terminal named none, and a name, when they have none yet.
type entry struct {
	p               *locale.Printer
	askLang, asking bool // the language is to be chosen; a choice is on screen
	askName         bool
	known           string // the name kept for the student's key, when askName is false
	choice          int    // index in locale.Langs
	name            textinput.Model
	why             string // why the last name was refused
	busy            bool   // the name was sent: waiting to be let in
	keys            entryKeys
}

// entryKeys are the entry screen's keys.
type entryKeys struct {
	Confirm, Switch, Quit key.Binding
}

// enteredMsg is what the student chose.
type enteredMsg struct {
	name   string
	lang   locale.Lang
	chosen bool // the language was chosen on the entry screen
}

// maxName is the longest name, in characters.
const maxName = 24

// newEntry is the entry of a student who speaks lang (askLang: their
// terminal did not say) and is known as name ("" to ask it, offering the
// SSH user name offer).
func newEntry(lang locale.Lang, askLang bool, name, offer string) *entry {
	e := &entry{p: locale.For(lang), askLang: askLang, asking: askLang, askName: name == "", known: name}
	for i, l := range locale.Langs {
		if l == lang {
			e.choice = i
		}
	}
	e.name = textinput.New()
	e.name.CharLimit = maxName // said as it is reached (typeName)
	e.name.SetWidth(maxName + 2)
	// A steady cursor: a blinking one would draw a frame every half second
	// for every student waiting on this screen.
	st := e.name.Styles()
	st.Cursor.Blink = false
	e.name.SetStyles(st)
	if n, _, why := cleanName(offer, nil); why == "" && !genericUser(offer) {
		e.name.SetValue(n)
		e.name.CursorEnd()
	}
	e.setKeys()
	return e
}

// genericUser reports whether an SSH user name says nothing about the
// student (ssh's default is the login of the laptop).
func genericUser(u string) bool {
	switch strings.ToLower(u) {
	case "", "root", "user", "student", "aluno", "admin", "guest", "ubuntu", "pi":
		return true
	}
	return false
}

func (e *entry) setKeys() {
	e.keys = entryKeys{
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", e.p.T("confirm"))),
		Switch:  key.NewBinding(key.WithKeys("up", "down", "left", "right", "tab", "shift+tab"), key.WithHelp("↑/↓", e.p.T("choose"))),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("esc", e.p.T("leave"))),
	}
}

// done reports whether there is nothing to ask.
func (e *entry) done() bool { return !e.askLang && !e.askName }

// Init focuses the name when it is the first question.
func (e *entry) Init() tea.Cmd {
	if !e.asking && e.askName {
		return e.name.Focus()
	}
	return nil
}

// Update handles the entry's keys.
func (e *entry) Update(msg tea.Msg) (*entry, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if e.askName && !e.asking && !e.busy {
			return e, e.typeName(msg)
		}
		return e, nil
	}
	switch {
	case key.Matches(k, e.keys.Quit):
		return e, tea.Quit
	case e.busy:
		return e, nil
	case e.asking && key.Matches(k, e.keys.Switch):
		e.choice = (e.choice + 1) % len(locale.Langs)
		e.p = locale.For(locale.Langs[e.choice])
		e.setKeys()
		return e, nil
	case e.asking && key.Matches(k, e.keys.Confirm):
		e.asking = false
		if e.askName {
			return e, e.name.Focus()
		}
		return e, e.send(e.known) // the name kept, not the field's offer
	case key.Matches(k, e.keys.Confirm):
		name, _, why := cleanName(e.name.Value(), e.p)
		if why != "" {
			e.why = why
			return e, nil
		}
		return e, e.send(name)
	}
	if e.askName && !e.asking {
		return e, e.typeName(msg)
	}
	return e, nil
}

// typeName hands a key or a paste to the name field, which keeps at most
// maxName characters: what goes past the limit is left out, and the
// student told so as it happens (it was said only on enter).
func (e *entry) typeName(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	var cut bool
	e.name, cmd, cut = common.UpdateLimited(e.name, msg)
	e.why = ""
	if cut {
		e.why = e.p.T("A name has at most %d characters.", maxName)
	}
	return cmd
}

// send hands the choice to the gate.
func (e *entry) send(name string) tea.Cmd {
	e.busy = true
	msg := enteredMsg{name: name, lang: locale.Langs[e.choice], chosen: e.askLang}
	return func() tea.Msg { return msg }
}

// refuse shows why the name was not let in, and asks again.
func (e *entry) refuse(why string) {
	e.busy, e.why = false, why
	if !e.askName { // a key's name, taken since: ask for another
		e.askName = true
	}
}

// View draws the entry in the middle of a w×h screen. Each part wraps to
// the width; on a screen too short for them all, the blank lines between
// them go first, then the title: the question, the field and the keys
// stay (at 30×8 the question and the field were cut off).
func (e *entry) View(w, h int) string {
	bold := lipgloss.NewStyle().Bold(true)
	title := []string{bold.Render("distlab") + " · " + e.p.T("Fundamentals of Distributed Systems")}
	var parts [][]string
	switch {
	case e.asking:
		choices := []string{e.p.T("Choose your language:")}
		for i, l := range locale.Langs {
			mark := "  "
			if i == e.choice {
				mark = "▸ "
			}
			choices = append(choices, mark+langName(l))
		}
		parts = [][]string{choices, {e.p.T("↑/↓ choose · enter confirm · esc leave")}}
	case !e.askName:
		parts = [][]string{{e.p.T("Opening the course…")}}
	default:
		parts = [][]string{{e.p.T("Welcome to the class! What name should the class see?")}, {e.name.View()}}
		if e.why != "" {
			parts = append(parts, []string{"⚠ " + e.why})
		}
		if e.busy {
			parts = append(parts, []string{e.p.T("Opening the course…")})
		}
		parts = append(parts, []string{e.p.T("enter confirm · esc leave")})
	}
	if w <= 0 || h <= 0 {
		return strings.Join(stack(append([][]string{title}, parts...), 0, true), "\n")
	}
	var lines []string
	for _, try := range []struct {
		title, blanks bool
	}{{true, true}, {true, false}, {false, false}} {
		all := parts
		if try.title {
			all = append([][]string{title}, parts...)
		}
		lines = stack(all, w, try.blanks)
		if len(lines) <= h {
			break
		}
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}

// stack lays parts one under the other, each line wrapped to w (0: as
// they are), with a blank line between parts if blanks.
func stack(parts [][]string, w int, blanks bool) []string {
	var out []string
	for i, p := range parts {
		if i > 0 && blanks {
			out = append(out, "")
		}
		for _, l := range p {
			if w > 0 && lipgloss.Width(l) > w {
				out = append(out, strings.Split(lipgloss.NewStyle().Width(w).Render(l), "\n")...)
				continue
			}
			out = append(out, l)
		}
	}
	return out
}

// langName is a language's name, written in that language.
func langName(l locale.Lang) string {
	if l == locale.Portuguese {
		return "Português (Brasil)"
	}
	return "English"
}
