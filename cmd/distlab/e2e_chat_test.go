package main

import (
	"net"
	"regexp"
	"strings"
	"testing"
)

// lastLine is the screen's last line that is not blank.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	return lines[len(lines)-1]
}

// TestE2EChatClient runs two chat clients in real terminals on one node:
// what ana is typing stays whole on her bottom line while bob's messages
// print above it; enter sends it; ctrl+c leaves and gives the terminal
// back as it was (echo and line editing on).
func TestE2EChatClient(t *testing.T) {
	t.Parallel()
	ana, bob := newTmux(t), newTmux(t)
	n := startNode(t)
	host, port, _ := net.SplitHostPort(n.Addr())
	client := distlabBin + " --lang en chat client " + host + " " + port + " --nick "
	ana.start(60, 12, "sh -c '"+client+"ana; stty -a; echo exited; sleep 60'")
	bob.start(60, 12, client+"bob")
	ana.waitFor("you are now ana")
	bob.waitFor("you are now bob")
	ana.keys("-l", "half of what ana types")
	ana.waitFor("> half of what ana types")
	bob.keys("-l", "hello from bob")
	bob.keys("Enter")
	s := ana.waitFor("bob@n1: hello from bob")
	if got := lastLine(s); got != "> half of what ana types" {
		t.Fatalf("ana's typed line is not whole on her last line (%q):\n%s", got, s)
	}
	if strings.Count(s, "half of what") != 1 {
		t.Fatalf("ana's typed line shows more than once:\n%s", s)
	}
	ana.keys("-l", ", and the rest")
	ana.keys("Enter")
	bob.waitFor("ana@n1: half of what ana types, and the rest")
	s = ana.waitFor("> half of what ana types, and the rest")
	if got := lastLine(s); got != ">" {
		t.Fatalf("after enter, ana's last line is %q, want an empty input line:\n%s", got, s)
	}
	ana.keys("C-c")
	s = ana.waitFor("exited")
	if !regexp.MustCompile(`(^|\s)icanon(\s|$)`).MatchString(s) || regexp.MustCompile(`(^|\s)-(icanon|echo)(\s|$)`).MatchString(s) {
		t.Fatalf("the terminal is not given back in line mode with echo:\n%s", s)
	}
	bob.keys("-l", "/quit")
	bob.keys("Enter")
	bob.waitExit()
}
