package chat

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"distlab/demos/locale"
)

// Class is the one chat cluster a served class shares: the server starts
// it once, on the host and ports the class was told (--chat-host,
// --chat-port), so that `nc HOST PORT` and `distlab chat client` from the
// students' own machines join the very cluster their panes show. The
// instructor's app drives it as its own demo (Demo: every control); each
// student's pane is a Seat on it, a client of its own under the student's
// name. Close, by the server, ends it all.
type Class struct {
	demo *Demo

	mu      sync.Mutex // guards seats, closed
	seats   map[*Seat]struct{}
	closed  bool
	joining sync.WaitGroup // Join calls dialing; Close waits for them
}

// Share is one app's access to a class's cluster, what the app's Config
// carries: the cluster, and whether this app owns it (the instructor's,
// which controls the nodes) or sits in it as a student under Nick, their
// display name.
type Share struct {
	Class *Class
	Owner bool
	Nick  string
}

// ErrNotOwner is what a seat's controls return: a student's pane shows
// the class's nodes, it does not crash them.
var ErrNotOwner = locale.Errorf("chat: only the instructor controls the class's nodes")

// StartClass starts the class's cluster: the demo of StartDemo, nodes,
// bots and the instructor's watching clients, on cfg.Host and cfg.Port.
func StartClass(cfg DemoConfig) (*Class, error) {
	d, err := StartDemo(cfg)
	if err != nil {
		return nil, err
	}
	return &Class{demo: d, seats: map[*Seat]struct{}{}}, nil
}

// Demo is the class's cluster as its owner drives it: crash, restart and
// freeze nodes, bots, links, reset. The class closes it, not the pane.
func (c *Class) Demo() *Demo { return c.demo }

// Seats is how many seats are open.
func (c *Class) Seats() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.seats)
}

// Join opens a seat for a student called name (their display name; the
// nick is cleaned as nicks are, and numbered when another seat, a bot or
// a watching client of the class has it already), with notices in lang.
// Its client is on the node with the fewest clients, and fails over to
// the others. It returns once the client is connected.
func (c *Class) Join(name string, lang locale.Lang) (*Seat, error) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, ErrClosed
	}
	s := &Seat{class: c, view: &View{name: c.freeNickLocked(name, lang)}}
	c.seats[s] = struct{}{} // its nick is reserved while it dials
	c.joining.Add(1)
	c.mu.Unlock()
	defer c.joining.Done()
	d := c.demo
	cl, err := Dial(ClientConfig{Addrs: d.byLoad(), Nick: s.view.Name(), OnLine: s.view.add, Lang: lang, Dial: d.cfg.Dial})
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case err != nil:
		delete(c.seats, s)
		return nil, locale.Errorf("join %s: %w", s.view.Name(), err)
	case c.closed:
		delete(c.seats, s)
		cl.Close()
		return nil, ErrClosed
	}
	s.view.setClient(cl)
	return s, nil
}

// byLoad are the nodes' addresses as a client on this machine dials them,
// the node with the fewest clients first among those up and not frozen,
// the others after them.
func (d *Demo) byLoad() []string {
	type node struct {
		addr    string
		clients int
		ok      bool
	}
	var ns []node
	for _, n := range d.cluster.Nodes {
		st := n.Stats()
		ns = append(ns, node{LocalAddr(n.Addr()), st.Clients, st.Up && !st.Frozen})
	}
	var out []string
	for len(ns) > 0 {
		best := 0
		for i, n := range ns {
			if n.ok && !ns[best].ok || n.ok == ns[best].ok && n.clients < ns[best].clients {
				best = i
			}
		}
		out = append(out, ns[best].addr)
		ns = append(ns[:best], ns[best+1:]...)
	}
	return out
}

// freeNickLocked is name as a nick no seat, bot or watching client of the
// class has: Ana, then Ana2, Ana3… ("student" in lang for a name with
// nothing a nick can hold). c.mu held.
func (c *Class) freeNickLocked(name string, lang locale.Lang) string {
	base := nickOf(name)
	if base == "" {
		base = locale.For(lang).T("student")
	}
	taken := map[string]bool{}
	for _, v := range c.demo.views {
		taken[NickKey(v.Name())] = true
	}
	for i := range MaxBots {
		taken[NickKey(botNick(i))] = true
	}
	for s := range c.seats {
		taken[NickKey(s.view.Name())] = true
	}
	nick := base
	for n := 2; taken[NickKey(nick)]; n++ {
		suffix := strconv.Itoa(n)
		nick = cutRunes(base, MaxNick-len(suffix)) + suffix
	}
	return nick
}

// nickOf is a display name as a nick: cleaned, spaces as _, without the
// characters a nick cannot hold, at most MaxNick runes; "" if nothing
// is left.
func nickOf(name string) string {
	nick := strings.Map(func(r rune) rune {
		if strings.ContainsRune(",:=@", r) {
			return -1
		}
		return r
	}, CleanNick(name))
	nick = strings.TrimLeft(nick, "/*_")
	return cutRunes(nick, MaxNick)
}

// cutRunes is s cut to at most n runes.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// Close closes every seat, then the cluster, and returns when nothing of
// it runs: every goroutine ended, every socket closed. A second Close
// waits for the first.
func (c *Class) Close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.joining.Wait() // a seat being dialed sees closed and leaves
	c.mu.Lock()
	seats := c.seats
	c.seats = map[*Seat]struct{}{}
	c.mu.Unlock()
	for s := range seats {
		s.Close()
	}
	c.demo.Close()
}
