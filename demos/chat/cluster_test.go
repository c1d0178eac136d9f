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
	// The node comes back and rejoins the mesh.
	if err := n1.Start(); err != nil {
		t.Fatal(err)
	}
	eventually(t, "n1 rejoined", func() bool { return strings.Contains(n2.membersLine(), "n1=") })
	bob.Send("after the restart")
	eventually(t, "carol hears bob", func() bool { return crec.count("after the restart") == 1 })
	_ = carol
}
