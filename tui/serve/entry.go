package serve

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"distlab/demos/locale"
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
	e.name.CharLimit = 4 * maxName // cut to maxName characters once cleaned
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
		if e.askName && !e.asking {
			var cmd tea.Cmd
			e.name, cmd = e.name.Update(msg)
			return e, cmd
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
		var cmd tea.Cmd
		e.name, cmd = e.name.Update(msg)
		e.why = ""
		return e, cmd
	}
	return e, nil
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

// View draws the entry in the middle of a w×h screen.
func (e *entry) View(w, h int) string {
	bold := lipgloss.NewStyle().Bold(true)
	lines := []string{bold.Render("distlab") + " · " + e.p.T("Fundamentals of Distributed Systems"), ""}
	switch {
	case e.asking:
		lines = append(lines, e.p.T("Choose your language:"), "")
		for i, l := range locale.Langs {
			mark := "  "
			if i == e.choice {
				mark = "▸ "
			}
			lines = append(lines, mark+langName(l))
		}
		lines = append(lines, "", e.p.T("↑/↓ choose · enter confirm · esc leave"))
	case !e.askName:
		lines = append(lines, e.p.T("Opening the course…"))
	default:
		lines = append(lines, e.p.T("Welcome to the class! What name should the class see?"), "", e.name.View())
		if e.why != "" {
			lines = append(lines, "", "⚠ "+e.why)
		}
		if e.busy {
			lines = append(lines, "", e.p.T("Opening the course…"))
		}
		lines = append(lines, "", e.p.T("enter confirm · esc leave"))
	}
	block := strings.Join(lines, "\n")
	if w <= 0 || h <= 0 {
		return block
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, block)
}

// langName is a language's name, written in that language.
func langName(l locale.Lang) string {
	if l == locale.Portuguese {
		return "Português (Brasil)"
	}
	return "English"
}
