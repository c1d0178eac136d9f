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

// codePrompt is the question of keyboard-interactive authentication, and
// wrongCodePrompt the question again after a wrong code. The client's
// language is not known yet, so each is in both; in ASCII, since OpenSSH
// prints other bytes as octal escapes unless the client runs in an
// installed UTF-8 locale ("c\303\263digo" under LANG=C, or a LANG naming a
// locale the laptop lacks): "senha da turma" says it in Portuguese with no
// accent, where "codigo" was misspelt. The prompt is the one line OpenSSH
// always shows (an instruction or a banner is hidden below LogLevel INFO),
// so the wrong code is said in it.
const (
	codePrompt      = "class code / senha da turma: "
	wrongCodePrompt = "wrong class code, type it again / senha da turma errada, digite de novo: "
)

// maxWrongCodes is how many wrong codes a connection may type: then it
// is told so and closed, instead of OpenSSH going on to a password prompt
// that asks the same thing under another name.
const maxWrongCodes = 3

// tooManyWrongCodes is the banner a connection reads before it is closed
// for too many wrong codes (OpenSSH shows it at its default LogLevel).
const tooManyWrongCodes = "Wrong class code 3 times: check it with your teacher, then connect again.\r\n" +
	"Senha da turma errada 3 vezes: confira com o professor e conecte de novo.\r\n"

var (
	// errWrongCode refuses a sign-in that did not give the class code.
	errWrongCode = errors.New("serve: wrong class code")
	// errNewKey turns down a key the server does not know yet, so that
	// the client offers its others: a student's agent may hold a new key
	// before the one they signed in with last time.
	errNewKey = errors.New("serve: a new key needs the class code")
)

// serverConfig is a connection's SSH configuration, to which the library
// adds the host key and its public key callback (which takes every key,
// leaving the choice to verifiedKey). A key the server knows signs in
// alone, once the client has proved it holds it. A new one does not, so
// the client goes on to its other keys; when none is known it is asked
// the class code (keyboard-interactive, or the code as a password), and
// signs in as the first new key it proved, known by it from then on:
// anyone can make a key, not everyone was given the code. A client with
// no key signs in by the code alone.
func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	tc, _ := ctx.Value(connKey).(*trackedConn)
	in := func(perms *gossh.Permissions) (*gossh.Permissions, error) {
		if tc != nil {
			tc.signedIn()
		}
		return perms, nil
	}
	var (
		proved *gossh.Permissions // the first new key's, as the library made them (they carry the key)
		pre    gossh.ServerPreAuthConn
		wrong  int // wrong codes typed on this connection
	)
	code := func(typed string) (*gossh.Permissions, error) {
		if !s.codeOK(typed) {
			if wrong++; wrong >= maxWrongCodes {
				// Said, then closed: the client would otherwise go on
				// to a password prompt, with no word of what was wrong.
				if pre != nil {
					_ = pre.SendAuthBanner(tooManyWrongCodes)
				}
				if tc != nil {
					_ = tc.Close()
				}
			}
			return nil, errWrongCode
		}
		if proved != nil {
			return in(proved)
		}
		return in(&gossh.Permissions{})
	}
	return &gossh.ServerConfig{
		PreAuthConnCallback: func(c gossh.ServerPreAuthConn) { pre = c },
		VerifiedPublicKeyCallback: func(_ gossh.ConnMetadata, key gossh.PublicKey, perms *gossh.Permissions, _ string) (*gossh.Permissions, error) {
			if s.knownKey(key) {
				return in(perms)
			}
			if proved == nil {
				proved = perms // the library gives each attempt new ones
			}
			return nil, errNewKey
		},
		KeyboardInteractiveCallback: func(_ gossh.ConnMetadata, ask gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
			// A wrong code is asked again here, saying it was wrong: a
			// failure would have OpenSSH ask the same question again,
			// silently.
			for {
				prompt := codePrompt
				if wrong > 0 {
					prompt = wrongCodePrompt
				}
				answers, err := ask("", "", []string{prompt}, []bool{false})
				if err != nil || len(answers) != 1 {
					return nil, errWrongCode
				}
				perms, err := code(answers[0])
				if err == nil || wrong >= maxWrongCodes {
					return perms, err
				}
			}
		},
		PasswordCallback: func(_ gossh.ConnMetadata, password []byte) (*gossh.Permissions, error) {
			// For clients with no keyboard-interactive: their own prompt.
			return code(string(password))
		},
	}
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
