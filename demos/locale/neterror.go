package locale

import (
	"errors"
	"net"
	"os"
	"syscall"
)

// NetError is err, an error of the network (a *net.OpError, as net.Dial,
// Listen and a conn's Read and Write return, or a *net.DNSError), said in
// the reader's language when its cause is a common one: nothing listens
// at the address, no answer in time, the host is not found or cannot be
// reached, the other side reset the connection, a port to listen on is
// taken. The address stays as it was given; the operation ("dial tcp") is left out, since the caller
// says what it was doing. errors.Is and errors.As see through it. Any
// other error, and nil, is returned as it is.
func NetError(err error) error {
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return &netError{cause: errHostNotFound, addr: dns.Name, err: err}
	}
	var op *net.OpError
	if !errors.As(err, &op) || op != err {
		return err // only the network's own error: a wrapper has words of its own
	}
	addr := ""
	if op.Addr != nil {
		addr = op.Addr.String()
	}
	for _, cause := range netCauses {
		if errors.Is(op.Err, cause) {
			return &netError{cause: cause, addr: addr, err: err}
		}
	}
	if errors.Is(op.Err, os.ErrDeadlineExceeded) || op.Timeout() {
		return &netError{cause: os.ErrDeadlineExceeded, addr: addr, err: err}
	}
	return err
}

// errHostNotFound stands for a DNS answer that the name does not exist.
var errHostNotFound = errors.New("host not found")

// netCauses are the system's causes NetError says in words.
var netCauses = []error{
	syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.EPIPE,
	syscall.ENETUNREACH, syscall.EHOSTUNREACH, syscall.EADDRNOTAVAIL, syscall.EADDRINUSE,
}

// netError is a network error in words; see NetError.
type netError struct {
	cause error
	addr  string
	err   error // the system's
}

func (e *netError) Error() string              { return e.say(nil) }
func (e *netError) Localize(p *Printer) string { return e.say(p) }
func (e *netError) Unwrap() error              { return e.err }

func (e *netError) say(p *Printer) string {
	switch e.cause {
	case syscall.ECONNREFUSED:
		return p.T("%s: connection refused (nothing listens there)", e.addr)
	case syscall.ECONNRESET, syscall.EPIPE:
		return p.T("%s: the connection was closed by the other side", e.addr)
	case syscall.ENETUNREACH, syscall.EHOSTUNREACH:
		return p.T("%s: cannot be reached from here", e.addr)
	case syscall.EADDRNOTAVAIL:
		return p.T("%s: not an address of this machine", e.addr)
	case errHostNotFound:
		return p.T("%s: host not found", e.addr)
	case syscall.EADDRINUSE: // a listener's: its port is what was asked for
		port := e.addr
		if _, pt, err := net.SplitHostPort(e.addr); err == nil {
			port = pt
		}
		return p.T("port %s in use", port)
	}
	return p.T("%s: no answer in time", e.addr)
}
