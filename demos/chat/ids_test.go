package chat

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

func newSecret() string {
	var b [secretSize]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// helloRaw is a netcat that speaks the distlab client's protocol with
// secret.
func helloRaw(t *testing.T, addr, secret, nick string) *raw {
	t.Helper()
	r := dialRaw(t, addr)
	r.send("/hello " + secret + " " + nick + "\n")
	r.expect("/members ")
	return r
}

// Whoever presents a victim's id, in either place, does not become the
// victim: the victim's later messages are still delivered.
func TestSpoofedHelloCannotSuppress(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	victim, rec := dialClient(t, "vic", n.Addr())
	eventually(t, "vic's nick", func() bool { return rec.count("you are now vic") == 1 })
	watcher := dialRaw(t, n.Addr())
	victim.Send("first")
	watcher.expect("vic@n1: first")

	for _, hello := range []string{"/hello " + victim.ID() + " eve", "/hello " + victim.ID()[1:] + " eve"} {
		eve := dialRaw(t, n.Addr())
		eve.send(hello + "\n")
		eve.send("/msg 18446744073709551615 x\n")
		for k := 1; k <= 8; k++ { // in steps the bound allows
			eve.send(fmt.Sprintf("/msg %d y\n", k*maxSeqStep))
		}
		eve.send("/quit\n")
		eve.closed()
	}
	victim.Send("second")
	for {
		l := watcher.expect("@n1: ")
		if strings.HasSuffix(l, "vic@n1: second") {
			break
		}
	}
}

// A client's seq may not jump far past its last: such a /msg is refused,
// and the client's next messages still go through.
func TestSeqStepIsBounded(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	watcher := dialRaw(t, n.Addr())
	c := helloRaw(t, n.Addr(), newSecret(), "cat")
	c.send("/msg 1 one\n")
	watcher.expect("cat@n1: one")
	c.send(fmt.Sprintf("/msg %d jump\n", 2+maxSeqStep))
	c.expect("refused: more than")
	c.send("/msg 2 two\n")
	watcher.expect("cat@n1: two")
}

// One connection cannot flush the dedupe table: after 16,500 hellos with
// fresh secrets and a /msg each, a victim's resend is still recognised.
func TestDedupeFloodFromOneConnection(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	watcher := dialRaw(t, n.Addr())
	secret := newSecret()
	v := helloRaw(t, n.Addr(), secret, "vic")
	v.send("/msg 1 once\n")
	watcher.expect("vic@n1: once")
	v.send("/quit\n")
	v.closed()

	flood := dialRaw(t, n.Addr())
	var b strings.Builder
	for i := range 16500 {
		fmt.Fprintf(&b, "/hello %s f%d\n/msg 1 f\n", newSecret(), i)
	}
	b.WriteString("/quit\n")
	wrote := make(chan struct{})
	go func() { flood.nc.Write([]byte(b.String())); close(wrote) }()
	flood.closed()
	flood.nc.Close()
	<-wrote

	v = helloRaw(t, n.Addr(), secret, "vic")
	v.send("/msg 1 once\n") // a resend after a failover
	v.send("/msg 2 marker\n")
	for {
		l := watcher.expect("@n1: ")
		if strings.HasSuffix(l, "once") {
			t.Fatalf("the resend was delivered again: %q", l)
		}
		if strings.HasSuffix(l, "marker") {
			break
		}
	}
}

// The dedupe table keeps high-water marks of the clients whose windows
// it dropped: a flood of new ids never makes an old id new again.
func TestDedupeKeepsMarks(t *testing.T) {
	d := newDedupe()
	d.maxWins, d.maxTops = 16, 64
	d.add("victim", 7)
	for i := range 40 { // past the windows; the marks keep the victim's
		d.add(fmt.Sprintf("flood%d", i), 1)
	}
	if d.add("victim", 7) {
		t.Fatal("a dropped window's seq was new again")
	}
	if !d.add("victim", 8) {
		t.Fatal("the victim's next seq was not new")
	}
}
