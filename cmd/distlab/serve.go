package main

import (
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/chat"
	"distlab/lessons"
	"distlab/tui"
	"distlab/tui/serve"
)

func newServeCmd(g *globals) *cobra.Command {
	p := g.p
	cfg := serve.Config{Listen: serve.DefaultListen, Max: serve.DefaultMax, IdleTimeout: serve.DefaultIdleTimeout}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: p.T("Serve the whole app over SSH to a class: students join with ssh -p 2222 HOST"),
		Long: p.T("Serve the whole app over SSH: each student runs distlab in their own terminal, with no install.\n" +
			"A student's SSH key is who they are; one without a key types the class code. Each student\n" +
			"picks a name on first entry, and their progress is kept on this machine, so they resume\n" +
			"where they were. It listens on 127.0.0.1 unless told: --listen 0.0.0.0:2222 for a classroom."),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			if cfg.Max < 1 {
				return g.errorf("--max %s: want at least 1 session", fmt.Sprint(cfg.Max))
			}
			if cfg.IdleTimeout < time.Minute {
				return g.errorf("--idle %s: want at least a minute", cfg.IdleTimeout.String())
			}
			course := g.load() // once: every session reads the same course
			cfg.App = tui.Config{Load: func() *lessons.Catalog { return course }, Demos: demos, Source: "lessons"}
			cfg.Log, cfg.Printer = cmd.ErrOrStderr(), p
			s, err := serve.New(cfg)
			if err != nil {
				return err // a locale error: main prints it in the CLI's language
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, p.T("distlab serve listening on %s; students join with:", s.Addr()))
			joins := chat.JoinAddrs(s.Addr())
			for _, a := range joins {
				fmt.Fprintln(out, "  "+sshCommand(a))
			}
			fmt.Fprintln(out, p.T("class code, for students without an SSH key: %s", s.Code()))
			fmt.Fprintln(out, p.T("host key %s (%s)", s.HostKeyFingerprint(), s.HostKeyPath()))
			fmt.Fprintln(out, p.T("progress of each student in %s", s.StudentsDir()))
			if tty, _ := terminal(out); tty {
				joinBanner(out, joins[0])
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			err = s.Serve(ctx)
			fmt.Fprintln(out, p.T("stopped: every session was told, and its progress saved"))
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Listen, "listen", cfg.Listen, p.T("the `address` to listen on, host:port (0.0.0.0:2222 lets a classroom join)"))
	f.StringVar(&cfg.Code, "code", "", p.T("the class `code` students without a key type (default: a new one each start)"))
	f.IntVar(&cfg.Max, "max", cfg.Max, p.T("sessions at once; the next student is told the class is full"))
	f.DurationVar(&cfg.IdleTimeout, "idle", cfg.IdleTimeout, p.T("close a session after this long without a key"))
	return cmd
}

// sshCommand is the command a student types to reach addr.
func sshCommand(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "ssh " + addr
	}
	if port == "22" {
		return "ssh " + host
	}
	return "ssh -p " + port + " " + host
}
