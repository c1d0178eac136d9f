package lessons_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"distlab/lessons"
)

var reportLessons = []lessons.Lesson{
	{ID: "intro", Title: "Introduction", Order: 1, Summary: "Start here.", Lang: "en", Path: "lessons/en/01-intro.md",
		Body: "# Intro", Notes: []lessons.Note{{Line: 9, Text: "secret"}}},
	{ID: "scalability", Title: "Scalability", Order: 12, Summary: "Up or out.", Demos: []string{"scale", "replicas"},
		Lang: "en", Path: "lessons/en/12-scalability.md"},
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := lessons.WriteJSON(&buf, reportLessons); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "null") {
		t.Errorf("output has a null:\n%s", out)
	}
	if !strings.Contains(out, `"demos": []`) {
		t.Errorf("a lesson without demos should print \"demos\": []:\n%s", out)
	}
	if strings.Contains(out, "secret") || strings.Contains(out, "# Intro") {
		t.Errorf("JSON leaks body or speaker notes:\n%s", out)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	want := []map[string]any{
		{"id": "intro", "title": "Introduction", "order": 1.0, "summary": "Start here.", "demos": []any{},
			"lang": "en", "path": "lessons/en/01-intro.md", "quiz": 0.0},
		{"id": "scalability", "title": "Scalability", "order": 12.0, "summary": "Up or out.",
			"demos": []any{"scale", "replicas"}, "lang": "en", "path": "lessons/en/12-scalability.md", "quiz": 0.0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSON =\n%v\nwant\n%v", got, want)
	}
}

func TestWriteJSONEmpty(t *testing.T) {
	for _, ls := range [][]lessons.Lesson{nil, {}} {
		var buf bytes.Buffer
		if err := lessons.WriteJSON(&buf, ls); err != nil {
			t.Fatal(err)
		}
		if buf.String() != "[]\n" {
			t.Errorf("WriteJSON(%#v) = %q, want \"[]\\n\"", ls, buf.String())
		}
	}
}

func TestSummariesDoNotAlias(t *testing.T) {
	ls := []lessons.Lesson{{ID: "a"}}
	s := lessons.Summaries(ls)
	if len(s) != 1 || s[0].Demos == nil || len(s[0].Demos) != 0 {
		t.Errorf("Summaries = %#v, want one summary with empty non-nil demos", s)
	}
	if ls[0].Demos != nil {
		t.Error("Summaries changed the lesson's Demos")
	}
}
