package chat

import (
	"bufio"
	"crypto/hmac"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The peer handshake on real loopback sockets: impostors at a peer's
// address, nodes with another key, replayed and reflected proofs, and a
// squatter that relays a real handshake and then tries to inject lines.

const testKey = "correct horse battery staple"

// keyedNode starts a node with key that logs into the returned recorder.
func keyedNode(t *testing.T, id, key string, peers ...string) (*Node, *recorder) {
	t.Helper()
	log := &recorder{}
	cfg := testConfig(id)
	cfg.Key, cfg.Peers, cfg.Log = key, peers, log.add
	return startNode(t, cfg), log
}

// fakeListener listens on loopback and hands every connection to serve,
// closing them all with the test.
func fakeListener(t *testing.T, serve func(nc net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			nc, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, nc)
			mu.Unlock()
			wg.Go(func() { serve(nc) })
		}
	})
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, nc := range conns {
			nc.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return ln.Addr().String()
}

// tap collects the bytes an impostor was sent.
type tap struct {
	mu    sync.Mutex
	bytes []byte
}

func (c *tap) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bytes = append(c.bytes, p...)
	return len(p), nil
}

func (c *tap) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return string(c.bytes)
}

// proofLike is a word that could be an HMAC a node computed.
var proofLike = regexp.MustCompile(`\b[0-9a-f]{64}\b`)

// An impostor listening at a peer's address answers the hello with a
// made-up proof and records everything it is sent: it never sees the key
// or a proof, and its id and address reach no member list.
func TestImpostorAtAPeersAddress(t *testing.T) {
	t.Parallel()
	got := &tap{}
	fake := fakeListener(t, func(nc net.Conn) {
		br := bufio.NewReader(nc)
		hello, err := br.ReadString('\n')
		if err != nil {
			return
		}
		got.Write([]byte(hello))
		fmt.Fprintf(nc, "%s n9 127.0.0.1:6666 %s %s\n", ctlPeer, newNonce(), strings.Repeat("ab", proofSize))
		io.Copy(got, br)
	})
	n, log := keyedNode(t, "n1", testKey, fake)
	c, _ := dialClient(t, "ana", n.Addr())
	eventually(t, "a second try", func() bool { return strings.Count(got.String(), ctlPeer+" ") >= 2 })
	if want := n.cfg.ID + ": link to peer " + fake + " refused: wrong proof"; log.count(want) < 1 || log.count(want) != len(log.snapshot()) {
		t.Errorf("the log says %q, want %q", log.snapshot(), want)
	}

	n.mu.Lock()
	known := n.remote["n9"] != nil
	n.mu.Unlock()
	if m := n.membersLine(); known || strings.Contains(m, "6666") || n.Stats().Peers != 0 {
		t.Fatalf("the impostor counted as a peer: %s, %d peers", m, n.Stats().Peers)
	}
	c.mu.Lock()
	members := slices.Clone(c.members)
	c.mu.Unlock()
	if slices.ContainsFunc(members, func(a string) bool { return strings.Contains(a, "6666") }) {
		t.Fatalf("the client learned the impostor's address: %v", members)
	}
	sent := got.String()
	if !strings.HasPrefix(sent, ctlPeer+" n1 ") {
		t.Fatalf("the impostor was sent %q, not a hello", sent)
	}
	for _, secret := range []string{testKey, hex.EncodeToString([]byte(testKey)), ctlProof} {
		if strings.Contains(sent, secret) {
			t.Fatalf("the impostor was sent %q, which contains %q", sent, secret)
		}
	}
	if p := proofLike.FindString(sent); p != "" {
		t.Fatalf("the impostor was sent a proof, %s, in %q", p, sent)
	}
}

// Two nodes with different keys, each dialing the other: every link is
// closed during the handshake, both log why, and no line crosses.
func TestWrongKeyPeers(t *testing.T) {
	t.Parallel()
	n1, log1 := keyedNode(t, "n1", testKey)
	n2, log2 := keyedNode(t, "n2", "another key")
	for _, pair := range [][2]*Node{{n1, n2}, {n2, n1}} {
		pair[0].AddPeer(pair[1].Addr())
		pair[0].startDial(pair[1].Addr())
	}
	eventually(t, "both sides to log both directions", func() bool {
		return log1.count("n1: link to peer "+n2.Addr()+" refused: wrong proof") > 0 &&
			log1.count("n1: link from 127.0.0.1:") > 0 &&
			log2.count("n2: link to peer "+n1.Addr()+" refused: wrong proof") > 0 &&
			log2.count("n2: link from 127.0.0.1:") > 0
	})
	if log1.count("without its proof") == 0 || log2.count("without its proof") == 0 {
		t.Fatalf("a listener did not say why: %q, %q", log1.snapshot(), log2.snapshot())
	}
	a, b := dialRaw(t, n1.Addr()), dialRaw(t, n2.Addr())
	a.send("over a link that must not exist\n")
	b.wait = 300 * time.Millisecond
	for {
		l, err := b.line()
		if err != nil {
			break
		}
		if strings.Contains(l, "must not exist") {
			t.Fatalf("relayed between nodes with different keys: %q", l)
		}
	}
	for _, n := range []*Node{n1, n2} {
		if st := n.Stats(); strings.Count(n.membersLine(), "=") != 1 || st.Peers != 0 || st.Refused == 0 {
			t.Fatalf("%s: members %s, stats %+v", n.ID(), n.membersLine(), st)
		}
	}
}

// Two nodes with the same key, one dialing the other, form a cluster and
// relay; nothing is refused.
func TestSameKeyPeers(t *testing.T) {
	n1, log1 := keyedNode(t, "n1", testKey)
	n2, log2 := keyedNode(t, "n2", testKey, n1.Addr())
	eventually(t, "the pair", func() bool {
		return strings.Contains(n1.membersLine(), "n2="+n2.Addr()) && strings.Contains(n2.membersLine(), "n1="+n1.Addr())
	})
	a, b := dialRaw(t, n1.Addr()), dialRaw(t, n2.Addr())
	a.send("over the keyed link\n")
	b.expect("@n1: over the keyed link")
	b.send("and back\n")
	a.expect("@n2: and back")
	if len(log1.snapshot())+len(log2.snapshot()) != 0 {
		t.Fatalf("refusals between nodes with the same key: %q %q", log1.snapshot(), log2.snapshot())
	}
}

// peerDialer is the test playing a dialer on a real connection, with the
// key or without.
type peerDialer struct {
	t  *testing.T
	nc net.Conn
	br *bufio.Reader
	tr transcript
	pl []byte // the listener's proof
}

// dialPeer sends a hello as node id with nonce and reads the listener's
// answer (after the welcome every connection gets).
func dialPeer(t *testing.T, addr, id, nonce string) *peerDialer {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	d := &peerDialer{t: t, nc: nc, br: bufio.NewReader(nc)}
	d.tr.dialer = hello{id: id, addr: "127.0.0.1:7", nonce: nonce}
	fmt.Fprintf(nc, "%s %s %s %s\n", ctlPeer, id, d.tr.dialer.addr, nonce)
	for {
		l := d.line()
		if strings.HasPrefix(l, "*** ") {
			continue
		}
		h, proof, ok := parseHello(l, true)
		if !ok {
			t.Fatalf("answer %q", l)
		}
		d.tr.listener, d.pl = h, proof
		return d
	}
}

func (d *peerDialer) line() string {
	d.t.Helper()
	d.nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	l, err := d.br.ReadString('\n')
	if err != nil {
		d.t.Fatalf("reading: %v", err)
	}
	return strings.TrimRight(l, "\n")
}

// refused checks that the listener closes the link without a word more.
func (d *peerDialer) refused(what string) {
	d.t.Helper()
	d.nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	rest, err := io.ReadAll(d.br)
	if err != nil || len(rest) > 0 {
		d.t.Fatalf("%s: the listener sent %q and %v, want it to close the link", what, rest, err)
	}
}

// A dialer must prove it knows the key in this very handshake: a proof
// that was good in an earlier one is refused, and so is the listener's
// own proof sent back; lines after a refused proof count for nothing.
func TestReplayedAndReflectedProofs(t *testing.T) {
	n, log := keyedNode(t, "n1", testKey)
	watcher := dialRaw(t, n.Addr())
	key := []byte(testKey)

	// An honest dialer, for the record.
	nonce := newNonce()
	d := dialPeer(t, n.Addr(), "t1", nonce)
	if !hmac.Equal(d.pl, d.tr.mac(key, labelListener)) {
		t.Fatal("the listener's proof does not check out")
	}
	old := d.tr.mac(key, labelDialer)
	fmt.Fprintf(d.nc, "%s %x\n", ctlProof, old)
	s := newSession(d.tr, key, true)
	if body, ok := s.in.check(d.line()); !ok || body != ctlOK {
		t.Fatal("no /ok with a good tag after a good proof")
	}
	relay := relayLine(Message{Client: "d000000000001", Seq: 1, Origin: "t1", At: time.Now(), Kind: KindSay, Nick: "tess", Text: "honest"})
	s.out.add(relay)
	fmt.Fprintf(d.nc, "%s\n%s %s\n", relay, ctlTag, s.out.sum())
	watcher.expect("tess@t1: honest")
	eventually(t, "t1 among the members", func() bool { return strings.Contains(n.membersLine(), "t1=127.0.0.1:7") })
	d.nc.Close()

	// The same hello and the old proof: the listener's nonce is new.
	d = dialPeer(t, n.Addr(), "t1", nonce)
	fmt.Fprintf(d.nc, "%s %x\n", ctlProof, old)
	d.refused("a replayed proof")

	// The listener's proof sent back as the dialer's.
	d = dialPeer(t, n.Addr(), "t2", newNonce())
	fmt.Fprintf(d.nc, "%s %x\n", ctlProof, d.pl)
	d.refused("a reflected proof")

	// A dialer without the key that talks on regardless.
	d = dialPeer(t, n.Addr(), "t3", newNonce())
	forged := relayLine(Message{Client: "d000000000003", Seq: 1, Origin: "t3", At: time.Now(), Kind: KindSay, Nick: "eve", Text: "forged"})
	fmt.Fprintf(d.nc, "%s %s\n%s t3 127.0.0.1:9 0 x:y\n%s\n", ctlProof, strings.Repeat("00", proofSize), ctlBeat, forged)
	d.refused("a wrong proof")

	if got := log.count("n1: link from 127.0.0.1:"); got != 3 || log.count("refused: wrong proof") != 3 {
		t.Fatalf("want three refusals logged, got %q", log.snapshot())
	}
	eventually(t, "t1 to time out", func() bool { return !strings.Contains(n.membersLine(), "t1=") })
	if m := n.membersLine(); strings.Contains(m, "t2") || strings.Contains(m, "t3") {
		t.Fatalf("a refused dialer is a member: %s", m)
	}
	if slices.ContainsFunc(untilWho(watcher), func(l string) bool { return strings.Contains(l, "forged") }) {
		t.Fatal("a refused dialer's relay was delivered")
	}
}

// untilWho asks r's node /who and returns the lines r read until its
// answer: everything the node had sent r before.
func untilWho(r *raw) []string {
	r.t.Helper()
	r.send("/who\n")
	var lines []string
	for {
		l := r.expect("")
		if strings.Contains(l, " online: ") {
			return lines
		}
		lines = append(lines, l)
	}
}

// A node's hello sent back to its own listener (an impostor that
// reflects it) is refused: each side refuses its own id.
func TestReflectedHello(t *testing.T) {
	var target string // the node's own address, set before it dials
	var mu sync.Mutex
	fake := fakeListener(t, func(nc net.Conn) {
		mu.Lock()
		addr := target
		mu.Unlock()
		back, err := net.Dial("tcp", addr)
		if err != nil {
			return
		}
		defer back.Close()
		go io.Copy(back, nc)
		io.Copy(nc, back)
	})
	log := &recorder{}
	cfg := testConfig("n1")
	cfg.Key, cfg.Log = testKey, log.add
	n := startNode(t, cfg)
	mu.Lock()
	target = n.Addr()
	mu.Unlock()
	n.AddPeer(fake)
	n.startDial(fake)
	eventually(t, "the reflection refused", func() bool { return log.count("refused: it gives this node's own id") > 0 })
	if m := n.membersLine(); strings.Count(m, "=") != 1 || n.Stats().Peers != 0 {
		t.Fatalf("linked to itself: %s", m)
	}
}

// A squatter at a peer's address that relays the handshake to a real
// node, and so sits in the middle of a link that passed it, still cannot
// inject a line: the first one it adds fails its tag and closes the link.
func TestSquatterCannotInject(t *testing.T) {
	t.Parallel()
	n2, _ := keyedNode(t, "n2", testKey)
	forged := relayLine(Message{Client: "d00000000000f", Seq: 1, Origin: "n2", At: time.Now(), Kind: KindSay, Nick: "mallory", Text: "forged line"})
	squatter := fakeListener(t, func(nc net.Conn) {
		real, err := net.Dial("tcp", n2.Addr())
		if err != nil {
			return
		}
		defer real.Close()
		go io.Copy(real, nc)
		br := bufio.NewReader(real)
		for {
			l, err := br.ReadString('\n')
			if err != nil {
				return
			}
			nc.Write([]byte(l))
			if strings.HasPrefix(l, ctlOK+" ") { // the handshake passed: now lie
				fmt.Fprintf(nc, "%s 0123456789abcdef0123456789abcdef\n%s n2 6.6.6.6:666 0 x:y 0123456789abcdef0123456789abcdef\n", forged, ctlBeat)
			}
		}
	})
	n1, log := keyedNode(t, "n1", testKey, squatter)
	watcher := dialRaw(t, n1.Addr())
	c, _ := dialClient(t, "ana", n1.Addr())
	eventually(t, "the injection caught", func() bool {
		return log.count("n1: link with n2 closed: a line failed its check") >= 2
	})
	if slices.ContainsFunc(untilWho(watcher), func(l string) bool { return strings.Contains(l, "forged") }) {
		t.Fatal("an injected relay was delivered")
	}
	c.mu.Lock()
	members := slices.Clone(c.members)
	c.mu.Unlock()
	if strings.Contains(n1.membersLine(), "6.6.6.6") || slices.Contains(members, "6.6.6.6:666") {
		t.Fatalf("an injected address was advertised: %s, client %v", n1.membersLine(), members)
	}
}

// A node with peers and no key does not start, nor one with an id its
// peers would refuse; a lone node needs no key.
func TestPeersNeedAKey(t *testing.T) {
	cfg := testConfig("n1")
	cfg.Peers = []string{"127.0.0.1:1"}
	if err := NewNode(cfg).Start(); !errors.Is(err, ErrNoKey) {
		t.Fatalf("started with peers and no key: %v", err)
	}
	for _, id := range []string{"n 1", "n=1", "a,b", "me@home", ""} {
		cfg := testConfig(id)
		if id == "" {
			cfg.ID = strings.Repeat("n", 65)
		}
		if err := NewNode(cfg).Start(); !errors.Is(err, ErrBadID) {
			t.Fatalf("started as %q: %v", cfg.ID, err)
		}
	}
	n := startNode(t, testConfig("n1"))
	r := dialRaw(t, n.Addr())
	r.send(fmt.Sprintf("%s t1 127.0.0.1:7 %s\n", ctlPeer, newNonce()))
	r.expect("not a peer of this cluster")
	if !r.closed() {
		t.Fatal("a keyless node kept a would-be peer")
	}
}
