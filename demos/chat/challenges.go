package chat

import (
	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// The chat demo's challenges. The Demo checks each from what it ran and
// what its clients were shown (challengelog.go), never from the keys
// pressed.
const (
	// LoseNothing is met when the node "you" are on crashes while the bots
	// talk, before it acknowledged a line you just typed (so your client
	// must send it again, and the nodes drop any repeat), and every line
	// you typed around the crash is acknowledged and shown exactly once to
	// every other watching client after your failover.
	LoseNothing = "chat/lose-nothing"
	// TwoOrders is met when two watching clients were shown the same two
	// messages in different orders, one of them yours. (Two bots' lines
	// do not count: bots that speak in step race from the start, and the
	// student would have done nothing.)
	TwoOrders = "chat/two-orders"
	// DeclaredDead is met when a watching client's silence timeout fires
	// on a node that is frozen: up, sockets open, saying nothing.
	DeclaredDead = "chat/declared-dead"
)

// Challenges are the chat demo's challenges, in the order the pane offers
// them.
func Challenges() []challenge.Challenge {
	return []challenge.Challenge{
		{
			ID: LoseNothing,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: if you crash the node you are on while the bots talk, will a line you just typed be lost, or arrive twice? Do it and see.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("Your column's header says which node you are on: select that node with ↑/↓."),
					p.T("Type a line (i, text, enter), then esc and c at once, before its ack: slow links (s, or S: slower) hold it back."),
					p.T("On your node: s, then i, a line, enter, esc, c; now count your line in ana's and bruno's columns."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("At-least-once plus dedup: your client resends until acked, a node acks once a peer has a copy, and (client, seq) ids drop repeats.")
			},
		},
		{
			ID: TwoOrders,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: if you type a line just as a bot on another node speaks, will every client see the two in the same order? Make two clients disagree.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("Lines from one node keep their order (links are FIFO): race yours against bot2, on another node."),
					p.T("Slow links (s) delay each line between nodes by a different amount; ] makes the bots talk more often."),
					p.T("Press s, ] ], then send short lines in a row (i, a letter, enter); compare ana's and bruno's columns."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Each link is FIFO, but lines from different nodes race along different links: one order for everyone takes a total-order broadcast.")
			},
		},
		{
			ID: DeclaredDead,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: if a node freezes instead of crashing, its sockets open, how will a client on it find out? Freeze one and see.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("A frozen node sends nothing, not even an error: its clients only get silence."),
					p.T("Select the node ana is on (her column's header says which) and press f; do not thaw it yet."),
					p.T("Clients ping every second and give up after 3 s of silence: press f, wait, watch ana's column."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("With no bound on delays (an asynchronous system) a hung node looks like a slow one: only a timeout guesses it is dead, and it may guess wrong.")
			},
		},
	}
}

// Challenges are the demo's challenges: with Done, the Demo is a
// challenge.Checker.
func (d *Demo) Challenges() []challenge.Challenge { return Challenges() }

var _ challenge.Checker = (*Demo)(nil)
