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
	ctlPeer    = "/peer"    // node ↔ node: /peer NODEID ADDR
	ctlBeat    = "/beat"    // node ↔ node: /beat NODEID ADDR CLIENTS NICK,NICK,...
	ctlRelay   = "/relay"   // node ↔ node: /relay CLIENT SEQ ORIGIN UNIXMS KIND NICK TEXT
)

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
