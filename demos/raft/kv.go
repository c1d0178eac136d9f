package raft

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"distlab/demos/locale"
)

// A Command is what a client asks the replicated store to do; it travels
// in a log entry's data as one line of text ("put x 3", "get x"), so a
// log is readable as it is drawn. A read goes through the log too: it is
// answered when its entry is applied, which makes it linearizable without
// leases or ReadIndex (the simplest correct read, and one the student
// can watch commit).
type Command struct {
	Op    string // "put" or "get"
	Key   string
	Value string // for put
	// ID tells one client request from another with the same text, so the
	// node that proposed it knows which applied entry answers it; 0 for
	// none. It travels as a last field, "#7".
	ID uint64
}

// MaxKey and MaxValue bound a command's key and value, in bytes.
const (
	MaxKey   = 32
	MaxValue = 64
)

// Encode is the command as a log entry's data.
func (c Command) Encode() []byte {
	s := "get " + c.Key
	if c.Op == "put" {
		s = "put " + c.Key + " " + c.Value
	}
	if c.ID != 0 {
		s += " #" + strconv.FormatUint(c.ID, 10)
	}
	return []byte(s)
}

// String is the command as it is shown: "x=3" for a put, "get x" for a
// read.
func (c Command) String() string {
	if c.Op == "put" {
		return c.Key + "=" + c.Value
	}
	return "get " + c.Key
}

// ParseCommand reads a command from a log entry's data or a client's
// line: "put KEY VALUE" or "get KEY", keys and values printable without
// spaces.
func ParseCommand(data []byte) (Command, error) {
	f := strings.Fields(string(data))
	var id uint64
	if n := len(f); n > 1 && strings.HasPrefix(f[n-1], "#") {
		v, err := strconv.ParseUint(f[n-1][1:], 10, 64)
		if err != nil || v == 0 {
			return Command{}, locale.Errorf("want put KEY VALUE or get KEY")
		}
		id, f = v, f[:n-1]
	}
	c, err := parseFields(f)
	c.ID = id
	return c, err
}

func parseFields(f []string) (Command, error) {
	switch {
	case len(f) == 3 && f[0] == "put":
		c := Command{Op: "put", Key: f[1], Value: f[2]}
		return c, c.check()
	case len(f) == 2 && f[0] == "get":
		c := Command{Op: "get", Key: f[1]}
		return c, c.check()
	}
	return Command{}, locale.Errorf("want put KEY VALUE or get KEY")
}

func (c Command) check() error {
	if len(c.Key) > MaxKey || len(c.Value) > MaxValue {
		return locale.Errorf("key longer than %d bytes or value longer than %d", MaxKey, MaxValue)
	}
	s := c.Key + c.Value
	for _, r := range s {
		// IsPrint leaves out controls (C0, C1), format runes (bidi
		// overrides, zero width) and spaces: a key is shown in terminals.
		if !unicode.IsPrint(r) || r == ' ' {
			return locale.Errorf("keys and values are printable, without spaces")
		}
	}
	if !utf8.ValidString(s) {
		return locale.Errorf("keys and values are printable, without spaces")
	}
	return nil
}

// Store is the state machine every node applies committed entries to: a
// map of keys to values, and the index of the last entry applied. Raft's
// State Machine Safety is that every node applies the same command at the
// same index, so every Store that reaches index i holds the same map.
type Store struct {
	Applied uint64
	Data    map[string]string
}

// Apply runs the command of the entry at index and returns what a client
// is answered: the value read, or the value written.
func (s *Store) Apply(index uint64, c Command) string {
	if s.Data == nil {
		s.Data = map[string]string{}
	}
	s.Applied = index
	if c.Op == "put" {
		s.Data[c.Key] = c.Value
		return c.Value
	}
	return s.Data[c.Key]
}

// String is the map as "x=3 y=1", keys sorted.
func (s *Store) String() string {
	keys := slices.Sorted(maps.Keys(s.Data))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + s.Data[k]
	}
	return strings.Join(parts, " ")
}
