package lessons_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"distlab/lessons"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		goodEN,
		goodPT,
		strings.ReplaceAll(goodEN, "\n", "\r\n"),
		"\ufeff" + goodEN,
		"---\nid: n\ntitle: N\n---\nA <!-- notes: x --> B\n<!-- notes:\nmulti\n-->\n",
		"",
		"---",
		"---\n---\n",
		"---\nid: a\ntitle: [unclosed\n---\n",
		"---\nid: a\ntitle: A\norder: abc\n---\n",
		"---\nid: a\ntitle: A\ndemos: [scale, nosuch]\ndemo: x\n---\n",
		"---\nid: a\ntitle: A\ndemos: &x [scale]\nsummary: *x\n---\n",
		"---\n- a\n- b\n---\n",
		"---\nid: a\ntitle: B\xff\n---\n",
		"---\nid: a\ntitle: A\nid: b\n---\n",
		"---\n? [a]\n: b\n---\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := lessons.Load(fstest.MapFS{
			"en/a.md":    {Data: data},
			"pt-BR/a.md": {Data: data},
		}, lessons.Options{Prefix: "p", KnownDemo: knownDemo})
		for _, p := range c.Problems {
			if p.Line < 0 || p.Path == "" || p.Msg() == "" {
				t.Errorf("bad problem %#v", p)
			}
			if !strings.HasPrefix(p.Path, "p/") {
				t.Errorf("problem path %q lacks the prefix", p.Path)
			}
		}
		for _, lang := range lessons.Languages {
			for _, l := range c.Lessons(lang) {
				if strings.TrimSpace(l.ID) == "" || strings.TrimSpace(l.Title) == "" {
					t.Errorf("lesson loaded without id or title: %#v", l)
				}
				if l.Line < 3 {
					t.Errorf("body line %d: front matter takes at least 2 lines", l.Line)
				}
				if l.Lang != lang || l.Path != "p/"+lang+"/a.md" {
					t.Errorf("lesson %q has lang %q path %q", l.ID, l.Lang, l.Path)
				}
				for _, d := range l.Demos {
					if !knownDemo(d) {
						t.Errorf("unknown demo %q kept", d)
					}
				}
				last := l.Line + strings.Count(l.Raw, "\n")
				for _, n := range l.Notes {
					if n.Line < l.Line || n.Line > last {
						t.Errorf("note at line %d outside the body (lines %d-%d)", n.Line, l.Line, last)
					}
				}
				if len(l.Body) > len(l.Raw) {
					t.Errorf("body longer than raw")
				}
			}
		}
	})
}
