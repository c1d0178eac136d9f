package chat

import (
	"strings"
	"sync/atomic"

	"distlab/demos/locale"
)

// What nodes, clients and bots say to people, English beside Brazilian
// Portuguese (see package locale): notices ("*** …"), the bots' messages,
// and the errors the engine returns. The protocol's control lines never
// change with the language and are not here.
func init() {
	locale.Add(
		// A node's notices.
		locale.Str("welcome to %s, %s. Type to chat; /help for commands.", "boas-vindas ao %s, %s. Digite para conversar; /help mostra os comandos."),
		locale.Str("bye", "até mais"),
		locale.Str("/lang takes en or pt-BR, not %q", "/lang aceita en ou pt-BR, não %q"),
		locale.Str("node %s is shutting down: goodbye", "o nó %s está desligando: até logo"),
		locale.Plural("server full (%d clients): try another node, see /nodes", "server full (%d client): try another node, see /nodes",
			"servidor lotado (%d clientes): tente outro nó, veja /nodes", "servidor lotado (%d cliente): tente outro nó, veja /nodes"),
		locale.Plural("line too long: at most %d bytes; it was discarded", "line too long: at most %d byte; it was discarded",
			"linha longa demais: no máximo %d bytes; foi descartada", "linha longa demais: no máximo %d byte; foi descartada"),
		locale.Str("idle for %s: disconnecting", "inativo há %s: desconectando"),
		locale.Str("a line was started but not finished within %s: disconnecting", "uma linha começou e não terminou em %s: desconectando"),
		locale.Str("slow down: at most %g messages a second; that one was dropped", "mais devagar: no máximo %g mensagens por segundo; essa foi descartada"),
		locale.Str("you stopped reading for %s: disconnected", "você parou de ler por %s: desconectado"),
		locale.Str("not a peer of this cluster", "não é um par deste cluster"),
		locale.Str("bad %s line", "linha %s malformada"),
		locale.Str("unknown command %s: try /help", "comando desconhecido %s: tente /help"),
		locale.Str("nick %q refused: %s", "apelido %q recusado: %s"),
		locale.Str("nick %q is taken in the cluster: pick another", "o apelido %q já está em uso no cluster: escolha outro"),
		locale.Str("you are now %s", "seu apelido agora é %s"),
		locale.Str("bad client secret in %s: want %d lowercase hex digits", "segredo de cliente inválido em %s: esperados %d dígitos hexadecimais minúsculos"),
		locale.Str("%s is said once per connection", "%s se diz uma vez por conexão"),
		locale.Str("too many new clients a second: try again in a moment", "clientes novos demais por segundo: tente de novo daqui a pouco"),
		locale.Str("%s %d refused: more than %d past your last message", "%s %d recusada: mais de %d à frente da sua última mensagem"),
		locale.Str("acknowledgements: on receipt, as this node has no peer to keep a copy",
			"confirmações: no recebimento, pois este nó não tem par que guarde uma cópia"),
		locale.Str("acknowledgements: once a peer confirms it has the message (%d waiting)",
			"confirmações: quando um par confirma que tem a mensagem (%d aguardando)"),
		locale.Plural("%d messages sent while you were away are older than what %s keeps: you will not see them",
			"%d message sent while you were away is older than what %s keeps: you will not see it",
			"%d mensagens enviadas enquanto você estava fora são mais antigas do que o %s guarda: você não vai vê-las",
			"%d mensagem enviada enquanto você estava fora é mais antiga do que o %s guarda: você não vai vê-la"),
		locale.Str("a nick needs at least one printable character", "um apelido precisa de ao menos um caractere imprimível"),
		locale.Plural("a nick has at most %d characters", "a nick has at most %d character", "um apelido tem no máximo %d caracteres", "um apelido tem no máximo %d caractere"),
		locale.Str("a nick cannot start with / or *", "um apelido não pode começar com / ou *"),
		locale.Str("a nick cannot contain , : = or @", "um apelido não pode conter , : = ou @"),
		locale.Str("a nick cannot contain %q", "um apelido não pode conter %q"),
		locale.Str("a nick cannot stack accents on one letter", "um apelido não pode empilhar acentos numa letra"),
		locale.Str("a nick is written left to right", "um apelido se escreve da esquerda para a direita"),
		locale.Str("a nick cannot mix alphabets (%q and %q)", "um apelido não pode misturar alfabetos (%q e %q)"),
		locale.Str("nick %q looks like %q, which is taken in the cluster: pick another",
			"o apelido %q se parece com %q, que já está em uso no cluster: escolha outro"),
		locale.Str("nick %s was also claimed on %s at the same moment; you are now %s",
			"o apelido %s também foi escolhido em %s no mesmo instante; seu apelido agora é %s"),
		locale.Plural("%d online: %s", "%d online: %s", "%d conectados: %s", "%d conectado: %s"),
		locale.Str("%s %s up, clients: %d (this node)", "%s %s no ar, clientes: %d (este nó)"),
		locale.Str("%s %s up, clients: %d", "%s %s no ar, clientes: %d"),
		locale.Str("%s %s down, clients: %d", "%s %s fora do ar, clientes: %d"),
		locale.Str("commands:\n"+
			"  /nick NAME   change your nick (printable, at most 16 characters, unique)\n"+
			"  /who         who is on the cluster\n"+
			"  /nodes       the cluster's nodes and their state\n"+
			"  /me TEXT     say TEXT as an action\n"+
			"  /lang CODE   the language this node speaks to you: en or pt-BR\n"+
			"  /help        this help\n"+
			"  /quit        leave\n"+
			"anything else is a message to everyone",
			"comandos:\n"+
				"  /nick NOME   muda seu apelido (imprimível, até 16 caracteres, único)\n"+
				"  /who         quem está no cluster\n"+
				"  /nodes       os nós do cluster e o estado de cada um\n"+
				"  /me TEXTO    diz TEXTO como uma ação\n"+
				"  /lang CÓDIGO o idioma em que este nó fala com você: en ou pt-BR\n"+
				"  /help        esta ajuda\n"+
				"  /quit        sai\n"+
				"qualquer outra coisa é uma mensagem para todos"),

		// A node's log: peer links refused or closed, and why.
		locale.Str("%s: link to peer %s refused: %v", "%s: enlace com o par %s recusado: %v"),
		locale.Str("%s: link from %s refused: %v", "%s: enlace vindo de %s recusado: %v"),
		locale.Str("%s: link with %s closed: %v", "%s: enlace com %s fechado: %v"),
		locale.Str("no complete handshake within %s", "a troca de provas não terminou em %s"),
		locale.Str("wrong proof: the two nodes do not have the same key", "prova errada: os dois nós não têm a mesma chave"),
		locale.Str("not a handshake line", "linha inválida na troca de provas"),
		locale.Str("it gives this node's own id", "o outro lado se apresenta com o id deste nó"),
		locale.Str("the connection closed during the handshake", "a conexão foi fechada durante a troca de provas"),
		locale.Str("the other side said %q and closed the connection", "o outro lado disse %q e fechou a conexão"),
		locale.Str("a line failed its check (forged, altered or out of order)", "uma linha não passou na verificação (forjada, alterada ou fora de ordem)"),
		locale.Str("this node has no cluster key", "este nó não tem chave de cluster"),
		locale.Str("the other side left without its proof: a different key?", "o outro lado saiu sem dar sua prova: uma chave diferente?"),

		// A distlab client's notices.
		locale.Str("%s is the protocol's, not a command for people", "%s é do protocolo, não um comando para pessoas"),
		locale.Str("connection to %s lost: looking for another node", "conexão com %s perdida: procurando outro nó"),
		locale.Str("no word from %s for %s: taking it for dead, looking for another node", "nenhum sinal de %s há %s: dado como morto, procurando outro nó"),
		locale.PluralArg(2, "reconnected to %s; %d unacknowledged messages sent again", "reconnected to %s; %d unacknowledged message sent again",
			"reconectado a %s; %d mensagens sem confirmação reenviadas", "reconectado a %s; %d mensagem sem confirmação reenviada"),

		// The demo's challenges (challenges.go): goals, hints, what each
		// shows, and what the student did (challengelog.go, losenothing.go).
		locale.Str("Predict: if you crash the node you are on while the bots talk, will a line you just typed be lost, or arrive twice? Do it and see.",
			"Preveja: se você derrubar o seu nó enquanto os robôs conversam, uma linha que acabou de digitar se perde, ou chega duas vezes? Faça e veja."),
		locale.Str("Your column's header says which node you are on: select that node with ↑/↓.",
			"O título da sua coluna diz em que nó você está: selecione esse nó com ↑/↓."),
		locale.Str("Type a line (i, text, enter), then esc and c at once, before its ack: slow links (s, or S: slower) hold it back.",
			"Digite uma linha (i, texto, enter), depois esc e c de imediato, antes da confirmação: enlaces lentos (s, ou S: mais) a seguram."),
		locale.Str("On your node: s, then i, a line, enter, esc, c; now count your line in ana's and bruno's columns.",
			"No seu nó: s, depois i, uma linha, enter, esc, c; agora conte a sua linha nas colunas de ana e bruno."),
		locale.Str("At-least-once plus dedup: your client resends until acked, a node acks once a peer has a copy, and (client, seq) ids drop repeats.",
			"Ao menos uma vez + deduplicação: reenvio até a confirmação (dada quando um par tem cópia) e ids (cliente, seq) barram repetidas."),
		locale.Str("%s crashed with %d of your %d recent lines unacked; each reached %s exactly once.",
			"O %s caiu com %d de %d linhas suas sem confirmação; todas chegaram uma só vez a %s."),
		locale.Str("%s crashed before your line was acked; it reached %s exactly once.",
			"O %s caiu antes de a sua linha ser confirmada; ela chegou uma só vez a %s."),
		locale.Str("%s and %s", "%s e %s"),
		locale.Str("Predict: if you type a line just as a bot on another node speaks, will every client see the two in the same order? Make two clients disagree.",
			"Preveja: se você digitar uma linha no instante em que um robô de outro nó fala, todos veem as duas na mesma ordem? Faça dois clientes discordarem."),
		locale.Str("Lines from one node keep their order (links are FIFO): race yours against bot2, on another node.",
			"Linhas de um mesmo nó mantêm a ordem (enlaces são FIFO): ponha a sua para correr contra o bot2, de outro nó."),
		locale.Str("Slow links (s) delay each line between nodes by a different amount; ] makes the bots talk more often.",
			"Enlaces lentos (s) atrasam cada linha entre nós por um tempo diferente; ] faz os robôs falarem mais."),
		locale.Str("Press s, ] ], then send short lines in a row (i, a letter, enter); compare ana's and bruno's columns.",
			"Tecle s, ] ], depois envie linhas curtas seguidas (i, uma letra, enter); compare as colunas de ana e bruno."),
		locale.Str("Each link is FIFO, but lines from different nodes race along different links: one order for everyone takes a total-order broadcast.",
			"Cada enlace é FIFO, mas linhas de nós diferentes correm por enlaces diferentes: uma ordem única para todos exige difusão com ordem total."),
		locale.Str("%s saw “%s” before “%s”; %s saw them the other way round.",
			"%s viu “%s” antes de “%s”; %s viu as duas na ordem inversa."),
		locale.Str("Predict: if a node freezes instead of crashing, its sockets open, how will a client on it find out? Freeze one and see.",
			"Preveja: se um nó congelar em vez de cair, com os sockets abertos, como um cliente dele vai perceber? Congele um e veja."),
		locale.Str("A frozen node sends nothing, not even an error: its clients only get silence.",
			"Um nó congelado não envia nada, nem mesmo um erro: seus clientes só recebem silêncio."),
		locale.Str("Select the node ana is on (her column's header says which) and press f; do not thaw it yet.",
			"Selecione o nó em que ana está (o título da coluna dela diz qual) e tecle f; não o descongele ainda."),
		locale.Str("Clients ping every second and give up after 3 s of silence: press f, wait, watch ana's column.",
			"Os clientes mandam ping a cada segundo e desistem após 3 s de silêncio: tecle f, espere, olhe a coluna de ana."),
		locale.Str("With no bound on delays (an asynchronous system) a hung node looks like a slow one: only a timeout guesses it is dead, and it may guess wrong.",
			"Sem limite para os atrasos (um sistema assíncrono), um nó travado parece um nó lento: só um timeout palpita que ele morreu, e pode errar."),
		locale.Str("%s heard nothing from %s for %s and took it for dead, yet it was only frozen.",
			"%s ficou sem sinal do %s por %s e o deu como morto, mas ele só estava congelado."),

		// The demo.
		locale.Str("message %d from bot%s", "mensagem %d do bot%s"),
		locale.Str("you", "você"), // the nick of the demo's user

		// Errors.
		locale.Str("chat: node stopped", "chat: nó parado"),
		locale.Str("chat: node is down", "chat: o nó está fora do ar"),
		locale.Str("chat: port in use", "chat: porta em uso"),
		locale.Str("chat: a node with peers needs a cluster key", "chat: um nó com pares precisa de uma chave de cluster"),
		locale.Str("chat: a node id is at most 64 printable characters, without spaces or any of , = @",
			"chat: o id de um nó tem no máximo 64 caracteres imprimíveis, sem espaços nem , = @"),
		locale.Str("node %s: %v", "nó %s: %v"),
		locale.Str("restart %s: %v", "religar %s: %v"),
		locale.Str("freeze %s: %v", "congelar %s: %v"),
		locale.Str("add %s: %v", "adicionar %s: %v"),
		locale.Str("chat: no such node", "chat: não existe esse nó"),
		locale.Str("node %d: %v", "nó %d: %v"),
		locale.Str("chat: demo closed", "chat: demonstração encerrada"),
		locale.Str("chat: too many bots (at most %d)", "chat: robôs demais (no máximo %d)"),
		locale.Str("chat: no bot to remove", "chat: nenhum robô para remover"),
		locale.Str("chat: only the instructor controls the class's nodes", "chat: só o professor controla os nós da turma"),
		locale.Str("join %s: %v", "entrar como %s: %v"),
		locale.Str("student", "aluno"), // the nick of a seat whose name has nothing a nick can hold
		locale.Str("chat: no node reachable", "chat: nenhum nó alcançável"),
		locale.Str("chat: a cluster needs at least one node", "chat: um cluster precisa de ao menos um nó"),
		locale.Str("chat: bench needs addresses, at least 2 clients, 1..clients senders and 1+ messages",
			"chat: o teste de carga precisa de endereços, ao menos 2 clientes, de 1 ao número de clientes remetentes e 1 ou mais mensagens"),
		locale.Str("chat: bench: %v", "chat: teste de carga: %v"),
		locale.Str("chat: bench: no welcome: %v", "chat: teste de carga: sem boas-vindas: %v"),

		// A bench's result.
		locale.Str("delivered %d/%d (%.2f%%) in %s: %.0f deliveries/s; latency p50 %s p99 %s; %s, %d reordered",
			"entregues %d/%d (%.2f%%) em %s: %.0f entregas/s; latência p50 %s p99 %s; %s, %d fora de ordem"),
		locale.Plural("%d duplicates", "%d duplicate", "%d duplicadas", "%d duplicada"),
	)
}

// speaker is the language a node or client speaks to people in, which
// SetLang changes while its goroutines print.
type speaker struct {
	p atomic.Pointer[locale.Printer]
}

func (s *speaker) set(l locale.Lang) { s.p.Store(locale.For(l)) }

// printer prints in the current language (English until set).
func (s *speaker) printer() *locale.Printer {
	if p := s.p.Load(); p != nil {
		return p
	}
	return locale.For(locale.English)
}

// notice is a line from the node (or the client) itself to a person, in
// p's language.
func notice(p *locale.Printer, format string, args ...any) string {
	return "*** " + p.T(format, args...)
}

// nickNotice reports the nick in a "you are now NICK" notice, in any
// language: a client follows its nick whatever its node speaks.
func nickNotice(line string) (string, bool) {
	const mark = "\x00"
	for _, l := range locale.Langs {
		prefix, _, _ := strings.Cut(locale.For(l).T("you are now %s", mark), mark)
		if nick, ok := strings.CutPrefix(line, "*** "+prefix); ok {
			return nick, true
		}
	}
	return "", false
}
