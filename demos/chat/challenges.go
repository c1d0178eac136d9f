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
	// talk, shortly after you typed, and every line you typed around the
	// crash is acknowledged and shown exactly once to every other watching
	// client after your failover.
	LoseNothing = "chat/lose-nothing"
	// TwoOrders is met when two watching clients were shown the same two
	// messages in different orders.
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
					p.T("Press i, type a line, enter, then esc and c (crash) at once; slow links (s) keep the line unacknowledged longer."),
					p.T("Select your node, press s, then i, a line, enter, esc, c; after \"reconnected to\", count your line in ana's and bruno's columns."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("At-least-once plus deduplication: the client resends until acked, a node acks once a peer holds a copy, and (client, seq) ids drop the copies.")
			},
		},
		{
			ID: TwoOrders,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: do all clients see the bots' messages in the same order? Find two clients that were shown the same two messages in different orders.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("One sender's messages keep their order, as each link is FIFO; two senders racing is another story."),
					p.T("Slow links (s) delay each line between nodes by a different amount; ] makes the bots talk faster."),
					p.T("Press s, then ] twice, and look for ≠ in the ana and bruno columns."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Each link is FIFO, but messages from different senders race along different links: one order for everyone takes a total-order broadcast.")
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
					p.T("Each client pings its node every second and gives up after 3 s of silence: press f, wait, and watch ana's column."),
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
