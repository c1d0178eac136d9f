package chat

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The failover test of issue 12, with real processes: three `distlab chat
// server` nodes peered with one key, six `distlab chat client`s sending at
// a fixed rate; one node is killed (SIGKILL) and restarted, another hung
// (SIGSTOP) and resumed. Every client must end with every other client's
// messages, each once.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// distlabBinary builds cmd/distlab once for the package's tests.
func distlabBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "distlab-chat-test")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "distlab")
		out, err := exec.Command("go", "build", "-o", binPath, "distlab/cmd/distlab").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// freePorts finds n ports nobody listens on now.
func freePorts(t *testing.T, n int) []string {
	t.Helper()
	var ports []string
	var lns []net.Listener
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
		_, p, _ := net.SplitHostPort(ln.Addr().String())
		ports = append(ports, p)
	}
	for _, ln := range lns {
		ln.Close()
	}
	return ports
}

// proc is a distlab process whose output lines go to lines.
type proc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	done  chan struct{} // closed when its output ended
}

func startProc(t *testing.T, bin string, onLine func(string), args ...string) *proc {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--lang", "en"}, args...)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, stdin: stdin, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			onLine(sc.Text())
		}
	}()
	t.Cleanup(func() { p.stop() })
	return p
}

// stop ends the process (resumed first, if stopped) and waits for it.
func (p *proc) stop() {
	if p.cmd.ProcessState != nil {
		return
	}
	p.cmd.Process.Signal(syscall.SIGCONT)
	p.stdin.Close()
	p.cmd.Process.Signal(syscall.SIGTERM)
	t := time.AfterFunc(5*time.Second, func() { p.cmd.Process.Kill() })
	<-p.done
	p.cmd.Wait()
	t.Stop()
}

// kill is kill -9.
func (p *proc) kill() {
	p.cmd.Process.Kill()
	<-p.done
	p.cmd.Wait()
}

// tally is what one client displayed: per message text, how many times.
type tally struct {
	mu      sync.Mutex
	got     map[string]int
	notices []string
	ready   chan struct{} // closed at its first "you are now"
	once    sync.Once
	changed chan struct{} // a message arrived
}

var msgLine = regexp.MustCompile(` (c\d+-\d+)$`)

func (y *tally) line(l string) {
	if strings.HasPrefix(l, "*** ") {
		if strings.Contains(l, "you are now") {
			y.once.Do(func() { close(y.ready) })
		}
		y.mu.Lock()
		y.notices = append(y.notices, l)
		y.mu.Unlock()
		return
	}
	if m := msgLine.FindStringSubmatch(l); m != nil {
		y.mu.Lock()
		y.got[m[1]]++
		y.mu.Unlock()
		select {
		case y.changed <- struct{}{}:
		default:
		}
	}
}

func TestFailoverRealProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 9 processes for about 15 s")
	}
	t.Parallel()
	bin := distlabBinary(t)
	for _, rate := range []int{10, 40} {
		t.Run(fmt.Sprintf("%d_per_s", rate), func(t *testing.T) {
			t.Parallel()
			failover(t, bin, rate)
		})
	}
}

func failover(t *testing.T, bin string, rate int) {
	const nClients = 6
	ports := freePorts(t, 3)
	key := NewKey()
	server := func(i int) *proc {
		args := []string{"chat", "server", "127.0.0.1", ports[i], "--id", fmt.Sprintf("n%d", i+1), "--key", key}
		for j, p := range ports {
			if j != i {
				args = append(args, "--peer", "127.0.0.1:"+p)
			}
		}
		return startProc(t, bin, func(string) {}, args...)
	}
	servers := []*proc{server(0), server(1), server(2)}
	for _, p := range ports {
		waitListening(t, "127.0.0.1:"+p)
	}
	tallies := make([]*tally, nClients)
	clients := make([]*proc, nClients)
	for i := range clients {
		y := &tally{got: map[string]int{}, ready: make(chan struct{}), changed: make(chan struct{}, 1)}
		tallies[i] = y
		clients[i] = startProc(t, bin, y.line, "chat", "client", "127.0.0.1", ports[i%3], "--nick", fmt.Sprintf("c%d", i))
	}
	for i, y := range tallies {
		select {
		case <-y.ready:
		case <-time.After(10 * time.Second):
			t.Fatalf("client %d never got its nick", i)
		}
	}

	// Send for 7 s while n1 is killed at 1 s and restarted at 3 s, and
	// n2 is stopped at 2 s and resumed at 6 s (its clients take it for
	// dead after 3 s of silence, at about 5 s).
	sent := make([]int, nClients)
	var wg sync.WaitGroup
	stopSending := make(chan struct{})
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tick := time.NewTicker(time.Second / time.Duration(rate))
			defer tick.Stop()
			for {
				select {
				case <-stopSending:
					return
				case <-tick.C:
				}
				sent[i]++
				fmt.Fprintf(c.stdin, "c%d-%d\n", i, sent[i])
			}
		}()
	}
	at := func(d time.Duration) <-chan time.Time { return time.After(d) }
	start := time.Now()
	<-at(time.Second)
	servers[0].kill()
	<-at(time.Until(start.Add(2 * time.Second)))
	servers[1].cmd.Process.Signal(syscall.SIGSTOP)
	<-at(time.Until(start.Add(3 * time.Second)))
	servers[0] = server(0)
	<-at(time.Until(start.Add(6 * time.Second)))
	servers[1].cmd.Process.Signal(syscall.SIGCONT)
	<-at(time.Until(start.Add(7 * time.Second)))
	close(stopSending)
	wg.Wait()

	// Every client must get every other client's messages.
	var firstMissing []string
	want := func(y *tally, self int) (missing int) {
		y.mu.Lock()
		defer y.mu.Unlock()
		for j := range clients {
			if j == self {
				continue
			}
			for k := 1; k <= sent[j]; k++ {
				if m := fmt.Sprintf("c%d-%d", j, k); y.got[m] == 0 {
					missing++
					if len(firstMissing) < 20 {
						firstMissing = append(firstMissing, fmt.Sprintf("%s at c%d", m, self))
					}
				}
			}
		}
		return missing
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	for i, y := range tallies {
		for want(y, i) > 0 && ctx.Err() == nil {
			select {
			case <-y.changed:
			case <-ctx.Done():
			}
		}
	}
	var lost, dups, total int
	firstMissing = nil
	for i, y := range tallies {
		lost += want(y, i)
		y.mu.Lock()
		for _, n := range y.got {
			total += n
			if n > 1 {
				dups += n - 1
			}
		}
		y.mu.Unlock()
	}
	t.Logf("%d msg/s per client: %d deliveries, %d lost, %d duplicated", rate, total, lost, dups)
	if lost > 0 || dups > 0 {
		for i, y := range tallies {
			y.mu.Lock()
			t.Logf("client %d notices: %q", i, y.notices)
			y.mu.Unlock()
		}
		t.Fatalf("%d lost, %d duplicated; missing: %v", lost, dups, firstMissing)
	}
}

// waitListening waits until something accepts connections at addr.
func waitListening(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		nc, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			nc.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing listens at %s: %v", addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
