package keys

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
)

// The search's keys are described in both languages, and the reader binds
// none of them itself: /, n and N reach the search, whatever it is doing.
func TestSearchKeys(t *testing.T) {
	en, pt := DefaultSearch(locale.For(locale.English)), DefaultSearch(locale.For(locale.Portuguese))
	ens := []key.Binding{en.Open, en.Accept, en.Cancel, en.Next, en.Prev, en.Close}
	pts := []key.Binding{pt.Open, pt.Accept, pt.Cancel, pt.Next, pt.Prev, pt.Close}
	for i, b := range ens {
		if d := b.Help().Desc; d == "" || d == pts[i].Help().Desc {
			t.Errorf("%v: %q is not translated", b.Keys(), d)
		}
	}
	r := DefaultReader(locale.For(locale.English))
	for _, rb := range []key.Binding{r.Up, r.Down, r.PageUp, r.PageDown, r.HalfUp, r.HalfDown, r.Top, r.Bottom, r.Answers,
		r.NextSlide, r.PrevSlide, r.FirstSlide, r.LastSlide} {
		for _, k := range rb.Keys() {
			for _, sb := range []key.Binding{en.Open, en.Next, en.Prev} {
				for _, sk := range sb.Keys() {
					if k == sk {
						t.Errorf("%q is the reader's %q and the search's %q", k, rb.Help().Desc, sb.Help().Desc)
					}
				}
			}
		}
	}
}
