package lessons_test

import (
	"slices"
	"testing"

	"distlab/lessons"
)

func TestLanguages(t *testing.T) {
	if !slices.Equal(lessons.Languages, []string{"en", "pt-BR"}) {
		t.Errorf("Languages = %v, want [en pt-BR] (en first: it is the fallback)", lessons.Languages)
	}
}

func TestNormalizeLang(t *testing.T) {
	cases := map[string]string{
		"en":          "en",
		"EN":          "en",
		"  en  ":      "en",
		"en_US.UTF-8": "en",
		"en-GB":       "en",
		"pt-BR":       "pt-BR",
		"pt_BR.UTF-8": "pt-BR",
		"pt_BR":       "pt-BR",
		"PT-br":       "pt-BR",
		"pt":          "pt-BR",
		"":            "",
		"   ":         "",
		"C":           "",
		"C.UTF-8":     "",
		"POSIX":       "",
		"fr_FR.UTF-8": "",
		"de":          "",
		"p":           "",
	}
	for in, want := range cases {
		if got := lessons.NormalizeLang(in); got != want {
			t.Errorf("NormalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLangFromEnv(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"nothing set", nil, "en"},
		{"LANG pt", map[string]string{"LANG": "pt_BR.UTF-8"}, "pt-BR"},
		{"LANG en", map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{"LANG C", map[string]string{"LANG": "C"}, "en"},
		{"LANG POSIX", map[string]string{"LANG": "POSIX"}, "en"},
		{"LANG other language", map[string]string{"LANG": "fr_FR.UTF-8"}, "en"},
		{"LC_ALL beats LANG", map[string]string{"LC_ALL": "pt_BR.UTF-8", "LANG": "en_US.UTF-8"}, "pt-BR"},
		{"LC_ALL C beats LANG pt", map[string]string{"LC_ALL": "C", "LANG": "pt_BR.UTF-8"}, "en"},
		{"LC_ALL beats LC_MESSAGES", map[string]string{"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "pt_BR.UTF-8"}, "en"},
		{"LC_MESSAGES beats LANG", map[string]string{"LC_MESSAGES": "pt_BR.UTF-8", "LANG": "en_US.UTF-8"}, "pt-BR"},
		{"empty LC_ALL is unset", map[string]string{"LC_ALL": "", "LANG": "pt_BR.UTF-8"}, "pt-BR"},
		{"other variables ignored", map[string]string{"LANGUAGE": "pt_BR", "LC_CTYPE": "pt_BR.UTF-8"}, "en"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			getenv := func(k string) string { return tc.env[k] }
			if got := lessons.LangFromEnv(getenv); got != tc.want {
				t.Errorf("LangFromEnv(%v) = %q, want %q", tc.env, got, tc.want)
			}
		})
	}
}
