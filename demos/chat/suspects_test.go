package chat

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// Over the demo's very slow links, a node that is up is suspected now and
// then, and cleared when its late heartbeats land; over its slow links,
// never.
func TestVerySlowLinksMakeHealthyNodesSuspected(t *testing.T) {
	for _, c := range []struct {
		speed     LinkSpeed
		suspected bool
	}{{LinksVerySlow, true}, {LinksSlow, false}} {
		synctest.Test(t, func(t *testing.T) {
			cl := memCluster(t, newMemNet(), 2)
			n1, n2 := cl.Nodes[0], cl.Nodes[1]
			for _, n := range cl.Nodes {
				n.SetLinkDelay(c.speed.delays())
			}
			suspected, cleared := false, false
			for range 12000 { // 2 min: with jitter, a few suspicions a minute
				time.Sleep(10 * time.Millisecond)
				synctest.Wait()
				if !n2.Stats().Up {
					t.Fatal("n2 went down")
				}
				s := slices.Contains(n1.Suspects(), "n2")
				cleared = cleared || suspected && !s
				suspected = suspected || s
			}
			if suspected != c.suspected || c.suspected && !cleared {
				t.Errorf("links %d: n2 suspected %v, then cleared %v; want suspected %v and cleared", c.speed, suspected, cleared, c.suspected)
			}
		})
	}
}
