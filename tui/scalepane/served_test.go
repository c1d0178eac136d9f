package scalepane

import (
	"context"
	"testing"

	"distlab/demos/locale"
	"distlab/demos/scale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/theme"
)

// In a served class (the app runs on the class's server) e starts no
// worker process: the root is handed an error for its status line, in the
// student's language, and the pane measures nothing.
func TestRealWorkersOffWhenServed(t *testing.T) {
	com := &common.Common{Styles: theme.New(theme.Dark)}
	com.SetLang(locale.Portuguese)
	m := New(demo.Env{Com: com, Demo: Demo(), ID: 5, Instance: 1, Served: true})
	m.SetSize(100, 30)
	m.bench = func(context.Context, scale.BenchPlan) (*scale.BenchReport, error) {
		t.Error("a served pane ran real workers")
		return nil, nil
	}
	cmd := m.Update(press1("e"))
	if m.run != nil {
		t.Fatal("a served pane started a measurement")
	}
	if cmd == nil {
		t.Fatal("e in a served class says nothing")
	}
	done, ok := cmd().(common.DoneMsg)
	if !ok || done.Err == nil || done.Pane != 5 {
		t.Fatalf("e answered %#v, want a DoneMsg with an error for the status line", done)
	}
	want := "Sem workers reais numa turma servida: pesariam no servidor que todos usam."
	if got := com.Printer.Err(done.Err); got != want {
		t.Fatalf("status %q, want %q", got, want)
	}
}
