package chat

// maxSaid is how many lines you may type while Reset replaces your client;
// more than a person types in the few seconds a reset takes.
const maxSaid = 64

// Say sends text as "you". A line typed while Reset replaces your client
// is not lost: it waits, and your new client sends it once connected.
func (d *Demo) Say(text string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if c := d.views[0].current(); c != nil {
		c.Send(text) // never blocks
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
