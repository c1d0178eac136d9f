package kv

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"distlab/demos/locale"
)

// hop builds one operation of a hand-made history: a write when the value
// is positive and no values are given, else a read of values.
func hop(id, client int, key string, put bool, value int, invoke, ret int, status Status, values ...int) OpView {
	return OpView{ID: id, Client: client, Server: 1, Put: put, Key: key, Value: value, Values: values,
		Invoke: time.Duration(invoke) * time.Millisecond, Return: time.Duration(ret) * time.Millisecond, Status: status}
}

// The checker on histories made by hand, each a case from the
// consistency literature: it must reject the broken ones and name the
// operations that break them, and accept the ones that only look odd.
func TestCheckerOnHandMadeHistories(t *testing.T) {
	cases := []struct {
		name string
		ops  []OpView
		want Result
		why  string // for a violation: the explanation
	}{
		{"a read misses a finished write", []OpView{
			hop(1, 1, "x", true, 1, 0, 10, OK),
			hop(2, 2, "x", false, 0, 20, 30, OK, 0),
		}, NotLinearizable, "read x → 0 at 20\u00a0ms after write x = 1 completed at 10\u00a0ms"},
		{"new then old while a write runs", []OpView{
			hop(1, 1, "x", true, 1, 0, 30, OK),
			hop(2, 2, "x", false, 0, 5, 10, OK, 1),
			hop(3, 3, "x", false, 0, 15, 20, OK, 0),
		}, NotLinearizable, "read x → 0 at 15\u00a0ms after read x → 1 completed at 10\u00a0ms"},
		{"old then new while a write runs", []OpView{
			hop(1, 1, "x", true, 1, 0, 30, OK),
			hop(2, 2, "x", false, 0, 5, 10, OK, 0),
			hop(3, 3, "x", false, 0, 15, 20, OK, 1),
		}, Linearizable, ""},
		{"a write given up on, seen and then not", []OpView{
			hop(1, 1, "x", true, 1, 0, 300, Unknown),
			hop(2, 2, "x", false, 0, 50, 60, OK, 1),
			hop(3, 3, "x", false, 0, 70, 80, OK, 0),
		}, NotLinearizable, "read x → 0 at 70\u00a0ms after read x → 1 completed at 60\u00a0ms"},
		{"a write given up on, seen late", []OpView{
			hop(1, 1, "x", true, 1, 0, 300, Unknown),
			hop(2, 2, "x", false, 0, 400, 410, OK, 0),
			hop(3, 3, "x", false, 0, 500, 510, OK, 1),
		}, Linearizable, ""},
		{"siblings", []OpView{
			hop(1, 1, "x", true, 1, 0, 10, OK),
			hop(2, 2, "x", true, 2, 0, 10, OK),
			hop(3, 3, "x", false, 0, 20, 30, OK, 1, 2),
		}, NotLinearizable, "read x → 1 | 2 at 20\u00a0ms: a register holds one value, not siblings"},
		{"a refused read does not count", []OpView{
			hop(1, 1, "x", true, 1, 0, 10, OK),
			hop(2, 2, "x", false, 0, 20, 20, Refused),
			hop(3, 2, "x", false, 0, 30, 40, OK, 1),
		}, Linearizable, ""},
		{"keys are registers of their own", []OpView{
			hop(1, 1, "x", true, 1, 0, 10, OK),
			hop(2, 2, "y", false, 0, 20, 30, OK, 0),
			hop(3, 3, "y", true, 2, 40, 50, OK),
			hop(4, 1, "y", false, 0, 60, 70, OK, 0),
		}, NotLinearizable, "read y → 0 at 60\u00a0ms after write y = 2 completed at 50\u00a0ms"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Check(c.ops, 10*time.Second)
			if v.Result != c.want {
				t.Fatalf("got %s", v.Line(nil))
			}
			if c.why != "" && v.Why(nil) != c.why {
				t.Errorf("why: %q, want %q", v.Why(nil), c.why)
			}
		})
	}
}

// The HTML export is Porcupine's page, with the operations in it.
func TestExportHTML(t *testing.T) {
	var b bytes.Buffer
	ops := []OpView{hop(1, 1, "x", true, 1, 0, 10, OK), hop(2, 2, "x", false, 0, 20, 30, OK, 0)}
	if err := ExportHTML(ops, &b, time.Second); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); !strings.Contains(s, "<html") || !strings.Contains(s, "put(x, 1)") {
		t.Errorf("export: %d bytes, no page or no operation", len(s))
	}
}

// The patterns are proofs on their own: when Porcupine runs out of time,
// a history they catch is still called broken, and one they do not catch
// is left undecided rather than passed.
func TestWitnessWithoutTheSearch(t *testing.T) {
	broken := []OpView{
		hop(1, 1, "x", true, 1, 0, 10, OK),
		hop(2, 2, "y", true, 2, 0, 10, OK),
		hop(3, 2, "y", false, 0, 20, 30, OK, 0),
	}
	var v Verdict
	if !witness(&v, broken) || v.Key != "y" || v.Why(nil) != "read y → 0 at 20\u00a0ms after write y = 2 completed at 10\u00a0ms" {
		t.Errorf("broken: key %q, %q", v.Key, v.Why(nil))
	}
	fine := []OpView{
		hop(1, 1, "x", true, 1, 0, 300, Unknown),
		hop(2, 2, "x", true, 2, 10, 20, OK),
		hop(3, 3, "x", false, 0, 30, 40, OK, 2),
		hop(4, 3, "x", false, 0, 50, 60, OK, 1), // w1 may take effect late
	}
	if witness(&v, fine) {
		t.Errorf("fine: %q", v.Why(nil))
	}
	if got := Check(fine, time.Second); got.Result != Linearizable {
		t.Errorf("fine: %s", got.Line(nil))
	}
}

// The explanation's times are numbers of the reader's language.
func TestExplanationTimesInTheLanguage(t *testing.T) {
	broken := []OpView{
		hop(1, 1, "x", true, 1, 0, 1200, OK),
		hop(2, 2, "x", false, 0, 3399, 3500, OK, 0),
	}
	var v Verdict
	if !witness(&v, broken) {
		t.Fatal("a read that misses a finished write is not caught")
	}
	for _, c := range []struct {
		p    *locale.Printer
		want string
	}{
		{locale.For(locale.English), "read x → 0 at 3,399\u00a0ms after write x = 1 completed at 1,200\u00a0ms"},
		{locale.For(locale.Portuguese), "iniciada em 3.399\u00a0ms, depois da escrita x = 1, concluída em 1.200\u00a0ms"},
	} {
		if got := v.Why(c.p); !strings.HasSuffix(got, c.want) {
			t.Errorf("%s: %q, want it to end in %q", c.p.Lang(), got, c.want)
		}
	}
}
