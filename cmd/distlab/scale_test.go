package main

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
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
	{[]string{"scale", "model", "--alpha", "0,05"}, `invalid argument "0,05" for --alpha: write the decimals after a point, as in 0.05`,
		`valor inválido "0,05" em --alpha: escreva as casas decimais depois de um ponto, como em 0.05`},
	{[]string{"scale", "model", "--gamma", "1,000"}, `invalid argument "1,000" for --gamma: want a number`, // a thousand, in English
		`valor inválido "1,000" em --gamma: escreva as casas decimais depois de um ponto, como em 1.000`},
	{[]string{"scale", "bench", "--out", "100000"}, "--out 100000: want 0..256 workers", "--out 100000: use 0..256 workers"},
	{[]string{"scale", "bench", "--out", "-1"}, "--out -1: want 0..256 workers", "--out -1: use 0..256 workers"},
	{[]string{"scale", "bench", "--out", "256", "--workers", "127.0.0.1:7000"}, "--out 256 and 1 --workers: want at most 256 workers in all",
		"--out 256 e 1 --workers: use no máximo 256 workers ao todo"},
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
	{[]string{"scale", "worker", "--listen", "127.0.0.1:99999"}, `--listen "127.0.0.1:99999": want a port from 1 to 65535 (0: any free port)`,
		`--listen "127.0.0.1:99999": use uma porta de 1 a 65535 (0: qualquer porta livre)`},
	{[]string{"scale", "worker", "--listen", "127.0.0.1:http"}, `--listen "127.0.0.1:http": want a port from 1 to 65535`, `--listen "127.0.0.1:http": use uma porta de 1 a 65535`},
	{[]string{"scale", "worker", "--listen", "127.0.0.1:-1"}, `--listen "127.0.0.1:-1": want a port from 1 to 65535`, `--listen "127.0.0.1:-1": use uma porta de 1 a 65535`},
	{[]string{"scale", "bench", "--out", "0", "--workers", "127.0.0.1:7000,127.0.0.1:0"}, `--workers "127.0.0.1:0": want a port from 1 to 65535`,
		`--workers "127.0.0.1:0": use uma porta de 1 a 65535`},
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

// A port another program holds is said as every listener's is (locale's
// NetError, the chat server's words), in the CLI's language, not as the kernel's "bind: address already in use".
func TestScaleWorkerPortInUse(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	for lang, want := range map[string]string{"en": "scale worker: port " + port + " in use", "pt-BR": "worker de scale: porta " + port + " em uso"} {
		_, _, err := execute(t, "--lang", lang, "scale", "worker", "--listen", ln.Addr().String())
		if err == nil || err.Error() != want {
			t.Errorf("%s: err %v, want %q", lang, err, want)
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			t.Errorf("%s: %v is not EADDRINUSE", lang, err)
		}
	}
}
