package scale

import (
	"math/rand/v2"
	"time"
)

// fifo is a ring of waiting requests' arrival times.
type fifo struct {
	buf     []time.Duration
	head, n int
}

func (f *fifo) push(t time.Duration) {
	if f.n == len(f.buf) {
		nb := make([]time.Duration, max(16, 2*len(f.buf)))
		for i := range f.n {
			nb[i] = f.buf[(f.head+i)%len(f.buf)]
		}
		f.buf, f.head = nb, 0
	}
	f.buf[(f.head+f.n)%len(f.buf)] = t
	f.n++
}

func (f *fifo) pop() time.Duration {
	t := f.buf[f.head]
	f.head = (f.head + 1) % len(f.buf)
	f.n--
	return t
}

func (f *fifo) clear() { f.head, f.n = 0, 0 }

// server is one core.
type server struct {
	busy  bool
	reqAt time.Duration // when the request it serves arrived
	start time.Duration // when it began serving it
	acc   time.Duration // busy time in the current bucket, of services already ended
}

// station is one machine: the scale-up machine (k cores sharing a
// queue) or a scale-out node (one core, its own queue).
type station struct {
	servers    []server
	active     int // servers in use; higher ones finish their request and stop
	busyActive int // busy servers below active
	next       int // where the search for a free core starts, to spread work
	queue      fifo
	queueCap   int
	up         bool
	routed     bool   // the balancer believes it is up (scale-out)
	epoch      uint32 // bumped by a crash: its pending departures are void
	repairAt   time.Duration
}

func (st *station) waiting() int { return st.queue.n }

func (st *station) outstanding() int {
	n := st.queue.n
	for i := range st.servers {
		if st.servers[i].busy {
			n++
		}
	}
	return n
}

// sideParams are a side's settings, as Config gives them.
type sideParams struct {
	kind     Side
	model    Model
	size     int
	policy   Policy
	dist     ServiceDist
	queuePer int
	mttr     time.Duration
	health   time.Duration
	bucket   time.Duration
	window   int // buckets
	history  int // buckets
}

// side simulates one column: its stations, its event queue and its
// measurements. It is not safe for concurrent use; Demo guards it.
type side struct {
	sideParams
	stations []*station
	rr       int
	mean     float64 // mean service time of one request on one core, in seconds
	load     float64 // offered requests a second
	arrEpoch uint32
	arrRng   *rand.Rand
	svcRng   *rand.Rand
	q        eventQueue
	now      time.Duration
	inSystem int
	upCount  int // stations below size that are up
	// changed is when a setting, a crash or a repair last changed what the
	// side measures: a window that began after it is steady (steady).
	changed time.Duration

	tot         Totals
	mark        Totals // tot when the current bucket began
	bucketStart time.Duration
	cur         Hist
	win         []bucketStats // ring of the last window buckets
	winPos      int
	winFilled   int
	hist        []float64 // ring of throughput per bucket
	histPos     int
	histFilled  int
}

// bucketStats are one bucket's measurements.
type bucketStats struct {
	offered, completed, rejected, failed uint64
	lat                                  Hist
	util                                 []float64 // per unit
}

// PCG streams: both sides draw arrivals from the same stream, so they see
// the very same requests; each draws service times from its own.
const (
	streamArrivals = 0x5ca1e_a771
	streamService  = 0x5ca1e_5e41
)

func newSide(p sideParams, seed uint64, load float64) *side {
	s := &side{
		sideParams: p,
		arrRng:     rand.New(rand.NewPCG(seed, streamArrivals)),
		svcRng:     rand.New(rand.NewPCG(seed, streamService+uint64(p.kind))),
		win:        make([]bucketStats, p.window),
		hist:       make([]float64, p.history),
	}
	s.size = 0
	if p.kind == ScaleUp {
		s.stations = []*station{{up: true, routed: true}}
	} else {
		s.q.push(event{at: p.health, kind: evHealth})
	}
	s.resize(p.size)
	s.setLoad(load)
	return s
}

// units is how many cores (scale up) or nodes (scale out) are shown.
func (s *side) units() int { return s.size }

// unitServer is the core behind unit i.
func (s *side) unitServer(i int) *server {
	if s.kind == ScaleUp {
		return &s.stations[0].servers[i]
	}
	return &s.stations[i].servers[0]
}

// resize sets the machine's cores or the number of nodes. A shrunk
// machine's extra cores finish their request and stop; a removed node is
// taken out of the balancer and drains its queue. A node added back is a
// fresh machine, up at once.
func (s *side) resize(n int) {
	old := s.size
	s.size = n
	s.setModel(s.model) // before dispatch: the service time depends on the size
	if s.kind == ScaleUp {
		st := s.stations[0]
		for len(st.servers) < n {
			st.servers = append(st.servers, server{})
		}
		st.active = n
		st.queueCap = s.queuePer * n
		st.busyActive = 0
		for i := range n {
			if st.servers[i].busy {
				st.busyActive++
			}
		}
		st.next %= n
		s.dispatch(st, 0)
	} else {
		for i := old; i < min(n, len(s.stations)); i++ { // added back: a fresh machine
			st := s.stations[i]
			if !st.up {
				st.up = true
				st.epoch++ // its pending repair is void
			}
			st.routed = true
		}
		for i := n; i < old; i++ { // removed: out of the balancer, drains its queue
			s.stations[i].routed = false
		}
		for len(s.stations) < n {
			s.stations = append(s.stations, &station{
				servers: make([]server, 1), active: 1, queueCap: s.queuePer, up: true, routed: true,
			})
		}
		s.rr %= n
	}
	s.recount()
}

// recount updates upCount after a crash, repair or resize.
func (s *side) recount() {
	s.upCount = 0
	if s.kind == ScaleUp {
		if s.stations[0].up {
			s.upCount = 1
		}
		return
	}
	for _, st := range s.stations[:s.size] {
		if st.up {
			s.upCount++
		}
	}
}

// setModel makes each core serve X(size)/size requests a second.
func (s *side) setModel(m Model) {
	s.model = m
	s.changed = s.now
	s.mean = float64(s.size) / m.X(float64(s.size))
}

// setLoad changes the offered load from now on. Arrivals are memoryless,
// so drawing the next one afresh from now is exact.
func (s *side) setLoad(rps float64) {
	s.load = rps
	s.changed = s.now
	s.arrEpoch++
	if rps > 0 {
		s.q.push(event{at: s.now + s.draw(s.arrRng, 1/rps, Exponential), kind: evArrival, epoch: s.arrEpoch})
	}
}

// draw is a duration with the given mean in seconds, at least 1ns.
func (s *side) draw(r *rand.Rand, mean float64, dist ServiceDist) time.Duration {
	x := mean
	if dist == Exponential {
		x = r.ExpFloat64() * mean
	}
	return max(1, time.Duration(x*1e9+0.5))
}

// advance runs the side until simulated time to, closing buckets on the way.
func (s *side) advance(to time.Duration) {
	for {
		next := min(s.bucketStart+s.bucket, to)
		for s.q.len() > 0 && s.q.peek().at <= next {
			ev := s.q.pop()
			s.clock(ev.at)
			s.handle(ev)
		}
		s.clock(next)
		if next == s.bucketStart+s.bucket {
			s.closeBucket()
		}
		if next == to {
			return
		}
	}
}

// clock moves the side's time to t, integrating L and uptime.
func (s *side) clock(t time.Duration) {
	dt := t - s.now
	if dt <= 0 {
		return
	}
	s.tot.Area += float64(s.inSystem) * dt.Seconds()
	if s.upCount > 0 {
		s.tot.Serving += dt
	}
	s.tot.Elapsed += dt
	s.now = t
}

func (s *side) handle(ev event) {
	switch ev.kind {
	case evArrival:
		if ev.epoch != s.arrEpoch {
			return
		}
		s.arrive()
		s.q.push(event{at: s.now + s.draw(s.arrRng, 1/s.load, Exponential), kind: evArrival, epoch: s.arrEpoch})
	case evDeparture:
		s.depart(ev)
	case evRepair:
		if st := s.stations[ev.unit]; ev.epoch == st.epoch && !st.up {
			s.repair(int(ev.unit))
		}
	case evHealth:
		for _, st := range s.stations[:s.size] {
			st.routed = st.up
		}
		s.q.push(event{at: s.now + s.health, kind: evHealth})
	}
}

func (s *side) arrive() {
	s.tot.Offered++
	i := s.route()
	if i < 0 || !s.stations[i].up {
		s.tot.Failed++
		return
	}
	st := s.stations[i]
	switch {
	case st.busyActive < st.active:
		s.inSystem++
		s.start(st, i, st.freeServer(), s.now)
	case st.queue.n < st.queueCap:
		s.inSystem++
		st.queue.push(s.now)
	default:
		s.tot.Rejected++
	}
}

// route picks the station for a request: the machine, or the node the
// balancer chooses among those it believes up; −1 if there is none.
func (s *side) route() int {
	if s.kind == ScaleUp {
		return 0
	}
	best := -1
	for k := range s.size {
		i := (s.rr + k) % s.size
		st := s.stations[i]
		if !st.routed {
			continue
		}
		if s.policy == RoundRobin {
			best = i
			break
		}
		if best < 0 || st.outstanding() < s.stations[best].outstanding() {
			best = i
		}
	}
	if best >= 0 {
		s.rr = (best + 1) % s.size
	}
	return best
}

// freeServer is a free core below active, searching from st.next.
func (st *station) freeServer() int {
	for k := range st.active {
		j := (st.next + k) % st.active
		if !st.servers[j].busy {
			st.next = (j + 1) % st.active
			return j
		}
	}
	return -1
}

func (s *side) start(st *station, unit, j int, reqAt time.Duration) {
	sv := &st.servers[j]
	sv.busy, sv.reqAt, sv.start = true, reqAt, s.now
	st.busyActive++
	s.q.push(event{at: s.now + s.draw(s.svcRng, s.mean, s.dist), kind: evDeparture,
		unit: int32(unit), server: int32(j), epoch: st.epoch})
}

// dispatch gives waiting requests to free cores.
func (s *side) dispatch(st *station, unit int) {
	for st.queue.n > 0 && st.busyActive < st.active {
		s.start(st, unit, st.freeServer(), st.queue.pop())
	}
}

func (s *side) depart(ev event) {
	st := s.stations[ev.unit]
	if ev.epoch != st.epoch {
		return // the station crashed while serving it
	}
	sv := &st.servers[ev.server]
	lat := s.now - sv.reqAt
	s.cur.Add(lat)
	s.tot.Latency += lat
	s.tot.Completed++
	s.endService(st, int(ev.server))
	s.inSystem--
	s.dispatch(st, int(ev.unit))
}

// endService frees core j, accounting its busy time.
func (s *side) endService(st *station, j int) {
	sv := &st.servers[j]
	sv.acc += s.now - max(sv.start, s.bucketStart)
	s.tot.Busy += s.now - sv.start
	sv.busy = false
	if j < st.active {
		st.busyActive--
	}
}

// crash takes station i down: what it held is lost, and it comes back
// after MTTR unless repaired sooner.
func (s *side) crash(i int) bool {
	st := s.stations[i]
	if !st.up {
		return false
	}
	st.up = false
	st.epoch++
	s.changed = s.now
	lost := st.queue.n
	st.queue.clear()
	for j := range st.servers {
		if st.servers[j].busy {
			s.endService(st, j)
			lost++
		}
	}
	s.inSystem -= lost
	s.tot.Failed += uint64(lost)
	st.repairAt = s.now + s.mttr
	s.q.push(event{at: st.repairAt, kind: evRepair, unit: int32(i), epoch: st.epoch})
	s.recount()
	return true
}

// repair brings station i back up, empty. A node is routed to again
// from the balancer's next health check.
func (s *side) repair(i int) bool {
	st := s.stations[i]
	if st.up {
		return false
	}
	st.up = true
	s.changed = s.now
	if s.kind == ScaleUp {
		st.routed = true
	}
	s.recount()
	return true
}

// steady reports whether the last window is full and began after the
// last change: its figures measure the side as it is now.
func (s *side) steady() bool {
	return s.winFilled == len(s.win) && s.now-s.bucket*time.Duration(len(s.win)) >= s.changed
}

// closeBucket ends the bucket at s.now and starts the next.
func (s *side) closeBucket() {
	b := &s.win[s.winPos]
	b.offered = s.tot.Offered - s.mark.Offered
	b.completed = s.tot.Completed - s.mark.Completed
	b.rejected = s.tot.Rejected - s.mark.Rejected
	b.failed = s.tot.Failed - s.mark.Failed
	b.lat, s.cur = s.cur, b.lat
	s.cur.Reset()
	b.util = b.util[:0]
	for i := range s.units() {
		sv := s.unitServer(i)
		acc := sv.acc
		if sv.busy {
			acc += s.now - max(sv.start, s.bucketStart)
		}
		b.util = append(b.util, min(1, float64(acc)/float64(s.bucket)))
	}
	for _, st := range s.stations {
		for j := range st.servers {
			st.servers[j].acc = 0
		}
	}
	s.winPos = (s.winPos + 1) % len(s.win)
	s.winFilled = min(s.winFilled+1, len(s.win))
	s.hist[s.histPos] = float64(b.completed) / s.bucket.Seconds()
	s.histPos = (s.histPos + 1) % len(s.hist)
	s.histFilled = min(s.histFilled+1, len(s.hist))
	s.mark = s.tot
	s.bucketStart = s.now
}
