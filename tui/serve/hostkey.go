package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"distlab/demos/locale"
)

// LoadHostKey reads the server's host key at path, or makes an ed25519 one
// there on first run: the file readable by its owner only (0600), in a
// folder made owner-only (0700), with the public key beside it (path.pub).
// The same key every class keeps the students' known_hosts valid. A key
// file others can read is refused, as OpenSSH refuses it.
func LoadHostKey(path string) (gossh.Signer, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data, err = makeHostKey(path)
	}
	if err != nil {
		return nil, locale.Errorf("serve: host key: %w", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, locale.Errorf("serve: host key: %w", err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, locale.Errorf("host key %s can be read by others (mode %s): chmod 600 it", path, fi.Mode().Perm().String())
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, locale.Errorf("serve: host key %s: %w", path, err)
	}
	return signer, nil
}

// makeHostKey writes a new ed25519 key at path and returns its PEM.
func makeHostKey(path string) ([]byte, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "distlab serve")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	// O_EXCL: two servers starting at once keep one key, the first one's.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	sshPub, err := gossh.NewPublicKey(pub)
	if err == nil {
		_ = os.WriteFile(path+".pub", gossh.MarshalAuthorizedKey(sshPub), 0o644)
	}
	return data, nil
}
