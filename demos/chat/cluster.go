package chat

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"strconv"

	"distlab/demos/locale"
)

// Cluster is a set of nodes in one process, each peered with all the
// others: what `distlab chat cluster` and the TUI demo run.
type Cluster struct {
	Nodes []*Node
}

// StartCluster starts n nodes named n1…nN on host, at basePort, basePort+1…
// (basePort 0: ephemeral ports), each with every other as a peer. base
// supplies the remaining settings (limits, timeouts).
func StartCluster(n int, host string, basePort int, base Config) (*Cluster, error) {
	if n < 1 {
		return nil, locale.Errorf("chat: a cluster needs at least one node")
	}
	c := &Cluster{}
	if base.Key == "" { // nodes of one process share a fresh secret
		base.Key = NewKey()
	}
	for i := range n {
		cfg := base
		cfg.ID = fmt.Sprintf("n%d", i+1)
		port := 0
		if basePort > 0 {
			port = basePort + i
		}
		cfg.Addr = net.JoinHostPort(host, strconv.Itoa(port))
		cfg.Peers = nil
		node := NewNode(cfg)
		if err := node.Start(); err != nil {
			c.Shutdown(context.Background())
			return nil, err
		}
		c.Nodes = append(c.Nodes, node)
	}
	// Ports are known now: peer everyone with everyone, in both directions
	// (each side dials; the duplicate links cost nothing but a few relays).
	for _, a := range c.Nodes {
		for _, b := range c.Nodes {
			if a != b {
				a.AddPeer(b.Addr())
				a.startDial(b.Addr())
			}
		}
	}
	return c, nil
}

// NewKey returns a fresh random cluster key (Config.Key): 128 bits in
// 32 hex digits.
func NewKey() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Addrs are the nodes' addresses.
func (c *Cluster) Addrs() []string {
	out := make([]string, len(c.Nodes))
	for i, n := range c.Nodes {
		out[i] = n.Addr()
	}
	return out
}

// Shutdown stops every node gracefully.
func (c *Cluster) Shutdown(ctx context.Context) error {
	var errs []error
	for _, n := range c.Nodes {
		errs = append(errs, n.Shutdown(ctx))
	}
	return errors.Join(errs...)
}
