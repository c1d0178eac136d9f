package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/chat"
	"distlab/demos/class"
	"distlab/lessons"
	"distlab/tui"
	"distlab/tui/serve"
)

func newServeCmd(g *globals) *cobra.Command {
	p := g.p
	cfg := serve.Config{Listen: serve.DefaultListen, Max: serve.DefaultMax, IdleTimeout: serve.DefaultIdleTimeout}
	var headless bool
	var instructorKey string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: p.T("Serve the whole app over SSH to a class: students join with ssh -p 2222 HOST"),
		Long: p.T("Serve the whole app over SSH: each student runs distlab in their own terminal, with no install.\n" +
			"A student's SSH key is who they are: a new key types the class code once, then the key alone\n" +
			"lets them in; one without a key types the code each time. Each student picks a name on first\n" +
			"entry, and their progress is kept on this machine, so they resume where they were. It listens\n" +
			"on 127.0.0.1 unless told: --listen 0.0.0.0:2222 for a classroom."),
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
			if !cmd.Flags().Changed("chat-host") {
				// The class's chat listens where the course does: a class
				// let in over SSH can reach it with nc too.
				if host, _, err := net.SplitHostPort(cfg.Listen); err == nil && host != "" {
					g.chatHost = host
				}
			}
			hub := class.New(time.Now)
			// One chat cluster for the whole class, on --chat-host and
			// --chat-port, so that nc and distlab chat client from the
			// students' own machines join it too.
			cls, err := chat.StartClass(chat.DemoConfig{Host: g.chatHost, Port: g.chatPort, Lang: p.Lang(), You: "prof"})
			if err != nil {
				return err
			}
			defer cls.Close()
			cfg.App = tui.Config{Load: func() *lessons.Catalog { return course }, Demos: demos, Source: "lessons", DemoHost: g.chatHost}
			var instructor []string
			if instructorKey != "" {
				data, err := os.ReadFile(instructorKey)
				if err != nil {
					return err
				}
				if instructor, err = serve.InstructorKeys(data); err != nil {
					return err
				}
			}
			cfg.Instructors = instructor // their keys never type the class code
			cfg.Log, cfg.Printer = cmd.ErrOrStderr(), p
			out := cmd.OutOrStdout()
			tty, _ := terminal(out)
			if tty && !headless {
				// The instructor's app has the terminal: the log goes to a
				// file beside the students' progress.
				logFile, err := serveLog()
				if err != nil {
					return err
				}
				defer logFile.Close()
				cfg.Log = logFile
			}
			s, err := serve.New(cfg)
			if err != nil {
				return err // a locale error: main prints it in the CLI's language
			}
			joins := chat.JoinAddrs(s.Addr())
			// A session with the instructor's key leads the class as the
			// app in this terminal would.
			s.SetNewApp(serve.InstructorApps(hub, cls, instructor, joins[0]))
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			if tty && !headless {
				// The instructor's app, in this terminal: it leads the class
				// (F, A, W, B, J shows where to join); quitting it ends the
				// class, every session told and saved.
				ctx, cancel := context.WithCancel(ctx)
				served := make(chan error, 1)
				go func() { served <- s.Serve(ctx) }()
				appErr := runApp(ctx, g, startFlags{configure: func(c *tui.Config) {
					c.Hub, c.JoinSSH, c.JoinCode = hub, joins[0], s.Code()
					c.EndsClass = true // q asks first: it sends every student away
					c.SharedChat = &chat.Share{Class: cls, Owner: true}
				}})
				cancel()
				serveErr := <-served // once every session is told, saved and logged
				return errors.Join(appErr, serveErr, stopped(g, out, s.Stopped()))
			}
			fmt.Fprintln(out, p.T("distlab serve listening on %s; students join with:", s.Addr()))
			for _, a := range joins {
				fmt.Fprintln(out, "  "+sshCommand(a))
			}
			fmt.Fprintln(out, p.T("class code, for students without an SSH key or with a new one: %s", s.Code()))
			fmt.Fprintln(out, p.T("host key %s (%s)", s.HostKeyFingerprint(), s.HostKeyPath()))
			fmt.Fprintln(out, p.T("progress of each student in %s", s.StudentsDir()))
			if tty {
				joinBanner(out, joins[0])
			}
			err = s.Serve(ctx) // returns once every session is told, saved and logged
			return errors.Join(err, stopped(g, out, s.Stopped()))
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Listen, "listen", cfg.Listen, p.T("the `address` to listen on, host:port (0.0.0.0:2222 lets a classroom join)"))
	f.StringVar(&cfg.Code, "code", "", p.T("the class `code` students without a key type, and a new key once (default: a new one each start)"))
	f.IntVar(&cfg.Max, "max", cfg.Max, p.T("sessions at once; the next student is told the class is full"))
	f.DurationVar(&cfg.IdleTimeout, "idle", cfg.IdleTimeout, p.T("close a session after this long without a key"))
	f.StringVar(&instructorKey, "instructor-key", "", p.T("a `file` of public keys (authorized_keys form): a session with one of them gets the instructor's app, and no class code"))
	f.BoolVar(&headless, "headless", false, p.T("only serve: no instructor's app in this terminal (the default when it is no terminal)"))
	return cmd
}

// stopped prints what the server's stop did to the sessions, and fails
// when a student's progress could not be saved.
func stopped(g *globals, out io.Writer, r serve.StopReport) error {
	for _, l := range r.Lines(g.p) {
		fmt.Fprintln(out, l)
	}
	if len(r.Failed) > 0 {
		return g.errorf("the progress of %d students was not saved", len(r.Failed))
	}
	return nil
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

// serveLog is the file the server logs to while the instructor's app has
// the terminal: serve.log in distlab's config folder, appended to, owner
// only.
func serveLog() (*os.File, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return nil, err
	}
	dir = filepath.Join(dir, "distlab")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return os.OpenFile(filepath.Join(dir, "serve.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
}
