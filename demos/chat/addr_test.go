package chat

import (
	"net"
	"strconv"
	"strings"
	"testing"
)

type addrConn struct {
	net.Conn
	local net.Addr
}

func (c addrConn) LocalAddr() net.Addr { return c.local }

func connAt(host string) net.Conn {
	return addrConn{local: &net.TCPAddr{IP: net.ParseIP(host), Port: 25000}}
}

// A member list reaches each client with addresses it can dial: wildcards
// and this machine's loopback become the host the client came in at; a
// client on this machine keeps loopback.
func TestForClient(t *testing.T) {
	line := "/members n1=0.0.0.0:25000,n2=127.0.0.1:25001,n3=10.0.0.7:25002,n4=[::]:25003,n5=10.0.0.0:25004,n6=10.127.0.0.1:9"
	for host, want := range map[string]string{
		"192.168.1.5": "/members n1=192.168.1.5:25000,n2=192.168.1.5:25001,n3=10.0.0.7:25002,n4=192.168.1.5:25003,n5=10.0.0.0:25004,n6=10.127.0.0.1:9",
		"127.0.0.1":   "/members n1=127.0.0.1:25000,n2=127.0.0.1:25001,n3=10.0.0.7:25002,n4=127.0.0.1:25003,n5=10.0.0.0:25004,n6=10.127.0.0.1:9",
	} {
		if got := forClient(line, connAt(host)); got != want {
			t.Errorf("client at %s:\n got %s\nwant %s", host, got, want)
		}
	}
}

// The in-app cluster on every interface, joined from this machine's own
// network address as a student's laptop would: the member list and /nodes
// name no loopback and no wildcard address, and every member is dialable
// there.
func TestWildcardClusterAdvertisesReachableAddresses(t *testing.T) {
	var ip string
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil && !ipn.IP.IsLoopback() {
			ip = ipn.IP.String()
			break
		}
	}
	if ip == "" {
		t.Skip("no non-loopback IPv4 address on this machine")
	}
	c := testClusterOn(t, "0.0.0.0", 3)
	_, port, _ := net.SplitHostPort(c.Nodes[0].Addr())
	r := dialRaw(t, net.JoinHostPort(ip, port))
	r.send("/hello 0123456789abcdef0123456789abcdef ana\n")
	members := r.expect("/members ")
	r.send("/nodes\n")
	nodes := []string{r.expect("*** "), r.expect("*** "), r.expect("*** ")}
	for _, s := range append(nodes, members) {
		if strings.Contains(s, "127.0.0.1") || strings.Contains(s, "0.0.0.0") {
			t.Errorf("a student elsewhere would read %q", s)
		}
	}
	for _, m := range strings.Split(strings.TrimPrefix(members, "/members "), ",") {
		_, addr, _ := strings.Cut(m, "=")
		addr, load, ok := strings.Cut(addr, "/") // and how many clients it has
		if _, err := strconv.Atoi(load); !ok || err != nil {
			t.Errorf("member %s has no client count", m)
		}
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Errorf("member %s is not dialable: %v", m, err)
			continue
		}
		nc.Close()
	}
}
