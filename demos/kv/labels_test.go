package kv

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"distlab/demos/locale"
)

// A replica's sentence says what the message did to it, judged against
// what it held before: a write older under LWW is discarded, a repair of
// what it already holds changes nothing, a real repair names the value
// it replaces.
func TestStoreSaidComparesWithTheReplicaBefore(t *testing.T) {
	en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
	older := Version{Value: 2, Op: 2, Stamp: 25 * time.Millisecond, Writer: 2, VV: vclock{0, 1}}
	newer := Version{Value: 1, Op: 1, Stamp: 100 * time.Millisecond, Writer: 1, VV: vclock{1}}
	for _, c := range []struct {
		name      string
		conflicts Conflicts
		kind      msgKind
		before    []Version
		in        Version
		en, pt    string
	}{
		{"an older write under LWW", LWW, mWrite, []Version{newer}, older,
			"n2 keeps x = 1: its stamp is newer than 2's", "n2 fica com x = 1: o carimbo desse valor é mais novo que o de 2"},
		{"a write", LWW, mWrite, []Version{older}, newer,
			"n2 stores x = 1", "n2 guarda x = 1"},
		{"a repair of what it holds", LWW, mRepair, []Version{newer}, newer,
			"n2 already has x = 1: nothing to repair", "n2 já tem x = 1: nada a reparar"},
		{"a repair of something older", LWW, mRepair, []Version{newer}, older,
			"n2 keeps x = 1: its stamp is newer than 2's", "n2 fica com x = 1: o carimbo desse valor é mais novo que o de 2"},
		{"a repair", LWW, mRepair, []Version{older}, newer,
			"n2 is repaired: x = 1, it had 2", "n2 é reparado: x = 1; tinha 2"},
		{"a repair of a replica without the key", LWW, mRepair, nil, newer,
			"n2 is repaired: x = 1, it had 0", "n2 é reparado: x = 1; tinha 0"},
		{"a handoff of what it holds", LWW, mHandoff, []Version{newer}, newer,
			"n2 already has x = 1: the spare's copy changes nothing", "n2 já tem x = 1: a cópia da reserva não muda nada"},
		{"a write its vector covers", VV, mWrite, []Version{{Value: 3, Op: 3, VV: vclock{1, 1}}}, newer,
			"n2 keeps x = 3: its version vector already covers 1's", "n2 fica com x = 3: o vetor de versão desse valor já cobre o de 1"},
		{"a concurrent write", VV, mWrite, []Version{older}, newer,
			"n2 keeps x = 1 | 2: concurrent versions, siblings", "n2 fica com x = 1 | 2: versões concorrentes, versões irmãs"},
	} {
		e := newEngine(Config{Conflicts: c.conflicts}.withDefaults())
		m := &message{kind: c.kind, from: 1, to: 2, key: "x", vs: []Version{c.in}}
		said := e.storeSaid(m, c.before, merge(c.conflicts, c.before, c.in))
		if got := said(en); got != c.en {
			t.Errorf("%s: %q, want %q", c.name, got, c.en)
		}
		if got := said(pt); got != c.pt {
			t.Errorf("%s (pt-BR): %q, want %q", c.name, got, c.pt)
		}
	}
}

// Read repair tells the replicas that answered with something older from
// those that have not answered yet, each counted with its plural.
func TestWriteBackCountsReplicasBehindApart(t *testing.T) {
	en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
	v1 := Version{Value: 1, Op: 1, Stamp: 10 * time.Millisecond, Writer: 1}
	v2 := Version{Value: 2, Op: 2, Stamp: 20 * time.Millisecond, Writer: 1}
	for _, c := range []struct {
		name    string
		n, w    int
		replied map[int][]Version
		en, pt  string
	}{
		{"one behind, one silent", 3, 2, map[int][]Version{1: {v2}, 2: {v1}},
			"n1 read x = 2; before answering it repairs 1 replica behind and writes it to 1 more that has not answered",
			"n1 leu x = 2; antes de responder, repara 1 réplica atrasada e escreve o valor em mais 1 que ainda não respondeu"},
		{"one behind", 3, 3, map[int][]Version{1: {v2}, 2: {v1}, 3: {v2}},
			"n1 read x = 2; before answering it repairs 1 replica behind",
			"n1 leu x = 2; antes de responder, repara 1 réplica atrasada"},
		{"none behind, two silent", 3, 3, map[int][]Version{1: {v2}},
			"n1 read x = 2; before answering it writes it to 2 replicas that have not answered",
			"n1 leu x = 2; antes de responder, escreve o valor em 2 réplicas que ainda não responderam"},
		{"two behind, two silent", 5, 5, map[int][]Version{1: {v2}, 2: {v1}, 3: nil},
			"n1 read x = 2; before answering it repairs 2 replicas behind and writes it to 2 more that have not answered",
			"n1 leu x = 2; antes de responder, repara 2 réplicas atrasadas e escreve o valor em mais 2 que ainda não responderam"},
	} {
		e := newEngine(Config{N: c.n, W: c.w, ReadRepair: true}.withDefaults())
		op := &opRecord{ID: 1, Client: 1, Key: "x", Server: 1, W: c.w, N: c.n}
		k := &coord{op: op, replied: c.replied, merged: []Version{v2}}
		for id := 1; id <= c.n; id++ {
			k.targets = append(k.targets, id)
		}
		if !e.writeBack(k, 1) {
			t.Fatalf("%s: the read does not wait for its repairs", c.name)
		}
		said := e.events[len(e.events)-1].Said
		if got := said(en); got != c.en {
			t.Errorf("%s: %q, want %q", c.name, got, c.en)
		}
		if got := said(pt); got != c.pt {
			t.Errorf("%s (pt-BR): %q, want %q", c.name, got, c.pt)
		}
	}
}

// Over whole runs, what a replica says it stores is what the message
// brought: a replica that "stores" a write stores that write's value,
// and one "repaired" had another value before. Discarded writes and
// repairs that change nothing are said as such, and the runs have both.
func TestReplicaSentencesMatchTheirMessages(t *testing.T) {
	en := locale.For(locale.English)
	stores := regexp.MustCompile(`^n\d stores x = (\d+)$`)
	repaired := regexp.MustCompile(`^n\d is repaired: x = (\S+), it had (\S+)$`)
	kept := regexp.MustCompile(`^n\d keeps x = \d+: its stamp is newer than \d+'s$`)
	already := regexp.MustCompile(`^n\d already has x = \d+: nothing to repair$`)
	var keeps, redundant int
	for _, cfg := range []Config{
		{Scenario: "lww-skew"}, {Scenario: "quorum"}, {Scenario: "cp-partition"},
		{Ops: 80, ReadRepair: true, Skew: []time.Duration{60 * time.Millisecond}},
		{Ops: 80, ReadRepair: true, Loss: 0.2},
	} {
		for seed := uint64(1); seed <= 4; seed++ {
			cfg.Seed = seed
			s := run(t, cfg)
			value := map[int]int{}
			for _, o := range s.Snapshot().Ops {
				if o.Put {
					value[o.ID] = o.Value
				}
			}
			for _, ev := range s.History() {
				said := ev.Said(en)
				if m := stores.FindStringSubmatch(said); m != nil {
					if v, ok := value[ev.Op]; ok && m[1] != strconv.Itoa(v) {
						t.Errorf("%+v #%d: %q for the write of %d", cfg, ev.N, said, v)
					}
				}
				if m := repaired.FindStringSubmatch(said); m != nil && m[1] == m[2] {
					t.Errorf("%+v #%d: %q: nothing changed", cfg, ev.N, said)
				}
				if kept.MatchString(said) {
					keeps++
				}
				if already.MatchString(said) {
					redundant++
				}
			}
		}
	}
	if keeps == 0 || redundant == 0 {
		t.Errorf("%d discarded writes and %d repairs that changed nothing: the runs should have both", keeps, redundant)
	}
}
