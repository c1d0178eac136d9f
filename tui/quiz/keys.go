package quiz

import (
	"charm.land/bubbles/v2/key"

	"distlab/lessons"
)

// Keys are the quiz's keys, in the UI's language.
type Keys struct {
	Up, Down, Toggle, Undo, Answer, Next, Again, Close key.Binding
}

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// Keys are the quiz's keys, their help in the UI's language.
func (m *Model) Keys() Keys {
	return Keys{
		Up:     bind("↑", m.com.T("up"), "up", "k"),
		Down:   bind("↓", m.com.T("down"), "down", "j"),
		Toggle: bind(m.com.T("space/a-z"), m.com.T("choose"), "space"),
		Undo:   bind("bksp", m.com.T("undo"), "backspace"),
		Answer: bind("enter", m.com.T("answer"), "enter"),
		Next:   bind("enter", m.com.T("next"), "enter", "right"),
		Again:  bind("r", m.com.T("try again"), "r"),
		Close:  bind("esc", m.com.T("close quiz"), "esc"),
	}
}

// Help is the keys that act now, for the help bar.
func (m *Model) Help() []key.Binding {
	k := m.Keys()
	if m.live != nil { // a live question is hidden, not closed: its results come back
		k.Close.SetHelp("esc", m.com.T("hide"))
	}
	switch {
	case len(m.lesson.Quiz) == 0:
		return []key.Binding{k.Close}
	case m.live != nil && (m.answered || !m.live.open):
		k.Again.SetHelp("r", m.com.T("change the answer"))
		k.Close.SetHelp("esc", m.com.T("hide"))
		if m.live.open && !m.live.revealed {
			return []key.Binding{k.Again, k.Close}
		}
		k.Up.SetHelp("↑/↓", m.com.T("scroll"))
		k.Up.SetEnabled(m.scrolls()) // only when the answer is taller than its box
		return []key.Binding{k.Up, k.Close}
	case m.finished:
		k.Again.SetHelp("r", m.com.T("start over"))
		k.Next.SetHelp("enter", m.com.T("close quiz"))
		return []key.Binding{k.Again, k.Next, k.Close}
	case m.answered:
		k.Up.SetHelp("↑/↓", m.com.T("scroll"))
		k.Up.SetEnabled(m.scrolls())
		if m.i+1 >= len(m.lesson.Quiz) {
			k.Next.SetHelp("enter", m.com.T("score"))
		}
		return []key.Binding{k.Next, k.Again, k.Up, k.Close}
	}
	switch m.question().Kind {
	case lessons.KindNumber:
		return []key.Binding{k.Answer, k.Close}
	case lessons.KindOrder:
		k.Toggle.SetHelp(m.com.T("space/a-z"), m.com.T("pick next"))
		k.Up.SetHelp("↑/↓", m.com.T("move"))
		return []key.Binding{k.Up, k.Toggle, k.Undo, k.Answer, k.Close}
	}
	k.Up.SetHelp("↑/↓", m.com.T("move"))
	return []key.Binding{k.Up, k.Toggle, k.Answer, k.Close}
}
