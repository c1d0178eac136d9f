package ansi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// MarginWriter is a Writer that applies indentation and padding around
// whatever you write to it.
type MarginWriter struct {
	w  io.Writer
	iw *IndentWriter
}

// NewMarginWriter returns a new MarginWriter.
func NewMarginWriter(ctx RenderContext, w io.Writer, rules StyleBlock) *MarginWriter {
	bs := ctx.blockStack

	var indentation uint
	var margin uint
	if rules.Indent != nil {
		indentation = *rules.Indent
	}
	if rules.Margin != nil {
		margin = *rules.Margin
	}

	// distlab: each pad and indent cell is the same styled text, rendered
	// once per writer instead of once per cell (see PATCH.md).
	pad := cachedText(func() StylePrimitive { return rules.StylePrimitive }, " ")
	pw := NewPaddingWriter(w, int(bs.Width(ctx)), func(_ io.Writer) {
		_, _ = io.WriteString(w, pad())
	})

	ic := " "
	if rules.IndentToken != nil {
		ic = *rules.IndentToken
	}
	indent := cachedText(func() StylePrimitive { return bs.Parent().Style.StylePrimitive }, ic)
	iw := NewIndentWriter(pw, int(indentation+margin), func(_ io.Writer) {
		_, _ = io.WriteString(w, indent())
	})

	return &MarginWriter{
		w:  NewWrapWriter(w),
		iw: iw,
	}
}

// Write writes to the margin writer and implements [io.Writer].
func (w *MarginWriter) Write(b []byte) (int, error) {
	n, err := w.iw.Write(b)
	if err != nil {
		return 0, fmt.Errorf("glamour: error writing bytes: %w", err)
	}
	return n, nil
}

// Close closes the [MarginWriter].
func (w *MarginWriter) Close() error {
	var werr error
	if c, ok := w.w.(io.WriteCloser); ok {
		werr = c.Close()
	}

	return errors.Join(werr, w.iw.Close())
}

// cachedText renders s in the style rules returns, once, on the first call:
// a writer's pad or indent cell is the same text every time.
func cachedText(rules func() StylePrimitive, s string) func() string {
	var text string
	done := false
	return func() string {
		if !done {
			var b strings.Builder
			_, _ = renderText(&b, rules(), s)
			text, done = b.String(), true
		}
		return text
	}
}

// PaddingFunc is a function that applies padding around whatever you write to it.
type PaddingFunc = func(w io.Writer)

// PaddingWriter is a writer that applies padding around whatever you write to
// it.
type PaddingWriter struct {
	Padding int
	PadFunc PaddingFunc
	w       *WrapWriter
	cache   bytes.Buffer
}

// NewPaddingWriter returns a new PaddingWriter.
func NewPaddingWriter(w io.Writer, padding int, padFunc PaddingFunc) *PaddingWriter {
	return &PaddingWriter{
		Padding: padding,
		PadFunc: padFunc,
		w:       NewWrapWriter(w),
	}
}

// Write writes to the padding writer.
//
// distlab: the bytes between newlines go on in one write each, not one per
// rune; what reaches the writer below is the same (see PATCH.md).
func (w *PaddingWriter) Write(p []byte) (int, error) {
	for i := 0; i < len(p); {
		size := bytes.IndexByte(p[i:], '\n')
		if size < 0 {
			size = len(p) - i
		}
		if size == 0 { //nolint:nestif
			size = 1
			line := w.cache.String()
			linew := ansi.StringWidth(line)
			if w.Padding > 0 && linew < w.Padding {
				if w.PadFunc != nil {
					for n := 0; n < w.Padding-linew; n++ {
						w.PadFunc(w.w)
					}
				} else {
					_, err := io.WriteString(w.w, strings.Repeat(" ", w.Padding-linew))
					if err != nil {
						return 0, fmt.Errorf("glamour: error writing padding: %w", err)
					}
				}
			}
			w.cache.Reset()
		} else {
			w.cache.Write(p[i : i+size])
		}

		_, err := w.w.Write(p[i : i+size])
		if err != nil {
			return 0, fmt.Errorf("glamour: error writing bytes: %w", err)
		}
		i += size
	}

	return len(p), nil
}

// Close closes the [PaddingWriter].
func (w *PaddingWriter) Close() error {
	return w.w.Close() //nolint:wrapcheck
}

// IndentFunc is a function that applies indentation around whatever you write to
// it.
type IndentFunc = func(w io.Writer)

// IndentWriter is a writer that applies indentation around whatever you write to
// it.
type IndentWriter struct {
	Indent     int
	IndentFunc PaddingFunc
	w          io.Writer
	pw         *WrapWriter
	skipIndent bool
}

// NewIndentWriter returns a new IndentWriter.
func NewIndentWriter(w io.Writer, indent int, indentFunc IndentFunc) *IndentWriter {
	return &IndentWriter{
		Indent:     indent,
		IndentFunc: indentFunc,
		pw:         NewWrapWriter(w),
		w:          w,
	}
}

func (w *IndentWriter) resetPen() {
	style := w.pw.Style()
	link := w.pw.Link()
	if !style.IsZero() {
		_, _ = io.WriteString(w.w, ansi.ResetStyle)
	}
	if !link.IsZero() {
		_, _ = io.WriteString(w.w, ansi.ResetHyperlink())
	}
}

func (w *IndentWriter) restorePen() {
	style := w.pw.Style()
	link := w.pw.Link()
	if !style.IsZero() {
		_, _ = io.WriteString(w.w, style.String())
	}
	if !link.IsZero() {
		_, _ = io.WriteString(w.w, ansi.SetHyperlink(link.URL, link.Params))
	}
}

// Write writes to the indentation writer.
//
// distlab: a line goes on in one write, its newline included, not one per
// rune; what reaches the writer below is the same (see PATCH.md).
func (w *IndentWriter) Write(p []byte) (int, error) {
	for i := 0; i < len(p); {
		size := bytes.IndexByte(p[i:], '\n') + 1
		if size == 0 {
			size = len(p) - i
		}
		if !w.skipIndent {
			w.resetPen()
			if w.IndentFunc != nil {
				for j := 0; j < w.Indent; j++ {
					w.IndentFunc(w.pw)
				}
			} else {
				_, err := io.WriteString(w.pw, strings.Repeat(" ", w.Indent))
				if err != nil {
					return 0, fmt.Errorf("glamour: error writing indentation: %w", err)
				}
			}

			w.skipIndent = true
			w.restorePen()
		}

		if p[i+size-1] == '\n' {
			w.skipIndent = false
		}

		_, err := w.pw.Write(p[i : i+size])
		if err != nil {
			return 0, fmt.Errorf("glamour: error writing bytes: %w", err)
		}
		i += size
	}

	return len(p), nil
}

// Close closes the [IndentWriter].
func (w *IndentWriter) Close() error {
	// Close the wrap writer (w.pw) before the downstream writer (w.w). w.pw
	// wraps w.w, so its Close flushes a trailing style/link reset back through
	// w.w. Closing w.w first would return its parser to the pool and nil it
	// out, turning that flush into a write on a closed writer.
	werr := w.pw.Close()

	if c, ok := w.w.(io.WriteCloser); ok {
		werr = errors.Join(werr, c.Close())
	}

	return werr
}
