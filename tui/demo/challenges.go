package demo

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/challenge"
	"distlab/demos/locale"
	"distlab/tui/common"
)

// ChallengeMetMsg tells the root that the engine of a pane saw challenge
// ID met for the first time in the pane's life: the root records it in
// the student's progress and says so in the status line.
type ChallengeMetMsg struct {
	ID   string
	Goal string // the goal, in the UI's language at the time, for the status line
}

// Challenges is the challenge strip at the bottom of a demo pane: folded,
// one line counting the challenges done; open, the goal of one challenge,
// the hints asked for so far, and once the engine sees the goal met a ✓,
// what the student did and why it happened. C opens it on the first
// challenge not yet met and moves to the next, round the list (closing
// when back where it opened),
// H shows one more hint. The zero value shows nothing: a demo without
// challenges has no strip.
type Challenges struct {
	checker  challenge.Checker
	list     []challenge.Challenge
	open     bool
	cur      int
	start    int             // where the strip opened: C closes it on coming back
	hints    map[string]int  // hints shown, by challenge id
	reported map[string]bool // met challenges already sent to the root
	// seen is what the checker reported met at the last SyncChallenges:
	// the strip draws from it, never from the checker, whose engine goes
	// on between frames — a screen kept must be the screen drawn afresh.
	seen []challenge.Result
	// fresh is the challenge met last and not yet looked at: C opens the
	// strip on it.
	fresh     string
	metBefore func(id string) bool // met in an earlier run (Env.MetBefore)
}

// MaxStripShare is the share of a pane's height the open strip may take at
// most, so that the demo stays in sight.
const MaxStripShare = 0.4

// UseChallenges shows the challenges of c in the pane's strip.
func (b *Base) UseChallenges(c challenge.Checker) {
	b.ch = Challenges{checker: c, list: c.Challenges(), hints: map[string]int{}, reported: map[string]bool{}, metBefore: b.metBefore}
}

// ChallengeKeys are the strip's keys, for the pane's help; none without
// challenges. H is off while the strip shows a challenge met or with
// every hint shown: it would do nothing. A pane's KeyMap takes them anew
// each time, for that.
func (b *Base) ChallengeKeys() []key.Binding {
	c := &b.ch
	if len(c.list) == 0 {
		return nil
	}
	p := b.Com.Printer
	hint := Bind("H", p.T("hint"), "H")
	if c.open {
		id := c.list[c.cur].ID
		hint.SetEnabled(!c.met(id) && c.hints[id] < len(c.list[c.cur].Hints(p)))
	}
	return []key.Binding{Bind("C", p.T("challenge"), "C"), hint}
}

// ChallengeKey handles C and H; it reports whether the key was the
// strip's.
func (b *Base) ChallengeKey(msg tea.KeyPressMsg) bool {
	c := &b.ch
	if len(c.list) == 0 {
		return false
	}
	keys := b.ChallengeKeys()
	hint := keys[1]
	hint.SetEnabled(true) // H is the strip's even while it is off: it does nothing then
	switch {
	case key.Matches(msg, keys[0]):
		c.next()
	case key.Matches(msg, hint):
		if !c.open {
			c.next()
		}
		id := c.list[c.cur].ID
		if n := len(c.list[c.cur].Hints(b.Com.Printer)); c.hints[id] < n && !c.met(id) {
			c.hints[id]++
		}
	default:
		return false
	}
	return true
}

// next opens the strip on the first challenge not met, or moves to the
// next one, met or not, round the list; back where it opened, it closes.
func (c *Challenges) next() {
	if i := slices.IndexFunc(c.list, func(ch challenge.Challenge) bool { return ch.ID == c.fresh }); !c.open && i >= 0 {
		c.open, c.cur, c.start, c.fresh = true, i, i, ""
		return
	}
	if !c.open {
		c.open, c.cur = true, 0
		for i, ch := range c.list {
			if !c.met(ch.ID) {
				c.cur = i
				break
			}
		}
		c.start = c.cur
		return
	}
	c.cur = (c.cur + 1) % len(c.list)
	if c.cur == c.start {
		c.open = false
	}
}

func (c *Challenges) met(id string) bool {
	_, ok := c.result(id)
	return ok
}

func (c *Challenges) done() []challenge.Result {
	if c.checker == nil {
		return nil
	}
	return c.checker.Done()
}

// SyncChallenges reports the challenges met since the last call to the
// root, one ChallengeMetMsg each: call it after every engine call and
// frame. Nil when there is nothing new.
func (b *Base) SyncChallenges() tea.Cmd {
	c := &b.ch
	var cmds []tea.Cmd
	c.seen = c.done()
	for _, r := range c.seen {
		if c.reported[r.ID] {
			continue
		}
		c.reported[r.ID] = true
		c.fresh = r.ID
		goal := ""
		if i := slices.IndexFunc(c.list, func(ch challenge.Challenge) bool { return ch.ID == r.ID }); i >= 0 {
			goal = c.list[i].Goal(b.Com.Printer)
		}
		msg := ChallengeMetMsg{ID: r.ID, Goal: goal}
		cmds = append(cmds, func() tea.Msg { return msg })
	}
	return tea.Batch(cmds...)
}

// ChallengeCount is how many of the pane's challenges are met, of how
// many.
func (b *Base) ChallengeCount() (done, total int) {
	for _, ch := range b.ch.list {
		if b.ch.met(ch.ID) {
			done++
		}
	}
	return done, len(b.ch.list)
}

// ChallengeStrip is the strip for a pane of inner size w×h: lines exactly w
// wide, none without challenges or when the pane is too short to spare
// them. The pane draws its demo in the lines left above it.
func (b *Base) ChallengeStrip(w, h int) []string {
	c := &b.ch
	if len(c.list) == 0 || w < 10 || h < 6 {
		return nil
	}
	st, p := b.Com.Styles, b.Com.Printer
	done, total := b.ChallengeCount()
	if !c.open {
		line := p.T("◇ challenges: %d of %d done · C: try one", done, total)
		if done == total {
			line = p.T("✓ challenges: all %d done · C: see them", total)
		}
		if ansi.StringWidth(line)+1 > w { // a narrow pane: the count and the key, whole
			line = p.T("◇ challenges %d/%d · C", done, total)
			if done == total {
				line = p.T("✓ challenges %d/%d · C", done, total)
			}
		}
		return []string{common.Ellipsis(" "+st.Status.Render(line), w)}
	}
	limit := max(int(float64(h)*MaxStripShare), 2)
	// The most of each text that fits: at first a narrow strip (a demo
	// beside its lesson) gives a text as many more lines as it needs to
	// show what 80 columns would; over the strip's share, the 80-column
	// limits; still over, only the newest hint, and a goal of one line.
	for _, t := range []stripFit{{widen: true, hints: true, goal: 3}, {hints: true, goal: 3}, {goal: 1}} {
		if lines := b.stripLines(w, t); len(lines) <= limit {
			return lines
		}
	}
	// Still over: the goal's line and the keys stay, and the newest text
	// (a hint, or what was done and why) has the lines between, from its
	// start, cut with "…" — never its end without its beginning.
	text := limit - 2
	if text < 1 {
		text = -1
	}
	return b.stripLines(w, stripFit{goal: 1, text: text})
}

// stripFit is how much of the open strip's texts to show.
type stripFit struct {
	widen bool // more lines where the strip is narrower than 80 columns
	hints bool // every hint shown so far, not only the newest
	goal  int  // lines of the goal
	text  int  // lines of the newest text: 0 its own limit, -1 none
}

// stripLines are the open strip's lines, each text cut as t says.
func (b *Base) stripLines(w int, t stripFit) []string {
	c := &b.ch
	st, p := b.Com.Styles, b.Com.Printer
	_, total := b.ChallengeCount()
	ch := c.list[c.cur]
	var lines []string
	add := func(style func(...string) string, text string, max int) {
		if t.widen && w < 80 {
			max = (max*80 + w - 1) / w
		}
		lines = append(lines, common.WrapLines(style(text), w, max)...)
	}
	// body is the newest text under the goal, in the lines t leaves it.
	body := func(style func(...string) string, text string, max int) {
		switch {
		case t.text < 0:
			return
		case t.text > 0:
			lines = append(lines, common.WrapLines(style(text), w, t.text)...)
			return
		}
		add(style, text, max)
	}
	r, isMet := c.result(ch.ID)
	if isMet {
		add(st.ReadMark.Render, p.T("✓ %d/%d %s", c.cur+1, total, ch.Goal(p)), min(t.goal, 2))
		how := ""
		if r.How != nil {
			how = r.How(p) + " "
		}
		body(st.Item.Render, how+ch.Explain(p), 3)
		add(st.Status.Render, p.T("C: next challenge"), 1)
		return lines
	}
	add(st.Title.Render, p.T("◇ %d/%d %s", c.cur+1, total, ch.Goal(p)), t.goal)
	hints, shown := ch.Hints(p), c.hints[ch.ID]
	for i := range shown {
		switch {
		case i == shown-1:
			body(st.Summary.Render, p.T("hint %d: %s", i+1, hints[i]), 2)
		case t.hints:
			add(st.Summary.Render, p.T("hint %d: %s", i+1, hints[i]), 2)
		}
	}
	if left := len(hints) - shown; left > 0 {
		add(st.Status.Render, p.T("H: hint (%d left) · C: next challenge", left), 1)
	} else {
		add(st.Status.Render, p.T("no hints left · C: next challenge"), 1)
	}
	return lines
}

func (c *Challenges) result(id string) (challenge.Result, bool) {
	for _, r := range c.seen {
		if r.ID == id {
			return r, true
		}
	}
	if c.metBefore != nil && c.metBefore(id) {
		return challenge.Result{ID: id, How: func(p *locale.Printer) string { return p.T("You met it in an earlier session.") }}, true
	}
	return challenge.Result{}, false
}
