//go:build !unix

package present

import "io/fs"

// checkOwner trusts the folder where ownership is not a uid.
func checkOwner(fs.FileInfo) error { return nil }
