package demo

import "slices"

// Partition is a pane's partition chooser (Raft's nodes, the store's
// servers): closed, or open with the ids picked so far for the side to cut
// off, from 1 to the cluster's size. The pane maps keys to its methods and
// says in its own words why a key did nothing.
type Partition[T ~int | ~uint64] struct {
	open bool
	side []T // sorted
}

// Open opens the chooser with nothing picked.
func (p *Partition[T]) Open() { p.open, p.side = true, nil }

// Close closes it, nothing cut.
func (p *Partition[T]) Close() { p.open, p.side = false, nil }

// IsOpen says whether the chooser is open.
func (p *Partition[T]) IsOpen() bool { return p.open }

// Side is the ids picked, in order.
func (p *Partition[T]) Side() []T { return p.side }

// Picked says whether id is on the side to cut off.
func (p *Partition[T]) Picked(id T) bool { return p.open && slices.Contains(p.side, id) }

// Toggle picks id, or unpicks it if it was; false, and nothing changes, if
// the cluster of n has no id (ids run from 1 to n).
func (p *Partition[T]) Toggle(id, n int) bool {
	if id < 1 || id > n {
		return false
	}
	if i := slices.Index(p.side, T(id)); i >= 0 {
		p.side = slices.Delete(p.side, i, i+1)
	} else {
		p.side = append(p.side, T(id))
		slices.Sort(p.side)
	}
	return true
}

// Take closes the chooser and returns the side, if it splits a cluster of
// n in two (at least one picked, at least one left); otherwise false, and
// the chooser stays open as it was.
func (p *Partition[T]) Take(n int) ([]T, bool) {
	if len(p.side) == 0 || len(p.side) >= n {
		return nil, false
	}
	side := p.side
	p.Close()
	return side, true
}
