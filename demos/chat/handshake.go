package chat

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"distlab/demos/locale"
)

// The peer handshake and the tags on a link's lines; protocol.go has the
// wire format. Every MAC is HMAC-SHA-256 under the cluster key, over a
// label that names its one use, so no value one side computes can stand
// in for another: a listener's proof is never a dialer's, and neither is
// a session key.

const (
	nonceSize        = 16              // random bytes in a handshake nonce
	proofSize        = sha256.Size     // bytes in a proof
	tagSize          = 16              // bytes of a line's tag (a truncated HMAC)
	handshakeTimeout = 2 * time.Second // for the whole handshake, on each side

	labelDialer   = "distlab chat v1 dialer proof"
	labelListener = "distlab chat v1 listener proof"
	labelSession  = "distlab chat v1 session key"
)

// Why a peer link was refused or closed, for the node's log.
var (
	whyTimeout = locale.Errorf("no complete handshake within %s", handshakeTimeout)
	whyProof   = locale.Errorf("wrong proof: the two nodes do not have the same key")
	whyLine    = locale.Errorf("not a handshake line")
	whySelf    = locale.Errorf("it gives this node's own id")
	whyClosed  = locale.Errorf("the connection closed during the handshake")
	whyTag     = locale.Errorf("a line failed its check (forged, altered or out of order)")
	whyNoKey   = locale.Errorf("this node has no cluster key")
	whyNoProof = locale.Errorf("the other side left without its proof: a different key?")
)

// hello is one side's half of a handshake: its node id, the address it
// listens on, and a nonce it has never used before.
type hello struct {
	id, addr, nonce string
}

// transcript is a handshake as both sides see it.
type transcript struct {
	dialer, listener hello
}

// mac is the HMAC of label and the whole transcript under key: both ids
// and both nonces (and the addresses, which clients will dial), so a value
// from one handshake is worth nothing in another.
func (t transcript) mac(key []byte, label string) []byte {
	m := hmac.New(sha256.New, key)
	for _, s := range []string{label, t.dialer.id, t.dialer.addr, t.dialer.nonce, t.listener.id, t.listener.addr, t.listener.nonce} {
		io.WriteString(m, s) // no field holds a newline: they are words of a line
		m.Write([]byte{'\n'})
	}
	return m.Sum(nil)
}

// linkSession is what a handshake establishes: who the other node proved
// to be, and the taggers of the two directions.
type linkSession struct {
	remote  hello
	out, in *tagger
	dialed  bool // this side dialed
}

func newSession(t transcript, key []byte, dialer bool) *linkSession {
	sk := t.mac(key, labelSession)
	if dialer {
		return &linkSession{remote: t.listener, out: newTagger(sk, 'd'), in: newTagger(sk, 'l'), dialed: true}
	}
	return &linkSession{remote: t.dialer, out: newTagger(sk, 'l'), in: newTagger(sk, 'd')}
}

// tagger tags one direction of a link. A tag is an HMAC, under the
// session key, of the sender's role, a count and the lines it covers:
// nobody without the key can forge, alter, replay, reorder, drop or
// reflect a line unnoticed, even by relaying the handshake between two
// real nodes. The handshake's /ok has a tag of its own (next, check);
// after it, lines go in batches, one tag for each (add, sum): an HMAC a
// line cost a link as much as all the rest of a relay. Each tagger is
// used by one goroutine.
type tagger struct {
	mac    hash.Hash
	from   byte // 'd' (the dialer sends) or 'l' (the listener)
	seq    uint64
	open   bool // a batch is under way: add has fed the MAC since the last sum
	digest []byte
	buf    []byte // the bytes hashed, reused
	hex    [2 * tagSize]byte
}

func newTagger(key []byte, from byte) *tagger {
	return &tagger{mac: hmac.New(sha256.New, key), from: from}
}

// start begins the MAC of the next tag: the role and the tag's number.
func (t *tagger) start() {
	var head [9]byte
	head[0] = t.from
	binary.BigEndian.PutUint64(head[1:], t.seq)
	t.seq++
	t.mac.Reset()
	t.mac.Write(head[:])
	t.open = true
}

// add feeds the MAC one more line of the batch under way.
func (t *tagger) add(line string) {
	if !t.open {
		t.start()
	}
	t.buf = append(append(t.buf[:0], line...), '\n') // one Write, no allocation
	t.mac.Write(t.buf)
}

// sum is the tag of the lines added since the last sum (none is a batch
// too), valid until the next call; the next batch starts.
func (t *tagger) sum() []byte {
	if !t.open {
		t.start()
	}
	t.open = false
	t.digest = t.mac.Sum(t.digest[:0])
	hex.Encode(t.hex[:], t.digest[:tagSize])
	return t.hex[:]
}

// next is the tag of line alone, a batch of one, valid until the
// following call.
func (t *tagger) next(line string) []byte {
	t.add(line)
	return t.sum()
}

// check reports whether tagged ("LINE TAG") is the next line, a batch
// of one, and returns the line.
func (t *tagger) check(tagged string) (string, bool) {
	i := strings.LastIndexByte(tagged, ' ')
	if i < 0 {
		return "", false
	}
	line := tagged[:i]
	return line, hmac.Equal(t.next(line), []byte(tagged[i+1:]))
}

func newNonce() string {
	var b [nonceSize]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// parseHex decodes a word of exactly size bytes in lowercase hex.
func parseHex(s string, size int) ([]byte, bool) {
	if len(s) != 2*size || strings.ToLower(s) != s {
		return nil, false
	}
	b, err := hex.DecodeString(s)
	return b, err == nil
}

// parseHello reads "/peer ID ADDR NONCE", and the proof after it when
// withProof (the listener's answer).
func parseHello(line string, withProof bool) (hello, []byte, bool) {
	f := strings.Split(line, " ")
	want := 4
	if withProof {
		want = 5
	}
	if len(f) != want || f[0] != ctlPeer {
		return hello{}, nil, false
	}
	h := hello{id: f[1], addr: f[2], nonce: f[3]}
	if !validID(h.id) || !validAddr(h.addr) {
		return hello{}, nil, false
	}
	if _, ok := parseHex(h.nonce, nonceSize); !ok {
		return hello{}, nil, false
	}
	if !withProof {
		return h, nil, true
	}
	proof, ok := parseHex(f[4], proofSize)
	return h, proof, ok
}

// validID reports whether id can name a node in member lists
// ("n1=host:port,n2=…") and in /who ("nick@n1").
func validID(id string) bool {
	return id != "" && len(id) <= 64 && CleanNick(id) == id && !strings.ContainsAny(id, ",=@")
}

// validAddr reports whether addr can stand in a member list.
func validAddr(addr string) bool {
	return addr != "" && len(addr) <= 256 && CleanNick(addr) == addr && !strings.ContainsAny(addr, ",=@")
}

// readLine reads one line of a link, without its line ending; a line
// longer than br's buffer is an error (bufio.ErrBufferFull), so a peer
// cannot make it grow.
func readLine(br *bufio.Reader) (string, error) {
	line, err := br.ReadSlice('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(string(line), "\r\n"), nil
}

// readWhy turns a failed read during a handshake into the reason logged.
func readWhy(err error) error {
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		return whyTimeout
	case errors.Is(err, bufio.ErrBufferFull):
		return whyLine
	}
	return whyClosed
}

// watch closes nc if ctx ends first (a Kill during a handshake must not
// wait for its timeout). The stop it returns reports false if it did.
func watch(ctx context.Context, nc net.Conn) (stop func() bool) {
	return context.AfterFunc(ctx, func() { nc.Close() })
}

// dialHandshake is the dialer's side, on nc just dialed: it says who it is
// and sends a nonce, and gives its own proof only once the listener has
// proven that it knows the key. An impostor at the address learns nothing
// it could use.
func (n *Node) dialHandshake(ctx context.Context, nc net.Conn) (*linkSession, *bufio.Reader, error) {
	stop := watch(ctx, nc)
	defer stop()
	nc.SetDeadline(time.Now().Add(handshakeTimeout))
	t := transcript{dialer: hello{id: n.cfg.ID, addr: seenAs(n.Addr(), nc), nonce: newNonce()}}
	if _, err := fmt.Fprintf(nc, "%s %s %s %s\n", ctlPeer, t.dialer.id, t.dialer.addr, t.dialer.nonce); err != nil {
		return nil, nil, whyClosed
	}
	br := bufio.NewReaderSize(nc, 16<<10)
	var said string // the last notice: a node's welcome to every connection, or why it refuses a peer
	line, err := readLine(br)
	for ; err == nil && strings.HasPrefix(line, "*** "); line, err = readLine(br) {
		said = line
	}
	if err != nil {
		if said != "" && !errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, nil, locale.Errorf("the other side said %q and closed the connection", Clean(said))
		}
		return nil, nil, readWhy(err)
	}
	listener, proof, ok := parseHello(line, true)
	if !ok {
		return nil, nil, whyLine
	}
	if listener.id == n.cfg.ID {
		return nil, nil, whySelf // this node, or one reflecting its hello back to it
	}
	t.listener = listener
	key := []byte(n.cfg.Key)
	if !hmac.Equal(proof, t.mac(key, labelListener)) {
		return nil, nil, whyProof
	}
	if !n.gate.pass(ctx.Done()) {
		return nil, nil, whyClosed
	}
	if _, err := fmt.Fprintf(nc, "%s %x\n", ctlProof, t.mac(key, labelDialer)); err != nil {
		return nil, nil, whyClosed
	}
	s := newSession(t, key, true)
	if line, err = readLine(br); err != nil {
		return nil, nil, readWhy(err)
	}
	if body, ok := s.in.check(line); !ok || body != ctlOK {
		return nil, nil, whyProof
	}
	if !stop() {
		return nil, nil, whyClosed
	}
	nc.SetDeadline(time.Time{})
	return s, br, nil
}

// acceptHandshake is the listener's side, on nc whose first line was
// first: it answers with its own nonce and proof, and the link counts
// only once the dialer's proof checks out.
func (n *Node) acceptHandshake(ctx context.Context, nc net.Conn, first string, br *bufio.Reader) (*linkSession, error) {
	stop := watch(ctx, nc)
	defer stop()
	nc.SetDeadline(time.Now().Add(handshakeTimeout))
	dialer, _, ok := parseHello(first, false)
	if !ok {
		return nil, whyLine
	}
	if dialer.id == n.cfg.ID {
		return nil, whySelf
	}
	t := transcript{dialer: dialer, listener: hello{id: n.cfg.ID, addr: seenAs(n.Addr(), nc), nonce: newNonce()}}
	key := []byte(n.cfg.Key)
	if _, err := fmt.Fprintf(nc, "%s %s %s %s %x\n", ctlPeer, t.listener.id, t.listener.addr, t.listener.nonce, t.mac(key, labelListener)); err != nil {
		return nil, whyClosed
	}
	line, err := readLine(br)
	if errors.Is(err, io.EOF) {
		return nil, whyNoProof // a dialer closes when this node's proof fails
	}
	if err != nil {
		return nil, readWhy(err)
	}
	word, arg, _ := strings.Cut(line, " ")
	proof, ok := parseHex(arg, proofSize)
	if word != ctlProof || !ok {
		return nil, whyLine
	}
	if !hmac.Equal(proof, t.mac(key, labelDialer)) {
		return nil, whyProof
	}
	if !n.gate.pass(ctx.Done()) {
		return nil, whyClosed
	}
	s := newSession(t, key, false)
	if _, err := fmt.Fprintf(nc, "%s %s\n", ctlOK, s.out.next(ctlOK)); err != nil {
		return nil, whyClosed
	}
	if !stop() {
		return nil, whyClosed
	}
	nc.SetDeadline(time.Time{})
	return s, nil
}
