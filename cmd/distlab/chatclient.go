package main

import (
	"errors"
	"io"
	"net"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/chat"
	"distlab/tui/lineedit"
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
			if err := checkPort(g, args[1], false); err != nil {
				return err
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			con := lineedit.Open(cmd.InOrStdin(), cmd.OutOrStdout(), "> ")
			defer con.Close()
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
					con.Print(l)
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
			input, left, read := make(chan typed), make(chan struct{}), make(chan struct{})
			go func() { // the keys, until the input ends or the command returns
				defer close(read)
				for {
					text, err := con.ReadLine()
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
			defer func() {
				// The read under way ends now, before the terminal is given
				// back: a key typed later is the shell's, not lost to a
				// reader that outlived the command.
				close(left)
				if con.Cancel() {
					<-read
				}
			}()
			for {
				var in typed
				select {
				case <-con.Resized():
					con.Redraw()
					continue
				case <-ctx.Done(): // ctrl+c on a pipe, or SIGTERM: leave as /quit would
					in.err = ctx.Err()
				case in = <-input:
				}
				if errors.Is(in.err, lineedit.ErrInterrupt) {
					in.err = io.EOF // ctrl+c on a terminal leaves as it does on a pipe
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
