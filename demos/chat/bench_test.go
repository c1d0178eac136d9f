package chat

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// BenchmarkDeliveries is the throughput figure: 200 clients, 20
// senders × 500 messages, no rate limit, one node, the load generator in
// the same process. Reports deliveries/s; run with -benchtime 1x.
func BenchmarkDeliveries(b *testing.B) {
	for _, nodes := range []int{1, 3} {
		b.Run(map[int]string{1: "one_node", 3: "three_nodes"}[nodes], func(b *testing.B) {
			cl, err := StartCluster(nodes, "127.0.0.1", 0, Config{MaxClients: 300})
			if err != nil {
				b.Fatal(err)
			}
			defer func() {
				ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
				defer cancel()
				cl.Shutdown(ctx)
			}()
			time.Sleep(200 * time.Millisecond) // the mesh forms
			warmUp(b, cl)
			var last BenchResult
			for b.Loop() {
				r, err := Bench(context.Background(), BenchConfig{Addrs: cl.Addrs(), Clients: 200, Senders: 20, Msgs: 2000})
				if err != nil {
					b.Fatal(err)
				}
				if r.Delivered != r.Expected || r.Duplicates != 0 {
					b.Fatalf("lost or repeated: %v", r)
				}
				last = r
			}
			b.ReportMetric(last.PerSecond(), "deliveries/s")
			if nodes > 1 { // what the topology costs: copies each node received per message it took from a peer
				var copies, relayed uint64
				for _, n := range cl.Nodes {
					s := n.Stats()
					copies, relayed = copies+s.Copies, relayed+s.Relayed
				}
				b.ReportMetric(float64(copies)/float64(max(relayed, 1)), "copies/relayed")
			}
			b.ReportMetric(float64(last.P99.Milliseconds()), "p99-ms")
		})
	}
}

// warmUp runs a short load on cl, unmeasured: the first run of a process
// also pays for growing its heap and its goroutines' stacks (a first
// one-node run measured 8.3 million deliveries/s where the next three
// gave 11.4–12.0).
func warmUp(b *testing.B, cl *Cluster) {
	b.Helper()
	if _, err := Bench(context.Background(), BenchConfig{Addrs: cl.Addrs(), Clients: 200, Senders: 20, Msgs: 500}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkThreeNodesVsOne is the ratio, measured side by side:
// a one-node and a three-node cluster, both up, each warmed up, loaded in
// turn (one, three, one, three…) as BenchmarkDeliveries loads them, so
// that what the machine does meanwhile weighs on both alike. Reports the
// lowest and the median of the rounds' ratios (three nodes' deliveries/s
// over the one node's just before). A round is 20 senders × 18,000
// messages to 200 clients, 72 million deliveries, some 5 s: rounds of a
// third of that swung ±20% on a shared 2-core machine, and a flood this
// long is what found links dropped under a peer waiting for its slowest
// client (queueWait). Refused links are logged.
func BenchmarkThreeNodesVsOne(b *testing.B) {
	const rounds, msgs = 4, 18000
	var clusters [2]*Cluster
	for i, nodes := range []int{1, 3} {
		cl, err := StartCluster(nodes, "127.0.0.1", 0, Config{MaxClients: 300, Log: func(l string) { b.Log(l) }})
		if err != nil {
			b.Fatal(err)
		}
		defer func() {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			cl.Shutdown(ctx)
		}()
		clusters[i] = cl
	}
	time.Sleep(200 * time.Millisecond) // the mesh forms
	for _, cl := range clusters {
		warmUp(b, cl)
	}
	var ratios []float64
	for b.Loop() {
		for range rounds {
			var rate [2]float64
			for i, cl := range clusters {
				r, err := Bench(context.Background(), BenchConfig{Addrs: cl.Addrs(), Clients: 200, Senders: 20, Msgs: msgs})
				if err != nil {
					b.Fatal(err)
				}
				if r.Delivered != r.Expected || r.Duplicates != 0 {
					for _, n := range cl.Nodes {
						b.Logf("%+v", n.Stats())
					}
					b.Fatalf("%d nodes: lost or repeated: %v", len(cl.Nodes), r)
				}
				rate[i] = r.PerSecond()
			}
			ratios = append(ratios, rate[1]/rate[0])
			b.Logf("one %.2fM three %.2fM ratio %.2f", rate[0]/1e6, rate[1]/1e6, rate[1]/rate[0])
		}
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[0], "lowest-ratio")
	b.ReportMetric(ratios[len(ratios)/2], "median-ratio")
}

// The load generator's parser reads back what the senders wrote, through
// the node's "nick@node: " prefix, and refuses what they did not.
func TestParseBench(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, seq := rapid.IntRange(0, 99).Draw(t, "s"), rapid.IntRange(0, 9999).Draw(t, "seq")
		ts := rapid.Int64Range(0, 1<<62).Draw(t, "ts")
		line := fmt.Sprintf("12:00:01 guest7@n2: b%d-%d-%d\r\n", s, seq, ts)
		gs, gseq, gts, ok := parseBench([]byte(line), 100, 10000)
		if !ok || gs != s || gseq != seq || gts != ts {
			t.Fatalf("%q: got %d %d %d %v", line, gs, gseq, gts, ok)
		}
	})
	for _, bad := range []string{"guest1@n1: hello\n", "g@n1: b1-2\n", "g@n1: b1-2-3x\n", "g@n1: b100-0-1\n",
		"g@n1: b1-10000-1\n", "g@n1: b-1-2-3\n", "g@n1: b1--2-3\n", "g@n1: b99999999999999999999-1-1\n"} {
		if _, _, _, ok := parseBench([]byte(bad), 100, 10000); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}
