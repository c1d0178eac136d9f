package chat

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"distlab/demos/locale"
)

// hungNode accepts connections and then says nothing, its sockets open: a
// node stopped with SIGSTOP, or deadlocked. Only a timeout can tell.
func hungNode(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var held []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			nc, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, nc)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		mu.Lock()
		for _, nc := range held {
			nc.Close()
		}
		mu.Unlock()
	})
	return ln.Addr().String()
}

// A hung node's kernel still accepts connections: a client does not take
// the accept for an answer, and goes on to a node that speaks.
func TestClientSkipsAHungNode(t *testing.T) {
	t.Parallel()
	live := startNode(t, testConfig("n2"))
	watcher := dialRaw(t, live.Addr())
	rec := &recorder{}
	c, err := Dial(ClientConfig{Addrs: []string{hungNode(t), live.Addr()}, Nick: "ana", OnLine: rec.add,
		Silence: 300 * time.Millisecond, Backoff: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Node() != live.Addr() {
		t.Fatalf("on %s, not on the live node %s", c.Node(), live.Addr())
	}
	c.Send("hello from ana")
	if l := watcher.expect("hello from ana"); !strings.HasSuffix(l, " ana@n2: hello from ana") {
		t.Fatalf("watcher got %q", l)
	}
	eventually(t, "the ack", func() bool { return c.Pending() == 0 })
	// That an idle live node is not taken for silent: TestClientSilence.
}

// A frozen node (the demo's SIGSTOP) closes nothing: its client notices
// only by silence and fails over, its peers by missing heartbeats; thawed,
// it goes on and rejoins; a kill while frozen ends every goroutine.
func TestFrozenNode(t *testing.T) {
	t.Parallel()
	c := testCluster(t, 2)
	n1, n2 := c.Nodes[0], c.Nodes[1]
	rec := &recorder{}
	ana, err := Dial(ClientConfig{Addrs: []string{n1.Addr(), n2.Addr()}, Nick: "ana", OnLine: rec.add,
		Silence: 300 * time.Millisecond, Backoff: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer ana.Close()
	bia, brec := dialClient(t, "bia", n2.Addr())
	eventually(t, "members learned", func() bool { return strings.Contains(n2.who(locale.For(locale.English)), "ana@n1") })

	n1.Freeze()
	if !n1.Stats().Frozen || !n1.Stats().Up {
		t.Fatalf("frozen node's stats: %+v", n1.Stats())
	}
	ana.Send("said while n1 hangs")
	eventually(t, "ana on n2", func() bool { return ana.Node() == n2.Addr() && rec.count("no word from") == 1 })
	if rec.count("connection to") != 0 {
		t.Fatal("a frozen node closed ana's connection: it should only go silent")
	}
	if rec.count("reconnected to "+n1.Addr()) != 0 {
		t.Fatal("ana took the frozen node's accept for an answer")
	}
	eventually(t, "bia hears ana once", func() bool { return brec.count("said while n1 hangs") == 1 })
	eventually(t, "n2 takes n1 for dead", func() bool { return !strings.Contains(n2.membersLine(), "n1=") })

	n1.Thaw()
	eventually(t, "n1 back in the mesh", func() bool { return strings.Contains(n2.membersLine(), "n1=") })
	bia.Send("after the thaw")
	eventually(t, "ana hears bia", func() bool { return rec.count("after the thaw") == 1 })

	n1.Freeze()
	done := make(chan struct{})
	go func() { n1.Kill(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("Kill hung on a frozen node")
	}
	if st := n1.Stats(); st.Up || st.Frozen || st.Goroutines != 0 {
		t.Fatalf("after the kill: %+v", st)
	}
}

// A frozen node acts on nothing: it does not dial a peer that comes back,
// and does not time out a half-sent line; both wait for the thaw.
func TestFrozenNodeDoesNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 2)
		n1, n2 := c.Nodes[0], c.Nodes[1]
		half := memRaw(t, m, n1.Addr())
		n2.Kill()
		n1.Freeze()
		half.send("a line begun and never ") // 10 s to finish it
		if err := n2.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		if strings.Contains(n2.membersLine(), "n1=") {
			t.Fatalf("n2 counts the frozen n1 as up: %s", n2.membersLine())
		}
		notYet(t, half, "a word from the frozen node")
		n1.Thaw()
		half.expect("not finished") // its timer fires once it runs again
		time.Sleep(time.Second)
		synctest.Wait()
		if !strings.Contains(n2.membersLine(), "n1=") {
			t.Fatalf("n1 not back in the mesh a second after the thaw: %s", n2.membersLine())
		}
	})
}

// memCluster is StartCluster on m, meshed, shut down with the test.
func memCluster(t *testing.T, m *memNet, n int) *Cluster {
	t.Helper()
	c, err := StartCluster(n, "127.0.0.1", 0, Config{Listen: m.Listen, Dial: m.Dial})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		c.Shutdown(ctx)
	})
	time.Sleep(time.Second) // heartbeats every 250 ms
	synctest.Wait()
	for _, node := range c.Nodes {
		if got := strings.Count(node.membersLine(), "="); got != n {
			t.Fatalf("no mesh after a second: %s", node.membersLine())
		}
	}
	return c
}
