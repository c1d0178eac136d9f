package scale

import (
	"time"

	"distlab/demos/locale"
)

// The engine's words, English beside Brazilian Portuguese (see package
// locale): the names of the sides, policies and presets, the CLI's tables
// and reports, and the errors a person reads. The terms are the course's
// (lessons/pt-BR): vazão, núcleo, nó, balanceador, contenção, coerência,
// pico, teto, réplica, rodadas de SHA-256.
func init() {
	locale.Add(
		// Names.
		locale.Str("scale up", "vertical (scale up)"),
		locale.Str("scale out", "horizontal (scale out)"),
		locale.Str("unknown side", "lado desconhecido"),
		locale.Str("round robin", "rodízio"),
		locale.Str("least loaded", "menos carregado"),
		locale.Str("unknown policy", "política desconhecida"),
		locale.Str("ideal", "ideal"),
		locale.Str("contention only", "só contenção"),
		locale.Str("published fit", "ajuste publicado"),
		locale.Str("custom", "personalizado"),
		locale.Str("%s: γ = %.6g, α = %.6g, β = %.6g", "%s: γ = %.6g, α = %.6g, β = %.6g"),

		// Errors.
		locale.Str("scale: invalid model", "scale: modelo inválido"),
		locale.Str("%v: γ = %g, want a positive throughput", "%v: γ = %g, deveria ser uma vazão positiva"),
		locale.Str("%v: α = %g, want 0 ≤ α ≤ 1", "%v: α = %g, deveria ser 0 ≤ α ≤ 1"),
		locale.Str("%v: β = %g, want β ≥ 0", "%v: β = %g, deveria ser β ≥ 0"),
		locale.Str("scale: invalid config", "scale: configuração inválida"),
		locale.Str("%v: load %g req/s, want 0..%d", "%v: carga de %g req/s, deveria ser 0..%d"),
		locale.PluralArg(2, "%v: %d cores of at most %d", "%v: %d core of at most %d", "%v: %d núcleos de no máximo %d", "%v: %d núcleo de no máximo %d"),
		locale.PluralArg(2, "%v: %d nodes of at most %d", "%v: %d node of at most %d", "%v: %d nós de no máximo %d", "%v: %d nó de no máximo %d"),
		locale.Str("%v: queue of %d per core", "%v: fila de %d por núcleo"),
		locale.Str("%v: negative duration", "%v: duração negativa"),
		locale.Str("%v: window %s shorter than a bucket %s", "%v: janela de %s menor que um intervalo de %s"),
		locale.PluralArg(2, "%v: history of %d points", "%v: history of %d point", "%v: histórico de %d pontos", "%v: histórico de %d ponto"),
		locale.Str("%v: speed %g", "%v: velocidade %g"),
		locale.Str("%v: availabilities %g and %g, want 0 < a ≤ 1", "%v: disponibilidades %g e %g, deveriam ser 0 < a ≤ 1"),
		locale.Str("%v: policy %d", "%v: política %d"),
		locale.Str("%v: service distribution %d", "%v: distribuição de serviço %d"),
		locale.Str("scale-up model: %v", "modelo vertical: %v"),
		locale.Str("scale-out model: %v", "modelo horizontal: %v"),
		locale.Str("scale: no side %d", "scale: não há lado %d"),
		locale.Str("scale: no preset %q", "scale: não há modelo %q"),
		locale.Str("range of N %q: want numbers ≥ 1 and ranges like 1..64", "faixa de N %q: use números ≥ 1 e faixas como 1..64"),
		locale.Str("range of N %q: more than %d rows", "faixa de N %q: mais de %d linhas"),
		locale.Str("scale: no workers to benchmark", "scale: não há workers para medir"),
		locale.Str("scale: rate %g req/s", "scale: taxa de %g req/s"),
		locale.Str("%s: answered %q, not a SHA-256 digest", "%s: respondeu %q, que não é um resumo SHA-256"),
		locale.Str("%s: wrong digest: is it running %s rounds a request?", "%s: resumo errado: ele está rodando %s rodadas por requisição?"),
		locale.Str("scale: %d rounds, want 1..%d", "scale: %d rodadas, deveriam ser 1..%d"),
		locale.Str("scale worker: %v", "worker de scale: %v"),
		locale.Str("scale: GOMAXPROCS=%s", "scale: GOMAXPROCS=%s"),
		locale.Str("starting a worker: %v", "iniciando um worker: %v"),
		locale.Str("worker %s said nothing in %s: %s", "o worker %s não disse nada em %s: %s"),
		locale.Str("worker %s did not say where it listens: %q %s", "o worker %s não disse onde escuta: %q %s"),
		locale.Str("scale: bench mode %d", "scale: modo de medição %d"),
		locale.Str("scale: no binary to start local workers with", "scale: não há executável para iniciar os workers locais"),
		locale.Str("worker %s: %v", "worker %s: %v"),

		// The model table.
		locale.Str("the Universal Scalability Law", "a Lei Universal de Escalabilidade (USL)"),
		locale.Str("Amdahl's law (β = 0)", "a lei de Amdahl (β = 0)"),
		locale.Str("X(N) req/s", "X(N) req/s"),
		locale.Str("speedup", "aceleração"),
		locale.Str("efficiency", "eficiência"),
		locale.Str("if β = 0", "se β = 0"),
		locale.Str("scale-up cost/h", "custo/h vertical"),
		locale.Str("scale-out cost/h", "custo/h horizontal"),
		locale.Str("← peak", "← pico"),
		locale.Str("peak:    N* = sqrt((1−α)/β) = %.1f; X(%d) = %.0f req/s is the most any N gets,\n"+
			"         and adding units beyond it lowers throughput (X(%d) = %.0f)\n",
			"pico:    N* = sqrt((1−α)/β) = %.1f; X(%d) = %.0f req/s é o máximo que algum N alcança,\n"+
				"         e acrescentar unidades além dele reduz a vazão (X(%d) = %.0f)\n"),
		locale.Str("peak:    none (β = 0): throughput only ever rises, ever more slowly\n",
			"pico:    nenhum (β = 0): a vazão só sobe, cada vez mais devagar\n"),
		locale.Str("ceiling: γ/α = %.0f req/s (%.0f× one unit), which no N reaches\n",
			"teto:    γ/α = %.0f req/s (%.0f× uma unidade), que nenhum N alcança\n"),
		locale.Str("ceiling: none (α = 0)\n", "teto:    nenhum (α = 0)\n"),
		locale.Str("cost:    %s\n", "custo:   %s\n"),
		locale.Str("assumption: a k-core machine costs %s%.3g·k^%.2g an hour; scale out is one-core machines and a %s%.3g/h load balancer",
			"suposição: uma máquina de k núcleos custa %s%.3g·k^%.2g por hora; na horizontal, máquinas de um núcleo e um balanceador de %s%.3g/h"),
		locale.Str("\navailability (assumed: a machine is up %s of the time, the load balancer %s,\nfailures independent)\n",
			"\ndisponibilidade (suposta: uma máquina fica no ar %s do tempo, o balanceador %s,\nfalhas independentes)\n"),
		locale.Str("  one machine\t%s\t%.1f nines\t%s down a year\n", "  uma máquina\t%s\t%.1f noves\t%s fora por ano\n"),
		locale.Plural("  %d behind a balancer\t%s\t%.1f nines\t%s down a year\n", "  %d behind a balancer\t%s\t%.1f nines\t%s down a year\n",
			"  %d atrás de um balanceador\t%s\t%.1f noves\t%s fora por ano\n", "  %d atrás de um balanceador\t%s\t%.1f noves\t%s fora por ano\n"),
		locale.Str("  (n replicas: 1−(1−a)^n, times the balancer's %s in series: never above it)\n",
			"  (n réplicas: 1−(1−a)^n, vezes os %s do balanceador em série: nunca acima disso)\n"),
		locale.Str("%dd %dh", "%dd %dh"),
		locale.Str("%dh %dm", "%dh %dmin"),
		locale.Str("%dm %ds", "%dmin %ds"),

		// The bench.
		locale.Str("measuring one core: %d SHA-256 rounds a request…", "medindo um núcleo: %d rodadas de SHA-256 por requisição…"),
		locale.Str("starting 1 worker with GOMAXPROCS=%s…", "iniciando 1 worker com GOMAXPROCS=%s…"),
		locale.Plural("starting %d workers with GOMAXPROCS=1…", "starting %d worker with GOMAXPROCS=1…",
			"iniciando %d workers com GOMAXPROCS=1…", "iniciando %d worker com GOMAXPROCS=1…"),
		locale.Plural("load testing %d workers for %s…", "load testing %d worker for %s…",
			"teste de carga em %d workers por %s…", "teste de carga em %d worker por %s…"),
		locale.Plural("%d remote workers, round robin from this process", "%d remote worker, round robin from this process",
			"%d workers remotos, em rodízio a partir deste processo", "%d worker remoto, a partir deste processo"),
		locale.Str("%s: 1 local worker with GOMAXPROCS=%s", "%s: 1 worker local com GOMAXPROCS=%s"),
		locale.PluralArg(2, "%s: %d local workers with GOMAXPROCS=1, round robin from this process", "%s: %d local worker with GOMAXPROCS=1, round robin from this process",
			"%s: %d workers locais com GOMAXPROCS=1, em rodízio a partir deste processo", "%s: %d worker local com GOMAXPROCS=1, a partir deste processo"),
		locale.Plural(", and %d remote", ", and %d remote", ", e %d remotos", ", e %d remoto"),
		locale.Str("closed loop", "malha fechada"),
		locale.Str("%.0f req/s offered (Poisson)", "%.0f req/s oferecidas (Poisson)"),
		locale.PluralArg(3, "load: %s for %s, %d SHA-256 rounds a request\n\n", "load: %s for %s, %d SHA-256 round a request\n\n",
			"carga: %s por %s, %d rodadas de SHA-256 por requisição\n\n", "carga: %s por %s, %d rodada de SHA-256 por requisição\n\n"),
		locale.Str("measured  %6.0f req/s   latency p50 %s  p90 %s  p99 %s  max %s\n",
			"medido    %6.0f req/s   latência p50 %s  p90 %s  p99 %s  máx. %s\n"),
		locale.Plural("          %d answered", "          %d answered", "          %d respondidas", "          %d respondida"),
		locale.Plural(", %d errors (first: %s)", ", %d error (first: %s)", ", %d erros (o primeiro: %s)", ", %d erro (%s)"),
		locale.Plural(", %d dropped (backlog full)", ", %d dropped (backlog full)", ", %d descartadas (fila cheia)", ", %d descartada (fila cheia)"),
		locale.Str("given", "dado"),
		locale.Str("one core, measured in this process", "um núcleo, medido neste processo"),
		locale.Str("model     %6.0f req/s   X(%d) with γ = %.0f req/s (%s), α = %.6g, β = %.6g (%s)\n",
			"modelo    %6.0f req/s   X(%d) com γ = %.0f req/s (%s), α = %.6g, β = %.6g (%s)\n"),
		locale.Str("ideal     %6.0f req/s   γ·%d\n", "ideal     %6.0f req/s   γ·%d\n"),
		locale.Str("the offered %.0f req/s is below the model's capacity: throughput should match it\n",
			"as %.0f req/s oferecidas estão abaixo da capacidade do modelo: a vazão deve acompanhá-las\n"),
		locale.Str("measured / model = %.2f\n", "medido / modelo = %.2f\n"),
		locale.Str("per worker:", "por worker:"),
		locale.Str("  %-21s %6.0f req/s", "  %-21s %6.0f req/s"),
		locale.Plural("  %d errors", "  %d error", "  %d erros", "  %d erro"),
		locale.Str("note: the local workers' %d cores and the bench itself share %d CPUs here,\n"+
			"so the measurement flattens below the model: add machines with --workers.\n",
			"nota: os %d núcleos dos workers locais e a própria medição dividem %d CPUs aqui,\n"+
				"então a medição se achata abaixo do modelo: acrescente máquinas com --workers.\n"),
		locale.PluralArg(3, "served %.0f req/s over the last %s, %d requests in all", "served %.0f req/s over the last %s, %d request in all",
			"atendeu %.0f req/s nos últimos %s, %d requisições no total", "atendeu %.0f req/s nos últimos %s, %d requisição no total"),
		locale.PluralArg(3, "served %.1f req/s over the last %s, %d requests in all", "served %.1f req/s over the last %s, %d request in all",
			"atendeu %.1f req/s nos últimos %s, %d requisições no total", "atendeu %.1f req/s nos últimos %s, %d requisição no total"),
		locale.Str("listening on %s (GOMAXPROCS=%s, %d SHA-256 rounds a request)",
			"escutando em %s (GOMAXPROCS=%s, %d rodadas de SHA-256 por requisição)"),
	)
}

// dur is a duration in an error's arguments: the printer writes it with
// the reader's decimal mark ("1,5s"), plain fmt as Go does.
type dur time.Duration

func (d dur) String() string                    { return time.Duration(d).String() }
func (d dur) Localize(p *locale.Printer) string { return p.Duration(time.Duration(d)) }
