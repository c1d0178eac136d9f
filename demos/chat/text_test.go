package chat

import (
	"strings"
	"testing"

	"distlab/demos/locale"
)

// A node started in Portuguese speaks it to netcat users, and switches
// language while it runs; a distlab client follows its nick whatever
// language the node speaks.
func TestNodeSpeaksItsLanguage(t *testing.T) {
	cfg := testConfig("n1")
	cfg.Lang = "pt-BR"
	n := startNode(t, cfg)
	a := dialRaw(t, n.Addr())
	if !strings.HasPrefix(a.welcome, "*** boas-vindas ao n1, guest") {
		t.Fatalf("welcome: %q", a.welcome)
	}
	b := dialRaw(t, n.Addr())
	b.send("/who\n")
	b.expect("conectados")
	a.send("/nick alice\n")
	a.expect("seu apelido agora é alice")
	a.send("/help\n")
	a.expect("/nick NOME")
	a.send("/bogus\n")
	a.expect("comando desconhecido /bogus")
	n.SetLang("en")
	a.send("/bogus\n")
	a.expect("unknown command /bogus")
	n.SetLang("pt-BR")

	rec := &recorder{}
	c, err := Dial(ClientConfig{Addrs: []string{n.Addr()}, Nick: "bia", OnLine: rec.add, Lang: "pt-BR"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	eventually(t, "the pt-BR nick notice", func() bool { return rec.count("seu apelido agora é bia") == 1 })
	c.mu.Lock()
	nick := c.cfg.Nick
	c.mu.Unlock()
	if nick != "bia" {
		t.Fatalf("the client thinks its nick is %q", nick)
	}
}

// Every message the engine prints is in both languages with the same
// verbs (a mismatch would print %!d(MISSING) to a student), and a client
// reads its nick out of the notice in either language.
func TestTextsMatch(t *testing.T) {
	if p := locale.Problems(); len(p) > 0 {
		t.Errorf("messages with problems:\n%s", strings.Join(p, "\n"))
	}
	for _, l := range locale.Langs {
		line := notice(locale.For(l), "you are now %s", "bia")
		if nick, ok := nickNotice(line); !ok || nick != "bia" {
			t.Errorf("%s: nickNotice(%q) = %q, %v", l, line, nick, ok)
		}
	}
	if _, ok := nickNotice("*** welcome to n1, bia"); ok {
		t.Error("a welcome taken for a nick notice")
	}
	pt := locale.For(locale.Portuguese)
	for _, c := range []struct{ got, want string }{
		{pt.T("reconnected to %s; %d unacknowledged messages sent again", "n1", 1), "reconectado a n1; 1 mensagem sem confirmação reenviada"},
		{pt.T("reconnected to %s; %d unacknowledged messages sent again", "n1", 2), "reconectado a n1; 2 mensagens sem confirmação reenviadas"},
		{pt.Err(locale.Errorf("restart %s: %w", "n2", &PortInUseError{Node: "n2", Port: "41279"})), "religar n2: porta 41279 em uso"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
