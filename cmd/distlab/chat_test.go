package main

import (
	"regexp"
	"strings"
	"testing"
)

// A chat server with --peer and no --key refuses to start, says what to
// do in the CLI's language, and offers a fresh key to copy; with --key it
// starts.
func TestChatServerPeerNeedsKey(t *testing.T) {
	t.Parallel()
	fresh := regexp.MustCompile(`--key [0-9a-f]{32}$`)
	for lang, want := range map[string]string{
		"en":    "--peer needs --key: nodes link only with peers that prove they know the same secret.\nGive every node of the cluster the same --key, for example: --key ",
		"pt-BR": "--peer precisa de --key: os nós só se ligam a pares que provam conhecer o mesmo segredo.\nDê a todos os nós do cluster a mesma --key, por exemplo: --key ",
	} {
		_, _, err := execute(t, "--lang", lang, "chat", "server", "127.0.0.1", "0", "--peer", "127.0.0.1:1")
		if err == nil {
			t.Fatalf("%s: a server with --peer and no --key started", lang)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, want) || !fresh.MatchString(msg) {
			t.Errorf("%s: the error is %q, want %q and a fresh key", lang, msg, want)
		}
	}
	out := firstLines(t, "--lang", "en", "chat", "server", "127.0.0.1", "0", "--peer", "127.0.0.1:1", "--key", "k")
	if !strings.Contains(out, "listening on 127.0.0.1:") {
		t.Fatalf("with --key: %q", out)
	}
}
