// Package tui is distlab's terminal interface: the root model (this file and
// its siblings) and, in sub-packages, one package per pane. The root is the
// only model that returns a tea.View; it owns the layout, the focus, the
// global keys, the theme and the language, and forwards everything else to
// the pane it concerns.
//
// The screen is a header, the lesson list (the sidebar), a workspace of one
// to four panes — the lesson reader first, then demos and speaker notes —
// a status line and the key help.
package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/chat"
	"distlab/demos/class"
	"distlab/demos/locale"
	"distlab/demos/present"
	"distlab/lessons"
	"distlab/tui/catalog"
	"distlab/tui/common"
	"distlab/tui/demo"
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
	Course    string                  // the course's name in the header; empty: the built-in course's
	Demos     *demo.Registry          // the demos that can be opened
	DemoHost  string                  // where demos that listen bind (default 127.0.0.1)
	DemoPort  int                     // the first port they bind; 0: any free ports
	Lang      string                  // "en" or "pt-BR"
	Theme     theme.Theme
	ThemeAuto bool // pick dark or light from the terminal's background
	// LangFromEnv says Lang is the environment's, not asked for with
	// --lang, and ThemeFromDefault that no --theme was given: the language
	// and theme remembered in State then win (see remembered).
	LangFromEnv, ThemeFromDefault bool
	Store                         *progress.Store
	State                         progress.State // loaded by the caller; StateErr says why not
	StateErr                      error
	WatchErr                      error  // why Source is not watched for changes, if it is not
	Lesson                        string // lesson to open first; "" = the last one read
	Demo                          string // demo to open beside it
	Presenter                     bool   // start in presenter mode
	// ConsolePath is the socket `distlab console` attaches to while the
	// app presents (present.DefaultPath); "" for no console.
	ConsolePath string
	// QuizSeed shuffles the quizzes' options, 0 for a new shuffle every
	// time (tests give one).
	QuizSeed uint64
	// Class is a served student's handle on the class (package class),
	// Hub the instructor's; nil outside a served class. The app watches
	// them; whoever made them closes them.
	Class *class.Member
	Hub   *class.Hub
	// JoinSSH is host:port where a served class joins the course with
	// ssh (the join banner shows it); "" when the app serves no class.
	JoinSSH string
	// JoinCode is the class code students without an SSH key type,
	// shown with JoinSSH.
	JoinCode string
	// SharedChat is the served class's one chat cluster, which the chat
	// pane shows instead of starting its own: the instructor's app owns
	// it (every control), a student's has a seat in it under their name.
	// nil outside a served class; the server closes it.
	SharedChat *chat.Share
	// EndsClass says quitting this app ends the served class (the
	// instructor's app in distlab serve's own terminal): q asks first,
	// saying how many students are connected.
	EndsClass bool
	// Served says the app runs in a session of distlab serve, on the
	// server's machine, not the student's: demos refuse what would start
	// processes there (the scale demo's real workers).
	Served bool
}

// focusList is the focus index of the lesson list; panes count from 0.
const focusList = -1

// Model is the root model.
type Model struct {
	cfg    Config
	course *lessons.Catalog
	com    *common.Common

	closed chan struct{} // a served app's: closed by Close, ends its pending ticks

	// A served class (classroom.go).
	classDone chan struct{} // closed by Close: ends the wait on the class
	hubWatch  <-chan struct{}
	hubStop   func()
	noticeSeq int            // the last broadcast shown
	following bool           // the student follows the instructor
	followed  class.Position // where following last took the student
	leading   bool           // the instructor leads
	// liveHidden is the live question the student hid with esc, and
	// liveHiddenRevealed whether its results were on screen then: it
	// comes back only to show them.
	liveHidden         int
	liveHiddenRevealed bool
	keys               keys.Global
	help               help.Model

	list     *catalog.Model
	reader   *reader.Model // the pane of slots[0], always there
	slots    []*slot       // the workspace, 1 to MaxPanes
	overlays []overlay     // above the workspace; the last one has the keys
	nextID   int
	opened   map[string]int // demo id → panes of it opened so far, to number the next

	mode   Mode        // Reading or Presenting (see Mode for TooSmall)
	focus  int         // focusList or an index into slots
	zoom   bool        // the focused pane fills the workspace
	split  float64     // share of the workspace for the left column
	before theme.Theme // the theme to restore after presenting
	layout Layout

	width, height int
	state         progress.State
	saveSeq       uint64
	status        *message // the status line's message, nil when none
	statusWarn    bool
	statusSeq     int    // which setStatus a timeout clears
	saveArmed     bool   // a saveTickMsg is pending
	frameArmed    bool   // a frameMsg is pending
	slideShown    string // lang/lesson/slide whose demo was opened (see syncSlideDemo)

	link         *present.Server   // the console's link while presenting, or nil
	published    present.State     // what the consoles were last sent
	linkBusy     bool              // another app has the console's socket: asking again
	presentSince time.Time         // when presenting began
	joinNodes    []common.JoinNode // what the join banner shows
	joinSeq      int               // counts the banner's openings (see joinTickMsg)
	joinQR       struct {          // the banner's QR code, for addr
		addr  string
		lines []string
	}

	listCache string   // the lesson list framed, "" when it must be drawn again
	screen    composed // the last screen composed, and what was where
}

// New builds the app from cfg; nothing is drawn until the first WindowSizeMsg.
func New(cfg Config) *Model {
	cfg = remembered(cfg)
	if cfg.Demos == nil {
		cfg.Demos = demo.NewRegistry()
	}
	if cfg.DemoHost == "" {
		cfg.DemoHost = "127.0.0.1"
	}
	com := &common.Common{Styles: theme.New(cfg.Theme), Tick: tea.Tick}
	var closed chan struct{}
	if cfg.Served {
		// Many sessions come and go on one server: a tick still pending
		// (a status line's timeout) ends with its session's app, not
		// seconds after.
		closed = make(chan struct{})
		com.Tick = tickUntil(closed)
	}
	com.SetLang(locale.Match(cfg.Lang))
	m := &Model{
		cfg: cfg, com: com, closed: closed,
		help: help.New(),
		list: catalog.New(com), reader: reader.New(com),
		state: cfg.State.Clone(), split: 0.5, before: cfg.Theme,
	}
	m.keys = m.globalKeys()
	m.slots = []*slot{{kind: readerSlot, pane: m.reader, id: m.newID()}}
	m.help.Styles = com.Styles.Help
	m.joinClass()
	if cfg.Hub != nil {
		m.hubWatch, m.hubStop = cfg.Hub.Watch()
	}
	if m.state.Read == nil {
		m.state.Read = map[string]bool{}
	}
	m.state.Migrate(m.lang())
	if !cfg.LangFromEnv {
		// --lang is a choice, remembered; the environment's locale is
		// not: a student who never pressed L follows LANG when it changes.
		m.state.Lang = m.lang()
	}
	switch {
	case cfg.StateErr != nil:
		m.status, m.statusWarn = messagef("⚠ progress not loaded: %v", cfg.StateErr), true
		m.statusSeq = 1 // Init arms its timeout
	case cfg.WatchErr != nil:
		m.status, m.statusWarn = messagef("⚠ changes to %s will not be reloaded: %v", cfg.Source, cfg.WatchErr), true
		m.statusSeq = 1
	}
	m.course = cfg.Load()
	m.list.SetLessons(m.course.Lessons(m.lang()))
	m.list.SetRead(m.state.Read)
	// The reader has the keys from the first screen on, however the app
	// starts: the lesson is what is in front of the student, and the
	// footer names the keys that page through it (tab reaches the list).
	m.setFocus(0)
	return m
}

// Init opens the first lesson, and the demo or presenter mode asked for,
// and asks the terminal for its background.
func (m *Model) Init() tea.Cmd {
	id := m.cfg.Lesson
	if id == "" {
		id = m.state.LastLesson
	}
	if _, ok := m.course.Find(m.lang(), id); !ok {
		id = ""
		if ls := m.course.Lessons(m.lang()); len(ls) > 0 {
			id = ls[0].ID
		}
	}
	cmds := []tea.Cmd{m.openLesson(id), m.waitReload(), m.waitClass()}
	if m.cfg.ThemeAuto { // even when presenting: leaving it restores this
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.status != nil {
		cmds = append(cmds, m.com.Tick(statusTTL, func(time.Time) tea.Msg { return statusTimeoutMsg{1} }))
	}
	if m.cfg.Demo != "" {
		cmds = append(cmds, m.openDemo(m.cfg.Demo, false))
	}
	if m.cfg.Presenter {
		cmds = append(cmds, m.togglePresenter())
	}
	return tea.Batch(cmds...)
}

// State is the progress to save, with the reader's place recorded.
func (m *Model) State() progress.State {
	m.recordOffset()
	st := m.state.Clone()
	st.Shown = m.lang()
	return st
}

// Close releases every pane's resources and returns when they are gone;
// call it when the program ends.
func (m *Model) Close() {
	if m.closed != nil {
		select {
		case <-m.closed:
		default:
			close(m.closed)
		}
	}
	if m.classDone != nil {
		select {
		case <-m.classDone:
		default:
			close(m.classDone)
		}
	}
	if m.hubStop != nil {
		m.hubStop()
		m.hubStop = nil
	}
	for _, s := range m.slots {
		s.close()
	}
	if m.link != nil {
		m.link.Close()
		m.link = nil
	}
}

// Focused names the focused pane (for tests and the e2e driver): "catalog",
// "reader", "notes" or a demo id.
func (m *Model) Focused() string {
	if m.focus == focusList {
		return "catalog"
	}
	return m.slots[m.focus].name()
}

// Lang is the current language.
func (m *Model) Lang() string { return string(m.com.Lang()) }

// lang is the current language, as the lessons name it.
func (m *Model) lang() string { return string(m.com.Lang()) }

// Lesson is the id of the lesson open in the reader.
func (m *Model) Lesson() string { return m.reader.Lesson().ID }

// Panes is the number of panes in the workspace.
func (m *Model) Panes() int { return len(m.slots) }

func (m *Model) newID() int { m.nextID++; return m.nextID }

// reloadMsg says lesson files changed on disk.
type reloadMsg struct{}

// loadedMsg carries a course loaded in the background.
type loadedMsg struct{ course *lessons.Catalog }

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
