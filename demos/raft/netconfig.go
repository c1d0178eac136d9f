package raft

import (
	"net"
	"strconv"
	"strings"
	"time"

	"distlab/demos/locale"
)

// TCPClientPortOffset is how far above a node's raft port its client port
// is when a peer list does not say (ParseTCPPeers): 7001 → 7101.
const TCPClientPortOffset = 100

// ParseTCPPeers reads a cluster's peer list, as distlab raft node takes
// it: entries ID=RAFTADDR or ID=RAFTADDR/CLIENTADDR separated by commas,
// for example "1=10.0.0.5:7001,2=10.0.0.6:7001,3=10.0.0.7:7001". A
// missing client address is the raft address's host with the port
// TCPClientPortOffset higher.
func ParseTCPPeers(s string) (map[uint64]TCPPeer, error) {
	peers := map[uint64]TCPPeer{}
	for _, entry := range strings.Split(s, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		idText, addrs, ok := strings.Cut(entry, "=")
		id, err := strconv.ParseUint(idText, 10, 64)
		if !ok || err != nil {
			return nil, locale.Errorf("peer %q: want ID=HOST:PORT or ID=HOST:PORT/HOST:PORT", entry)
		}
		raftAddr, clientAddr, _ := strings.Cut(addrs, "/")
		if err := netCheckAddr(raftAddr); err != nil {
			return nil, locale.Errorf("peer %q: %w", entry, err)
		}
		if clientAddr == "" {
			host, port, _ := net.SplitHostPort(raftAddr)
			p, _ := strconv.Atoi(port)
			if p+TCPClientPortOffset > 65535 {
				return nil, locale.Errorf("peer %q: port %d has no client port %d above it: give the client address after a /", entry, p, TCPClientPortOffset)
			}
			clientAddr = net.JoinHostPort(host, strconv.Itoa(p+TCPClientPortOffset))
		} else if err := netCheckAddr(clientAddr); err != nil {
			return nil, locale.Errorf("peer %q: %w", entry, err)
		}
		if _, dup := peers[id]; dup {
			return nil, locale.Errorf("node %d is named twice in the peers", id)
		}
		peers[id] = TCPPeer{Raft: raftAddr, Client: clientAddr}
	}
	return peers, nil
}

// netCheckAddr accepts host:port with a port from 1 to 65535.
func netCheckAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return locale.Errorf("%q is not HOST:PORT", addr)
	}
	if p, err := strconv.Atoi(port); err != nil || p < 1 || p > 65535 {
		return locale.Errorf("%q: want a port from 1 to 65535", addr)
	}
	return nil
}

// check says what is wrong with a configuration a person wrote.
func (c *TCPConfig) check() error {
	if c.ID < 1 || c.ID > MaxTCPNodes {
		return locale.Errorf("node id %d: want 1 to %d", c.ID, MaxTCPNodes)
	}
	if len(c.Peers) < 1 || len(c.Peers) > MaxTCPNodes {
		return locale.Errorf("%d peers: a cluster has 1 to %d nodes", len(c.Peers), MaxTCPNodes)
	}
	for id := range c.Peers {
		if id < 1 || id > MaxTCPNodes {
			return locale.Errorf("node id %d: want 1 to %d", id, MaxTCPNodes)
		}
	}
	if _, ok := c.Peers[c.ID]; !ok {
		return locale.Errorf("node %d is not among the peers: list every node, this one too", c.ID)
	}
	if c.Data == "" {
		return locale.Errorf("node %d has no data folder", c.ID)
	}
	return nil
}

// defaults fills what is unset.
func (c *TCPConfig) defaults() {
	if c.Tick <= 0 {
		c.Tick = 100 * time.Millisecond
	}
	if c.ElectionTicks <= 0 {
		c.ElectionTicks = 10
	}
	if c.HeartbeatTicks <= 0 {
		c.HeartbeatTicks = 1
	}
	if c.ElectionTicks <= c.HeartbeatTicks {
		c.ElectionTicks = 10 * c.HeartbeatTicks
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 3 * time.Second
	}
	if c.MaxClients <= 0 {
		c.MaxClients = 64
	}
	if c.Rate <= 0 {
		c.Rate = 20
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = 5 * time.Minute
	}
}
