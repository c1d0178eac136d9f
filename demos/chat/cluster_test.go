package chat

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// testCluster starts n nodes with short timeouts, shut down with the test.
func testCluster(t *testing.T, n int) *Cluster {
	t.Helper()
	base := testConfig("")
	c, err := StartCluster(n, "127.0.0.1", 0, base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		c.Shutdown(ctx)
	})
	// Wait until every node hears every other.
	eventually(t, "the mesh", func() bool {
		for _, node := range c.Nodes {
			if strings.Count(node.membersLine(), "=") != n {
				return false
			}
		}
		return true
	})
	return c
}

// recorder collects what a distlab client shows.
type recorder struct {
	mu    sync.Mutex
	lines []string
}

func (r *recorder) add(l string) { r.mu.Lock(); r.lines = append(r.lines, l); r.mu.Unlock() }

// count is how many shown lines contain s.
func (r *recorder) count(s string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, l := range r.lines {
		if strings.Contains(l, s) {
			n++
		}
	}
	return n
}

func dialClient(t *testing.T, nick string, addrs ...string) (*Client, *recorder) {
	t.Helper()
	rec := &recorder{}
	c, err := Dial(ClientConfig{Addrs: addrs, Nick: nick, OnLine: rec.add})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c, rec
}

func TestClusterRelaysExactlyOnce(t *testing.T) {
	c := testCluster(t, 3)
	a := dialRaw(t, c.Nodes[0].Addr())
	b := dialRaw(t, c.Nodes[1].Addr())
	d := dialRaw(t, c.Nodes[2].Addr())
	a.send("/nick ana\n")
	a.expect("you are now ana")
	eventually(t, "ana's nick to reach n2", func() bool { return strings.Contains(c.Nodes[1].who(), "ana@n1") })
	b.send("/nick ANA\n")
	b.expect("taken in the cluster")
	a.send("over the mesh\n")
	b.expect("ana@n1: over the mesh")
	d.expect("ana@n1: over the mesh")
	// Nothing arrives twice, although three links carry it.
	d.send("/who\n")
	d.expect("online")
	for _, r := range []*raw{b, d} {
		r.nc.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		if l, err := r.br.ReadString('\n'); err == nil && strings.Contains(l, "over the mesh") {
			t.Fatalf("delivered twice: %q", l)
		}
	}
}

// A node crash loses no message a distlab client typed, and nobody sees one
// twice; its clients are back on a survivor within two seconds.
func TestFailover(t *testing.T) {
	c := testCluster(t, 3)
	n1, n2, n3 := c.Nodes[0], c.Nodes[1], c.Nodes[2]
	alice, arec := dialClient(t, "alice", n1.Addr())
	bob, brec := dialClient(t, "bob", n2.Addr())
	carol, crec := dialClient(t, "carol", n3.Addr())
	eventually(t, "members learned", func() bool { return strings.Contains(n1.who(), "carol@n3") })

	const total = 200
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // alice talks through the crash
		defer wg.Done()
		for i := range total {
			alice.Send(fmt.Sprintf("m%03d", i))
			time.Sleep(2 * time.Millisecond)
		}
	}()
	time.Sleep(100 * time.Millisecond)
	killed := time.Now()
	n1.Kill()
	eventually(t, "alice back on a survivor", func() bool { a := alice.Node(); return a != "" && a != n1.Addr() })
	if d := time.Since(killed); d > 2*time.Second {
		t.Fatalf("failover took %v", d)
	}
	wg.Wait()
	eventually(t, "every message acknowledged", func() bool { return alice.Pending() == 0 })
	for i := range total {
		m := fmt.Sprintf(": m%03d", i)
		eventually(t, "delivery of"+m, func() bool { return brec.count(m) == 1 && crec.count(m) == 1 })
	}
	time.Sleep(100 * time.Millisecond) // would any duplicate still come?
	for i := range total {
		m := fmt.Sprintf(": m%03d", i)
		if brec.count(m) != 1 || crec.count(m) != 1 {
			t.Fatalf("%s: bob saw %d, carol saw %d", m, brec.count(m), crec.count(m))
		}
	}
	if arec.count("connection to") == 0 || arec.count("reconnected to") == 0 {
		t.Fatal("alice was not told about the failover")
	}
	if brec.count("alice@n2:")+brec.count("alice@n3:") == 0 || arec.count("is taken") > 0 {
		t.Fatal("alice lost her nick in the failover")
	}
	// The node comes back and rejoins the mesh.
	if err := n1.Start(); err != nil {
		t.Fatal(err)
	}
	eventually(t, "n1 rejoined", func() bool { return strings.Contains(n2.membersLine(), "n1=") })
	bob.Send("after the restart")
	eventually(t, "carol hears bob", func() bool { return crec.count("after the restart") == 1 })
	_ = carol
}

// With slow links, a message acknowledged is one that left for a peer: a
// crash right after sending loses nothing, and relays keep each sender's
// order (a link delays, it does not reorder).
func TestSlowLinksCrashAndOrder(t *testing.T) {
	c := testCluster(t, 3)
	for _, n := range c.Nodes {
		n.SetLinkDelay(150*time.Millisecond, 150*time.Millisecond)
	}
	alice, _ := dialClient(t, "alice", c.Nodes[0].Addr(), c.Nodes[1].Addr())
	_, brec := dialClient(t, "bob", c.Nodes[1].Addr())
	eventually(t, "bob known", func() bool { return strings.Contains(c.Nodes[0].who(), "bob@n2") })
	for i := range 10 {
		alice.Send(fmt.Sprintf("k%02d", i))
	}
	time.Sleep(20 * time.Millisecond) // accepted, not yet relayed
	if alice.Pending() == 0 {
		t.Fatal("acknowledged before the relay left the node")
	}
	c.Nodes[0].Kill()
	eventually(t, "every message at bob once", func() bool {
		for i := range 10 {
			if brec.count(fmt.Sprintf(": k%02d", i)) != 1 {
				return false
			}
		}
		return alice.Pending() == 0
	})
	// Order: bob saw k00…k09 in sequence.
	brec.mu.Lock()
	var got []string
	for _, l := range brec.lines {
		if i := strings.Index(l, ": k"); i >= 0 {
			got = append(got, l[i+2:])
		}
	}
	brec.mu.Unlock()
	for i := 1; i < len(got); i++ {
		if got[i] < got[i-1] {
			t.Fatalf("one sender's messages reordered: %v", got)
		}
	}
}
