package banner

import (
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// QR is a QR code of text, for a phone to read from the back of the room:
// dark modules on a light ground whatever the theme (phones read that way
// round), in the fixed black and white of the 256 colours, two modules a
// line, with a quiet zone of two; nil when text cannot be encoded.
func QR(text string) []string {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil
	}
	q.DisableBorder = true
	bits := q.Bitmap()
	const quiet = 2
	n := len(bits) + 2*quiet
	dark := func(y, x int) bool {
		y, x = y-quiet, x-quiet
		return y >= 0 && x >= 0 && y < len(bits) && x < len(bits) && bits[y][x]
	}
	color := func(d bool) string { // the fixed black and white of the 256 colours: 0 and 15 follow the terminal's palette
		if d {
			return "16"
		}
		return "231"
	}
	var out []string
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		for x := range n {
			// ▀: the upper module is the text's colour, the lower one the
			// ground's.
			b.WriteString("\x1b[38;5;" + color(dark(y, x)) + ";48;5;" + color(y+1 < n && dark(y+1, x)) + "m▀")
		}
		b.WriteString("\x1b[m")
		out = append(out, b.String())
	}
	return out
}
