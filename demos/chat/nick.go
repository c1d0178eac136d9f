package chat

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mtibben/confusables"
	"golang.org/x/text/secure/precis"
	"golang.org/x/text/unicode/bidi"

	"distlab/demos/locale"
)

// Nicks that look alike are one nick. A nick is first put in the form RFC
// 8266 gives nicknames (golang.org/x/text/secure/precis: compatibility
// forms folded, so fullwidth "ａｌｉｃｅ" is "alice" and "alice＠n2" shows
// its "@"; spaces collapsed; controls refused), then refused when it could
// pass for another's by the way it is written: letters of two scripts
// (Cyrillic "а" among Latin ones), right-to-left letters (which reorder the
// "nick@node" around them), or accents stacked on one letter. Two nicks are
// the same when their keys are: the case folded, then each character
// mapped to the one it is confused with (the skeleton of Unicode UTS #39,
// github.com/mtibben/confusables: "a1ice", "ALICE" and a Cyrillic "аlісе"
// are all "alice").

// checkNick puts a nick a client asked for in the form it is shown in and
// returns it with its key, or says why it is refused.
func checkNick(raw string, p *locale.Printer) (nick, key, why string) {
	nick = CleanNick(raw)
	if nick == "" {
		return "", "", validNick(nick, p)
	}
	enforced, err := precis.Nickname.String(nick)
	if err != nil {
		return "", "", p.T("a nick cannot contain %q", firstRefused(nick))
	}
	if why := validNick(enforced, p); why != "" {
		return "", "", why
	}
	if why := lookAlike(enforced, p); why != "" {
		return "", "", why
	}
	return enforced, NickKey(enforced), ""
}

// NickKey is what two nicks that look alike share: the skeleton of the
// case-folded nick.
func NickKey(nick string) string {
	folded, err := precis.Nickname.CompareKey(nick)
	if err != nil {
		folded = strings.ToLower(nick)
	}
	return confusables.Skeleton(folded)
}

// firstRefused is the first rune of nick that the nickname profile refuses.
func firstRefused(nick string) string {
	for _, r := range nick {
		if _, err := precis.Nickname.String("a" + string(r)); err != nil {
			return string(r)
		}
	}
	return nick
}

// lookAlike says why an enforced nick could pass for another's, or "".
func lookAlike(nick string, p *locale.Printer) string {
	var first rune
	var firstScript string
	marks := 0
	for _, r := range nick {
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
			if marks++; marks > 1 { // after NFKC, a letter with accents is one character
				return p.T("a nick cannot stack accents on one letter")
			}
			continue
		}
		marks = 0
		if c := bidiClass(r); c == bidi.R || c == bidi.AL {
			return p.T("a nick is written left to right")
		}
		s := script(r)
		if s == "" {
			continue
		}
		if firstScript == "" {
			first, firstScript = r, s
		} else if s != firstScript {
			return p.T("a nick cannot mix alphabets (%q and %q)", string(first), string(r))
		}
	}
	return ""
}

func bidiClass(r rune) bidi.Class {
	props, _ := bidi.LookupRune(r)
	return props.Class()
}

// script is the name of r's script, or "" for the characters every script
// shares (digits, punctuation, marks).
func script(r rune) string {
	if !unicode.IsLetter(r) {
		return ""
	}
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return name
		}
	}
	return ""
}

// remoteNick is a nick a peer's heartbeat says one of its clients holds.
type remoteNick struct {
	nick, key string
	owner     string    // the client's public id
	at        time.Time // when it was claimed, by the peer's clock
}

// claimNickLocked gives c nick, claimed now.
func (n *Node) claimNickLocked(c *conn, nick string) {
	n.releaseNickLocked(c)
	c.nick, c.nickKey, c.nickAt = nick, NickKey(nick), time.Now()
	n.nicks[c.nickKey] = c
}

// releaseNickLocked forgets c's nick, if c holds it.
func (n *Node) releaseNickLocked(c *conn) {
	if n.nicks[c.nickKey] == c {
		delete(n.nicks, c.nickKey)
	}
}

// nickHolderLocked is the nick of whoever in the cluster but self holds a
// nick with key (the same nick, or one that looks like it), if anyone does.
func (n *Node) nickHolderLocked(key string, self *conn) (string, bool) {
	if c, ok := n.nicks[key]; ok && c != self {
		return c.nick, true
	}
	mine := ""
	if self != nil {
		mine = publicID(self.id)
	}
	for _, r := range n.remote {
		if time.Since(r.last) > n.cfg.PeerTimeout {
			continue // a node that is down holds no nick
		}
		for _, other := range r.nicks {
			if other.key == key && other.owner != mine {
				return other.nick, true // the same client coming back after a failover may take it
			}
		}
	}
	return "", false
}

// settleNicksLocked resolves nicks claimed on two nodes at once (each node
// had not heard of the other's claim yet): the earlier claim keeps the nick,
// the client with the smaller public id when both were claimed in the same
// millisecond. Every node applies the same rule to the same heartbeats, so
// exactly one side gives way; a local client that loses is renamed and
// told. from is the node whose heartbeat listed them.
//
// "Earlier" is by each node's own clock (the lesson on time says what that
// is worth across machines): on one laptop the rule is exact; across
// laptops a skew larger than the heartbeat interval can give the nick to
// the later claim. A client that fails over claims its nick anew on the
// node it reaches; its old node's heartbeats, which kept the nick taken,
// stop at about the moment it comes back, so nobody else can take it in
// between.
func (n *Node) settleNicksLocked(from string, theirs []remoteNick) {
	for _, o := range theirs {
		c, ok := n.nicks[o.key]
		if !ok || publicID(c.id) == o.owner {
			continue
		}
		mine := c.nickAt.UnixMilli()
		if mine < o.at.UnixMilli() || mine == o.at.UnixMilli() && publicID(c.id) < o.owner {
			continue // ours is the earlier claim: the other node renames its client
		}
		old := c.nick
		n.claimNickLocked(c, n.freeGuestLocked())
		c.say(notice(c.printer(), "nick %s was also claimed on %s at the same moment; you are now %s", old, from, c.nick))
	}
}

// parseBeatNicks reads a heartbeat's nick list, nick:owner:claimedMillis
// items separated by commas (no nick holds , or :).
func parseBeatNicks(list string) []remoteNick {
	var out []remoteNick
	for _, item := range strings.Split(list, ",") {
		nick, rest, _ := strings.Cut(item, ":")
		owner, at, _ := strings.Cut(rest, ":")
		ms, _ := strconv.ParseInt(at, 10, 64)
		if nick = CleanNick(nick); nick != "" {
			out = append(out, remoteNick{nick: nick, key: NickKey(nick), owner: CleanNick(owner), at: time.UnixMilli(ms)})
		}
	}
	return out
}
