package raft

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"distlab/demos/locale"
)

// netLockFile is the file a running node holds locked in its data folder,
// so that two nodes never share one: each would overwrite the other's log.
// It holds the process id of the node that has it, for the error the
// second one gets. The lock is the system's (flock, LockFileEx): it goes
// with the process, so a node killed with SIGKILL leaves no stale lock.
const netLockFile = "lock"

// errNetLocked is what lockFile returns when another process holds the
// lock.
var errNetLocked = errors.New("raft: data folder locked")

// lockNetDir takes dir's lock, or says which node holds it.
func lockNetDir(dir string) (*os.File, error) {
	path := filepath.Join(dir, netLockFile)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, netDiskError(dir, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if !errors.Is(err, errNetLocked) {
			return nil, locale.Errorf("data folder %s: cannot lock it: %w", dir, err)
		}
		// Where locks are mandatory (Windows) the holder's pid cannot be read.
		if b, err := os.ReadFile(path); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
				// A process id is a name, as ps prints it: no thousands marks.
				return nil, locale.Errorf("data folder %s is in use by another node (process %s): give each node its own --data folder", dir, strconv.Itoa(pid))
			}
		}
		return nil, locale.Errorf("data folder %s is in use by another node: give each node its own --data folder", dir)
	}
	// The pid is a courtesy for the error above; failing to write it
	// leaves the lock held all the same.
	if f.Truncate(0) == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return f, nil
}
