package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestE2EServeBench runs distlab serve bench as the README says, at a small
// size: it starts distlab serve (and then the floor) in a process of its
// own, every session comes up, every key has its frame, and the server's
// CPU and memory are read. No figure is asserted: they are the machine's.
func TestE2EServeBench(t *testing.T) {
	t.Parallel()
	if distlabBin == "" {
		t.Skip("the end-to-end binaries were not built (-short, or no tmux)")
	}
	for _, floor := range []bool{false, true} {
		args := []string{"serve", "bench", "--lang", "en", "--sessions", "2", "--typing", "1s", "--idle", "300ms"}
		if floor {
			args = append(args, "--floor")
		}
		out, err := exec.Command(distlabBin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("distlab %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		for _, want := range []string{"sessions up: 2 of 2", " 0 with no frame", "the server while typing: ", "MB a session", "targets: "} {
			if !strings.Contains(string(out), want) {
				t.Errorf("distlab %s: no %q in\n%s", strings.Join(args, " "), want, out)
			}
		}
		if name := "the floor, its own process"; floor != strings.Contains(string(out), name) {
			t.Errorf("distlab %s: %q %v in\n%s", strings.Join(args, " "), name, !floor, out)
		}
	}
}
