package raft

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
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
	d, err := openNetDisk(dir, 2, "")
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

	d, err = openNetDisk(dir, 2, "")
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
	d, err = openNetDisk(dir, 2, "")
	must(err)
	if got := netLogText(d.entries); got != "a B C " {
		t.Errorf("log after a torn write: %q, want a B C", got)
	}
	must(d.save(nil, []*raftpb.Entry{netEntry(4, 3, "E")}, true))
	must(d.close())
	d, err = openNetDisk(dir, 2, "")
	must(err)
	if got := netLogText(d.entries); got != "a B C E " {
		t.Errorf("log after a write past a torn one: %q, want a B C E", got)
	}
	must(d.close())

	if _, err := openNetDisk(dir, 3, ""); err == nil {
		t.Errorf("node 3 opened node 2's folder")
	}
	junk := t.TempDir()
	must(os.WriteFile(filepath.Join(junk, netDiskFile), netAppendRecord(nil, netRecordHard, nil), 0o600))
	if _, err := openNetDisk(junk, 1, ""); err == nil {
		t.Errorf("a log without its node's id was opened")
	}
}

// A folder records its cluster's peers: the same node id in another
// cluster is refused, with both peer lists said; a folder written before
// the peers were recorded is taken, and records them from then on.
func TestNetDiskRecordsItsCluster(t *testing.T) {
	ours := netPeersText(map[uint64]TCPPeer{3: {Raft: "127.0.0.1:7003"}, 1: {Raft: "127.0.0.1:7001"}, 2: {Raft: "127.0.0.1:7002", Client: "127.0.0.1:9"}})
	if ours != "1=127.0.0.1:7001,2=127.0.0.1:7002,3=127.0.0.1:7003" {
		t.Fatalf("peers recorded as %q", ours)
	}
	theirs := "1=10.0.0.5:7001,2=10.0.0.6:7001,3=10.0.0.7:7001"
	dir := t.TempDir()
	d, err := openNetDisk(dir, 1, ours)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.save(&raftpb.HardState{Term: new(uint64(4))}, []*raftpb.Entry{netEntry(1, 4, "a")}, true); err != nil {
		t.Fatal(err)
	}
	d.close()
	_, err = openNetDisk(dir, 1, theirs)
	if err == nil {
		t.Fatal("node 1 of another cluster opened this cluster's folder")
	}
	for _, want := range []string{dir, "node 1 of another cluster", "peers were " + ours, "not " + theirs, "--peers", "--data"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal %q does not say %q", err, want)
		}
	}
	if d, err = openNetDisk(dir, 1, ours); err != nil {
		t.Fatalf("the same cluster again: %v", err)
	}
	if h := d.hard; h.GetTerm() != 4 || len(d.entries) != 1 {
		t.Errorf("after the refusal, the log is %v %q: it changed", h, netLogText(d.entries))
	}
	d.close()

	// A folder of an older distlab: its meta record holds the id alone.
	old := t.TempDir()
	var buf []byte
	buf = netAppendRecord(buf, netRecordMeta, binary.AppendUvarint(nil, 2))
	buf, _ = netAppendProto(buf, netRecordHard, &raftpb.HardState{Term: new(uint64(2))})
	if err := os.WriteFile(filepath.Join(old, netDiskFile), buf, 0o600); err != nil {
		t.Fatal(err)
	}
	if d, err = openNetDisk(old, 2, ours); err != nil {
		t.Fatalf("a folder without peers: %v", err)
	}
	d.close()
	if _, err := openNetDisk(old, 2, theirs); err == nil {
		t.Error("the older folder did not record its peers when opened")
	}

	// Peers a file claims are said only when they are a peer list.
	forged := t.TempDir()
	buf = netAppendRecord(nil, netRecordMeta, append(binary.AppendUvarint(nil, 1), "1=\x1b[2J:1"...))
	if err := os.WriteFile(filepath.Join(forged, netDiskFile), buf, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := openNetDisk(forged, 1, ours); err == nil || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("a forged peer list: %v", err)
	}
}

// A folder is locked while its disk is open: a second open is refused
// and names the process that holds it; once closed, it opens again.
func TestNetDiskLocked(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "windows" && runtime.GOOS != "freebsd" {
		t.Skip("no folder lock on " + runtime.GOOS)
	}
	dir := t.TempDir()
	d, err := openNetDisk(dir, 1, "1=127.0.0.1:7001")
	if err != nil {
		t.Fatal(err)
	}
	_, err = openNetDisk(dir, 1, "1=127.0.0.1:7001")
	if err == nil {
		t.Fatal("a second node opened a folder in use")
	}
	if want := "is in use by another node"; !strings.Contains(err.Error(), want) {
		t.Errorf("%q, want %q", err, want)
	}
	if runtime.GOOS != "windows" && !strings.Contains(err.Error(), "(process "+strconv.Itoa(os.Getpid())+")") {
		t.Errorf("%q does not name the process holding the folder, %d", err, os.Getpid())
	}
	if err := d.close(); err != nil {
		t.Fatal(err)
	}
	d, err = openNetDisk(dir, 1, "1=127.0.0.1:7001")
	if err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
	d.close()
}

// An error in the data folder names each path once: the folder asked
// for, and the part of it that failed when that is another.
func TestNetDiskErrorNamesThePathOnce(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{
		file:                     "data folder: " + file + ": ",
		filepath.Join(file, "x"): "data folder " + filepath.Join(file, "x") + ": " + file + ": a part of the path is not a folder",
	} {
		_, err := openNetDisk(dir, 1, "")
		if err == nil {
			t.Fatalf("%s was opened", dir)
		}
		if !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), dir) != 1 {
			t.Errorf("%q, want it to start %q and name %s once", err, want, dir)
		}
	}
}
