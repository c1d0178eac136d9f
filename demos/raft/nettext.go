package raft

import "distlab/demos/locale"

// What a TCPNode and TCPClient say to people, English beside Brazilian
// Portuguese (see package locale): the errors they return. The client
// protocol's answers never change with the language and are not here.
func init() {
	locale.Add(
		locale.Str("data folder %s: %v", "pasta de dados %s: %v"),
		locale.Str("%s belongs to node %d, not to node %d: give each node its own --data folder",
			"%s pertence ao nó %d, não ao nó %d: dê a cada nó a sua própria pasta --data"),
		locale.Str("%s is not a raft node's log", "%s não é o log de um nó raft"),
		locale.Str("data folder: %v", "pasta de dados: %v"),
		locale.Str("data folder %s: cannot lock it: %v", "pasta de dados %s: não foi possível travá-la: %v"),
		locale.Str("data folder %s is in use by another node (process %s): give each node its own --data folder",
			"a pasta de dados %s está em uso por outro nó (processo %s): dê a cada nó a sua própria pasta --data"),
		locale.Str("data folder %s is in use by another node: give each node its own --data folder",
			"a pasta de dados %s está em uso por outro nó: dê a cada nó a sua própria pasta --data"),
		locale.Str("%s holds the log of node %d of another cluster, whose peers were %s, not %s: give the same --peers as before, or this cluster its own --data folder",
			"%s guarda o log do nó %d de outro cluster, cujos pares eram %s, não %s: dê o mesmo --peers de antes, ou a este cluster a sua própria pasta --data"),
		locale.Str("raft address: %v", "endereço do raft: %v"),
		locale.Str("client address: %v", "endereço dos clientes: %v"),
		locale.Str("node %d stopped: %v", "o nó %d parou: %v"),
		locale.Str("a snapshot arrived, which this node cannot store", "chegou um snapshot, que este nó não sabe guardar"),
		locale.Str("peer %q: want ID=HOST:PORT or ID=HOST:PORT/HOST:PORT", "par %q: use ID=HOST:PORTA ou ID=HOST:PORTA/HOST:PORTA"),
		locale.Str("peer %q: %v", "par %q: %v"),
		locale.Str("peer %q: port %d has no client port %d above it: give the client address after a /",
			"par %q: a porta %d não tem porta de clientes %d acima dela: dê o endereço dos clientes depois de uma /"),
		locale.Str("node %d is named twice in the peers", "o nó %d aparece duas vezes nos pares"),
		locale.Str("%q is not HOST:PORT", "%q não é HOST:PORTA"),
		locale.Str("%q: want a port from 1 to 65535", "%q: use uma porta de 1 a 65535"),
		locale.Str("node id %d: want 1 to %d", "id de nó %d: use de 1 a %d"),
		locale.Str("%d peers: a cluster has 1 to %d nodes", "%d pares: um cluster tem de 1 a %d nós"),
		locale.Str("node %d is not among the peers: list every node, this one too",
			"o nó %d não está entre os pares: liste todos os nós, este também"),
		locale.Str("node %d has no data folder", "o nó %d não tem pasta de dados"),
		locale.Str("cannot reach %v", "não foi possível alcançar %v"),
		locale.Str("%s closed the connection without an answer", "%s fechou a conexão sem responder"),
		locale.Str("%s did not answer within %s (--wait): is it a distlab raft node's client address?",
			"%s não respondeu em %s (--wait): é o endereço de clientes de um nó raft do distlab?"),
		locale.Str("%s is not a distlab raft node: it answered a line longer than %d bytes",
			"%s não é um nó raft do distlab: respondeu uma linha de mais de %d bytes"),
		locale.Str("%s is not a distlab raft node: it answers like a web server (HTTP)",
			"%s não é um nó raft do distlab: responde como um servidor web (HTTP)"),
		locale.Str("%s is not a distlab raft node: it answered %s, and a node answers ok, redirect or error",
			"%s não é um nó raft do distlab: respondeu %s, e um nó responde ok, redirect ou error"),
	)
}
