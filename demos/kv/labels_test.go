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
			"n2 keeps x = 1 | 2: concurrent versions, siblings", "n2 fica com x = 1 | 2: versões concorrentes, guardadas como versões irmãs"},
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
// those that have not answered yet, each counted with its plural, and
// says so whether the read waits for them or answers at once.
func TestWriteBackCountsReplicasBehindApart(t *testing.T) {
	en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
	v1 := Version{Value: 1, Op: 1, Stamp: 10 * time.Millisecond, Writer: 1}
	v2 := Version{Value: 2, Op: 2, Stamp: 20 * time.Millisecond, Writer: 1}
	for _, c := range []struct {
		name    string
		n, w    int
		replied map[int][]Version
		en, pt  string
		wait    bool
	}{
		{"one behind, one silent", 3, 2, map[int][]Version{1: {v2}, 2: {v1}},
			"n1 read x = 2; before answering it repairs 1 replica behind and writes it to 1 more that has not answered",
			"n1 leu x = 2; antes de responder, repara 1 réplica atrasada e grava o valor em mais 1 que ainda não respondeu", true},
		{"one behind", 3, 3, map[int][]Version{1: {v2}, 2: {v1}, 3: {v2}},
			"n1 read x = 2; before answering it repairs 1 replica behind",
			"n1 leu x = 2; antes de responder, repara 1 réplica atrasada", true},
		{"none behind, two silent", 3, 3, map[int][]Version{1: {v2}},
			"n1 read x = 2; before answering it writes it to 2 replicas that have not answered",
			"n1 leu x = 2; antes de responder, grava o valor em 2 réplicas que ainda não responderam", true},
		{"two behind, two silent", 5, 5, map[int][]Version{1: {v2}, 2: {v1}, 3: nil},
			"n1 read x = 2; before answering it repairs 2 replicas behind and writes it to 2 more that have not answered",
			"n1 leu x = 2; antes de responder, repara 2 réplicas atrasadas e grava o valor em mais 2 que ainda não responderam", true},
		// W replicas hold it already: the read answers at once, and its
		// repairs still go out, so the sentence says it sends them.
		{"enough hold it, one silent", 3, 2, map[int][]Version{1: {v2}, 2: {v2}},
			"n1 read x = 2; enough replicas hold it, so it answers at once, and it still writes it to 1 replica that has not answered",
			"n1 leu x = 2; o valor já está em réplicas suficientes, então responde sem esperar e, mesmo assim, grava o valor em 1 réplica que ainda não respondeu", false},
		{"enough hold it, one behind", 3, 2, map[int][]Version{1: {v2}, 2: {v2}, 3: {v1}},
			"n1 read x = 2; enough replicas hold it, so it answers at once, and it still repairs 1 replica behind",
			"n1 leu x = 2; o valor já está em réplicas suficientes, então responde sem esperar e, mesmo assim, repara 1 réplica atrasada", false},
		{"enough hold it, one behind, two silent", 5, 2, map[int][]Version{1: {v2}, 2: {v2}, 3: {v1}},
			"n1 read x = 2; enough replicas hold it, so it answers at once, and it still repairs 1 replica behind and writes it to 2 more that have not answered",
			"n1 leu x = 2; o valor já está em réplicas suficientes, então responde sem esperar e, mesmo assim, repara 1 réplica atrasada e grava o valor em mais 2 que ainda não responderam", false},
	} {
		e := newEngine(Config{N: c.n, W: c.w, ReadRepair: true}.withDefaults())
		op := &opRecord{ID: 1, Client: 1, Key: "x", Server: 1, W: c.w, N: c.n}
		k := &coord{op: op, replied: c.replied, merged: []Version{v2}}
		for id := 1; id <= c.n; id++ {
			k.targets = append(k.targets, id)
		}
		if got := e.writeBack(k, 1); got != c.wait {
			t.Fatalf("%s: the read waits for its repairs: %v, want %v", c.name, got, c.wait)
		}
		if len(e.events) == 0 {
			t.Fatalf("%s: repairs sent, no sentence", c.name)
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

// Over whole runs, every repair a replica receives (or the network
// loses) comes after its read's sentence that sent it, and no read has
// more repair lines than it said it sent. Reads that answer without
// waiting send repairs too: the runs have those, and they are said.
func TestEveryRepairFollowsTheReadThatSentIt(t *testing.T) {
	en := locale.For(locale.English)
	sent := regexp.MustCompile(`^n\d+ read \S+ = .*; (before answering it|enough replicas hold it, so it answers at once, and it still) (.*)$`)
	behind := regexp.MustCompile(`repairs (\d+) replicas? behind`)
	silent := regexp.MustCompile(`writes it to (\d+) (more|replicas?) that ha(s|ve) not answered`)
	repairLine := regexp.MustCompile(`^(n\d+ already has \S+ = .*: nothing to repair|n\d+ is repaired: .*|n\d+ → n\d+ repair \S+ = .* lost: .*)$`)
	atOnce := 0
	for _, cfg := range []Config{
		{Ops: 80, ReadRepair: true},
		{Ops: 80, ReadRepair: true, R: 1, W: 2},
		{Ops: 80, ReadRepair: true, N: 5, R: 3, W: 3, Loss: 0.1},
		{Ops: 80, ReadRepair: true, Loss: 0.2, Mode: AP},
		{Scenario: "quorum"},
	} {
		for seed := uint64(1); seed <= 4; seed++ {
			cfg.Seed = seed
			s := run(t, cfg)
			announced, lines := map[int]int{}, map[int]int{}
			for _, ev := range s.History() {
				said := ev.Said(en)
				if m := sent.FindStringSubmatch(said); m != nil {
					for _, re := range []*regexp.Regexp{behind, silent} {
						if c := re.FindStringSubmatch(m[2]); c != nil {
							n, _ := strconv.Atoi(c[1])
							announced[ev.Op] += n
						}
					}
					if m[1] != "before answering it" {
						atOnce++
					}
					continue
				}
				if repairLine.MatchString(said) {
					if lines[ev.Op]++; lines[ev.Op] > announced[ev.Op] {
						t.Errorf("%+v #%d: %q: repair %d of operation %d, its read said it sent %d",
							cfg, ev.N, said, lines[ev.Op], ev.Op, announced[ev.Op])
					}
				}
			}
		}
	}
	if atOnce == 0 {
		t.Error("no read answered at once while sending repairs: the runs should have some")
	}
}
