package serve

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// BenchmarkSessions opens 1 and 20 sessions at once (students with a key
// and a name, so straight into the app at 100×30) and reports the time
// from dialing to the app's first full screen (the median and the
// slowest), the server's heap per session once they are all up, and its
// goroutines per session. The clients read raw output (no emulator), so
// the heap is the server's.
//
//	go test ./tui/serve -run '^$' -bench Sessions -benchtime 3x
func BenchmarkSessions(b *testing.B) {
	for _, n := range []int{1, 20} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ts := startBenchServer(b)
			keys := make([]gossh.Signer, n)
			for i := range keys {
				keys[i] = newKey(b)
				if err := ts.students.claim(keyID(keys[i].PublicKey()), fmt.Sprintf("s%d", i), fingerprint(keys[i].PublicKey())); err != nil {
					b.Fatal(err)
				}
			}
			var firsts []time.Duration
			var heap, gor float64
			for b.Loop() {
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				g0 := runtime.NumGoroutine()
				clients := make([]*benchClient, n)
				var wg sync.WaitGroup
				for i := range clients {
					wg.Add(1)
					go func() {
						defer wg.Done()
						clients[i] = openBench(b, ts.Addr(), keys[i])
					}()
				}
				wg.Wait()
				for _, c := range clients {
					firsts = append(firsts, c.first)
				}
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				heap += float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
				gor += float64(runtime.NumGoroutine()-g0) / float64(n)
				for _, c := range clients {
					c.close()
				}
				ts.waitEmpty(b)
			}
			slices.Sort(firsts)
			b.ReportMetric(float64(firsts[len(firsts)/2].Microseconds())/1000, "ms-first-frame-p50")
			b.ReportMetric(float64(firsts[len(firsts)-1].Microseconds())/1000, "ms-first-frame-max")
			b.ReportMetric(heap/float64(b.N)/1024, "KiB-heap/session")
			b.ReportMetric(gor/float64(b.N), "goroutines/session")
		})
	}
}

// startBenchServer is startServer for a benchmark.
func startBenchServer(b *testing.B) *testServer {
	b.Helper()
	dir := b.TempDir()
	ts := &testServer{dir: dir, log: &logBuffer{}, apps: make(chan *spyApp, 1)}
	cfg := Config{
		Listen: "127.0.0.1:0", Code: testCode, Max: 100,
		HostKeyPath: dir + "/key", StudentsDir: dir + "/students",
	}
	cfg.App.Load, cfg.App.Source = course, "lessons"
	s, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	ts.Server = s
	go func() { _ = s.Serve(b.Context()) }()
	b.Cleanup(func() { _ = s.Close() })
	return ts
}

// waitEmpty waits until every session has ended.
func (ts *testServer) waitEmpty(b *testing.B) {
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		ts.mu.Lock()
		n := len(ts.sessions)
		ts.mu.Unlock()
		if n == 0 {
			return
		}
	}
	b.Fatal("sessions left")
}

// benchClient is a session whose output is only watched for the app's
// screen.
type benchClient struct {
	client *gossh.Client
	sess   *gossh.Session
	first  time.Duration // dial to the first lesson's title on screen
	done   chan struct{}
}

func openBench(b *testing.B, addr string, key gossh.Signer) *benchClient {
	start := time.Now()
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "s", Auth: withKey(key), HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		b.Error(err)
		return nil
	}
	sess, err := client.NewSession()
	if err != nil {
		b.Error(err)
		return nil
	}
	_ = sess.Setenv("LANG", "en_US.UTF-8")
	if err := sess.RequestPty("xterm-256color", 30, 100, nil); err != nil {
		b.Error(err)
	}
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		b.Error(err)
	}
	c := &benchClient{client: client, sess: sess, done: make(chan struct{})}
	seen := make(chan struct{})
	go func(seen chan struct{}) {
		defer close(c.done)
		var tail []byte
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if seen != nil {
				tail = append(tail, buf[:n]...)
				if bytes.Contains(tail, []byte("What Is a Distributed System?")) {
					c.first = time.Since(start)
					close(seen)
					seen = nil
				}
			}
			if err != nil {
				if seen != nil {
					close(seen)
				}
				_, _ = io.Copy(io.Discard, out)
				return
			}
		}
	}(seen)
	select {
	case <-seen:
	case <-time.After(30 * time.Second):
		b.Error("no first frame")
	}
	return c
}

func (c *benchClient) close() {
	if c == nil {
		return
	}
	_ = c.sess.Close()
	_ = c.client.Close()
	<-c.done
}
