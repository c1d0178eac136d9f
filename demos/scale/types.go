package scale

import "distlab/demos/locale"

// Side is one of the demo's two columns.
type Side int

const (
	ScaleUp  Side = iota // one machine with k cores
	ScaleOut             // n one-core nodes behind a load balancer
)

func (s Side) String() string {
	switch s {
	case ScaleUp:
		return "scale up"
	case ScaleOut:
		return "scale out"
	}
	return "unknown side"
}

// Localize is the side's name in p's language: "scale up" is "vertical
// (scale up)" in Brazilian Portuguese. T calls it for a Side argument.
func (s Side) Localize(p *locale.Printer) string {
	switch s {
	case ScaleUp:
		return p.T("scale up")
	case ScaleOut:
		return p.T("scale out")
	}
	return p.T("unknown side")
}

// Policy is how the load balancer picks a node for a request.
type Policy int

const (
	// RoundRobin sends each request to the next node in turn.
	RoundRobin Policy = iota
	// LeastLoaded sends each request to the node with the fewest
	// requests outstanding. A crashed node fails its requests at once, so
	// it looks idle and attracts them until the next health check: the
	// "black hole" of least-connections balancing.
	LeastLoaded
)

func (p Policy) String() string {
	switch p {
	case RoundRobin:
		return "round robin"
	case LeastLoaded:
		return "least loaded"
	}
	return "unknown policy"
}

// Localize is the policy's name in p's language.
func (p Policy) Localize(pr *locale.Printer) string {
	switch p {
	case RoundRobin:
		return pr.T("round robin")
	case LeastLoaded:
		return pr.T("least loaded")
	}
	return pr.T("unknown policy")
}

// ServiceDist is how long one request keeps a core busy.
type ServiceDist int

const (
	Exponential ServiceDist = iota // random, with the mean from the model
	Fixed                          // always the mean
)

func (d ServiceDist) String() string {
	if d == Fixed {
		return "fixed"
	}
	return "exponential"
}
