package chat

import (
	"bytes"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

// readAll runs a lineReader over data sent in chunks of size chunk.
func readAll(t testing.TB, data []byte, chunk int) (lines []string, tooLong int) {
	a, b := net.Pipe()
	go func() {
		for len(data) > 0 {
			n := min(chunk, len(data))
			if _, err := a.Write(data[:n]); err != nil {
				break
			}
			data = data[n:]
		}
		a.Close()
	}()
	defer b.Close()
	lr := newLineReader(b, MaxLine, time.Minute, time.Minute)
	for {
		l, err := lr.next()
		switch {
		case errors.Is(err, errLineTooLong):
			tooLong++
		case err != nil:
			return lines, tooLong
		default:
			lines = append(lines, l)
		}
	}
}

func TestLineReader(t *testing.T) {
	in := "a\r\nb\n" + strings.Repeat("x", MaxLine) + "\n" + strings.Repeat("y", MaxLine+1) + "\r\n" + strings.Repeat("z", 9000) + "\nend\n"
	for _, chunk := range []int{1, 7, 4096, 1 << 20} {
		lines, long := readAll(t, []byte(in), chunk)
		if len(lines) != 4 || lines[0] != "a" || lines[1] != "b" || len(lines[2]) != MaxLine || lines[3] != "end" || long != 2 {
			t.Fatalf("chunk %d: %d lines (%q…), %d too long", chunk, len(lines), lines[:min(2, len(lines))], long)
		}
	}
}

// FuzzLineReader: whatever arrives, lines come out without line ends,
// within the limit, and every line the input completes is accounted for.
func FuzzLineReader(f *testing.F) {
	f.Add([]byte("hello\r\nworld\n"), 3)
	f.Add([]byte(strings.Repeat("x", 3000)+"\nok\n"), 100)
	f.Add([]byte("\n\n\r\n\x00\xff\n"), 1)
	f.Fuzz(func(t *testing.T, data []byte, chunk int) {
		if chunk <= 0 || chunk > 1<<16 || len(data) > 1<<16 {
			return
		}
		lines, long := readAll(t, data, chunk)
		for _, l := range lines {
			if len(l) > MaxLine || strings.ContainsRune(l, '\n') {
				t.Fatalf("line of %d bytes / with newline: %q", len(l), l)
			}
		}
		if got, want := len(lines)+long, bytes.Count(data, []byte{'\n'}); got != want {
			t.Fatalf("%d lines + %d too long for %d newlines", len(lines), long, want)
		}
	})
}
