package reader

// renderCache keeps finished renders, bounded by the bytes they hold rather
// than by their number: a lesson of 450 KB renders to tens of megabytes of
// styled lines at one width, and a resize storm asks for a render at every
// width it passes (64 of them once kept 812 MB). Past maxCacheBytes the
// renders used least recently go, never the one asked for last.
type renderCache struct {
	entries map[renderKey]*cached
	bytes   int
	clock   uint64 // counts uses, for "least recently"
}

type cached struct {
	render
	size int
	used uint64
}

// maxCacheBytes bounds what the cache holds: the whole course at one width
// in both languages (a lesson renders to 300–430 KB at 100 columns), with
// room for a few more widths, themes or slides. Beyond it the garbage
// collector's headroom doubles every byte kept, and a resize storm over a
// big lesson took memory past twice its resting size at 16 MB.
const maxCacheBytes = 8 << 20

func newRenderCache() *renderCache { return &renderCache{entries: map[renderKey]*cached{}} }

// get returns the render of k, marking it used.
func (c *renderCache) get(k renderKey) (render, bool) {
	e, ok := c.entries[k]
	if !ok {
		return render{}, false
	}
	c.clock++
	e.used = c.clock
	return e.render, true
}

// put keeps r as the render of k, then drops the least recently used others
// until the cache fits maxCacheBytes again (or only k is left).
func (c *renderCache) put(k renderKey, r render) {
	if old, ok := c.entries[k]; ok {
		c.bytes -= old.size
	}
	c.clock++
	e := &cached{render: r, size: renderSize(r), used: c.clock}
	c.entries[k] = e
	c.bytes += e.size
	for c.bytes > maxCacheBytes && len(c.entries) > 1 {
		var oldest renderKey
		var at uint64
		for key, e := range c.entries {
			if key != k && (at == 0 || e.used < at) {
				oldest, at = key, e.used
			}
		}
		c.bytes -= c.entries[oldest].size
		delete(c.entries, oldest)
	}
}

// renderSize is about what a render holds: its lines, their headers, and
// the viewport's own record of each line (it keeps their widths).
func renderSize(r render) int {
	n := 0
	for _, l := range r.lines {
		n += len(l) + 16 + 8
	}
	return n
}
