package main

import "distlab/demos/locale"

// distlab serve bench's words (servebench.go).
func init() {
	locale.Add(
		locale.Str("Measure how many students this machine serves: SSH sessions typing at once, key to frame, CPU, memory",
			"Mede quantos alunos esta máquina atende: sessões SSH digitando ao mesmo tempo, tecla até o quadro, CPU, memória"),
		locale.Str("Open many SSH sessions at once, each with a PTY, type in all of them and measure key to frame\n"+
			"(p50, p90, p99, max), the server's CPU while they type and while they sit idle, and its memory\n"+
			"per session. Without --addr it starts its own server (distlab serve, or with --floor a\n"+
			"hello-world wish server) in another process, in a temporary folder, for each session count.",
			"Abre muitas sessões SSH de uma vez, cada uma com um PTY, digita em todas e mede da tecla até o quadro\n"+
				"(p50, p90, p99, máx.), a CPU do servidor enquanto digitam e enquanto ficam paradas, e a memória\n"+
				"por sessão. Sem --addr, inicia o próprio servidor (distlab serve, ou com --floor um servidor\n"+
				"wish de olá-mundo) em outro processo, numa pasta temporária, para cada número de sessões."),
		locale.Str("sessions at once; several `counts` (1,20,60) make one run each",
			"sessões ao mesmo tempo; vários `números` (1,20,60) fazem uma rodada cada"),
		locale.Str("keys a second in each session", "teclas por segundo em cada sessão"),
		locale.Str("the `keys` typed in turn, each must change the screen (np: next and previous lesson)",
			"as `teclas` digitadas em sequência, cada uma deve mudar a tela (np: lição seguinte e anterior)"),
		locale.Str("how long the sessions type", "por quanto tempo as sessões digitam"),
		locale.Str("how long the idle CPU is measured, every session connected and nobody typing",
			"por quanto tempo a CPU parada é medida, todas as sessões conectadas e ninguém digitando"),
		locale.Str("each session's terminal, columns x rows", "o terminal de cada sessão, colunas x linhas"),
		locale.Str("a server already running, `host:port` (default: start one)",
			"um servidor já rodando, `host:porta` (padrão: iniciar um)"),
		locale.Str("that server's class `code`", "o `código` da turma desse servidor"),
		locale.Str("that server's process id, for its CPU and memory (Linux)",
			"o id de processo desse servidor, para sua CPU e memória (Linux)"),
		locale.Str("start the floor, a hello-world wish server, instead of distlab serve",
			"inicia o piso, um servidor wish de olá-mundo, em vez do distlab serve"),
		locale.Str("--size %s: want columns x rows, at least 40x15", "--size %s: use colunas x linhas, pelo menos 40x15"),
		locale.Str("--sessions %s: want at least 1", "--sessions %s: use pelo menos 1"),
		locale.Str("--rate %g: want more than 0 keys a second", "--rate %g: use mais de 0 teclas por segundo"),
		locale.PluralArg(2, "only %d of %d sessions came up", "only %d of %d session came up", "só %d de %d sessões subiram", "só %d de %d sessão subiu"),
		locale.Str("distlab serve", "distlab serve"),
		locale.Str("the floor", "o piso"),
		locale.Str("%s, its own process (pid %s)", "%s, em processo próprio (pid %s)"),
		locale.Plural("%d sessions on %s, %dx%d, keys %q at %.1f a second each for %s",
			"%d session on %s, %dx%d, keys %q at %.1f a second for %s",
			"%d sessões em %s, %dx%d, teclas %q a %.1f por segundo cada durante %s",
			"%d sessão em %s, %dx%d, teclas %q a %.1f por segundo durante %s"),
		locale.Str("sessions up: %d of %d; first screen p50 %.0f ms, max %.0f ms; the course on screen p50 %.0f ms, p99 %.0f ms, max %.0f ms",
			"sessões no ar: %d de %d; primeira tela p50 %.0f ms, máx. %.0f ms; o curso na tela p50 %.0f ms, p99 %.0f ms, máx. %.0f ms"),
		locale.Str("not up: %s", "não subiu: %s"),
		locale.Str("key to frame: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d keys, %d with no frame; first byte p50 %.1f ms, p99 %.1f ms)",
			"tecla até o quadro: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, máx. %.1f ms (%d teclas, %d sem quadro; primeiro byte p50 %.1f ms, p99 %.1f ms)"),
		locale.PluralArg(2, "%d of %d sessions had frames without brackets (mode 2026): timed by %s of quiet",
			"%d of %d session had frames without brackets (mode 2026): timed by %s of quiet",
			"%d de %d sessões tiveram quadros sem delimitação (modo 2026): medidos por %s de silêncio",
			"%d de %d sessão teve quadros sem delimitação (modo 2026): medidos por %s de silêncio"),
		locale.Str("no --pid: the server's CPU and memory are not measured", "sem --pid: a CPU e a memória do servidor não são medidas"),
		locale.Str("the server while typing: %.1f%% of a core, %.2f ms a key; the load generator: %.1f%% of a core",
			"o servidor durante a digitação: %.1f%% de um núcleo, %.2f ms por tecla; o gerador de carga: %.1f%% de um núcleo"),
		locale.PluralArg(2, "the server idle for %s with %d sessions: %.1f%% of a core (%.1f%% with none); %d frames, %d bytes sent",
			"the server idle for %s with %d session: %.1f%% of a core (%.1f%% with none); %d frames, %d bytes sent",
			"o servidor parado por %s com %d sessões: %.1f%% de um núcleo (%.1f%% sem nenhuma); %d quadros, %d bytes enviados",
			"o servidor parado por %s com %d sessão: %.1f%% de um núcleo (%.1f%% sem nenhuma); %d quadros, %d bytes enviados"),
		locale.PluralArg(3, "the server's memory: %.1f MB before, %.1f MB with %d sessions: %.2f MB a session",
			"the server's memory: %.1f MB before, %.1f MB with %d session: %.2f MB a session",
			"a memória do servidor: %.1f MB antes, %.1f MB com %d sessões: %.2f MB por sessão",
			"a memória do servidor: %.1f MB antes, %.1f MB com %d sessão: %.2f MB por sessão"),
		locale.Str("met", "cumprida"),
		locale.Str("missed", "não cumprida"),
		locale.Str("targets: key to frame p99 at most 50 ms %s; idle at most 5%% of a core %s",
			"metas: tecla até o quadro p99 de no máximo 50 ms %s; parado no máximo 5%% de um núcleo %s"),
		locale.Str("| sessions | up | key to frame p50 / p99 | server typing | idle CPU | RSS a session |",
			"| sessões | no ar | tecla até o quadro p50 / p99 | servidor digitando | CPU parado | RSS por sessão |"),
		locale.Str("| %d | %d | %.1f / %.1f ms | %.0f%% of a core | %.1f%% | %.2f MB |",
			"| %d | %d | %.1f / %.1f ms | %.0f%% de um núcleo | %.1f%% | %.2f MB |"),
	)
}
