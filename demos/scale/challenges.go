package scale

import (
	"time"

	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// The challenges' ids.
const (
	ChallengeSaturate = "scale/saturate"      // find the load where scale up saturates
	ChallengePastPeak = "scale/past-peak"     // grow scale out past N* and see less served
	ChallengeSurvive  = "scale/survive-crash" // lose a node, busy, and turn no one away
)

// What the checks call saturated, near and falling (watch.go).
const (
	saturatedUtil = 0.95 // the busy fraction from which a side that rejects is saturated
	survivorsUtil = 0.80 // how busy the nodes left after a crash must be
	bracketRatio  = 1.5  // the most a saturating load may exceed one served in full
	fallRatio     = 0.97 // past the peak, throughput must fall below this share of a smaller size's
	servedRatio   = 0.98 // a side served its load in full: at least this share of it, a second
	growRoom      = 0.25 // and its queues grew by at most this share of their room over the window
)

// surviveWindow is how long the nodes left after a crash must serve their
// whole load. A node just over capacity may reject nothing for its first
// second: its 50 slots fill by chance, the backlog's spread growing about
// 30·√t requests in t seconds at 800 req/s, in about (50/30)² ≈ 3 s.
const surviveWindow = 3 * time.Second

// surviveWait is how many seconds after a crash the nodes left can have
// shown it, at the latest: the health check, then surviveWindow, then a
// bucket or two.
var surviveWait = int((DefaultConfig().HealthInterval + surviveWindow + time.Second) / time.Second)

// Challenges are the demo's challenges, in the order the pane offers
// them. The engine checks them from its own measurements (see watch):
// the windows it measured after the student's last change, never the keys
// pressed.
func Challenges() []challenge.Challenge {
	published, _ := Preset(Published)
	return []challenge.Challenge{
		{
			ID: ChallengeSaturate,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: above what load does scale up stop keeping up? Find it: a load it serves in full, and one at most %.1f× higher that saturates it.", bracketRatio)
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("Saturated: every core's bar full and requests rejected. The curve's X(N) at the machine's size is what it can serve."),
					p.T("Press ↑ one step at a time and give each load a second or two: the demo measures a full second after each change."),
					p.T("With %d cores X(%d) ≈ %.0f req/s: %.0f req/s is served in full, %.0f saturates.", 8, 8, published.X(8), 6000.0, 7000.0),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Saturation: with every core busy (U = X·S = 1), throughput stops at capacity X(k); more load only queues, then is turned away.")
			},
		},
		{
			ID: ChallengePastPeak,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: past its peak N*, does adding nodes add throughput or take it away? Give scale out more load than it can serve, grow it past N*, and see.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("Throughput shows capacity only under more load than that: raise the load until scale out rejects requests with every bar full."),
					p.T("Let it run a second at or below N*, then press + (hold it) until N is well past N*: at %.1f·N* the model gives clearly less.", 1.5),
					p.T("Quicker: → for scale out, } %d times (β = %g, N* ≈ %d), ↑ to %.0f req/s, wait a second, then + up to %d nodes.", 4, 0.01, 10, 6000.0, 20),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Retrograde scaling: the USL's β, crosstalk between every pair of nodes, grows as N²; past N* = √((1−α)/β) a node costs more than it adds.")
			},
		},
		{
			ID: ChallengeSurvive,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: can scale out lose a node and turn no one away, with the rest left at least %.0f%% busy? Find such a load, crash a node and see.", 100*survivorsUtil)
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("After a crash the nodes left share the whole load, each n/(n−1) times as busy: at %.0f req/s, %d of %d nodes run about %.0f%% busy.", 4000.0, 7, 8, 70.0),
					p.T("What is lost before the balancer's health check does not count: %d full seconds after it, with none rejected, do.", int(surviveWindow/time.Second)),
					p.T("With %d nodes: ↑ to %.0f req/s, → for scale out, c, and wait %d s: the %d left run about %.0f%% busy. At %.0f they cannot keep up.", 8, 5000.0, surviveWait, 7, 88.0, 6000.0),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("N+1 redundancy: N−1 nodes must carry the peak load. What a node held when it crashed, or got before the health check, is lost: clients retry.")
			},
		},
	}
}

// Challenges are the demo's challenges (the package's Challenges): with
// Done, a Demo is a challenge.Checker.
func (d *Demo) Challenges() []challenge.Challenge { return Challenges() }

// Done is the challenges this demo has seen met, in the order met, each
// with what the student did. Restart and Reset keep them. It takes only
// the log's lock, so a frame can call it cheaply.
func (d *Demo) Done() []challenge.Result { return d.log.Done() }

var _ challenge.Checker = (*Demo)(nil)
