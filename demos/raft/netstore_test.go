package raft

import (
	"os"
	"path/filepath"
	"testing"

	"go.etcd.io/raft/v3/raftpb"
)

func netEntry(index, term uint64, data string) *raftpb.Entry {
	return &raftpb.Entry{Index: new(index), Term: new(term), Data: []byte(data)}
}

func netLogText(es []*raftpb.Entry) string {
	var s string
	for _, e := range es {
		s += string(e.GetData()) + " "
	}
	return s
}

// What a node saved is what it reads back after a restart: the last
// HardState, and the log with overwritten entries gone; a record a crash
// cut short is dropped with whatever followed it; a folder of another
// node is refused.
func TestNetDiskRecovers(t *testing.T) {
	dir := t.TempDir()
	d, err := openNetDisk(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(d.save(&raftpb.HardState{Term: new(uint64(1)), Vote: new(uint64(1))}, []*raftpb.Entry{netEntry(1, 1, "a"), netEntry(2, 1, "b"), netEntry(3, 1, "c")}, true))
	must(d.save(&raftpb.HardState{Term: new(uint64(2)), Vote: new(uint64(3)), Commit: new(uint64(1))}, []*raftpb.Entry{netEntry(2, 2, "B")}, true))
	must(d.save(nil, []*raftpb.Entry{netEntry(3, 2, "C")}, true))
	must(d.close())

	d, err = openNetDisk(dir, 2)
	must(err)
	if h := d.hard; h.GetTerm() != 2 || h.GetVote() != 3 || h.GetCommit() != 1 {
		t.Errorf("hard state after a restart: %v", h)
	}
	if got := netLogText(d.entries); got != "a B C " {
		t.Errorf("log after a restart: %q, want a B C", got)
	}
	must(d.save(nil, []*raftpb.Entry{netEntry(4, 2, "D")}, true))
	must(d.close())

	// A crash in the middle of the last write: its record is cut short.
	path := filepath.Join(dir, netDiskFile)
	info, err := os.Stat(path)
	must(err)
	must(os.Truncate(path, info.Size()-3))
	d, err = openNetDisk(dir, 2)
	must(err)
	if got := netLogText(d.entries); got != "a B C " {
		t.Errorf("log after a torn write: %q, want a B C", got)
	}
	must(d.save(nil, []*raftpb.Entry{netEntry(4, 3, "E")}, true))
	must(d.close())
	d, err = openNetDisk(dir, 2)
	must(err)
	if got := netLogText(d.entries); got != "a B C E " {
		t.Errorf("log after a write past a torn one: %q, want a B C E", got)
	}
	must(d.close())

	if _, err := openNetDisk(dir, 3); err == nil {
		t.Errorf("node 3 opened node 2's folder")
	}
	junk := t.TempDir()
	must(os.WriteFile(filepath.Join(junk, netDiskFile), netAppendRecord(nil, netRecordHard, nil), 0o600))
	if _, err := openNetDisk(junk, 1); err == nil {
		t.Errorf("a log without its node's id was opened")
	}
}
