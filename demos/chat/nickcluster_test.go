package chat

import (
	"fmt"
	"strings"
	"testing"
)

// holds reports whether node n has a local client whose nick has key.
func holds(n *Node, key string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	_, ok := n.nicks[key]
	return ok
}

// Two clients on two nodes claim look-alike nicks at the same moment, ten
// times: each time exactly one keeps it and the other is refused or, when
// both nodes had granted it, renamed and told so.
func TestSimultaneousNickClaims(t *testing.T) {
	t.Parallel()
	c := testCluster(t, 2)
	n1, n2 := c.Nodes[0], c.Nodes[1]
	a, b := dialRaw(t, n1.Addr()), dialRaw(t, n2.Addr())
	for i := range 10 {
		nick := fmt.Sprintf("racer%d", i)
		a.send("/nick " + nick + "\n")
		b.send("/nick " + strings.ToUpper(nick) + "\n")
		replies := map[*raw]string{a: a.expect("*** "), b: b.expect("*** ")} // each node answers at once
		key := NickKey(nick)
		eventually(t, "one holder of "+nick, func() bool { return holds(n1, key) != holds(n2, key) })
		loser := b
		if holds(n2, key) {
			loser = a
		}
		if r := replies[loser]; strings.Contains(r, "taken") {
			continue // its node had heard of the other claim already
		}
		loser.expect("also claimed") // renamed when the heartbeats crossed
	}
}

// A nick that looks like one taken on another node is refused, saying which.
func TestLookAlikeNickAcrossNodes(t *testing.T) {
	c := testCluster(t, 2)
	a, b := dialRaw(t, c.Nodes[0].Addr()), dialRaw(t, c.Nodes[1].Addr())
	a.send("/nick alice\n")
	a.expect("*** you are now alice")
	eventually(t, "n2 hears of alice", func() bool {
		c.Nodes[1].mu.Lock()
		defer c.Nodes[1].mu.Unlock()
		_, taken := c.Nodes[1].nickHolderLocked(NickKey("alice"), nil)
		return taken
	})
	for nick, want := range map[string]string{
		"ALICE":  `nick "ALICE" looks like "alice", which is taken`,
		"a1ice":  `nick "a1ice" looks like "alice", which is taken`,
		"ａｌｉｃｅ":  `nick "alice" is taken`,
		"аlice":  "a nick cannot mix alphabets",
		"ali＠n1": "a nick cannot contain , : = or @",
	} {
		b.send("/nick " + nick + "\n")
		l := b.expect("*** ")
		for strings.Contains(l, "also claimed") {
			// b's guest nick was given on n1 too at the same moment: the
			// heartbeats renamed it, and said so, whenever they crossed.
			l = b.expect("*** ")
		}
		if !strings.Contains(l, want) {
			t.Errorf("/nick %s: %q, want %q", nick, l, want)
		}
	}
}
