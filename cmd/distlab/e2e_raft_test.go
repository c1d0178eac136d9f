package main

import (
	"bytes"
	"net"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// raftProc is one `distlab raft node` process and what it has printed.
type raftProc struct {
	cmd *exec.Cmd
	mu  sync.Mutex
	out bytes.Buffer
}

func (p *raftProc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

func (p *raftProc) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// raftRole matches a node's role lines; the last one is its role now.
var raftRole = regexp.MustCompile(`term (\d+): (leader|follower|candidate|pre-candidate)`)

// leads reports whether the node's last role line says leader, and in
// which term.
func (p *raftProc) leads() (uint64, bool) {
	m := raftRole.FindAllStringSubmatch(p.String(), -1)
	if len(m) == 0 {
		return 0, false
	}
	last := m[len(m)-1]
	term, _ := strconv.ParseUint(last[1], 10, 64)
	return term, last[2] == "leader"
}

// freeAddrs returns n loopback addresses with ports free a moment ago.
func freeAddrs(t *testing.T, n int) []string {
	t.Helper()
	var addrs []string
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addrs = append(addrs, ln.Addr().String())
		defer ln.Close()
	}
	return addrs
}

// TestE2ERaftFailover runs three `distlab raft node` processes on
// loopback and the client: a put through a follower commits (redirected
// to the leader); the leader's process is killed (SIGKILL: no goodbye),
// the two others elect a new leader and a put through either commits
// again, and a get reads both values. The survivors stop on SIGTERM with
// status 0.
func TestE2ERaftFailover(t *testing.T) {
	if distlabBin == "" {
		t.Skip("the end-to-end tests build distlab only with tmux installed and without -short")
	}
	t.Parallel()
	addrs := freeAddrs(t, 6)
	var peers []string
	for i := range 3 {
		peers = append(peers, strconv.Itoa(i+1)+"="+addrs[i]+"/"+addrs[3+i])
	}
	data := t.TempDir()
	procs := make([]*raftProc, 3)
	for i := range procs {
		p := &raftProc{}
		p.cmd = exec.Command(distlabBin, "--lang", "en", "raft", "node", "--id", strconv.Itoa(i+1),
			"--peers", strings.Join(peers, ","), "--data", filepath.Join(data, strconv.Itoa(i+1)), "--tick", "50ms")
		p.cmd.Stdout, p.cmd.Stderr = p, p
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
		procs[i] = p
	}
	leader := func(not int) int {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			best, bestTerm := -1, uint64(0)
			for i, p := range procs {
				if term, ok := p.leads(); ok && i != not && term >= bestTerm {
					best, bestTerm = i, term
				}
			}
			if best >= 0 {
				return best
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("no leader; the nodes printed:\n%s\n%s\n%s", procs[0], procs[1], procs[2])
		return -1
	}
	client := func(i int, args ...string) string {
		t.Helper()
		out, err := exec.Command(distlabBin, append([]string{"--lang", "en", "raft", "client", addrs[3+i], "--wait", "10s"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("distlab raft client %s %s: %v\n%s", addrs[3+i], strings.Join(args, " "), err, out)
		}
		return string(out)
	}

	lead := leader(-1)
	follower := (lead + 1) % 3
	if out := client(follower, "put", "x", "1"); !strings.Contains(out, "ok: x=1") || !strings.Contains(out, "node "+strconv.Itoa(lead+1)+" leads") {
		t.Fatalf("put through follower %d:\n%s", follower+1, out)
	}
	procs[lead].cmd.Process.Kill()
	procs[lead].cmd.Wait()
	killed := time.Now()
	if out := client(follower, "put", "y", "2"); !strings.Contains(out, "ok: y=2") {
		t.Fatalf("put after the leader was killed:\n%s", out)
	}
	t.Logf("a put through node %d committed %v after leader %d was killed", follower+1, time.Since(killed).Round(time.Millisecond), lead+1)
	newLead := leader(lead)
	other := 3 - lead - follower
	if out := client(other, "get", "x"); strings.TrimSpace(lastLine(out)) != "1" {
		t.Fatalf("get x through node %d:\n%s", other+1, out)
	}
	if out := client(other, "get", "y"); strings.TrimSpace(lastLine(out)) != "2" {
		t.Fatalf("get y through node %d:\n%s", other+1, out)
	}
	for i, p := range procs {
		if i == lead {
			continue
		}
		p.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- p.cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("node %d on SIGTERM: %v\n%s", i+1, err, p)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("node %d did not stop on SIGTERM:\n%s", i+1, p)
		}
	}
	if !strings.Contains(procs[newLead].String(), "applied entry") {
		t.Errorf("the new leader printed no applied entry:\n%s", procs[newLead])
	}
}
