package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"distlab/tui/progress"
	"distlab/tui/theme"
)

// restart starts an app on what store holds, as the next run would, with
// the language of the environment (or --lang) and the theme asked for.
func restart(t *testing.T, store *progress.Store, cfg Config) *Model {
	t.Helper()
	st, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Load, cfg.Source, cfg.Store, cfg.State = fixture, "test", store, st
	m := New(cfg)
	m.com.Tick = holdTicks
	t.Cleanup(m.Close)
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

// save writes m's state as the end of a run does.
func save(t *testing.T, m *Model, store *progress.Store) {
	t.Helper()
	if err := store.Save(m.State(), 0); err != nil {
		t.Fatal(err)
	}
}

// The language and the theme chosen in one run are the next run's, unless
// the command line asks for others: --lang and --theme win, and are the
// choice from then on; --theme auto gives the theme back to the terminal.
func TestLanguageAndThemeAreRemembered(t *testing.T) {
	store := progress.NewStore(t.TempDir() + "/state.json")
	defaults := Config{Lang: "en", LangFromEnv: true, ThemeAuto: true, ThemeFromDefault: true}
	m := restart(t, store, defaults)
	press(t, m, "L", "T") // pt-BR; dark → light
	save(t, m, store)
	m = restart(t, store, defaults)
	if m.Lang() != "pt-BR" || m.com.Styles.Theme != theme.Light || m.cfg.ThemeAuto {
		t.Fatalf("next run: %s, %v (auto %v); want pt-BR, light", m.Lang(), m.com.Styles.Theme, m.cfg.ThemeAuto)
	}
	// The theme of a talk is not the student's: T while presenting is
	// forgotten.
	press(t, m, "P", "T", "P")
	if st := m.State(); st.Theme != "light" {
		t.Fatalf("T while presenting remembered %q", st.Theme)
	}
	save(t, m, store)
	m = restart(t, store, Config{Lang: "en", Theme: theme.HighContrast}) // --lang en --theme high-contrast
	if m.Lang() != "en" || m.com.Styles.Theme != theme.HighContrast {
		t.Fatalf("with flags: %s, %v; want en, high-contrast", m.Lang(), m.com.Styles.Theme)
	}
	save(t, m, store)
	m = restart(t, store, defaults)
	if m.Lang() != "en" || m.com.Styles.Theme != theme.HighContrast {
		t.Fatalf("after the flags' run: %s, %v; want en, high-contrast", m.Lang(), m.com.Styles.Theme)
	}
	m = restart(t, store, Config{Lang: "en", LangFromEnv: true, ThemeAuto: true}) // --theme auto
	save(t, m, store)
	m = restart(t, store, defaults)
	if !m.cfg.ThemeAuto {
		t.Fatalf("after --theme auto the theme is %v, not the terminal's", m.com.Styles.Theme)
	}
}

// A place in a lesson is kept per language: the same lesson is not as long
// in the other, and its English place must not open the Portuguese text
// anywhere but where it was left (here: the top, never read).
func TestPlacesArePerLanguage(t *testing.T) {
	store := progress.NewStore(t.TempDir() + "/state.json")
	m := restart(t, store, Config{Lang: "en", LangFromEnv: true})
	press(t, m, "j", "j", "j", "j", "j", "j")
	save(t, m, store)
	m = restart(t, store, Config{Lang: "pt-BR"}) // --lang pt-BR
	if m.reader.Offset() != 0 {
		t.Fatalf("pt-BR opened at line %d of a lesson never read in it", m.reader.Offset())
	}
	m = restart(t, store, Config{Lang: "en"})
	if m.reader.Offset() != 6 {
		t.Fatalf("en opened at line %d, want 6", m.reader.Offset())
	}
}

// A progress file from before places were kept per language loads with
// every place and mark: the places are taken as the starting language's.
func TestOldProgressFileLoads(t *testing.T) {
	store := progress.NewStore(t.TempDir() + "/state.json")
	if err := store.Save(progress.State{LastLesson: "nodes", Offsets: map[string]int{"nodes": 4}, Read: map[string]bool{"clocks": true}}, 0); err != nil {
		t.Fatal(err)
	}
	m := restart(t, store, Config{Lang: "en", LangFromEnv: true})
	if m.Lesson() != "nodes" || m.reader.Offset() != 4 || !m.state.Read["clocks"] {
		t.Fatalf("old file: lesson %q at %d, read %v", m.Lesson(), m.reader.Offset(), m.state.Read)
	}
}

// The environment's language is not a choice: a student who never pressed
// L (nor gave --lang) follows LANG when it changes between runs.
func TestEnvironmentLanguageIsNotRemembered(t *testing.T) {
	store := progress.NewStore(t.TempDir() + "/state.json")
	m := restart(t, store, Config{Lang: "en", LangFromEnv: true, ThemeAuto: true, ThemeFromDefault: true})
	save(t, m, store)
	m = restart(t, store, Config{Lang: "pt-BR", LangFromEnv: true, ThemeAuto: true, ThemeFromDefault: true})
	if m.Lang() != "pt-BR" {
		t.Fatalf("LANG went from en to pt-BR, the app stayed in %s", m.Lang())
	}
	press(t, m, "L") // now a choice: en
	save(t, m, store)
	m = restart(t, store, Config{Lang: "pt-BR", LangFromEnv: true, ThemeAuto: true, ThemeFromDefault: true})
	if m.Lang() != "en" {
		t.Fatalf("pressed L for en, the next run is in %s", m.Lang())
	}
}
