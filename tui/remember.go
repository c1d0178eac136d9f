package tui

import (
	"distlab/lessons"
	"distlab/tui/theme"
)

// remembered is cfg with the language and theme of the last run where the
// command line asked for none: the remembered ones win over the
// environment's locale and the terminal's background, and --lang and
// --theme over them. What the command line asks for is remembered in turn
// (Model.New records the language; the theme is recorded here): --theme
// auto hands the theme back to the terminal for the runs after it too.
func remembered(cfg Config) Config {
	if cfg.LangFromEnv && cfg.State.Lang != "" {
		if l := lessons.NormalizeLang(cfg.State.Lang); l != "" {
			cfg.Lang = l
		}
	}
	switch {
	case !cfg.ThemeFromDefault:
		cfg.State.Theme = ""
		if !cfg.ThemeAuto {
			cfg.State.Theme = cfg.Theme.String()
		}
	case cfg.State.Theme != "":
		if t, auto, err := theme.Parse(cfg.State.Theme); err == nil && !auto {
			cfg.Theme, cfg.ThemeAuto = t, false
		}
	}
	return cfg
}
