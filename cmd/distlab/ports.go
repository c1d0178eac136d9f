package main

import (
	"net"
	"strconv"

	"distlab/demos/locale"
)

// maxPort is the last TCP port. Ports are checked before anything
// listens or dials, so that one out of range is said in the reader's
// language rather than as the system's "listen tcp: address 99999:
// invalid port", and a cluster's whole range is checked before its first
// node starts.
const maxPort = 65535

// checkPort checks port, a PORT argument: a number from 1 to 65535, or 0
// for any free port when zeroOK (a server's).
func checkPort(g *globals, port string, zeroOK bool) error {
	n, err := strconv.Atoi(port)
	switch {
	case err != nil:
		return g.errorf("port %q is not a number", port)
	case n == 0 && zeroOK:
		return nil
	case n < 1 || n > maxPort:
		if zeroOK {
			return g.errorf("port %s: want 1 to %s, or 0 for any free port", port, strconv.Itoa(maxPort))
		}
		return g.errorf("port %s: want 1 to %s", port, strconv.Itoa(maxPort))
	}
	return nil
}

// checkBasePort checks the first port of nodes that take base, base+1…:
// the last one must be a port too. 0 is any free ports.
func checkBasePort(g *globals, flag string, base, nodes int) error {
	last := maxPort - max(nodes, 1) + 1
	if base != 0 && (base < 1 || base > last) {
		return g.errorf("%s %s: want a port from 1 to %s for %d nodes, or 0 for any free ports",
			flag, strconv.Itoa(base), strconv.Itoa(last), max(nodes, 1))
	}
	return nil
}

// checkAddr checks addr, an address to dial given as what (a flag,
// "--peer", or the word for an argument): HOST:PORT, the port from 1 to
// 65535.
func checkAddr(g *globals, what, addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return g.errorf("%s %q: want HOST:PORT", what, addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > maxPort {
		return g.errorf("%s %q: want a port from 1 to %s", what, addr, strconv.Itoa(maxPort))
	}
	return nil
}

// checkHost checks a --listen flag that names a host only: the port comes
// from elsewhere.
func checkHost(g *globals, flag, host string) error {
	if _, _, err := net.SplitHostPort(host); err == nil {
		return g.errorf("%s %q: want a host without a port: the node listens on the ports of its --peers entry", flag, host)
	}
	return nil
}

// The ports' words, English beside Brazilian Portuguese (see package
// locale).
func init() {
	locale.Add(
		locale.Str("port %s: want 1 to %s, or 0 for any free port", "porta %s: use de 1 a %s, ou 0 para qualquer porta livre"),
		locale.Str("port %s: want 1 to %s", "porta %s: use de 1 a %s"),
		locale.PluralArg(4, "%s %s: want a port from 1 to %s for %d nodes, or 0 for any free ports",
			"%s %s: want a port from 1 to %s for %d node, or 0 for any free ports",
			"%s %s: use uma porta de 1 a %s para %d nós, ou 0 para quaisquer portas livres",
			"%s %s: use uma porta de 1 a %s para %d nó, ou 0 para quaisquer portas livres"),
		locale.Str("%s %q: want HOST:PORT", "%s %q: use HOST:PORTA"),
		locale.Str("%s %q: want a port from 1 to %s", "%s %q: use uma porta de 1 a %s"),
		locale.Str("address", "endereço"),
		locale.Str("%s %q: want a host without a port: the node listens on the ports of its --peers entry",
			"%s %q: use um host sem porta: o nó escuta nas portas da sua entrada em --peers"),
	)
}
