package chat

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"distlab/demos/locale"
)

// /lang sets the language a node speaks to one connection, and the node
// welcomes it again in it; the others keep the node's; a code it does not
// speak is refused in the connection's language.
func TestLangPerConnection(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	a, b := dialRaw(t, n.Addr()), dialRaw(t, n.Addr())
	a.send("/lang pt_BR.UTF-8\n")
	a.expect("*** boas-vindas ao n1, guest")
	a.send("/bogus\n")
	a.expect("comando desconhecido /bogus")
	a.send("/nodes\n")
	a.expect("(este nó)")
	a.send("/lang klingon\n")
	a.expect(`/lang aceita en ou pt-BR, não "klingon"`)
	b.send("/bogus\n")
	b.expect("unknown command /bogus")
	a.send("/lang en\n")
	a.expect("*** welcome to n1, guest")
	a.send("/help\n")
	a.expect("/lang CODE")
}

// A distlab client given a language asks its node for it: its first
// notices, on every node it reaches, are in that language, and the
// node's welcome in another is not shown. SetLang asks again.
func TestClientAsksItsLanguage(t *testing.T) {
	c := testCluster(t, 2)
	_, rec := dialClient(t, "", c.Nodes[0].Addr(), c.Nodes[1].Addr())
	rec2 := &recorder{}
	bia, err := Dial(ClientConfig{Addrs: []string{c.Nodes[0].Addr(), c.Nodes[1].Addr()}, Nick: "bia", OnLine: rec2.add, Lang: locale.Portuguese})
	if err != nil {
		t.Fatal(err)
	}
	defer bia.Close()
	eventually(t, "bia's nick, in Portuguese", func() bool { return rec2.count("seu apelido agora é bia") == 1 })
	if rec2.count("boas-vindas ao n1") != 1 || rec2.count("welcome to") != 0 {
		t.Fatalf("bia's first lines: %q", rec2.snapshot())
	}
	c.Nodes[0].Kill()
	eventually(t, "bia on n2", func() bool { return rec2.count("boas-vindas ao n2, guest") == 1 })
	if rec2.count("welcome to") != 0 {
		t.Fatalf("an English welcome shown: %q", rec2.snapshot())
	}
	bia.SetLang(locale.English)
	eventually(t, "bia welcomed in English", func() bool { return rec2.count("*** welcome to n2, bia") == 1 })
	if rec.count("welcome to n1") != 1 {
		t.Fatalf("a client with no language given sees the node's welcome: %q", rec.snapshot())
	}
}

// A client that fails over is sent what it missed, never what was said
// before it came: a cursor's margin reaches below the first message it
// saw from an origin, into the lines said before it joined.
func TestReplayLeavesOutWhatCameBefore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 2)
		n1, n2 := c.Nodes[0], c.Nodes[1]
		alice, _ := memClient(t, m, "alice", n1.Addr())
		for i := range 5 {
			alice.Send(fmt.Sprintf("before %d", i))
		}
		time.Sleep(time.Second)
		synctest.Wait()
		_, rec := memClient(t, m, "bob", n2.Addr(), n1.Addr())
		for i := range 3 {
			alice.Send(fmt.Sprintf("after %d", i))
		}
		time.Sleep(time.Second)
		synctest.Wait()
		n2.Kill()
		time.Sleep(3 * time.Second)
		synctest.Wait()
		if rec.count("reconnected to") != 1 {
			t.Fatalf("bob did not fail over: %q", rec.snapshot())
		}
		alice.Send("after 3")
		time.Sleep(time.Second)
		synctest.Wait()
		for i := range 4 {
			if n := rec.count(fmt.Sprintf("after %d", i)); n != 1 {
				t.Errorf("bob saw after %d %d times", i, n)
			}
		}
		if n := rec.count("before"); n != 0 {
			t.Errorf("bob saw %d lines said before he came: %q", n, rec.snapshot())
		}
	})
}

// A bot's line reads in the screen's language, whatever the bots speak;
// other lines are left as they are.
func TestBotLine(t *testing.T) {
	en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
	for _, c := range []struct {
		in   string
		p    *locale.Printer
		want string
	}{
		{"12:00:01 bot1@n1: message 3 from bot1", pt, "12:00:01 bot1@n1: mensagem 3 do bot1"},
		{"bot2@n2: mensagem 1.234 do bot2", en, "bot2@n2: message 1,234 from bot2"},
		{"bot2@n2: message 1,234 from bot2", pt, "bot2@n2: mensagem 1.234 do bot2"},
		{"bot1@n1: message 3 from bot1", en, "bot1@n1: message 3 from bot1"},
		{"ana@n1: message 3 from bot1", pt, "ana@n1: message 3 from bot1"},
		{"bot1@n1: message 3 from bot1 and more", pt, "bot1@n1: message 3 from bot1 and more"},
		{"*** welcome to n1, bot1. Type to chat; /help for commands.", pt, "*** welcome to n1, bot1. Type to chat; /help for commands."},
	} {
		if got := BotLine(c.in, c.p); got != c.want {
			t.Errorf("BotLine(%q, %s) = %q, want %q", c.in, c.p.Lang(), got, c.want)
		}
	}
	if !strings.HasPrefix(notice(pt, welcome, "n1", "x"), "*** boas-vindas") || !isWelcome(notice(pt, welcome, "n1", "x")) || isWelcome("*** you are now x") {
		t.Error("isWelcome")
	}
}

// What a node tells a distlab client on connecting (its nick, in its
// language) comes before the replay of what it missed, which it asked
// for in the same breath.
func TestRepliesBeforeReplay(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	a := dialRaw(t, n.Addr())
	for i := range 20 {
		a.send(fmt.Sprintf("said %d\n", i))
	}
	eventually(t, "the lines in the ring", func() bool { return n.Stats().Received >= 20 })
	for i := range 10 {
		// A nick of its own each time: the last connection, closed, may
		// not have left the node yet, and would still hold "bia".
		b := dialRaw(t, n.Addr())
		b.send(fmt.Sprintf("/lang pt-BR\n%s %s bia%d\n%s 0 \n", ctlHello, strings.Repeat("ab", secretSize), i, ctlSince))
		var order []string
		for len(order) < 3 {
			l, err := b.line()
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case strings.Contains(l, "boas-vindas ao"):
				order = append(order, "welcome")
			case strings.Contains(l, "seu apelido agora é"):
				order = append(order, "nick")
			case strings.Contains(l, "said "):
				order = append(order, "replay")
			}
		}
		if strings.Join(order, " ") != "welcome nick replay" {
			t.Fatalf("order %v", order)
		}
		b.nc.Close()
	}
}
