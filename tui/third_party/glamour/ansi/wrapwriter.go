package ansi

import (
	"io"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/parser"
)

// WrapWriter is, in distlab's copy, lipgloss.WrapWriter (lipgloss v2.1.0, wrap.go)
// with one change: text between escape sequences and newlines is not fed
// to the ANSI parser byte by byte. The writer only needs the parser for
// SGR and OSC 8 sequences, which start with ESC; in the ground state, a run
// of complete UTF-8 runes without ESC or a newline leaves the parser as it
// found it, so the run is skipped. Glamour writes every block through
// three or four of these writers, and the per-byte parse was a third of a
// lesson's rendering (see PATCH.md).
type WrapWriter struct {
	w     io.Writer
	p     *ansi.Parser
	style uv.Style
	link  uv.Link
}

// NewWrapWriter returns a WrapWriter writing to w; Close gives its parser
// back.
func NewWrapWriter(w io.Writer) *WrapWriter {
	pw := &WrapWriter{w: w}
	pw.p = ansi.GetParser()
	pw.p.SetHandler(ansi.Handler{
		HandleCsi: func(cmd ansi.Cmd, params ansi.Params) {
			if cmd == 'm' {
				uv.ReadStyle(params, &pw.style)
			}
		},
		HandleOsc: func(cmd int, data []byte) {
			if cmd == 8 {
				uv.ReadLink(data, &pw.link)
			}
		},
	})
	return pw
}

// Style returns the current pen style.
func (w *WrapWriter) Style() uv.Style { return w.style }

// Link returns the current pen link.
func (w *WrapWriter) Link() uv.Link { return w.link }

// plainRun is how many bytes from p[i] on the parser may skip: complete
// UTF-8 runes up to the next ESC or newline, and only in the ground state.
func (w *WrapWriter) plainRun(p []byte, i int) int {
	if w.p.State() != parser.GroundState {
		return 0
	}
	j := i
	for j < len(p) && p[j] != ansi.ESC && p[j] != '\n' {
		j++
	}
	run := p[i:j]
	if !utf8.Valid(run) { // a rune cut at the end of the write, or a stray C1 byte
		return 0
	}
	return len(run)
}

// Write writes p on, resetting the pen before each newline and setting it
// again after.
func (w *WrapWriter) Write(p []byte) (int, error) {
	if w.p == nil {
		return len(p), nil // closed: see lipgloss.WrapWriter.Write
	}
	start := 0
	for i := 0; i < len(p); {
		if n := w.plainRun(p, i); n > 0 {
			i += n
			continue
		}
		b := p[i]
		w.p.Advance(b)
		i++
		if b != '\n' {
			continue
		}
		if i-1 > start {
			_, _ = w.w.Write(p[start : i-1])
		}
		if !w.style.IsZero() {
			_, _ = io.WriteString(w.w, ansi.ResetStyle)
		}
		if !w.link.IsZero() {
			_, _ = io.WriteString(w.w, ansi.ResetHyperlink())
		}
		_, _ = w.w.Write(p[i-1 : i])
		start = i
		if !w.link.IsZero() {
			_, _ = io.WriteString(w.w, ansi.SetHyperlink(w.link.URL, w.link.Params))
		}
		if !w.style.IsZero() {
			_, _ = io.WriteString(w.w, w.style.String())
		}
	}
	if start < len(p) {
		_, _ = w.w.Write(p[start:])
	}
	return len(p), nil
}

// Close resets the pen if it is set and gives the parser back.
func (w *WrapWriter) Close() error {
	if !w.style.IsZero() {
		_, _ = io.WriteString(w.w, ansi.ResetStyle)
	}
	if !w.link.IsZero() {
		_, _ = io.WriteString(w.w, ansi.ResetHyperlink())
	}
	if w.p != nil {
		ansi.PutParser(w.p)
		w.p = nil
	}
	return nil
}
