package chat

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"distlab/demos/locale"
)

// Each connection can be spoken to in its own language: a served class
// has one cluster, in the instructor's language, and students who read
// Portuguese or English beside each other. `/lang CODE` (nc users type it;
// a distlab client sends it before its hello) sets the language of the
// node's notices to that connection, and the node says its welcome again
// in it. Chat messages, the bots' included, are what people and bots said
// and are not translated on the wire; BotLine rewrites a bot's line for a
// screen that speaks another language.

const welcome = "welcome to %s, %s. Type to chat; /help for commands."

// lang is /lang CODE.
func (c *conn) lang(arg string) {
	l, ok := locale.Parse(arg)
	if !ok {
		c.say(notice(c.printer(), "/lang takes en or pt-BR, not %q", truncate(Clean(arg), 16)))
		return
	}
	c.txt.set(l)
	n := c.node
	n.mu.Lock()
	nick := c.nick
	n.mu.Unlock()
	c.say(notice(c.printer(), welcome, n.cfg.ID, nick))
}

// truncate is s cut to at most n runes.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}

// isWelcome reports whether line is a node's welcome, in any language.
func isWelcome(line string) bool {
	text, ok := strings.CutPrefix(line, "*** ")
	if !ok {
		return false
	}
	for _, f := range formsOf(welcome, false) {
		if f.matches(text) {
			return true
		}
	}
	return false
}

// formsOf are every written form of the message format, in every language.
func formsOf(format string, trouble bool) []noticeForm {
	m, ok := locale.Lookup(format)
	if !ok {
		m = locale.Str(format, format)
	}
	var out []noticeForm
	for _, f := range []string{m.Key, m.KeyOne, m.PT, m.PTOne} {
		if f != "" {
			out = append(out, noticeForm{pieces: verb.Split(f, -1), trouble: trouble})
		}
	}
	return out
}

// botSays is what a bot posts (demo.go): its count and its number.
const botSays = "message %d from bot%s"

// botLine matches a bot's line as a client shows it: the time, if any,
// then "botN@NODE: " and the text, in whichever language the bot spoke.
// Its groups: the line up to the text, the bot's number, and the count
// in each language's form.
var botLine = sync.OnceValue(func() *regexp.Regexp {
	var alts []string
	for _, l := range locale.Langs {
		f := regexp.QuoteMeta(locale.For(l).T(botSays, 7, "\x00"))
		f = strings.Replace(f, "7", `([0-9][0-9.,]*)`, 1)
		f = strings.Replace(f, "\x00", `[0-9]+`, 1)
		alts = append(alts, f)
	}
	return regexp.MustCompile(`^((?:[0-9]{2}:[0-9]{2}:[0-9]{2} )?bot([0-9]+)@[^ :]+: )(?:` + strings.Join(alts, "|") + `)$`)
})

// BotLine is line as p's language would have the bot say it: a screen
// in Portuguese shows "mensagem 3 do bot1" where the class's bots speak
// English. Any other line is returned as it is.
func BotLine(line string, p *locale.Printer) string {
	m := botLine().FindStringSubmatch(line)
	if m == nil {
		return line
	}
	var count string
	for _, g := range m[3:] {
		count += g
	}
	n, err := strconv.Atoi(strings.NewReplacer(".", "", ",", "").Replace(count))
	if err != nil {
		return line
	}
	return m[1] + p.T(botSays, n, m[2])
}
