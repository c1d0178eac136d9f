package chat

import (
	"maps"
	"net"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// How the Demo sees its challenges met (challenges.go lists them): from
// the lines you typed and their acknowledgements, the nodes it crashed and
// froze, and what each watching client was shown, message id by message
// id, as its client reported it (ClientConfig.shown and silent).

const (
	// crashWindow is how recent a line of yours must be for the crash of
	// your node to have happened around it.
	crashWindow = 10 * time.Second
	keepYours   = 64  // your last lines remembered
	keepShown   = 128 // per watching client: the last messages shown, for TwoOrders
)

// checks is what the demo keeps for its challenges; the zero value is
// ready.
type checks struct {
	log challenge.Log

	mu      sync.Mutex  // guards the fields below
	you     string      // your client's public id, as others are shown it
	yours   []yourLine  // your last keepYours lines, oldest first
	crash   *crashWatch // the last crash of your node that may meet LoseNothing
	views   []shownLog  // per watching client, you first
	ordered bool        // TwoOrders is met: no need to look any more
}

// yourLine is a line you typed, by its seq.
type yourLine struct {
	seq uint64
	at  time.Time
}

// crashWatch is a crash of the node you were on, while the bots talked,
// before it acknowledged a line you had just typed: LoseNothing is met
// once every line of yours around it is acknowledged and shown once to
// every other watching client.
type crashWatch struct {
	node, addr string
	client     *Client // yours then: a reset replaces it, and the watch ends
	at         time.Time
	unacked    int // your lines the node went without acknowledging: 1 or more
}

type msgKey struct {
	pub string
	seq uint64
}

type shownMsg struct {
	key  msgKey
	text string
}

// shownLog is what one watching client was shown.
type shownLog struct {
	ring  []shownMsg     // the last keepShown messages, oldest first
	first int            // the index of ring[0] among all shown
	at    map[msgKey]int // the index of each message of ring
	mine  []int          // the indexes of your lines in ring, in order
	yours map[uint64]int // your lines, by seq: times shown
}

// Done is what the demo has seen met so far, in the order met; it also
// checks whether a crash of your node now meets LoseNothing. Cheap: the
// pane calls it on every frame.
func (d *Demo) Done() []challenge.Result {
	d.checkCrash()
	return d.ch.log.Done()
}

// reset forgets what the clients Reset replaced were shown.
func (c *checks) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.you, c.yours, c.crash, c.views = "", nil, nil, nil
}

// setYou records your client's public id.
func (c *checks) setYou(pub string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.you = pub
}

// typed records a line you typed, numbered seq.
func (c *checks) typed(seq uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.yours = append(c.yours, yourLine{seq: seq, at: time.Now()})
	if len(c.yours) > keepYours {
		c.yours = c.yours[1:]
	}
}

// yoursSince are the seqs of your lines typed at t or later; c.mu held.
func (c *checks) yoursSinceLocked(t time.Time) []uint64 {
	var out []uint64
	for _, l := range c.yours {
		if !l.at.Before(t) {
			out = append(out, l.seq)
		}
	}
	return out
}

// shown records that watching client i was shown message (pub, seq),
// and looks for a pair, one of them yours, that it was shown in another
// order than another client was: TwoOrders.
func (d *Demo) shown(i int, pub string, seq uint64, line string) {
	c := &d.ch
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.views) <= i {
		c.views = append(c.views, shownLog{})
	}
	v := &c.views[i]
	if pub == c.you && c.you != "" {
		if v.yours == nil {
			v.yours = map[uint64]int{}
		}
		v.yours[seq]++
		if len(v.yours) > 4*keepYours { // a long chat: the oldest lines are long acknowledged
			delete(v.yours, slices.Min(slices.Collect(maps.Keys(v.yours))))
		}
	}
	if c.ordered || c.you == "" {
		return
	}
	k := msgKey{pub, seq}
	if v.at == nil {
		v.at = map[msgKey]int{}
	}
	idx := v.first + len(v.ring)
	v.ring = append(v.ring, shownMsg{key: k, text: line})
	v.at[k] = idx
	if pub == c.you {
		v.mine = append(v.mine, idx)
	}
	if len(v.ring) > keepShown {
		if old := v.ring[0]; v.at[old.key] == v.first {
			delete(v.at, old.key)
		}
		v.ring, v.first = v.ring[1:], v.first+1
		if len(v.mine) > 0 && v.mine[0] < v.first {
			v.mine = v.mine[1:]
		}
	}
	// Another client o was shown k earlier, and after it a message that
	// this one was shown before k: the two saw the pair in opposite
	// orders. One of the pair is yours: after k, anything if k is yours,
	// else your lines only (few: a quick look).
	for x := range c.views {
		o := &c.views[x]
		ix, ok := o.at[k]
		if x == i || !ok {
			continue
		}
		var later []shownMsg
		if pub == c.you {
			later = o.ring[ix-o.first+1:]
		} else {
			for _, j := range o.mine {
				if j > ix {
					later = append(later, o.ring[j-o.first])
				}
			}
		}
		for _, a := range later {
			if iy, ok := v.at[a.key]; ok && iy < idx {
				c.ordered = true
				first, second := d.viewName(x), d.viewName(i)
				before, after := quote(line), quote(a.text)
				c.log.Mark(TwoOrders, func(p *locale.Printer) string {
					return p.T("%s saw “%s” before “%s”; %s saw them the other way round.", first(p), before, after, second(p))
				})
				return
			}
		}
	}
}

// viewName is watching client i's name in p's language: "you" follows
// it, the others are their nicks.
func (d *Demo) viewName(i int) func(p *locale.Printer) string {
	if i == 0 {
		return func(p *locale.Printer) string { return p.T("you") }
	}
	name := d.views[i].Name()
	return func(*locale.Printer) string { return name }
}

// quote is the text of a line as a client shows it, without its time
// and sender, cut to a few words: what a challenge's sentence quotes.
func quote(line string) string {
	if len(line) > 9 && line[2] == ':' && line[5] == ':' {
		line = line[9:]
	}
	if _, text, ok := strings.Cut(line, ": "); ok {
		line = text
	}
	if utf8.RuneCountInString(line) > 32 {
		r := []rune(line)
		line = string(r[:31]) + "…"
	}
	return line
}

// silent is told by watching client i that it took the node at addr for
// dead after hearing nothing from it for after: DeclaredDead, if that
// node is frozen rather than down.
func (d *Demo) silent(i int, addr string, after time.Duration) {
	for _, n := range d.cluster.Nodes {
		if samePort(n.Addr(), addr) && n.Frozen() {
			who, node := d.viewName(i), n.ID()
			d.ch.log.Mark(DeclaredDead, func(p *locale.Printer) string {
				return p.T("%s heard nothing from %s for %s and took it for dead, yet it was only frozen.", who(p), node, p.Duration(after))
			})
		}
	}
}

// samePort reports whether two addresses of the demo's nodes are the
// same node: they all listen on one host, where a port is a node.
func samePort(a, b string) bool {
	_, pa, errA := net.SplitHostPort(a)
	_, pb, errB := net.SplitHostPort(b)
	return errA == nil && errB == nil && pa == pb
}
