package raft

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"

	"distlab/demos/locale"
)

// netDisk is what a TCPNode keeps across a crash, as Raft assumes: the
// HardState (term, vote, commit) and the log. It is one append-only file,
// raft.log in the node's data folder, of records
//
//	4-byte length (big endian) | kind | protobuf | CRC-32 of kind and protobuf
//
// kind 'M' holds the node's id and its cluster's peers (uvarint id, then
// the peers' raft addresses as "1=HOST:PORT,2=…", sorted), so that a
// folder is never used by another node nor by the same id in another
// cluster, 'H' a HardState, 'E' an entry. (A folder written before the
// peers were recorded has the id alone, and gets them at its next open.) Reading replays them: the last
// HardState wins, and an entry at index i discards the entries from i on,
// as a leader's overwrite does. A record cut short by a crash, or whose
// CRC does not match, ends the log there. Opening rewrites the file with
// only what is live (a new file renamed over the old, so a crash leaves
// one or the other), then appends; each Ready's records are written in
// one write and synced before the node sends a message.
//
// The state machine (Store) is not written: a restarted node applies its
// committed entries again from the start of its log. Nor is the log ever
// compacted, which suits a class's few hundred commands.
//
// The folder is locked while the disk is open (netlock.go): a second node
// given the same folder is refused before it reads a byte.
type netDisk struct {
	f       *os.File
	lock    *os.File
	id      uint64
	peers   string // the cluster's raft addresses, as netPeersText writes them
	hard    *raftpb.HardState
	entries []*raftpb.Entry
}

const (
	netDiskFile   = "raft.log"
	netMaxRecord  = 1 << 20
	netRecordMeta = 'M'
	netRecordHard = 'H'
	netRecordEnt  = 'E'
)

var netCRC = crc32.MakeTable(crc32.Castagnoli)

// openNetDisk locks the node's folder (creating it), reads it, and leaves
// the file open for appending. peers is the cluster's, as netPeersText
// writes it: a folder that holds another cluster's log is refused.
func openNetDisk(dir string, id uint64, peers string) (*netDisk, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, netDiskError(dir, err)
	}
	lock, err := lockNetDir(dir)
	if err != nil {
		return nil, err
	}
	d, err := openLockedNetDisk(dir, id, peers)
	if err != nil {
		lock.Close()
		return nil, err
	}
	d.lock = lock
	return d, nil
}

// openLockedNetDisk is openNetDisk once the folder is locked.
func openLockedNetDisk(dir string, id uint64, peers string) (*netDisk, error) {
	d := &netDisk{id: id, peers: peers, hard: &raftpb.HardState{}}
	path := filepath.Join(dir, netDiskFile)
	if err := d.read(path); err != nil {
		return nil, err
	}
	// Rewrite what is live into a new file and rename it over the old.
	tmp := path + ".new"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, netDiskError(dir, err)
	}
	var buf []byte
	buf = netAppendRecord(buf, netRecordMeta, append(binary.AppendUvarint(nil, id), peers...))
	if buf, err = netAppendProto(buf, netRecordHard, d.hard); err == nil {
		for _, e := range d.entries {
			if buf, err = netAppendProto(buf, netRecordEnt, e); err != nil {
				break
			}
		}
	}
	if err == nil {
		_, err = f.Write(buf)
	}
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err == nil {
		err = netSyncDir(dir)
	}
	if err != nil {
		f.Close()
		return nil, netDiskError(dir, err)
	}
	d.f = f
	return d, nil
}

// netDiskError is err met in the data folder dir. A file's error names a
// path (locale.FileError says it in words): when that is dir itself, dir
// is not said twice.
func netDiskError(dir string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && filepath.Clean(pe.Path) == filepath.Clean(dir) {
		return locale.Errorf("data folder: %w", locale.FileError(err))
	}
	return locale.Errorf("data folder %s: %w", dir, locale.FileError(err))
}

// netPeersText is a cluster's peers as a data folder records them: each
// id's raft address, sorted by id. The clients' addresses are left out: a
// cluster that moves its client ports is the same cluster.
func netPeersText(peers map[uint64]TCPPeer) string {
	ids := slices.Sorted(maps.Keys(peers))
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatUint(id, 10) + "=" + peers[id].Raft
	}
	return strings.Join(parts, ",")
}

// read replays the records of path, if it exists.
func (d *netDisk) read(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return netDiskError(filepath.Dir(path), err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	first := true
	for {
		kind, body, ok := netReadRecord(r)
		if !ok {
			return nil // the end, or a record a crash cut short
		}
		switch kind {
		case netRecordMeta:
			id, n := binary.Uvarint(body)
			if n <= 0 || id != d.id {
				return locale.Errorf("%s belongs to node %d, not to node %d: give each node its own --data folder", path, id, d.id)
			}
			if err := d.samePeers(path, string(body[n:])); err != nil {
				return err
			}
		case netRecordHard:
			h := &raftpb.HardState{}
			if proto.Unmarshal(body, h) != nil {
				return nil
			}
			d.hard = h
		case netRecordEnt:
			e := &raftpb.Entry{}
			if proto.Unmarshal(body, e) != nil {
				return nil
			}
			d.appendEntries([]*raftpb.Entry{e})
		}
		if first && kind != netRecordMeta {
			return locale.Errorf("%s is not a raft node's log", path)
		}
		first = false
	}
}

// samePeers refuses a log recorded with other peers than the node's. A
// log from before the peers were recorded (none) is taken as this
// cluster's.
func (d *netDisk) samePeers(path, recorded string) error {
	if recorded == "" || recorded == d.peers {
		return nil
	}
	// What the file says reaches a terminal: only as a peer list that
	// parses, which has no escapes in it.
	was, err := ParseTCPPeers(recorded)
	if err != nil || netPeersText(was) != recorded {
		return locale.Errorf("%s is not a raft node's log", path)
	}
	return locale.Errorf("%s holds the log of node %d of another cluster, whose peers were %s, not %s: give the same --peers as before, or this cluster its own --data folder",
		filepath.Dir(path), d.id, recorded, d.peers)
}

// appendEntries adds es to the log in memory, discarding the entries they
// overwrite.
func (d *netDisk) appendEntries(es []*raftpb.Entry) {
	if len(es) == 0 {
		return
	}
	first := es[0].GetIndex()
	keep := len(d.entries)
	for keep > 0 && d.entries[keep-1].GetIndex() >= first {
		keep--
	}
	d.entries = append(d.entries[:keep], es...)
}

// save appends a Ready's HardState (nil when unchanged) and entries, and
// syncs the file when sync is set (raft.MustSync: a new term, vote or
// entry must be on disk before a message says so).
func (d *netDisk) save(hard *raftpb.HardState, es []*raftpb.Entry, sync bool) error {
	var buf []byte
	var err error
	for _, e := range es {
		if buf, err = netAppendProto(buf, netRecordEnt, e); err != nil {
			return err
		}
	}
	if hard != nil {
		if buf, err = netAppendProto(buf, netRecordHard, hard); err != nil {
			return err
		}
		d.hard = hard
	}
	d.appendEntries(es)
	if len(buf) == 0 {
		return nil
	}
	if _, err := d.f.Write(buf); err != nil {
		return err
	}
	if sync {
		return d.f.Sync()
	}
	return nil
}

// close closes the log and then releases the folder's lock.
func (d *netDisk) close() error {
	err := d.f.Close()
	if d.lock != nil {
		d.lock.Close()
	}
	return err
}

func netAppendProto(buf []byte, kind byte, m proto.Message) ([]byte, error) {
	b, err := proto.Marshal(m)
	if err != nil {
		return buf, err
	}
	return netAppendRecord(buf, kind, b), nil
}

func netAppendRecord(buf []byte, kind byte, body []byte) []byte {
	buf = binary.BigEndian.AppendUint32(buf, uint32(1+len(body)))
	start := len(buf)
	buf = append(buf, kind)
	buf = append(buf, body...)
	return binary.BigEndian.AppendUint32(buf, crc32.Checksum(buf[start:], netCRC))
}

// netReadRecord reads one record; ok is false at the end of the file and
// at a record that is cut short or corrupt.
func netReadRecord(r io.Reader) (kind byte, body []byte, ok bool) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return 0, nil, false
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n < 1 || n > netMaxRecord {
		return 0, nil, false
	}
	rec := make([]byte, n+4)
	if _, err := io.ReadFull(r, rec); err != nil {
		return 0, nil, false
	}
	if crc32.Checksum(rec[:n], netCRC) != binary.BigEndian.Uint32(rec[n:]) {
		return 0, nil, false
	}
	return rec[0], rec[1:n], true
}

// netSyncDir makes a rename in dir durable where the system can sync a
// folder (others ignore it, and the rename stands).
func netSyncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	_ = f.Sync()
	return f.Close()
}
