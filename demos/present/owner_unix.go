//go:build unix

package present

import (
	"io/fs"
	"os"
	"syscall"

	"distlab/demos/locale"
)

// checkOwner refuses a folder that is not the user's own.
func checkOwner(fi fs.FileInfo) error {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return locale.Errorf("present: %s belongs to another user", fi.Name())
	}
	return nil
}
