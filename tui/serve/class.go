package serve

import (
	"slices"

	gossh "golang.org/x/crypto/ssh"

	"distlab/demos/chat"
	"distlab/demos/class"
	"distlab/demos/locale"
	"distlab/tui"
)

// ClassApps is the Config.NewApp of a class: every session joins hub as
// its student (their place, quiz and answers on the instructor's roster;
// the instructor's lead and live questions on their screen) and, when the
// class shares a chat cluster (cls, nil for none), sits at it under the
// student's name instead of starting a cluster of its own. The session
// leaves the class when its app finishes.
func ClassApps(hub *class.Hub, cls *chat.Class) func(s *Session, cfg tui.Config) (App, error) {
	return InstructorApps(hub, cls, nil, "")
}

// InstructorApps is ClassApps where a session signed in with one of the
// instructor's keys (fingerprints, "SHA256:…", as OpenSSH prints them) gets
// the instructor's app instead: it leads the class (the hub), owns the
// class's chat cluster, and shows joinSSH on its join banner.
func InstructorApps(hub *class.Hub, cls *chat.Class, instructor []string, joinSSH string) func(s *Session, cfg tui.Config) (App, error) {
	return func(s *Session, cfg tui.Config) (App, error) {
		if s.Fingerprint != "" && slices.Contains(instructor, s.Fingerprint) {
			cfg.Hub, cfg.JoinSSH = hub, joinSSH
			if cls != nil {
				cfg.SharedChat = &chat.Share{Class: cls, Owner: true}
			}
			return tui.NewSession(cfg), nil
		}
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

// InstructorKeys reads the fingerprints of the public keys in an
// authorized_keys-style file (one key a line; blank lines and # comments
// skipped).
func InstructorKeys(data []byte) ([]string, error) {
	var out []string
	for len(data) > 0 {
		key, _, _, rest, err := gossh.ParseAuthorizedKey(data)
		if err != nil {
			if len(out) == 0 {
				return nil, locale.Errorf("instructor key: %w", err)
			}
			break // the rest is no key: comments, blank lines
		}
		out = append(out, fingerprint(key))
		data = rest
	}
	if len(out) == 0 {
		return nil, locale.Errorf("instructor key: no public key in the file")
	}
	return out, nil
}

// SetNewApp replaces Config.NewApp; call it before Serve (the address to
// join with, which an instructor's app shows, is known only once New has
// bound it).
func (s *Server) SetNewApp(f func(s *Session, cfg tui.Config) (App, error)) { s.cfg.NewApp = f }
