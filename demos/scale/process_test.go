package scale

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// buildDistlab builds the distlab binary into a temporary folder.
func buildDistlab(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the distlab binary: skipped in -short mode")
	}
	gobin, err := exec.LookPath("go") // go test puts its own go first on PATH
	if err != nil {
		t.Fatalf("no go command to build the binary with: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "distlab")
	if out, err := exec.Command(gobin, "build", "-o", bin, "distlab/cmd/distlab").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// children lists this process's child processes (Linux only; nil
// elsewhere).
func children(t *testing.T) []int {
	t.Helper()
	tasks, _ := filepath.Glob("/proc/self/task/*/children")
	var pids []int
	for _, f := range tasks {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, s := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(s); err == nil {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}

// TestProcesses starts real worker processes from the built binary, as
// `distlab scale bench` does, and checks that none is left behind.
func TestProcesses(t *testing.T) {
	bin := buildDistlab(t)
	before := len(children(t))
	ctx := context.Background()

	t.Run("worker", func(t *testing.T) {
		p, err := StartProcess(ctx, bin, 2, 50)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Stop()
		if got := talk(t, p.Addr(), "42", "43"); len(got) != 2 || got[0] != WorkHex(42, 50) || got[1] != WorkHex(43, 50) {
			t.Errorf("answers %q", got)
		}
		if err := p.Stop(); err != nil {
			t.Errorf("Stop: %v", err)
		}
		if p.cmd.ProcessState == nil || !p.cmd.ProcessState.Exited() || p.cmd.ProcessState.ExitCode() != 0 {
			t.Errorf("worker did not exit cleanly on interrupt: %v", p.cmd.ProcessState)
		}
	})

	// A worker whose bench dies (its stdin closes) ends by itself.
	t.Run("orphan", func(t *testing.T) {
		p, err := StartProcess(ctx, bin, 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Stop()
		p.stdin.Close()
		select {
		case <-p.exited:
		case <-time.After(5 * time.Second):
			t.Fatal("worker still running after its stdin closed")
		}
	})

	// A worker for more cores than DefaultMaxConns/ConnsPerCore takes every
	// connection a bench gives its cores (it closed those past 256, and a
	// bench --up 129 read EOF).
	t.Run("many cores", func(t *testing.T) {
		const cores = DefaultMaxConns/ConnsPerCore + 1
		p, err := StartProcess(ctx, bin, cores, 1)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Stop()
		// Every connection stays open until all have been answered.
		n := ConnsPerCore * cores
		errs, release := make(chan error, n), make(chan struct{})
		var conns sync.WaitGroup
		defer conns.Wait()
		defer close(release)
		for i := range n {
			conns.Go(func() {
				c, err := net.DialTimeout("tcp", p.Addr(), 5*time.Second)
				if err != nil {
					errs <- err
					return
				}
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				fmt.Fprintf(c, "%d\n", i)
				line, err := bufio.NewReader(c).ReadString('\n')
				if err == nil && strings.TrimSpace(line) != WorkHex(uint64(i), 1) {
					err = fmt.Errorf("connection %d answered %q", i, line)
				}
				errs <- err
				<-release
			})
		}
		failed := 0
		for range n {
			if err := <-errs; err != nil {
				if failed++; failed == 1 {
					t.Errorf("first failure: %v", err)
				}
			}
		}
		if failed > 0 {
			t.Errorf("%d of %d connections failed", failed, n)
		}
	})

	t.Run("bad binary", func(t *testing.T) {
		if _, err := StartProcess(ctx, "/bin/true", 1, 1); err == nil {
			t.Error("a binary that prints nothing was taken for a worker")
		}
	})

	for _, mode := range []Side{ScaleUp, ScaleOut} {
		t.Run(mode.String(), func(t *testing.T) {
			rep, err := RunBench(ctx, BenchPlan{Mode: mode, N: 2, Exe: bin, Duration: 500 * time.Millisecond, Rounds: 500, Gamma: 1000})
			if err != nil {
				t.Fatal(err)
			}
			local := map[Side]int{ScaleUp: 1, ScaleOut: 2}[mode] // one 2-core worker, or two 1-core ones
			if rep.Local != local || rep.Result.OK == 0 || rep.Result.Errors != 0 {
				t.Errorf("%d local, %d ok, %d errors: %s", rep.Local, rep.Result.OK, rep.Result.Errors, rep.Result.FirstError)
			}
			if !strings.Contains(rep.String(), mode.String()+":") {
				t.Errorf("report:\n%s", rep)
			}
		})
	}

	t.Run("cli", func(t *testing.T) {
		out, err := exec.Command(bin, "--lang", "en", "scale", "bench", "--out", "2", "--duration", "500ms", "--rounds", "500").Output()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		for _, want := range []string{"scale out: 2 local workers", " req/s", "model", "p99"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("bench output lacks %q:\n%s", want, out)
			}
		}
		out, err = exec.Command(bin, "--lang", "en", "scale", "model", "--n", "8,35,64,128").Output()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		for _, want := range []string{"6,475", "12,342", "11,017", "7,544", "N* = sqrt((1−α)/β) = 35.6", "γ/α = 37,262", "99.99%"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("model output lacks %q:\n%s", want, out)
			}
		}
		if err := exec.Command(bin, "scale", "bench", "--up", "1", "--out", "1").Run(); err == nil {
			t.Error("--up and --out together accepted")
		}
	})

	if runtime.GOOS == "linux" {
		// Stop waits for each worker, so none is left, not even a zombie.
		if after := children(t); len(after) > before {
			t.Errorf("child processes left: %v", after)
		}
	}
}
