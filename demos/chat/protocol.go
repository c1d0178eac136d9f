package chat

import (
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"distlab/demos/locale"
)

// Limits of the protocol.
const (
	MaxLine    = 1024 // bytes in one line from a client
	MaxNick    = 16   // runes in a nick
	timeLayout = "15:04:05"
)

// Kind is what a chat message is.
type Kind string

// The kinds of message that travel the cluster.
const (
	KindSay Kind = "say" // alice@n1: hello
	KindMe  Kind = "me"  // * alice@n1 waves
)

// Message is one chat message. ID (Client, Seq) is unique in the cluster:
// every node delivers a message once, however many ways it arrives, and a
// distlab client that resends after a failover is recognised.
type Message struct {
	Client string    // id of the sending client: random for distlab clients, node.connN for others
	Seq    uint64    // the sender's sequence number
	Origin string    // the node the sender was on
	Epoch  string    // the origin node's run: random at each start
	OSeq   uint64    // the origin's number for it in that run, from 1: what clients' cursors count
	At     time.Time // when the origin node accepted it
	Kind   Kind
	Nick   string
	Text   string
}

// Line is the message as people read it: "12:01:02 alice@n1: hello".
func (m Message) Line() string { return string(m.appendLine(nil)) }

// appendLine appends Line to b.
func (m Message) appendLine(b []byte) []byte {
	b = appendClock(b, m.At)
	if m.Kind == KindMe {
		b = append(b, " * "...)
	} else {
		b = append(b, ' ')
	}
	b = append(b, m.Nick...)
	b = append(b, '@')
	b = append(b, m.Origin...)
	if m.Kind == KindMe {
		b = append(b, ' ')
	} else {
		b = append(b, ": "...)
	}
	return append(b, m.Text...)
}

// clockText is a second's time of day as lines show it ("12:01:02").
type clockText struct {
	unix int64
	text [len(timeLayout)]byte
}

// lastClock is the last second appendClock wrote: the messages of a
// second share it, and formatting the local time was a sixth of the cost
// of a message's lines on every node.
var lastClock atomic.Pointer[clockText]

// appendClock appends t's local time of day in timeLayout to b.
func appendClock(b []byte, t time.Time) []byte {
	sec := t.Unix()
	if c := lastClock.Load(); c != nil && c.unix == sec {
		return append(b, c.text[:]...)
	}
	c := &clockText{unix: sec}
	t.Local().AppendFormat(c.text[:0], timeLayout)
	lastClock.Store(c)
	return append(b, c.text[:]...)
}

// Control lines between nodes and distlab clients start with "/". People's
// lines never do: messages start with a time, notices with "***".
const (
	ctlHello   = "/hello"   // client → node: /hello SECRET NICK
	ctlSince   = "/since"   // client → node: /since JOINMS SRC=OSEQ,SRC=OSEQ,...
	ctlPing    = "/ping"    // client → node: I am still here
	ctlPong    = "/pong"    // node → distlab client: and so am I
	ctlMsg     = "/msg"     // client → node: /msg SEQ TEXT
	ctlAck     = "/ack"     // node → client: /ack SEQ
	ctlMembers = "/members" // node → client: /members n1=host:port,n2=host:port
	ctlM       = "/m"       // node → client: /m CLIENTID SEQ SRC OSEQ LINE
	ctlPeer    = "/peer"    // node ↔ node, handshake: /peer NODEID ADDR NONCE [PROOF]
	ctlProof   = "/proof"   // dialer → listener, handshake: /proof PROOF
	ctlOK      = "/ok"      // listener → dialer, handshake: /ok TAG
	ctlTag     = "/tag"     // node ↔ node: /tag TAG, the tag of the lines since the last one
	ctlBeat    = "/beat"    // node ↔ node: /beat NODEID ADDR CLIENTS NICK,NICK,...
	ctlRelay   = "/relay"   // node ↔ node: /relay CLIENT SEQ ORIGIN EPOCH OSEQ UNIXMS KIND NICK TEXT
	ctlGot     = "/got"     // node ↔ node: /got CLIENT SEQ, a relay received from its origin
	ctlRecent  = "/recent"  // node ↔ node: as /relay, a recent message sent when a link comes up
)

// A distlab client's session with a node:
//
//	C → N  /hello SECRET NICK
//	C → N  /since JOINMS SRC=OSEQ,...     what it has, per origin
//	C → N  /msg SEQ TEXT                  each unacknowledged message again
//	N → C  /members ...                   (and the nick's notice)
//	N → C  /m CLIENTID SEQ SRC OSEQ LINE  first what it missed, then new ones
//	N → C  /ack SEQ                       once a peer has the message
//
// SECRET is 32 lowercase hex digits the client draws at random and shows
// no one else; its id is clientID(SECRET), "d" and 24 hex digits of a
// hash, so nobody can present another client's id without its secret.
// Other clients see only publicID(id) in /m lines. A connection says
// /hello once, and a node takes at most a few new ids a second.
//
// Every node numbers the messages it accepts from its own clients: SRC
// is ORIGIN.EPOCH (EPOCH new at every start of the node), OSEQ counts
// from 1. A client remembers, per SRC, the highest OSEQ it was sent, and
// on every connection asks for the rest: the node replays from its ring
// (the last 65,536 messages it delivered) every message of a listed SRC
// above OSEQ-64 (a later one may have overtaken an earlier one on
// another path), and every message of an unlisted SRC accepted at or
// after JOINMS (the client's clock when it started, in Unix ms), before
// anything new. The client shows each (CLIENTID, SEQ) once, so what
// comes twice is dropped there. When the ring no longer holds what a
// client missed, the node says so in one notice with the count.
//
// A node acknowledges a /msg only once a peer has it: the peer answers a
// /relay that came straight from its origin with /got on the same link,
// and the origin acks the first answer. (Only for distlab clients' ids;
// a netcat's, node.epoch.cN, has dots, and nobody waits for its acks.) A node with no peer at all (none
// configured, none linked) acks on receipt, and /nodes says which. A
// client sends again what stays unacknowledged for ResendAfter; the node
// relays such a resend again (peers drop the copy but answer /got), or
// acks it at once if a peer already confirmed it.
//
// When a link comes up, each side sends the other the messages of its
// ring from the last 30 s (at most 8,192) as /recent lines, which have
// the fields of /relay: a node that was down or cut off then holds what
// its clients may come to ask for after a failover. A /recent message
// new to the node goes to its distlab clients (who drop what they have)
// and into its ring, not to netcat clients, and is neither relayed on
// nor answered.

// A peer link starts with a handshake in which each node proves that it
// knows the cluster key, without the key, or anything that could stand in
// for it, ever going over the wire. D dials, L listens:
//
//	D → L  /peer IDD ADDRD NONCED
//	L → D  /peer IDL ADDRL NONCEL PROOFL
//	D → L  /proof PROOFD
//	L → D  /ok TAG
//
// Nonces are 16 random bytes, PROOFs 32 bytes, TAGs 16, all in lowercase
// hex. With T the six words IDD ADDRD NONCED IDL ADDRL NONCEL, each
// followed by a newline, and key the cluster key:
//
//	PROOFL  = HMAC-SHA-256(key, "distlab chat v1 listener proof\n" T)
//	PROOFD  = HMAC-SHA-256(key, "distlab chat v1 dialer proof\n" T)
//	session = HMAC-SHA-256(key, "distlab chat v1 session key\n" T)
//
// D answers only once PROOFL checks out, so a listener without the key
// (an impostor at a peer's address) gets no proof at all; L counts the
// link only once PROOFD does. Fresh nonces on both sides make an old
// proof worthless, the role in the label stops a proof being reflected
// back, and each side refuses its own id (its hello sent back to it).
//
// /ok ends in a TAG: the first 16 bytes of HMAC-SHA-256(session, ROLE
// SEQ LINE "\n"), where ROLE is the sender's ("d" or "l"), SEQ its count
// of tags sent on the link (8 bytes, big endian; /ok's is L's 0) and
// LINE the line before the space. After it, lines go in batches, each
// closed by a line "/tag TAG" whose TAG is the same HMAC over every line
// of the batch, each followed by "\n". A reader acts on a batch only once
// its tag checks out; a tag that does not, or a batch longer than 1024
// lines or 1 MB, closes the link: someone on the path can pass lines
// along or cut the link, but not forge, change, drop, replay or reorder
// them. (A tag a batch, not a line: an HMAC cost as much as the rest of a
// relay.) Nothing counts before the handshake ends, and a handshake takes
// at most 2 s on each side.

// relayLine encodes m for a peer link.
func relayLine(m Message) string {
	// Every message is written once per peer: built without fmt.
	b := make([]byte, 0, 48+len(m.Client)+len(m.Origin)+len(m.Epoch)+len(m.Nick)+len(m.Text))
	b = append(b, ctlRelay...)
	b = append(append(b, ' '), m.Client...)
	b = strconv.AppendUint(append(b, ' '), m.Seq, 10)
	b = append(append(b, ' '), m.Origin...)
	b = append(append(b, ' '), m.Epoch...)
	b = strconv.AppendUint(append(b, ' '), m.OSeq, 10)
	b = strconv.AppendInt(append(b, ' '), m.At.UnixMilli(), 10)
	b = append(append(b, ' '), m.Kind...)
	b = append(append(b, ' '), m.Nick...)
	b = append(append(b, ' '), m.Text...)
	return string(b)
}

// src is the origin's run, as clients' cursors name it: ORIGIN.EPOCH.
func (m Message) src() string { return m.Origin + "." + m.Epoch }

// parseRelay decodes a /relay line; the text is cleaned again, as anything
// from the network is.
func parseRelay(line string) (Message, bool) {
	// Field by field, as strings.SplitN(line, " ", 10) would cut it, with
	// no slice to allocate: every copy of every message passes here.
	var f [9]string
	rest, ok := line, true
	for i := range f {
		if f[i], rest, ok = strings.Cut(rest, " "); !ok && i < len(f)-1 {
			return Message{}, false
		}
	}
	text := ""
	if ok {
		text = rest
	}
	if f[0] != ctlRelay && f[0] != ctlRecent {
		return Message{}, false
	}
	seq, err1 := strconv.ParseUint(f[2], 10, 64)
	oseq, err2 := strconv.ParseUint(f[5], 10, 64)
	ms, err3 := strconv.ParseInt(f[6], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || (f[7] != string(KindSay) && f[7] != string(KindMe)) {
		return Message{}, false
	}
	return Message{Client: CleanNick(f[1]), Seq: seq, Origin: CleanNick(f[3]), Epoch: CleanNick(f[4]), OSeq: oseq,
		At: time.UnixMilli(ms), Kind: Kind(f[7]), Nick: CleanNick(f[8]), Text: Clean(text)}, true
}

// validNick says why nick is not acceptable, or "".
func validNick(nick string, p *locale.Printer) string {
	switch {
	case nick == "":
		return p.T("a nick needs at least one printable character")
	case utf8.RuneCountInString(nick) > MaxNick:
		return p.T("a nick has at most %d characters", MaxNick)
	case strings.HasPrefix(nick, "/") || strings.HasPrefix(nick, "*"):
		return p.T("a nick cannot start with / or *")
	case strings.ContainsAny(nick, ",:=@"):
		return p.T("a nick cannot contain , : = or @")
	}
	return ""
}
