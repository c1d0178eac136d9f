package scalepane

import (
	"distlab/demos/locale"
	"distlab/tui/demo"
)

// The pane's words, English beside Brazilian Portuguese (see package
// locale). Call sites print them with com.T("English text", args...). The
// names of the sides, the balancer's policies and the model presets are
// the engine's (demos/scale/text.go): one term per concept.
func init() {
	locale.Add(
		locale.Str("scale up vs scale out", "escalar vertical vs horizontal"),
		locale.Str("scale", "escala"),
		locale.Str("One big machine or many small ones, under the same load: throughput, latency, cost, failures.", "Uma máquina grande ou várias pequenas, sob a mesma carga: vazão, latência, custo, falhas."),

		// Keys.
		locale.Str("more load", "mais carga"),
		locale.Str("less load", "menos carga"),
		locale.Str("side", "lado"),
		locale.Str("bigger", "maior"),
		locale.Str("smaller", "menor"),
		locale.Str("crash", "derrubar"),
		locale.Str("repair", "consertar"),
		locale.Str("model preset", "modelo"),
		locale.Str("balancer", "balanceador"),
		locale.Str("pause", "pausar"),
		locale.Str("real workers", "workers reais"),
		locale.Str("No real workers in a served class: they would load the server everyone shares.",
			"Sem workers reais numa turma servida: pesariam no servidor que todos usam."),
		locale.Str("reset demo", "reiniciar a demonstração"),

		// The screen.
		locale.Plural("%d cores", "%d core", "%d núcleos", "%d núcleo"),
		locale.Plural("%d nodes", "%d node", "%d nós", "%d nó"),
		locale.Str("%d cores a bar", "%d núcleos por barra"),
		locale.Str("%d nodes a bar", "%d nós por barra"),
		locale.Str("running", "rodando"),
		locale.Str("degraded", "degradado"),
		locale.Str("DOWN", "FORA"),
		locale.Str("repair in %s", "conserto em %s"),
		locale.Str("%.0f req/s", "%.0f req/s"),
		locale.Str("latency p50 %s", "latência p50 %s"),
		locale.Str("p50 %s", "p50 %s"),
		locale.Str("p99 %s", "p99 %s"),
		locale.Str("queue %d/%d", "fila %d/%d"),
		locale.Str("rejected %.0f/s", "rejeitadas %.0f/s"),
		locale.Str("cost %s%.2f/h", "custo %s%.2f/h"),
		locale.Str("availability %.4f%%", "disponibilidade %.4f%%"),
		locale.Str("the largest machine: scale out to grow", "a maior máquina: escale na horizontal para crescer"),
		locale.Str("offered load %.0f req/s on each side", "carga oferecida %.0f req/s em cada lado"),
		locale.Str("simulated %s", "simulado %s"),
		locale.Str("balancer %s", "balanceador %s"),
		locale.Str("paused", "pausado"),
		locale.Str("cost is an assumption: a k-core machine costs %s%.3g·k^%.2g an hour; scale out is one-core machines and a %s%.3g/h load balancer",
			"o custo é uma suposição: uma máquina de k núcleos custa %s%.3g·k^%.2g por hora; na horizontal, máquinas de um núcleo e um balanceador de %s%.3g/h"),
		locale.Str("measuring real workers on this machine…", "medindo workers reais nesta máquina…"),
		locale.Str("real measurement failed: %s", "a medição real falhou: %s"),
		locale.Str("real, measured: %s, N = %d: %.0f req/s (model %.0f)", "real, medido: %s, N = %d: %.0f req/s (modelo %.0f)"),
		locale.Str("1 worker process with GOMAXPROCS=%s, for %s", "1 processo worker com GOMAXPROCS=%s, por %s"),
		locale.Plural("%d one-core worker processes behind round robin, for %s", "%d one-core worker process, for %s",
			"%d processos worker de um núcleo em rodízio, por %s", "%d processo worker de um núcleo, por %s"),
		locale.PluralArg(3, "N is %d, not the side's %d: this machine has %d CPUs, and more than %d would only queue for them",
			"N is %d, not the side's %d: this machine has %d CPU, and more than %d would only queue for it",
			"N é %d, não os %d do lado: esta máquina tem %d CPUs, e mais que %d só fariam fila por elas",
			"N é %d, não os %d do lado: esta máquina tem %d CPU, e mais que %d só fariam fila por ela"),

		// The model's curve.
		locale.Str("X(N) by the model — %s:", "X(N) pelo modelo — %s:"),
		locale.Str("γ = %.5g, α = %.4g, β = %.3g", "γ = %.5g, α = %.4g, β = %.3g"),
		locale.Str("N* = %d", "N* = %d"),
		locale.Str("req/s", "req/s"),
		locale.Str("cores", "núcleos"),
		locale.Str("nodes", "nós"),
	)
}

// names are the demo's names for the registry, in p's language.
func names(p *locale.Printer) demo.Names {
	return demo.Names{
		Title:   p.T("scale up vs scale out"),
		Short:   p.T("scale"),
		Summary: p.T("One big machine or many small ones, under the same load: throughput, latency, cost, failures."),
	}
}
