package chat

import (
	"crypto/hmac"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// A link's batches check out as sent, and no change on the path goes
// unnoticed: a line dropped, altered, moved to another batch or swapped
// with another, a batch dropped or sent twice.
func TestBatchTags(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	rapid.Check(t, func(t *rapid.T) {
		line := rapid.StringMatching(`/relay [a-z0-9 ]{0,40}`)
		batches := rapid.SliceOfN(rapid.SliceOfN(line, 0, 6), 1, 5).Draw(t, "batches")
		type sent struct {
			lines []string
			tag   []byte
		}
		out := newTagger(key, 'd')
		var wire []sent
		for _, b := range batches {
			for _, l := range b {
				out.add(l)
			}
			wire = append(wire, sent{b, slices.Clone(out.sum())})
		}
		// check reads the wire as a link's reader does: true if every tag
		// checks out.
		check := func(wire []sent) bool {
			in := newTagger(key, 'd')
			for _, s := range wire {
				for _, l := range s.lines {
					in.add(l)
				}
				if !hmac.Equal(in.sum(), s.tag) {
					return false
				}
			}
			return true
		}
		if !check(wire) {
			t.Fatal("the batches as sent fail their check")
		}
		changed := slices.Clone(wire)
		for i := range changed {
			changed[i].lines = slices.Clone(changed[i].lines)
		}
		b := rapid.IntRange(0, len(changed)-1).Draw(t, "batch")
		lines := changed[b].lines
		switch op := rapid.IntRange(0, 5).Draw(t, "op"); {
		case op == 0 && len(lines) > 0: // a line dropped
			i := rapid.IntRange(0, len(lines)-1).Draw(t, "i")
			changed[b].lines = slices.Delete(lines, i, i+1)
		case op == 1 && len(lines) > 0: // a line altered
			i := rapid.IntRange(0, len(lines)-1).Draw(t, "i")
			lines[i] += "x"
		case op == 2 && len(lines) > 1 && lines[0] != lines[len(lines)-1]: // two lines swapped
			lines[0], lines[len(lines)-1] = lines[len(lines)-1], lines[0]
		case op == 3 && b+1 < len(changed) && len(lines) > 0: // a line moved to the next batch
			last := lines[len(lines)-1]
			changed[b].lines = lines[:len(lines)-1]
			changed[b+1].lines = append([]string{last}, changed[b+1].lines...)
		case op == 4 && b+1 < len(changed): // a batch dropped (the last one dropped is the link cut, which is no secret)
			changed = slices.Delete(changed, b, b+1)
		case op == 5: // a batch sent again
			changed = slices.Insert(changed, b+1, changed[b])
		default:
			t.Skip("no change of that kind here")
		}
		if check(changed) {
			t.Fatalf("a changed wire checks out: %q", changed)
		}
	})
}

// A tag for the lines before one that checks out under the other role's
// tagger (a batch reflected back to its sender) does not.
func TestBatchTagsAreOneWay(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	d, l := newTagger(key, 'd'), newTagger(key, 'l')
	d.add("/beat n1 127.0.0.1:1 0")
	tag := slices.Clone(d.sum())
	l.add("/beat n1 127.0.0.1:1 0")
	if hmac.Equal(l.sum(), tag) {
		t.Fatal("the dialer's tag checks out as the listener's")
	}
	if strings.Contains(string(tag), " ") || len(tag) != 2*tagSize {
		t.Fatalf("tag %q", tag)
	}
}

// A node acts on a peer's lines only once their batch's tag checks out:
// a batch whose tag is wrong is dropped whole, and so is one that never
// ends.
func TestUncheckedLinesAreNotActedOn(t *testing.T) {
	n, log := keyedNode(t, "n1", testKey)
	watcher := dialRaw(t, n.Addr())
	key := []byte(testKey)
	open := func(id string) (*peerDialer, *linkSession) {
		d := dialPeer(t, n.Addr(), id, newNonce())
		fmt.Fprintf(d.nc, "%s %x\n", ctlProof, d.tr.mac(key, labelDialer))
		s := newSession(d.tr, key, true)
		if body, ok := s.in.check(d.line()); !ok || body != ctlOK {
			t.Fatal("no /ok with a good tag after a good proof")
		}
		return d, s
	}
	relay := func(origin, text string) string {
		return relayLine(Message{Client: "d00000000000" + origin[1:], Seq: 1, Origin: origin, At: time.Now(), Kind: KindSay, Nick: "tess", Text: text})
	}

	// A batch, its tag wrong.
	d, s := open("t1")
	good, bad := relay("t1", "checked"), relay("t1", "unchecked")
	s.out.add(good)
	fmt.Fprintf(d.nc, "%s\n%s %s\n", good, ctlTag, s.out.sum())
	watcher.expect("tess@t1: checked")
	s.out.add(bad)
	s.out.sum()
	fmt.Fprintf(d.nc, "%s\n%s %s\n", bad, ctlTag, strings.Repeat("0", 2*tagSize))
	eventually(t, "the wrong tag refused", func() bool { return log.count("link with t1 closed: a line failed its check") == 1 })

	// A batch longer than any honest peer sends.
	d, _ = open("t2")
	var b strings.Builder
	for range maxBatchLines + 1 {
		b.WriteString(relay("t2", "endless") + "\n")
	}
	d.nc.Write([]byte(b.String()))
	d.nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	if back, err := io.ReadAll(d.br); err != nil || strings.Contains(string(back), ctlGot) { // the link closes, no line of it counted
		t.Fatalf("the endless batch: the node sent %q and %v, want no /got and the link closed", back, err)
	}
	if got := log.count("link with t2 closed: a line failed its check"); got != 1 {
		t.Fatalf("the endless batch: %d refusals logged, %q", got, log.snapshot())
	}
	if slices.ContainsFunc(untilWho(watcher), func(l string) bool {
		return strings.Contains(l, "unchecked") || strings.Contains(l, "endless")
	}) {
		t.Fatal("a line whose tag did not check out was delivered")
	}
}
