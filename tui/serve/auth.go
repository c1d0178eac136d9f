package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"slices"
	"strings"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// codeAlphabet has no letters or digits that read alike (0/o, 1/l/i).
const codeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// NewCode makes a class code a teacher can read aloud: six characters in
// two groups ("kx7-m2p"), about 30 bits.
func NewCode() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	var out strings.Builder
	for i, c := range b {
		if i == 3 {
			out.WriteByte('-')
		}
		out.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return out.String()
}

// normalCode is a code as compared: case, spaces and dashes aside.
func normalCode(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '\t':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// wrongCodeDelay slows guessing: each wrong code costs the guesser this.
const wrongCodeDelay = 500 * time.Millisecond

// codeOK compares a typed code with the class's in constant time.
func (s *Server) codeOK(typed string) bool {
	ok := subtle.ConstantTimeCompare([]byte(normalCode(typed)), []byte(normalCode(s.code))) == 1
	if !ok {
		time.Sleep(wrongCodeDelay)
	}
	return ok
}

// passwordAuth lets in a student who types the class code as password.
func (s *Server) passwordAuth(_ ssh.Context, password string) bool { return s.codeOK(password) }

// codePrompt is the question of keyboard-interactive authentication. The
// client's language is not known yet, so it is asked in both; in ASCII,
// since OpenSSH prints other bytes of a prompt as octal escapes.
const codePrompt = "class code / codigo da turma: "

// keyboardAuth asks for the class code.
func (s *Server) keyboardAuth(_ ssh.Context, ask gossh.KeyboardInteractiveChallenge) bool {
	answers, err := ask("", "", []string{codePrompt}, []bool{false})
	return err == nil && len(answers) == 1 && s.codeOK(answers[0])
}

// errWrongCode refuses a sign-in that did not give the class code.
var errWrongCode = errors.New("serve: wrong class code")

// serverConfig is a connection's SSH configuration, to which the library
// adds the host key and the callbacks of Server's options. Every key is
// accepted (the library's public key callback); once the client has proved
// it holds it, a key the server knows signs in alone, and a new one only
// with the class code, asked next by keyboard-interactive (or taken as a
// password): anyone can make a key, not everyone was given the code.
func (s *Server) serverConfig(ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{VerifiedPublicKeyCallback: s.verifiedKey}
}

// verifiedKey lets a known key in with perms (which carry the key for the
// session, put there by the library) and asks any other for the code.
func (s *Server) verifiedKey(_ gossh.ConnMetadata, key gossh.PublicKey, perms *gossh.Permissions, _ string) (*gossh.Permissions, error) {
	if s.knownKey(key) {
		return perms, nil
	}
	code := func(typed string) (*gossh.Permissions, error) {
		if !s.codeOK(typed) {
			return nil, errWrongCode
		}
		return perms, nil // signed in as the key, which is known from its name on
	}
	return nil, &gossh.PartialSuccessError{Next: gossh.ServerAuthCallbacks{
		KeyboardInteractiveCallback: func(_ gossh.ConnMetadata, ask gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
			answers, err := ask("", "", []string{codePrompt}, []bool{false})
			if err != nil || len(answers) != 1 {
				return nil, errWrongCode
			}
			return code(answers[0])
		},
		PasswordCallback: func(_ gossh.ConnMetadata, password []byte) (*gossh.Permissions, error) {
			return code(string(password))
		},
	}}
}

// knownKey reports whether key skips the class code: an instructor's, or
// one whose student has a name on this server.
func (s *Server) knownKey(key gossh.PublicKey) bool {
	if slices.Contains(s.cfg.Instructors, fingerprint(key)) {
		return true
	}
	_, named := s.students.name(keyID(key))
	return named
}
