package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"encoding/pem"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"distlab/lessons"
)

// The command students type, for each kind of address.
func TestSSHCommand(t *testing.T) {
	for addr, want := range map[string]string{
		"10.0.0.5:2222": "ssh -p 2222 10.0.0.5",
		"10.0.0.5:22":   "ssh 10.0.0.5",
		"[::1]:2222":    "ssh -p 2222 ::1",
	} {
		if got := sshCommand(addr); got != want {
			t.Errorf("sshCommand(%q) = %q, want %q", addr, got, want)
		}
	}
}

// TestE2EServe serves the class and joins it with OpenSSH's ssh in tmux:
// a student with a new key types the class code at ssh's prompt and picks
// a name, goes to the next lesson and quits; connecting again opens that
// lesson with no question (the key alone); ctrl+c (SIGINT)
// stops the server, which says so.
func TestE2EServe(t *testing.T) {
	t.Parallel() // each end-to-end test has its own tmux server and folders
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("OpenSSH's ssh is not installed: skipping (apt-get install openssh-client to run it)")
	}
	tm := newTmux(t)
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, port, _ := net.SplitHostPort(addr)

	srv := exec.Command(distlabBin, "serve", "--listen", addr, "--code", "abc-def", "--lang", "en")
	srv.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "HOME="+dir)
	out, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Process.Kill() //nolint:errcheck // a no-op once it has stopped
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	seen := waitLine(t, lines, "progress of each student in")
	if !strings.Contains(seen, "listening on "+addr) || !strings.Contains(seen, "ssh -p "+port+" 127.0.0.1") || !strings.Contains(seen, "abc-def") {
		t.Fatalf("the server printed:\n%s", seen)
	}

	key := filepath.Join(dir, "id_ed25519")
	writeKey(t, key)
	ssh := "env LANG=en_US.UTF-8 ssh -tt -p " + port + " -i " + key + " -o IdentitiesOnly=yes -o StrictHostKeyChecking=no" +
		" -o UserKnownHostsFile=" + filepath.Join(dir, "known_hosts") + " -o SendEnv=LANG -o LogLevel=ERROR student@127.0.0.1"
	en := course(t)
	tm.start(100, 30, ssh)
	tm.waitFor("class code / senha da turma:") // a new key types it once, after the key
	tm.keys("abc-xyz", "Enter")                // a wrong one is said wrong, and asked again
	tm.waitFor("wrong class code, type it again / senha da turma errada, digite de novo:")
	tm.keys("abc-def", "Enter")
	tm.waitFor("What name should the class see?")
	tm.keys("Ana", "Enter")
	tm.waitFor("? help", en[0].Title)
	tm.keys("n")
	tm.waitFor("2. " + en[1].Title)
	tm.keys("q")
	tm.waitExit()

	// Connected again, the student stays while the server is stopped
	// (SIGTERM, as ctrl+c): they read the goodbye on their own screen
	// (the app's alt screen left), their shell gets the terminal back, and
	// the server says how many sessions it told and saved only after.
	tm.start(100, 30, "sh -c '"+ssh+"; echo ssh ended; sleep 60'")
	tm.waitFor("? help", "2. "+en[1].Title)
	if s := tm.screen(); strings.Contains(s, "What name") || strings.Contains(s, "class code") {
		t.Fatalf("asked the name or the code again:\n%s", s)
	}
	tm.keys("n")
	tm.waitFor("3. " + en[2].Title)

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitLine(t, lines, "stopped: 1 session was told the class ended; the progress of 1 student is saved")
	if err := srv.Wait(); err != nil {
		t.Fatalf("the server ended with %v", err)
	}
	screen := tm.waitFor("The class server is stopping. Your progress is saved", "ssh ended")
	if strings.Contains(screen, "? help") {
		t.Fatalf("the student's terminal was left on the app's screen:\n%s", screen)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "config", "distlab", "students", ".state-*")); len(left) > 0 {
		t.Fatalf("a save was cut short: %v", left)
	}
	states, _ := filepath.Glob(filepath.Join(dir, "config", "distlab", "students", "k*[0-9a-f].json"))
	states = slices.DeleteFunc(states, func(s string) bool { return strings.HasSuffix(s, ".name.json") })
	if len(states) != 1 {
		t.Fatalf("progress files %v", states)
	}
	if b, _ := os.ReadFile(states[0]); !strings.Contains(string(b), `"last_lesson":"`+en[2].ID+`"`) {
		t.Fatalf("the last lesson was not saved on stop: %s", b)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "config", "distlab", "students", "k*.name.json"))
	if len(names) != 1 {
		t.Fatalf("name files %v", names)
	}
	if fi, err := os.Stat(filepath.Join(dir, "config", "distlab", "ssh_host_ed25519_key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key: %v", err)
	}
}

// course is the English course's lessons, as distlab lessons lists them.
func course(t *testing.T) []lessons.Summary {
	t.Helper()
	b, err := exec.Command(distlabBin, "lessons", "--json", "--lang", "en").Output()
	if err != nil {
		t.Fatal(err)
	}
	var ls []lessons.Summary
	if err := json.Unmarshal(b, &ls); err != nil || len(ls) < 2 {
		t.Fatalf("lessons: %v", err)
	}
	return ls
}

// waitLine reads lines until one holds want, and returns all read.
func waitLine(t *testing.T, lines <-chan string, want string) string {
	t.Helper()
	var seen strings.Builder
	timeout := time.After(20 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("the server stopped before %q:\n%s", want, seen.String())
			}
			seen.WriteString(l + "\n")
			if strings.Contains(l, want) {
				return seen.String()
			}
		case <-timeout:
			t.Fatalf("the server never printed %q:\n%s", want, seen.String())
		}
	}
}

// writeKey writes a new ed25519 private key for ssh -i.
func writeKey(t *testing.T, path string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
}
