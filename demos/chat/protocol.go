package chat

import (
	"fmt"
	"strconv"
	"strings"
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
	At     time.Time // when the origin node accepted it
	Kind   Kind
	Nick   string
	Text   string
}

// Line is the message as people read it: "12:01:02 alice@n1: hello".
func (m Message) Line() string {
	t := m.At.Local().Format(timeLayout)
	if m.Kind == KindMe {
		return fmt.Sprintf("%s * %s@%s %s", t, m.Nick, m.Origin, m.Text)
	}
	return fmt.Sprintf("%s %s@%s: %s", t, m.Nick, m.Origin, m.Text)
}

// Control lines between nodes and distlab clients start with "/". People's
// lines never do: messages start with a time, notices with "***".
const (
	ctlHello   = "/hello"   // client → node: /hello CLIENTID NICK
	ctlPing    = "/ping"    // client → node: I am still here
	ctlPong    = "/pong"    // node → distlab client: and so am I
	ctlMsg     = "/msg"     // client → node: /msg SEQ TEXT
	ctlAck     = "/ack"     // node → client: /ack SEQ
	ctlMembers = "/members" // node → client: /members n1=host:port,n2=host:port
	ctlM       = "/m"       // node → client: /m CLIENTID SEQ LINE
	ctlPeer    = "/peer"    // node ↔ node, handshake: /peer NODEID ADDR NONCE [PROOF]
	ctlProof   = "/proof"   // dialer → listener, handshake: /proof PROOF
	ctlOK      = "/ok"      // listener → dialer, handshake: /ok TAG
	ctlBeat    = "/beat"    // node ↔ node: /beat NODEID ADDR CLIENTS NICK,NICK,... TAG
	ctlRelay   = "/relay"   // node ↔ node: /relay CLIENT SEQ ORIGIN UNIXMS KIND NICK TEXT TAG
)

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
// From /ok on, every line of the link ends in " TAG": the first 16 bytes
// of HMAC-SHA-256(session, ROLE SEQ LINE), where ROLE is the sender's
// ("d" or "l"), SEQ its count of lines sent on the link (8 bytes, big
// endian, /ok is L's 0), and LINE the line before the space. A line
// that fails its check closes the link: someone on the path can pass
// lines along or cut the link, but not forge, change, replay or reorder
// them. Nothing counts before the handshake ends, and a handshake takes
// at most 2 s on each side.

// relayLine encodes m for a peer link.
func relayLine(m Message) string {
	return fmt.Sprintf("%s %s %d %s %d %s %s %s", ctlRelay, m.Client, m.Seq, m.Origin, m.At.UnixMilli(), m.Kind, m.Nick, m.Text)
}

// parseRelay decodes a /relay line; the text is cleaned again, as anything
// from the network is.
func parseRelay(line string) (Message, bool) {
	f := strings.SplitN(line, " ", 8)
	if len(f) < 7 || f[0] != ctlRelay {
		return Message{}, false
	}
	seq, err1 := strconv.ParseUint(f[2], 10, 64)
	ms, err2 := strconv.ParseInt(f[4], 10, 64)
	if err1 != nil || err2 != nil || (f[5] != string(KindSay) && f[5] != string(KindMe)) {
		return Message{}, false
	}
	text := ""
	if len(f) == 8 {
		text = f[7]
	}
	return Message{Client: CleanNick(f[1]), Seq: seq, Origin: CleanNick(f[3]), At: time.UnixMilli(ms),
		Kind: Kind(f[5]), Nick: CleanNick(f[6]), Text: Clean(text)}, true
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
