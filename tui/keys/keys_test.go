package keys

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
)

// The app's keys: each described in both languages, no key bound twice.
func TestGlobalKeys(t *testing.T) {
	en, pt := DefaultGlobal(locale.For(locale.English)), DefaultGlobal(locale.For(locale.Portuguese))
	seen := map[string]string{}
	for i, b := range en.All() {
		if b.Help().Desc == "" || b.Help().Key == "" {
			t.Errorf("binding %v has no help", b.Keys())
		}
		for _, k := range b.Keys() {
			if prev, dup := seen[k]; dup && !(k == "ctrl+c" && prev == "quit") {
				t.Errorf("%q is bound to %q and %q", k, prev, b.Help().Desc)
			}
			seen[k] = b.Help().Desc
		}
		if p := pt.All()[i]; p.Help().Desc == b.Help().Desc && b.Help().Desc != "demos" {
			t.Errorf("%q is not translated", b.Help().Desc)
		}
	}
}

// The lesson list's, reader's and picker's keys are described in the
// language asked for.
func TestPaneKeysAreTranslated(t *testing.T) {
	pt := locale.For(locale.Portuguese)
	for name, b := range map[string]key.Binding{
		"catalog up": DefaultCatalog(pt).Up, "catalog clear": DefaultCatalog(pt).Clear,
		"reader page down": DefaultReader(pt).PageDown, "reader next slide": DefaultReader(pt).NextSlide,
		"picker choose": DefaultPicker(pt).Choose,
	} {
		en := map[string]string{"catalog up": "up", "catalog clear": "clear filter", "reader page down": "page down",
			"reader next slide": "next slide", "picker choose": "open"}[name]
		if d := b.Help().Desc; d == "" || d == en {
			t.Errorf("%s: %q in pt-BR", name, d)
		}
	}
}

// A key's name stays the keyboard's, but "space" is said in the reader's
// language: "→/espaço" in Portuguese, not "→/space".
func TestSpaceIsSaidInTheLanguage(t *testing.T) {
	for lang, want := range map[locale.Lang][2]string{
		locale.English:    {"→/space", "pgdn/space"},
		locale.Portuguese: {"→/espaço", "pgdn/espaço"},
	} {
		r := DefaultReader(locale.For(lang))
		if got := [2]string{r.NextSlide.Help().Key, r.PageDown.Help().Key}; got != want {
			t.Errorf("%s: the keys are named %q, want %q", lang, got, want)
		}
	}
}
