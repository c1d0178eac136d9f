package tui

import (
	"math/rand/v2"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/chat"
	"distlab/demos/class"
	"distlab/tui/chatpane"
	"distlab/tui/common"
	"distlab/tui/quiz"
)

// A served class (package class) reaches the app in two ways. A student's
// session has a Member (Config.Class): it reports where the student is,
// follows the instructor while following (F steps out and back in), shows
// the live question and the instructor's broadcasts. The instructor's app
// has the Hub (Config.Hub): it leads (F stops and resumes), asks a live
// question of the lesson's quiz (A), shows the roster (W) and broadcasts a
// line (B). Both wait on the hub's signal in a command that ends when the
// app closes.

// joinClass readies a served class's app: the instructor leads and a
// student follows from the start, but a student who had stepped out and
// comes back is still out, and a broadcast sent before they came is no
// news to them.
func (m *Model) joinClass() {
	if m.cfg.Class == nil && m.cfg.Hub == nil {
		return
	}
	m.classDone = make(chan struct{})
	m.following, m.leading = true, true
	if m.cfg.Class != nil {
		v := m.cfg.Class.View()
		m.following, m.noticeSeq = v.Following, v.Notice.Seq
	}
}

// seated reports whether demo id is a seat on the class's shared cluster
// here (a student's chat pane): its challenges need nodes of one's own to
// crash, so it offers none (chatpane.New), and its label counts none.
func (m *Model) seated(id string) bool {
	return id == chatpane.ID && m.cfg.SharedChat != nil && !m.cfg.SharedChat.Owner
}

// classMsg says the class changed: read it again.
type classMsg struct{}

// waitClass waits for the next change of the class, or for the app to
// close.
func (m *Model) waitClass() tea.Cmd {
	var ch <-chan struct{}
	switch {
	case m.cfg.Class != nil:
		ch = m.cfg.Class.Changes()
	case m.hubWatch != nil:
		ch = m.hubWatch
	default:
		return nil
	}
	done := m.classDone
	return func() tea.Msg {
		select {
		case <-ch:
			return classMsg{}
		case <-done:
			return nil
		}
	}
}

// classChanged applies the class's news and waits for the next.
func (m *Model) classChanged() tea.Cmd {
	m.dirtyAll() // a roster or a tally on screen shows the news
	if m.cfg.Class == nil {
		return m.waitClass()
	}
	v := m.cfg.Class.View()
	var cmds []tea.Cmd
	if v.Notice.Seq > m.noticeSeq {
		m.noticeSeq = v.Notice.Seq
		cmds = append(cmds, m.setStatus(false, "%s", m.com.T("📣 %s", chat.Clean(v.Notice.Text))))
	}
	m.following = v.Following
	if v.Leading && v.Following && v.Lead != m.followed {
		m.followed = v.Lead
		cmds = append(cmds, m.follow(v.Lead))
	}
	cmds = append(cmds, m.syncLive(v.Question), m.waitClass())
	return tea.Batch(cmds...)
}

// follow goes where the instructor is: the lesson, presenting or not, the
// slide.
func (m *Model) follow(at class.Position) tea.Cmd {
	var cmds []tea.Cmd
	if at.Lesson != m.reader.Lesson().ID {
		if _, ok := m.course.Find(m.lang(), at.Lesson); !ok {
			return nil
		}
		cmds = append(cmds, m.openLesson(at.Lesson))
	}
	if at.Presenting != (m.mode == Presenting) {
		cmds = append(cmds, m.togglePresenter())
	}
	if at.Presenting {
		cmds = append(cmds, m.reader.GoToSlide(at.Slide))
	}
	return tea.Batch(cmds...)
}

// position is where the app is in the course.
func (m *Model) position() class.Position {
	slide, _ := m.reader.Slide()
	return class.Position{Lesson: m.reader.Lesson().ID, Slide: slide, Presenting: m.mode == Presenting}
}

// reportClass tells the class where the app is now: the student's place
// and quiz score, or the instructor's lead. The hub ignores what did not
// change.
func (m *Model) reportClass(msg tea.Msg) {
	switch {
	case m.cfg.Class != nil:
		if _, key := msg.(tea.KeyPressMsg); key {
			m.cfg.Class.Touch()
		}
		l := m.reader.Lesson()
		right := 0
		for _, q := range l.Quiz {
			if m.state.Quiz[l.ID].Right[q.ID] {
				right++
			}
		}
		m.cfg.Class.Report(m.position(), right, len(l.Quiz))
	case m.cfg.Hub != nil && m.leading:
		m.cfg.Hub.Lead(m.position())
	}
}

// toggleFollow is F: a student steps out of following or back in; the
// instructor stops leading or leads again.
func (m *Model) toggleFollow() tea.Cmd {
	switch {
	case m.cfg.Class != nil:
		m.following = !m.following
		m.cfg.Class.Follow(m.following)
		if m.following {
			m.followed = class.Position{} // go where the instructor is now
			return m.setStatus(false, "%s", m.com.T("following the instructor again (F steps out)"))
		}
		return m.setStatus(false, "%s", m.com.T("you stepped out: the instructor's slides no longer move you (F follows again)"))
	case m.cfg.Hub != nil:
		m.leading = !m.leading
		if !m.leading {
			m.cfg.Hub.StopLeading()
			return m.setStatus(false, "%s", m.com.T("the class no longer follows you (F leads again)"))
		}
		m.cfg.Hub.Lead(m.position())
		return m.setStatus(false, "%s", m.com.T("the class follows you (F stops)"))
	}
	return nil
}

// liveOverlay is the live question on a student's screen.
type liveOverlay struct {
	q   *quiz.Model
	seq int
}

func (o liveOverlay) update(_ *Model, msg tea.Msg) tea.Cmd { return o.q.Update(msg) }

func (o liveOverlay) draw(m *Model, work Rect) (string, Rect) {
	work = quizRect(m, work)
	return common.Frame(m.com.Styles, o.q.Title(), o.q.View(work.W-2, work.H-2), work.W, work.H, true), work
}

func (o liveOverlay) keys(m *Model) []key.Binding {
	r := quizRect(m, m.layout.Work)
	o.q.SetBox(r.W-2, r.H-2) // the help bar is drawn before the box: whether the answer scrolls
	return o.q.Help()
}

func (o liveOverlay) passes(m *Model) []key.Binding {
	if o.q.Capturing() {
		return nil
	}
	return []key.Binding{m.keys.Help, m.keys.Lang, m.keys.Theme, m.keys.Quit}
}

func (liveOverlay) covers() bool { return true }

// syncLive shows the live question q (nil: none) and its state.
func (m *Model) syncLive(q *class.Question) tea.Cmd {
	var cur *liveOverlay
	for _, o := range m.overlays {
		if l, ok := o.(liveOverlay); ok {
			cur = &l
		}
	}
	switch {
	case q == nil:
		if cur != nil {
			return closeOverlays[liveOverlay](m)
		}
		return nil
	case cur == nil && q.Seq == m.liveHidden && (!q.Revealed || m.liveHiddenRevealed):
		// The student hid it: it comes back once, for the results.
		return nil
	case cur == nil || cur.seq != q.Seq:
		l, ok := m.course.Find(m.lang(), q.Lesson)
		if !ok {
			return nil
		}
		for _, qq := range l.Quiz {
			if qq.ID != q.ID {
				continue
			}
			closeOverlays[liveOverlay](m)
			seed := m.cfg.QuizSeed
			if seed == 0 {
				seed = rand.Uint64()
			}
			o := liveOverlay{q: quiz.NewLive(m.com, l, qq, rand.New(rand.NewPCG(seed, seed))), seq: q.Seq}
			if q.Mine != nil {
				o.q.Restore(q.Mine.Chosen, q.Mine.Right)
			}
			o.q.SetLive(q.Open, q.Revealed, quiz.LiveResults(q.Tally))
			if q.Seq == m.liveHidden {
				m.liveHiddenRevealed = q.Revealed
			}
			return m.push(o)
		}
		return nil
	}
	cur.q.SetLive(q.Open, q.Revealed, quiz.LiveResults(q.Tally))
	return nil
}

// hideLive closes the live question the student hid (esc): it stays
// hidden until its results are shown.
func (m *Model) hideLive() tea.Cmd {
	for _, o := range m.overlays {
		if l, ok := o.(liveOverlay); ok {
			m.liveHidden, m.liveHiddenRevealed = l.seq, l.q.Revealed()
		}
	}
	return closeOverlays[liveOverlay](m)
}

// liveAnswered sends the student's answer to the class.
func (m *Model) liveAnswered(msg quiz.LiveAnsweredMsg) tea.Cmd {
	for _, o := range m.overlays {
		if l, ok := o.(liveOverlay); ok && m.cfg.Class != nil {
			if err := m.cfg.Class.Answer(l.seq, class.Answer{Chosen: msg.Chosen, Right: msg.Right}); err != nil {
				return m.setStatus(true, "%v", err)
			}
		}
	}
	return nil
}

// NoticeMsg shows a line in the status line, a warning if Warn: Format is
// a registered message's English text, said in the app's language of the
// moment (the server's word to a served session, such as a refused port
// forward).
type NoticeMsg struct {
	Format string
	Args   []any
	Warn   bool
}
