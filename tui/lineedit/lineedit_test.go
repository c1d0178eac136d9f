package lineedit

import (
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// screen is a terminal as small as the editor needs: it moves to a row's
// start on \r, down on \n (scrolling nothing: rows grow), erases to the
// row's end on ESC [ K and wraps text at its width, a character (a
// grapheme cluster) in one cell or two. Anything else that starts with
// ESC fails the test.
type screen struct {
	t        *testing.T
	mu       sync.Mutex
	width    int
	rows     [][]string // cells
	row, col int
	raw      strings.Builder
}

func newScreen(t *testing.T, width int) *screen {
	return &screen{t: t, width: width, rows: [][]string{nil}}
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.raw.Write(p)
	str := string(p)
	for len(str) > 0 {
		switch {
		case strings.HasPrefix(str, "\x1b[K"):
			if s.col < len(s.rows[s.row]) {
				s.rows[s.row] = s.rows[s.row][:s.col]
			}
			str = str[3:]
			continue
		case str[0] == 0x1b:
			s.t.Errorf("unexpected escape sequence %q", str)
			return len(p), nil
		case str[0] == '\r':
			s.col = 0
		case str[0] == '\n':
			s.down()
		default:
			// One character, as a terminal draws it: a grapheme cluster,
			// in one cell or two; a joiner on its own goes with the cell
			// before it.
			c, w := ansi.FirstGraphemeCluster(str, ansi.GraphemeWidth)
			str = str[len(c):]
			if w == 0 {
				if s.col > 0 {
					s.rows[s.row][s.col-1] += c
				}
				continue
			}
			if s.col+w > s.width {
				s.down()
				s.col = 0
			}
			for len(s.rows[s.row]) <= s.col {
				s.rows[s.row] = append(s.rows[s.row], " ")
			}
			s.rows[s.row][s.col] = c
			s.col++
			if w == 2 { // a wide character: the next cell is its
				s.rows[s.row] = append(s.rows[s.row][:s.col], "")
				s.col++
			}
			continue
		}
		str = str[1:]
	}
	return len(p), nil
}

func (s *screen) down() {
	s.row++
	if s.row == len(s.rows) {
		s.rows = append(s.rows, nil)
	}
}

// lines are the screen's rows as text, trailing spaces trimmed.
func (s *screen) lines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.rows {
		out = append(out, strings.TrimRight(strings.Join(r, ""), " "))
	}
	return out
}

func (s *screen) String() string { return strings.Join(s.lines(), "\n") }

// waitFor polls until the screen's last row is last.
func (s *screen) waitFor(last string) {
	s.t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(time.Millisecond) {
		l := s.lines()
		if l[len(l)-1] == last {
			return
		}
	}
	s.t.Fatalf("the last row never read %q:\n%s", last, s)
}

func equal(t *testing.T, s *screen, want ...string) {
	t.Helper()
	if got := s.String(); got != strings.Join(want, "\n") {
		t.Fatalf("screen:\n%s\n\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// Lines that arrive while the user types print above the line being
// typed, which stays whole on the bottom row; enter leaves it on the
// screen above a new, empty input line.
func TestIncomingLinesKeepTheTypedLineWhole(t *testing.T) {
	scr := newScreen(t, 40)
	keys, typing := io.Pipe()
	e := New(keys, scr, "> ", func() int { return 40 })
	got := make(chan string)
	go func() {
		line, err := e.ReadLine()
		if err != nil {
			t.Error(err)
		}
		got <- line
	}()
	io.WriteString(typing, "half typ")
	scr.waitFor("> half typ")
	e.Print("<bob> hello")
	e.Print("<carol> hi, ana")
	equal(t, scr, "<bob> hello", "<carol> hi, ana", "> half typ")
	io.WriteString(typing, "ed")
	scr.waitFor("> half typed")
	e.Print("<bob> again")
	io.WriteString(typing, "\r")
	if line := <-got; line != "half typed" {
		t.Fatalf("ReadLine = %q", line)
	}
	equal(t, scr, "<bob> hello", "<carol> hi, ana", "<bob> again", "> half typed", ">")
	e.Print("<bob> late")
	e.Close()
	e.Print("<bob> after close")
	equal(t, scr, "<bob> hello", "<carol> hi, ana", "<bob> again", "> half typed", "<bob> late", "<bob> after close", "")
}

// Each key does what a shell's line does; keys without text (arrows,
// function keys, escape, controls) leave no trace.
func TestKeys(t *testing.T) {
	for _, c := range []struct {
		name, keys string
		want       []string // the lines ReadLine returns, in order
		err        error    // after them
	}{
		{"enter", "hello\r", []string{"hello"}, io.EOF},
		{"newline", "hello\n", []string{"hello"}, io.EOF},
		{"pasted crlf", "one\r\ntwo\r\n", []string{"one", "two"}, io.EOF},
		{"empty lines", "\r\r", []string{"", ""}, io.EOF},
		{"backspace", "helo\x7fl\x08lo\r", []string{"hello"}, io.EOF},
		{"backspace on empty", "\x7f\x7fok\r", []string{"ok"}, io.EOF},
		{"ctrl+u", "wrong\x15right\r", []string{"right"}, io.EOF},
		{"ctrl+w", "one two  \x17three\r", []string{"one three"}, io.EOF},
		{"arrows and function keys", "a\x1b[Db\x1b[1;5C\x1bOPc\x1b[15~\r", []string{"abc"}, io.EOF},
		{"escape then enter", "ab\x1b\r", []string{"ab"}, io.EOF},
		{"alt+key", "a\x1bb\r", []string{"ab"}, io.EOF},
		{"controls", "a\x01\x02\x07\x0b\x0e\x1ab\r", []string{"ab"}, io.EOF},
		{"tab", "a\tb\r", []string{"a b"}, io.EOF},
		{"utf-8", "olá, ção 日本\r", []string{"olá, ção 日本"}, io.EOF},
		{"invalid utf-8", "a\xffb\r", []string{"ab"}, io.EOF},
		// Backspace takes off the last character as the terminal draws it,
		// a grapheme cluster, however many runes it has.
		{"combining accent", "cafe\u0301\r", []string{"cafe\u0301"}, io.EOF},
		{"backspace a combining accent", "cafe\u0301\x7f\r", []string{"caf"}, io.EOF},
		{"zwj emoji", "a👩\u200d💻b\r", []string{"a👩\u200d💻b"}, io.EOF},
		{"backspace a zwj emoji", "a👩\u200d💻\x7f\r", []string{"a"}, io.EOF},
		{"backspace cjk", "日本\x7f\r", []string{"日"}, io.EOF},
		{"backspace a flag", "🇧🇷🇵🇹\x7f\r", []string{"🇧🇷"}, io.EOF},
		{"bidi override dropped", "a\u202eb\r", []string{"ab"}, io.EOF},
		{"ctrl+w after emoji", "ok 👩\u200d💻 e\u0301\x17\r", []string{"ok 👩\u200d💻 "}, io.EOF},
		{"ctrl+d on empty", "\x04", nil, io.EOF},
		{"ctrl+d after text", "ab\x04c\r", []string{"abc"}, io.EOF},
		{"ctrl+c", "typed\x03", []string{"typed"}, ErrInterrupt},
		{"end without enter", "last", []string{"last"}, io.EOF},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := New(strings.NewReader(c.keys), newScreen(t, 80), "> ", nil)
			var got []string
			var err error
			for {
				var line string
				line, err = e.ReadLine()
				if err != nil {
					if line != "" || err == ErrInterrupt {
						got = append(got, line)
					}
					break
				}
				got = append(got, line)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") || !errors.Is(err, c.err) {
				t.Errorf("%q gave %q, %v; want %q, %v", c.keys, got, err, c.want, c.err)
			}
		})
	}
}

// A line wider than the terminal shows its end on one row, so that the
// row can be erased and drawn again; entered, it is printed whole.
func TestLongLineStaysOnOneRow(t *testing.T) {
	scr := newScreen(t, 20)
	long := "the quick brown fox jumps over the lazy dog 日本"
	e := New(strings.NewReader(long+"\r"), scr, "> ", func() int { return 20 })
	for i := range 3 {
		e.Print(strings.Repeat("x", i+1))
	}
	if line, err := e.ReadLine(); err != nil || line != long {
		t.Fatalf("ReadLine = %q, %v", line, err)
	}
	// The entered line, whole, wrapped by the terminal; the new input line.
	equal(t, scr, "x", "xx", "xxx", "> the quick brown fo", "x jumps over the laz", "y dog 日本", ">")
	// While typing, the input row never reached the last column.
	raw := scr.raw.String()
	for _, draw := range strings.Split(raw, "\r\x1b[K")[1:] {
		if strings.Contains(draw, "\r\n") {
			continue // a printed line, or the entered one
		}
		if w := ansi.StringWidth(draw); w > 19 {
			t.Fatalf("an input row %d wide at 20 columns: %q", w, draw)
		}
	}
	if !strings.Contains(raw, "> …") {
		t.Errorf("a long line's start is not marked as cut:\n%q", raw)
	}
}

// Print keeps what it is given from moving the cursor or talking to the
// terminal: control characters are dropped.
func TestPrintDropsControls(t *testing.T) {
	scr := newScreen(t, 80)
	e := New(strings.NewReader(""), scr, "> ", nil)
	e.Print("a\x1b]0;title\x07b\x1b[2Jc\rd\u009be\tf")
	if raw := scr.raw.String(); strings.Contains(raw, "\x1b]") || strings.Contains(raw, "\x1b[2J") || strings.Contains(raw, "\x07") || strings.Contains(raw, "\u009b") {
		t.Fatalf("controls reached the terminal: %q", raw)
	}
	equal(t, scr, "a]0;titleb[2Jcde f", ">")
}

// A window made narrower draws the line being typed again at its new
// width, its end in view.
func TestRedrawFollowsWidth(t *testing.T) {
	var mu sync.Mutex
	cols := 40
	width := func() int { mu.Lock(); defer mu.Unlock(); return cols }
	scr := newScreen(t, 40)
	keys, typing := io.Pipe()
	e := New(keys, scr, "> ", width)
	go e.ReadLine() // ends with the pipe, at the test's end
	defer typing.Close()
	io.WriteString(typing, "twenty-five characters ok")
	scr.waitFor("> twenty-five characters ok")
	mu.Lock()
	cols = 16
	mu.Unlock()
	e.Redraw()
	equal(t, scr, "> …haracters ok") // 15 columns: the last one stays free
}

// A long line of characters made of several runes (e and U+0301, an emoji
// joined by U+200D) or two cells wide (CJK) shows as much of its end as
// the row holds, measured as the terminal draws it, and never half a
// character; backspace takes one whole character off the screen.
func TestLongLineMeasuresCharacters(t *testing.T) {
	for _, c := range []struct {
		name, char string
		shown      int // characters on a 12-column row: 8 cells after "> …"
	}{
		{"combining accent", "e\u0301", 8},
		{"zwj emoji", "👩\u200d💻", 4},
		{"cjk", "日", 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			scr := newScreen(t, 12)
			keys, typing := io.Pipe()
			defer typing.Close()
			e := New(keys, scr, "> ", func() int { return 12 })
			go e.ReadLine() // ends with the pipe, at the test's end
			io.WriteString(typing, "x"+strings.Repeat(c.char, 20))
			want := "> …" + strings.Repeat(c.char, c.shown)
			scr.waitFor(want)
			if w := ansi.StringWidth(want); w != 11 {
				t.Fatalf("the row is %d cells wide, want 11 (the last column free)", w)
			}
			io.WriteString(typing, "\x7fz") // one character off, whole, and a z in its place
			scr.waitFor("> …" + strings.Repeat(c.char, c.shown-1) + "z")
			io.WriteString(typing, "\x15"+c.char+c.char+"\x7f")
			scr.waitFor("> " + c.char)
		})
	}
}
