//go:build unix

package lineedit

import (
	"bufio"
	"errors"
	"io"
	"os"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/creack/pty"
)

// readLine runs c.ReadLine in a goroutine and returns what it will return.
func readLine(c *Console) <-chan error {
	done := make(chan error, 1)
	go func() {
		_, err := c.ReadLine()
		done <- err
	}()
	return done
}

// blocked waits until a goroutine waits in the cancel reader for the
// input, so that Cancel interrupts a read under way rather than coming
// before it.
func blocked(t *testing.T) {
	t.Helper()
	buf := make([]byte, 1<<20)
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(time.Millisecond) {
		if strings.Contains(string(buf[:runtime.Stack(buf, true)]), "CancelReader).wait(") {
			return
		}
	}
	t.Fatal("ReadLine never waited for the input")
}

// ended waits for a ReadLine's end and checks it was cancelled.
func ended(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		if !errors.Is(err, ErrCanceled) {
			t.Fatalf("ReadLine after Cancel returned %v, want ErrCanceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Cancel did not end the ReadLine blocked on the input")
	}
}

// On a pipe, a Console reads plain lines, and Cancel ends a ReadLine that
// waits for one without taking what is written next: the program that
// reads the pipe after this one gets it.
func TestConsoleCancelLeavesTheInput(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	c := Open(r, io.Discard, "> ")
	io.WriteString(w, "first\n")
	if line, err := c.ReadLine(); line != "first" || err != nil {
		t.Fatalf("ReadLine = %q, %v", line, err)
	}
	done := readLine(c)
	blocked(t)
	if !c.Cancel() {
		t.Fatal("Cancel could not interrupt a read of a pipe")
	}
	ended(t, done)
	c.Close()
	io.WriteString(w, "for the shell\n")
	if got, _ := bufio.NewReader(r).ReadString('\n'); got != "for the shell\n" {
		t.Fatalf("the next reader got %q: the console took the input after Cancel", got)
	}
}

// On a terminal, a Console edits the line in raw mode, tells of resizes,
// and once cancelled and closed gives the terminal back as it was, with a
// key typed afterwards left for the shell.
func TestConsoleOnATerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pty:", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	go io.Copy(io.Discard, ptmx) // what the console draws; ends when ptmx closes
	before, err := term.GetState(tty.Fd())
	if err != nil {
		t.Fatal(err)
	}
	c := Open(tty, tty, "> ")
	if c.ed == nil {
		t.Fatal("Open did not take the terminal for a line editor")
	}
	io.WriteString(ptmx, "hi\x7f\x7fhello\r")
	if line, err := c.ReadLine(); line != "hello" || err != nil {
		t.Fatalf("ReadLine = %q, %v", line, err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGWINCH); err != nil {
		t.Fatal(err)
	}
	select {
	case <-c.Resized():
		c.Redraw()
	case <-time.After(5 * time.Second):
		t.Fatal("Resized never told of the window's new size")
	}
	done := readLine(c)
	blocked(t)
	if !c.Cancel() {
		t.Fatal("Cancel could not interrupt a read of the terminal")
	}
	ended(t, done)
	c.Close()
	after, err := term.GetState(tty.Fd())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatal("Close did not give the terminal back as it was")
	}
	io.WriteString(ptmx, "ls\n")
	if got, _ := bufio.NewReader(tty).ReadString('\n'); got != "ls\n" {
		t.Fatalf("the shell got %q after the console closed", got)
	}
}
