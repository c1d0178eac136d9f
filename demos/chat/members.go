package chat

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"distlab/demos/locale"
)

// freeGuestLocked is the first guestN nick nobody in the cluster uses.
func (n *Node) freeGuestLocked() string {
	for i := n.connNum; ; i++ {
		nick := fmt.Sprintf("guest%d", i)
		if !n.nickTakenLocked(nick, nil) {
			return nick
		}
	}
}

// nickTakenLocked reports whether nick, or one that looks like it, is in
// use in the cluster by anyone but self.
func (n *Node) nickTakenLocked(nick string, self *conn) bool {
	_, taken := n.nickHolderLocked(NickKey(nick), self)
	return taken
}

// rename gives c a new nick if the rules allow, and says what happened.
func (n *Node) rename(c *conn, raw string) string {
	p := c.printer()
	nick, key, why := checkNick(raw, p)
	if why != "" {
		return notice(p, "nick %q refused: %s", CleanNick(raw), why)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if holder, taken := n.nickHolderLocked(key, c); taken {
		if holder != nick {
			return notice(p, "nick %q looks like %q, which is taken in the cluster: pick another", nick, holder)
		}
		return notice(p, "nick %q is taken in the cluster: pick another", nick)
	}
	old := c.nick
	n.claimNickLocked(c, nick)
	if old != nick {
		n.presenceLocked(Renamed, nick, old)
	}
	return notice(p, "you are now %s", nick)
}

// hello turns c into a distlab client: the id its secret stands for
// numbers its messages across nodes, and it learns the cluster's members.
// A connection says hello once, and the node takes at most a few new ids
// a second (see newIDs), so no one connection can flood the dedupe table.
// It reports false if the connection should end (too many new ids: the
// client tries again after its backoff).
func (n *Node) hello(c *conn, secret, nick string) bool {
	p := c.printer()
	if _, ok := parseHex(secret, secretSize); !ok {
		c.say(notice(p, "bad client secret in %s: want %d lowercase hex digits", ctlHello, 2*secretSize))
		return true
	}
	if c.distlab.Load() {
		c.say(notice(p, "%s is said once per connection", ctlHello))
		return true
	}
	id := clientID(secret)
	if !n.seen.known(id) && !n.newIDs.Allow() {
		c.say(notice(p, "too many new clients a second: try again in a moment"))
		return false
	}
	n.mu.Lock()
	c.id = id
	n.mu.Unlock()
	c.setID(id)
	c.distlab.Store(true)
	if nick != "" {
		c.say(n.rename(c, nick))
	}
	c.say(forClient(n.membersLine(), c.nc))
	return true
}

// membersLine lists the nodes that are up, this one first, each with the
// clients it has (as its last heartbeat said): a distlab client that fails
// over goes to the least loaded, so a class spreads over the cluster.
func (n *Node) membersLine() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	parts := []string{n.cfg.ID + "=" + n.addr + "/" + strconv.Itoa(len(n.conns))}
	for _, id := range n.sortedRemoteLocked() {
		if r := n.remote[id]; time.Since(r.last) <= n.cfg.PeerTimeout {
			parts = append(parts, id+"="+r.addr+"/"+strconv.Itoa(r.clients))
		}
	}
	return ctlMembers + " " + strings.Join(parts, ",")
}

func (n *Node) sortedRemoteLocked() []string {
	ids := make([]string, 0, len(n.remote))
	for id := range n.remote {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// who lists the cluster's users.
func (n *Node) who(p *locale.Printer) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	var users []string
	for _, c := range n.nicks {
		users = append(users, c.nick+"@"+n.cfg.ID)
	}
	for _, id := range n.sortedRemoteLocked() {
		if r := n.remote[id]; time.Since(r.last) <= n.cfg.PeerTimeout {
			for _, o := range r.nicks {
				users = append(users, o.nick+"@"+id)
			}
		}
	}
	sort.Strings(users)
	return notice(p, "%d online: %s", len(users), strings.Join(users, ", "))
}

// nodesLines describes every node this one knows.
func (n *Node) nodesLines(p *locale.Printer) []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	lines := []string{notice(p, "%s %s up, clients: %d (this node)", n.cfg.ID, n.addr, len(n.conns))}
	for _, id := range n.sortedRemoteLocked() {
		r := n.remote[id]
		if time.Since(r.last) > n.cfg.PeerTimeout {
			lines = append(lines, notice(p, "%s %s down, clients: %d", id, r.addr, r.clients))
		} else {
			lines = append(lines, notice(p, "%s %s up, clients: %d", id, r.addr, r.clients))
		}
	}
	return append(lines, n.ackModeLocked(p))
}

// announceMembers sends the member list to every distlab client, so that
// each knows where to fail over to.
func (n *Node) announceMembers() {
	line := n.membersLine() // rewritten per client below, for wildcard addresses
	n.mu.Lock()
	defer n.mu.Unlock()
	for c := range n.conns {
		if c.distlab.Load() {
			c.say(forClient(line, c.nc))
		}
	}
}
