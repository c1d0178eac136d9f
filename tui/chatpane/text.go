package chatpane

import (
	"distlab/demos/locale"
	"distlab/tui/demo"
)

// The pane's words, English beside Brazilian Portuguese (see package
// locale). Call sites print them with Com.T("English text", args...). What
// the nodes, clients and bots say, and the engine's errors (which the root
// shows in the status line), are the engine's (demos/chat/text.go).
func init() {
	locale.Add(
		locale.Str("chat cluster", "cluster de chat"),
		locale.Str("chat", "chat"),
		locale.Str("Three real TCP nodes, bots and you: crash a node and watch failover.", "Três nós TCP reais, robôs e você: derrube um nó e veja o failover."),

		// Keys.
		locale.Str("select node", "escolher nó"),
		locale.Str("crash node", "derrubar nó"),
		locale.Str("restart node", "religar nó"),
		locale.Str("freeze/thaw node", "congelar/descongelar nó"),
		locale.Str("add bot", "mais um robô"),
		locale.Str("remove bot", "menos um robô"),
		locale.Str("bots slower", "robôs mais lentos"),
		locale.Str("bots faster", "robôs mais rápidos"),
		locale.Str("slow links", "enlaces lentos"),
		locale.Str("very slow links", "enlaces muito lentos"),
		locale.Str("pause", "pausar"),
		locale.Str("reset demo", "reiniciar a demonstração"),
		locale.Str("type", "digitar"),
		locale.Str("send line", "enviar"),
		locale.Str("stop typing", "parar de digitar"),

		// The screen.
		locale.Str("starting the cluster…", "iniciando o cluster…"),
		locale.Str("● up", "● no ar"),
		locale.Str("✗ DOWN", "✗ FORA"),
		locale.Str("◌ FROZEN", "◌ CONGELADO"),
		locale.Plural("%d clients", "%d client", "%d clientes", "%d cliente"),
		locale.Str("%.1f msg/s from its clients", "%.1f msg/s dos seus clientes"), // what the node's own clients send
		locale.Plural("%d goroutines", "%d goroutine", "%d goroutines", "%d goroutine"),
		locale.Plural("%d relayed", "%d relayed", "%d repassadas", "%d repassada"),
		locale.Str("%dc %dg %.1f/s", "%dc %dg %.1f/s"),
		locale.Str("%dc %.1f/s", "%dc %.1f/s"),
		locale.Str("%.1f/s", "%.1f/s"),
		locale.Str("c clients · g goroutines · /s msg/s from its clients", "c clientes · g goroutines · /s msg/s dos seus clientes"),
		locale.Str("c clients · /s msg/s from its clients", "c clientes · /s msg/s dos seus clientes"),
		locale.Str("/s msg/s from its clients", "/s msg/s dos seus clientes"),
		locale.Plural("%d bots × %.1f msg/s", "%d bot × %.1f msg/s", "%d robôs × %.1f msg/s", "%d robô × %.1f msg/s"),
		locale.Str("slow links ON (150–450 ms)", "enlaces lentos LIGADOS (150–450 ms)"),
		locale.Str("slow links ON", "enlaces lentos LIGADOS"),
		locale.Str("slow links off", "enlaces lentos desligados"),
		locale.Str("very slow links (0.3–3.3 s > 1 s timeout)", "enlaces muito lentos (0,3–3,3 s > limite de 1 s)"),
		locale.Str("suspects %s", "suspeita de %s"),
		locale.Str("paused", "pausado"),
		locale.Str("join from another terminal: nc %s", "entre de outro terminal: nc %s"),
		locale.Str("z: zoom to see the clients' screens", "z: amplie para ver as telas dos clientes"),
		locale.Str("i/enter: type", "i/enter: digitar"),
		locale.Str("say: ", "diga: "),
		locale.Str("you", "você"), // the column of what you see; the nick is the engine's

		// In a served class (class.go).
		locale.Str("joining the class's cluster…", "entrando no cluster da turma…"),
		locale.Str("the class's cluster", "o cluster da turma"),
		locale.Str("the class's cluster (the instructor controls its nodes)", "o cluster da turma (o professor controla os nós)"),
		locale.Str("class", "turma"),
	)
}

// names are the demo's names for the registry, in p's language.
func names(p *locale.Printer) demo.Names {
	return demo.Names{
		Title:   p.T("chat cluster"),
		Short:   p.T("chat"),
		Summary: p.T("Three real TCP nodes, bots and you: crash a node and watch failover."),
	}
}
