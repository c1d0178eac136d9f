package chat

import (
	"strings"
	"testing"
)

// A node started in Portuguese speaks it to netcat users, and switches
// language while it runs; a distlab client follows its nick whatever
// language the node speaks.
func TestNodeSpeaksItsLanguage(t *testing.T) {
	cfg := testConfig("n1")
	cfg.Lang = "pt-BR"
	n := startNode(t, cfg)
	a := dialRaw(t, n.Addr())
	if !strings.HasPrefix(a.welcome, "*** bem-vindo(a) ao n1, guest") {
		t.Fatalf("welcome: %q", a.welcome)
	}
	b := dialRaw(t, n.Addr())
	b.send("/who\n")
	b.expect("conectados")
	a.send("/nick alice\n")
	a.expect("agora você é alice")
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
	eventually(t, "the pt-BR nick notice", func() bool { return rec.count("agora você é bia") == 1 })
	c.mu.Lock()
	nick := c.cfg.Nick
	c.mu.Unlock()
	if nick != "bia" {
		t.Fatalf("the client thinks its nick is %q", nick)
	}
}

// Every language has every text, with the same verbs in the same order:
// a missing or mismatched one would print %!d(MISSING) to a student.
func TestTextsMatch(t *testing.T) {
	verbs := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s)-1; i++ {
			if s[i] == '%' {
				b.WriteByte(s[i+1])
				i++
			}
		}
		return b.String()
	}
	en, pt := TextFor("en"), TextFor("pt-BR")
	pairs := map[string][2]string{
		"Welcome": {en.Welcome, pt.Welcome}, "Bye": {en.Bye, pt.Bye}, "ShuttingDown": {en.ShuttingDown, pt.ShuttingDown},
		"Full": {en.Full, pt.Full}, "LineTooLong": {en.LineTooLong, pt.LineTooLong}, "Idle": {en.Idle, pt.Idle},
		"Unfinished": {en.Unfinished, pt.Unfinished}, "SlowDown": {en.SlowDown, pt.SlowDown}, "Evicted": {en.Evicted, pt.Evicted},
		"NotPeer": {en.NotPeer, pt.NotPeer}, "BadLine": {en.BadLine, pt.BadLine}, "UnknownCommand": {en.UnknownCommand, pt.UnknownCommand},
		"NickRefused": {en.NickRefused, pt.NickRefused}, "NickTaken": {en.NickTaken, pt.NickTaken}, "YouAreNow": {en.YouAreNow, pt.YouAreNow},
		"BadID": {en.BadID, pt.BadID}, "NickEmpty": {en.NickEmpty, pt.NickEmpty}, "NickLong": {en.NickLong, pt.NickLong},
		"NickStart": {en.NickStart, pt.NickStart}, "NickChars": {en.NickChars, pt.NickChars}, "Online": {en.Online, pt.Online},
		"NodeSelf": {en.NodeSelf, pt.NodeSelf}, "NodeOther": {en.NodeOther, pt.NodeOther}, "Up": {en.Up, pt.Up}, "Down": {en.Down, pt.Down},
		"ProtocolOnly": {en.ProtocolOnly, pt.ProtocolOnly}, "Lost": {en.Lost, pt.Lost}, "Silent": {en.Silent, pt.Silent}, "Reconnected": {en.Reconnected, pt.Reconnected},
		"BotMessage": {en.BotMessage, pt.BotMessage}, "You": {en.You, pt.You},
	}
	for name, p := range pairs {
		if p[0] == "" || p[1] == "" || verbs(p[0]) != verbs(p[1]) {
			t.Errorf("%s: %q vs %q", name, p[0], p[1])
		}
	}
	if len(en.Help) != len(pt.Help) {
		t.Errorf("help: %d lines in en, %d in pt-BR", len(en.Help), len(pt.Help))
	}
	if TextFor("fr") != en || TextFor("pt") != pt {
		t.Error("TextFor falls back wrongly")
	}
}
