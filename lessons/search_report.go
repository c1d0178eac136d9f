package lessons

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/charmbracelet/x/ansi"
)

// WriteHits prints one hit a line as grep and compilers do, id:line: text,
// each line cut to width cells with "…" (0: whole, for a pipe or a file).
func WriteHits(w io.Writer, hs []Hit, width int) error {
	for _, h := range hs {
		line := h.ID + ":" + strconv.Itoa(h.Line) + ": " + h.Text
		if width > 0 {
			line = ansi.Truncate(line, width, "…")
		}
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// WriteHitsJSON prints the hits as a JSON array of {id, line, text}; no
// hit is an empty array, not null.
func WriteHitsJSON(w io.Writer, hs []Hit) error {
	if hs == nil {
		hs = []Hit{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // a lesson's "a -> b" stays readable
	return enc.Encode(hs)
}
