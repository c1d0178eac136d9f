package main

import (
	"io"
	"os"
	"strings"

	glamouransi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"distlab/tui/markdown"
)

// plainStyle is lesson show's style for a pipe, a file or NO_COLOR: text
// without markdown's marks, which glamour's own notty style keeps. It is
// not one of glamour's names, so --style takes it beside them.
const plainStyle = "plain"

// styleNames are the styles lesson show accepts.
var styleNames = append([]string{plainStyle}, markdown.StyleNames...)

// lessonStyle is the glamour style called name; plain is glamour's notty
// style with every mark taken out and the words kept: no ** or * around
// bold and italics, no backquotes around code, no # before headings (the
// lesson's title is in capitals instead), an image by its text alone. A
// link is its text followed by its address, as glamour writes it; tables
// keep their columns and code blocks their indent.
func lessonStyle(name string) (cfg glamouransi.StyleConfig, err error) {
	if name != plainStyle {
		return markdown.Standard(name)
	}
	cfg, err = markdown.Standard("notty")
	if err != nil {
		return cfg, err
	}
	cfg.Strong.BlockPrefix, cfg.Strong.BlockSuffix = "", ""
	cfg.Emph.BlockPrefix, cfg.Emph.BlockSuffix = "", ""
	cfg.Strikethrough.BlockPrefix, cfg.Strikethrough.BlockSuffix = "", ""
	cfg.Code.BlockPrefix, cfg.Code.BlockSuffix = "", ""
	for _, h := range []*glamouransi.StyleBlock{&cfg.H1, &cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Prefix = ""
	}
	cfg.H1.Upper = new(true)
	cfg.ImageText.Format = "{{.text}}"
	cfg.DefinitionDescription.BlockPrefix = "\n  "
	return cfg, nil
}

// plainText is a render in the plain or another colourless style made fit
// for a file: no OSC 8 hyperlink around a link's address (glamour writes
// them in every style; the address is printed as text anyway), and no
// spaces glamour pads each line with.
func plainText(s string) string {
	return strings.TrimLeft(markdown.TrimLines(ansi.Strip(s)), "\n")
}

// terminal reports whether w is a terminal and, if so, its width (0 when
// the system does not say).
func terminal(w io.Writer) (tty bool, width int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return false, 0
	}
	if cols, _, err := term.GetSize(f.Fd()); err == nil {
		width = cols
	}
	return true, width
}
