package raft

import (
	"strings"
	"testing"
	"time"

	"distlab/demos/locale"

	"pgregory.net/rapid"
)

// A SPEC reads as documented, and FormatFaults writes one back.
func TestParseFaults(t *testing.T) {
	cases := map[string]Faults{
		"":       {},
		"none":   {},
		"random": RandomFaults,
		"drop=0.05,dup=0.03,crash=0.01,restart=0.03,partition=0.01,heal=0.03,write=0.05,reorder=20ms": RandomFaults,
		" drop = 0.5 , reorder=0s ": {Drop: 0.5},
		"random,drop=0.2,maxdown=1": {Drop: 0.2, Duplicate: 0.03, Crash: 0.01, Restart: 0.03, Partition: 0.01, Heal: 0.03, Write: 0.05, ReorderExtra: 20 * time.Millisecond, MaxDown: 1},
		"write=1":                   {Write: 1},
		"CRASH=0.1,restart=0.2":     {Crash: 0.1, Restart: 0.2},
	}
	for spec, want := range cases {
		got, err := ParseFaults(spec)
		if err != nil || got != want {
			t.Errorf("%q: %+v, %v; want %+v", spec, got, err, want)
		}
	}
	if got := FormatFaults(RandomFaults); got != "drop=0.05,dup=0.03,crash=0.01,restart=0.03,partition=0.01,heal=0.03,write=0.05,reorder=20ms" {
		t.Errorf("FormatFaults(RandomFaults) = %s", got)
	}
	if got := FormatFaults(Faults{}); got != "none" {
		t.Errorf("FormatFaults(none) = %s", got)
	}
}

// Every bad SPEC is refused with a sentence that names what is wrong, in
// both languages.
func TestParseFaultsErrors(t *testing.T) {
	pt := locale.For(locale.Portuguese)
	cases := map[string][2]string{
		"drop":             {`"drop" is not KEY=VALUE`, `"drop" não é CHAVE=VALOR`},
		"drop=":            {`"drop=" is not KEY=VALUE`, `não é CHAVE=VALOR`},
		"loss=0.1":         {`no key "loss" (keys: drop, dup,`, `não há a chave "loss"`},
		"drop=2":           {"drop=2: want a probability from 0 to 1", "drop=2: use uma probabilidade de 0 a 1"},
		"drop=-0.1":        {"want a probability", "use uma probabilidade"},
		"drop=NaN":         {"want a probability", "use uma probabilidade"},
		"drop=lots":        {"drop=lots: want a probability", "drop=lots: use"},
		"reorder=20":       {"reorder=20: want whole milliseconds", "reorder=20: use milissegundos inteiros"},
		"reorder=1.5ms":    {"reorder=1.5ms: want whole", "use milissegundos"},
		"reorder=2s":       {"from 0 to 1s", "de 0 a 1s"},
		"maxdown=7":        {"maxdown=7: want a whole number of nodes from 0 to 6", "de 0 a 6"},
		"drop=0.1,drop=.2": {"drop given twice", "drop dada duas vezes"},
		"drop=0.1,random":  {"random goes first, and the keys after it change its values, as in random,drop=0.2", "random vem primeiro"},
		"none,drop=0.1":    {"none means no faults at all and stands alone: give none, or only the faults you want", "none quer dizer nenhuma falha e vem sozinho"},
		"drop=0.1,none":    {"none means no faults at all and stands alone", "dê none, ou só as falhas que quer"},
		"random,none":      {"none means no faults at all and stands alone", "none quer dizer nenhuma falha"},
		"drop=0.1,,dup=1":  {`"" is not KEY=VALUE`, `"" não é`},
	}
	for spec, want := range cases {
		_, err := ParseFaults(spec)
		if err == nil {
			t.Errorf("%q: no error", spec)
			continue
		}
		if en, got := want[0], err.Error(); !strings.Contains(got, en) || !strings.HasPrefix(got, "faults: ") {
			t.Errorf("%q: en %q, want %q", spec, got, en)
		}
		if p, got := want[1], pt.Err(err); !strings.Contains(got, p) || !strings.HasPrefix(got, "falhas: ") {
			t.Errorf("%q: pt-BR %q, want %q", spec, got, p)
		}
	}
}

// FormatFaults and ParseFaults are inverses for every Faults a SPEC can
// say.
func TestFaultsSpecRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		prob := func(name string) float64 {
			if rapid.Bool().Draw(t, name+"?") {
				return 0
			}
			return rapid.Float64Range(0, 1).Draw(t, name)
		}
		f := Faults{
			Drop: prob("drop"), Duplicate: prob("dup"), Crash: prob("crash"), Restart: prob("restart"),
			Partition: prob("partition"), Heal: prob("heal"), Write: prob("write"),
			MaxDown:      rapid.IntRange(0, MaxNodes-1).Draw(t, "maxdown"),
			ReorderExtra: time.Duration(rapid.IntRange(0, 1000).Draw(t, "reorder")) * time.Millisecond,
		}
		spec := FormatFaults(f)
		back, err := ParseFaults(spec)
		if err != nil || back != f {
			t.Fatalf("%+v → %q → %+v, %v", f, spec, back, err)
		}
	})
}

// The bugs' names read back.
func TestParseBug(t *testing.T) {
	for _, b := range []Bug{BugNone, BugCountOldTerm, BugForgetVote} {
		if got, err := ParseBug(b.String()); err != nil || got != b {
			t.Errorf("%v: %v, %v", b, got, err)
		}
	}
	if b, err := ParseBug(""); err != nil || b != BugNone {
		t.Errorf(`"": %v, %v`, b, err)
	}
	if _, err := ParseBug("off-by-one"); err == nil || !strings.Contains(err.Error(), `no bug "off-by-one"`) {
		t.Errorf("off-by-one: %v", err)
	}
}
