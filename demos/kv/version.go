package kv

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// vclock is a version vector: per server, how many writes it coordinated
// that the version has seen. Index 0 is server 1.
type vclock [MaxN + Spares]uint32

// leq reports whether every entry of a is at most b's: b has seen all a has.
func (a vclock) leq(b vclock) bool {
	for i := range a {
		if a[i] > b[i] {
			return false
		}
	}
	return true
}

// join is the entrywise maximum.
func (a vclock) join(b vclock) vclock {
	for i := range a {
		a[i] = max(a[i], b[i])
	}
	return a
}

// Version is one value of a key as a replica stores it, with what orders
// it against the others: the stamp last-writer-wins compares, and the
// version vector. The initial version (value 0, before any write) has
// Op 0 and is older than every other.
type Version struct {
	Value  int
	Op     int           // the write that made it, 0 for the initial value
	Stamp  time.Duration // the coordinator's physical clock when it was written, skew and all
	Writer int           // the coordinator whose clock stamped it
	VV     vclock
}

// lwwLess is last-writer-wins' order: a before b.
func lwwLess(a, b Version) bool {
	if (a.Op == 0) != (b.Op == 0) {
		return a.Op == 0
	}
	if a.Stamp != b.Stamp {
		return a.Stamp < b.Stamp
	}
	if a.Writer != b.Writer {
		return a.Writer < b.Writer
	}
	return a.Op < b.Op
}

// covers reports whether a replica holding vs has seen f: under LWW its
// winner is f or later; under VV one of its siblings descends from f.
func covers(c Conflicts, vs []Version, f Version) bool {
	if f.Op == 0 {
		return true
	}
	if c == LWW {
		w, ok := winner(vs)
		return ok && !lwwLess(w, f)
	}
	return slices.ContainsFunc(vs, func(v Version) bool { return v.Op == f.Op || f.VV.leq(v.VV) })
}

// coversAll reports whether vs has seen every version of fs.
func coversAll(c Conflicts, vs, fs []Version) bool {
	for _, f := range fs {
		if !covers(c, vs, f) {
			return false
		}
	}
	return true
}

// winner is the LWW winner of vs.
func winner(vs []Version) (Version, bool) {
	if len(vs) == 0 {
		return Version{}, false
	}
	w := vs[0]
	for _, v := range vs[1:] {
		if lwwLess(w, v) {
			w = v
		}
	}
	return w, true
}

// merge is what a replica holds after adding in to vs: under LWW the one
// winner; under VV every version no other descends from (siblings), each
// once. The result is a new slice, sorted by value.
func merge(c Conflicts, vs []Version, in ...Version) []Version {
	all := append(slices.Clone(vs), in...)
	if c == LWW {
		w, ok := winner(all)
		if !ok || w.Op == 0 {
			return nil
		}
		return []Version{w}
	}
	var out []Version
	for i, v := range all {
		if v.Op == 0 {
			continue
		}
		dominated := false
		for j, u := range all {
			if i == j || u.Op == 0 {
				continue
			}
			if u.Op == v.Op && j < i || u.Op != v.Op && v.VV.leq(u.VV) && v.VV != u.VV {
				dominated = true
				break
			}
		}
		if !dominated {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b Version) int { return a.Value - b.Value })
	return out
}

// values are the versions' values; the initial value 0 for none.
func values(vs []Version) []int {
	if len(vs) == 0 {
		return []int{0}
	}
	out := make([]int, len(vs))
	for i, v := range vs {
		out[i] = v.Value
	}
	return out
}

// joinAll is the version vector that has seen all of vs: a write's
// context.
func joinAll(vs []Version) vclock {
	var j vclock
	for _, v := range vs {
		j = j.join(v.VV)
	}
	return j
}

// StampText is the version's LWW stamp as the pane shows it: "t=120ms@n2".
func (v Version) StampText() string {
	if v.Op == 0 {
		return "t=0"
	}
	return "t=" + strconv.FormatInt(v.Stamp.Milliseconds(), 10) + "ms@" + Name(v.Writer)
}

// VVText is the version's vector over the first servers: "[2,1,0]".
func (v Version) VVText(servers int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := range min(servers, len(v.VV)) {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatUint(uint64(v.VV[i]), 10))
	}
	b.WriteByte(']')
	return b.String()
}

// Name is a server's name: "n2".
func Name(id int) string { return "n" + strconv.Itoa(id) }

// ClientName is a client's name: "c1".
func ClientName(id int) string { return "c" + strconv.Itoa(id) }

// ValuesText writes values as a read returns them: "4", or "1 | 2" for
// siblings.
func ValuesText(vs []int) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, " | ")
}
