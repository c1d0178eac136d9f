package locale

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/message"
)

// Printer prints messages in one language. It is safe for concurrent use;
// a nil Printer prints the English text with plain fmt (as a test or a
// program without a language would).
type Printer struct {
	lang Lang
	mp   *message.Printer
}

var printers sync.Map // Lang → *Printer

// For is the printer of language l (English for an unknown l).
func For(l Lang) *Printer {
	l = l.orEnglish()
	if p, ok := printers.Load(l); ok {
		return p.(*Printer)
	}
	p, _ := printers.LoadOrStore(l, &Printer{lang: l, mp: message.NewPrinter(l.Tag(), message.Catalog(builder))})
	return p.(*Printer)
}

// Lang is the printer's language.
func (p *Printer) Lang() Lang {
	if p == nil {
		return English
	}
	return p.lang
}

// T prints the message whose English text is format, in the printer's
// language, with args formatted as fmt does but numbers written the
// language's way. A format with no translation prints as English.
func (p *Printer) T(format string, args ...any) string {
	if p == nil {
		return fmt.Sprintf(format, args...)
	}
	args = localized(p, args)
	compile(p.lang, format)
	return p.mp.Sprintf(format, args...)
}

// localized replaces the Localizers among args by their text in p's
// language, in a copy: the caller's slice stays as it was. An operating
// system's error about a file or the network is one too (FileError,
// NetError), wherever it comes from: the lesson loader, which may not
// import this package, keeps the system's error, and its problems are
// said here.
func localized(p *Printer, args []any) []any {
	var out []any
	for i, a := range args {
		if err, ok := a.(error); ok {
			a = systemError(err)
		}
		if l, ok := a.(Localizer); ok {
			if out == nil {
				out = slices.Clone(args)
			}
			out[i] = l.Localize(p)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// Localizer is a value that prints itself in a language: T hands it the
// printer (errors made with Errorf are Localizers).
type Localizer interface {
	Localize(p *Printer) string
}

// Decimal is the language's decimal mark.
func (p *Printer) Decimal() string {
	if p.Lang() == Portuguese {
		return ","
	}
	return "."
}

// Duration writes d as Go does ("150ms", "1.5s", "2m30s") with the
// language's decimal mark ("1,5s"), rounded to what a person reads: three
// significant digits below a minute.
func (p *Printer) Duration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	var s string
	switch {
	case d == 0:
		s = "0s"
	case d < time.Microsecond:
		s = strconv.FormatInt(int64(d), 10) + "ns"
	case d < 999500*time.Nanosecond: // what would round to 1000µs is 1ms
		s = p.figure(float64(d)/float64(time.Microsecond)) + "µs"
	case d < 999500*time.Microsecond:
		s = p.figure(float64(d)/float64(time.Millisecond)) + "ms"
	case d < time.Minute:
		s = p.figure(d.Seconds()) + "s"
	default:
		s = d.Round(time.Second).String()
	}
	if neg {
		s = "-" + s
	}
	return s
}

// figure is x with three significant digits at most, no trailing zeros,
// and the language's decimal mark.
func (p *Printer) figure(x float64) string {
	digits := 2
	switch {
	case x >= 100:
		digits = 0
	case x >= 10:
		digits = 1
	}
	s := strconv.FormatFloat(x, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", p.Decimal(), 1)
}
