package chat

import (
	"strings"
	"time"
)

// maxSaid is how many lines you may type while Reset replaces your client;
// more than a person types in the few seconds a reset takes.
const maxSaid = 64

// Say sends text as "you", and shows it in your view as the others will
// see it: a node does not echo a client's own lines, and a student who
// types wants to see what was sent. A line typed while Reset replaces your
// client is not lost: it waits, and your new client sends it once
// connected.
func (d *Demo) Say(text string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if c := d.views[0].current(); c != nil {
		before := c.lastSeq()
		c.Send(text) // never blocks
		// A chat line is numbered, a command not: the challenges follow
		// your lines by their numbers.
		if seq := c.lastSeq(); seq > before {
			d.ch.typed(seq)
		}
		d.echo(c.Node(), text)
		return
	}
	if !d.closed && len(d.said) < maxSaid {
		d.said = append(d.said, text)
	}
}

// sendSaid sends what you typed during a reset, in order, through your
// new client. Under d.mu, so that a line typed meanwhile waits its turn.
func (d *Demo) sendSaid() {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := d.views[0].current()
	if c == nil {
		return
	}
	for _, text := range d.said {
		c.Send(text)
	}
	d.said = nil
}

// echo adds text, just sent through the node at addr, to your view as a
// chat line; commands (/nick, /who …) are answered by the node instead.
func (d *Demo) echo(addr, text string) { d.echoTo(d.views[0], addr, text) }

// echoTo adds text, just sent by v's client through the node at addr, to
// v as a chat line (a seat's view too: see Seat.Say).
func (d *Demo) echoTo(you *View, addr, text string) {
	text = Clean(text)
	if text == "" || strings.HasPrefix(text, "/") {
		return
	}
	origin := "?"
	for _, n := range d.cluster.Nodes {
		if LocalAddr(n.Addr()) == LocalAddr(addr) { // a node on 0.0.0.0 is dialed on 127.0.0.1
			origin = n.ID()
		}
	}
	you.add(Message{At: time.Now(), Kind: KindSay, Nick: you.Name(), Origin: origin, Text: text}.Line())
}
