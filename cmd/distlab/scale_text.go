package main

import "distlab/demos/locale"

// The scale commands' words (scale.go, scalebench.go), English beside
// Brazilian Portuguese (see package locale); the tables and reports they
// print are the engine's (demos/scale/text.go).
func init() {
	locale.Add(
		locale.Str("The scale-up vs scale-out demo on the command line: the USL model, real workers, a load test",
			"A demonstração de escala vertical vs horizontal na linha de comando: o modelo USL, workers reais, um teste de carga"),

		// scale model
		locale.Str("Print the Universal Scalability Law's throughput for a range of N, its peak and ceiling, and availability",
			"Mostra a vazão da Lei Universal de Escalabilidade (USL) para uma faixa de N, seu pico e seu teto, e a disponibilidade"),
		locale.Str("Print X(N) = γN / (1 + α(N−1) + βN(N−1)) for a range of N (cores or nodes), with the\n"+
			"speedup, the efficiency, the peak N* = sqrt((1−α)/β) and the ceiling γ/α; then what one\n"+
			"machine's availability becomes with n replicas behind a load balancer.\n\n"+
			"Start from a preset (%s) and change any of γ, α, β.\n"+
			"Costs and availabilities are assumptions, set by flags, not facts.",
			"Mostra X(N) = γN / (1 + α(N−1) + βN(N−1)) para uma faixa de N (núcleos ou nós), com a\n"+
				"aceleração, a eficiência, o pico N* = sqrt((1−α)/β) e o teto γ/α; depois, no que se torna a\n"+
				"disponibilidade de uma máquina com n réplicas atrás de um balanceador de carga.\n\n"+
				"Parta de um modelo (%s) e mude qualquer um de γ, α, β.\n"+
				"Custos e disponibilidades são suposições, definidas por opções, não fatos."),
		locale.Str("--preset %q: want one of %s", "--preset %q: use um de %s"),
		locale.Str("--n: %v", "--n: %v"),
		locale.Str("--replicas: %v", "--replicas: %v"),
		locale.Str("--%s %g: want an availability in (0, 1]", "--%s %g: use uma disponibilidade em (0, 1]"),
		locale.Str("--%s %s: want 0 or more", "--%s %s: use 0 ou mais"),
		locale.Str("model to start from: %s", "modelo de partida: %s"),
		locale.Str("γ: throughput of one unit, req/s (default: the preset's)", "γ: vazão de uma unidade, req/s (padrão: a do modelo)"),
		locale.Str("α: contention, 0..1 (default: the preset's)", "α: contenção, 0..1 (padrão: a do modelo)"),
		locale.Str("β: crosstalk, ≥ 0; 0 is Amdahl's law (default: the preset's)", "β: coerência, ≥ 0; 0 é a lei de Amdahl (padrão: a do modelo)"),
		locale.Str("the N to print: numbers and ranges, e.g. 1..64 or 1,10,100 (the peak is added)",
			"os N a mostrar: números e faixas, como 1..64 ou 1,10,100 (o pico é acrescentado)"),
		locale.Str("assumed availability of one machine", "disponibilidade suposta de uma máquina"),
		locale.Str("assumed availability of the load balancer", "disponibilidade suposta do balanceador de carga"),
		locale.Str("replica counts for the availability figures", "números de réplicas para os valores de disponibilidade"),
		locale.Str("assumed price of a one-core machine, per hour", "preço suposto de uma máquina de um núcleo, por hora"),
		locale.Str("a k-core machine costs cost-core·k^cost-exp (>1: big machines cost more per core)",
			"uma máquina de k núcleos custa cost-core·k^cost-exp (>1: máquinas grandes custam mais por núcleo)"),
		locale.Str("assumed price of the load balancer, per hour", "preço suposto do balanceador de carga, por hora"),

		// scale worker
		locale.Str("Run a worker that burns CPU per request over TCP, for scale bench",
			"Roda um worker que gasta CPU a cada requisição via TCP, para o scale bench"),
		locale.Str("Run a worker: for each line holding a number it computes a repeated SHA-256 (--rounds of it)\n"+
			"and answers with the hex digest, one line. Try it with: nc 127.0.0.1 7000, then type 42.\n\n"+
			"It listens on 127.0.0.1 unless --listen names another host; --listen 0.0.0.0:7000 lets other\n"+
			"machines use it: a classroom's laptops become a cluster for `distlab scale bench --workers`.\n"+
			"GOMAXPROCS=N in its environment limits it to N cores. Under load it prints every %s the\n"+
			"requests a second it served; idle, it says nothing.",
			"Roda um worker: para cada linha com um número, ele calcula um SHA-256 repetido (--rounds vezes)\n"+
				"e responde com o resumo em hexadecimal, numa linha. Experimente com: nc 127.0.0.1 7000 e digite 42.\n\n"+
				"Ele escuta em 127.0.0.1, a menos que --listen indique outro host; --listen 0.0.0.0:7000 deixa\n"+
				"outras máquinas usá-lo: os notebooks de uma turma viram um cluster para `distlab scale bench --workers`.\n"+
				"GOMAXPROCS=N no ambiente o limita a N núcleos. Sob carga, ele mostra a cada %s as\n"+
				"requisições por segundo que atendeu; ocioso, não diz nada."),
		locale.Str("--listen %q: want HOST:PORT: %v", "--listen %q: use HOST:PORTA: %v"),
		locale.Str("--listen %q: want a port from 1 to 65535 (0: any free port)", "--listen %q: use uma porta de 1 a 65535 (0: qualquer porta livre)"),
		locale.Str("join a bench from another machine with: --workers %s", "entre numa medição de outra máquina com: --workers %s"),
		locale.Plural("worker stopped after %d requests", "worker stopped after %d request",
			"worker parado depois de %d requisições", "worker parado depois de %d requisição"),
		locale.Str("HOST:PORT to listen on (port 0: any free port; 0.0.0.0: every interface)",
			"HOST:PORTA onde escutar (porta 0: qualquer porta livre; 0.0.0.0: todas as interfaces)"),
		locale.Str("SHA-256 rounds a request (1..%d); a bench's --rounds must match",
			"rodadas de SHA-256 por requisição (1..%d); o --rounds da medição deve ser igual"),
		locale.Str("--max-conns %d: want 1..%d connections", "--max-conns %d: use 1..%d conexões"),
		locale.Str("connections served at once (1..%d); one more is answered %q and closed",
			"conexões atendidas ao mesmo tempo (1..%d); uma a mais recebe %q e é fechada"),

		// scale bench
		locale.Str("Measure scale up (one worker, N cores) or scale out (N one-core workers), beside the model",
			"Mede a escala vertical (um worker, N núcleos) ou horizontal (N workers de um núcleo), ao lado do modelo"),
		locale.Str("Start local workers and load-test them, then print throughput in req/s and latency\n"+
			"percentiles beside the Universal Scalability Law's prediction.\n\n"+
			"  --up N    one worker process with GOMAXPROCS=N: a bigger machine\n"+
			"  --out N   N worker processes with GOMAXPROCS=1, round robin from the bench: more machines\n\n"+
			"--workers adds running workers (distlab scale worker --listen 0.0.0.0:7000 on other\n"+
			"machines) to the pool; --out 0 uses only them. Without --rate the bench runs a closed loop,\n"+
			"as fast as the workers answer; with it, Poisson arrivals at R req/s.\n\n"+
			"The model's γ is one core's rate measured in this process; α and β come from --preset.\n"+
			"Each remote worker counts as one core in the model.",
			"Inicia workers locais e faz um teste de carga neles; depois mostra a vazão em req/s e os\n"+
				"percentis de latência ao lado da previsão da Lei Universal de Escalabilidade (USL).\n\n"+
				"  --up N    um processo worker com GOMAXPROCS=N: uma máquina maior\n"+
				"  --out N   N processos worker com GOMAXPROCS=1, em rodízio a partir da medição: mais máquinas\n\n"+
				"--workers acrescenta workers já rodando (distlab scale worker --listen 0.0.0.0:7000 em outras\n"+
				"máquinas); --out 0 usa só eles. Sem --rate, a medição roda em malha fechada, tão rápido\n"+
				"quanto os workers respondem; com ela, chegadas de Poisson a R req/s.\n\n"+
				"O γ do modelo é a taxa de um núcleo medida neste processo; α e β vêm de --preset.\n"+
				"Cada worker remoto conta como um núcleo no modelo."),
		locale.Str("--up %s: want 1..%d cores", "--up %s: use 1..%d núcleos"),
		locale.Str("--out %s: want 0..%d workers", "--out %s: use 0..%d workers"),
		locale.Str("--out %s and %d --workers: want at most %d workers in all", "--out %s e %d --workers: use no máximo %d workers ao todo"),
		locale.Str("--workers %q: want HOST:PORT: %v", "--workers %q: use HOST:PORTA: %v"),
		locale.Str("--workers %q: want a port from 1 to 65535", "--workers %q: use uma porta de 1 a 65535"),
		locale.Str("--out 0 needs --workers: there is nothing to measure", "--out 0 precisa de --workers: não há o que medir"),
		locale.Str("--duration %s: want a duration above 0s, such as 5s", "--duration %s: use uma duração acima de 0s, como 5s"),
		locale.Str("--rate %s: want 0 (closed loop) to %d req/s", "--rate %s: use de 0 (malha fechada) a %d req/s"),
		locale.Str("--timeout %s: want 0s (the bench picks it) or more", "--timeout %s: use 0s (a medição escolhe) ou mais"),
		locale.Str("--rounds %d: want 1..%d", "--rounds %d: use 1..%d"),
		locale.Str("finding this program to start workers: %v", "procurando este programa para iniciar os workers: %v"),
		locale.Str("requests failed", "requisições falharam"),
		locale.Str("scale up: one local worker with GOMAXPROCS=N (1..%d)", "vertical: um worker local com GOMAXPROCS=N (1..%d)"),
		locale.Str("scale out: N local workers with GOMAXPROCS=1 (0..256; 0: only --workers)", "horizontal: N workers locais com GOMAXPROCS=1 (0..256; 0: só --workers)"),
		locale.Str("running workers to add to the pool, HOST:PORT comma-separated", "workers já rodando a acrescentar, HOST:PORTA separados por vírgula"),
		locale.Str("how long to measure", "por quanto tempo medir"),
		locale.Str("a request unanswered this long fails, and its worker is skipped for 1s: a hung worker is caught only this way (default: ten times what an answer should wait, at least 1s; longer for heavy --rounds or more local cores than CPUs)",
			"uma requisição sem resposta por esse tempo falha, e seu worker fica de fora por 1s: só assim se pega um worker travado (padrão: dez vezes o que uma resposta deveria esperar, no mínimo 1s; mais com --rounds pesado ou mais núcleos locais que CPUs)"),
		locale.Str("offered load in req/s, Poisson arrivals, up to %d (0: closed loop, as fast as the workers go)",
			"carga oferecida em req/s, chegadas de Poisson, até %d (0: malha fechada, tão rápido quanto os workers)"),
		locale.Str("SHA-256 rounds a request (1..%d): the work, for local workers and to check remote ones",
			"rodadas de SHA-256 por requisição (1..%d): o trabalho dos workers locais, e para conferir os remotos"),
		locale.Str("model for the prediction (α, β): %s", "modelo da previsão (α, β): %s"),
	)
}
