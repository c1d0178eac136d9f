package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/text/secure/precis"

	"distlab/demos/chat"
	"distlab/demos/locale"
)

// Students' files live in one folder: <id>.json is a student's progress
// (package progress), <id>.name.json their name. An id is hex, never a
// name a student typed, so no name can reach outside the folder.

// keyID is the id of the student with key.
func keyID(key gossh.PublicKey) string {
	sum := sha256.Sum256(key.Marshal())
	return "k" + hex.EncodeToString(sum[:])
}

// nameID is the id of a student without a key, from their name's key.
func nameID(key string) string {
	sum := sha256.Sum256([]byte("distlab name\x00" + key))
	return "n" + hex.EncodeToString(sum[:20])
}

// cleanName puts a name a student typed (or their SSH user name) in the
// form the class sees, with the key two names that look alike share, or
// says why it cannot be a name. The name goes through the chat's filter,
// so nothing in it is an instruction to a terminal; look-alikes ("Ana",
// "ANA", a Cyrillic "Аna") share a key.
func cleanName(raw string, p *locale.Printer) (name, key, why string) {
	name = strings.Join(strings.Fields(chat.Clean(raw)), " ")
	switch {
	case name == "":
		return "", "", p.T("Type a name: letters, digits, spaces.")
	case utf8.RuneCountInString(name) > maxName:
		return "", "", p.T("A name has at most %d characters.", maxName)
	}
	enforced, err := precis.Nickname.String(name)
	if err != nil || enforced == "" {
		return "", "", p.T("That name has characters the class cannot show: try another.")
	}
	return enforced, nameKey(enforced), ""
}

// nameKey is what names that look alike share.
func nameKey(name string) string { return chat.NickKey(name) }

// errNameTaken says another student has the name.
var errNameTaken = errors.New("serve: name taken")

// students knows every student's name, kept in their name files.
type students struct {
	dir string

	mu     sync.Mutex
	names  map[string]string // id → name
	claims map[string]string // name key → id
}

// record is a name file.
type record struct {
	Name string `json:"name"`
	Key  string `json:"key,omitempty"` // the fingerprint, for a student with a key
}

// maxStudents bounds the name files read at start.
const maxStudents = 100000

// openStudents reads the names kept in dir, making it (owner only) when
// missing.
func openStudents(dir string) (*students, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, locale.Errorf("serve: %w", err)
	}
	st := &students{dir: dir, names: map[string]string{}, claims: map[string]string{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.name.json"))
	if err != nil {
		return nil, locale.Errorf("serve: %w", err)
	}
	for i, f := range files {
		if i == maxStudents {
			break
		}
		id := strings.TrimSuffix(filepath.Base(f), ".name.json")
		if !validID(id) {
			continue
		}
		r, err := readRecord(f)
		if err != nil {
			continue // a damaged file: that student picks a name again
		}
		name, key, why := cleanName(r.Name, nil)
		if why != "" {
			continue
		}
		st.names[id] = name
		if _, taken := st.claims[key]; !taken {
			st.claims[key] = id
		}
	}
	return st, nil
}

// validID reports whether id is one keyID or nameID makes.
func validID(id string) bool {
	if len(id) < 2 || id[0] != 'k' && id[0] != 'n' {
		return false
	}
	_, err := hex.DecodeString(id[1:])
	return err == nil
}

func readRecord(path string) (record, error) {
	f, err := os.Open(path)
	if err != nil {
		return record{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 4<<10))
	if err != nil {
		return record{}, err
	}
	var r record
	return r, json.Unmarshal(data, &r)
}

// name is the name kept for id.
func (st *students) name(id string) (string, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	n, ok := st.names[id]
	return n, ok
}

// progressPath is the progress file of id.
func (st *students) progressPath(id string) string { return filepath.Join(st.dir, id+".json") }

// claim gives name to id and keeps it, unless another student has it
// (errNameTaken). Claiming the name id has already changes nothing.
func (st *students) claim(id, name, fp string) error {
	key := nameKey(name)
	st.mu.Lock()
	defer st.mu.Unlock()
	if other, ok := st.claims[key]; ok && other != id {
		return errNameTaken
	}
	if st.names[id] == name {
		return nil
	}
	data, err := json.Marshal(record{Name: name, Key: fp})
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(st.dir, id+".name.json"), append(data, '\n')); err != nil {
		return err
	}
	if old, ok := st.names[id]; ok && st.claims[nameKey(old)] == id {
		delete(st.claims, nameKey(old))
	}
	st.names[id], st.claims[key] = name, id
	return nil
}

// writeFile writes data to path atomically, readable by its owner only.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".name-*.tmp")
	if err != nil {
		return locale.Errorf("serve: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return locale.Errorf("serve: %w", err)
	}
	return nil
}
