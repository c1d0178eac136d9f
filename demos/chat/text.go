package chat

import (
	"strings"
	"sync/atomic"
)

// Text is what nodes and clients say to people, in one language. The
// protocol's control lines never change with it.
type Text struct {
	Welcome, Bye, ShuttingDown, Full          string
	LineTooLong, Idle, Unfinished, SlowDown   string
	Evicted, NotPeer, BadLine, UnknownCommand string
	NickRefused, NickTaken, YouAreNow, BadID  string
	NickEmpty, NickLong, NickStart, NickChars string
	Online, NodeSelf, NodeOther, Up, Down     string
	Help                                      []string
	ProtocolOnly, Lost, Silent, Reconnected   string
	BotMessage                                string
	You                                       string // the nick of the demo's user
}

var textEN = Text{
	Welcome:        "welcome to %s, %s. Type to chat; /help for commands.",
	Bye:            "bye",
	ShuttingDown:   "node %s is shutting down: goodbye",
	Full:           "server full (%d clients): try another node, see /nodes",
	LineTooLong:    "line too long: at most %d bytes; it was discarded",
	Idle:           "idle for %v: disconnecting",
	Unfinished:     "a line was started but not finished within %v: disconnecting",
	SlowDown:       "slow down: at most %g messages a second; that one was dropped",
	Evicted:        "you stopped reading for %v: disconnected",
	NotPeer:        "not a peer of this cluster",
	BadLine:        "bad %s line",
	UnknownCommand: "unknown command %s: try /help",
	NickRefused:    "nick %q refused: %s",
	NickTaken:      "nick %q is taken in the cluster: pick another",
	YouAreNow:      "you are now %s",
	BadID:          "bad client id in %s: want d and 12 hex digits",
	NickEmpty:      "a nick needs at least one printable character",
	NickLong:       "a nick has at most %d characters",
	NickStart:      "a nick cannot start with / or *",
	NickChars:      "a nick cannot contain , : = or @",
	Online:         "%d online: %s",
	NodeSelf:       "%s %s up, clients: %d (this node)",
	NodeOther:      "%s %s %s, clients: %d",
	Up:             "up",
	Down:           "down",
	Help: []string{
		"commands:",
		"  /nick NAME   change your nick (printable, at most 16 characters, unique)",
		"  /who         who is on the cluster",
		"  /nodes       the cluster's nodes and their state",
		"  /me TEXT     say TEXT as an action",
		"  /help        this help",
		"  /quit        leave",
		"anything else is a message to everyone",
	},
	ProtocolOnly: "%s is the protocol's, not a command for people",
	Lost:         "connection to %s lost: looking for another node",
	Silent:       "no word from %s for %v: taking it for dead, looking for another node",
	Reconnected:  "reconnected to %s; %d unacknowledged message(s) sent again",
	BotMessage:   "message %d from bot%d",
	You:          "you",
}

var textPT = Text{
	Welcome:        "bem-vindo(a) ao %s, %s. Digite para conversar; /help mostra os comandos.",
	Bye:            "até mais",
	ShuttingDown:   "o nó %s está desligando: até logo",
	Full:           "servidor lotado (%d clientes): tente outro nó, veja /nodes",
	LineTooLong:    "linha longa demais: no máximo %d bytes; foi descartada",
	Idle:           "inativo há %v: desconectando",
	Unfinished:     "uma linha começou e não terminou em %v: desconectando",
	SlowDown:       "mais devagar: no máximo %g mensagens por segundo; essa foi descartada",
	Evicted:        "você parou de ler por %v: desconectado",
	NotPeer:        "não é um par deste cluster",
	BadLine:        "linha %s malformada",
	UnknownCommand: "comando desconhecido %s: tente /help",
	NickRefused:    "apelido %q recusado: %s",
	NickTaken:      "o apelido %q já está em uso no cluster: escolha outro",
	YouAreNow:      "agora você é %s",
	BadID:          "id de cliente inválido em %s: esperado d e 12 dígitos hexadecimais",
	NickEmpty:      "um apelido precisa de ao menos um caractere imprimível",
	NickLong:       "um apelido tem no máximo %d caracteres",
	NickStart:      "um apelido não pode começar com / ou *",
	NickChars:      "um apelido não pode conter , : = ou @",
	Online:         "%d conectados: %s",
	NodeSelf:       "%s %s no ar, clientes: %d (este nó)",
	NodeOther:      "%s %s %s, clientes: %d",
	Up:             "no ar",
	Down:           "fora do ar",
	Help: []string{
		"comandos:",
		"  /nick NOME   muda seu apelido (imprimível, até 16 caracteres, único)",
		"  /who         quem está no cluster",
		"  /nodes       os nós do cluster e o estado de cada um",
		"  /me TEXTO    diz TEXTO como uma ação",
		"  /help        esta ajuda",
		"  /quit        sai",
		"qualquer outra coisa é uma mensagem para todos",
	},
	ProtocolOnly: "%s é do protocolo, não um comando para pessoas",
	Lost:         "conexão com %s perdida: procurando outro nó",
	Silent:       "nenhum sinal de %s há %v: dado como morto, procurando outro nó",
	Reconnected:  "reconectado a %s; %d mensagem(ns) sem confirmação reenviada(s)",
	BotMessage:   "mensagem %d do bot%d",
	You:          "você",
}

// TextFor is the text in lang ("pt-BR", "pt", "en"…), English when the
// language has none.
func TextFor(lang string) *Text {
	if strings.HasPrefix(strings.ToLower(lang), "pt") {
		return &textPT
	}
	return &textEN
}

// nickNotice reports the nick in a "you are now NICK" notice, in any
// language: a client follows its nick whatever its node speaks.
func nickNotice(line string) (string, bool) {
	for _, t := range []*Text{&textEN, &textPT} {
		prefix, _, _ := strings.Cut(t.YouAreNow, "%s")
		if nick, ok := strings.CutPrefix(line, "*** "+prefix); ok {
			return nick, true
		}
	}
	return "", false
}

// lang holds a Text that can change while goroutines read it.
type lang struct{ p atomic.Pointer[Text] }

func (l *lang) set(code string) { l.p.Store(TextFor(code)) }

// t is the current text (English until set).
func (l *lang) t() *Text {
	if t := l.p.Load(); t != nil {
		return t
	}
	return &textEN
}
