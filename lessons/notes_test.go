package lessons

import (
	"regexp"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// notesRE is what extractNotes used to match; the scan must agree with it.
var notesRE = regexp.MustCompile(`(?s)<!--\s*notes:(.*?)-->`)

func extractNotesRE(md string, first int) (string, []Note) {
	var notes []Note
	for _, m := range notesRE.FindAllStringSubmatchIndex(md, -1) {
		notes = append(notes, Note{
			Line: first + strings.Count(md[:m[0]], "\n"),
			Text: strings.TrimSpace(md[m[2]:m[3]]),
		})
	}
	return notesRE.ReplaceAllString(md, ""), notes
}

// TestExtractNotesAgreesWithRegexp feeds both text made of the pieces that
// matter (openers, the notes: word, closers, blanks, newlines) and compares
// the body left and every note with its line.
func TestExtractNotesAgreesWithRegexp(t *testing.T) {
	pieces := []string{"<!--", "<!-- ", "<!--\n", "notes:", "notes", "-->", "--", ">", " ", "\t", "\n", "x", "é", "-- >",
		"<!--notes:", "<!-- notes:", "<!--\n\tnotes:", "<!-- notes: say\nthis\n-->", "\n<!-- notes:\n\n-->\n"}
	rapid.Check(t, func(t *rapid.T) {
		var b strings.Builder
		for _, p := range rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 60).Draw(t, "pieces") {
			b.WriteString(p)
		}
		md := b.String()
		first := rapid.IntRange(1, 50).Draw(t, "first")
		gotBody, gotNotes := extractNotes(md, first)
		wantBody, wantNotes := extractNotesRE(md, first)
		if gotBody != wantBody {
			t.Fatalf("body of %q:\n got %q\nwant %q", md, gotBody, wantBody)
		}
		if len(gotNotes) != len(wantNotes) {
			t.Fatalf("notes of %q:\n got %v\nwant %v", md, gotNotes, wantNotes)
		}
		for i := range gotNotes {
			if gotNotes[i] != wantNotes[i] {
				t.Fatalf("note %d of %q:\n got %v\nwant %v", i, md, gotNotes[i], wantNotes[i])
			}
		}
	})
}

func TestExtractNotesLines(t *testing.T) {
	md := "a\n<!-- notes:\none\ntwo -->\nb <!--x--> <!--\n notes: three -->\nc"
	body, notes := extractNotes(md, 10)
	if want := "a\n\nb <!--x--> \nc"; body != want {
		t.Errorf("body %q, want %q", body, want)
	}
	want := []Note{{Line: 11, Text: "one\ntwo"}, {Line: 14, Text: "three"}}
	if len(notes) != len(want) || notes[0] != want[0] || notes[1] != want[1] {
		t.Errorf("notes %v, want %v", notes, want)
	}
}
