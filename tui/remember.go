package tui

import (
	"distlab/lessons"
	"distlab/tui/theme"
)

// remembered is cfg with the language and theme of the last run where the
// command line asked for none: --lang and --theme win over what the
// progress file remembers, and the remembered ones over the environment's
// locale and the terminal's background.
func remembered(cfg Config) Config {
	if cfg.LangFromEnv && cfg.State.Lang != "" {
		if l := lessons.NormalizeLang(cfg.State.Lang); l != "" {
			cfg.Lang = l
		}
	}
	if cfg.ThemeAuto && cfg.State.Theme != "" {
		if t, auto, err := theme.Parse(cfg.State.Theme); err == nil && !auto {
			cfg.Theme, cfg.ThemeAuto = t, false
		}
	}
	return cfg
}
