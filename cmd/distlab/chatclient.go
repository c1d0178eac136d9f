package main

import (
	"bufio"
	"io"
	"net"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"distlab/cmd/distlab/internal/lineedit"
	"distlab/demos/chat"
)

func newChatClientCmd(g *globals) *cobra.Command {
	p := g.p
	var nick string
	cmd := &cobra.Command{
		Use:   "client " + p.T("HOST PORT"),
		Short: p.T("Chat from this terminal; fails over to another node when its node dies"),
		Long: p.T("Chat from this terminal; fails over to another node when its node dies.\n" +
			"On a terminal, what you type stays whole on the bottom line while messages arrive above it;\n" +
			"ctrl+c, ctrl+d or /quit leaves. Into a pipe it reads and writes plain lines."),
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := chatLang(g)
			if err != nil {
				return err
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			con := openConsole(cmd.InOrStdin(), cmd.OutOrStdout())
			defer con.close()
			lines := make(chan string, 256)
			c, err := chat.Dial(chat.ClientConfig{
				Addrs: []string{net.JoinHostPort(args[0], args[1])}, Nick: nick, Lang: lang,
				OnLine: func(l string) { lines <- l },
			})
			if err != nil {
				return chatErr(p, err)
			}
			printed := make(chan struct{})
			go func() { // the client's lines, printed in order
				defer close(printed)
				for l := range lines {
					con.print(l)
				}
			}()
			defer func() { // nothing is printed once the command has returned
				c.Close() // no more lines: the client's reader has ended
				close(lines)
				<-printed
			}()
			type typed struct {
				text string
				err  error
			}
			input, left := make(chan typed), make(chan struct{})
			defer close(left)
			go func() { // ends with the input, or once the command has returned and a key comes
				for {
					text, err := con.readLine()
					select {
					case input <- typed{text, err}:
					case <-left:
						return
					}
					if err != nil {
						return
					}
				}
			}()
			for {
				var in typed
				select {
				case <-ctx.Done(): // ctrl+c on a pipe, or SIGTERM: leave as /quit would
					in.err = ctx.Err()
				case in = <-input:
				}
				quit := strings.TrimSpace(in.text) == "/quit"
				switch {
				case len(in.text) > chat.MaxLine:
					lines <- "*** " + p.T("line too long: at most %d bytes; not sent", chat.MaxLine)
				case quit:
					delivered(c, 3*time.Second)
					c.Send(in.text)
				case in.err == nil || in.text != "":
					c.Send(in.text)
				}
				if in.err != nil || quit {
					break
				}
			}
			delivered(c, 3*time.Second)
			time.Sleep(100 * time.Millisecond) // let the last lines arrive
			return nil
		},
	}
	cmd.Flags().StringVar(&nick, "nick", "", p.T("your nick (default: a guest name)"))
	return cmd
}

// delivered waits, up to limit, until the node has acknowledged every
// message c sent: leaving at once would drop a message typed just before
// /quit or the end of the input (the client shuts its queue on /quit).
func delivered(c *chat.Client, limit time.Duration) {
	for end := time.Now().Add(limit); c.Pending() > 0 && time.Now().Before(end); {
		time.Sleep(10 * time.Millisecond)
	}
}

// console is the chat client's terminal: a line editor on a terminal in
// raw mode, so that what the user types is never cut by the lines that
// arrive; plain lines read and written otherwise (a pipe, a file, a
// Windows console, whose raw mode this does not set up).
type console struct {
	ed      *lineedit.Editor // nil: plain lines
	in      *bufio.Reader
	out     io.Writer
	restore func()
}

// openConsole sets the terminal up for the chat client, or plain lines
// when in and out are not both a terminal.
func openConsole(in io.Reader, out io.Writer) *console {
	plain := &console{in: bufio.NewReader(in), out: out, restore: func() {}}
	fin, ok1 := in.(*os.File)
	fout, ok2 := out.(*os.File)
	if !ok1 || !ok2 || runtime.GOOS == "windows" || !term.IsTerminal(fin.Fd()) || !term.IsTerminal(fout.Fd()) {
		return plain
	}
	state, err := term.MakeRaw(fin.Fd())
	if err != nil {
		return plain
	}
	width := func() int {
		w, _, err := term.GetSize(fout.Fd())
		if err != nil {
			return 0
		}
		return w
	}
	ed := lineedit.New(fin, fout, "> ", width)
	stopResize := onResize(ed.Redraw)
	return &console{
		ed: ed,
		restore: func() {
			stopResize()
			_ = term.Restore(fin.Fd(), state)
		},
	}
}

// print shows one line the client received.
func (c *console) print(line string) {
	if c.ed != nil {
		c.ed.Print(line)
		return
	}
	io.WriteString(c.out, line+"\n")
}

// readLine is the next line the user typed, without its line ending.
func (c *console) readLine() (string, error) {
	if c.ed != nil {
		text, err := c.ed.ReadLine()
		if err == lineedit.ErrInterrupt {
			err = io.EOF // ctrl+c leaves, as it does on a pipe
		}
		return text, err
	}
	text, err := c.in.ReadString('\n')
	return strings.TrimRight(text, "\r\n"), err
}

// close leaves the terminal as it was.
func (c *console) close() {
	if c.ed != nil {
		c.ed.Close()
	}
	c.restore()
}
