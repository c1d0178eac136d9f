package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

// scaleFlagErrors are bad values of the scale commands' flags, each with
// what its error must say in English and in Portuguese: the flag, its
// value and what it takes. None of them starts a worker or a bench.
var scaleFlagErrors = []struct {
	args   []string
	en, pt string
}{
	{[]string{"scale", "bench", "--up", "257"}, "--up 257: want 1..256 cores", "--up 257: use 1..256 núcleos"},
	{[]string{"scale", "bench", "--up", "0"}, "--up 0: want 1..256 cores", "--up 0: use 1..256 núcleos"},
	{[]string{"scale", "bench", "--up", "1", "--duration", "0s"}, "--duration 0s: want a duration above 0s", "--duration 0s: use uma duração acima de 0s"},
	{[]string{"scale", "bench", "--up", "1", "--duration", "-1.5s"}, "--duration -1.5s: want a duration above 0s", "--duration -1,5s: use uma duração acima de 0s"},
	{[]string{"scale", "bench", "--up", "1", "--rate", "-5"}, "--rate -5: want 0 (closed loop) to 1,000,000 req/s", "--rate -5: use de 0 (malha fechada) a 1.000.000 req/s"},
	{[]string{"scale", "bench", "--up", "1", "--rate", "Inf"}, "--rate +Inf: want 0", "--rate +Inf: use de 0"},
	{[]string{"scale", "bench", "--up", "1", "--rate", "NaN"}, "--rate NaN: want 0", "--rate NaN: use de 0"},
	{[]string{"scale", "bench", "--up", "1", "--timeout", "-1s"}, "--timeout -1s: want 0s (the bench picks it) or more", "--timeout -1s: use 0s (a medição escolhe) ou mais"},
	{[]string{"scale", "bench", "--up", "1", "--rounds", "0"}, "--rounds 0: want 1..10,000,000", "--rounds 0: use 1..10.000.000"},
	{[]string{"scale", "bench", "--up", "1", "--rounds", "10000001"}, "--rounds 10,000,001: want 1..10,000,000", "--rounds 10.000.001: use 1..10.000.000"},
	{[]string{"scale", "worker", "--rounds", "0"}, "--rounds 0: want 1..10,000,000", "--rounds 0: use 1..10.000.000"},
	{[]string{"scale", "worker", "--rounds", "-3"}, "--rounds -3: want 1..10,000,000", "--rounds -3: use 1..10.000.000"},
	{[]string{"scale", "worker", "--rounds", "10000001"}, "--rounds 10,000,001: want 1..10,000,000", "--rounds 10.000.001: use 1..10.000.000"},
	{[]string{"scale", "model", "--cost-core", "-0.05"}, "--cost-core -0.05: want 0 or more", "--cost-core -0.05: use 0 ou mais"},
	{[]string{"scale", "model", "--cost-exp", "NaN"}, "--cost-exp NaN: want 0 or more", "--cost-exp NaN: use 0 ou mais"},
	{[]string{"scale", "model", "--cost-lb", "-1"}, "--cost-lb -1: want 0 or more", "--cost-lb -1: use 0 ou mais"},
	{[]string{"scale", "worker", "--max-conns", "0"}, "--max-conns 0: want 1..100,000 connections", "--max-conns 0: use 1..100.000 conexões"},
}

// Each bad flag value is refused before anything starts, with a message in
// the CLI's language that names the flag and what it takes.
func TestScaleFlagErrors(t *testing.T) {
	t.Parallel()
	for _, c := range scaleFlagErrors {
		for lang, want := range map[string]string{"en": c.en, "pt-BR": c.pt} {
			args := append([]string{"--lang", lang}, c.args...)
			// A value taken silently would start a worker that serves
			// until stopped: the deadline stops it, and the test fails.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			cmd := newRootCmd(args)
			cmd.SetOut(io.Discard)
			cmd.SetErr(io.Discard)
			err := cmd.ExecuteContext(ctx)
			cancel()
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("distlab %s: err %v, want one saying %q", strings.Join(args, " "), err, want)
			}
		}
	}
}
