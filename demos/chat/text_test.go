package chat

import (
	"reflect"
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
	ve, vp := reflect.ValueOf(*en), reflect.ValueOf(*pt)
	for i := range ve.NumField() {
		name := ve.Type().Field(i).Name
		switch e, p := ve.Field(i).Interface(), vp.Field(i).Interface(); e := e.(type) {
		case string:
			if p := p.(string); e == "" || p == "" || verbs(e) != verbs(p) {
				t.Errorf("%s: %q vs %q", name, e, p)
			}
		case []string:
			if len(e) == 0 || len(e) != len(p.([]string)) {
				t.Errorf("%s: %d lines in en, %d in pt-BR", name, len(e), len(p.([]string)))
			}
		}
	}
	if TextFor("fr") != en || TextFor("pt") != pt {
		t.Error("TextFor falls back wrongly")
	}
}
