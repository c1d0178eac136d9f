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

		// The screen.
		locale.PluralArg(2, "%s · %d cores", "%s · %d core", "%s · %d núcleos", "%s · %d núcleo"),
		locale.PluralArg(2, "%s · %d nodes", "%s · %d node", "%s · %d nós", "%s · %d nó"),
		locale.Str("running", "rodando"),
		locale.Str("degraded", "degradado"),
		locale.Str("DOWN", "FORA"),
		locale.Str("repair in %s", "conserto em %s"),
		locale.Str("%.0f req/s", "%.0f req/s"),
		locale.Str("latency p50 %s · p99 %s", "latência p50 %s · p99 %s"),
		locale.Str("queue %d/%d · rejected %.0f/s", "fila %d/%d · rejeitadas %.0f/s"),
		locale.Str("cost %s%.2f/h", "custo %s%.2f/h"),
		locale.Str("availability %.4f%%", "disponibilidade %.4f%%"),
		locale.Str("the largest machine: scale out to grow", "a maior máquina: escale na horizontal para crescer"),
		locale.Str("offered load %.0f req/s on each side · simulated %s · balancer %s", "carga oferecida %.0f req/s em cada lado · simulado %s · balanceador %s"),
		locale.Str("paused", "pausado"),
		locale.Str("cost is an assumption: a k-core machine costs %s%.3g·k^%.2g an hour; scale out is one-core machines and a %s%.3g/h load balancer",
			"o custo é uma suposição: uma máquina de k núcleos custa %s%.3g·k^%.2g por hora; na horizontal, máquinas de um núcleo e um balanceador de %s%.3g/h"),
		locale.Str("measuring real workers on this machine…", "medindo workers reais nesta máquina…"),
		locale.Str("real measurement failed: %s", "a medição real falhou: %s"),
		locale.Str("real, measured: %s, N = %d: %.0f req/s (model %.0f) · p50 %s · p99 %s",
			"real, medido: %s, N = %d: %.0f req/s (modelo %.0f) · p50 %s · p99 %s"),
		locale.Str(" · N* = %d", " · N* = %d"),
		locale.Str("X(N) by the model — %s: γ = %.5g, α = %.4g, β = %.3g", "X(N) pelo modelo — %s: γ = %.5g, α = %.4g, β = %.3g"),
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
