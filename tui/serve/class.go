package serve

import (
	"distlab/demos/chat"
	"distlab/demos/class"
	"distlab/tui"
)

// ClassApps is the Config.NewApp of a class: every session joins hub as
// its student (their place, quiz and answers on the instructor's roster;
// the instructor's lead and live questions on their screen) and, when the
// class shares a chat cluster (cls, nil for none), sits at it under the
// student's name instead of starting a cluster of its own. The session
// leaves the class when its app finishes.
func ClassApps(hub *class.Hub, cls *chat.Class) func(s *Session, cfg tui.Config) (App, error) {
	return func(s *Session, cfg tui.Config) (App, error) {
		member := hub.Join(s.ID, s.Name)
		cfg.Class = member
		if cls != nil {
			cfg.SharedChat = &chat.Share{Class: cls, Nick: s.Name}
		}
		return &classApp{Model: tui.NewSession(cfg), member: member}, nil
	}
}

// classApp is a session's app in a class: the root model, which leaves
// the class when it finishes.
type classApp struct {
	*tui.Model
	member *class.Member
}

// Finish saves the student's progress and releases the panes, then
// leaves the class: the roster shows the student gone.
func (a *classApp) Finish() error {
	err := a.Model.Finish()
	a.member.Leave()
	return err
}
