package locale

import (
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

// The network's common errors, from a real dial, are said in the
// reader's language with the address; errors.Is still sees the cause;
// anything else is left as it is.
func TestNetError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	_, refused := net.DialTimeout("tcp", addr, time.Second)
	if refused == nil {
		t.Skip("something took the port again")
	}
	for _, c := range []struct {
		err    error
		en, pt string
	}{
		{refused, addr + ": connection refused (nothing listens there)", addr + ": conexão recusada (nada escuta ali)"},
		{&net.DNSError{Name: "nohost.invalid", IsNotFound: true}, "nohost.invalid: host not found", "nohost.invalid: host não encontrado"},
	} {
		if got := For(English).Err(c.err); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
		if got := For(Portuguese).T("x: %v", c.err); got != "x: "+c.pt {
			t.Errorf("pt-BR: %q, want %q", got, "x: "+c.pt)
		}
		if ne := NetError(c.err); !errors.Is(ne, c.err) {
			t.Errorf("%v: errors.Is does not see through it", c.err)
		}
	}
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	_, port, _ := net.SplitHostPort(held.Addr().String())
	if _, inUse := net.Listen("tcp", held.Addr().String()); inUse == nil {
		t.Fatal("listened twice on one port")
	} else if got := For(Portuguese).Err(inUse); got != "porta "+port+" em uso" {
		t.Errorf("port in use: %q", got)
	}
	wrapped := Errorf("raft: %w", refused)
	if got := For(Portuguese).Err(wrapped); !strings.Contains(got, "conexão recusada") {
		t.Errorf("wrapped in an Error: %q", got)
	}
	other := errors.New("dial tcp: something else")
	if got := For(Portuguese).Err(other); got != other.Error() {
		t.Errorf("another error changed: %q", got)
	}
}
