package common

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

type barKeys []key.Binding

func (k barKeys) ShortHelp() []key.Binding  { return k }
func (k barKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k} }

// At every width the bar is whole items, then "…" when some were left
// out: never an item cut, never more than w cells.
func TestHelpBarKeepsItemsWhole(t *testing.T) {
	b := func(k, d string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, d)) }
	keys := barKeys{b("P", "leave presenter"), b("N", "notes"), b("→/space", "next slide"), b("?", "help"), b("q", "quit")}
	off := b("x", "close pane")
	off.SetEnabled(false)
	keys = append(keys, off)
	h := help.New()
	full := ansi.Strip(HelpBar(h, keys, 1000))
	if full != "P leave presenter • N notes • →/space next slide • ? help • q quit" {
		t.Fatalf("full bar %q", full)
	}
	items := strings.Split(full, " • ")
	for w := 0; w <= len(full)+2; w++ {
		got := ansi.Strip(HelpBar(h, keys, w))
		if ansi.StringWidth(got) > w {
			t.Fatalf("w=%d: %q is wider", w, got)
		}
		shown, more := strings.CutSuffix(got, " …")
		if shown == "" {
			continue
		}
		parts := strings.Split(shown, " • ")
		for i, p := range parts {
			if p != items[i] {
				t.Fatalf("w=%d: %q: item %d is %q, want %q", w, got, i, p, items[i])
			}
		}
		if left := len(parts) < len(items); left != more { // room for "…" is kept: it shows whenever something is left out
			t.Fatalf("w=%d: %q: %d of %d items, ellipsis %v", w, got, len(parts), len(items), more)
		}
	}
}
