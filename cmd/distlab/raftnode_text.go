package main

import "distlab/demos/locale"

// The words of distlab raft, node and client (raft.go, raftnode.go),
// English beside Brazilian Portuguese (see package locale). The errors of
// the node and the client themselves are the engine's
// (demos/raft/nettext.go).
func init() {
	locale.Add(
		locale.Str("The Raft consensus demo on the command line: a simulated cluster checked for safety, its traces, a node over real TCP and its client",
			"A demonstração de consenso Raft na linha de comando: um cluster simulado com a segurança verificada, os seus rastros, um nó sobre TCP de verdade e o seu cliente"),

		// distlab raft node
		locale.Str("Run one Raft node over TCP; a cluster is one node per laptop or terminal",
			"Roda um nó Raft sobre TCP; um cluster é um nó por notebook ou terminal"),
		locale.Str("Run one node of a Raft cluster (etcd's raft library) over real TCP. Every node of the\n"+
			"cluster gets the same --peers and its own --id; a majority of them up elects a leader.\n"+
			"--peers lists every node as ID=HOST:PORT, separated by commas: the raft address, and the\n"+
			"clients' address on the same host %d ports higher (7001 → 7101), or given after a slash:\n"+
			"ID=HOST:PORT/HOST:PORT. Three laptops of a classroom:\n\n"+
			"\tdistlab raft node --id 1 --peers 1=10.0.0.5:7001,2=10.0.0.6:7001,3=10.0.0.7:7001\n\n"+
			"Three terminals of one machine need only --id 1, 2 or 3. The node keeps its term, vote,\n"+
			"commit index and log in --data, and a node restarted from it comes back with them, as Raft\n"+
			"assumes. The folder records the node's id and the cluster's --peers, and is locked while\n"+
			"the node runs: another cluster's folder, or one a running node holds, is refused. It\n"+
			"listens on the host its own --peers entry names; --listen 0.0.0.0 binds every interface.",
			"Roda um nó de um cluster Raft (a biblioteca raft do etcd) sobre TCP de verdade. Todos os nós\n"+
				"do cluster recebem o mesmo --peers e cada um o seu --id; uma maioria deles no ar elege um líder.\n"+
				"--peers lista cada nó como ID=HOST:PORTA, separados por vírgulas: o endereço do raft, e o\n"+
				"endereço dos clientes no mesmo host, %d portas acima (7001 → 7101), ou dado depois de uma\n"+
				"barra: ID=HOST:PORTA/HOST:PORTA. Três notebooks de uma sala de aula:\n\n"+
				"\tdistlab raft node --id 1 --peers 1=10.0.0.5:7001,2=10.0.0.6:7001,3=10.0.0.7:7001\n\n"+
				"Três terminais de uma máquina só precisam de --id 1, 2 ou 3. O nó guarda o seu mandato, voto,\n"+
				"índice de efetivação e log em --data, e um nó reiniciado a partir dela volta com eles, como o\n"+
				"Raft supõe. A pasta registra o id do nó e o --peers do cluster, e fica travada enquanto o nó\n"+
				"roda: a pasta de outro cluster, ou uma que um nó em execução ocupa, é recusada. Escuta no\n"+
				"host que a sua própria entrada em --peers nomeia; --listen 0.0.0.0 usa todas as interfaces."),
		locale.Str("no folder for the node's state: give --data", "nenhuma pasta para o estado do nó: dê --data"),
		locale.Str("raft node %d of %d: raft on %s, clients on %s, state in %s",
			"nó raft %d de %d: raft em %s, clientes em %s, estado em %s"),
		locale.PluralArg(2, "resuming term %d, %d entries", "resuming term %d, %d entry",
			"retomando o mandato %d, %d entradas", "retomando o mandato %d, %d entrada"),
		locale.Str("a new node: the folder holds no term, vote or log yet",
			"um nó novo: a pasta ainda não tem mandato, voto nem log"),
		locale.Str("write: distlab raft client %s put KEY VALUE", "escrever: distlab raft client %s put CHAVE VALOR"),
		locale.Str("read:  distlab raft client %s get KEY", "ler:      distlab raft client %s get CHAVE"),
		locale.Str("ctrl+c stops this node; its state stays for the next start",
			"ctrl+c encerra este nó; o seu estado fica para o próximo início"),
		locale.Str("this node's `id` among the peers, 1 to %d", "o `id` deste nó entre os pares, de 1 a %d"),
		locale.Str("every node of the cluster, this one too: ID=HOST:PORT[/HOST:PORT],…",
			"todos os nós do cluster, este também: ID=HOST:PORTA[/HOST:PORTA],…"),
		locale.Str("the `folder` of the node's term, vote and log (default: distlab/raft/node-ID in the user's config folder)",
			"a `pasta` do mandato, do voto e do log do nó (padrão: distlab/raft/node-ID na pasta de configuração do usuário)"),
		locale.Str("the `host` to bind instead of the one in --peers (0.0.0.0: every interface)",
			"o `host` onde escutar em vez do que está em --peers (0.0.0.0: todas as interfaces)"),
		locale.Str("one raft tick: a heartbeat each tick, an election after 10 to 20 ticks without one",
			"um tique do raft: um heartbeat a cada tique, uma eleição depois de 10 a 20 tiques sem nenhum"),
		locale.Str("%s applied entry %d: %s=%s", "%s aplicou a entrada %d: %s=%s"),
		locale.Str("%s applied entry %d: get %s", "%s aplicou a entrada %d: get %s"),
		locale.Str("%s term %d: leader", "%s mandato %d: líder"),
		locale.Str("%s term %d: candidate, asking for votes", "%s mandato %d: candidato, pedindo votos"),
		locale.Str("%s term %d: pre-candidate, asking whether it could win",
			"%s mandato %d: pré-candidato, perguntando se poderia vencer"),
		locale.Str("%s term %d: follower of node %d", "%s mandato %d: seguidor do nó %d"),
		locale.Str("%s term %d: follower, no leader known", "%s mandato %d: seguidor, sem líder conhecido"),

		// distlab raft client
		locale.Str("ADDR put KEY VALUE | ADDR get KEY", "ENDEREÇO put CHAVE VALOR | ENDEREÇO get CHAVE"),
		locale.Str("Write or read a key through any node of a Raft cluster",
			"Escreve ou lê uma chave por qualquer nó de um cluster Raft"),
		locale.Str("Send one command to a node's client address: put KEY VALUE writes, get KEY reads. Both go\n"+
			"through the log, so the answer comes once the leader has committed the command and applied\n"+
			"it. A follower names the leader, and the client asks it there; while the cluster has no\n"+
			"leader (an election, a killed leader), it asks again for --wait. nc HOST PORT speaks the\n"+
			"same protocol.",
			"Manda um comando ao endereço de clientes de um nó: put CHAVE VALOR escreve, get CHAVE lê. Os\n"+
				"dois passam pelo log, então a resposta vem quando o líder já efetivou (commit) o comando e o\n"+
				"aplicou. Um seguidor diz quem é o líder, e o cliente pergunta a ele; enquanto o cluster não\n"+
				"tem líder (uma eleição, um líder derrubado), pergunta de novo durante --wait. nc HOST PORTA\n"+
				"fala o mesmo protocolo."),
		locale.Str("want ADDR put KEY VALUE or ADDR get KEY (keys up to %d bytes, values up to %d, printable, no spaces)",
			"use ENDEREÇO put CHAVE VALOR ou ENDEREÇO get CHAVE (chaves de até %d bytes, valores de até %d, imprimíveis, sem espaços)"),
		locale.Str("node %d leads: asking it at %s", "o nó %d é o líder: perguntando a ele em %s"),
		locale.Str("ok: %s=%s, committed and applied", "ok: %s=%s, efetivado (commit) e aplicado"),
		locale.Str("%s has no value", "%s não tem valor"),
		locale.Str("redirected too many times (last to node %d at %s)",
			"redirecionado vezes demais (a última para o nó %d em %s)"),
		locale.Str("how long to wait for the answer, asking again while the cluster has no leader",
			"quanto esperar pela resposta, perguntando de novo enquanto o cluster não tem líder"),
		locale.Str("no leader: the cluster is electing one, or fewer than a majority of its nodes are up",
			"sem líder: o cluster está elegendo um, ou menos que a maioria dos seus nós está no ar"),
		locale.Str("no answer in time: the command may have been applied or not",
			"sem resposta a tempo: o comando pode ter sido aplicado ou não"),
		locale.Str("the leader lost its place before the command committed: try again",
			"o líder perdeu o posto antes de o comando ser efetivado: tente de novo"),
		locale.Str("the node refused the command: want put KEY VALUE or get KEY",
			"o nó recusou o comando: use put CHAVE VALOR ou get CHAVE"),
		locale.Str("the node refused the line: longer than %d bytes", "o nó recusou a linha: mais de %d bytes"),
		locale.Str("the node has too many clients: try another node", "o nó tem clientes demais: tente outro nó"),
		locale.Str("the node is shutting down: try another node", "o nó está desligando: tente outro nó"),
		locale.Str("the node answered: %s", "o nó respondeu: %s"),
	)
}
