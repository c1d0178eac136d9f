package raft

import (
	"strconv"
	"strings"
	"time"

	"distlab/demos/locale"
)

// The names of a faults SPEC's keys, in the order FormatFaults writes them.
var faultKeys = []string{"drop", "dup", "crash", "restart", "partition", "heal", "write", "reorder", "maxdown"}

// ParseFaults reads a faults SPEC, as `distlab raft run --faults` takes
// it: "none" (or ""), "random" (RandomFaults), or a comma-separated list
// of KEY=VALUE, where drop, dup, crash, restart, partition, heal and write
// are probabilities from 0 to 1 (drop and dup per message sent, the others
// after each event), reorder is a duration of extra random delay per
// message (20ms) and maxdown the most nodes down at once (0 for a
// minority). "random" may start a list, whose keys then change
// RandomFaults: "random,drop=0.2". Keys not given are 0.
func ParseFaults(spec string) (Faults, error) {
	spec = strings.TrimSpace(spec)
	switch spec {
	case "", "none":
		return Faults{}, nil
	}
	var f Faults
	seen := map[string]bool{}
	for i, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		switch {
		case item == "random" && i == 0:
			f = RandomFaults
			continue
		case strings.EqualFold(item, "none"):
			return Faults{}, locale.Errorf("faults: none means no faults at all and stands alone: give none, or only the faults you want, as drop=0.1")
		case strings.EqualFold(item, "random"):
			return Faults{}, locale.Errorf("faults: random goes first, and the keys after it change its values, as in random,drop=0.2")
		}
		key, value, ok := strings.Cut(item, "=")
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		if !ok || key == "" || value == "" {
			return Faults{}, locale.Errorf("faults: %q is not KEY=VALUE (keys: %s; or random, or none)", item, strings.Join(faultKeys, ", "))
		}
		if seen[key] {
			return Faults{}, locale.Errorf("faults: %s given twice", key)
		}
		seen[key] = true
		if err := f.set(key, value); err != nil {
			return Faults{}, err
		}
	}
	return f, nil
}

// set gives one key of a SPEC its value.
func (f *Faults) set(key, value string) error {
	switch key {
	case "reorder":
		d, err := time.ParseDuration(value)
		if err != nil || d < 0 || d > time.Second || d%time.Millisecond != 0 {
			return locale.Errorf("faults: reorder=%s: want whole milliseconds from 0 to 1s, as 20ms", value)
		}
		f.ReorderExtra = d
		return nil
	case "maxdown":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n >= MaxNodes {
			return locale.Errorf("faults: maxdown=%s: want a whole number of nodes from 0 to %d (0 for a minority)", value, MaxNodes-1)
		}
		f.MaxDown = n
		return nil
	}
	p := f.probability(key)
	if p == nil {
		return locale.Errorf("faults: no key %q (keys: %s)", key, strings.Join(faultKeys, ", "))
	}
	x, err := strconv.ParseFloat(value, 64)
	if err != nil || x < 0 || x > 1 || x != x {
		return locale.Errorf("faults: %s=%s: want a probability from 0 to 1, as 0.05", key, value)
	}
	*p = x
	return nil
}

// probability is the field of a probability's key, nil for another key.
func (f *Faults) probability(key string) *float64 {
	switch key {
	case "drop":
		return &f.Drop
	case "dup":
		return &f.Duplicate
	case "crash":
		return &f.Crash
	case "restart":
		return &f.Restart
	case "partition":
		return &f.Partition
	case "heal":
		return &f.Heal
	case "write":
		return &f.Write
	}
	return nil
}

// FormatFaults writes faults as a SPEC that ParseFaults reads back to the
// same Faults: "none", or its keys that are not 0, in a fixed order.
func FormatFaults(f Faults) string {
	if f == (Faults{}) {
		return "none"
	}
	var items []string
	for _, key := range faultKeys {
		switch key {
		case "reorder":
			if f.ReorderExtra != 0 {
				items = append(items, key+"="+f.ReorderExtra.String())
			}
		case "maxdown":
			if f.MaxDown != 0 {
				items = append(items, key+"="+strconv.Itoa(f.MaxDown))
			}
		default:
			if p := *f.probability(key); p != 0 {
				items = append(items, key+"="+strconv.FormatFloat(p, 'g', -1, 64))
			}
		}
	}
	return strings.Join(items, ",")
}

// The bugs' names, as `distlab raft run --bug` takes them.
var bugNames = map[Bug]string{BugNone: "none", BugCountOldTerm: "count-old-term", BugForgetVote: "forget-vote"}

// String is the bug's name: "count-old-term".
func (b Bug) String() string {
	if s, ok := bugNames[b]; ok {
		return s
	}
	return "bug(" + strconv.Itoa(int(b)) + ")"
}

// ParseBug is the bug with the name ("" and "none" for BugNone).
func ParseBug(name string) (Bug, error) {
	if name == "" {
		return BugNone, nil
	}
	for b, s := range bugNames {
		if s == name {
			return b, nil
		}
	}
	return BugNone, locale.Errorf("no bug %q: want count-old-term or forget-vote", name)
}
