// Package tui is distlab's terminal interface: the root model (this file and
// its siblings) and, in sub-packages, one package per pane. The root is the
// only model that returns a tea.View; it owns the layout, the focus, the
// global keys, the theme and the language, and forwards everything else to
// the pane it concerns.
package tui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"distlab/lessons"
	"distlab/tui/catalog"
	"distlab/tui/common"
	"distlab/tui/i18n"
	"distlab/tui/keys"
	"distlab/tui/progress"
	"distlab/tui/reader"
	"distlab/tui/theme"
)

// Config is what the command line hands the app.
type Config struct {
	Load      func() *lessons.Catalog // loads (and reloads) the course
	Reload    <-chan struct{}         // receives when lesson files change; may be nil
	Source    string                  // where lessons come from, for messages
	Lang      string                  // "en" or "pt-BR"
	Theme     theme.Theme
	ThemeAuto bool // pick dark or light from the terminal's background
	Store     *progress.Store
	State     progress.State // loaded by the caller; StateErr says why not
	StateErr  error
	Lesson    string // lesson to open first; "" = the last one read
}

type focus int

const (
	focusCatalog focus = iota
	focusReader
)

func (f focus) String() string { return [...]string{"catalog", "reader"}[f] }

// Model is the root model.
type Model struct {
	cfg     Config
	course  *lessons.Catalog
	lang    string
	com     *common.Common
	keys    keys.Global
	help    help.Model
	list    *catalog.Model
	reader  *reader.Model
	focus   focus
	layout  Layout
	problem bool // the problems list replaces the reader

	width, height int
	state         progress.State
	saveSeq       uint64
	status        string
	statusWarn    bool
}

// New builds the app from cfg; nothing is drawn until the first WindowSizeMsg.
func New(cfg Config) *Model {
	lang := cfg.Lang
	if lang == "" {
		lang = "en"
	}
	com := &common.Common{Styles: theme.New(cfg.Theme), Text: i18n.For(lang)}
	m := &Model{
		cfg: cfg, lang: lang, com: com,
		keys: keys.DefaultGlobal(com.Text), help: help.New(),
		list: catalog.New(com), reader: reader.New(com),
		state: cfg.State.Clone(),
	}
	m.help.Styles = com.Styles.Help
	if m.state.Read == nil {
		m.state.Read = map[string]bool{}
	}
	if m.state.Offsets == nil {
		m.state.Offsets = map[string]int{}
	}
	if cfg.StateErr != nil {
		m.status, m.statusWarn = fmt.Sprintf(m.com.Text.StateWarn, cfg.StateErr), true
	}
	m.course = cfg.Load()
	m.list.SetLessons(m.course.Lessons(lang))
	m.list.SetRead(m.state.Read)
	m.setFocus(focusCatalog)
	return m
}

// Init opens the first lesson and asks the terminal for its background.
func (m *Model) Init() tea.Cmd {
	id := m.cfg.Lesson
	if id == "" {
		id = m.state.LastLesson
	}
	if _, ok := m.course.Find(m.lang, id); !ok {
		id = ""
		if ls := m.course.Lessons(m.lang); len(ls) > 0 {
			id = ls[0].ID
		}
	}
	cmds := []tea.Cmd{m.openLesson(id), m.waitReload()}
	if m.cfg.ThemeAuto {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.cfg.Lesson != "" {
		m.setFocus(focusReader)
	}
	return tea.Batch(cmds...)
}

// State is the progress to save, with the reader's place recorded.
func (m *Model) State() progress.State {
	m.recordOffset()
	return m.state.Clone()
}

// Focused names the focused pane (for tests and the e2e driver).
func (m *Model) Focused() string { return m.focus.String() }

// Lang is the current language.
func (m *Model) Lang() string { return m.lang }

// Lesson is the id of the lesson open in the reader.
func (m *Model) Lesson() string { return m.reader.Lesson().ID }

// reloadMsg says lesson files changed on disk.
type reloadMsg struct{}

// savedMsg reports a background save.
type savedMsg struct{ err error }

func (m *Model) waitReload() tea.Cmd {
	ch := m.cfg.Reload
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return reloadMsg{}
	}
}
