package chat

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// Two hundred clients: fifty misbehave (never read, never finish a line,
// send oversized or invalid lines, reset abruptly), and the hundred and
// fifty others lose nothing.
func TestTwoHundredClientsFiftyMisbehave(t *testing.T) {
	cfg := testConfig("n1")
	cfg.MaxClients = 300
	cfg.EvictAfter = 3 * time.Second // good readers slowed by -race are not stuck ones
	n := startNode(t, cfg)
	addr := n.Addr()

	const good, senders, msgs = 150, 10, 100
	type goodClient struct {
		nc   net.Conn
		mu   sync.Mutex
		seen map[string]int
	}
	clients := make([]*goodClient, good)
	var readers sync.WaitGroup
	for i := range clients {
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		gc := &goodClient{nc: nc, seen: map[string]int{}}
		clients[i] = gc
		// The welcome comes once the node has the client in its room: a
		// client sees what is said from then on, so the senders start
		// after every good client has read its welcome.
		br := bufio.NewReader(nc)
		if _, err := br.ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				l, err := br.ReadString('\n')
				if err != nil {
					return
				}
				if _, body, ok := strings.Cut(l, ": "); ok && strings.HasPrefix(body, "g") {
					gc.mu.Lock()
					gc.seen[strings.TrimSpace(body)]++
					gc.mu.Unlock()
				}
			}
		}()
	}
	// The misbehaving fifty.
	var bad []net.Conn
	for i := range 50 {
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		bad = append(bad, nc)
		switch i % 5 {
		case 0: // never reads; floods to fill its own socket
			go func() {
				big := strings.Repeat("z", 1000) + "\n"
				for range 300 {
					if _, err := nc.Write([]byte(big)); err != nil {
						return
					}
				}
			}()
		case 1: // slowloris
			nc.Write([]byte("half a line"))
		case 2: // oversized lines and invalid UTF-8
			nc.Write([]byte(strings.Repeat("x", 3000) + "\n\xff\xfe\xc3\x28\n"))
		case 3: // abrupt reset
			nc.(*net.TCPConn).SetLinger(0)
			nc.Close()
		case 4: // escape sequences
			nc.Write([]byte("\x1b]0;pwned\x07\x1b[2J\n"))
		}
	}
	// The good senders talk.
	var wg sync.WaitGroup
	for s := range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := bufio.NewWriter(clients[s].nc)
			for m := range msgs {
				fmt.Fprintf(w, "g%d-%d\n", s, m)
				if m%10 == 9 {
					w.Flush()
				}
			}
			w.Flush()
		}()
	}
	wg.Wait()
	want := func(i int) int { // messages client i must see: all but its own
		if i < senders {
			return (senders - 1) * msgs
		}
		return senders * msgs
	}
	short := func() (msg string) {
		for i, gc := range clients {
			gc.mu.Lock()
			got := len(gc.seen)
			gc.mu.Unlock()
			if got != want(i) {
				msg += fmt.Sprintf(" client %d: %d of %d;", i, got, want(i))
			}
		}
		return msg
	}
	if !within(20*time.Second, func() bool { return short() == "" }) {
		t.Fatalf("good clients still short after 20 s:%s node stats %+v", short(), n.Stats())
	}
	for i, gc := range clients {
		gc.mu.Lock()
		for k, v := range gc.seen {
			if v != 1 {
				t.Fatalf("client %d saw %s %d times", i, k, v)
			}
		}
		gc.mu.Unlock()
	}
	for _, c := range clients {
		c.nc.Close()
	}
	for _, c := range bad {
		c.Close()
	}
	readers.Wait()
}
