package chat

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

// publicID is what other clients see of a client's id: enough to tell
// messages apart after a failover, not enough to speak as that client.
func publicID(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:6])
}

// pubIDs remembers publicID for the ids a node met lately: every message
// passes through publish on every node, and the hash cost more than the
// rest of building its lines (issue 12's three-node figure).
type pubIDs struct {
	mu sync.Mutex
	m  map[string]string
}

// pubIDsMax bounds the memory: past it the table starts again empty.
const pubIDsMax = 4096

func (p *pubIDs) get(id string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.m[id]; ok {
		return s
	}
	if p.m == nil || len(p.m) >= pubIDsMax {
		p.m = make(map[string]string)
	}
	s := publicID(id)
	p.m[id] = s
	return s
}
