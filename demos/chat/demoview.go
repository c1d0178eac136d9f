package chat

import (
	"regexp"
	"strings"
	"sync"

	"distlab/demos/locale"
)

// View is one watching client's screen: the last lines it showed, and the
// last notices about its connection (lost, taken for dead, reconnected),
// which the lessons ask students to watch and which the bots' chatter
// would otherwise scroll away within a second.
type View struct {
	mu      sync.Mutex
	name    string   // guarded by mu: the nick it asks for, and the column's name
	client  *Client  // guarded by mu; replaced by Reset
	lines   []string // guarded by mu: the last viewLines lines, oldest first
	total   int      // guarded by mu: lines ever shown
	notices []Notice // guarded by mu: the last keptNotices connection notices, oldest first
}

// Notice is a line about a client's connection to the cluster.
type Notice struct {
	Text string
	// Line is the line's number among all the view showed (from 1), as
	// counted by the total Lines returns: the pane finds it among the
	// lines with it.
	Line int
	// Trouble is true for a connection lost or a node leaving; false for
	// a reconnection.
	Trouble bool
}

const (
	viewLines   = 200
	keptNotices = 2 // a failover is two: lost, then reconnected
)

func (v *View) add(l string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.total++
	v.lines = append(v.lines, l)
	if len(v.lines) > viewLines {
		v.lines = v.lines[len(v.lines)-viewLines:]
	}
	if trouble, ok := connectionNotice(l); ok {
		v.notices = append(v.notices, Notice{Text: l, Line: v.total, Trouble: trouble})
		if len(v.notices) > keptNotices {
			v.notices = v.notices[1:]
		}
	}
}

// Name is the nick the view's client asks for, and the column's name.
func (v *View) Name() string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.name
}

func (v *View) setName(name string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.name = name
}

// clear empties the screen, as a new client's is.
func (v *View) clear() {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.lines, v.notices = nil, nil
}

// Lines returns the view's last n lines and how many it ever showed.
func (v *View) Lines(n int) ([]string, int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	from := max(len(v.lines)-n, 0)
	return append([]string(nil), v.lines[from:]...), v.total
}

// Notices are the view's last connection notices, oldest first, however
// many lines came after them.
func (v *View) Notices() []Notice {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]Notice(nil), v.notices...)
}

// Node is the address the view's client is on now ("" while failing over,
// or while Reset replaces it).
func (v *View) Node() string {
	if c := v.current(); c != nil {
		return c.Node()
	}
	return ""
}

func (v *View) current() *Client {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.client
}

// setClient puts c in the view, and returns the client it replaces.
func (v *View) setClient(c *Client) *Client {
	v.mu.Lock()
	defer v.mu.Unlock()
	old := v.client
	v.client = c
	return old
}

// connectionNotices are the notices a view keeps: a client's own reports
// of its failovers, and what a node says about a connection it ends or
// messages a client missed. Each is matched in every language, whatever
// the client or its node speaks now.
var connectionNotices = []struct {
	format  string
	trouble bool
}{
	{"connection to %s lost: looking for another node", true},
	{"no word from %s for %s: taking it for dead, looking for another node", true},
	{"node %s is shutting down: goodbye", true},
	{"%d messages sent while you were away are older than what %s keeps: you will not see them", true},
	{"reconnected to %s; %d unacknowledged messages sent again", false},
}

// noticeForm is one written form of a connection notice: the text between
// its verbs, which a line must have in order.
type noticeForm struct {
	pieces  []string
	trouble bool
}

var verb = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z]`)

// noticeForms are every form of connectionNotices in every language, both
// plural forms of a plural.
var noticeForms = sync.OnceValue(func() []noticeForm {
	var out []noticeForm
	for _, n := range connectionNotices {
		m, ok := locale.Lookup(n.format)
		if !ok {
			m = locale.Str(n.format, n.format)
		}
		for _, f := range []string{m.Key, m.KeyOne, m.PT, m.PTOne} {
			if f != "" {
				out = append(out, noticeForm{pieces: verb.Split(f, -1), trouble: n.trouble})
			}
		}
	}
	return out
})

// connectionNotice reports whether line is a connection notice, and
// whether it tells of trouble.
func connectionNotice(line string) (trouble, ok bool) {
	text, ok := strings.CutPrefix(line, "*** ")
	if !ok {
		return false, false
	}
	for _, f := range noticeForms() {
		if f.matches(text) {
			return f.trouble, true
		}
	}
	return false, false
}

// matches reports whether text is written in form f: its first piece
// starts it, its last ends it, and the others come between, in order.
func (f noticeForm) matches(text string) bool {
	first, last := f.pieces[0], f.pieces[len(f.pieces)-1]
	if !strings.HasPrefix(text, first) {
		return false
	}
	rest := text[len(first):]
	if len(f.pieces) == 1 {
		return rest == ""
	}
	for _, p := range f.pieces[1 : len(f.pieces)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return strings.HasSuffix(rest, last)
}
