package chat

import (
	"testing"

	"distlab/demos/locale"
)

// The look-alikes of the attack: each is refused, or has the key of the
// nick it imitates.
func TestNickLookAlikes(t *testing.T) {
	p := locale.For(locale.English)
	_, alice, why := checkNick("alice", p)
	if why != "" {
		t.Fatalf("alice refused: %s", why)
	}
	for _, c := range []struct{ nick, wantShown string }{
		{"ALICE", "ALICE"},
		{"Alice", "Alice"},
		{"ａｌｉｃｅ", "alice"}, // fullwidth: folded to ASCII
		{"a1ice", "a1ice"}, // digit one for l
	} {
		shown, key, why := checkNick(c.nick, p)
		if why != "" {
			t.Errorf("%q refused (%s): it should be taken as alice's look-alike", c.nick, why)
			continue
		}
		if shown != c.wantShown || key != alice {
			t.Errorf("%q: shown %q key %q, want %q key %q (alice's)", c.nick, shown, key, c.wantShown, alice)
		}
	}
	for nick, want := range map[string]string{
		"аlice":                   "a nick cannot mix alphabets", // Cyrillic а, Latin lice
		"alice＠n2":                "a nick cannot contain , : = or @",
		"alice﹫n2":                "a nick cannot contain , : = or @",
		"al\u0301\u0301\u0301ice": "a nick cannot stack accents on one letter",
		"אליס":                    "a nick is written left to right",
		"alice\u202e":             "", // the override is removed by Clean first
		"x\u200by":                "", // so is the zero-width space
		"":                        "a nick needs at least one printable character",
		"abcdefghijklmnopq":       "a nick has at most 16 characters",
		"ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑ": "a nick has at most 16 characters",
	} {
		_, _, why := checkNick(nick, p)
		if want == "" && why != "" || want != "" && (len(why) < len(want) || why[:len(want)] != want) {
			t.Errorf("%q: %q, want %q", nick, why, want)
		}
	}
	_, ape, _ := checkNick("ape", p)
	if _, key, why := checkNick("аре", p); why != "" || key != ape { // all Cyrillic: one script, ape's skeleton
		t.Errorf("Cyrillic аре: key %q (%s), want ape's %q", key, why, ape)
	}
	for _, nick := range []string{"José", "Nguyễn", "Việt", "joão", "Ñandú", "racer0", "ana_maria", "Σωκράτης", "Иван"} {
		if _, _, why := checkNick(nick, p); why != "" {
			t.Errorf("%q refused: %s", nick, why)
		}
	}
	if NickKey("racer0") != NickKey("RACER0") || NickKey("modern") != NickKey("rnodern") {
		t.Error("keys do not fold case, or rn and m differ")
	}
}
