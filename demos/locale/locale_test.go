package locale

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{
		"en": English, "EN": English, " en ": English, "en_US.UTF-8": English, "en-GB": English,
		"pt": Portuguese, "pt-BR": Portuguese, "pt_BR": Portuguese, "pt_BR.UTF-8": Portuguese,
		"PT-br": Portuguese, "pt_PT.UTF-8@euro": Portuguese,
	} {
		if got, ok := Parse(in); got != want || !ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, true", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "  ", "C", "C.UTF-8", "POSIX", "fr_FR.UTF-8", "de", "p", "klingon", "zz-ZZ"} {
		if got, ok := Parse(in); got != English || ok {
			t.Errorf("Parse(%q) = %q, %v; want en, false", in, got, ok)
		}
	}
}

func TestFromEnv(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want Lang
	}{
		{nil, English},
		{map[string]string{"LANG": "pt_BR.UTF-8"}, Portuguese},
		{map[string]string{"LANG": "C"}, English},
		{map[string]string{"LC_ALL": "pt_BR.UTF-8", "LANG": "en_US.UTF-8"}, Portuguese},
		{map[string]string{"LC_ALL": "C", "LANG": "pt_BR.UTF-8"}, English}, // set, and it decides
		{map[string]string{"LC_MESSAGES": "pt_BR.UTF-8", "LANG": "en_US.UTF-8"}, Portuguese},
		{map[string]string{"LC_ALL": "", "LANG": "pt_BR.UTF-8"}, Portuguese}, // empty is unset
	} {
		if got := FromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("FromEnv(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}

func init() {
	Add(
		Str("test: delay %.1f ms, %d events", "teste: atraso %.1f ms, %d eventos"),
		Plural("test: %d bots", "test: %d bot", "teste: %d robôs", "teste: %d robô"),
		Str("test: restart %s: %v", "teste: religar %s: %v"),
		Str("test: port %s in use", "teste: porta %s em uso"),
	)
}

func TestPrinter(t *testing.T) {
	en, pt := For(English), For(Portuguese)
	for _, c := range []struct{ got, want string }{
		{en.T("test: delay %.1f ms, %d events", 5.0, 12342), "test: delay 5.0 ms, 12,342 events"},
		{pt.T("test: delay %.1f ms, %d events", 5.0, 12342), "teste: atraso 5,0 ms, 12.342 eventos"},
		{en.T("test: %d bots", 0), "test: 0 bots"},
		{en.T("test: %d bots", 1), "test: 1 bot"},
		{en.T("test: %d bots", 2), "test: 2 bots"},
		{pt.T("test: %d bots", 0), "teste: 0 robôs"}, // CLDR makes 0 singular in pt; Brazilian usage does not
		{pt.T("test: %d bots", 1), "teste: 1 robô"},
		{pt.T("test: %d bots", 2), "teste: 2 robôs"},
		{pt.T("not registered %s", "x"), "not registered x"},
		{(*Printer)(nil).T("test: %d bots", 1), "test: 1 bots"}, // nil: plain fmt
		{pt.T("test: restart %s: %v", "n2", "127.0.0.1:41279"), "teste: religar n2: 127.0.0.1:41279"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestErrors(t *testing.T) {
	sentinel := errors.New("address already in use")
	inner := Errorf("test: port %s in use", "41279")
	err := Errorf("test: restart %s: %w", "n2", Errorf("test: port %s in use", "41279"))
	if got, want := err.Error(), "test: restart n2: test: port 41279 in use"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := For(Portuguese).Err(err), "teste: religar n2: teste: porta 41279 em uso"; got != want {
		t.Errorf("Err() = %q, want %q", got, want)
	}
	if got, want := For(Portuguese).T("%v", err), "teste: religar n2: teste: porta 41279 em uso"; got != want {
		t.Errorf("T(%%v, err) = %q, want %q", got, want)
	}
	wrapped := Errorf("test: restart %s: %w", "n2", sentinel)
	if !errors.Is(wrapped, sentinel) {
		t.Error("errors.Is does not see the wrapped error")
	}
	var e *Error
	if !errors.As(Errorf("test: restart %s: %w", "n2", inner), &e) {
		t.Error("errors.As finds no *Error")
	}
	if got := For(Portuguese).Err(sentinel); got != sentinel.Error() {
		t.Errorf("a plain error is printed as %q", got)
	}
}

func TestDuration(t *testing.T) {
	en, pt := For(English), For(Portuguese)
	for _, c := range []struct {
		d      time.Duration
		en, pt string
	}{
		{0, "0s", "0s"},
		{150 * time.Millisecond, "150ms", "150ms"},
		{1500 * time.Millisecond, "1.5s", "1,5s"},
		{5 * time.Millisecond, "5ms", "5ms"},
		{12345 * time.Microsecond, "12.3ms", "12,3ms"},
		{1234 * time.Nanosecond, "1.23µs", "1,23µs"},
		{150 * time.Second, "2m30s", "2m30s"},
		{-2 * time.Second, "-2s", "-2s"},
		{999700 * time.Nanosecond, "1ms", "1ms"},
		{999700 * time.Microsecond, "1s", "1s"},
	} {
		if got := en.Duration(c.d); got != c.en {
			t.Errorf("en Duration(%v) = %q, want %q", c.d, got, c.en)
		}
		if got := pt.Duration(c.d); got != c.pt {
			t.Errorf("pt Duration(%v) = %q, want %q", c.d, got, c.pt)
		}
	}
}

func TestVerbs(t *testing.T) {
	got := strings.Join(Verbs("a %d, %5.1f%% and %-6s %v %[1]d %"), " ")
	if want := "%d %5.1f %-6s %v %[1]d"; got != want {
		t.Errorf("Verbs = %q, want %q", got, want)
	}
}

// A checker gets a broken case: verbs that differ, a missing translation,
// a plural without its singular.
func TestProblemsFindsBrokenMessages(t *testing.T) {
	for _, m := range []Message{
		Str("%d nodes", "%s nós"),
		Str("hello", ""),
		Plural("%d bots", "", "%d robôs", "%d robô"),
		Plural("%d bots of %s", "%d bot of %s", "%d robôs", "%d robô de %s"),
		PluralArg(3, "%d bots", "%d bot", "%d robôs", "%d robô"),
	} {
		if len(m.problems()) == 0 {
			t.Errorf("%+v: no problem found", m)
		}
	}
	if p := Problems(); len(p) > 0 {
		t.Errorf("registered messages have problems:\n%s", strings.Join(p, "\n"))
	}
}

func TestNextCycles(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := rapid.SampledFrom(Langs).Draw(t, "lang")
		x := l
		for range Langs {
			x = x.Next()
		}
		if x != l {
			t.Fatalf("%d steps from %s came to %s", len(Langs), l, x)
		}
	})
}

// Every language's numbers parse back: the decimal mark of a Duration is the
// printer's.
func TestDurationDecimalMark(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := time.Duration(rapid.Int64Range(1, int64(time.Minute)-1).Draw(t, "d"))
		for _, l := range Langs {
			s := For(l).Duration(d)
			other := map[Lang]string{English: ",", Portuguese: "."}[l]
			if strings.Contains(s, other) {
				t.Fatalf("%s Duration(%v) = %q has the other language's mark", l, d, s)
			}
		}
	})
}

// TestCompileOnFirstPrint: a message is compiled into the catalog the
// first time it is printed in a language, from any goroutine (go test -race
// checks the catalog is shared safely), and a message added after a printer
// was made prints translated too.
func TestCompileOnFirstPrint(t *testing.T) {
	Add(Plural("test: %d late bots", "test: %d late bot", "teste: %d robôs atrasados", "teste: %d robô atrasado"))
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() {
			p := For(Langs[i%2])
			got[i] = p.T("test: %d late bots", 1+i/4)
		})
	}
	wg.Wait()
	want := []string{"test: 1 late bot", "teste: 1 robô atrasado", "test: 1 late bot", "teste: 1 robô atrasado",
		"test: 2 late bots", "teste: 2 robôs atrasados", "test: 2 late bots", "teste: 2 robôs atrasados"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
