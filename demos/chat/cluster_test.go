package chat

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"distlab/demos/locale"
)

// testCluster starts n nodes with short timeouts, shut down with the test.
func testCluster(t *testing.T, n int) *Cluster {
	t.Helper()
	return testClusterOn(t, "127.0.0.1", n)
}

// testClusterOn is testCluster with its nodes listening on host.
func testClusterOn(t *testing.T, host string, n int) *Cluster {
	t.Helper()
	base := testConfig("")
	c, err := StartCluster(n, host, 0, base)
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

func (r *recorder) snapshot() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.lines...)
}

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
	t.Parallel()
	c := testCluster(t, 3)
	a := dialRaw(t, c.Nodes[0].Addr())
	b := dialRaw(t, c.Nodes[1].Addr())
	d := dialRaw(t, c.Nodes[2].Addr())
	a.send("/nick ana\n")
	a.expect("you are now ana")
	eventually(t, "ana's nick to reach n2", func() bool { return strings.Contains(c.Nodes[1].who(locale.For(locale.English)), "ana@n1") })
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

// memClient is a distlab client on m, closed with the test.
func memClient(t *testing.T, m *memNet, nick string, addrs ...string) (*Client, *recorder) {
	t.Helper()
	rec := &recorder{}
	c, err := Dial(ClientConfig{Addrs: addrs, Nick: nick, OnLine: rec.add, Dial: m.Dial})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c, rec
}

// A node crash loses no message a distlab client typed, and nobody sees one
// twice; its clients are back on a survivor after the first pause of the
// backoff (50 ms).
func TestFailover(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 3)
		n1, n2, n3 := c.Nodes[0], c.Nodes[1], c.Nodes[2]
		alice, arec := memClient(t, m, "alice", n1.Addr())
		bob, brec := memClient(t, m, "bob", n2.Addr())
		_, crec := memClient(t, m, "carol", n3.Addr())
		time.Sleep(time.Second) // heartbeats carry the nicks
		synctest.Wait()
		if !strings.Contains(n1.who(locale.For(locale.English)), "carol@n3") {
			t.Fatalf("members not learned: %s", n1.who(locale.For(locale.English)))
		}

		const total = 200
		done := make(chan struct{})
		go func() { // alice talks through the crash
			defer close(done)
			for i := range total {
				alice.Send(fmt.Sprintf("m%03d", i))
				time.Sleep(2 * time.Millisecond)
			}
		}()
		time.Sleep(100 * time.Millisecond)
		n1.Kill()
		time.Sleep(50 * time.Millisecond)
		synctest.Wait()
		if a := alice.Node(); a == "" || a == n1.Addr() {
			t.Fatalf("alice not on a survivor 50 ms after the crash: on %q", a)
		}
		<-done
		time.Sleep(time.Second)
		synctest.Wait()
		if p := alice.Pending(); p != 0 {
			t.Fatalf("%d messages unacknowledged", p)
		}
		for i := range total {
			m := fmt.Sprintf(": m%03d", i)
			if brec.count(m) != 1 || crec.count(m) != 1 {
				t.Fatalf("%s: bob saw %d, carol saw %d", m, brec.count(m), crec.count(m))
			}
		}
		if arec.count("connection to") != 1 || arec.count("reconnected to") != 1 {
			t.Fatal("alice was not told about the failover")
		}
		if brec.count("alice@n2:")+brec.count("alice@n3:") == 0 || arec.count("is taken") > 0 {
			t.Fatal("alice lost her nick in the failover")
		}
		// The node comes back and rejoins the mesh.
		if err := n1.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Second)
		synctest.Wait()
		if !strings.Contains(n2.membersLine(), "n1=") {
			t.Fatalf("n1 did not rejoin: %s", n2.membersLine())
		}
		bob.Send("after the restart")
		synctest.Wait()
		if crec.count("after the restart") != 1 {
			t.Fatal("carol did not hear bob after the restart")
		}
	})
}

// With slow links, a message acknowledged is one that left for a peer: a
// crash right after sending loses nothing, and relays keep each sender's
// order (a link delays, it does not reorder).
func TestSlowLinksCrashAndOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 3)
		for _, n := range c.Nodes {
			n.SetLinkDelay(150*time.Millisecond, 150*time.Millisecond)
		}
		alice, _ := memClient(t, m, "alice", c.Nodes[0].Addr(), c.Nodes[1].Addr())
		_, brec := memClient(t, m, "bob", c.Nodes[1].Addr())
		time.Sleep(time.Second)
		synctest.Wait()
		for i := range 10 {
			alice.Send(fmt.Sprintf("k%02d", i))
		}
		time.Sleep(100 * time.Millisecond) // accepted; the relays wait 150 ms or more
		synctest.Wait()
		if alice.Pending() != 10 {
			t.Fatalf("%d of 10 acknowledged before the relay left the node", 10-alice.Pending())
		}
		c.Nodes[0].Kill()
		time.Sleep(2 * time.Second)
		synctest.Wait()
		if p := alice.Pending(); p != 0 {
			t.Fatalf("%d messages unacknowledged", p)
		}
		var got []string
		for _, l := range brec.snapshot() {
			if i := strings.Index(l, ": k"); i >= 0 {
				got = append(got, l[i+2:])
			}
		}
		if want := "[k00 k01 k02 k03 k04 k05 k06 k07 k08 k09]"; fmt.Sprint(got) != want {
			t.Fatalf("bob saw %v, want each once and in order", got)
		}
	})
}
