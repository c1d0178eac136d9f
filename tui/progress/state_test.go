package progress_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"distlab/tui/progress"
)

// A file written before places were kept per language still loads: its
// offsets become the places in the language the app starts in, and the
// lessons read stay read. Nothing of the student's progress is lost.
func TestOldFileMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	old := `{"last_lesson":"scalability","offsets":{"scalability":42,"intro":7},"read":{"intro":true}}` + "\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(path)
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	st.Migrate("pt-BR")
	if st.Place("pt-BR", "scalability") != 42 || st.Place("pt-BR", "intro") != 7 || st.Place("en", "scalability") != 0 {
		t.Fatalf("migrated places %v", st.Places)
	}
	if st.LastLesson != "scalability" || !st.Read["intro"] {
		t.Fatalf("migrated state %+v", st)
	}
	// Migrating again (the next run) changes nothing, and a place in the
	// other language is kept apart.
	st.Lang = "pt-BR"
	st.SetPlace("en", "scalability", 3)
	st.Migrate("en")
	if st.Place("pt-BR", "scalability") != 42 || st.Place("en", "scalability") != 3 {
		t.Fatalf("places after a second migration %v", st.Places)
	}
	// Saved and loaded: the same places, and the older form beside them
	// holds the places in the language last used.
	if err := s.Save(st, 1); err != nil {
		t.Fatal(err)
	}
	again, err := progress.NewStore(path).Load()
	if err != nil {
		t.Fatal(err)
	}
	again.Migrate("en")
	if again.Place("pt-BR", "scalability") != 42 || again.Place("en", "scalability") != 3 || again.Lang != "pt-BR" {
		t.Fatalf("reloaded %+v", again)
	}
	var raw struct{ Offsets map[string]int }
	if err := json.Unmarshal(readFile(t, path), &raw); err != nil || raw.Offsets["scalability"] != 42 {
		t.Fatalf("offsets for an older distlab: %s", readFile(t, path))
	}
}

// A file that names its language migrates into that language, not the one
// the app starts in.
func TestMigrateUsesTheFilesLanguage(t *testing.T) {
	st := progress.State{Lang: "en", Offsets: map[string]int{"a": 5}}
	st.Migrate("pt-BR")
	if st.Place("en", "a") != 5 || st.Place("pt-BR", "a") != 0 {
		t.Fatalf("places %v", st.Places)
	}
}

func TestClonePlaces(t *testing.T) {
	var st progress.State
	st.SetPlace("en", "a", 1)
	c := st.Clone()
	c.SetPlace("en", "a", 2)
	c.SetPlace("pt-BR", "a", 3)
	if st.Place("en", "a") != 1 || st.Place("pt-BR", "a") != 0 {
		t.Fatalf("a clone's places are shared: %v", st.Places)
	}
}

// A student who follows LANG and never chose a language (no Lang) still
// leaves an older distlab their places: those of the language shown.
func TestOffsetsFollowTheLanguageShown(t *testing.T) {
	path := t.TempDir() + "/state.json"
	st := progress.State{Shown: "pt-BR"}
	st.SetPlace("pt-BR", "a", 9)
	st.SetPlace("en", "a", 4)
	if err := progress.NewStore(path).Save(st, 1); err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Offsets map[string]int
		Shown   string
	}
	if err := json.Unmarshal(readFile(t, path), &raw); err != nil || raw.Offsets["a"] != 9 || raw.Shown != "" {
		t.Fatalf("file %s", readFile(t, path))
	}
}
