package chat

import (
	"context"
	"testing"
	"time"
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
			var last BenchResult
			for b.Loop() {
				r, err := Bench(context.Background(), BenchConfig{Addrs: cl.Addrs(), Clients: 200, Senders: 20, Msgs: 500})
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
