package chat

import (
	"net"
	"strings"
)

// A node may listen on a wildcard address (0.0.0.0, ::, or no host at
// all): every interface. Nobody can dial that; these helpers are the one
// place that turns it into addresses people and programs can reach.

// wildcardPort is the port of addr when its host is a wildcard.
func wildcardPort(addr string) (port string, ok bool) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", false
	}
	if host == "" {
		return port, true
	}
	ip := net.ParseIP(host)
	return port, ip != nil && ip.IsUnspecified()
}

// LocalAddr is addr as a client on this machine dials it: a wildcard
// becomes the loopback address, anything else stays as it is.
func LocalAddr(addr string) string {
	if port, ok := wildcardPort(addr); ok {
		return net.JoinHostPort("127.0.0.1", port)
	}
	return addr
}

// JoinAddrs are the addresses people can reach addr at: addr itself, or
// for a wildcard this machine's own IPv4 addresses, loopback last. It asks
// the system for its interfaces: call it once, when the node starts, and
// keep the answer (a screen must not ask on every frame).
func JoinAddrs(addr string) []string {
	port, ok := wildcardPort(addr)
	if !ok {
		return []string{addr}
	}
	var out []string
	ifaces, _ := net.InterfaceAddrs()
	for _, a := range ifaces {
		if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil && !ipn.IP.IsLoopback() {
			out = append(out, net.JoinHostPort(ipn.IP.String(), port))
		}
	}
	return append(out, net.JoinHostPort("127.0.0.1", port))
}

// NetcatAddr is host:port as netcat wants it: "host port".
func NetcatAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return host + " " + port
}

// seenAs rewrites the wildcard addresses (0.0.0.0:PORT, [::]:PORT) in
// text to the host the connection c reached this node at: a member list
// must hold addresses the client can dial.
func seenAs(text string, c net.Conn) string {
	host, _, err := net.SplitHostPort(c.LocalAddr().String())
	if err != nil {
		return text
	}
	return replaceHosts(text, host, "0.0.0.0", "::")
}

// replaceHosts replaces each of hosts, where it stands as the host of an
// address (HOST:PORT, or [HOST]:PORT for IPv6), with host: "10.0.0.0:1"
// holds "0.0.0.0:" but not as a host.
func replaceHosts(text, host string, hosts ...string) string {
	for _, h := range hosts {
		from, to := net.JoinHostPort(h, ""), net.JoinHostPort(host, "")
		var b strings.Builder
		for {
			i := strings.Index(text, from)
			if i < 0 {
				break
			}
			b.WriteString(text[:i])
			if i > 0 && (text[i-1] == '.' || text[i-1] >= '0' && text[i-1] <= '9' || text[i-1] == ':') && from[0] != '[' {
				b.WriteString(from) // the tail of another address
			} else {
				b.WriteString(to)
			}
			text = text[i+len(from):]
		}
		b.WriteString(text)
		text = b.String()
	}
	return text
}

// forClient rewrites the addresses in text (a member list, /nodes) for the
// client on c: wildcards become the host c reached this node at, as seenAs
// does, and so do loopback hosts when c came from elsewhere. A peer's
// address is loopback when the peer runs on this machine and linked over
// loopback (the in-app cluster, or three nodes on one laptop with
// --chat-host 0.0.0.0): a student on another laptop reaches it at the host
// it reached this node at, never at 127.0.0.1, which is the student's own.
// (A peer on another machine that listens on its loopback only would be
// mapped here too; it is reachable by no one else anyway.)
func forClient(text string, c net.Conn) string {
	text = seenAs(text, c)
	host, _, err := net.SplitHostPort(c.LocalAddr().String())
	if ip := net.ParseIP(host); err != nil || ip == nil || ip.IsLoopback() {
		return text
	}
	return replaceHosts(text, host, "127.0.0.1", "::1")
}
