// Package present links a presenting distlab to its console on the same
// machine: the app publishes what the projector shows (the slide, its
// notes, the next slide, a blank screen), and `distlab console`, in a
// second terminal, follows it and sends back the presenter's keys.
//
// They talk over a Unix socket in the user's runtime folder (DefaultPath),
// in a folder only the user may enter, one JSON object a line: a State from
// the app after every change, a Command from the console for every key.
// The first presenting app owns the socket; a second one finds it live and
// is told (ErrBusy). Lines are bounded (MaxLine) and so are consoles
// (MaxConsoles). Nothing here knows about terminals.
package present

import (
	"os"
	"path/filepath"
	"slices"
	"time"

	"distlab/demos/locale"
)

// State is what the projector shows, as the console needs it.
type State struct {
	Presenting bool      `json:"presenting"`       // false: the app left presenter mode
	Since      time.Time `json:"since"`            // when presenting began, for the elapsed time
	Lesson     string    `json:"lesson"`           // the lesson's title
	Slide      int       `json:"slide"`            // from 1
	Slides     int       `json:"slides"`           // how many
	Title      string    `json:"title"`            // the slide's title
	Notes      []string  `json:"notes"`            // its speaker notes
	Demo       string    `json:"demo,omitempty"`   // the demo the slide opens, its title
	Next       string    `json:"next,omitempty"`   // the next slide's title
	NextBody   []string  `json:"next_body"`        // its first lines, as plain text
	Blank      bool      `json:"blank,omitempty"`  // the screen is blanked
	White      bool      `json:"white,omitempty"`  // … white
	Roster     []Student `json:"roster,omitempty"` // who joined the demos, oldest first
	Consoles   int       `json:"consoles"`         // consoles attached, this one included
	Question   *Question `json:"question,omitempty"`
	// Lang is the language the app speaks ("en", "pt-BR"): its notes and
	// titles are in it, and the console speaks it too.
	Lang string `json:"lang,omitempty"`
}

// Question is the class's live question, for the instructor's eyes: its
// answers build up here as they come, while the projector shows only how
// many there are until the instructor shows the results.
type Question struct {
	Text     string   `json:"text"`
	Options  []Option `json:"options,omitempty"` // none for a number to type
	Answered int      `json:"answered"`
	Right    int      `json:"right"`   // answers right
	Present  int      `json:"present"` // students in the class now
	Open     bool     `json:"open"`    // answers are taken
	Revealed bool     `json:"revealed"`
}

// Option is one option of a live question and how many chose it.
type Option struct {
	Text  string `json:"text"`
	Votes int    `json:"votes"`
	Right bool   `json:"right"`
}

// Equal reports whether q and o show the same.
func (q *Question) Equal(o *Question) bool {
	if q == nil || o == nil {
		return q == o
	}
	return q.Text == o.Text && slices.Equal(q.Options, o.Options) && q.Answered == o.Answered && q.Right == o.Right &&
		q.Present == o.Present && q.Open == o.Open && q.Revealed == o.Revealed
}

// Student is one student connected to a demo the app runs.
type Student struct {
	Nick  string    `json:"nick"`
	Node  string    `json:"node"`
	Since time.Time `json:"since"`
	Sent  uint64    `json:"sent"` // messages sent
}

// Op is what a console asks the projector to do.
type Op string

// The console's operations.
const (
	Next    Op = "next"
	Prev    Op = "prev"
	First   Op = "first"
	Last    Op = "last"
	Blank   Op = "blank"
	White   Op = "white"
	Unblank Op = "unblank"
	Demo    Op = "demo" // open the slide's demo again
	// BlankToggle blanks the screen black, or brings it back if blank;
	// WhiteToggle white. The app decides, on what it shows now.
	BlankToggle Op = "blank-toggle"
	WhiteToggle Op = "white-toggle"
	// Reveal shows the class the live question's results, as r does on
	// the projector.
	Reveal Op = "reveal"
)

// Ops are the operations a console may send.
var Ops = []Op{Next, Prev, First, Last, Blank, White, Unblank, Demo, BlankToggle, WhiteToggle, Reveal}

// Command is one line from a console.
type Command struct {
	Op Op `json:"op"`
}

// MaxLine bounds a line either way: a state with long notes fits many
// times over.
const MaxLine = 256 << 10

// MaxConsoles is how many consoles may follow one app at once.
const MaxConsoles = 4

// EnvDir names the folder the socket goes in, for tests and unusual
// setups; otherwise DefaultPath picks it.
const EnvDir = "DISTLAB_RUNTIME_DIR"

// Errors the link reports.
var (
	ErrBusy        = locale.Errorf("another distlab is presenting on this machine")
	ErrNoPresenter = locale.Errorf("no distlab is presenting on this machine")
	ErrFull        = locale.Errorf("the presenting distlab has %d consoles already", MaxConsoles)
	ErrBusyConsole = locale.Errorf("keys pressed faster than they can be sent: some were dropped")
)

// maxPath is the longest socket path this package uses: a Unix socket's
// address holds 108 bytes on Linux, 104 on macOS.
const maxPath = 100

// checkPath refuses a socket path too long to bind or dial, with words
// that say what to do.
func checkPath(path string) error {
	if len(path) > maxPath {
		return locale.Errorf("present: the console's socket path %s is too long (%d bytes, at most %d): set %s to a shorter folder", path, len(path), maxPath, EnvDir)
	}
	return nil
}

// DefaultPath is the socket's path, in a distlab folder of
// $DISTLAB_RUNTIME_DIR, else of $XDG_RUNTIME_DIR (the user's own, cleared
// at logout), else of the user's config folder.
func DefaultPath() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		return filepath.Join(d, "distlab", "present.sock"), nil
	}
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		return filepath.Join(d, "distlab", "present.sock"), nil
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", locale.Errorf("present: no folder for the console's socket: %w", err)
	}
	return filepath.Join(d, "distlab", "present.sock"), nil
}

// ownDir makes the socket's folder (distlab's own, see DefaultPath), only
// the user's to enter. One that is another user's is refused before
// anything is changed in it: they could put a socket of their own there.
func ownDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return locale.Errorf("present: %w", err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return locale.Errorf("present: %w", err)
	}
	if err := checkOwner(fi); err != nil {
		return err
	}
	if fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return locale.Errorf("present: %s may be entered by other users: %w", dir, err)
		}
	}
	return nil
}
