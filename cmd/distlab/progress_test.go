package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"distlab/tui/progress"
)

// withState points DISTLAB_STATE at a state file holding st.
func withState(t *testing.T, st progress.State) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.json")
	if err := progress.NewStore(path).Save(st, 1); err != nil {
		t.Fatal(err)
	}
	t.Setenv(progress.EnvPath, path)
}

// distlab progress reads the app's state file: a lesson read, questions
// right, a challenge met; the percentage of the whole; the next step
// (here the quiz of the first lesson, read already). --json gives the same.
func TestProgressCommand(t *testing.T) {
	var st progress.State
	st.Read = map[string]bool{"what-is-a-distributed-system": true}
	st.Answer("what-is-a-distributed-system", "lamport-conflict", true)
	st.Answer("what-is-a-distributed-system", "silent-reply", false)
	withState(t, st)

	out, _, err := execute(t, "progress", "--lang", "en")
	if err != nil {
		t.Fatal(err)
	}
	out0 := out
	// The percentage depends on how many steps the course has: the --json
	// check below holds it to the count.
	for _, want := range []string{"% done (2 of ", "1 What Is a Distributed System? yes 1/6 0/3", "Next: the quiz of “What Is a Distributed System?” (distlab quiz what-is-a-distributed-system"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	out, _, err = execute(t, "progress", "--lang", "pt-BR")
	if err != nil || !strings.Contains(strings.Join(strings.Fields(out), " "), "1 O que é um sistema distribuído? sim 1/6 0/3") || !strings.Contains(out, "Próximo passo: o questionário") {
		t.Errorf("pt-BR (%v):\n%s", err, out)
	}

	out, _, err = execute(t, "progress", "--json")
	var c progress.Course
	if err != nil || json.Unmarshal([]byte(out), &c) != nil {
		t.Fatalf("--json (%v):\n%s", err, out)
	}
	if c.Done != 2 || c.Total < 2 || c.Percent != c.Done*100/c.Total || !strings.Contains(out0, fmt.Sprintf("Course: %d%% done (2 of %d ", c.Percent, c.Total)) ||
		c.Next != "what-is-a-distributed-system" || c.Why != progress.LeftQuiz || len(c.Lessons) < 4 || c.Lessons[0].QuizRight != 1 {
		t.Errorf("--json: %+v", c)
	}
}

// distlab challenges lists every demo's challenges with their goals in
// the language asked, marks those met, and gives the same as JSON.
func TestChallengesCommand(t *testing.T) {
	var rows []challengeRow
	{
		withState(t, progress.State{})
		out, _, err := execute(t, "challenges", "--json", "--lang", "pt-BR")
		if err != nil || json.Unmarshal([]byte(out), &rows) != nil {
			t.Fatalf("--json (%v):\n%s", err, out)
		}
	}
	perDemo := map[string]int{}
	for _, r := range rows {
		perDemo[r.Demo]++
		if !strings.HasPrefix(r.ID, r.Demo+"/") || r.Goal == "" || r.Done {
			t.Errorf("row %+v", r)
		}
	}
	for _, d := range demos.All() {
		if d.Challenges != nil && perDemo[d.ID] < 3 {
			t.Errorf("demo %s: %d challenges, want at least 3", d.ID, perDemo[d.ID])
		}
	}
	if len(rows) == 0 {
		t.Fatal("no challenges at all")
	}
	withState(t, progress.State{Challenges: map[string]bool{rows[0].ID: true}})
	out, _, err := execute(t, "challenges", "--lang", "en")
	if err != nil || !strings.Contains(out, "✓ "+rows[0].ID+"\n") || !strings.Contains(out, "1 of ") {
		t.Errorf("(%v):\n%s", err, out)
	}
	if os.Getenv(progress.EnvPath) == "" {
		t.Fatal("no state file set")
	}
}

// distlab quiz keeps each answer in the progress as the app does: the
// course map then counts it.
func TestQuizCommandRecords(t *testing.T) {
	withState(t, progress.State{})
	cmd := newRootCmd([]string{"quiz", "1", "--lang", "en", "--seed", "1"})
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetIn(strings.NewReader("a\n")) // the first question, then the input ends
	cmd.SetArgs([]string{"quiz", "1", "--lang", "en", "--seed", "1"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err, out.String())
	}
	st, err := progress.Read(os.Getenv(progress.EnvPath))
	if err != nil {
		t.Fatal(err)
	}
	z := st.Quiz["what-is-a-distributed-system"]
	if len(z.Answered) != 1 || !z.Answered["lamport-conflict"] {
		t.Fatalf("progress after one answer: %+v\n%s", z, out.String())
	}
	right := strings.Contains(out.String(), "✓ Right.")
	if z.Right["lamport-conflict"] != right {
		t.Fatalf("recorded right=%v, the screen said right=%v", z.Right["lamport-conflict"], right)
	}
}
