package main

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"distlab/demos/locale"
)

// flagError is a flag parsing error of pflag's in g's language.
func flagError(g *globals, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			return g.errorf("unknown shorthand flag: %q in -%s", rune(notExist.GetSpecifiedName()[0]), short)
		}
		return g.errorf("unknown flag: --%s", notExist.GetSpecifiedName())
	case errors.As(err, &noValue):
		if short := noValue.GetSpecifiedShortnames(); short != "" {
			return g.errorf("flag needs an argument: %q in -%s", rune(noValue.GetSpecifiedName()[0]), short)
		}
		return g.errorf("flag needs an argument: --%s", noValue.GetSpecifiedName())
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		return g.errorf("invalid argument %q for --%s: %s", invalid.GetValue(), f.Name, invalidReason(g.p, f, invalid.GetValue(), errors.Unwrap(err)))
	case errors.As(err, &syntax):
		return g.errorf("bad flag syntax: %s", syntax.GetSpecifiedFlag())
	}
	return err
}

// invalidReason says what a flag of f's type wants, rather than the parser's
// English (`strconv.ParseInt: parsing "x": invalid syntax`). A number
// written with a decimal comma, as Portuguese writes it, is told the
// form that works: a command line is the same in every language, so a
// flag takes the point only (and 1,000 stays no number rather than 1).
func invalidReason(p *locale.Printer, f *pflag.Flag, value string, cause error) string {
	if errors.Is(cause, strconv.ErrRange) {
		return p.T("the number is out of range")
	}
	switch t := f.Value.Type(); {
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return p.T("want a whole number")
	case strings.HasPrefix(t, "float"):
		// In English "1,000" is a thousand, not a decimal.
		_, after, _ := strings.Cut(value, ",")
		thousands := p.Lang() == locale.English && len(after) == 3
		if pointed := strings.Replace(value, ",", ".", 1); pointed != value && !thousands {
			if _, err := strconv.ParseFloat(pointed, 64); err == nil {
				return p.T("write the decimals after a point, as in %s", pointed)
			}
		}
		return p.T("want a number")
	case t == "duration":
		return p.T("want a duration such as 150ms or 5s")
	case t == "bool":
		return p.T("want true or false")
	}
	return p.Err(cause)
}

// Cobra's errors, in its words (cobra 1.10), to be said again in the
// reader's language; cmd_test.go and lang_test.go notice if cobra rewords
// them.
var (
	unknownCommandErr = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`)
	exactArgsErr      = regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`)
	minArgsErr        = regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`)
	maxArgsErr        = regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`)
	rangeArgsErr      = regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`)
	oneRequiredErr    = regexp.MustCompile(`^at least one of the flags in the group \[(.*)\] is required$`)
	exclusiveErr      = regexp.MustCompile(`^if any flags in the group \[(.*)\] are set none of the others can be; \[(.*)\] were all set$`)
	togetherErr       = regexp.MustCompile(`^if any flags in the group \[(.*)\] are set they must all be set; missing \[(.*)\]$`)
	requiredErr       = regexp.MustCompile(`^required flag\(s\) "(.*)" not set$`)
)

// cobraError is one of cobra's errors (a wrong number of arguments, an
// unknown command, a flag group's or a required flag's) in g's language;
// any other error, or nil, is returned as it is.
func cobraError(g *globals, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	n := func(s string) int { i, _ := strconv.Atoi(s); return i }
	if m := unknownCommandErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("unknown command %q for %q", m[1], m[2])
	}
	if m := exactArgsErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("accepts %d arguments, received %d", n(m[1]), n(m[2]))
	}
	if m := minArgsErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("requires at least %d arguments, received only %d", n(m[1]), n(m[2]))
	}
	if m := maxArgsErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("accepts at most %d arguments, received %d", n(m[1]), n(m[2]))
	}
	if m := rangeArgsErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("accepts from %d to %d arguments, received %d", n(m[1]), n(m[2]), n(m[3]))
	}
	if m := oneRequiredErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("at least one of the flags in the group [%s] is required", m[1])
	}
	if m := exclusiveErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("if any flags in the group [%s] are set none of the others can be; [%s] were all set", m[1], m[2])
	}
	if m := togetherErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("if any flags in the group [%s] are set they must all be set; missing [%s]", m[1], m[2])
	}
	if m := requiredErr.FindStringSubmatch(msg); m != nil {
		return g.errorf(`required flag(s) "%s" not set`, m[1])
	}
	return err
}
